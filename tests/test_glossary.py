"""The claim record is documented once (claims.models, claims.db) and the generated copies in
metadata.json and the README never drift from it, nor from what the code does."""

from __future__ import annotations

import json

import pytest

from claims import extract, glossary
from claims.db import SCHEMA, VIEWS
from claims.extraction import units
from claims.models import (
    GROUPED_METRICS,
    METRIC_TABLE,
    METRICS,
    PEOPLE_METRICS,
    QUALIFIERS,
    UNIT_EXAMPLES,
    Claim,
)


def test_generated_files_are_up_to_date():
    assert glossary.drift() == [], "run: uv run python -m claims.glossary --write"


def test_every_record_field_and_stored_column_is_described():
    docs = glossary.column_descriptions()
    for table, spec in SCHEMA.items():
        assert set(spec["columns"]) <= set(docs.get(table, {})), table
    assert all(field.description for field in Claim.model_fields.values())
    assert set(Claim.model_fields) <= set(docs["claims"])


def test_documented_columns_exist():
    docs = glossary.column_descriptions()
    for table, columns in docs.items():
        if table in SCHEMA:
            assert set(columns) <= set(SCHEMA[table]["columns"]), table
        else:
            assert table in VIEWS, f"{table} is neither a table nor a view"


def test_metadata_descriptions_come_from_the_record():
    metadata = json.loads(glossary.METADATA.read_text(encoding="utf-8"))
    columns = metadata["databases"]["claims"]["tables"]["claims"]["columns"]
    assert columns["value"] == Claim.model_fields["value"].description
    assert "midpoint" not in columns["value"]


def test_metric_table_is_the_vocabulary():
    assert METRICS == tuple(m.name for m in METRIC_TABLE)
    assert len(set(METRICS)) == len(METRICS)
    assert "killed" in PEOPLE_METRICS and "money" not in PEOPLE_METRICS
    assert "killed" in GROUPED_METRICS and "age" not in GROUPED_METRICS


@pytest.mark.parametrize("unit", UNIT_EXAMPLES)
def test_every_unit_the_docs_name_is_one_the_extractor_emits(unit):
    emitted = {"people", "items"} | set(units.UNIT_METRIC) | set(units.MONEY_UNITS)
    assert unit in emitted


def test_a_range_value_is_its_lower_bound_as_documented():
    (claim,) = extract("Between 30 and 40 people were killed in the fire.")
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (30, 30, 40, "range")
    assert "lower bound" in Claim.model_fields["value"].description


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_is_in_the_readme(qualifier):
    assert f"| `{qualifier}` |" in glossary.README.read_text(encoding="utf-8")


def test_a_canned_query_finds_its_towns_as_the_pages_do():
    current = json.loads(glossary.METADATA.read_text(encoding="utf-8"))
    queries = current["databases"]["claims"]["queries"]
    led = [q["sql"] for q in queries.values() if q["sql"].startswith("with towns as")]
    assert led and all(sql.startswith(glossary.towns_step()) for sql in led)
    drifted = json.loads(json.dumps(current))
    for query in drifted["databases"]["claims"]["queries"].values():
        if query["sql"].startswith("with towns as"):
            query["sql"] = query["sql"].replace("and metric = :metric", "", 1)
    regenerated = glossary.metadata(drifted)["databases"]["claims"]["queries"]
    assert {n: q["sql"] for n, q in regenerated.items()} == {
        n: q["sql"] for n, q in queries.items()}
