"""What the plugin's versions of Datasette's templates are told (templates/_table.html,
query.html): the readable columns of a wide table, and the figures or sources to pick from
when a query about one finds nothing.

Links these build are query strings only ("?_columns=all"): relative to the page they are on,
they keep its path, `base_url` prefix included, whatever the proxy in front does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted

from claims.datasette_plugin.links import figure_url
from claims.datasette_plugin.scope import is_claims_database
from claims.formats import format_number

#: A canned query's closing `limit N` (an `offset` may follow): the most rows its page lists.
CLOSING_LIMIT = re.compile(r"\blimit\s+(\d+)(?:\s+offset\s+[^;]+?)?\s*;?\s*$", re.IGNORECASE)

#: A canned query whose SQL reads this parameter lists its rows a page at a time.
PAGE_PARAMETER = "page"

#: What SQLite's `cast(:page as integer)` reads of a page number: its leading whole number.
PAGE_NUMBER = re.compile(r"\s*\+?([0-9]+)")

#: `?_columns=all` shows every column of a table that has readable columns configured.
ALL_COLUMNS = ("_columns", "all")

FIGURE_CHOICES_SQL = """
select id as value, label, outlets, claims, min_value as low, max_value as high from figures
order by outlets desc, claims desc limit 25
"""

SOURCE_CHOICES_SQL = """
select c.source_id as value, coalesce(s.name, c.source_id) as label,
  count(distinct c.outlet_id) as outlets, count(*) as claims, null as low, null as high
from claims c left join sources s on s.id = c.source_id
where c.source_id is not null and coalesce(c.is_current, 1) = 1
group by c.source_id order by claims desc limit 25
"""


@dataclass(frozen=True)
class Picker:
    """A canned query about one thing (a figure, a source): the parameter naming it, and the
    things to offer when it is empty or names nothing."""

    parameter: str
    what: str
    ranked: str
    sql: str


#: Canned queries about one thing: asked without it, or for one that is not there, the page
#: offers the most reported ones, each a link to the query with it filled in.
PICKERS = {
    "compare_figure": Picker("figure_id", "figure", "reported by the most outlets",
                             FIGURE_CHOICES_SQL),
    "source_claims": Picker("source", "source", "cited in the most claims", SOURCE_CHOICES_SQL),
}


def query_string(request, changes: dict) -> str:
    """The page's query string with `changes` made (None removes a key), as a relative link."""
    kept = [(k, v) for k, v in parse_qsl(request.query_string) if k not in changes]
    kept += [(k, v) for k, v in changes.items() if v is not None]
    return "?" + urlencode(kept)


def sort_link(request, changes: dict) -> str:
    """A column header's link: the page re-sorted, from its first page."""
    return query_string(request, {**changes, "_next": None})


def readable_columns(datasette, database: str, table: str) -> list[str]:
    """The columns a table shows by default (metadata: plugins.claims.readable_columns)."""
    config = datasette.plugin_config("claims", database=database, table=table) or {}
    return list(config.get("readable_columns") or [])


def map_columns(datasette, database: str, table: str) -> list[str]:
    """The coordinate columns datasette-cluster-map looks for among the table's headers."""
    config = datasette.plugin_config("datasette-cluster-map", database=database, table=table)
    config = config or {}
    return [config.get("latitude_column", "latitude"), config.get("longitude_column", "longitude")]


def pick(items, names: list[str], key: str) -> list:
    """The items (cells or columns) named in `names`, in that order."""
    by_name = {item[key]: item for item in items}
    return [by_name[name] for name in names if name in by_name]


def table_vars(datasette, database: str, table: str, request) -> dict:
    """The readable-columns view of a wide table, unless the reader asked for every column
    (`?_columns=all`) or chose their own (`?_col=`); either way, the link to the other."""
    readable = readable_columns(datasette, database, table)
    if not readable:
        return {}
    if request.args.get(ALL_COLUMNS[0]) == ALL_COLUMNS[1] or "_col" in request.args:
        return {"claims_readable_link": query_string(
            request, {ALL_COLUMNS[0]: None, "_col": None, "_nocol": None}
        )}
    return {
        "claims_readable": readable,
        "claims_map_columns": map_columns(datasette, database, table),
        "claims_all_link": query_string(request, {ALL_COLUMNS[0]: ALL_COLUMNS[1]}),
        "claims_sort_link": partial(sort_link, request),
        "claims_pick": pick,
    }


def plural(count: int, word: str) -> str:
    """A count and its noun, so a choice reads "1 outlet" and "2 outlets"."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def choice_note(row: dict) -> str:
    """"6 outlets, 18 claims, 12 to 38": how much was reported, and how far apart."""
    note = f"{plural(row['outlets'], 'outlet')}, {plural(row['claims'], 'claim')}"
    if row["low"] is None:
        return note
    span = format_number(row["low"])
    if row["high"] != row["low"]:
        span += f" to {format_number(row['high'])}"
    return f"{note}, {span}"


async def choices(datasette, db, picker: Picker, request) -> list[dict] | None:
    """The things to pick from, most reported first, each linking to the query about it;
    None if listing them takes longer than a second (on a very large database)."""
    try:
        found = await db.execute(picker.sql, custom_time_limit=1000)
    except QueryInterrupted:
        return None
    return [{
        "label": r["label"],
        "note": choice_note(dict(r)),
        "link": query_string(request, {picker.parameter: r["value"]}),
        "page": figure_url(datasette, r["value"]) if picker.what == "figure" else None,
    } for r in found]


def row_limit(sql: str | None) -> int | None:
    """The number of rows a query ending in `limit N` stops at, so its page can say when a
    list was cut there rather than end as if it were whole."""
    found = CLOSING_LIMIT.search(sql or "")
    return int(found.group(1)) if found else None


def page_number(request) -> int:
    """The page a paged canned query lists, read as its SQL reads `:page` (empty, zero or not
    a number: the first), so the page's links agree with its rows."""
    found = PAGE_NUMBER.match(request.args.get(PAGE_PARAMETER) or "")
    return max(int(found.group(1)), 1) if found else 1


def pages(request, sql: str | None, shown: int) -> dict | None:
    """Which rows a paged canned query's page lists and the links to the pages around it;
    None for a query that is not paged."""
    size = row_limit(sql)
    if size is None or f":{PAGE_PARAMETER}" not in sql:
        return None
    page = page_number(request)
    return {
        "page": page,
        "first": (page - 1) * size + 1,
        "last": (page - 1) * size + shown,
        "size": size,
        "previous": query_string(request, {PAGE_PARAMETER: page - 1}) if page > 1 else None,
        "next": query_string(request, {PAGE_PARAMETER: page + 1}) if shown >= size else None,
    }


def query_vars(datasette, database: str, request) -> dict:
    """On a query page: the row limit its list may be cut at, or the pages it is listed in;
    on a query about one figure or source, what to offer when it finds nothing, listed only
    if the template asks (when the query returned no rows)."""
    found = {"claims_row_limit": row_limit, "claims_pages": partial(pages, request)}
    picker = PICKERS.get(request.url_vars.get("table"))
    if picker is None:
        return found

    async def pick_from() -> dict:
        """The heading, the reason and the choices, for the template."""
        asked = request.args.get(picker.parameter)
        return {
            "what": picker.what,
            "ranked": picker.ranked,
            "asked": asked,
            "choices": await choices(datasette, datasette.databases[database], picker, request),
        }

    return {**found, "claims_choices": pick_from}


async def template_vars(template: str, database, table, view_name: str, request,
                        datasette) -> dict:
    """The variables for a claims database's table and query pages; nothing elsewhere."""
    if request is None or not await is_claims_database(datasette, database):
        return {}
    found = {"claims_database": True}
    if view_name == "table" and table:
        found.update(table_vars(datasette, database, table, request))
    if template.startswith("query"):
        found.update(query_vars(datasette, database, request))
    return found
