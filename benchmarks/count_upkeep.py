"""What keeping claim_counts exact costs an ingest: FA-KES into fresh databases, with and
without the counting triggers, alternating in one process so both see the same machine.

    uv run python benchmarks/count_upkeep.py [../shared/eval/fakes/fakes.csv] [--rounds 5]
    uv run python benchmarks/count_upkeep.py --store-only [--rounds 2]

Prints each run's wall time and the ratio of the medians (with / without). The triggers are
dropped after `open_db` for the runs without; the stored counts are then wrong, which is the
point: nothing else differs. `--store-only` times storing 40,000 generated claims, 20 to a
statement as an ingest stores one article's, with no extraction: the upkeep at its most
visible.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from claims.db import count_triggers, open_db
from claims.ingest import Options, ingest

OPTIONS = Options(encoding="latin-1", text_column="article_content",
                  title_column="article_title", outlet_column="source", date_column="date",
                  id_column="unit_id")


def timed_ingest(path: Path, counted: bool) -> tuple[float, int]:
    """Seconds to ingest `path` into a fresh database, and the claims stored."""
    db = open_db(Path(tempfile.mkdtemp()) / "fakes.db")
    if not counted:
        for name in count_triggers():
            db.execute(f'DROP TRIGGER "{name}"')
    started = time.perf_counter()
    ingest(db, [str(path)], OPTIONS)
    took = time.perf_counter() - started
    return took, db.execute("SELECT count(*) FROM claims").fetchone()[0]


def timed_store(count: int, counted: bool) -> tuple[float, int]:
    """Seconds to store `count` generated claims in a fresh database, and the claims stored."""
    db = open_db(Path(tempfile.mkdtemp()) / "store.db")
    if not counted:
        for name in count_triggers():
            db.execute(f'DROP TRIGGER "{name}"')
    rng = random.Random(1)
    rows = [(f"c{i}", rng.choice(["killed", "wounded", "displaced"]), rng.choice(["people", "usd"]),
             rng.choice(["exact", "at_least", "approximately"]), f"outlet-{rng.randrange(40)}",
             f"Place {rng.randrange(300)}", "Region", "Country", 1, f"Sentence {i}.")
            for i in range(count)]
    started = time.perf_counter()
    for start in range(0, count, 20):
        with db.conn:
            db.conn.executemany(
                "INSERT INTO claims (id, metric, unit, qualifier, outlet_id, place, region, "
                "country, is_current, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows[start:start + 20])
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path,
                        default=Path("../shared/eval/fakes/fakes.csv"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--store-only", action="store_true",
                        help="Store 40,000 generated claims instead of ingesting FA-KES.")
    args = parser.parse_args()
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.rounds):
        for counted in (False, True):
            took, claims = (timed_store(40_000, counted) if args.store_only
                            else timed_ingest(args.path, counted))
            times[counted].append(took)
            print(f"{'with' if counted else 'without'} triggers: {took:.2f} s, {claims:,} claims")
    ratio = statistics.median(times[True]) / statistics.median(times[False])
    print(f"with / without, medians of {args.rounds}: {ratio:.3f}")


if __name__ == "__main__":
    main()
