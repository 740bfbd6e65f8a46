"""`claims export`: CSV, JSON, JSON lines and ClaimReview JSON-LD, with filters."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from test_datasette import build_db

from claims.cli import cli
from claims.db import Article, open_db
from claims.export import export
from claims.ingest import store


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """The Datasette tests' small database, built once for every export test."""
    return build_db(tmp_path_factory.mktemp("export") / "claims.db")


def run(db_path, *args):
    """`claims export --db DB_PATH ARGS` in process."""
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), *args])
    return result


def texts(output: str) -> list[str]:
    """The claim texts of JSON lines output, to compare what a filter kept."""
    return [json.loads(line)["text"] for line in output.splitlines()]


def test_csv_has_every_claim_and_its_context(db_path):
    result = run(db_path)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    count = sqlite3.connect(db_path).execute("select count(*) from claims").fetchone()[0]
    assert len(rows) == count
    twelve = next(r for r in rows if r["outlet_name"] == "Evening Post")
    assert twelve["text"] == "At least 12 people"
    assert twelve["article_url"] == "https://eveningpost.example/aleppo"
    assert twelve["source_name"] == "Syrian Observatory for Human Rights"
    assert float(twelve["value"]) == 12 and twelve["qualifier"] == "at_least"


def test_csv_header_even_when_nothing_matches(db_path):
    result = run(db_path, "--metric", "temperature")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("id,article_id,")
    assert len(result.output.splitlines()) == 1


def test_json_and_jsonl_agree(db_path):
    as_json = json.loads(run(db_path, "--format", "json").output)
    lines = run(db_path, "--format", "jsonl").output.splitlines()
    assert as_json == [json.loads(line) for line in lines]
    assert {"id", "text", "start", "end", "value", "unit", "outlet_name"} <= set(as_json[0])


@pytest.mark.parametrize("outlet", ["The Gazette", "the gazette", "the-gazette",
                                    "gazette.example"])
def test_outlet_filter_by_name_id_or_domain(db_path, outlet):
    result = run(db_path, "--format", "jsonl", "--outlet", outlet)
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["outlet_name"] for r in rows} == {"The Gazette"}


def test_metric_place_and_repeated_filters(db_path):
    killed = texts(run(db_path, "--format", "jsonl", "--metric", "killed", "--place",
                       "aleppo").output)
    assert sorted(killed) == ["At least 12 people", "At least 12 people",
                              "At least 20 people", "Some 15 people"]
    both = texts(run(db_path, "--format", "jsonl", "--metric", "killed", "--metric",
                     "displaced").output)
    assert len(both) == 5 and "About 300 families" in both


def test_date_filters_use_the_figure_date_then_publication(db_path):
    # The Aleppo toll is dated Monday 2024-03-04 by the text; the Homs figure has no date
    # of its own, so its article's publication date (2024-03-05) counts.
    march = texts(run(db_path, "--format", "jsonl", "--since", "2024-03",
                      "--until", "2024-03").output)
    assert len(march) == len(texts(run(db_path, "--format", "jsonl").output))
    later = texts(run(db_path, "--format", "jsonl", "--since", "2024-03-05").output)
    assert "About 300 families" in later and "Some 15 people" not in later
    earlier = texts(run(db_path, "--format", "jsonl", "--until", "2024-03-04").output)
    assert "Some 15 people" in earlier and "About 300 families" not in earlier
    assert run(db_path, "--format", "jsonl", "--until", "2023").output == ""


def test_claimreview(db_path):
    result = run(db_path, "--format", "claimreview", "--outlet", "Morning Star",
                 "--base-url", "https://claims.example.org/")
    document = json.loads(result.output)
    assert document["@context"] == "https://schema.org"
    (review,) = document["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["url"].startswith("https://claims.example.org/-/claims/claim/")
    assert review["claimReviewed"].startswith("At least 20 people were killed in Aleppo")
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["name"] == "At least 20 people"
    assert claim["appearance"]["url"] == "https://morningstar.example/aleppo"
    assert claim["appearance"]["publisher"]["name"] == "Morning Star"
    assert claim["author"]["name"] == "Syrian Observatory for Human Rights"
    assert claim["spatialCoverage"]["name"] == "Aleppo"
    assert claim["spatialCoverage"]["geo"]["latitude"] > 30
    assert claim["temporalCoverage"] == "2024-03-04"
    value = claim["about"]
    assert value["@type"] == "QuantitativeValue"
    assert value["value"] == 20 and value["minValue"] == 20 and "maxValue" not in value
    assert value["unitText"] == "people"
    properties = {p["propertyID"]: p["value"] for p in value["additionalProperty"]}
    assert properties["metric"] == "killed" and properties["qualifier"] == "at_least"
    rating = review["reviewRating"]
    assert rating["alternateName"] == "Outlets disagree: 12 to 20"
    assert "4 outlets" in rating["ratingExplanation"]


def test_claimreview_approximate_value_has_no_bounds(db_path):
    document = json.loads(run(db_path, "--format", "claimreview", "--outlet",
                              "Daily Planet", "--metric", "displaced").output)
    (review,) = document["@graph"]
    value = review["itemReviewed"]["about"]
    assert value["value"] == 300 and "minValue" not in value and "maxValue" not in value
    properties = {p["propertyID"]: p["value"] for p in value["additionalProperty"]}
    assert properties["qualifier"] == "approximately"
    assert review["@id"].startswith("urn:claims:claim:") and "url" not in review


def test_output_file_and_python_api_agree(db_path, tmp_path):
    target = tmp_path / "claims.json"
    result = run(db_path, "--format", "json", "--metric", "killed", "-o", str(target))
    assert result.exit_code == 0
    assert "4 claims written to" in result.output
    buffer = io.StringIO()
    count = export(sqlite_utils.Database(db_path), buffer, "json", metrics=("killed",))
    assert count == 4
    assert json.loads(buffer.getvalue()) == json.loads(target.read_text())


@pytest.mark.parametrize("args, message", [
    (["--since", "March"], "dates look like"),
    (["--until", "2024-3-1"], "dates look like"),
    (["--format", "xml"], "Invalid value"),
])
def test_bad_input_is_a_one_line_error(db_path, args, message):
    result = run(db_path, *args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_missing_database(tmp_path):
    result = run(tmp_path / "nope.db")
    assert result.exit_code == 1
    assert "Error: no database at" in result.output
    assert not (tmp_path / "nope.db").exists()


def test_superseded_versions_only_on_request(tmp_path):
    db = open_db(tmp_path / "claims.db")
    url = "https://dailyplanet.example/homs"
    store(db, Article(body="About 300 families were displaced from Homs, the United "
                            "Nations said.", url=url, outlet="Daily Planet",
                            published="2024-03-05"))
    store(db, Article(body="About 500 families were displaced from Homs, the United "
                            "Nations said.", url=url, outlet="Daily Planet",
                            published="2024-03-05"))
    db.close()
    current = texts(run(tmp_path / "claims.db", "--format", "jsonl").output)
    assert current == ["About 500 families"]
    every = texts(run(tmp_path / "claims.db", "--format", "jsonl", "--all-versions").output)
    assert sorted(every) == ["About 300 families", "About 500 families"]
