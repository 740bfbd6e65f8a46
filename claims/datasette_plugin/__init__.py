"""Datasette plugin: claims shown in context, articles with their claims marked, figure charts.

This module holds the hooks only. Pages live under /-/claims/ (pages.py) and are rendered from
templates/, which Datasette loads because this package has that folder; static/ is served at
/-/static-plugins/claims/. Every hook acts only on claims databases (scope.py), and every link
is built through `datasette.urls` (links.py), so the site works under a `base_url` prefix.

Everything that came out of an article (text, titles, names, URLs) is escaped with markupsafe
before it meets HTML, and only http(s) URLs become links.
"""

from __future__ import annotations

from functools import partial

from datasette import hookimpl
from markupsafe import Markup

from claims.datasette_plugin import pages
from claims.datasette_plugin.cache import cache_small_results
from claims.datasette_plugin.hardening import harden, holds_claims
from claims.datasette_plugin.links import (
    PAGES,
    article_url,
    cell_link,
    claim_url,
    figure_url,
    static_url,
    timeline_url,
)
from claims.datasette_plugin.scope import is_claims_database
from claims.datasette_plugin.text import describe
from claims.formats import format_number


@hookimpl
def startup(datasette):
    """Cache small answers on immutable claims databases, so facets are counted only once."""

    async def cache_claims_databases():
        """Wrap each claims database's execute; other databases are left as they are."""
        for name, db in list(datasette.databases.items()):
            if await is_claims_database(datasette, name):
                cache_small_results(db)

    return cache_claims_databases


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
    """The script that folds long column descriptions and keeps links to http(s), on the
    tables, queries and canned queries ("database" pages) of claims databases, where the
    map's popups are."""

    async def urls():
        """The script's URL on a claims database's table or query page, else nothing."""
        if view_name in ("table", "database") and await is_claims_database(datasette, database):
            return [{"url": static_url(datasette, "claims.js"), "module": True}]
        return []

    return urls


#: Real-valued columns shown as stored: coordinates keep every decimal.
RAW_NUMBERS = frozenset({"latitude", "longitude"})


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Cells in claims databases link to the plugin's pages (tables link ids to rows), and
    numbers read as a reporter writes them ("40,000,000", not "40000000.0"); the JSON API
    keeps the raw numbers."""
    if value is None or value == "":
        return None
    href = cell_link(row, value, column, table, datasette)
    if href is None:
        if isinstance(value, float) and column not in RAW_NUMBERS:
            return _formatted(value, database, datasette)
        return None

    async def link():
        """The linked cell, once `database` is known to hold claims."""
        if await is_claims_database(datasette, database):
            return Markup('<a href="{}">{}</a>').format(href, value)
        return None

    return link


def _formatted(value: float, database: str, datasette):
    """A float cell formatted, once `database` is known to hold claims."""

    async def cell():
        """The number as text, or Datasette's own rendering elsewhere."""
        if await is_claims_database(datasette, database):
            return format_number(value)
        return None

    return cell


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
