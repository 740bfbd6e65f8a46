"""Wire copy: articles that reprint another outlet's text, found as near-duplicates.

Agencies' stories (AFP, Reuters, AP, state agencies) are reprinted by many outlets, often cut
or with a line added; ten outlets repeating one agency's toll are one report, not ten. Two
articles are copies when the word shingles of their texts overlap by REPRINT or more
(Jaccard), estimated with MinHash and found with locality-sensitive hashing (datasketch), so
the cost grows with the number of articles, not with the number of pairs. Words are hashed
with CRC-32 (in C, and the same in every process) rather than datasketch's SHA-1.
Among copies, the earliest published (then the first stored) is the original the others
reprint.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from datasketch import MinHash

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


@lru_cache(maxsize=1)
def _permutations():
    """The MinHash permutations, drawn once: datasketch draws them anew for every MinHash,
    which cost more than hashing the text."""
    from datasketch import MinHash

    template = MinHash(num_perm=PERMUTATIONS, seed=1)
    return template.permutations, template.scheme


def signature(hashed: list[int]) -> MinHash:
    """The MinHash of a text's hashed shingles."""
    from datasketch import MinHash

    permutations, scheme = _permutations()
    found = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=int, permutations=permutations,
                    scheme=scheme)
    found.update_batch(hashed)
    return found


def _comparable(articles: Iterable[tuple[str, str | None, str]]):
    """(article id, published, shingles) of the texts long enough to compare, but only when
    there are two or more of them: with fewer there is nothing to compare, and datasketch
    (which loads scipy, about a second) is not imported at all."""
    waiting = None
    for article_id, published, text in articles:
        hashed = shingles(text)
        if hashed is None:
            continue
        if waiting is None:
            waiting = (article_id, published, hashed)
            continue
        if waiting is not True:
            yield waiting
            waiting = True
        yield article_id, published, hashed


def find(articles: Iterable[tuple[str, str | None, str]]) -> list[dict]:
    """Reprint rows (article_id, original_id, similarity) among (id, published, text) of
    articles, each copy pointing at the earliest article of its group of copies."""
    order: list[tuple[str, str, str]] = []
    signatures: dict[str, MinHash] = {}
    lsh = None
    for number, (article_id, published, hashed) in enumerate(_comparable(articles)):
        if lsh is None:
            from datasketch import MinHashLSH

            lsh = MinHashLSH(threshold=REPRINT - LSH_MARGIN, num_perm=PERMUTATIONS)
        found = signature(hashed)
        signatures[article_id] = found
        order.append((published or "", f"{number:012d}", article_id))
        lsh.insert(article_id, found)
    rank = {aid: n for n, (*_, aid) in enumerate(sorted(order))}
    rows = []
    for article_id, found in signatures.items():
        earlier = [
            (rank[other], other) for other in lsh.query(found)
            if other != article_id and rank[other] < rank[article_id]
            and found.jaccard(signatures[other]) >= REPRINT
        ]
        if earlier:
            _, original = min(earlier)
            rows.append({"article_id": article_id, "original_id": original,
                         "similarity": round(found.jaccard(signatures[original]), 3)})
    return _to_roots(rows)


def _to_roots(rows: list[dict]) -> list[dict]:
    """Point each copy at the original of its original, so a group has one original."""
    parent = {r["article_id"]: r["original_id"] for r in rows}
    for row in rows:
        root = row["original_id"]
        while root in parent:
            root = parent[root]
        row["original_id"] = root
    return rows
