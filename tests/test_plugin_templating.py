"""What the plugin tells Datasette's templates, piece by piece: relative links that keep the
page's other arguments, cells picked by name, and the choices a query about one figure or
source offers when it finds nothing."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from datasette.database import QueryInterrupted

from claims.datasette_plugin import templating


def request(query: str) -> SimpleNamespace:
    """As much of a Datasette request as the links need."""
    return SimpleNamespace(query_string=query)


def test_links_are_relative_query_strings_keeping_the_other_arguments():
    """"?_columns=all" is added to, or removed from, whatever the page was asked with."""
    asked = request("metric=killed&_sort=value")
    assert templating.query_string(asked, {"_columns": "all"}) == (
        "?metric=killed&_sort=value&_columns=all"
    )
    assert templating.query_string(request("_columns=all&place=A+B"), {"_columns": None}) == (
        "?place=A+B"
    )
    assert templating.sort_link(request("_next=50&x=1"), {"_sort": "value"}) == (
        "?x=1&_sort=value"
    )


def test_cells_and_columns_are_picked_in_the_configured_order():
    """The readable columns come in metadata's order; columns the page lacks are skipped."""
    cells = [{"column": name, "value": name.upper()} for name in ("id", "value", "sentence")]
    picked = templating.pick(cells, ["sentence", "metric", "value"], "column")
    assert [c["value"] for c in picked] == ["SENTENCE", "VALUE"]


def test_a_choice_says_how_much_was_reported_and_how_far_apart():
    """Counts with their nouns, and the span of values when there is one."""
    note = templating.choice_note({"outlets": 1, "claims": 2, "low": 12.0, "high": 40000000.0})
    assert note == "1 outlet, 2 claims, 12 to 40,000,000"
    assert templating.choice_note({"outlets": 3, "claims": 1, "low": 5, "high": 5}) == (
        "3 outlets, 1 claim, 5"
    )
    assert templating.choice_note({"outlets": 2, "claims": 9, "low": None, "high": None}) == (
        "2 outlets, 9 claims"
    )


def test_choices_that_take_too_long_are_none_not_an_empty_list():
    """On a database too large to rank in a second the page says so, rather than claiming
    there is nothing to pick."""

    class Slow:
        """A database whose every query runs out of time."""

        async def execute(self, sql, custom_time_limit=None):
            """Time out, as SQLite does past the limit."""
            raise QueryInterrupted(None, sql, {})

    picker = templating.PICKERS["source_claims"]
    assert asyncio.run(templating.choices(None, Slow(), picker, request(""))) is None
