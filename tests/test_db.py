import sqlite3

import pytest
import sqlite_utils

from claims import EXTRACTOR_VERSION, Claim, extract, sources
from claims.db import SCHEMA, Article, Extractor, ensure, open_db
from claims.ids import article_id
from claims.ingest import reextract, store

AT_ALEPPO = (
    "At least 12 people were killed in Aleppo, according to the Syrian Observatory for Human "
    "Rights. Another 13 people were wounded, the Observatory said."
)
AT_HOMS = "At least 40 people were killed in Homs on Monday, the United Nations said."


@pytest.fixture
def db(tmp_path):
    """A fresh database per test, so counts start at zero."""
    return open_db(tmp_path / "claims.db")


def counts(db):
    """Row counts of the tables a store writes, to see that nothing else was written."""
    return {name: db[name].count for name in ("articles", "article_versions", "claims", "outlets")}


class Counting:
    """The real extractor, counting its calls."""

    def __init__(self):
        """No calls yet."""
        self.calls = 0

    def __call__(self, text, published=None):
        """Extract as usual, counting, so a test can see extraction was skipped."""
        self.calls += 1
        return extract(text, published)


def test_open_db_creates_the_whole_shape_in_wal_mode(tmp_path):
    path = tmp_path / "nested" / "claims.db"
    db = open_db(path)
    assert path.exists()
    assert db.journal_mode == "wal"
    assert set(SCHEMA) <= set(db.table_names())
    for table, spec in SCHEMA.items():
        assert set(spec["columns"]) <= set(db[table].columns_dict)
    assert db["claims"].detect_fts() == "claims_fts"
    assert db["articles"].detect_fts() == "articles_fts"
    assert {"claims_ai", "claims_ad", "claims_au"} <= {t.name for t in db["claims"].triggers}
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    for column in ("metric", "unit", "outlet_id", "published", "place", "value", "article_id",
                   "figure_id"):
        assert (column,) in indexed
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("article_id", "articles"), ("source_id", "sources"), ("outlet_id", "outlets")} <= fks
    assert db["sources"].get("sohr")["name"] == "Syrian Observatory for Human Rights"


def test_ensure_is_idempotent(tmp_path):
    path = tmp_path / "claims.db"
    first = open_db(path).schema
    db = open_db(path)
    changes = db.conn.total_changes
    ensure(db)
    assert db.schema == first
    assert db.conn.total_changes == changes


def test_ensure_migrates_an_older_database_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["claims"].insert({"id": "c1", "text": "12 people", "value": 12}, pk="id")
    old.close()
    db = open_db(path)
    assert set(SCHEMA["claims"]["columns"]) <= set(db["claims"].columns_dict)
    assert db["claims"].get("c1")["text"] == "12 people"
    assert "article_id" in {fk.column for fk in db["claims"].foreign_keys}
    assert [r["id"] for r in db["claims"].search("people")] == ["c1"]


def test_article_and_claims_are_stored_with_provenance(db):
    article = Article(body=AT_ALEPPO, title="Twelve killed", url="https://news.example/a#top",
                      outlet="News Example", published="2016-11-18")
    status, written = store(db, article)
    assert status == "added"
    assert written == db["claims"].count >= 2
    stored = db["articles"].get(article_id("https://news.example/a", None, None, None, ""))
    assert stored["url"] == "https://news.example/a"
    assert stored["text"] == "Twelve killed\n\n" + AT_ALEPPO
    assert stored["outlet_id"] == "news-example"
    assert db["outlets"].get("news-example")["domain"] == "news.example"
    bad = db.execute(
        "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE substr(a.text, c.start + 1, c.end - c.start) != c.text"
    ).fetchone()[0]
    assert bad == 0
    rows = list(db["claims"].rows)
    assert {r["outlet_id"] for r in rows} == {"news-example"}
    assert {r["published"] for r in rows} == {"2016-11-18"}
    assert {r["is_current"] for r in rows} == {1}
    assert {r["extractor_version"] for r in rows} == {EXTRACTOR_VERSION}
    assert {r["version_id"] for r in rows} == {stored["current_version_id"]}
    twelve = next(r for r in rows if r["value"] == 12 and r["attributed_to"])
    assert twelve["source_id"] == "sohr"
    assert db["source_aliases"].get("syrian observatory for human rights")["source_id"] == "sohr"


def test_same_article_twice_adds_nothing_and_skips_extraction(db):
    counting = Counting()
    extractor = Extractor(counting, EXTRACTOR_VERSION)
    article = Article(body=AT_HOMS, outlet="Wire")
    first = store(db, article, extractor)
    before = counts(db)
    assert store(db, Article(body=AT_HOMS, outlet="Wire"), extractor) == ("unchanged", 0)
    assert counting.calls == 1
    assert counts(db) == before
    assert first[0] == "added"


def test_changed_text_is_a_new_version_and_the_old_one_is_kept(db):
    url = "https://news.example/homs"
    store(db, Article(body=AT_HOMS, url=url))
    old_claims = {r["id"] for r in db["claims"].rows}
    status, _ = store(db, Article(body=AT_HOMS.replace("40", "45"), url=url))
    assert status == "new_version"
    (article,) = db["articles"].rows
    assert article["version"] == 2
    assert "45 people" in article["text"]
    versions = {v["version"]: v for v in db["article_versions"].rows}
    assert versions[1]["is_current"] == 0 and versions[2]["is_current"] == 1
    assert "40 people" in versions[1]["text"]
    assert article["current_version_id"] == versions[2]["id"]
    claims = list(db["claims"].rows)
    assert old_claims <= {c["id"] for c in claims}
    for claim in claims:
        assert claim["is_current"] == (claim["version_id"] == versions[2]["id"])
    assert {c["value"] for c in claims if c["is_current"]} >= {45}

    assert store(db, Article(body=AT_HOMS, url=url)) == ("new_version", 0)
    assert db["article_versions"].count == 2
    (article,) = db["articles"].rows
    assert article["current_version_id"] == versions[1]["id"]
    current = {c["id"] for c in db["claims"].rows_where("is_current = 1")}
    assert current == old_claims


def test_a_failure_mid_article_leaves_nothing_behind(db):
    db.execute(
        "CREATE TRIGGER refuse_13 BEFORE INSERT ON claims WHEN new.value = 13 "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store(db, Article(body=AT_ALEPPO, outlet="Wire", title="Aleppo"))
    assert counts(db) == {"articles": 0, "article_versions": 0, "claims": 0, "outlets": 0}
    assert list(db["articles"].search("Aleppo")) == []
    db.execute("DROP TRIGGER refuse_13")
    assert store(db, Article(body=AT_ALEPPO, outlet="Wire", title="Aleppo"))[0] == "added"


def test_full_text_search_finds_claims_and_articles(db):
    store(db, Article(body=AT_ALEPPO, title="Shelling in Aleppo"))
    store(db, Article(body=AT_HOMS, title="Killings in Homs"))
    found = list(db["claims"].search("Observatory"))
    assert found and all("Observatory" in r["sentence"] for r in found)
    titles = [r["title"] for r in db["articles"].search("Homs")]
    assert titles == ["Killings in Homs"]


def test_reextract_replaces_only_claims_of_older_extractors(db):
    store(db, Article(body=AT_ALEPPO, outlet="Wire"))
    store(db, Article(body=AT_HOMS, outlet="Wire"))
    (old_version,) = db.execute(
        "SELECT id FROM article_versions WHERE text LIKE '%Aleppo%'").fetchone()
    with db.atomic():
        db.execute("UPDATE article_versions SET extractor_version = '0.0.1' WHERE id = ?",
                   [old_version])
        db.execute("UPDATE claims SET extractor_version = '0.0.1' WHERE version_id = ?",
                   [old_version])
    untouched = {r["rowid"] for r in db.query(
        "SELECT rowid FROM claims WHERE version_id != ?", [old_version])}
    stale = db.execute("SELECT count(*) FROM claims WHERE version_id = ?",
                       [old_version]).fetchone()[0]
    result = reextract(db)
    assert result["versions"] == 1
    assert result["claims_removed"] == stale
    assert result["claims_added"] == stale
    assert {r["extractor_version"] for r in db["claims"].rows} == {EXTRACTOR_VERSION}
    assert untouched <= {r["rowid"] for r in db.query("SELECT rowid FROM claims")}
    assert reextract(db)["versions"] == 0


@pytest.mark.parametrize("name", [
    "SOHR", "the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights.",
    "the British-based Observatory", "the Observatory", "The Britain-based Syrian Observatory",
    "the UK-based Syrian Observatory for Human Rights",
])
def test_names_of_the_observatory_are_one_source(name):
    assert sources.resolve(name)[0] == "sohr"


def test_an_unknown_source_is_its_own_source():
    assert sources.resolve("the Health Ministry") == (
        "health-ministry", "Health Ministry", "health ministry")
    assert sources.resolve("THE HEALTH MINISTRY")[0] == "health-ministry"
    assert sources.resolve(" ... ") is None


def test_article_ids_are_stable_and_keyed_as_documented():
    url_id = article_id("HTTPS://News.Example/a#comments", "x", "o", "t", "text")
    assert url_id == article_id("https://news.example/a", None, None, None, "other")
    assert article_id(None, "17", "ahram", "t", "a") == article_id(None, "17", "ahram", "u", "b")
    assert article_id(None, "17", "ahram", "t", "a") != article_id(None, "17", "sana", "t", "a")
    assert article_id(None, None, "o", "t", "a") != article_id(None, None, "o", "t", "b")


def test_search_index_follows_text_changes_but_not_figure_changes(db):
    store(db, Article(title="Raid", body="At least 12 people were killed in the raid.",
                            outlet="Ledger", url="https://ledger.example/raid"))
    (rowid,) = db.execute("SELECT rowid FROM claims").fetchone()
    segments = db.execute("SELECT count(*) FROM claims_fts_data").fetchone()[0]
    db.execute("UPDATE claims SET figure_id = 'f1' WHERE rowid = ?", [rowid])
    assert db.execute("SELECT count(*) FROM claims_fts_data").fetchone()[0] == segments
    db.execute("UPDATE claims SET sentence = 'A barrel bomb fell.' WHERE rowid = ?", [rowid])
    found = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'barrel'").fetchall()
    assert found == [(rowid,)]
    assert db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'raid'").fetchall() == []


# Between them these sentences give every field of the record a value that is not its
# default, so a field the database drops or never stores shows up as a difference.
EVERY_FIELD = (
    "Shelling killed at least 12 people in Aleppo on Sunday, according to the Syrian "
    "Observatory for Human Rights, including three children. Between 30 and 40 civilians were "
    "wounded in Homs. Dozens of families fled their homes. The number of displaced people rose "
    "by 2,000. More than 400 people have been killed in Idlib since 2011. Bread costs 900 "
    "Syrian pounds a kilo in Aleppo."
)


def test_every_field_of_the_claim_record_is_a_column():
    columns = set(SCHEMA["claims"]["columns"])
    assert set(Claim.model_fields) <= columns, set(Claim.model_fields) - columns


def test_every_field_of_the_claim_record_is_stored_and_read_back(db):
    expected = extract(EVERY_FIELD, "2026-03-04")
    unset = [f for f in Claim.model_fields
             if all(getattr(c, f) in (None, False, 0, "") for c in expected)]
    assert unset == [], "the sample no longer exercises these fields"
    store(db, Article(body=EVERY_FIELD, outlet="Wire", published="2026-03-04"))
    stored = {(r["start"], r["end"]): r for r in db["claims"].rows}
    assert sorted(stored) == [(c.start, c.end) for c in expected]
    for claim in expected:
        row = stored[(claim.start, claim.end)]
        assert {f: row[f] for f in Claim.model_fields} == claim.model_dump(), claim.text
