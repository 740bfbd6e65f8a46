"""Two writers on one database file, as real processes: neither loses an article, and a
killed regroup is repaired by the next run."""

from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claims import db as db_module
from claims.db import (
    Article,
    Extracted,
    Extractor,
    article_text,
    batched_commits,
    declared_indexes,
    is_grouped,
    open_db,
    published_date,
    store_extracted,
)
from claims.ingest import Options, ingest
from claims.mapstep import default_extractor, extract_what_can_be_read

CLAIMS = str(Path(sys.executable).with_name("claims"))
TOWNS = ("Velmora", "Ostrava", "Kettering", "Lindau", "Porto Alto", "Brenham")


def write_corpus(path: Path, articles: int, outlet: str) -> Path:
    """A CSV of invented reports, each with a toll, a count of wounded and a place."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text", "outlet", "date"])
        for n in range(articles):
            town = TOWNS[n % len(TOWNS)]
            text = (
                f"At least {n + 3} people were killed and {2 * n + 1} wounded when shells hit "
                f"a market in {town} on Monday, the civil defence said. Report number {n} "
                f"adds that {n % 9 + 1} ambulances reached the scene within an hour. " * 3
            )
            writer.writerow([f"{outlet}-{n}", f"Shelling in {town}", text, outlet,
                             f"2026-03-{n % 28 + 1:02d}"])
    return path


def counts(path: Path) -> tuple[int, int]:
    """(articles, claims) stored in the database at `path`."""
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("SELECT count(*) FROM claims").fetchone()[0])


def test_two_ingests_at_once_both_store_everything(tmp_path):
    first = write_corpus(tmp_path / "a.csv", 80, "Wire One")
    second = write_corpus(tmp_path / "b.csv", 80, "Wire Two")
    alone = tmp_path / "alone.db"
    subprocess.run([CLAIMS, "ingest", str(first), str(second), "--db", str(alone)],
                   check=True, capture_output=True)
    shared = tmp_path / "shared.db"
    runs = [subprocess.Popen([CLAIMS, "ingest", str(corpus), "--db", str(shared)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for corpus in (first, second)]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err
        assert "80 articles added" in out and "0 failures" in out
    assert counts(shared) == counts(alone)
    assert counts(shared)[0] == 160


def test_a_lock_held_elsewhere_makes_ingest_wait_not_fail(tmp_path):
    corpus = write_corpus(tmp_path / "a.csv", 20, "Wire One")
    path = tmp_path / "held.db"
    subprocess.run([CLAIMS, "ingest", str(write_corpus(tmp_path / "b.csv", 2, "Other")),
                    "--db", str(path)], check=True, capture_output=True)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    run = subprocess.Popen([CLAIMS, "ingest", str(corpus), "--db", str(path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    assert run.poll() is None, "ingest gave up while another connection held the lock"
    holder.execute("ROLLBACK")
    holder.close()
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert "20 articles added" in out
    assert counts(path)[0] == 22


def figure_state(path: Path) -> tuple:
    """What grouping derived: claims with a figure, figures, and outlets' latest values."""
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT count(*), count(DISTINCT figure_id) FROM claims "
                         "WHERE figure_id IS NOT NULL").fetchone(),
            conn.execute("SELECT count(*) FROM figures").fetchone(),
            conn.execute("SELECT count(*) FROM figure_outlet_latest").fetchone(),
        )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("delay", [0.3, 0.7])
def test_a_killed_run_is_repaired_by_the_next(tmp_path, delay):
    corpus = write_corpus(tmp_path / "a.csv", 60, "Wire One")
    clean = tmp_path / "clean.db"
    subprocess.run([CLAIMS, "ingest", str(corpus), "--db", str(clean)], check=True,
                   capture_output=True)
    path = tmp_path / "killed.db"
    run = subprocess.Popen([CLAIMS, "ingest", str(corpus), "--db", str(path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    subprocess.run([CLAIMS, "ingest", str(corpus), "--db", str(path)], capture_output=True,
                   check=True)
    assert counts(path) == counts(clean)
    assert figure_state(path) == figure_state(clean)
    assert figure_state(clean)[0][0] > 0


def test_claims_never_grouped_are_grouped_by_a_run_that_adds_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "a.csv", 10, "Wire One")
    clean = tmp_path / "clean.db"
    subprocess.run([CLAIMS, "ingest", str(corpus), "--db", str(clean)], check=True,
                   capture_output=True)
    path = tmp_path / "ungrouped.db"
    db = open_db(path)
    extractor = default_extractor()
    with corpus.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            article = Article(body=row["text"], title=row["title"], outlet=row["outlet"],
                              external_id=row["id"], published=row["date"])
            claims = extract_what_can_be_read(
                extractor, article_text(row["title"], row["text"]),
                published_date(row["date"]), [])
            store_extracted(db, Extracted(article, claims, extractor.version))
    assert not is_grouped(db)
    db.close()
    rerun = subprocess.run([CLAIMS, "ingest", str(corpus), "--db", str(path)],
                           capture_output=True, text=True, check=True)
    assert "0 articles added" in rerun.stdout
    assert figure_state(path)[1] == figure_state(clean)[1]
    assert figure_state(path)[1][0] > 0


# What a stored database holds beyond its rows: every index, trigger and view, and its shape's
# version (`ensure` sets it once the shape is whole).
SHAPE = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
# Tables whose rows a first ingest stores at its end in key order (`ready_to_regroup`), so their
# rowids are not an ingest's order.
STORED_IN_KEY_ORDER = frozenset({"reprint_bands"})
# Words the invented reports hold, looked up in both search indexes.
SEARCHED = ("killed", "wounded", "ambulances", "market", "Velmora")


def stored_state(path: Path) -> dict[str, list]:
    """Everything a run leaves in the database at `path` but the clock times: rows of every
    table, stored counts, the shape, and what each search index finds."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        state = {"shape": conn.execute(SHAPE).fetchall(),
                 "user_version": conn.execute("PRAGMA user_version").fetchall()}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                       if r[1] not in ("ingested_at", "updated_at")]
            listed = ", ".join(f'"{c}"' for c in columns)
            rowid, order = ("", listed) if table in STORED_IN_KEY_ORDER else ("rowid, ", "rowid")
            state[table] = conn.execute(
                f"SELECT {rowid}{listed} FROM {table} ORDER BY {order}").fetchall()
        for table in ("claims", "articles"):
            state[f"{table}_fts"] = [conn.execute(
                f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY rowid",
                [word]).fetchall() for word in SEARCHED]
    return state


def test_a_first_ingest_leaves_what_an_ingest_keeping_every_index_leaves(tmp_path,
                                                                          monkeypatch):
    corpus = write_corpus(tmp_path / "a.csv", 30, "Wire One")
    bulk = tmp_path / "bulk.db"
    assert ingest(open_db(bulk), [str(corpus)]).added == 30
    monkeypatch.setattr(db_module, "_is_new", lambda db: False)
    kept = tmp_path / "kept.db"
    assert ingest(open_db(kept), [str(corpus)]).added == 30
    bulk_state, kept_state = stored_state(bulk), stored_state(kept)
    assert bulk_state == kept_state
    assert all(kept_state["claims_fts"]) and kept_state["claim_counts"]


def test_a_first_ingest_that_meets_an_article_again_changed_keeps_one_version_current(
        tmp_path, monkeypatch):
    first = write_corpus(tmp_path / "a.csv", 12, "Wire One")
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    later = tmp_path / "b.csv"
    later.write_text("".join([lines[0]] + [line.replace("were killed", "died")
                                           for line in lines[1:5]]), encoding="utf-8")
    inputs, by_id = [str(first), str(later)], Options(id_column="id")
    bulk = tmp_path / "bulk.db"
    summary = ingest(open_db(bulk), inputs, by_id)
    assert (summary.added, summary.new_versions) == (12, 4)
    monkeypatch.setattr(db_module, "_is_new", lambda db: False)
    kept = tmp_path / "kept.db"
    ingest(open_db(kept), inputs, by_id)
    state = stored_state(bulk)
    assert state == stored_state(kept)
    with sqlite3.connect(bulk) as conn:
        assert conn.execute(
            "SELECT count(*) FROM claims c JOIN article_versions v ON v.id = c.version_id "
            "WHERE c.is_current != v.is_current").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM claims WHERE NOT is_current").fetchone()[0]


class Interrupting:
    """The project's extractor until its `after`-th article, where the person at the
    terminal presses Ctrl-C."""

    def __init__(self, after: int) -> None:
        """Count the articles from none."""
        self.after, self.seen = after, 0
        self.extract = default_extractor().run

    def __call__(self, text, published=None):
        """Extract, or stop the run as Ctrl-C does."""
        self.seen += 1
        if self.seen > self.after:
            raise KeyboardInterrupt
        return self.extract(text, published)


def test_a_first_ingest_interrupted_gets_its_indexes_back_on_the_next_open(tmp_path):
    corpus = write_corpus(tmp_path / "a.csv", 30, "Wire One")
    clean = tmp_path / "clean.db"
    ingest(open_db(clean), [str(corpus)])
    path = tmp_path / "interrupted.db"
    extractor = Extractor(Interrupting(after=12), default_extractor().version)
    with pytest.raises(KeyboardInterrupt):
        ingest(open_db(path), [str(corpus)], extractor=extractor)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 12
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not set(declared_indexes()) <= indexes, "the first ingest kept every index"
    db = open_db(path)
    assert set(declared_indexes()) <= {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    found = stored_state(path)
    for table in ("claims", "articles"):
        db.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
    db.conn.commit()
    assert stored_state(path)["claims_fts"] == found["claims_fts"]
    assert stored_state(path)["articles_fts"] == found["articles_fts"]
    assert all(found["claims_fts"])
    assert ingest(db, [str(corpus)]).added == 18
    assert counts(path) == counts(clean)
    assert stored_state(path)["reprint_bands"] == stored_state(clean)["reprint_bands"]
    assert figure_state(path) == figure_state(clean)


def commits_of_ingest(path: Path, corpus: Path) -> int:
    """How many times an ingest of `corpus` into the database at `path` commits."""
    db = open_db(path)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    ingest(db, [str(corpus)])
    return sum(1 for s in statements if s.strip().upper() == "COMMIT")


def test_a_first_ingest_commits_in_long_batches_and_a_later_one_in_short(tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr(db_module, "COMMIT_EVERY_SECONDS", 0.0)
    path = tmp_path / "claims.db"
    first = commits_of_ingest(path, write_corpus(tmp_path / "a.csv", 30, "Wire One"))
    later = commits_of_ingest(path, write_corpus(tmp_path / "b.csv", 30, "Wire Two"))
    assert later >= 30, "an ingest into a database with articles commits every batch"
    assert first < 10, "a bulk load commits every BULK_COMMIT_EVERY_SECONDS"


def test_a_bulk_load_stores_with_a_larger_page_cache_and_gives_it_back(tmp_path):
    db = open_db(tmp_path / "claims.db")
    seen = []
    for bulk in (True, False):
        with batched_commits(db, bulk) as store:
            store(lambda: seen.append(db.execute("PRAGMA cache_size").fetchone()[0]))
        assert db.execute("PRAGMA cache_size").fetchone()[0] == -db_module.CACHE_KB
    assert seen == [-db_module.BULK_CACHE_KB, -db_module.CACHE_KB]
