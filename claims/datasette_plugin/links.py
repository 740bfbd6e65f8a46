"""Where the plugin's pages live, and the URLs that lead to them.

Every URL is built through `datasette.urls`, so it carries the `base_url` prefix and keeps
working when the site is served behind a proxy at a sub-path.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit
from weakref import WeakKeyDictionary

from claims.db import SCHEMA

#: The plugin's pages, relative to the site root (Datasette strips `base_url` before routing).
PAGES = "/-/claims"

#: Static files are served under the plugin's name: the distribution name, `claims`.
PLUGIN_NAME = "claims"


def claim_url(datasette, claim_id: str) -> str:
    """The claim-in-context page, so a claim is always one click from its sentence."""
    return datasette.urls.path(f"{PAGES}/claim/{quote(str(claim_id), safe='')}")


def article_url(datasette, article_id: str) -> str:
    """The article page with its claims marked, so a figure can be read in its story."""
    return datasette.urls.path(f"{PAGES}/article/{quote(str(article_id), safe='')}")


def figure_url(datasette, figure_id: str) -> str:
    """The figure page, so one quantity can be compared across outlets."""
    return datasette.urls.path(f"{PAGES}/figure/{quote(str(figure_id), safe='')}")


def timeline_url(
    datasette, metric: str | None = None, place: str | None = None, unit: str | None = None
) -> str:
    """The timeline page for a metric (and place, unit), or its index when none is given."""
    params = {"metric": metric or "", "place": place or "", "unit": unit or ""}
    query = urlencode({k: v for k, v in params.items() if v})
    return datasette.urls.path(f"{PAGES}/timeline" + (f"?{query}" if query else ""))


#: Each site's claims table URL per database; a site that is gone lets go of its entry.
_CLAIMS_TABLES: WeakKeyDictionary = WeakKeyDictionary()


def claims_table_url(datasette, database: str) -> str:
    """The claims table of `database`, built once per site: a query's place cells all link
    there."""
    known = _CLAIMS_TABLES.setdefault(datasette, {})
    if database not in known:
        known[database] = datasette.urls.table(database, "claims")
    return known[database]


def static_url(datasette, name: str) -> str:
    """A file from the plugin's static/ folder, as Datasette serves it under base_url."""
    return datasette.urls.static_plugins(PLUGIN_NAME, name)


def safe_href(url: str | None) -> str | None:
    """Only web URLs become links: a `javascript:` URL in an article must not run."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


#: (table, column) -> (key column, page): the value links to the page for that row's key.
CELL_LINKS = {
    ("claims", "text"): ("id", claim_url),
    ("articles", "title"): ("id", article_url),
    ("figures", "label"): ("id", figure_url),
}
#: In canned queries and views, these columns link to the page for their own value.
QUERY_LINKS = {"claim_id": claim_url, "figure_id": figure_url, "article_id": article_url}
#: In canned queries and views, these columns link to the page of the id beside them.
QUERY_ROW_LINKS = {
    "text": ("claim_id", claim_url),
    "label": ("figure_id", figure_url),
    "title": ("article_id", article_url),
}


def _row_page(row, key: str, page, datasette) -> str | None:
    """The page for the row's `key`, or None when the row has no such column or it is empty."""
    try:
        found = row[key]
    except (IndexError, KeyError):
        return None
    return page(datasette, found) if found not in (None, "") else None


def cell_link(row, value, column, table, datasette) -> str | None:
    """Where a cell links to: its row's page for claim text, article titles and figure
    labels (in queries and views too, when the row carries the id); its own page for
    claim_id / figure_id / article_id in queries and views."""
    if (table, column) in CELL_LINKS:
        return _row_page(row, *CELL_LINKS[(table, column)], datasette)
    if table in SCHEMA:
        return None
    if column in QUERY_LINKS:
        return QUERY_LINKS[column](datasette, value)
    if column in QUERY_ROW_LINKS:
        return _row_page(row, *QUERY_ROW_LINKS[column], datasette)
    return None
