"""`claims demo`: the fictional corpus is well formed, and the database built from it holds
what the Datasette pages need (outlets, articles, claims, sources, figures that disagree)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict

import httpx
import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import free_port, served

from claims import sources
from claims.cli import cli
from claims.demo import CORPUS, load_articles, load_places, load_sources
from claims.extraction import places

ARTICLES = load_articles()
FOOTER = "This article is fictional"
CORPUS_TEXT = "\n".join(a["text"] for a in ARTICLES)


def body_words(article: dict) -> int:
    lines = [line for line in article["text"].splitlines()[:-1] if line not in article["furniture"]]
    return len(" ".join(lines).split())


# The corpus itself


def test_corpus_has_many_outlets_events_and_days():
    assert 40 <= len(ARTICLES) <= 60
    assert len({a["outlet"] for a in ARTICLES}) >= 6
    outlets_by_event = defaultdict(set)
    for a in ARTICLES:
        outlets_by_event[a["event"]].add(a["outlet"])
    assert len(outlets_by_event) >= 6
    assert all(len(outlets) >= 3 for outlets in outlets_by_event.values()), outlets_by_event
    assert len({a["published"] for a in ARTICLES}) >= 7


def test_every_article_is_marked_fictional_and_complete():
    for a in ARTICLES:
        assert a["fictional"] is True, a["id"]
        assert a["text"].splitlines()[-1].startswith(FOOTER), a["id"]
        assert re.fullmatch(r"https://[a-z0-9-]+\.example/\S+", a["url"]), a["url"]
        assert dt.date(2026, 3, 1) <= dt.date.fromisoformat(a["published"]) <= dt.date(2026, 3, 10)
        assert a["id"] and a["title"] and a["author"] and a["outlet"]
        assert 120 <= body_words(a) <= 350, (a["id"], body_words(a))
    assert len({a["id"] for a in ARTICLES}) == len({a["url"] for a in ARTICLES}) == len(ARTICLES)
    assert "fictional" in (CORPUS / "README.md").read_text(encoding="utf-8").lower()
    for name in ("places.json", "sources.json"):
        assert json.loads((CORPUS / name).read_text(encoding="utf-8"))["fictional"] is True


def test_each_outlet_has_one_domain():
    domains = defaultdict(set)
    for a in ARTICLES:
        domains[a["outlet"]].add(a["url"].split("/")[2])
    assert all(len(d) == 1 for d in domains.values()), domains
    assert len({d for ds in domains.values() for d in ds}) == len(domains)


def test_furniture_and_non_claims_are_in_the_text():
    with_digits = 0
    for a in ARTICLES:
        lines = a["text"].splitlines()
        for line in a["furniture"]:
            assert line in lines, (a["id"], line)
            with_digits += bool(re.search(r"\d", line))
        for string in a["non_claims"]:
            assert string in a["text"] and re.search(r"\d", string), (a["id"], string)
    assert with_digits >= 20
    assert sum(len(a["non_claims"]) for a in ARTICLES) >= 15


@pytest.mark.parametrize("phrase", [
    "at at least 38", "between 30 and 40", "Forty-five people", "three children", "dozens",
    "hundreds", "tens of thousands", "two-thirds", "Grauvik", "Grauwick", "2.5 million euros",
    "$3m", "more than 90 percent", "about 50 km northeast",
])
def test_hard_cases_are_in_the_corpus(phrase):
    assert phrase.lower() in CORPUS_TEXT.lower()


def test_gazetteer_is_fictional_placed_and_used():
    entries = load_places()
    assert {e["kind"] for e in entries} == {"country", "region", "locality"}
    for e in entries:
        assert e["country"] in ("Karvonia", "Aldermark"), e
        assert 50 < e["latitude"] < 60 and -70 < e["longitude"] < -60, e
        named = any(n in CORPUS_TEXT for n in (e["name"], *e["variants"]))
        assert named or any(o["region"] == e["name"] for o in entries if o is not e), e
        # No real place has the name, so only the registered entry can place it.
        sentence = f"Five people were killed in {e['name']}."
        assert places.locate(sentence, 0, len(sentence), 5, 9) is None, e["name"]


def test_sources_are_quoted_in_the_corpus():
    for source in load_sources():
        assert any(name in CORPUS_TEXT for name in (source["name"], *source["aliases"])), source


# The database `claims demo --no-serve` builds


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path, result.output, sqlite_utils.Database(path)


def rows(db, sql, params=()):
    return [dict(r) for r in db.query(sql, params)]


def test_outlets_and_articles(demo):
    path, output, db = demo
    assert str(path) in output and f"{len(ARTICLES)} articles" in output
    outlets = rows(db, "SELECT name, domain FROM outlets")
    assert {o["name"] for o in outlets} == {a["outlet"] for a in ARTICLES}
    assert all(o["domain"].endswith(".example") for o in outlets)
    stored = rows(db, "SELECT url, author, published FROM articles")
    assert len(stored) == len(ARTICLES)
    assert {r["author"] for r in stored} == {a["author"] for a in ARTICLES}


def test_claims_cover_the_demo_metrics(demo):
    db = demo[2]
    by_metric = {r["metric"]: r for r in rows(
        db, "SELECT metric, count(*) AS n, count(DISTINCT outlet_id) AS outlets "
            "FROM claims GROUP BY metric")}
    for metric in ("killed", "wounded", "evacuated", "displaced", "control", "distance",
                   "money", "arrested"):
        assert metric in by_metric, metric
    assert by_metric["killed"]["outlets"] >= 6


def test_no_claim_comes_from_page_furniture_or_non_claims(demo):
    db = demo[2]
    corpus = {a["url"]: a for a in ARTICLES}
    checked, wrong = 0, []
    for article in rows(db, "SELECT id, url, text FROM articles"):
        record, text = corpus[article["url"]], article["text"]
        spans = []
        for string in record["furniture"] + record["non_claims"]:
            spans += [(m.start(), m.end(), string) for m in re.finditer(re.escape(string), text)]
        claims = rows(db, "SELECT start, end, text FROM claims WHERE article_id = ?",
                      [article["id"]])
        for claim in claims:
            assert text[claim["start"]:claim["end"]] == claim["text"]
            wrong += [f"{claim['text']!r} in {string!r}" for start, end, string in spans
                      if claim["start"] < end and start < claim["end"]]
        checked += len(spans)
    assert checked >= 100
    assert wrong == []


def test_attributed_sources_are_one_source_across_outlets(demo):
    db = demo[2]
    kmcr = rows(db, "SELECT count(DISTINCT c.outlet_id) AS outlets, count(*) AS n, s.name "
                    "FROM claims c JOIN sources s ON s.id = c.source_id WHERE s.id = 'kmcr'")[0]
    assert kmcr["name"] == "Karvonian Monitor for Civil Rights"
    assert kmcr["outlets"] >= 3 and kmcr["n"] >= 5
    cited = rows(db, "SELECT count(DISTINCT source_id) AS n FROM claims")[0]["n"]
    assert cited >= 10


def test_figures_where_outlets_disagree(demo):
    db = demo[2]
    velmora = rows(db, "SELECT outlets, min_value, max_value FROM figures "
                       "WHERE metric = 'killed' AND place = 'Velmora' ORDER BY outlets DESC")
    assert velmora and velmora[0]["outlets"] >= 4
    assert velmora[0]["max_value"] > velmora[0]["min_value"]
    disputed = rows(db, "SELECT metric FROM figures WHERE outlets >= 2 AND spread > 1.2")
    assert len(disputed) >= 5
    assert {"killed", "evacuated"} <= {f["metric"] for f in disputed}


def test_claims_are_placed_on_the_map(demo):
    db = demo[2]
    placed = rows(db, "SELECT place, region, country, latitude, longitude FROM claims "
                      "WHERE latitude IS NOT NULL GROUP BY place")
    by_name = {p["place"]: p for p in placed}
    assert len(by_name) >= 6
    gazetteer = {e["name"]: e for e in load_places()}
    velmora = by_name["Velmora"]
    assert (velmora["latitude"], velmora["longitude"]) == (
        gazetteer["Velmora"]["latitude"], gazetteer["Velmora"]["longitude"])
    assert velmora["region"] == "Astrid Province" and velmora["country"] == "Karvonia"


def test_fictional_places_and_sources_do_not_outlive_the_build(demo):
    sentence = "Five people were killed in Velmora."
    assert places.locate(sentence, 0, len(sentence), 5, 9) is None
    assert sources.resolve("KMCR")[1] != "Karvonian Monitor for Civil Rights"


def test_rebuild_replaces_the_database(tmp_path, demo):
    path = tmp_path / "demo.db"
    path.write_text("not a database")
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(path)])
    assert result.exit_code == 0, result.output
    ids = {r["id"] for r in rows(sqlite_utils.Database(path), "SELECT id FROM claims")}
    assert ids == {r["id"] for r in rows(demo[2], "SELECT id FROM claims")}


def test_default_database_in_a_fresh_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "db" / "demo.db")
    assert db["articles"].count == len(ARTICLES)


def test_unwritable_database_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(blocker / "demo.db")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_demo_builds_then_serves_a_site_labelled_fictional(tmp_path):
    port = free_port()
    with served(["demo", "--db", str(tmp_path / "demo.db"), "--port", str(port)], port) as (url, _):
        home = httpx.get(f"{url}/", timeout=5)
        assert home.status_code == 200 and "fictional" in home.text.lower()
        database = httpx.get(f"{url}/demo", timeout=5)
        assert "fictional" in database.text.lower()
        claims = httpx.get(f"{url}/demo/claims.json?_shape=array&_size=5", timeout=5).json()
        assert len(claims) == 5 and all("metric" in c for c in claims)
