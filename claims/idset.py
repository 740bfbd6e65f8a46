"""A compact, exact set of the hex ids `claims.ids.stable_id` makes.

A Parquet ingest remembers the version id of every article it has written, to skip a text it
has written already, and a million of them as Python strings in a set took about 110 MB of
the ingest's process. Held as 64-bit integers in a sorted array, with the newest in a small
set merged in when it fills, they take 8 bytes each (benchmarks/README.md, "Version ids
held by a Parquet ingest").
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable

import numpy as np

#: New ids held in a plain set before they are merged into the sorted array: a merge copies
#: the whole array, so a larger set means fewer copies and a little more memory.
PENDING = 65_536


def _key(id_: str) -> int | None:
    """The id as the integer its hex digits spell, or None for one that is not 16 of them."""
    if len(id_) != 16:
        return None
    try:
        return int(id_, 16)
    except ValueError:
        return None


class IdSet:
    """The ids added so far: `in` and `add` as for a set of strings; ids that are not 16 hex
    digits (none that this project makes) are kept as they are, in a set of their own."""

    def __init__(self, ids: Iterable[str] = (), pending: int = PENDING):
        self._pending_limit = pending
        self._sorted = array("Q")  # looked up with `bisect`, a microsecond an id at a million
        self._pending: set[int] = set()
        self._other: set[str] = set()
        for id_ in ids:
            self.add(id_)

    def __contains__(self, id_: str) -> bool:
        key = _key(id_)
        return id_ in self._other if key is None else self._holds(key)

    def _holds(self, key: int) -> bool:
        """Whether the id with this integer is held, waiting or in the sorted array."""
        if key in self._pending:
            return True
        at = bisect.bisect_left(self._sorted, key)
        return at < len(self._sorted) and self._sorted[at] == key

    def __len__(self) -> int:
        return len(self._sorted) + len(self._pending) + len(self._other)

    def add(self, id_: str) -> None:
        """Hold `id_`; the new ids go into the sorted array once PENDING of them wait."""
        key = _key(id_)
        if key is None:
            self._other.add(id_)
        elif not self._holds(key):
            self._pending.add(key)
            if len(self._pending) >= self._pending_limit:
                self._merge()

    def _merge(self) -> None:
        """Insert the waiting ids, none of them held already, into the sorted array."""
        held = np.frombuffer(self._sorted, dtype=np.uint64)
        waiting = np.sort(np.fromiter(self._pending, dtype=np.uint64, count=len(self._pending)))
        merged = np.insert(held, np.searchsorted(held, waiting), waiting)
        self._sorted = array("Q")
        self._sorted.frombytes(merged.tobytes())
        self._pending.clear()
