"""One writer, one number formatter and one date coercer behind every command's output."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from claims import export
from claims.cli import cli
from claims.compare import group_figures
from claims.db import Article, open_db
from claims.formats import coerce_date, format_number, write
from claims.ingest import store

RECORDS = [
    {"text": "About 300 families", "value": 300.0, "unit": "people", "note": "first"},
    {"text": "Nearly €2.5 million", "value": 2500000.0, "unit": "eur", "note": "second"},
]


def written(records, fmt, **options) -> tuple[str, int]:
    """What `write` puts on a stream, and the count it returns."""
    stream = io.StringIO()
    count = write(records, fmt, stream, **options)
    return stream.getvalue(), count


@pytest.mark.parametrize(("text", "whole", "expected"), [
    ("2024", False, "2024"), ("2024-02", False, "2024-02"), ("2024-02-29", False, "2024-02-29"),
    (" 2024-03-05 ", True, "2024-03-05"),
])
def test_dates_that_are_accepted(text, whole, expected):
    assert coerce_date(text, whole=whole) == expected


@pytest.mark.parametrize(("text", "whole"), [
    ("2024", True), ("2024-03", True), ("2023-02-29", False), ("2024-00", False),
    ("2024-3-5", False), ("March 2024", False), ("20240305", False), ("", False),
])
def test_dates_that_are_refused_say_what_a_date_looks_like(text, whole):
    with pytest.raises(ValueError, match="dates look like 2024"):
        coerce_date(text, whole=whole)


@pytest.mark.parametrize(("value", "expected"), [
    (12.0, "12"), (12000, "12,000"), (1500000.0, "1,500,000"), (2.5, "2.5"), (1.25, "1.25"),
    (0.667, "0.67"), (-3.0, "-3"), (None, ""),
])
def test_numbers_read_as_a_reporter_writes_them(value, expected):
    assert format_number(value) == expected


def test_a_missing_number_can_show_a_placeholder():
    assert format_number(None, missing="-") == "-"


def test_ratings_use_the_same_numbers():
    rating = export.rating({"figure_id": "f1", "figure_min": 1500000.0, "figure_max": 2.5e6,
                            "figure_outlets": 2, "figure_median": 2e6, "figure_label": "money"})
    assert rating["alternateName"] == "Outlets disagree: 1,500,000 to 2,500,000"
    assert rating["ratingExplanation"] == (
        "2 outlets reported money between 1,500,000 and 2,500,000, median 2,000,000.")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_every_format_takes_a_stream_of_records_and_counts_them(fmt):
    text, count = written(iter(RECORDS), fmt)
    assert count == 2
    assert "About 300 families" in text and "Nearly €2.5 million" in text


def test_json_is_an_array_one_record_a_line():
    text, _ = written(iter(RECORDS), "json")
    assert json.loads(text) == RECORDS
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert written([], "json") == ("[]\n", 0)


def test_jsonl_is_one_record_a_line():
    text, _ = written(RECORDS, "jsonl")
    assert [json.loads(line) for line in text.splitlines()] == RECORDS
    assert written([], "jsonl") == ("", 0)


def test_csv_keeps_its_header_when_nothing_matches_and_its_columns_when_asked():
    assert written([], "csv", fields=["text", "value"]) == ("text,value\n", 0)
    text, _ = written(RECORDS, "csv", fields=["value", "text"])
    assert list(csv.reader(io.StringIO(text)))[:2] == [["value", "text"],
                                                      ["300.0", "About 300 families"]]
    every, _ = written(RECORDS, "csv")
    assert next(csv.reader(io.StringIO(every))) == ["text", "value", "unit", "note"]


def test_table_lines_up_numbers_and_names_the_file_when_there_are_several():
    text, _ = written([{"file": "a.txt", **RECORDS[0]}, {"file": "b.txt", **RECORDS[1]}],
                      "table")
    header, rule, first, second = text.splitlines()
    assert header.split()[:3] == ["file", "text", "value"]
    assert set(rule) <= {"-", " "}
    assert first.startswith("a.txt") and "300" in first and "300.0" not in first
    assert "2,500,000" in second
    assert written([], "table") == ("(no claims)\n", 0)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="format must be one of table, jsonl, json, csv"):
        written(RECORDS, "xml")


def test_extract_export_and_compare_write_json_alike(tmp_path):
    sentence = "At least 14 people were killed in Homs on Monday, the health ministry said."
    db = open_db(tmp_path / "claims.db")
    for outlet, number in (("Wire", 14), ("Ledger", 16)):
        store(db, Article(body=sentence.replace("14", str(number)), outlet=outlet,
                          published="2024-03-05"))
    group_figures(db)
    db.close()
    outputs = [CliRunner().invoke(cli, args, input=sentence).output for args in (
        ["extract", "--format", "json"],
        ["export", "--db", str(tmp_path / "claims.db"), "--format", "json"],
        ["compare", "--db", str(tmp_path / "claims.db"), "--format", "json"],
    )]
    for output in outputs:
        lines = output.splitlines()
        assert lines[0] == "[" and lines[-1] == "]", output
        records = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
        assert records and records == json.loads(output)
    extracted, exported, compared = (json.loads(output) for output in outputs)
    assert extracted[0]["value"] == 14
    assert sorted(r["value"] for r in exported) == [14, 16]
    assert compared[0]["min_value"] == 14 and compared[0]["max_value"] == 16
