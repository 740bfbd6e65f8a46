"""Memory of the version ids a Parquet ingest holds, as a set of strings and as claims.idset.

    uv run python benchmarks/idset_memory.py [--ids 1000000]

Each structure is filled with `--ids` distinct ids, each made as the ingest makes a version
id (claims.ids.stable_id) just before it is added, so a string is held only by the structure
that keeps it, as in the ingest; memory is measured with tracemalloc (Python's and numpy's
allocations), both structures in one run, side by side.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc

from claims.ids import stable_id
from claims.idset import IdSet


def fill(make, count: int):
    """The structure holding `count` ids, each made just before it is added."""
    held = make()
    for n in range(count):
        held.add(stable_id("article", n))
    assert len(held) == count
    return held


def measure(make, count: int) -> tuple[float, float, float]:
    """(MB held after filling, MB at peak while filling, seconds to fill) for one structure;
    the time from a second fill without tracemalloc, which slows every allocation."""
    gc.collect()
    tracemalloc.start()
    held = fill(make, count)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del held
    gc.collect()
    begun = time.perf_counter()
    fill(make, count)
    return current / 1e6, peak / 1e6, time.perf_counter() - begun


def main() -> None:
    """Print both structures' memory and time for the same ids."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=int, default=1_000_000)
    args = parser.parse_args()
    print(f"{args.ids:,} version ids")
    for name, make in (("set of str", set), ("claims.idset.IdSet", IdSet)):
        held, peak, seconds = measure(make, args.ids)
        print(f"{name:20} held {held:7.1f} MB  peak {peak:7.1f} MB  {seconds:5.1f} s to fill")


if __name__ == "__main__":
    main()
