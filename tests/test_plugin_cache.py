"""The execute cache: what it keeps and drops, and the Datasette signatures it depends on.

`cache_small_results` replaces a database's `execute` with a wrapper that forwards a fixed list
of parameters and builds `Results` itself. If a Datasette upgrade changes either signature, the
tests here fail first, so the wrapper is updated rather than silently dropping an argument.
"""

from __future__ import annotations

import asyncio
import inspect
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette.database import Database, Results

from claims.datasette_plugin.cache import FORWARDED, cache_small_results, execute_parameters


def immutable(path: Path) -> Database:
    """An empty immutable database, the kind the cache is for."""
    sqlite3.connect(path).close()
    return Datasette(immutables=[str(path)]).get_database(path.stem)


def test_execute_signature_is_the_one_the_wrapper_forwards(tmp_path):
    """Same names, order, kinds and defaults: an upgrade that changes them fails here."""
    installed = inspect.signature(Database.execute).parameters
    assert tuple(installed) == ("self", *FORWARDED) == ("self", *execute_parameters())
    db = immutable(tmp_path / "empty.db")
    assert cache_small_results(db)
    wrapper = inspect.signature(db.execute).parameters
    assert [(p.name, p.kind, p.default) for p in wrapper.values()] == [
        (p.name, p.kind, p.default) for name, p in installed.items() if name != "self"
    ]


def test_results_signature_is_the_one_the_cache_builds():
    """The cache hands out fresh `Results(rows, truncated, description)` for kept answers."""
    assert tuple(inspect.signature(Results.__init__).parameters) == (
        "self", "rows", "truncated", "description",
    )


@pytest.fixture
def counted(tmp_path: Path):
    """An immutable database whose real `execute` counts its calls, then gets the cache."""
    path = tmp_path / "numbers.db"
    conn = sqlite3.connect(path)
    conn.execute("create table numbers (n integer)")
    conn.executemany("insert into numbers values (?)", [(i,) for i in range(300)])
    conn.commit()
    conn.close()
    ds = Datasette(immutables=[str(path)])
    db = ds.get_database("numbers")
    calls = []
    execute = db.execute

    async def counting(*args, **kwargs):
        """Datasette's execute, with a note of the SQL sent to SQLite."""
        calls.append(args[0])
        return await execute(*args, **kwargs)

    db.execute = counting
    assert cache_small_results(db, entries=2, max_rows=100)
    return db, calls


def run(db, sql: str, params: dict | None = None):
    """One query through the (cached) execute."""
    return asyncio.run(db.execute(sql, params))


def test_small_answers_are_kept_and_copied(counted):
    """A repeated small query is answered once; each caller gets its own rows list."""
    db, calls = counted
    first = run(db, "select count(*) from numbers where n < :n", {"n": 10})
    first.rows.clear()
    again = run(db, "select count(*) from numbers where n < :n", {"n": 10})
    assert again.rows[0][0] == 10 and len(calls) == 1
    run(db, "select count(*) from numbers where n < :n", {"n": 20})
    assert len(calls) == 2


def test_large_answers_and_errors_are_not_kept(counted):
    """Answers over max_rows are sent again; a failing query is never remembered."""
    db, calls = counted
    for _ in range(2):
        assert len(run(db, "select n from numbers").rows) == 300
    assert len(calls) == 2
    for _ in range(2):
        with pytest.raises(sqlite3.OperationalError):
            run(db, "select nope from numbers")
    assert len(calls) == 4


def test_least_recently_used_answer_goes_first(counted):
    """With room for two answers, the third evicts the one not asked for longest."""
    db, calls = counted
    for n in (1, 2, 1, 3, 1, 2):
        run(db, f"select {n}")
    assert calls == ["select 1", "select 2", "select 3", "select 2"]


def test_mutable_and_memory_databases_are_not_cached(tmp_path):
    """Rows can change under a mutable database, so its answers are never kept."""
    path = tmp_path / "live.db"
    sqlite3.connect(path).close()
    ds = Datasette([str(path)])
    assert not cache_small_results(ds.get_database("live"))
    assert not cache_small_results(Database(ds, path=None, is_memory=True))


def test_a_changed_signature_leaves_execute_alone(tmp_path, monkeypatch):
    """If Datasette's execute changes, the database keeps it and a warning says why."""
    db = immutable(tmp_path / "frozen.db")

    async def changed(self, sql, params=None, truncate=False, custom_time_limit=None,
                      page_size=None, log_sql_errors=True, new_option=None):
        """An execute with a parameter the wrapper would not forward."""

    monkeypatch.setattr(Database, "execute", changed)
    with pytest.warns(RuntimeWarning, match="not cached"):
        assert not cache_small_results(db)
    assert db.execute.__func__ is changed
