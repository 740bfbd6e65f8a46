"""Bytes written by an ingest against how it batches: one ingest of N copies of FA-KES into
a fresh database, in this process, with a given commit interval, page cache and WAL
checkpoint size, and what the kernel counted it as writing (`write_bytes` of /proc/self/io).

    uv run python benchmarks/batching.py [../shared/eval/fakes/fakes.csv] [--seconds 5]
        [--cache-mb 0] [--checkpoint-pages 0] [--copies 10]

--seconds replaces claims.db.BULK_COMMIT_EVERY_SECONDS for the run (the database is new, so it is
bulk loaded); a cache or checkpoint size of
0 keeps SQLite's default (2 MB; 1,000 pages). The regroup at the end is wrapped to count its
bytes apart. Run several side by side to compare them under the same load.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from scale import fakes_parser, found, mb, write_copies

import claims.db
import claims.ingest
from claims.db import open_db
from claims.ingest import ingest
from claims.readers import Options

OPTIONS = Options(text_column="article_content", title_column="article_title",
                  outlet_column="source", date_column="date", id_column="unit_id")


def written() -> int:
    """Bytes this process has caused to be written to disk so far."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0


def peak() -> int:
    """This process's peak resident memory, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def counting_regroup(grouped: list[int]):
    """`regroup_if_stale`, counting the bytes it writes into `grouped`."""
    regroup = claims.ingest.regroup_if_stale

    def counted(*args, **kwargs):
        before = written()
        try:
            return regroup(*args, **kwargs)
        finally:
            grouped.append(written() - before)
    return counted


def main() -> int:
    parser = fakes_parser(__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=claims.db.BULK_COMMIT_EVERY_SECONDS,
                        help="commit interval")
    parser.add_argument("--cache-mb", type=int, default=0)
    parser.add_argument("--checkpoint-pages", type=int, default=0)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    if (source := found(args.path)) is None:
        return 0
    claims.db.BULK_COMMIT_EVERY_SECONDS = args.seconds
    grouped: list[int] = []
    claims.ingest.regroup_if_stale = counting_regroup(grouped)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.csv"
        write_copies(source, corpus, args.copies)
        path = Path(folder) / "claims.db"
        db = open_db(path)
        if args.cache_mb:
            db.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")
        if args.checkpoint_pages:
            db.execute(f"PRAGMA wal_autocheckpoint = {args.checkpoint_pages}")
        before, started = written(), time.perf_counter()
        summary = ingest(db, [str(corpus)], OPTIONS)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        total, size = written() - before, path.stat().st_size
        print(f"commit every {args.seconds:g} s, cache {args.cache_mb or 'default'} MB, "
              f"checkpoint {args.checkpoint_pages or 'default'} pages: {summary}; "
              f"{time.perf_counter() - started:.0f} s (regroup {summary.group_seconds:.0f} s), "
              f"written {mb(total)} for a {mb(size)} database ({total / size:.1f}x; regrouping "
              f"{mb(sum(grouped))} of it), peak RSS "
              f"{mb(peak())}; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
