"""Extraction as a pure map step: one article in, its article and claim rows out.

Nothing here opens a database, so the step runs wherever it is sent: in this process for a
one-process ingest, or on a Dask worker (claims.cluster). What it returns is plain,
picklable data, a `claims.db.Extracted` holding the article as read and its claims as rows;
storing, versioning and grouping stay in claims.db and claims.compare.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, replace

from claims import reprints
from claims.db import Article, Extracted, Extractor, article_text, claim_row, published_date

#: One article for the map step: where it was read, the article, and whether to extract it.
Job = tuple[str, Article, bool]


@dataclass(frozen=True)
class Mapped:
    """What the map step made of one article: the rows to store, the lines the extractor
    failed on (their claims are missing), and the seconds extraction took."""

    extracted: Extracted
    problems: tuple[str, ...] = ()
    seconds: float = 0.0


def _extract_on_first_use(text: str, published, title: str | None = None):
    """`claims.extract`, imported when the first article is extracted: commands that only
    read, and re-runs that find nothing new, never compile the extraction patterns."""
    from claims.extraction import extract

    return extract(text, published, title=title)


def default_extractor() -> Extractor:
    """The project's extractor and its version (the version is cheap to read)."""
    from claims.extraction import EXTRACTOR_VERSION

    return Extractor(_extract_on_first_use, EXTRACTOR_VERSION, titled=True)


def _shifted(claim, offset: int):
    """A claim read from a piece of a text, with its offsets moved to the whole text."""
    return claim.model_copy(update={
        "start": claim.start + offset, "end": claim.end + offset,
        "sentence_start": claim.sentence_start + offset,
    })


def extract_what_can_be_read(extractor: Extractor, text: str, published,
                             problems: list[str], title: str | None = None) -> list:
    """The extractor's claims; if it fails on the whole text, the claims of every line it
    can read, so one bad character costs its own line, not the article. Each line it fails
    on is described in `problems`."""
    with contextlib.suppress(Exception):  # any extractor bug must cost one line at most
        return extractor.read(text, published, title)
    claims, offset = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if line.strip():
            try:
                claims += [_shifted(c, offset) for c in extractor.run(line, published)]
            except Exception as error:  # noqa: BLE001
                problems.append(f"line {number}: {type(error).__name__}: {error}")
        offset += len(line)
    return claims


def extract_rows(article: Article, extractor: Extractor, extract: bool = True) -> Mapped:
    """The map step: the article's claims as rows, and its text's reprint sketch, so the
    process that stores and regroups does not make it. `extract` is False when the database
    already holds an earlier version with this text, whose claims come back: then nothing
    is extracted."""
    if not extract:
        return Mapped(Extracted(article, [], extractor.version))
    begun = time.perf_counter()
    problems: list[str] = []
    text = article_text(article.title, article.body)
    claims = extract_what_can_be_read(extractor, text, published_date(article.published),
                                      problems, article.title)
    rows = [claim_row(claim) for claim in claims]
    return Mapped(Extracted(article, rows, extractor.version, reprints.sketch(text)),
                  tuple(problems), time.perf_counter() - begun)


def extract_chunk(jobs: list[tuple[Article, bool]], extractor: Extractor) -> list[Mapped]:
    """The map step over a chunk of (article, extract) jobs: one task on a worker, so the
    cost of sending work is paid per chunk, not per article. The articles are not sent
    back, since the sender holds them (`with_article`): a third less for the ingest's
    process to take in."""
    return [_without_article(extract_rows(article, extractor, extract))
            for article, extract in jobs]


def _without_article(mapped: Mapped) -> Mapped:
    """What the map step made of an article, without the article itself."""
    return replace(mapped, extracted=replace(mapped.extracted, article=None))


def with_article(mapped: Mapped, article: Article) -> Mapped:
    """What `extract_chunk` made of an article, with the article put back."""
    return replace(mapped, extracted=replace(mapped.extracted, article=article))
