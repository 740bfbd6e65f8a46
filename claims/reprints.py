"""Wire copy: articles that reprint another outlet's text, found as near-duplicates.

Agencies' stories (AFP, Reuters, AP, state agencies) are reprinted by many outlets, often cut
or with a line added; ten outlets repeating one agency's toll are one report, not ten. Two
articles are copies when the word shingles of their texts overlap by REPRINT or more
(Jaccard), estimated with MinHash and found with locality-sensitive hashing (as datasketch
computes them, in numpy here), so the cost grows with the number of articles, not with the
number of pairs. Words are hashed with CRC-32 (in C, and the same in every process) rather
than datasketch's SHA-1.
Among copies, the earliest published (then the first stored) is the original the others
reprint.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import regex
import sqlite_utils

from claims.db import BAND_ROWS, BANDS, Sketch, band_keys, store_sketch

# Shared shingles, as a share of all, from which two texts are one text reprinted.
REPRINT = 0.7
# Words per shingle: long enough that common phrases ("the Syrian Observatory for Human
# Rights said") do not make two stories one.
SHINGLE_WORDS = 5
PERMUTATIONS = 64
# Locality-sensitive hashing finds pairs above its threshold only most of the time: it looks
# for this much less, and each candidate pair is then checked against REPRINT.
LSH_MARGIN = 0.2
# How much of a text is compared: copies share their start, and a reprint is often cut.
READ_WORDS = 500
READ_CHARS = 8 * READ_WORDS
# Texts shorter than this many words are headlines or stubs: too short to call a copy.
MIN_WORDS = 40
WORD_RE = regex.compile(r"[\p{L}\p{N}]+")


def shingles(text: str) -> list[int] | None:
    """The hashed word shingles of a text's first READ_WORDS words (copies share their start;
    a reprint may be cut at the end); None for a text too short to compare. A shingle's hash
    combines its words' CRC-32s, so each word is hashed once."""
    words = WORD_RE.findall(text[:READ_CHARS].lower())[:READ_WORDS]
    if len(words) < MIN_WORDS:
        return None
    codes = [zlib.crc32(w.encode()) for w in words]
    return [hash(tuple(codes[i:i + SHINGLE_WORDS])) & 0xFFFFFFFF
            for i in range(len(codes) - SHINGLE_WORDS)]


# MinHash as datasketch 2.0 computes it (scheme "affine32", seed SEED): each shingle hash is
# mixed by MurmurHash3's 32-bit finalizer (FMIX32: shift, multiply, shift, multiply, shift),
# then mapped by PERMUTATIONS affine maps a * h + b modulo 2**32, and a signature keeps each
# map's smallest value. It is computed here with numpy because importing datasketch loads
# scipy, 70 MB that an ingest would keep to its end; tests/test_minhash.py checks both agree.
SEED = 1
FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def signature(hashed: list[int]) -> np.ndarray:
    """The MinHash of a text's hashed shingles, as its PERMUTATIONS values."""
    a, b = _permutations()
    mapped = _fmix(np.array(hashed, dtype=np.uint32)).reshape(-1, 1) * a + b
    return mapped.min(axis=0).astype(np.uint64)


def _fmix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: spreads structured hashes over all 32 bits."""
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in FMIX32)
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps' odd multipliers and offsets, drawn as datasketch draws them."""
    drawn = np.random.RandomState(SEED)
    a = drawn.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    return a, drawn.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)


def _band_ranges() -> tuple[tuple[int, int], ...]:
    """The slices of a signature that locality-sensitive hashing compares: two texts are
    candidates when one slice is equal."""
    return tuple((n * BAND_ROWS, (n + 1) * BAND_ROWS) for n in range(BANDS))


def sketch(text: str) -> Sketch:
    """A text's signature and band keys, as stored: a pure function of the text, so the map
    step makes it where the text is extracted (a Dask worker) instead of the process that
    regroups."""
    hashed = shingles(text)
    if hashed is None:
        return Sketch(None)
    values = signature(hashed)
    stored = values.tobytes()
    return Sketch(stored, band_keys(stored))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal MinHash values: the estimated Jaccard of two texts' shingles."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def update(db: sqlite_utils.Database, ahead: Search | None = None) -> frozenset[str]:
    """Bring the reprints table up to date with the stored articles; return the articles
    whose original changed.

    Each article's signature and band keys are kept (`reprint_sketches`, `reprint_bands`)
    and computed only for a new current text; only the articles that share a band with a
    new text are looked at again, so the work grows with what was added. Among an article's
    copies sharing a band and at least REPRINT alike, its original is the earliest
    published, then the first stored. `ahead`: the new texts' originals, looked for
    elsewhere already (`search_ahead`), taken if the database is as it was then."""
    fresh, before = _sketch_new_texts(db)
    later = (_taken(db, ahead) if ahead is not None and ahead.holds(db, fresh)
             else _search(db, fresh))
    for article_id in sorted((later | before) - fresh):
        _find_original(db, article_id)
    db.execute("DROP TABLE IF EXISTS temp.reprints_now")
    db.execute(f"CREATE TEMP TABLE reprints_now AS {ROOTS_SQL}")
    moved = frozenset(r[0] for r in db.execute(MOVED_SQL))
    db.execute("DELETE FROM reprints WHERE article_id NOT IN "
               "(SELECT article_id FROM temp.reprints_now)")
    db.execute(STORE_SQL)
    db.execute("DROP TABLE temp.reprints_now")
    return moved


def _search(db: sqlite_utils.Database, fresh: set[str]) -> set[str]:
    """Store the original of each new text (`fresh`); returns the candidates stored after
    them, for which one of them may now be the original."""
    later: set[str] = set()
    for article_id in sorted(fresh):
        later |= _find_original(db, article_id)
    return later


# Articles in one part of a search sent elsewhere (`search_ahead`).
SEARCH_ARTICLES = 1_000


@dataclass(frozen=True)
class Search:
    """The originals of the new texts, looked for on other processes before the regroup
    (`search_ahead`): the texts looked at, the database's data_version when they were sent
    (it changes when another connection commits), and each part's result in order."""

    articles: frozenset[str]
    version: int
    found: Iterator[tuple[list[tuple], frozenset[str]]]

    def holds(self, db: sqlite_utils.Database, fresh: set[str]) -> bool:
        """Whether the search looked at these new texts (`fresh`) in the database as it is:
        no other connection has written to it since it was sent."""
        return fresh == self.articles and _data_version(db) == self.version


def _data_version(db: sqlite_utils.Database) -> int:
    """A number that changes when another connection commits to the database."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def search_ahead(db: sqlite_utils.Database, path: str,
                 mapper: Callable[[Callable, Iterator[tuple]], Iterator]) -> Search | None:
    """Send the search for the new texts' originals to `mapper`'s workers, which read the
    database at `path` on connections of their own, in parts of SEARCH_ARTICLES: on a first
    ingest it is a few seconds the ingest's process would otherwise spend alone while the
    workers wait, and they run it while it builds the indexes. None when there is nothing
    to send, or texts still to sketch here first."""
    if db.execute(NEW_TEXTS_SQL).fetchone() is not None:
        return None
    fresh = sorted(r[0] for r in db.execute(
        "SELECT article_id FROM reprint_sketches WHERE pending = 1"))
    if not fresh:
        return None
    version = _data_version(db)
    parts = ((path, fresh[i:i + SEARCH_ARTICLES]) for i in range(0, len(fresh), SEARCH_ARTICLES))
    return Search(frozenset(fresh), version, mapper(originals_at, parts))


def originals_at(path: str, articles: list[str]) -> tuple[list[tuple], frozenset[str]]:
    """The original of each of `articles` (`_original`), read on a connection of its own to
    the database at `path`, and the candidates stored after them: a part of a search sent
    ahead, on a Dask worker."""
    found, later = [], set()
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        db = sqlite_utils.Database(conn)
        for article_id in articles:
            original, alike, after = _original(db, article_id)
            found.append((original, alike, article_id))
            later |= after
    return found, frozenset(later)


def _taken(db: sqlite_utils.Database, ahead: Search) -> set[str]:
    """Store the originals a search sent ahead found; returns the candidates after them."""
    later: set[str] = set()
    for found, after in ahead.found:
        db.conn.executemany(STORE_ORIGINAL_SQL, found)
        later |= after
    return later


# Each copy's original's original, followed up the chain of originals to the article that
# copies none, so a group of copies has one original; in SQL, so no map of every copy is
# held in memory.
ROOTS_SQL = """
    WITH RECURSIVE up (article_id, original_id, similarity) AS (
        SELECT article_id, original_id, similarity FROM reprint_sketches
        WHERE original_id IS NOT NULL
        UNION ALL
        SELECT up.article_id, s.original_id, up.similarity
        FROM up JOIN reprint_sketches s ON s.article_id = up.original_id
        WHERE s.original_id IS NOT NULL
    )
    SELECT article_id, original_id, similarity FROM up
    WHERE original_id NOT IN (SELECT article_id FROM reprint_sketches
                              WHERE original_id IS NOT NULL)
"""
# The articles whose original is not the one stored in `reprints`: new copies, copies of
# another original, and copies no more.
MOVED_SQL = """
    SELECT n.article_id FROM temp.reprints_now n LEFT JOIN reprints r USING (article_id)
    WHERE r.original_id IS NOT n.original_id
    UNION
    SELECT r.article_id FROM reprints r LEFT JOIN temp.reprints_now n USING (article_id)
    WHERE n.article_id IS NULL
"""
# Store each copy's original, rewriting only the rows that changed.
STORE_SQL = """
    INSERT INTO reprints (article_id, original_id, similarity)
    SELECT article_id, original_id, similarity FROM temp.reprints_now WHERE true
    ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id,
        similarity = excluded.similarity
    WHERE original_id IS NOT excluded.original_id OR similarity IS NOT excluded.similarity
"""


# Articles whose current text has no sketch yet.
NEW_TEXTS_SQL = """
    SELECT a.id FROM articles a LEFT JOIN reprint_sketches s ON s.article_id = a.id
    WHERE s.version_id IS NOT a.current_version_id
"""
# Texts are read this many at a time, so a database of new texts is never held whole.
SKETCH_BATCH = 500


def _sketch_new_texts(db: sqlite_utils.Database) -> tuple[set[str], set[str]]:
    """Sketch every current text not sketched yet; returns those articles with the ones
    whose sketch the map step made (`pending`), and the articles that had one of them as
    original before (they must look for one again)."""
    fresh = [r[0] for r in db.execute(NEW_TEXTS_SQL)]
    for start in range(0, len(fresh), SKETCH_BATCH):
        batch = fresh[start:start + SKETCH_BATCH]
        for article_id, version_id, text in db.execute(
                "SELECT a.id, a.current_version_id, v.text FROM articles a "
                "JOIN article_versions v ON v.id = a.current_version_id "
                f"WHERE a.id IN ({', '.join('?' * len(batch))})", batch).fetchall():
            store_sketch(db, article_id, version_id, sketch(text))
    sketched = set(fresh) | {r[0] for r in db.execute(
        "SELECT article_id FROM reprint_sketches WHERE pending = 1")}
    db.execute("UPDATE reprint_sketches SET pending = NULL WHERE pending = 1")
    before = {copy for original, copy in db.execute(
        "SELECT original_id, article_id FROM reprint_sketches WHERE original_id IS NOT NULL")
        if original in sketched}
    return sketched, before


# The articles sharing a band with one article, itself included.
BAND_MATES_SQL = """
    SELECT DISTINCT other.article_id FROM reprint_bands own
    JOIN reprint_bands other ON other.band = own.band
    WHERE own.article_id = ?
"""

# An article's candidate originals: those sharing a band with it, with their signature and
# the order of originals (earliest published, then first stored).
CANDIDATES_SQL = """
    SELECT s.article_id, s.signature, coalesce(a.published, ''), a.rowid
    FROM reprint_sketches s JOIN articles a ON a.id = s.article_id
    WHERE s.article_id IN (""" + BAND_MATES_SQL + """)
"""


STORE_ORIGINAL_SQL = ("UPDATE reprint_sketches SET original_id = ?, similarity = ? "
                      "WHERE article_id = ?")


def _find_original(db: sqlite_utils.Database, article_id: str) -> set[str]:
    """Store an article's original (`_original`); returns the candidates that come after
    it, for one of which it may now be the original."""
    original, alike, later = _original(db, article_id)
    db.execute(STORE_ORIGINAL_SQL, [original, alike, article_id])
    return later


def _original(db: sqlite_utils.Database, article_id: str) -> tuple[str | None, float | None,
                                                                    set[str]]:
    """An article's original: the first (`CANDIDATES_SQL`) of its candidates that come
    before it and are at least REPRINT alike, with how alike; none for a text too short.
    Also the candidates that come after it. Reads only sketches, bands and articles, never
    the originals found, so articles can be looked at in any order and anywhere."""
    ranks, signatures = {}, {}
    for aid, sig, published, rowid in db.execute(CANDIDATES_SQL, [article_id]):
        ranks[aid] = (published, rowid)
        if sig is not None:
            signatures[aid] = np.frombuffer(sig, dtype=np.uint64)
    own = signatures.get(article_id)
    found = None
    if own is not None:
        rank = ranks[article_id]
        earlier = sorted((ranks[aid], aid) for aid, values in signatures.items()
                         if ranks[aid] < rank and similarity(own, values) >= REPRINT)
        found = earlier[0][1] if earlier else None
    rank = ranks.get(article_id)
    return (found, round(similarity(own, signatures[found]), 3) if found else None,
            {aid for aid, other in ranks.items() if rank is not None and other > rank})
