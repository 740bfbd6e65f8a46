"""Memory and disk writes of `claims ingest --workers 1` as the corpus grows: peak RSS and
bytes written for an ingest of N copies of FA-KES into a fresh database, and for a re-ingest
of the same corpus (nothing new), against the database's size.

    uv run python benchmarks/memory_io.py [../shared/eval/fakes/fakes.csv] [--copies 1 10 100]

Peak RSS is the ingest process's high-water mark (VmHWM, read while it runs). Bytes written
are what the kernel counted the process as writing to disk (`write_bytes` of
/proc/<pid>/io): the WAL, the pages checkpointed into the database file, and anything else.
See scale.py for both. The database's size is measured after the run, its WAL checkpointed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from scale import CLAIMS, COLUMNS, fakes_parser, found, mb, run, write_copies


def size(path: Path) -> int:
    """The database's size once its WAL is checkpointed into it."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def main() -> int:
    parser = fakes_parser(__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()
    if (source := found(args.path)) is None:
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for copies in args.copies:
            corpus = Path(scratch) / f"corpus{copies}.csv"
            rows = write_copies(source, corpus, copies)
            db = folder / f"x{copies}.db"
            db.unlink(missing_ok=True)
            command = [CLAIMS, "ingest", str(corpus), "--db", str(db), "--workers", "1",
                       *COLUMNS]
            for name in ("ingest", "re-ingest"):
                result = run(command)
                stored = size(db)
                print(f"{copies}x ({rows:,} articles) {name}: {result['summary']}")
                print(f"  wall {result['wall']:.1f} s, CPU {result['cpu']:.1f} s (system "
                      f"{result['system']:.1f} s), peak RSS {mb(result['main'])}, written "
                      f"{mb(result['written'])} for a {mb(stored)} database "
                      f"({result['written'] / stored:.1f}x); load average "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
            corpus.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
