"""Rates keep their denominator in the claim's `per`, in sentences written for these tests,
and `per` reaches the database, the claim page and the exports."""

from __future__ import annotations

import io
import json

import httpx
import pytest

from claims import extract
from claims.export import export


@pytest.mark.parametrize("text,expected", [
    ("Milk now costs €1.15 a litre.", [("€1.15 a litre", "eur", "litre")]),
    ("The flat rents for $2,900 a month.", [("$2,900 a month", "usd", "month")]),
    ("The wells produce 80,000 barrels a day.", [("80,000 barrels a day", "barrel", "day")]),
    ("The wells produce 80,000 bpd.", [("80,000 bpd", "barrel", "day")]),
    ("Exports grew 4 percent a year.", [("4 percent a year", "percent", "year")]),
    ("The firm earned 41 cents per share.", [("41 cents per share", "cent", "share")]),
    ("The fund pays 3 percent per annum.", [("3 percent per annum", "percent", "year")]),
    ("Shops let for $80 per sq m.", [("$80 per sq m", "usd", "square metre")]),
    ("Flats sell for £900 per sq ft.", [("£900 per sq ft", "gbp", "square foot")]),
    ("Rescuers freed 12 people a day in the first week.", [("12 people a day", "people", "day")]),
])
def test_a_rate_keeps_what_it_is_per(text, expected):
    assert [(c.text, c.unit, c.per) for c in extract(text)] == expected


@pytest.mark.parametrize("text", [
    "Exports were 4 percent higher a year earlier.",
    "Turnout was 61 percent a day after the vote.",
    "He earned $40,000 a year ago.",
])
def test_a_time_after_a_figure_is_no_rate(text):
    assert all(c.per is None for c in extract(text))


def test_a_level_is_no_rate():
    (claim,) = extract("The wells produce 80,000 barrels.")
    assert claim.per is None


def test_the_demo_database_stores_per(demo_db):
    rows = demo_db.execute(
        "select text, unit, per from claims where per = 'litre' and text like '%1.92%'"
    ).fetchall()
    assert rows == [("€1.92 a litre", "eur", "litre")]


def test_the_claim_page_says_what_a_rate_is_per(demo_site, demo_db):
    (claim_id,) = demo_db.execute(
        "select id from claims where per = 'litre' and text like '%1.92%'"
    ).fetchone()
    page = httpx.get(f"{demo_site.url}/-/claims/claim/{claim_id}", timeout=30)
    assert page.status_code == 200
    assert "eur per litre" in page.text


def test_exports_carry_per(demo_db):
    out = io.StringIO()
    export(demo_db, out, "jsonl", metrics=("money",))
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {"€1.92 a litre": "litre"}.items() <= {r["text"]: r["per"] for r in rows}.items()
    out = io.StringIO()
    export(demo_db, out, "claimreview", metrics=("money",))
    values = [r["itemReviewed"]["about"] for r in json.loads(out.getvalue())["@graph"]]
    litre = [v for v in values if v.get("unitText") == "eur per litre"]
    assert litre and {"@type": "PropertyValue", "propertyID": "per", "value": "litre"} in (
        litre[0]["additionalProperty"]
    )
