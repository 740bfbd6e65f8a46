"""How the cells of a claims database read in Datasette's tables, views and queries.

`cell_html` gives a cell's HTML, or None for Datasette's own rendering. Everything that came
out of an article is escaped with markupsafe, only http(s) URLs become links, and every link
to the site is built through `datasette.urls`.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from markupsafe import Markup, escape

from claims.datasette_plugin.links import cell_link, claim_url, claims_table_url, safe_href
from claims.datasette_plugin.text import claim_in_sentence, link
from claims.db import SCHEMA
from claims.formats import format_number

#: Real-valued columns shown as stored: coordinates keep every decimal.
RAW_NUMBERS = frozenset({"latitude", "longitude"})

#: The columns the marked sentence is built from, where the row has them.
SENTENCE_COLUMNS = ("text", "sentence", "start", "sentence_start")


def column_of(row, key: str):
    """The row's value for `key`, or None when the page left that column out."""
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


def sentence_cell(row, table: str | None, datasette) -> Markup | None:
    """A claim's sentence with the claim marked, the mark linking to the claim page (the
    claims table's id, a query's claim_id); None when the row lacks the claim's text
    (`?_nocol=text`)."""
    claim = {key: column_of(row, key) for key in SENTENCE_COLUMNS}
    if claim["text"] is None:
        return None
    claim_id = column_of(row, "id" if table == "claims" else "claim_id")
    return claim_in_sentence(claim, claim_url(datasette, claim_id) if claim_id else None)


def outlet_value(item: str) -> Markup:
    """One "outlet: number" item with the number formatted; anything else escaped as it is."""
    name, _, number = item.rpartition(": ")
    try:
        return Markup(f"{escape(name)}: {format_number(float(number))}") if name else escape(item)
    except ValueError:
        return escape(item)


def outlet_values_cell(value) -> Markup | None:
    """"Wire: 40000000.0; Radio: 12.0" as one outlet a line, numbers as a reporter writes
    them."""
    if not isinstance(value, str):
        return None
    return Markup("<br>").join(outlet_value(item) for item in value.split("; "))


def article_link_cell(value) -> Markup | None:
    """An article's address as a short link naming its site (the whole address in the
    tooltip), so a query's rows are not as wide as its longest URL."""
    href = safe_href(value) if isinstance(value, str) else None
    if href is None:
        return None
    return Markup(f'<a href="{escape(href)}" title="{escape(href)}" rel="nofollow noopener">'
                  f'{escape(urlsplit(href).netloc or href)}</a>')


def place_cell(value, database: str, datasette) -> Markup:
    """A place in a query's results, linking to the claims about it in the claims table."""
    return link(claims_table_url(datasette, database) + "?" + urlencode({"place": value}), value)


def cell_html(row, value, column: str, table: str | None, database: str, datasette):
    """A cell's HTML in a claims database: links to the plugin's pages, the claim marked in
    its sentence, outlets' values one a line, numbers formatted; None leaves it to
    Datasette."""
    href = cell_link(row, value, column, table, datasette)
    if href is not None:
        return link(href, value)
    if column == "sentence" and (table == "claims" or table not in SCHEMA):
        return sentence_cell(row, table, datasette)
    if column == "values_by_outlet":
        return outlet_values_cell(value)
    if table not in SCHEMA and column == "article_url":
        return article_link_cell(value)
    if table not in SCHEMA and column == "place" and isinstance(value, str):
        return place_cell(value, database, datasette)
    if isinstance(value, float) and column not in RAW_NUMBERS:
        return format_number(value)
    return None
