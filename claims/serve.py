"""Serve the claims database with Datasette: read-only, with the project's metadata and plugins.

For a file named claims.db, `claims serve` and plain `datasette db/claims.db -m
metadata.json` show the same site (metadata.json describes a database named `claims`;
`claims serve` re-keys it to any file's name). This module adds the checks that make a wrong
file or a taken port one line, and the settings that keep a million-claim database fast and
safe to expose.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import socket
import sqlite3
import webbrowser
from pathlib import Path

import uvicorn
from datasette.app import Datasette

from claims.datasette_plugin.counts import preparing
from claims.datasette_plugin.links import timeline_url
from claims.db import COUNTED_BY, INDEXES, VIEW_COUNTS, open_db

#: metadata.json at the top of a checkout; wheels carry a copy inside the package.
METADATA_PATHS = (
    Path(__file__).resolve().parent.parent / "metadata.json",
    Path(__file__).resolve().parent / "metadata.json",
)

#: The database name metadata.json describes (the stem of db/claims.db).
METADATA_DATABASE = "claims"

SETTINGS = {
    # Arbitrary SQL is allowed but cannot hog the server.
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    # Facets over a million claims must not block the page: each gets a short budget and
    # Datasette does not try every column for suggestions.
    "facet_time_limit_ms": 300,
    "suggest_facets": False,
    # Article text is long; the article page shows it whole.
    "truncate_cells_html": 400,
}


def load_metadata(db_name: str = METADATA_DATABASE) -> dict:
    """metadata.json, re-keyed to the database's name so `--db elsewhere.db` keeps it."""
    for path in METADATA_PATHS:
        if path.exists():
            metadata = json.loads(path.read_text(encoding="utf-8"))
            break
    else:
        raise FileNotFoundError("metadata.json not found next to the claims package")
    databases = metadata.get("databases", {})
    if db_name != METADATA_DATABASE and METADATA_DATABASE in databases:
        databases[db_name] = databases.pop(METADATA_DATABASE)
    return metadata


def merged(base: dict, extra: dict) -> dict:
    """`extra` laid over `base`, dictionaries merged key by key."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(
            out.get(key), dict) else value
    return out


def build_datasette(
    db_path: str | Path, *, live: bool = False, settings: dict | None = None,
    metadata: dict | None = None,
) -> Datasette:
    """A Datasette app for one claims database.

    Immutable by default: no write SQL is possible and table counts are computed once.
    `live=True` opens the file read-only instead, so rows written by a running
    `claims ingest` appear (Datasette never writes to it either way). `metadata` is laid
    over metadata.json (the demo uses it to say on every page that it is fiction).
    """
    db_path = Path(db_path)
    check_database(db_path)
    # As every command does on open: a file made by an older version gets the current shape
    # (stored counts, indexes, case-insensitive places) before it is served; a current one
    # is not written to.
    open_db(db_path).close()
    files = {"files": [str(db_path)]} if live else {"immutables": [str(db_path)]}
    return Datasette(
        **files,
        metadata=merged(load_metadata(db_path.stem), metadata or {}),
        settings={**SETTINGS, **(settings or {})},
    )


#: The stored-count columns a filter page reads through an index led by that column alone
#: (claims.db): the primary key's first, metric, and each plain index's. A value held by
#: this many rows of claim_counts or more (a country holding most claims: 546,603 rows at
#: ten million claims, 0.9 s of facets) is summed five ways on a first visit.
INDEXED_FILTERS = (COUNTED_BY[0], *(c for c in INDEXES["claim_counts"] if isinstance(c, str)))
HEAVY_ROWS = 20_000


async def prepare(ds: Datasette, heavy_rows: int = HEAVY_ROWS) -> None:
    """Do the slow part of a first visit before anyone visits.

    Each faceted table's default page is loaded once: that compiles the templates and, on an
    immutable database, leaves its row and facet counts in the plugin's cache, so the first
    visit to the claims table does not sum the stored counts five ways. So is the claims
    page of each filter too coarse for its index to be quick (`heavy_filters`: "?country=
    Syria" when Syria holds most claims, "?metric=killed"), and of each view counted from
    an index. Every table's rows are counted now too, as Datasette does for an immutable
    database on its first request, and the file's hash, which the home page shows, is taken
    now (a read of the whole file: seconds at ten million claims), so no visitor waits for
    either. Other filtered pages are not prepared: stored counts and covering indexes keep
    those fast.
    """
    await ds.invoke_startup()
    for db in ds.databases.values():
        if db.is_mutable or db.is_memory:
            continue
        await db.table_counts(limit=60 * 60 * 1000)
        await asyncio.to_thread(lambda db=db: db.hash)
        with preparing(db):
            await _prepare_pages(ds, db, heavy_rows)


async def _prepare_pages(ds: Datasette, db, heavy_rows: int) -> None:
    """Load each faceted table's default page, each view counted from an index (millions of
    disagreeing figures take more than a count's budget to count even so), the claims
    pages of heavy filters, and the timelines page, whose most reported choices sum every
    stored count."""
    tables = ds.metadata("tables", database=db.name) or {}
    names = await db.table_names()
    for table in names:
        if tables.get(table, {}).get("facets"):
            await ds.client.get(ds.urls.table(db.name, table))
    for view in set(VIEW_COUNTS) & set(await db.view_names()):
        await ds.client.get(ds.urls.table(db.name, view))
    if "claim_counts" in names:
        for column, value in await heavy_filters(db, heavy_rows):
            await ds.client.get(ds.urls.table(db.name, "claims"), params={column: value})
        await ds.client.get(timeline_url(ds))


async def heavy_filters(db, heavy_rows: int) -> list[tuple[str, str]]:
    """The (column, value) filters of INDEXED_FILTERS that `heavy_rows` or more rows of the
    stored counts hold, read from each column's own index."""
    found = []
    for column in INDEXED_FILTERS:
        rows = await db.execute(
            f'select "{column}", count(*) from claim_counts where "{column}" != \'\' '
            f'group by "{column}" having count(*) >= :rows', {"rows": heavy_rows},
            custom_time_limit=60 * 60 * 1000,
        )
        found += [(column, value) for value, _ in rows.rows]
    return found


class ServeError(Exception):
    """Why the site cannot be served, in one line."""


def check_database(path: Path) -> None:
    """ServeError unless `path` is a SQLite file holding claims: Datasette would otherwise
    fail with a traceback, or serve an unrelated database without the project's pages."""
    if not path.is_file():
        raise ServeError(f"no database at {path}; run `claims ingest` or `claims demo` first")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head != b"SQLite format 3\x00":
        raise ServeError(f"{path} is not a SQLite database")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        raise ServeError(f"{path}: {error}") from None
    if "claims" not in tables:
        raise ServeError(f"{path} has no claims table: not a claims database")


def check_port(host: str, port: int) -> None:
    """ServeError when the address is taken, before anything claims to be serving there."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error} "
                             "(try --port)") from None


def is_public(host: str) -> bool:
    """Whether other machines can reach a server listening on `host`."""
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


def url_for(host: str, port: int) -> str:
    """The address to print; IPv6 hosts need brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    open_browser: bool = False,
    live: bool = False,
    echo=print,
    metadata: dict | None = None,
) -> None:
    """Run the site until interrupted (uvicorn, as `datasette serve` does).

    ServeError, before anything is printed, when the database or the address is wrong."""
    check_port(host, port)
    ds = build_datasette(db_path, live=live, metadata=metadata)
    asyncio.run(prepare(ds))
    url = url_for(host, port)
    if is_public(host):
        echo(f"Warning: listening on {host}, so other machines can reach this site. It is "
             "read-only, but anyone who can connect can read every article and run SQL.")
    echo(f"Serving {db_path} at {url}")
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
