"""Scaling out: the map step on Dask workers stores what one process stores, a killed
worker loses nothing, and a Parquet dataset round-trips into the database (whole, sliced,
and loaded twice). One two-worker LocalCluster serves the module: starting it is the cost."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

import cloudpickle
import duckdb
import pytest

from claims import cluster
from claims.db import Extractor, open_db
from claims.ingest import ingest, ingest_to_parquet, load
from claims.mapstep import default_extractor, extract_rows
from claims.readers import read

README = (Path(__file__).parent.parent / "README.md").read_text("utf8")
PLACES = (("Aleppo", "Syria"), ("Homs", "Syria"), ("Mosul", "Iraq"), ("Basra", "Iraq"))
OUTLETS = ("Harbour Wire", "Evening Ledger", "Valdrenn Gazette")
# Invented reports: each names a place, a toll, the wounded and who said so.
SENTENCES = (
    ("At least {a} people were killed in {town} on Monday when shells hit a bakery, the civil "
     "defence said."),
    "Another {b} were wounded and about {c} families fled the district, aid workers reported.",
    "Rescue teams said {d} buildings had collapsed across {town}.",
)


def write_corpus(path: Path, articles: int = 36) -> Path:
    """A CSV of invented reports over three outlets, two months and two countries."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "text", "outlet", "date"])
        for n in range(articles):
            town, _ = PLACES[n % len(PLACES)]
            text = " ".join(s.format(a=n + 4, b=2 * n + 3, c=10 * n + 40, d=n % 7 + 2,
                                     town=town) for s in SENTENCES)
            month = 3 + n % 2
            out.writerow([f"r{n}", f"Shelling in {town}", text, OUTLETS[n % 3],
                          f"2026-0{month}-{n % 27 + 1:02d}"])
    return path


# Every stored column but the clock times of the run.
ROWS = {
    "articles": "SELECT id, url, external_id, outlet_id, title, published, text, sha256, "
                "version, current_version_id FROM articles ORDER BY id",
    "article_versions": "SELECT id, article_id, version, title, published, text, sha256, "
                        "is_current, extractor_version FROM article_versions ORDER BY id",
    "claims": "SELECT * FROM claims ORDER BY id",
    "figures": "SELECT * FROM figures ORDER BY id",
    "reprint_sketches": "SELECT * FROM reprint_sketches ORDER BY article_id",
    "reprint_bands": "SELECT * FROM reprint_bands ORDER BY band, article_id",
}


def rows(path: Path) -> dict[str, list[tuple]]:
    """Everything the database at `path` holds that a run decides, table by table."""
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in ROWS.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The module's corpus, written once."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "reports.csv")


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> Path:
    """The corpus ingested in this process, as `--workers 1` does: the reference."""
    path = tmp_path_factory.mktemp("one") / "one.db"
    summary = ingest(open_db(path), [str(corpus)])
    assert summary.added == 36 and summary.claims > 100 and not summary.failures
    return path


class Cluster(NamedTuple):
    """The module's Dask cluster: its scheduler's address and a client of it."""

    scheduler_address: str
    client: object


@pytest.fixture(scope="module")
def dask_cluster():
    """A LocalCluster of two worker processes, started as `--workers 2` starts one."""
    with cluster.starting(2, None) as ready:
        client = ready.result()
        yield Cluster(client.scheduler.address, client)


def test_two_workers_store_exactly_the_rows_one_process_stores(corpus, one_process,
                                                               dask_cluster, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(cluster, "CHUNK_ARTICLES", 5)
    path = tmp_path / "two.db"
    summary = ingest(open_db(path), [str(corpus)], workers=2,
                     scheduler=dask_cluster.scheduler_address)
    assert (summary.added, summary.failures) == (36, [])
    assert rows(path) == rows(one_process)
    again = ingest(open_db(path), [str(corpus)], workers=2,
                   scheduler=dask_cluster.scheduler_address)
    assert (again.added, again.unchanged, again.extract_seconds) == (0, 36, 0)


def test_every_chunk_is_extracted_on_the_cluster_once_it_is_ready(corpus, dask_cluster,
                                                                monkeypatch):
    monkeypatch.setattr(cluster, "CHUNK_ARTICLES", 4)
    extractor = default_extractor()
    jobs = [(where, article, True) for where, article in read([str(corpus)])][:16]
    before = sum(dask_cluster.client.run(_chunks_done).values())
    ready: Future = Future()
    threading.Timer(0.5, ready.set_result, [dask_cluster.client]).start()
    results = [(where, mapped.extracted)
               for where, mapped in cluster.map_in_order(ready, jobs, extractor)]
    here = [(where, extract_rows(article, extractor).extracted) for where, article, _ in jobs]
    assert results == here
    assert sum(dask_cluster.client.run(_chunks_done).values()) - before >= 4


def test_a_regroup_in_chunks_on_the_workers_stores_what_one_here_stores(one_process,
                                                                       dask_cluster,
                                                                       tmp_path,
                                                                       monkeypatch):
    from claims import compare
    from claims.compare import group_figures

    monkeypatch.setattr(compare, "SURVEY_ARTICLES", 5)  # the first pass in parts too

    copies = []
    for name in ("here", "there"):
        copy = tmp_path / f"{name}.db"
        with sqlite3.connect(one_process) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        copies.append(copy)
    here = group_figures(open_db(copies[0]), chunk=40)
    before = sum(dask_cluster.client.run(_chunks_done).values())
    there = group_figures(open_db(copies[1]), chunk=40, mapper=lambda function, calls: (
        cluster.ordered_map(dask_cluster.client, function, calls)))
    assert here == there and here["chunks"] > 2
    surveyed = 2  # at least: 36 articles, five a part
    assert (sum(dask_cluster.client.run(_chunks_done).values()) - before
            >= here["chunks"] + surveyed)
    assert rows(copies[0]) == rows(copies[1]) == rows(one_process)


@pytest.mark.parametrize("stale", [False, True])
def test_a_first_regroup_surveyed_ahead_stores_what_one_here_stores(one_process, dask_cluster,
                                                                    tmp_path, monkeypatch,
                                                                    stale):
    """The survey sent to the workers before a first regroup (while the ingest builds its
    indexes) gives the figures of a regroup here; one whose claims changed since is not
    taken: the regroup surveys again."""
    import dataclasses

    from claims import compare, partitions

    monkeypatch.setattr(compare, "SURVEY_ARTICLES", 5)
    copy = tmp_path / "ahead.db"
    with sqlite3.connect(one_process) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        target.execute("DELETE FROM state WHERE key IN ('grouped', ?)",
                       [partitions.GROUPED_UPTO])  # as after a first ingest's storing
    db = open_db(copy)

    def mapper(function, calls):
        return cluster.ordered_map(dask_cluster.client, function, calls)

    before = sum(dask_cluster.client.run(_chunks_done).values())
    ahead = compare.survey_ahead(db, mapper)
    while sum(dask_cluster.client.run(_chunks_done).values()) == before:
        time.sleep(0.05)  # the workers begin before the regroup is called
    surveyed_again = []
    survey_calls = compare._survey_calls
    monkeypatch.setattr(compare, "_survey_calls",
                        lambda *args: surveyed_again.append(1) or survey_calls(*args))
    if stale:
        ahead = dataclasses.replace(ahead, state=("other claims",))
    counts = compare.group_figures(db, scoped=True, mapper=mapper,
                                   ahead=compare.Ahead(survey=ahead))
    assert counts["chunks"] >= 1 and bool(surveyed_again) == stale
    assert rows(copy) == rows(one_process)
    assert compare.survey_ahead(db, mapper) is None  # grouped: nothing to send ahead


# Invented wire stories, each reprinted by other outlets a day later with a line of their own.
WIRE = (
    ("Flooding cuts the coast road",
     ("Heavy rain on Sunday flooded the coast road north of {town} for the second time this "
     "month, and at least {a} families left their homes as the water rose through the night, "
     "the provincial emergency office said in a statement. Crews cleared two bridges by noon "
     "but warned that more rain was expected before the weekend, and schools in three "
     "villages will stay shut until the roads are safe again, officials told reporters.")),
    ("Market fire in the old quarter",
     ("A fire that started in a fabric stall spread across the covered market of {town} late "
     "on Tuesday, destroying about {a} shops before firefighters brought it under control "
     "shortly after midnight, the city council said. Traders gathered at dawn to count their "
     "losses while inspectors looked for the cause, and the council promised a fund for the "
     "families whose only income was a stall in the market.")),
    ("Strike closes the port",
     ("Dock workers in {town} walked out on Thursday over unpaid wages, leaving {a} ships "
     "waiting at anchor outside the harbour and lorries queued for miles along the ring "
     "road, the port authority said. Union leaders said the strike would last until every "
     "worker was paid for the past two months, and the ministry called both sides to talks "
     "in the capital on Friday morning.")),
)
RESHARED_BY = ("Evening Ledger", "Valdrenn Gazette")


def write_wire_copies(path: Path) -> Path:
    """A CSV of the wire stories, each told in two towns, and their reprints."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "text", "outlet", "date"])
        for n, (title, story) in enumerate(WIRE):
            for m, (town, _) in enumerate(PLACES[:2]):
                text = story.format(town=town, a=12 + 7 * n + m)
                day = 3 + n + 5 * m
                out.writerow([f"w{n}{m}", title, text, "Harbour Wire", f"2026-05-{day:02d}"])
                for k, outlet in enumerate(RESHARED_BY):
                    out.writerow([f"c{n}{m}{k}", title, f"From our correspondents. {text}",
                                  outlet, f"2026-05-{day + 1:02d}"])
    return path


@pytest.mark.parametrize("stale", [False, True])
def test_reprints_found_ahead_on_the_workers_are_those_found_here(dask_cluster, tmp_path,
                                                                  monkeypatch, stale):
    """The search for the new texts' originals sent to the workers before a first regroup
    (while the ingest builds its indexes) stores what a search here stores; one sent before
    another connection wrote to the database is not taken: the regroup searches again."""
    from claims import compare, partitions, reprints

    monkeypatch.setattr(reprints, "SEARCH_ARTICLES", 4)
    one = tmp_path / "one.db"
    ingest(open_db(one), [str(write_wire_copies(tmp_path / "wire.csv"))])
    copy = tmp_path / "ahead.db"
    with sqlite3.connect(one) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        target.execute("DELETE FROM state WHERE key IN ('grouped', ?)",
                       [partitions.GROUPED_UPTO])  # as after a first ingest's storing
        target.execute("DELETE FROM reprints")
        target.execute("UPDATE reprint_sketches SET original_id = NULL, similarity = NULL, "
                       "pending = 1")
    db = open_db(copy)
    ahead = compare.send_ahead(db, lambda function, calls: cluster.ordered_map(
        dask_cluster.client, function, calls))
    assert ahead.search is not None and len(ahead.search.articles) == 18
    if stale:
        with sqlite3.connect(copy) as other:
            other.execute("INSERT INTO state (key, value) VALUES ('elsewhere', 'a write')")
    searched_here = []
    search = reprints._search
    monkeypatch.setattr(reprints, "_search",
                        lambda db, fresh: searched_here.append(len(fresh)) or search(db, fresh))
    compare.group_figures(db, scoped=True, mapper=lambda function, calls: (
        cluster.ordered_map(dask_cluster.client, function, calls)), ahead=ahead)
    assert searched_here == ([18] if stale else [])
    with sqlite3.connect(one) as here, sqlite3.connect(copy) as there:
        for sql in ("SELECT * FROM reprints ORDER BY article_id",
                    "SELECT * FROM reprint_sketches ORDER BY article_id"):
            assert here.execute(sql).fetchall() == there.execute(sql).fetchall()
        copies = len(WIRE) * 2 * len(RESHARED_BY)  # every reprint found, at least
        assert here.execute("SELECT count(*) FROM reprints").fetchone()[0] >= copies
    assert rows(copy) == rows(one)


def _chunks_done(dask_worker) -> int:
    """How many tasks a worker has run, asked of the worker itself (its count, not its log,
    which claims.cluster.SHORT_LOGS keeps short)."""
    return dask_worker.state.executed_count


def slowly(text, published):
    """The project's extractor, slowed down so a worker can be killed in the middle."""
    time.sleep(0.02)
    return default_extractor().run(text, published)


def test_a_worker_killed_mid_run_loses_nothing(corpus, one_process, dask_cluster, tmp_path,
                                               monkeypatch):
    monkeypatch.setattr(cluster, "CHUNK_ARTICLES", 3)
    client = dask_cluster.client
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker():
        """SIGKILL the first worker seen running a chunk."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not killed:
            busy = [w for w, keys in client.processing().items() if keys and w in pids]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
            time.sleep(0.02)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # `slowly` goes by value
    try:
        summary = ingest(open_db(tmp_path / "killed.db"), [str(corpus)],
                         extractor=Extractor(slowly, default_extractor().version), workers=2,
                         scheduler=dask_cluster.scheduler_address)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        killer.join()
    assert killed, "no worker was killed"
    assert (summary.added, summary.failures) == (36, [])
    assert rows(tmp_path / "killed.db") == rows(one_process)


@pytest.fixture(scope="module")
def lake(corpus, tmp_path_factory) -> Path:
    """The corpus written as a Parquet dataset, in this process."""
    root = tmp_path_factory.mktemp("lake") / "lake"
    summary = ingest_to_parquet(root, [str(corpus)])
    assert summary.added == 36
    return root


def test_the_dataset_is_partitioned_by_outlet_and_month(lake):
    folders = {p.relative_to(lake).as_posix() for p in lake.glob("*/outlet=*/month=*")}
    assert "claims/outlet=harbour-wire/month=2026-03" in folders
    assert len(folders) == 2 * 3 * 2


def test_writing_the_dataset_again_adds_nothing(lake, corpus):
    before = sorted(lake.rglob("*.parquet"))
    again = ingest_to_parquet(lake, [str(corpus)])
    assert (again.added, again.unchanged, again.extract_seconds) == (0, 36, 0)
    assert sorted(lake.rglob("*.parquet")) == before


def test_loading_the_dataset_stores_what_an_ingest_stores(lake, one_process, tmp_path):
    path = tmp_path / "loaded.db"
    first = load(open_db(path), lake)
    assert (first.added, first.claims) == (36, len(rows(one_process)["claims"]))
    assert rows(path) == rows(one_process)
    again = load(open_db(path), lake)
    assert (again.added, again.unchanged, again.claims) == (0, 36, 0)
    assert rows(path) == rows(one_process)


def _articles(path: Path, where: str) -> set[str]:
    """The ids of the articles in the database at `path` that `where` selects."""
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute(f"SELECT id FROM articles a WHERE {where}")}


@pytest.mark.parametrize("options,where", [
    ({"since": "2026-04"}, "published >= '2026-04'"),
    ({"since": "2026-03-20"}, "published >= '2026-03-20'"),
    ({"outlet": ("Evening Ledger",)}, "outlet_id = 'evening-ledger'"),
    ({"country": ("iraq",), "outlet": ("valdrenn-gazette",)},
     ("outlet_id = 'valdrenn-gazette' AND EXISTS (SELECT 1 FROM claims c WHERE "
      "c.article_id = a.id AND c.country = 'Iraq')")),
])
def test_loading_a_slice_stores_only_that_slice(lake, one_process, tmp_path, options, where):
    path = tmp_path / "slice.db"
    load(open_db(path), lake, **options)
    wanted = _articles(one_process, where)
    assert 0 < len(wanted) < 36
    assert _articles(path, "1") == wanted


def duckdb_examples() -> list[str]:
    """The README's DuckDB queries: its SQL blocks that read the Parquet dataset."""
    from test_readme_examples import blocks

    return [sql for sql in blocks("sql") if "read_parquet" in sql]


@pytest.mark.parametrize("sql", duckdb_examples(), ids=lambda s: s.split("\n")[0][:40])
def test_readme_duckdb_query_answers_on_a_dataset(sql, lake, monkeypatch):
    monkeypatch.chdir(lake.parent)
    assert duckdb.sql(sql).fetchall()


def test_the_readme_has_three_duckdb_queries():
    assert len(duckdb_examples()) == 3 and "duckdb" in README.lower()


@pytest.mark.parametrize("value,workers", [("3", 3), ("auto", cluster.all_cores()),
                                           ("0", cluster.all_cores())])
def test_workers_option_reads_a_count_or_every_core(value, workers):
    from claims.cli import _check_workers

    assert _check_workers(None, None, value) == workers


def test_a_bad_workers_value_or_a_folder_that_is_no_dataset_is_one_line(tmp_path):
    from click.testing import CliRunner

    from claims.cli import cli

    bad = CliRunner().invoke(cli, ["ingest", "x.csv", "--workers", "many"])
    assert bad.exit_code == 2 and "a number of workers, 0 or auto, not 'many'" in bad.output
    loaded = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert loaded.exit_code == 1 and "has no articles/ folder" in loaded.output
