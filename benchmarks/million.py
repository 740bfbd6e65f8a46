"""A synthetic corpus of a million articles through `claims ingest --parquet`, then one
country-month slice of it loaded into SQLite with `claims load`.

    uv run python benchmarks/million.py [../shared/eval/fakes/fakes.csv] [--articles 1000000]
        [--workers 2] [--keep DIR]

Article k is FA-KES row k mod 804 under its own id, published (k div 804) days after the
original date, so a million articles cover the 15 FA-KES outlets over some 3,400 more days
and partition like a real archive (outlet by month). The corpus is written row by row into
a temporary CSV (about 1.9 GB at a million; nothing is kept) and ingested by the command a
user runs. Reported: generation time, ingest wall time, peak RSS of the main process and of
each worker (VmHWM), the Parquet dataset's size and file count, and `claims load` of the
largest country-month slice (wall time, rows, database size).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from scale import COLUMNS, mb, run

CLAIMS = str(Path(sys.executable).with_name("claims"))


def fakes_rows(source: Path) -> list[dict]:
    """The FA-KES rows, with their dates read (month/day/two-digit year)."""
    with source.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["day"] = dt.datetime.strptime(row["date"], "%m/%d/%y").date()
    return rows


def synthetic(rows: list[dict], articles: int) -> Iterator[dict]:
    """Article k: FA-KES row k mod len(rows), its own id, published k div len(rows) days
    later."""
    for k in range(articles):
        row = rows[k % len(rows)]
        shifted = row["day"] + dt.timedelta(days=k // len(rows))
        yield {"unit_id": f"syn{k}", "article_title": row["article_title"],
               "article_content": row["article_content"], "source": row["source"],
               "date": shifted.isoformat()}


def write_corpus(rows: list[dict], target: Path, articles: int) -> None:
    """The synthetic corpus as CSV, written a row at a time (memory flat at any size)."""
    with target.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=["unit_id", "article_title",
                                                 "article_content", "source", "date"])
        out.writeheader()
        out.writerows(synthetic(rows, articles))


def largest_slice(lake: Path) -> tuple[str, str]:
    """(country, month) of the dataset's largest country-month slice, asked of DuckDB when it
    is installed (a dev dependency), else Syria in the first month."""
    try:
        import duckdb
    except ImportError:
        first = min(p.name.split("=")[1] for p in lake.glob("claims/*/month=*"))
        return "Syria", first
    return duckdb.sql(
        f"SELECT country, month FROM read_parquet('{lake}/claims/*/*/*.parquet', "
        "hive_partitioning = true) WHERE country IS NOT NULL GROUP BY ALL "
        "ORDER BY count(*) DESC LIMIT 1").fetchall()[0]


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under a folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="write the Parquet dataset here and keep it")
    args = parser.parse_args()
    source = Path(args.path)
    if not source.exists():
        print(f"skipped: {source} not found")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.csv"
        started = time.perf_counter()
        write_corpus(fakes_rows(source), corpus, args.articles)
        print(f"{args.articles:,} articles generated in {time.perf_counter() - started:.1f} s, "
              f"{mb(corpus.stat().st_size)} of CSV")
        lake = Path(args.keep) if args.keep else Path(folder) / "lake"
        result = run([CLAIMS, "ingest", str(corpus), "--parquet", str(lake),
                      "--workers", str(args.workers), *COLUMNS])
        corpus.unlink()
        size, files = folder_size(lake)
        per_worker = ", ".join(mb(w) for w in result["workers"])
        print(f"ingest --parquet --workers {args.workers}: {result['wall']:.1f} s "
              f"({args.articles / result['wall']:,.0f} articles/s); {result['summary']}")
        print(f"  peak RSS: main {mb(result['main'])}; workers {per_worker or '-'}")
        print(f"  Parquet: {mb(size)} in {files:,} files")
        country, month = largest_slice(lake)
        db = Path(folder) / "slice.db"
        started = time.perf_counter()
        loaded = subprocess.run([CLAIMS, "load", str(lake), "--db", str(db), "--country",
                                 country, "--since", month], capture_output=True, text=True,
                                check=True)
        wall = time.perf_counter() - started
        with sqlite3.connect(db) as conn:
            in_month = conn.execute("SELECT count(*) FROM articles WHERE substr(published, 1, 7)"
                                    " = ?", [month]).fetchone()[0]
        print(f"load --country {country} --since {month}: {wall:.1f} s; "
              f"{loaded.stdout.strip()}; {in_month:,} of them from {month}; "
              f"database {mb(db.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
