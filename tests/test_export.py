"""`claims export`: CSV, JSON, JSON lines and ClaimReview JSON-LD, with filters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sqlite3
from contextlib import closing

import httpx
import pytest
import sqlite_utils
from click.testing import CliRunner
from test_datasette import build_db

from claims.cli import cli
from claims.db import Article, open_db
from claims.export import DEFAULT_BASE_URL, export
from claims.ingest import regroup_if_stale, store

# The schema.org types a ClaimReview export uses, each with the properties schema.org
# defines for it (its own or inherited from CreativeWork, Thing, StructuredValue...) that
# the export may write, and what each value must be: "Text", "URL", "Date", "Number", or
# the types a nested object may have. From https://schema.org/ClaimReview, /Claim, /Rating.
TEXT, URL, DATE, NUMBER = "Text", "URL", "Date", "Number"
AGENT = ("Organization", "Person")
CREATIVE_WORK = ("CreativeWork", "Article", "NewsArticle", URL)
SCHEMA: dict[str, dict[str, str | tuple]] = {
    "ClaimReview": {"@id": URL, "url": URL, "claimReviewed": TEXT, "itemReviewed": ("Claim",),
                    "reviewRating": ("Rating",), "author": AGENT, "datePublished": DATE},
    "Claim": {"name": TEXT, "about": ("QuantitativeValue",), "appearance": CREATIVE_WORK,
              "firstAppearance": CREATIVE_WORK, "author": AGENT, "datePublished": DATE,
              "spatialCoverage": ("Place",), "temporalCoverage": TEXT},
    "Rating": {"alternateName": TEXT, "name": TEXT, "ratingExplanation": TEXT,
               "ratingValue": NUMBER, "bestRating": NUMBER, "worstRating": NUMBER},
    "NewsArticle": {"url": URL, "headline": TEXT, "datePublished": DATE, "publisher": AGENT},
    "Organization": {"name": TEXT, "url": URL},
    "Person": {"name": TEXT, "url": URL},
    "Place": {"name": TEXT, "address": ("PostalAddress",), "geo": ("GeoCoordinates",)},
    "PostalAddress": {"addressCountry": TEXT},
    "GeoCoordinates": {"latitude": NUMBER, "longitude": NUMBER},
    "QuantitativeValue": {"value": NUMBER, "minValue": NUMBER, "maxValue": NUMBER,
                          "unitText": TEXT, "additionalProperty": ("PropertyValue",)},
    "PropertyValue": {"propertyID": TEXT, "value": (TEXT, NUMBER, "Boolean")},
}
# What a fact check must carry to be read as one (Google's ClaimReview guidance, plus the
# issue's "every item has a url, a datePublished and a reviewRating").
REQUIRED = {
    "ClaimReview": {"url", "claimReviewed", "reviewRating", "itemReviewed", "author",
                    "datePublished"},
    "Claim": {"appearance", "author"},
    "Rating": {"alternateName"},
    "Organization": {"name"},
}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T[\d:.+\-Z]+)?)?)?$")


def literal_problem(value, kind: str) -> str | None:
    """Why a plain value is not of the literal `kind`, or None when it is."""
    checks = {
        TEXT: isinstance(value, str) and bool(value.strip()),
        URL: isinstance(value, str) and value.startswith(("http://", "https://")),
        DATE: isinstance(value, str) and bool(ISO_DATE.match(value)),
        NUMBER: isinstance(value, int | float) and not isinstance(value, bool),
        "Boolean": isinstance(value, bool),
    }
    return None if checks[kind] else f"{value!r} is not {kind}"


def schema_problems(node, allowed, where: str = "$") -> list[str]:
    """Everything in `node` that schema.org's definitions (SCHEMA, REQUIRED) do not allow,
    each as "path: problem"; an empty list for a valid document."""
    allowed = (allowed,) if isinstance(allowed, str) else allowed
    if isinstance(node, list):
        return [p for i, item in enumerate(node)
                for p in schema_problems(item, allowed, f"{where}[{i}]")]
    if not isinstance(node, dict):
        literals = [literal_problem(node, kind) for kind in allowed if kind not in SCHEMA]
        return [] if None in literals else [f"{where}: {literals or 'an object is expected'}"]
    kind = node.get("@type")
    if kind not in allowed or kind not in SCHEMA:
        return [f"{where}: type {kind!r}, expected one of {allowed}"]
    problems = [f"{where}: {kind} lacks {name}"
                for name in sorted(REQUIRED.get(kind, set()) - set(node))]
    for name, value in node.items():
        if name == "@type":
            continue
        if name not in SCHEMA[kind]:
            problems.append(f"{where}.{name}: not a property of {kind}")
        else:
            problems += schema_problems(value, SCHEMA[kind][name], f"{where}.{name}")
    if kind == "Rating" and "ratingValue" in node:
        scale = (node.get("worstRating"), node["ratingValue"], node.get("bestRating"))
        if None in scale or not scale[0] <= scale[1] <= scale[2]:
            problems.append(f"{where}: ratingValue needs worstRating <= it <= bestRating")
    return problems


def claimreview(document: str) -> list[dict]:
    """The reviews of a ClaimReview export, after checking the document around them."""
    parsed = json.loads(document)
    assert set(parsed) == {"@context", "@graph"}
    assert parsed["@context"] == "https://schema.org"
    return parsed["@graph"]


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
    assert result.stderr == ""
    (review,) = claimreview(result.stdout)
    assert review["@type"] == "ClaimReview"
    assert review["url"].startswith("https://claims.example.org/-/claims/claim/")
    assert review["@id"] == review["url"]
    assert review["author"] == {"@type": "Organization", "name": "claims",
                                "url": "https://claims.example.org/"}
    assert review["datePublished"] == dt.date.today().isoformat()
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
    result = run(db_path, "--format", "claimreview", "--outlet", "Daily Planet",
                 "--metric", "displaced")
    (review,) = claimreview(result.stdout)
    value = review["itemReviewed"]["about"]
    assert value["value"] == 300 and "minValue" not in value and "maxValue" not in value
    properties = {p["propertyID"]: p["value"] for p in value["additionalProperty"]}
    assert properties["qualifier"] == "approximately"


def test_claimreview_links_default_to_the_local_site_and_say_so(db_path):
    result = run(db_path, "--format", "claimreview")
    assert result.exit_code == 0
    assert "--base-url" in result.stderr and DEFAULT_BASE_URL in result.stderr
    reviews = claimreview(result.stdout)
    assert reviews and all(r["url"].startswith(f"{DEFAULT_BASE_URL}/-/claims/claim/")
                           for r in reviews)
    assert "--base-url" not in run(db_path, "--format", "csv").stderr


def test_every_claimreview_has_the_shape_schema_org_defines(db_path, tmp_path):
    # A superseded version too, whose claims are in no figure.
    path = tmp_path / "claims.db"
    with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    db = open_db(path)
    store(db, Article(body="Some 15 people were killed in Aleppo on Monday, a rescue worker "
                           "said. The bridge is 40 km long.", url="https://morningstar.example/"
                      "aleppo", outlet="Morning Star", published="2024-03-05"))
    regroup_if_stale(db)
    db.close()
    result = run(path, "--format", "claimreview", "--all-versions", "--base-url",
                 "https://claims.example.org")
    reviews = claimreview(result.stdout)
    assert len(reviews) == sqlite3.connect(path).execute("select count(*) from claims"
                                                         ).fetchone()[0]
    assert [p for r in reviews for p in schema_problems(r, "ClaimReview")] == []
    ratings = {r["reviewRating"]["alternateName"] for r in reviews}
    assert {"Not compared", "One outlet only", "Outlets disagree: 12 to 15"} <= ratings
    explanations = {r["reviewRating"]["ratingExplanation"] for r in reviews
                    if r["reviewRating"]["alternateName"] == "Not compared"}
    assert any("earlier version" in e for e in explanations)
    assert any("'distance' are not compared" in e for e in explanations)
    assert all(r["reviewRating"]["alternateName"] != "True" for r in reviews)


@pytest.mark.parametrize("review, problem", [
    ({"@type": "ClaimReview", "claimReviewed": "x"}, "lacks url"),
    ({"@type": "Review"}, "type 'Review'"),
    ({"@type": "Rating", "alternateName": "x", "ratingValue": 7, "bestRating": 5,
      "worstRating": 1}, "ratingValue needs"),
    ({"@type": "Rating", "alternateName": "x", "verdict": "false"}, "not a property"),
    ({"@type": "Organization", "name": "x", "url": "claims.example.org"}, "is not URL"),
])
def test_the_schema_check_itself_catches_what_it_should(review, problem):
    allowed = ("ClaimReview", "Rating", "Organization")
    assert any(problem in p for p in schema_problems(review, allowed))


def test_claimreview_links_open_claim_pages_on_the_demo(demo_site):
    result = run(demo_site.path, "--format", "claimreview", "--metric", "killed",
                 "--base-url", demo_site.url)
    reviews = claimreview(result.stdout)
    assert [p for r in reviews for p in schema_problems(r, "ClaimReview")] == []
    page = httpx.get(reviews[0]["url"], timeout=10)
    assert page.status_code == 200 and reviews[0]["itemReviewed"]["name"] in page.text


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
