"""Datasette plugin: claims shown in context, articles with their claims marked, figure charts.

This module holds the hooks only. Pages live under /-/claims/ (pages.py) and are rendered from
templates/, which Datasette loads because this package has that folder; static/ is served at
/-/static-plugins/claims/. Every hook acts only on claims databases (scope.py), and every link
is built through `datasette.urls` (links.py), so the site works under a `base_url` prefix.
templates/ also holds the plugin's versions of three of Datasette's templates, each falling
back to Datasette's own: _table.html (a wide table opens on its readable columns),
query.html (a canned query is titled, and one about a figure or source that finds nothing
offers some to pick) and error.html (an error page has a way home); templating.py says what
they are told.

Everything that came out of an article (text, titles, names, URLs) is escaped with markupsafe
before it meets HTML, and only http(s) URLs become links.
"""

from __future__ import annotations

from functools import partial

from datasette import hookimpl
from datasette.filters import FilterArguments

from claims.datasette_plugin import pages
from claims.datasette_plugin.cache import cache_small_results
from claims.datasette_plugin.cells import cell_html
from claims.datasette_plugin.counts import answer_from_counts, search_note
from claims.datasette_plugin.hardening import harden, holds_claims
from claims.datasette_plugin.links import (
    PAGES,
    article_url,
    claim_url,
    figure_url,
    static_url,
    timeline_url,
)
from claims.datasette_plugin.scope import is_claims_database, known_claims_database
from claims.datasette_plugin.templating import template_vars
from claims.datasette_plugin.text import describe
from claims.formats import format_number


@hookimpl
def startup(datasette):
    """Answer claims counts and facets from the stored counts, and cache small answers on
    immutable claims databases, so facets are counted only once."""

    async def wrap_claims_databases():
        """Wrap each claims database's execute; other databases are left as they are."""
        for name, db in list(datasette.databases.items()):
            if await is_claims_database(datasette, name):
                answer_from_counts(db, await db.table_exists("claim_counts"))
                cache_small_results(db)

    return wrap_claims_databases


@hookimpl
def filters_from_request(request, database, table, datasette):
    """Say on a claims search that matched more than it lists which matches it lists."""
    search = request.args.get("_search")
    if table != "claims" or not search:
        return None

    async def note():
        """The sentence, on a claims database, when the search matched too many claims."""
        if not await is_claims_database(datasette, database):
            return None
        said = await search_note(datasette.get_database(database), search)
        return FilterArguments([], human_descriptions=[said]) if said else None

    return note


@hookimpl
def prepare_connection(conn):
    """Cap value sizes and hide what leaks, on each connection to a claims database."""
    if holds_claims(conn):
        harden(conn)


@hookimpl
def register_routes():
    """The claim, article, figure and timeline pages (matched after base_url is removed)."""
    return [
        (rf"^{PAGES}/claim/(?P<id>[^/]+)$", pages.claim_page),
        (rf"^{PAGES}/article/(?P<id>[^/]+)$", pages.article_page),
        (rf"^{PAGES}/figure/(?P<id>[^/]+)$", pages.figure_page),
        (rf"^{PAGES}/timeline$", pages.timeline_page),
    ]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """Filters the templates build links and words with, bound to this Datasette's URLs."""
    env.filters.update({
        "claim_url": partial(claim_url, datasette),
        "article_url": partial(article_url, datasette),
        "figure_url": partial(figure_url, datasette),
        "timeline_url": partial(timeline_url, datasette),
        "format_number": format_number,
        "describe_claim": describe,
    })


@hookimpl
def extra_css_urls(database, datasette):
    """The plugin's stylesheet, on claims databases' pages and the plugin's own pages only."""

    async def urls():
        """The stylesheet's URL when `database` holds claims, else nothing."""
        if await is_claims_database(datasette, database):
            return [static_url(datasette, "claims.css")]
        return []

    return urls


@hookimpl
def extra_js_urls(database, view_name, datasette):
    """The script that folds long column descriptions, keeps links to http(s) and says when
    the map's tiles cannot load, on the tables, queries and canned queries of claims
    databases, where the map and its popups are."""

    async def urls():
        """The script's URL on a claims database's table or query page, else nothing."""
        if view_name in ("table", "database") and await is_claims_database(datasette, database):
            return [{"url": static_url(datasette, "claims.js"), "module": True}]
        return []

    return urls


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Cells in claims databases link to the plugin's pages (tables link ids to rows), the
    claims table marks each claim in its sentence, and numbers read as a reporter writes them
    ("40,000,000", not "40000000.0"); the JSON API keeps the raw values."""
    if value is None or value == "":
        return None
    known = known_claims_database(datasette, database)
    if known is False:
        return None
    html = cell_html(row, value, column, table, database, datasette)
    if html is None or known:
        return html

    async def cell():
        """The cell's HTML, once `database` is known to hold claims."""
        if await is_claims_database(datasette, database):
            return html
        return None

    return cell


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """What the plugin's table and query templates need: a wide table's readable columns,
    the figures to pick from on a comparison asked without one."""
    return template_vars(template, database, table, view_name, request, datasette)


@hookimpl
def menu_links(datasette):
    """A menu entry for the figure timelines, when a claims database is attached."""

    async def links():
        """The timelines link, or none on a site without claims."""
        for name in datasette.databases:
            if await is_claims_database(datasette, name):
                return [{"href": timeline_url(datasette), "label": "Figure timelines"}]
        return []

    return links
