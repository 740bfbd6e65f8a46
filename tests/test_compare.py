import json

import pytest
from click.testing import CliRunner

from claims import extract
from claims.cli import cli
from claims.compare import compare, format_table, group_figures, subject_kind
from claims.db import Article, open_db
from claims.ingest import store

ARTICLES = [
    # one attack, three outlets, two spellings of the town
    (
        "Wire One",
        "2017-04-04",
        (
            "At least 12 people were killed in Douma on Tuesday, "
            "according to the Syrian Observatory for Human Rights."
        ),
    ),
    (
        "Daily Two",
        "2017-04-05",
        ("Air strikes killed 15 people in Duma on Tuesday, the civil defence said."),
    ),
    ("Third Post", "2017-04-05", "At least 12 people were killed in Douma, the monitor said."),
    # same place and days, but civilians: a different figure
    ("Wire One", "2017-04-05", "At least 9 civilians were killed in Douma on Tuesday."),
    # a running total is never an incident's toll
    ("Daily Two", "2017-04-05", "More than 400 people have been killed in Douma since 2011."),
    # the same town two weeks later: another event
    ("Third Post", "2017-04-19", "At least 30 people were killed in Douma on Tuesday."),
    # town and province reports of one attack meet
    ("Wire One", "2017-04-04", "At least 58 people were killed in Khan Sheikhoun on Tuesday."),
    ("Daily Two", "2017-04-04", "At least 70 people were killed in Idlib province on Tuesday."),
]


@pytest.fixture
def db(tmp_path):
    """The articles above stored and grouped, as `claims ingest` then `claims compare` would."""
    database = open_db(tmp_path / "claims.db")
    for i, (outlet, published, body) in enumerate(ARTICLES):
        store(
            database, Article(body=body, outlet=outlet, published=published, external_id=str(i))
        )
    group_figures(database)
    return database


def figure_of(db, sentence_start):
    """The figure the killed claim of article number `sentence_start` was grouped into."""
    row = db.execute(
        "SELECT c.figure_id FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE a.external_id = ? AND c.metric = 'killed'",
        [str(sentence_start)],
    ).fetchone()
    return row[0]


def test_same_attack_across_outlets_is_one_figure(db):
    ids = {figure_of(db, i) for i in (0, 1, 2)}
    assert len(ids) == 1
    figure = db["figures"].get(ids.pop())
    assert figure["outlets"] == 3 and figure["claims"] == 3
    assert (figure["min_value"], figure["median_value"], figure["max_value"]) == (12, 12, 15)
    assert figure["spread"] == pytest.approx(1.25)
    assert figure["place"] == "Douma" and figure["region"] == "Rif Dimashq Governorate"
    assert figure["date_from"] == "2017-04-04"
    assert "same metric (killed)" in figure["rule"] and "Douma" in figure["rule"]


def test_subjects_totals_and_dates_are_kept_apart(db):
    attack = figure_of(db, 0)
    others = [figure_of(db, i) for i in (3, 4, 5)]
    assert attack not in others
    assert len(set(others)) == 3
    assert db["figures"].get(figure_of(db, 4))["cumulative"] == 1


def test_province_report_joins_the_only_town_figure(db):
    town, province = figure_of(db, 6), figure_of(db, 7)
    assert town == province
    figure = db["figures"].get(town)
    assert figure["place"] == "Khan Sheikhoun" and figure["outlets"] == 2
    assert "naming only Idlib Governorate joined" in figure["rule"]


def test_regrouping_changes_nothing(db):
    before = list(db.query("SELECT * FROM figures ORDER BY id"))
    claims_before = list(db.query("SELECT id, figure_id FROM claims ORDER BY id"))
    group_figures(db)
    assert list(db.query("SELECT * FROM figures ORDER BY id")) == before
    assert list(db.query("SELECT id, figure_id FROM claims ORDER BY id")) == claims_before


def test_views(db):
    attack = figure_of(db, 0)
    outlets = {
        r["outlet"]: r
        for r in db.query("SELECT * FROM figure_outlets WHERE figure_id = ?", [attack])
    }
    assert {o: r["latest_value"] for o, r in outlets.items()} == {
        "Wire One": 12,
        "Daily Two": 15,
        "Third Post": 12,
    }
    assert "Syrian Observatory for Human Rights" in outlets["Wire One"]["sources"]
    disagreements = {r["figure_id"]: r for r in db.query("SELECT * FROM disagreements")}
    assert attack in disagreements and disagreements[attack]["spread"] == 1.25
    timeline = list(
        db.query("SELECT published, outlet FROM figure_timeline WHERE figure_id = ?", [attack])
    )
    assert [t["published"] for t in timeline] == sorted(t["published"] for t in timeline)
    vs = {
        r["outlet_id"]: r["ratio_to_median"]
        for r in db.query("SELECT * FROM outlet_vs_median WHERE figure_id = ?", [attack])
    }
    assert sorted(vs.values()) == [1.0, 1.0, 1.25]
    sources = list(db.query("SELECT * FROM sources_by_outlet WHERE source LIKE '%Observatory%'"))
    assert sources and sources[0]["claims"] >= 1


def test_compare_filters(db):
    found = compare(db, metric="killed", place="Duma", min_outlets=2)
    assert [f["place"] for f in found] == ["Douma"]
    assert len(found[0]["outlet_values"]) == 3
    assert compare(db, metric="wounded") == []
    by_region = compare(db, place="Idlib", min_outlets=1)
    assert {f["place"] for f in by_region} == {"Khan Sheikhoun"}
    text = format_table(found)
    assert "3 outlets" in text and "Daily Two" in text and "spread 1.25" in text


def test_cli_compare(db, tmp_path):
    path = str(tmp_path / "claims.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", "--db", path, "--metric", "killed", "--place", "Douma"])
    assert result.exit_code == 0, result.output
    assert "Wire One" in result.output and "Third Post" in result.output
    result = runner.invoke(cli, ["compare", "--db", path, "--format", "json", "--min-outlets", "1"])
    figures = json.loads(result.output)
    assert {f["place"] for f in figures} >= {"Douma", "Khan Sheikhoun"}
    missing = runner.invoke(cli, ["compare", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "Error: no database" in missing.output


def test_subject_kind():
    assert subject_kind("civilians", "people") == "civilians"
    assert subject_kind("people mostly civilians", "people") == "people"
    assert subject_kind("Syrian soldiers", "people") == "combatants"
    assert subject_kind("three children", "people") == "children"
    assert subject_kind(None, "people") == "people"


@pytest.mark.parametrize(
    ("subject", "kind"),
    [("martyrs", "people"), ("bodies", "people"), ("citizens", "civilians"),
     ("schoolchildren", "children"), ("senior commanders", "combatants")],
)
def test_words_for_the_dead_and_state_media_words_join_their_kind(subject, kind):
    assert subject_kind(subject, "people") == kind


@pytest.mark.parametrize(("text", "subject", "kind"), [
    ("Gunmen shot dead 40 members of a clan in Tarvel.", "members of a clan", "people"),
    ("A strike killed 6 members of the hospital staff in Tarvel.",
     "members of the hospital staff", "medics"),
    ("A strike killed 6 members of the security forces in Tarvel.", "members", "combatants"),
    ("Six members were killed in the raid on Tarvel.", "members", "combatants"),
])
def test_members_are_of_the_kind_of_their_body(text, subject, kind):
    (claim,) = extract(text, published="2016-08-15")
    assert (claim.subject, subject_kind(claim.subject, claim.unit)) == (subject, kind)


@pytest.mark.parametrize(("text", "subject", "kind"), [
    ("A strike killed 6 medical staff in Tarvel.", "medical staff", "medics"),
    ("Shelling killed 3 health workers in Tarvel.", "health workers", "medics"),
    ("Three staff of the Tarvel Clinic for Children were killed in a raid.",
     "staff of the Tarvel Clinic for Children", "medics"),
    ("The raid killed two staff of the local hospital and a driver.",
     "staff of the local hospital", "medics"),
    ("The raid killed two staff of the embassy.", "staff", "staff"),
    ("Four aid workers were killed in Tarvel.", "aid workers", "workers"),
])
def test_staff_of_a_medical_field_are_medics(text, subject, kind):
    (claim,) = extract(text, published="2016-08-15")
    assert (claim.subject, claim.metric) == (subject, "killed")
    assert subject_kind(claim.subject, claim.unit) == kind
