"""Which databases the plugin acts on: those holding claims, never the others on the same site."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from datasette.utils.asgi import NotFound

#: A database is a claims database when it has these tables.
CLAIMS_TABLES = frozenset({"claims", "articles"})

#: The answer for each attached `Database` already checked.
_checked: WeakKeyDictionary = WeakKeyDictionary()


async def is_claims_database(datasette, name: str | None) -> bool:
    """Whether `name` is a claims database; remembered, since cells and pages ask repeatedly.

    A mutable database that is not one yet is asked again, as its tables may still be created.
    """
    if not name or name == "_internal" or name not in datasette.databases:
        return False
    db = datasette.databases[name]
    if db not in _checked:
        found = CLAIMS_TABLES <= set(await db.table_names())
        if not found and db.is_mutable:
            return False
        _checked[db] = found
    return _checked[db]


def known_claims_database(datasette, name: str | None) -> bool | None:
    """What `is_claims_database` found for `name` already, or None when it has not been asked
    (or may change its answer): a page's cells then need no coroutine each."""
    if not name or name not in datasette.databases:
        return False
    return _checked.get(datasette.databases[name])


async def claims_database(datasette):
    """The first attached claims database, which the plugin's pages read."""
    for name, db in datasette.databases.items():
        if await is_claims_database(datasette, name):
            return db
    raise NotFound("No database with claims and articles tables is attached")
