"""Ingest: read articles (claims.readers), extract their claims, store them, regroup figures.

Each article is extracted with no lock held, by the map step (claims.mapstep) in this
process or on Dask workers (claims.cluster), and stored in a batch that waits for any other
writer; a bad input, row or article becomes a one-line `Failure` and the batch goes on.
Figures are rebuilt at the end whenever the claims changed since they were last built: only the
partitions of days and countries the new claims reach (claims.partitions).
`ingest_to_parquet` writes a Parquet dataset instead, and `load` brings one into a database.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from claims.db import (
    Article,
    Extractor,
    add_article,
    batched_commits,
    bulk_loading,
    is_grouped,
    look_up,
    older_versions,
    published_date,
    ready_to_regroup,
    replace_claims,
    store_extracted,
    versions_extracted_by,
)
from claims.formats import count_of
from claims.mapstep import Job, Mapped, default_extractor, extract_rows
from claims.readers import FORMATS, Failure, Item, Options, count_items, read

__all__ = ["FORMATS", "Options", "Summary", "default_extractor", "ingest", "ingest_to_parquet",
           "load", "read", "reextract", "store"]


@dataclass
class Summary:
    """What an ingest did, counted as it goes."""

    added: int = 0
    unchanged: int = 0
    new_versions: int = 0
    claims: int = 0
    characters: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    extract_seconds: float = 0.0
    group_seconds: float = 0.0

    def count(self, status: str, claims: int, characters: int) -> None:
        """Tally one stored article by what storing it did."""
        self.characters += characters
        self.claims += claims
        if status == "added":
            self.added += 1
        elif status == "new_version":
            self.new_versions += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        """The closing line of a run: "1 article added, 0 unchanged, ..., 2 failures"."""
        return (
            f"{count_of(self.added, 'article')} added, {self.unchanged} unchanged, "
            f"{count_of(self.new_versions, 'new version')}, {count_of(self.claims, 'claim')}, "
            f"{count_of(len(self.failures), 'failure')}"
        )


def _say(line: str) -> None:
    """One line on standard error, beside the progress bar, for the person at the terminal."""
    print(line, file=sys.stderr, flush=True)


def progress_total(specs: list[str], options: Options | None) -> int | None:
    """The progress bar's total, so it can show the time left: counted before reading when
    that is cheap (see `claims.readers.count_items`); an estimate is said to be one."""
    total = count_items(specs, options)
    if total is None:
        return None
    if not total.exact:
        _say(f"About {count_of(total.items, 'article')} to read (estimated from line counts)")
    return total.items


def store(db: sqlite_utils.Database, article: Article,
          extractor: Extractor | None = None) -> tuple[str, int]:
    """Extract and store one article (see `claims.db.add_article`) with the default extractor."""
    return add_article(db, article, extractor or default_extractor())


def _read(specs: list[str], options: Options | None, progress: bool) -> Iterator[Item]:
    """What the inputs hold, counted on a progress bar on the terminal."""
    from tqdm import tqdm

    total = progress_total(specs, options) if progress else None
    return tqdm(read(specs, options), total=total, unit=" articles", disable=not progress,
                file=sys.stderr)


def _size(article: Article) -> int:
    """The characters an article brings, as the summary counts them."""
    return len(article.body) + len(article.title or "")


def _pending(items: Iterable[Item], summary: Summary,
             held: Callable[[Article], tuple[bool, bool]]) -> Iterator[Job]:
    """The articles to send to the map step, each with whether it needs extracting: `held`
    says of an article whether the destination holds it unchanged, and whether it needs
    extracting if not. Inputs that failed and articles held already are counted here and go
    no further, so an unchanged article is never sent anywhere."""
    for item in items:
        if isinstance(item, Failure):
            summary.failures.append(item)
            continue
        where, article = item
        try:
            unchanged, needs_extraction = held(article)
        except ValueError as error:
            summary.failures.append(Failure(where, str(error)))
            continue
        if unchanged:
            summary.count("unchanged", 0, _size(article))
            continue
        yield where, article, needs_extraction


def _in_database(db: sqlite_utils.Database) -> Callable[[Article], tuple[bool, bool]]:
    """Whether the database holds an article unchanged, and whether it needs extracting."""
    def held(article: Article) -> tuple[bool, bool]:
        found = look_up(db, article)
        return found.unchanged, found.needs_extraction
    return held


@dataclass(frozen=True)
class Mapping:
    """Where the map steps run: `run` extracts jobs, yielding (where, Mapped) in the jobs'
    order; `chunks` groups a regroup's chunks (claims.compare.Mapper), None in this process;
    `ahead` does so for what is sent before the regroup (claims.compare.send_ahead), every
    call at once."""

    run: Callable[[Iterable[Job]], Iterator[tuple[str, Mapped]]]
    chunks: Callable | None = None
    ahead: Callable | None = None


@contextlib.contextmanager
def mapping(extractor: Extractor, workers: int = 1, scheduler: str | None = None,
            regroups: bool = False):
    """The map steps: in this process for one worker, else on Dask (claims.cluster), which
    is only imported then; a regroup's chunks go to the workers of a LocalCluster, which
    share this machine's disk, not to a cluster at `scheduler`. `regroups`: a regroup
    follows (a database's ingest, not a Parquet dataset's), whose imports load while the
    cluster starts (`_load_regroup`)."""
    if workers == 1 and not scheduler:
        yield Mapping(lambda jobs: ((w, extract_rows(a, extractor, e)) for w, a, e in jobs))
        return
    from claims.cluster import map_in_order, ordered_map, starting

    with starting(workers, scheduler) as ready, ThreadPoolExecutor(1) as loading:
        if regroups:
            loading.submit(_load_regroup)
        if scheduler:  # only this machine's workers can open the database file
            yield Mapping(lambda jobs: map_in_order(ready, jobs, extractor))
            return
        yield Mapping(
            lambda jobs: map_in_order(ready, jobs, extractor),
            lambda function, calls: ordered_map(ready.result(), function, calls),
            lambda function, calls: ordered_map(ready.result(), function, calls, bounded=False),
        )


def _load_regroup() -> None:
    """Import the regroup (claims.compare, with the place names it reads) while the cluster
    starts, when this process would only wait for the workers' own imports: neither after
    the last article is stored, when the workers would wait for it (benchmarks/README.md,
    "eleventh session"), nor once the cluster has started, when it slows the workers'
    extraction ("thirteenth session")."""
    import claims.compare  # noqa: F401


def _note(summary: Summary, where: str, mapped: Mapped, status: str, written: int) -> None:
    """Count one stored article, with a warning when lines of it could not be extracted."""
    summary.extract_seconds += mapped.seconds
    if mapped.problems:
        summary.warnings.append(Failure(
            where, f"stored, but extraction failed on {len(mapped.problems)} line(s), "
                   f"whose claims are missing: {mapped.problems[0]}"))
    summary.count(status, written, _size(mapped.extracted.article))


def ingest(db: sqlite_utils.Database, specs: Iterable[str], options: Options | None = None,
           extractor: Extractor | None = None, progress: bool = False, workers: int = 1,
           scheduler: str | None = None) -> Summary:
    """Read the inputs and store every article with its claims; never stops on a bad input.

    Articles the database holds unchanged are skipped before extraction; the others go
    through the map step (claims.mapstep), here or on `workers` Dask worker processes (or
    the cluster at `scheduler`), and come back in order to be stored in a batch transaction
    that waits for any other writer, so two ingests into one database both finish whole."""
    extractor = extractor or default_extractor()
    summary = Summary()
    started = time.perf_counter()
    jobs = _pending(_read(list(specs), options, progress), summary, _in_database(db))
    with mapping(extractor, workers, scheduler, regroups=True) as maps:
        with bulk_loading(db) as bulk:
            with batched_commits(db, bulk) as store_in_batch:
                for where, mapped in maps.run(jobs):
                    try:
                        status, written = store_in_batch(
                            lambda e=mapped.extracted: store_extracted(db, e, not bulk))
                    except sqlite3.Error as error:
                        summary.failures.append(Failure(where, f"not stored: {error}"))
                        continue
                    _note(summary, where, mapped, status, written)
            if bulk:
                ready_to_regroup(db)
            # the workers find reprints and survey the claims while this process builds
            # the indexes
            ahead = _send_ahead(db, maps.ahead)
        grouping = time.perf_counter()
        regroup_if_stale(db, say=_say if progress else None, mapper=maps.chunks, ahead=ahead)
    summary.group_seconds = time.perf_counter() - grouping
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_to_parquet(root: str | Path, specs: Iterable[str], options: Options | None = None,
                      extractor: Extractor | None = None, progress: bool = False,
                      workers: int = 1, scheduler: str | None = None) -> Summary:
    """`ingest`, but into the partitioned Parquet dataset at `root` (claims.parquet) instead
    of a database: no lock, no indexes, no grouping, memory bounded by one batch. Articles
    the dataset holds already are written once."""
    from claims.parquet import Writer

    extractor = extractor or default_extractor()
    summary = Summary()
    started = time.perf_counter()
    writer = Writer(root)
    jobs = _pending(_read(list(specs), options, progress), summary,
                    lambda article: (writer.holds(article), True))
    with mapping(extractor, workers, scheduler) as maps:
        try:
            for where, mapped in maps.run(jobs):
                _note(summary, where, mapped, *writer.add(mapped.extracted))
        finally:
            writer.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def load(db: sqlite_utils.Database, root: str | Path, since: str | None = None,
         outlet: tuple[str, ...] = (), country: tuple[str, ...] = (),
         progress: bool = False) -> Summary:
    """Bring a Parquet dataset, or the slice of it `since`, `outlet` and `country` select
    (see `claims.parquet.read`), into the database through the normal storage layer, then
    regroup the figures as after an ingest. What the database holds already is skipped, so
    loading again adds nothing."""
    from tqdm import tqdm

    from claims.parquet import read as read_dataset

    summary = Summary()
    started = time.perf_counter()
    articles = tqdm(read_dataset(root, since, outlet, country), unit=" articles",
                    disable=not progress, file=sys.stderr)
    with bulk_loading(db) as bulk, batched_commits(db, bulk) as store_in_batch:
        for extracted in articles:
            status, written = store_in_batch(
                lambda e=extracted: store_extracted(db, e, not bulk))
            summary.count(status, written, _size(extracted.article))
    regroup_if_stale(db, say=_say if progress else None)
    summary.seconds = time.perf_counter() - started
    return summary


def _send_ahead(db: sqlite_utils.Database, mapper: Callable | None):
    """What the coming regroup can have the workers do now (claims.compare.send_ahead),
    when there are workers to send it to."""
    if mapper is None:
        return None
    from claims.compare import send_ahead

    return send_ahead(db, mapper)


def regroup_if_stale(db: sqlite_utils.Database,
                     say: Callable[[str], None] | None = None,
                     mapper: Callable | None = None, ahead=None) -> bool:
    """Rebuild the figures when the claims changed since they were built, whoever changed
    them: this run, another process, or a run killed before it finished grouping; only the
    partitions the new claims reach (claims.partitions) when that is known. `say` hears when
    grouping starts and what it made, so a long regroup is not silence; `mapper` groups the
    chunks on the ingest's Dask workers (claims.compare.group_figures), `ahead` is what
    was sent to them already (claims.compare.send_ahead)."""
    if is_grouped(db):
        return False
    from claims.compare import group_figures

    if say:
        say("Grouping figures...")
    begun = time.perf_counter()
    counts = group_figures(db, scoped=True, mapper=mapper, ahead=ahead)
    if say:
        say(f"Grouped {count_of(counts['claims'], 'claim')} into "
            f"{count_of(counts['figures'], 'figure')} ({counts['multi_outlet']:,} reported by "
            f"several outlets) in {time.perf_counter() - begun:.1f} s")
    return True


def reextract(db: sqlite_utils.Database, extractor: Extractor | None = None,
              progress: Callable[[Iterable], Iterable] | None = None,
              say: Callable[[str], None] | None = None) -> dict[str, int]:
    """Re-run extraction over stored versions extracted by an older extractor.

    Claims from older extractor versions are replaced; claims written by this or a newer
    extractor are left alone. Each version is replaced in its own transaction; a version the
    extractor fails on keeps its old claims and is counted in "failures". `say` hears
    about the regrouping at the end (see `regroup_if_stale`).
    """
    extractor = extractor or default_extractor()
    older = older_versions(db, extractor.version)
    counts = {"versions": 0, "claims_removed": 0, "claims_added": 0, "failures": 0}
    for row in (progress or iter)(versions_extracted_by(db, older)):
        try:
            claims = extractor.read(row[2], published_date(row[3]), row[6])
        except Exception:  # noqa: BLE001 - one bad article must not stop the batch
            counts["failures"] += 1
            continue
        removed, added = replace_claims(db, row, claims, extractor.version, older)
        counts["versions"] += 1
        counts["claims_removed"] += removed
        counts["claims_added"] += added
    regroup_if_stale(db, say)
    return counts
