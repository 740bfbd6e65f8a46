"""Limits on what SQL typed into the site can make the server do, on claims databases.

Datasette bounds a query's time and row count, not the size of one value: one
`hex(zeroblob(100000000))` returned 200 MB and took the server to 1.2 GB. SQLite's own length
limit caps every string and blob a query makes (stored articles are far below it). Two
functions leak what a reader has no business seeing: `fts3_tokenizer()` returns a heap
address and `pragma_database_list` the database's absolute path; the first is refused and the
path reads as NULL. Datasette's own `PRAGMA database_list` statement is left alone.
"""

from __future__ import annotations

import sqlite3

#: The longest string or blob any query may make: a stored article (at most a million
#: characters) fits four times over.
MAX_VALUE_BYTES = 16_000_000
#: Functions no reader needs and whose answers leak memory addresses.
REFUSED_FUNCTIONS = frozenset({"fts3_tokenizer"})
#: (table-valued function, column) pairs read as NULL: the file system paths.
HIDDEN_COLUMNS = frozenset({("pragma_database_list", "file")})


def _authorize(action: int, first: str | None, second: str | None, *_: object) -> int:
    """SQLite's authorizer: refuse the leaking functions, blank the path column."""
    if action == sqlite3.SQLITE_FUNCTION and (second or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and ((first or "").lower(), second) in HIDDEN_COLUMNS:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


def holds_claims(conn: sqlite3.Connection) -> bool:
    """Whether the connection's main database is a claims database."""
    found = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('claims', 'articles')"
    ).fetchone()[0]
    return found == 2


def harden(conn: sqlite3.Connection) -> None:
    """Apply the limits to one connection."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(_authorize)
