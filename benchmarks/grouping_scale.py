"""How figure grouping's cost grows with the corpus: `group_figures` on FA-KES and on
synthetic corpora of 10 and 100 times its claims, in one run.

    uv run python benchmarks/grouping_scale.py [../shared/eval/fakes/fakes.csv]
        [--copies 1,10,100] [--days 2000] [--keep DIR]

A corpus of N copies holds FA-KES N times over, as a news archive grows: copy k is dated
k * `--days` days later (its claims' dates, its articles' publication dates and a date line
at the top of its texts), and every word of four letters or more in its texts and sentences
carries the copy's mark, so copies are different stories (different words, no reprints of
each other) told the same way. FA-KES is ingested once with `claims ingest`; the copies are
written straight into fresh databases (claims, articles, versions, outlets, sources), and
only `group_figures` is timed (best of `--rounds`). The report gives each size's seconds,
its ratio to 1x, and what n and n log n growth would predict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex
import sqlite_utils

from claims.compare import group_figures
from claims.db import ensure

CLAIMS = str(Path(sys.executable).with_name("claims"))
COLUMNS = ["--encoding", "latin-1", "--text-column", "article_content", "--title-column",
           "article_title", "--outlet-column", "source", "--date-column", "date",
           "--id-column", "unit_id"]
# Words a copy marks as its own: long enough to be names, weapons and targets.
WORD_RE = regex.compile(r"\b(\p{L}{4,})\b")
ID_COLUMNS = {
    "articles": ("id", "current_version_id"),
    "article_versions": ("id", "article_id"),
    "claims": ("id", "article_id", "version_id", "part_of_claim"),
}
DATE_COLUMNS = {
    "articles": ("published",),
    "article_versions": ("published",),
    "claims": ("published", "date"),
}
TEXT_COLUMNS = {"articles": ("text",), "article_versions": ("text",), "claims": ("sentence",)}
# Derived by grouping, so a copy starts without them.
CLEARED = {"claims": ("figure_id", "incident_id")}


def shift(value: str | None, days: int) -> str | None:
    """A stored date or timestamp moved `days` later, at the precision it was written with
    (a day, a month or a year); other text ("2017-W14") as it was."""
    if not value or days == 0:
        return value
    try:
        if len(value) >= 10:
            moved = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)
            return moved.isoformat() + value[10:]
        if len(value) == 7:
            moved = dt.date.fromisoformat(value + "-01") + dt.timedelta(days=days)
            return moved.isoformat()[:7]
        if len(value) == 4:
            return str(int(value) + round(days / 365.25))
    except ValueError:
        return value
    return value


def mark(text: str | None, copy: int) -> str | None:
    """A copy's text: each long word marked as the copy's own."""
    if not text or copy == 0:
        return text
    return WORD_RE.sub(lambda m: f"{m.group(1)}q{copy}", text)


def copy_row(table: str, row: dict, copy: int, days: int) -> dict:
    """One row of copy `copy`: its own ids, dates `days` later, words marked; a version's
    text opens with its (shifted) date line."""
    row = dict(row)
    for column in ID_COLUMNS.get(table, ()):
        if row.get(column):
            row[column] = f"{row[column]}-{copy}"
    for column in DATE_COLUMNS.get(table, ()):
        row[column] = shift(row.get(column), days)
    for column in TEXT_COLUMNS.get(table, ()):
        row[column] = mark(row.get(column), copy)
    for column in CLEARED.get(table, ()):
        row[column] = None
    if table == "article_versions" and copy and row.get("published"):
        row["text"] = f"Published {row['published'][:10]}\n{row['text'] or ''}"
    return row


def build(base: sqlite_utils.Database, target: Path, copies: int, days: int) -> int:
    """A database of `copies` copies of the base corpus; returns its claim count."""
    db = ensure(sqlite_utils.Database(target))
    for table in ("outlets", "sources", "source_aliases"):
        db[table].insert_all(base[table].rows, replace=True)
    for table in ("articles", "article_versions", "claims"):
        rows = list(base[table].rows)
        for copy in range(copies):
            db[table].insert_all((copy_row(table, r, copy, copy * days) for r in rows),
                                 batch_size=2000)
    return db["claims"].count


def timed(path: Path, rounds: int) -> tuple[float, dict]:
    """The best wall time of `group_figures` on the database, and what it made."""
    best, made = math.inf, {}
    for _ in range(rounds):
        db = sqlite_utils.Database(path)
        start = time.perf_counter()
        made = group_figures(db)
        best = min(best, time.perf_counter() - start)
        db.close()
    return best, made


def main() -> None:
    """Ingest FA-KES once, then build and group each size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--copies", default="1,10,100")
    parser.add_argument("--days", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", help="build the databases here and keep them")
    args = parser.parse_args()
    if not Path(args.path).exists():
        print(f"{args.path}: not found; nothing measured")
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "fakes.db"
        if not source.exists():
            subprocess.run([CLAIMS, "ingest", args.path, "--db", str(source), *COLUMNS],
                           check=True, stderr=subprocess.DEVNULL)
        base = sqlite_utils.Database(source)
        results = []
        for copies in (int(c) for c in args.copies.split(",")):
            target = folder / f"x{copies}.db"
            start = time.perf_counter()
            claims = build(base, target, copies, args.days)
            built = time.perf_counter() - start
            seconds, made = timed(target, args.rounds)
            results.append((copies, claims, seconds, made))
            print(f"{copies}x: {claims:,} claims (built in {built:.0f} s); group_figures "
                  f"{seconds:.2f} s; {made}", flush=True)
            if not args.keep:
                target.unlink()
    one_claims, one_seconds = results[0][1], results[0][2]
    print("\n| corpus | claims | group_figures | ratio to 1x | n predicts | n log n predicts |")
    print("|---|---|---|---|---|---|")
    for copies, claims, seconds, _ in results:
        n = claims / one_claims
        nlogn = n * math.log(claims) / math.log(one_claims)
        print(f"| {copies}x | {claims:,} | {seconds:.2f} s | {seconds / one_seconds:.1f}x | "
              f"{n:.1f}x | {nlogn:.1f}x |")


if __name__ == "__main__":
    main()
