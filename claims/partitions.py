"""Partitions of figure grouping: sets of claims that can never share a figure, so that each is
grouped on its own (in this process, or as a Dask map) and an ingest regroups only the
partitions its new claims reach.

The partitions, in full:

1. **Incidents** are linked only within one partition: one country and one calendar month of
   the incident's day (`key`). claims.incidents links reports at most LINK_DAYS apart, so the
   only reports a partition keeps apart that linking alone would join are an incident on a
   month's last day and its report dated the next morning (one whose lead says a source
   spoke the day before, "a monitor said Thursday", is dated that day and joins it:
   `claims.compare._told_on`); the lead words' weights
   (`claims.incidents.link`) are those of the partition's reports. A country's undated
   incidents are one partition: they link to nothing but copies of their text.
2. **Running totals** form series per place, metric, unit and kind, and a series' run of
   reports with no gap over SERIES_GAP_DAYS is one figure (claims.compare), unless another
   series of its place and start, told in the same sentences, runs on through the gap. So
   the series of one place and start are one family (`family`), and a run of the family's
   reports, whatever they count, is a partition. The stored figures of a family chain into
   its runs again (`_runs`): a new report joins the runs within the gap of its day, and
   bridges them.

A regroup after an ingest (`changed_articles`, `scope`) takes the articles whose claims were
added since the figures were last grouped, the partitions their claims are in now and were
in before, and every article with a claim in those partitions, and replaces only those
partitions' incidents and figures. What a partition holds depends on its own claims alone,
so the figures (and their ids) are those a regroup of everything gives.

A regroup reads its claims a chunk of partitions at a time (`Plan`), so its memory is that
of its largest chunk, not of the database: a first pass keeps only each article's units
(the partitions of its incidents, the series of its running totals) in a temporary table,
then each chunk of about CHUNK_CLAIMS claims is read, grouped, written and freed. Units
whose claims shared a figure before are put in one chunk, so each old figure id still goes
to the new figure with most of its claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass

import sqlite_utils

# The partition of a country's undated incidents.
UNDATED = "undated"
# Bumped whenever the partitions change, so a database grouped otherwise is regrouped whole.
SCHEME = "country-month-3"
# The state row that records what the last grouping covered: scheme, last claim rowid, claims.
GROUPED_UPTO = "grouped_upto"
# A regroup reads about this many claims at a time (a partition larger is read whole): as
# mentions with their incidents they take about 1.3 KB each (benchmarks/README.md).
CHUNK_CLAIMS = 25_000
# The kinds of unit a regroup is planned in: a partition of incidents, a series of running
# totals, and the undated running totals (each its own figure) of every series.
INCIDENTS, SERIES = "incidents", "series"
UNDATED_RUNNING = ("undated running totals",)


def month(day: dt.date | None) -> str:
    """The month part of a partition key: "2017-04", or UNDATED."""
    return f"{day:%Y-%m}" if day else UNDATED


def key(country: str | None, day: dt.date | None) -> tuple[str, str]:
    """The partition of an incident at a place in `country` on `day`."""
    return country or "", month(day)


# A series of running totals (claims.compare.series_key): its place, metric, unit, kind
# and start.
Series = tuple
# Days from the first to the last report of a run of a series.
Span = tuple[dt.date, dt.date]


def family(series: Series) -> Series:
    """The series of one place and start, whatever they count: partitions of running totals
    are runs of a family, since the wounded told beside the dead keep the dead's stretches."""
    return series[0], series[-1]


@dataclass(frozen=True)
class Scope:
    """What one regroup replaces: the partitions of incidents and the runs of series (None:
    all), the articles with claims in them (None: all) and those changed, the incident and
    figure ids they held, and the ids of every figure outside, which new ones must not take."""

    keys: frozenset[tuple[str, str]] | None = None
    runs: dict[Series, list[Span]] | None = None
    articles: frozenset[str] | None = None
    changed: frozenset[str] = frozenset()
    incidents: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    taken: frozenset[str] = frozenset()

    def holds(self, partition: tuple[str, str]) -> bool:
        """Whether the partition is one this regroup replaces."""
        return self.keys is None or partition in self.keys

    def holds_running(self, series: Series | None, day: dt.date | None, article: str) -> bool:
        """Whether a running total of `series` on `day` is in a run of its family this
        regroup replaces: an undated one stands alone, so only when its article changed."""
        if self.runs is None:
            return True
        if day is None:
            return article in self.changed
        spans = self.runs.get(family(series), ()) if series else ()
        return any(first <= day <= last for first, last in spans)


def articles_clause(db: sqlite_utils.Database, scope: Scope | None) -> str:
    """An SQL condition on claims `c` that keeps the scope's articles (filled into a temporary
    table), or nothing for a scope of every article."""
    if scope is None or scope.articles is None:
        return ""
    _fill(db, "scope_articles", scope.articles)
    return "AND c.article_id IN (SELECT id FROM temp.scope_articles)"


def figures_clause(db: sqlite_utils.Database, figures: Iterable[str] | None) -> str:
    """The end of an SQL condition on a figure id that keeps `figures` (filled into a
    temporary table), or nothing for every figure."""
    if figures is None:
        return ""
    _fill(db, "materialised", figures)
    return "IN (SELECT id FROM temp.materialised)"


def _fill(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> None:
    """A temporary table of ids, emptied and filled afresh."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
    db.execute(f"DELETE FROM temp.{table}")
    db.conn.executemany(f"INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)",
                        [(i,) for i in ids])


def changed_articles(db: sqlite_utils.Database) -> frozenset[str] | None:
    """The articles with claims added since the figures were last grouped, or None when only
    a regroup of everything is sure to be right: never grouped by these partitions, claims
    grouped then have since been deleted (re-extraction), or none were added, so what
    changed is which claims are current."""
    row = db.execute("SELECT value FROM state WHERE key = ?", [GROUPED_UPTO]).fetchone()
    if row is None or row[0].count(":") != 2:
        return None
    scheme, last, count = row[0].split(":")
    if scheme != SCHEME:
        return None
    if db.execute("SELECT count(*) FROM claims WHERE rowid <= ?", [int(last)]
                  ).fetchone()[0] != int(count):
        return None
    changed = frozenset(r[0] for r in db.execute(
        "SELECT DISTINCT article_id FROM claims WHERE rowid > ?", [int(last)]))
    return changed or None


def mark(db: sqlite_utils.Database) -> None:
    """Record what this grouping covered, for `changed_articles`; call in its transaction."""
    last, count = db.execute("SELECT coalesce(max(rowid), 0), count(*) FROM claims").fetchone()
    db.execute(
        "INSERT INTO state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [GROUPED_UPTO, f"{SCHEME}:{last}:{count}"],
    )


def scope(db: sqlite_utils.Database, changed: frozenset[str], keys: set[tuple[str, str]],
          reports: dict[Series, set[dt.date]], gap: int) -> Scope:
    """The scope of a regroup after `changed` articles: `keys` are the partitions of their
    incidents and `reports` the days of their running totals by series, now; to them come
    the partitions and runs their claims were in before, then every article with a claim in
    any of them. `gap` is the most days between reports of one run."""
    _fill(db, "scope_articles", changed)
    keys = keys | _stored_keys(db)
    incidents = _incidents_in(db, keys)
    _fill(db, "scope_incidents", incidents)
    figures = {r[0] for r in db.execute(
        "SELECT id FROM figures WHERE incident_id IN (SELECT id FROM temp.scope_incidents)")}
    runs, series_figures = _runs(db, reports, gap)
    _fill(db, "scope_figures", figures | series_figures)
    articles = changed | {r[0] for r in db.execute(
        "SELECT DISTINCT article_id FROM claims "
        "WHERE incident_id IN (SELECT id FROM temp.scope_incidents)")}
    articles |= {r[0] for r in db.execute(
        "SELECT DISTINCT article_id FROM claims "
        "WHERE figure_id IN (SELECT id FROM temp.scope_figures)")}
    figures |= series_figures
    taken = {r[0] for r in db.execute("SELECT id FROM figures")} - figures
    return Scope(frozenset(keys), runs, frozenset(articles), changed, frozenset(incidents),
                 frozenset(figures), frozenset(taken))


def _stored_keys(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    """The partitions the claims of the articles in `temp.scope_articles` were grouped in."""
    return {key(country, _day(first)) for country, first in db.execute(
        "SELECT DISTINCT i.country, i.date_from FROM claims c JOIN incidents i "
        "ON i.id = c.incident_id WHERE c.article_id IN (SELECT id FROM temp.scope_articles)")}


# The stored figures of running totals that claims of the changed articles were in.
CHANGED_SERIES_SQL = """
    SELECT DISTINCT f.id, f.place, f.level, f.region, f.country, f.metric, f.unit,
           f.subject_kind, coalesce(f.since, '')
    FROM claims c JOIN figures f ON f.id = c.figure_id
    WHERE f.cumulative AND c.article_id IN (SELECT id FROM temp.scope_articles)
"""
# The stored figures of one family of series, with their first and last day.
FAMILY_SQL = """
    SELECT id, date_from, date_to FROM figures
    WHERE cumulative AND place IS ? AND level IS ? AND region IS ? AND country IS ?
      AND coalesce(since, '') = ?
"""


def _runs(db: sqlite_utils.Database, reports: dict[Series, set[dt.date]],
          gap: int) -> tuple[dict[Series, list[Span]], set[str]]:
    """The runs of each family of series (`family`) that new reports (`reports`, by family)
    or the changed articles' old claims are in: stored figures of a family chain into runs
    when no more than `gap` days lie between them, new reports chain with them alike.
    Returns each family's runs as spans of days, and the stored figures in them."""
    touched: dict[Series, set[str]] = {}
    for figure_id, place, level, region, country, *rest in db.execute(CHANGED_SERIES_SQL):
        series = family((_place(level, place, region, country), *rest))
        touched.setdefault(series, set()).add(figure_id)
    runs: dict[Series, list[Span]] = {}
    found: set[str] = set()
    for series in reports.keys() | touched.keys():
        where, since = series
        stored = db.execute(FAMILY_SQL, [where.name, where.level, where.region,
                                         where.country, since]).fetchall()
        spans = [(_day(first), _day(last), figure_id in touched.get(series, ()), figure_id)
                 for figure_id, first, last in stored]
        found |= {figure_id for first, _, hit, figure_id in spans if first is None and hit}
        spans += [(day, day, True, None) for day in reports.get(series, ())]
        for first, last, members in _chain([s for s in spans if s[0] is not None], gap):
            runs.setdefault(series, []).append((first, last))
            found |= {m for m in members if m}
    return runs, found


def _place(level: str, name: str, region: str | None, country: str | None):
    """A stored place as claims.incidents knows it."""
    from claims.incidents import Place

    return Place(level, name, region, country)


def _chain(spans: list[tuple], gap: int) -> list[tuple[dt.date, dt.date, list[str | None]]]:
    """Chain (first, last, touched, figure id) spans of one series into runs with no more
    than `gap` days between them; the runs with a touched span, with their figures."""
    chains: list[list] = []
    for first, last, hit, figure_id in sorted(spans, key=lambda s: (s[0], s[1])):
        if chains and (first - chains[-1][1]).days <= gap:
            chain = chains[-1]
            chain[1] = max(chain[1], last)
            chain[2] = chain[2] or hit
            chain[3].append(figure_id)
        else:
            chains.append([first, last, hit, [figure_id]])
    return [(first, last, members) for first, last, hit, members in chains if hit]


def _day(text: str | None) -> dt.date | None:
    """A stored ISO day, or None."""
    return dt.date.fromisoformat(text[:10]) if text else None


def _incidents_in(db: sqlite_utils.Database, keys: set[tuple[str, str]]) -> set[str]:
    """The stored incidents of the partitions `keys`."""
    found: set[str] = set()
    for country, part in sorted(keys):
        where = "coalesce(country, '') = ?"
        if part == UNDATED:
            rows = db.execute(f"SELECT id FROM incidents WHERE {where} AND date_from IS NULL",
                              [country])
        else:
            rows = db.execute(f"SELECT id FROM incidents WHERE {where} AND date_from >= ? "
                              "AND date_from < ?", [country, part, f"{part}-99"])
        found |= {r[0] for r in rows}
    return found


def drop_stale(db: sqlite_utils.Database, scope: Scope, incidents: set[str],
               figures: set[str]) -> None:
    """Remove the scope's old incidents and figures that no claim belongs to any more, and
    their ids from claims."""
    for table, column, old, kept in (("incidents", "incident_id", scope.incidents, incidents),
                                     ("figures", "figure_id", scope.figures, figures)):
        _fill(db, "gone_ids", old - kept)
        db.execute(f"DELETE FROM {table} WHERE id IN (SELECT id FROM temp.gone_ids)")
        db.execute(f"UPDATE claims SET {column} = NULL "
                   f"WHERE {column} IN (SELECT id FROM temp.gone_ids)")


def incidents_unit(partition: tuple[str, str]) -> tuple:
    """The unit of a regroup that is one partition of incidents."""
    return INCIDENTS, partition


def series_unit(series: Series, day: dt.date | None) -> tuple:
    """The unit of a regroup a running total is in: its series' family, or the undated
    ones."""
    return (SERIES, family(series)) if day else UNDATED_RUNNING


def _order(unit: tuple) -> tuple:
    """Units in the order one pass groups them: partitions, then series as claims.compare
    sorts them, then the undated running totals."""
    if unit[0] == INCIDENTS:
        return 0, unit[1]
    return (1, repr(unit[1])) if unit[0] == SERIES else (2,)


class Plan:
    """The units a regroup of `base` (None: everything) replaces, found by a first pass that
    keeps only each article's units (in temporary tables), cut into chunks to read one at a
    time."""

    def __init__(self, db: sqlite_utils.Database, base: Scope | None) -> None:
        self.db, self.base = db, base
        self.units: dict[Hashable, int] = {}
        self.claims: list[int] = []
        for table, columns in (("plan_articles", "unit INTEGER, article_id TEXT"),
                               ("plan_figures", "unit INTEGER, figure_id TEXT")):
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns})")
            db.execute(f"DELETE FROM temp.{table}")

    def add(self, article: str, units: list[tuple[tuple, int, set[str]]]) -> None:
        """Note an article's units, each with its number of claims and the figures they were
        in before."""
        indexes = set()
        for unit, claims, figures in units:
            index = self.units.setdefault(unit, len(self.units))
            if index == len(self.claims):
                self.claims.append(0)
            self.claims[index] += claims
            indexes.add(index)
            self.db.conn.executemany("INSERT INTO temp.plan_figures VALUES (?, ?)",
                                     [(index, f) for f in sorted(figures)])
        self.db.conn.executemany("INSERT INTO temp.plan_articles VALUES (?, ?)",
                                 [(index, article) for index in sorted(indexes)])

    def chunks(self, size: int = CHUNK_CLAIMS) -> Iterator[Scope]:
        """The plan as scopes of about `size` claims each, in the order one pass groups
        them; units whose claims shared an old figure are in one chunk."""
        chunk: list[int] = []
        claims = 0
        for group in self._groups():
            weight = sum(self.claims[i] for i in group)
            if chunk and claims + weight > size:
                yield self._scope(chunk)
                chunk, claims = [], 0
            chunk += group
            claims += weight
        if chunk:
            yield self._scope(chunk)

    def _groups(self) -> list[list[int]]:
        """The units joined by the old figures their claims shared, in order."""
        parent = list(range(len(self.units)))

        def root(i: int) -> int:
            """The unit that stands for i's group."""
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for (joined,) in self.db.execute(
                "SELECT group_concat(unit) FROM (SELECT DISTINCT unit, figure_id "
                "FROM temp.plan_figures) GROUP BY figure_id HAVING count(*) > 1"):
            first, *rest = (int(i) for i in joined.split(","))
            for other in rest:
                parent[root(other)] = root(first)
        ordered = sorted(self.units, key=_order)
        groups: dict[int, list[int]] = {}
        for unit in ordered:
            groups.setdefault(root(self.units[unit]), []).append(self.units[unit])
        return list(groups.values())

    def _scope(self, indexes: list[int]) -> Scope:
        """The scope of one chunk: its partitions, the whole runs of its series, its
        articles, and as changed those with undated running totals when it holds them."""
        chosen = set(indexes)
        units = [u for u, i in self.units.items() if i in chosen]
        runs = {u[1]: self._spans(u[1]) for u in units if u[0] == SERIES}
        undated = self.units.get(UNDATED_RUNNING) in indexes
        return Scope(keys=frozenset(u[1] for u in units if u[0] == INCIDENTS), runs=runs,
                     articles=self._articles(indexes),
                     changed=self._articles([self.units[UNDATED_RUNNING]]) if undated
                     else frozenset())

    def _spans(self, series: Series) -> list[Span]:
        """The days of a family of series this regroup replaces: the base's runs, else all."""
        if self.base is None or self.base.runs is None:
            return [(dt.date.min, dt.date.max)]
        return self.base.runs[series]

    def _articles(self, indexes: list[int]) -> frozenset[str]:
        """The articles with claims in the units `indexes`."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS plan_chunk (unit INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.plan_chunk")
        self.db.conn.executemany("INSERT INTO temp.plan_chunk VALUES (?)",
                                 [(i,) for i in indexes])
        return frozenset(r[0] for r in self.db.execute(
            "SELECT DISTINCT article_id FROM temp.plan_articles "
            "WHERE unit IN (SELECT unit FROM temp.plan_chunk)"))


def originals(db: sqlite_utils.Database, articles: Iterable[str]) -> dict[str, str]:
    """Each reprint among `articles` and its original (claims.reprints): a chunk of a
    regroup needs no others."""
    _fill(db, "scope_articles", articles)
    return dict(db.execute("SELECT article_id, original_id FROM reprints "
                           "WHERE article_id IN (SELECT id FROM temp.scope_articles)"))
