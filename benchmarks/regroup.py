"""Regrouping after an ingest: only the partitions the new claims reach (claims.partitions)
against the whole database, side by side in one run.

    uv run python benchmarks/regroup.py [../shared/eval/fakes/fakes.csv] [--copies 10] [--rounds 2]

The base is N copies of FA-KES, copy k moved 8k years later (its date column and every year
its text writes), so the copies are days apart as a growing archive is; the new articles are
one more copy, 804 articles on days the base does not have. Each round copies the base
database twice and ingests the new articles into each, in this process: once as `claims
ingest` does (regrouping the partitions they reach) and once with the record of the last
grouping removed, which regroups everything as before. The order alternates by round, after
one untimed ingest that loads every module. It prints the ingest and regroup times of both
and checks that both end with the same figures and incidents.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import fakes_parser, found

from claims.db import open_db
from claims.ingest import ingest
from claims.partitions import GROUPED_UPTO
from claims.readers import Options

CLAIMS = str(Path(sys.executable).with_name("claims"))
COLUMNS = {"text_column": "article_content", "title_column": "article_title",
           "outlet_column": "source", "date_column": "date", "id_column": "unit_id"}
YEAR_RE = re.compile(r"\b(20[01]\d)\b")
YEARS_APART = 8


def moved(row: dict, copy: int) -> dict:
    """A FA-KES row as copy `copy`: its own id, and its date and every year its text writes
    8 x copy years later."""
    shift = YEARS_APART * copy

    def later(match: re.Match) -> str:
        return str(int(match.group(1)) + shift)

    day = dt.datetime.strptime(row["date"], "%m/%d/%y").date()
    return {**row, "unit_id": f"{row['unit_id']}-{copy}",
            "date": day.replace(year=day.year + shift).isoformat(),
            **{column: YEAR_RE.sub(later, row[column])
               for column in ("article_content", "article_title")}}


def write_copies(source: Path, target: Path, copies: range) -> int:
    """The FA-KES rows once per copy in `copies`, each moved (`moved`); returns rows written."""
    with source.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with target.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=list(rows[0]))
        out.writeheader()
        for copy in copies:
            out.writerows(moved(row, copy) for row in rows)
    return len(copies) * len(rows)


def grouped(path: Path) -> tuple[list, list]:
    """The figures and incidents of the database at `path`, every column."""
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                     for t in ("figures", "incidents"))


def add(base: Path, target: Path, new: Path, whole: bool) -> dict:
    """Ingest the new articles into a copy of the base; `whole` regroups everything."""
    shutil.copy(base, target)
    db = open_db(target)
    if whole:
        db.execute("DELETE FROM state WHERE key = ?", [GROUPED_UPTO])
        db.conn.commit()
    started, cpu = time.perf_counter(), time.process_time()
    summary = ingest(db, [str(new)], Options(**COLUMNS))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    return {"wall": wall, "cpu": cpu, "group": summary.group_seconds, "summary": str(summary)}


def main() -> int:
    parser = fakes_parser(__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of FA-KES in the base")
    parser.add_argument("--rounds", type=int, default=2, help="side-by-side rounds")
    parser.add_argument("--base", type=Path, help="the base database: built here when absent, "
                                                  "else used as it is")
    args = parser.parse_args()
    if (source := found(args.path)) is None:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        base_csv, new_csv = Path(folder) / "base.csv", Path(folder) / "new.csv"
        base = args.base or Path(folder) / "base.db"
        write_copies(source, new_csv, range(args.copies, args.copies + 1))
        if not base.exists():
            rows = write_copies(source, base_csv, range(args.copies))
            started = time.perf_counter()
            subprocess.run([CLAIMS, "ingest", str(base_csv), "--db", str(base),
                            *(f"--{k.replace('_', '-')}={v}" for k, v in COLUMNS.items())],
                           check=True, capture_output=True)
            print(f"base: {rows:,} articles ingested in {time.perf_counter() - started:.0f} s")
        print(f"base: {base.stat().st_size / 1e6:,.0f} MB; load average "
              f"{os.getloadavg()[0]:.1f}")
        add(base, Path(folder) / "warm.db", new_csv, whole=False)  # imports, caches
        for round_ in range(1, args.rounds + 1):
            first_whole = round_ % 2 == 1
            first = add(base, Path(folder) / "first.db", new_csv, whole=first_whole)
            second = add(base, Path(folder) / "second.db", new_csv, whole=not first_whole)
            whole, part = (first, second) if first_whole else (second, first)
            same = grouped(Path(folder) / "first.db") == grouped(Path(folder) / "second.db")
            print(f"round {round_}: {part['summary']}; same figures and incidents: {same}; "
                  f"load average {os.getloadavg()[0]:.1f}")
            for name, result in (("whole database", whole), ("partitions reached", part)):
                print(f"  {name}: ingest {result['wall']:.1f} s ({result['cpu']:.1f} s CPU), "
                      f"regroup {result['group']:.1f} s ({result['group'] / result['wall']:.0%}"
                      " of the ingest)")
            print(f"  regroup {whole['group'] / part['group']:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
