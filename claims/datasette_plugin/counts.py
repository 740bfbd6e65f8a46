"""Row counts and facet counts of the claims table, answered from the stored counts, and
unfiltered counts of the views that `claims.db.VIEW_COUNTS` answers from an index.

Datasette counts a filtered table's rows, and each facet's values, with `count(*)` over every
matching row: at ten million claims that is seconds a page. The database keeps claim_counts
(claims.db) exact with triggers, so a count whose filters are all equalities on its columns
is a sum over a few thousand of its rows, with the same answer. This wraps one Database's
`execute` (as cache.py does; Datasette has no hook for it) and recognises the two statements
Datasette's table view writes for such pages; every other query goes to SQLite unchanged.

Two more things keep a page from hanging or degrading silently:

- A search (`_search=`) reads at most SEARCH_LIMIT matches, the most recently stored, so a
  word in millions of claims lists, counts and facets those quickly; `search_note` is the
  sentence the page shows when the search matched more.
- A row count the stored counts cannot answer gets COUNT_LIMIT_MS; a count that takes longer
  is left out and the page says so (templates/_table.html).
"""

from __future__ import annotations

import contextlib
import re

from datasette.database import Database, QueryInterrupted

from claims.db import COUNTED_BY, VIEW_COUNTS

#: The columns whose equality filters and facets claim_counts answers.
ANSWERED = tuple(c for c in COUNTED_BY if c != "is_current")

#: A search lists, counts and facets at most this many matches, the most recently stored.
SEARCH_LIMIT = 1000

#: How long a row count claim_counts cannot answer may take before the page goes without it.
COUNT_LIMIT_MS = 150

#: The attribute set on a Database while `claims serve` prepares its pages (`preparing`).
PREPARING = "claims_preparing"

_TABLE = r"(?:claims|\[claims\])"
_COUNT = re.compile(
    rf"^select count\(\*\) from {_TABLE} ?(?:where (?P<where>.*?))?\s*$", re.DOTALL
)
_FACET = re.compile(
    r"^\s*select (?P<column>\w+) as value, count\(\*\) as count from \(\s*"
    rf"select .*? from {_TABLE} (?:where (?P<where>.*?))?\s*\)\s*"
    r"where (?P=column) is not null\s*group by (?P=column) "
    r"order by count desc, value limit (?P<limit>\d+)\s*$",
    re.DOTALL,
)
_VIEW_COUNT = re.compile(r"^select count\(\*\) from \[?(?P<view>\w+)\]?\s*$")
_EQUALS = re.compile(r'^"(?P<column>\w+)" = :(?P<param>\w+)$')
_FILTER = re.compile(r'(?<![+\w])"(?P<column>\w+)" = :')
_SEARCH = (
    "rowid in (select rowid from claims_fts where claims_fts match escape_fts(:search))"
)
_SEARCH_LIMITED = (
    "rowid in (select rowid from claims_fts where claims_fts match escape_fts(:search) "
    f"order by rowid desc limit {SEARCH_LIMIT})"
)


def summary_where(where: str | None, params: dict | None) -> str | None:
    """The same filter over claim_counts, or None when a clause is not an equality with a
    non-empty value on one of its columns (claim_counts stores empty values as '')."""
    if not where:
        return "claims > 0"
    clauses = []
    for clause in where.strip().split(" and "):
        found = _EQUALS.match(clause.strip())
        if not found or found["column"] not in ANSWERED:
            return None
        value = (params or {}).get(found["param"])
        if not isinstance(value, str) or value == "":
            return None
        clauses.append(clause.strip())
    return " and ".join([*clauses, "claims > 0"])


def view_count(sql: str) -> str | None:
    """The index-only statement counting an unfiltered view that `sql` counts, if any."""
    found = _VIEW_COUNT.match(sql)
    return None if found is None else VIEW_COUNTS.get(found["view"])


def from_summary(sql: str, params: dict | None) -> str | None:
    """The claim_counts statement answering Datasette's count or facet `sql`, if any."""
    if (found := _COUNT.match(sql)) is not None:
        where = summary_where(found["where"], params)
        return None if where is None else (
            f"select coalesce(sum(claims), 0) from claim_counts where {where}"
        )
    found = _FACET.match(sql)
    if found is None or found["column"] not in ANSWERED:
        return None
    where = summary_where(found["where"], params)
    if where is None:
        return None
    column = found["column"]
    return (
        f'select "{column}" as value, sum(claims) as count from claim_counts '
        f"where {where} and \"{column}\" != '' group by \"{column}\" having count > 0 "
        f"order by count desc, value limit {found['limit']}"
    )


def limit_search(sql: str) -> str:
    """`sql` with a claims search narrowed to the SEARCH_LIMIT matches stored last. The
    other filters' equalities get a unary `+`, which keeps their meaning and collation but
    stops SQLite from reading millions of claims through their indexes: the few matches,
    looked up by rowid, are always the quicker way in."""
    if _SEARCH not in sql:
        return sql
    return _FILTER.sub(r'+"\g<column>" = :', sql.replace(_SEARCH, _SEARCH_LIMITED))


def is_count(sql: str) -> bool:
    """Whether `sql` is a table view's row count."""
    return sql.startswith("select count(*) from ")


def answer_from_counts(db: Database, has_counts: bool) -> None:
    """Make `db` answer claims counts and facets from claim_counts (when it `has_counts`: a
    database last opened by an older version has none), narrow searches and bound row
    counts."""
    execute = db.execute

    async def counted_execute(sql, params=None, truncate=False, custom_time_limit=None,
                              page_size=None, log_sql_errors=True):
        """`Database.execute`, with the statements above rewritten."""
        rewritten = view_count(sql) or (from_summary(sql, params) if has_counts else None)
        if getattr(db, PREPARING, False):
            custom_time_limit = None  # no visitor waits: the whole SQL time limit
            rewritten = rewritten or limit_search(sql)
        elif rewritten is None:
            rewritten = limit_search(sql)
            if custom_time_limit is None and is_count(rewritten):
                custom_time_limit = COUNT_LIMIT_MS
        return await execute(rewritten, params, truncate=truncate,
                             custom_time_limit=custom_time_limit, page_size=page_size,
                             log_sql_errors=log_sql_errors)

    db.execute = counted_execute


@contextlib.contextmanager
def preparing(db: Database):
    """While pages are loaded before the site answers, give their queries the whole SQL time
    limit instead of a facet's or a count's budget: what they compute is kept (cache.py) for
    the first visitor, who would otherwise wait for it or see it timed out."""
    setattr(db, PREPARING, True)
    try:
        yield db
    finally:
        setattr(db, PREPARING, False)


async def search_note(db: Database, search: str) -> str | None:
    """What the page says when a search matched more claims than it lists; None otherwise."""
    try:
        found = await db.execute(
            "select count(*) from (select rowid from claims_fts where claims_fts match "
            f"escape_fts(:search) limit {SEARCH_LIMIT + 1})",
            {"search": search}, custom_time_limit=1000,
        )
        more = found.rows[0][0] > SEARCH_LIMIT
    except QueryInterrupted:
        more = True
    if not more:
        return None
    return (f"the search is limited to the {SEARCH_LIMIT:,} matches stored last (it matches "
            "more: add words or filters to narrow it)")
