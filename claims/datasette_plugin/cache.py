"""An answer cache for small queries on a database that cannot change.

It wraps one `Database` instance's `execute` (Datasette has no hook for this), so it depends on
that method's signature: `FORWARDED` lists the parameters the wrapper passes on, a test compares
it with the installed Datasette, and a database whose `execute` differs is left unwrapped.
"""

from __future__ import annotations

import inspect
import json
import warnings
from collections import OrderedDict

from datasette.database import Database, Results

#: `Database.execute`'s parameters after `self`, in order, as the wrapper forwards them.
FORWARDED = ("sql", "params", "truncate", "custom_time_limit", "page_size", "log_sql_errors")


def execute_parameters() -> tuple[str, ...]:
    """The parameters of the installed Datasette's `Database.execute`, to compare with ours."""
    return tuple(inspect.signature(Database.execute).parameters)[1:]


def cache_small_results(db: Database, entries: int = 1024, max_rows: int = 100) -> bool:
    """Remember the answers to small queries (facet counts, row counts) on a database that
    cannot change, so a million-claim table's facets are computed once, not on every visit.

    Only immutable databases qualify; results over `max_rows` rows, errors and timeouts are
    never kept, and the least recently used answer goes first. Returns whether it was applied.
    """
    if db.is_mutable or db.is_memory:
        return False
    if execute_parameters() != FORWARDED:
        warnings.warn(
            f"Database.execute{execute_parameters()} is not the signature the claims cache "
            f"wraps {FORWARDED}; queries on {db.name} are not cached",
            RuntimeWarning, stacklevel=2,
        )
        return False
    execute, cache = db.execute, OrderedDict()

    async def cached_execute(sql, params=None, truncate=False, custom_time_limit=None,
                             page_size=None, log_sql_errors=True):
        """`Database.execute`, answered from the cache when the same query was small before."""
        key = (sql, json.dumps(params, sort_keys=True, default=str), truncate, page_size)
        if key in cache:
            cache.move_to_end(key)
        else:
            results = await execute(sql, params, truncate=truncate,
                                    custom_time_limit=custom_time_limit, page_size=page_size,
                                    log_sql_errors=log_sql_errors)
            if len(results.rows) > max_rows:
                return results
            cache[key] = results
            if len(cache) > entries:
                cache.popitem(last=False)
        kept = cache[key]
        return Results(list(kept.rows), kept.truncated, kept.description)

    db.execute = cached_execute
    return True
