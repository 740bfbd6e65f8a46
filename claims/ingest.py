"""Ingest: read articles (claims.readers), extract their claims, store them, regroup figures.

Each article is extracted with no lock held and stored in a batch that waits for any other
writer; a bad input, row or article becomes a one-line `Failure` and the batch goes on.
Figures are rebuilt at the end whenever the claims changed since they were last built.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import sqlite_utils

from claims.db import (
    Article,
    Extractor,
    add_article,
    batched_commits,
    extract_article,
    is_grouped,
    older_versions,
    published_date,
    replace_claims,
    store_extracted,
    versions_extracted_by,
)
from claims.readers import FORMATS, Failure, Options, count_items, read

__all__ = ["FORMATS", "Options", "Summary", "ingest", "read", "reextract", "store"]


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
            f"{_count(self.added, 'article')} added, {self.unchanged} unchanged, "
            f"{_count(self.new_versions, 'new version')}, {_count(self.claims, 'claim')}, "
            f"{_count(len(self.failures), 'failure')}"
        )


def _count(number: int, noun: str) -> str:
    """"1 claim", "2 claims": a count with its noun in the right number."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


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
        _say(f"About {_count(total.items, 'article')} to read (estimated from line counts)")
    return total.items


def _extract_on_first_use(text: str, published):
    """`claims.extract`, imported when the first article is extracted: commands that only
    read, and re-runs that find nothing new, never compile the extraction patterns."""
    from claims.extraction import extract

    return extract(text, published)


def default_extractor() -> Extractor:
    """The project's extractor and its version (the version is cheap to read)."""
    from claims.extraction import EXTRACTOR_VERSION

    return Extractor(_extract_on_first_use, EXTRACTOR_VERSION)


def store(db: sqlite_utils.Database, article: Article,
          extractor: Extractor | None = None) -> tuple[str, int]:
    """Extract and store one article (see `claims.db.add_article`) with the default extractor."""
    return add_article(db, article, extractor or default_extractor())


def _shifted(claim, offset: int):
    """A claim read from a piece of a text, with its offsets moved to the whole text."""
    return claim.model_copy(update={
        "start": claim.start + offset, "end": claim.end + offset,
        "sentence_start": claim.sentence_start + offset,
    })


def extract_what_can_be_read(extractor: Extractor, text: str, published,
                             problems: list[str]) -> list:
    """The extractor's claims; if it fails on the whole text, the claims of every line it
    can read, so one bad character costs its own line, not the article. Each line it fails
    on is described in `problems`."""
    with contextlib.suppress(Exception):  # any extractor bug must cost one line at most
        return extractor.run(text, published)
    claims, offset = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if line.strip():
            try:
                claims += [_shifted(c, offset) for c in extractor.run(line, published)]
            except Exception as error:  # noqa: BLE001
                problems.append(f"line {number}: {type(error).__name__}: {error}")
        offset += len(line)
    return claims


def ingest(db: sqlite_utils.Database, specs: Iterable[str], options: Options | None = None,
           extractor: Extractor | None = None, progress: bool = False) -> Summary:
    """Read the inputs and store every article with its claims; never stops on a bad input.

    Each article is extracted with no lock held, then stored in a batch transaction that
    waits for any other writer, so two ingests into one database both finish whole."""
    from tqdm import tqdm

    extractor = extractor or default_extractor()
    summary = Summary()
    started = time.perf_counter()
    problems: list[str] = []

    def timed(text, published):
        """The extractor, timed, reading what it can of a text it partly fails on."""
        begun = time.perf_counter()
        try:
            return extract_what_can_be_read(extractor, text, published, problems)
        finally:
            summary.extract_seconds += time.perf_counter() - begun

    resilient = Extractor(timed, extractor.version)
    specs = list(specs)
    total = progress_total(specs, options) if progress else None
    with batched_commits(db) as store_in_batch:
        for item in tqdm(read(specs, options), total=total, unit=" articles",
                         disable=not progress, file=sys.stderr):
            if isinstance(item, Failure):
                summary.failures.append(item)
                continue
            where, article = item
            problems.clear()
            try:
                extracted = extract_article(db, article, resilient)
                if extracted.claims is None:  # unchanged: nothing to write, no lock to take
                    status, written = "unchanged", 0
                else:
                    status, written = store_in_batch(
                        lambda e=extracted: store_extracted(db, e))
            except ValueError as error:
                summary.failures.append(Failure(where, str(error)))
                continue
            except sqlite3.Error as error:
                summary.failures.append(Failure(where, f"not stored: {error}"))
                continue
            if problems:
                summary.warnings.append(Failure(
                    where, f"stored, but extraction failed on {len(problems)} line(s), "
                           f"whose claims are missing: {problems[0]}"))
            summary.count(status, written, len(article.body) + len(article.title or ""))
    regroup_if_stale(db, say=_say if progress else None)
    summary.seconds = time.perf_counter() - started
    return summary


def regroup_if_stale(db: sqlite_utils.Database,
                     say: Callable[[str], None] | None = None) -> bool:
    """Rebuild the figures when the claims changed since they were built, whoever changed
    them: this run, another process, or a run killed before it finished grouping. `say`
    hears when grouping starts and what it made, so a long regroup is not silence."""
    if is_grouped(db):
        return False
    from claims.compare import group_figures

    if say:
        say("Grouping figures...")
    begun = time.perf_counter()
    counts = group_figures(db)
    if say:
        say(f"Grouped {_count(counts['claims'], 'claim')} into "
            f"{_count(counts['figures'], 'figure')} ({counts['multi_outlet']:,} reported by "
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
            claims = extractor.run(row[2], published_date(row[3]))
        except Exception:  # noqa: BLE001 - one bad article must not stop the batch
            counts["failures"] += 1
            continue
        removed, added = replace_claims(db, row, claims, extractor.version, older)
        counts["versions"] += 1
        counts["claims_removed"] += removed
        counts["claims_added"] += added
    regroup_if_stale(db, say)
    return counts
