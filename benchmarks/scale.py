"""Scaling out: `claims ingest --workers 1` against `--workers 2`, side by side in one run,
on a synthetic corpus of N copies of FA-KES (generated into a temporary file, never kept),
with the wall time, peak RSS and CPU time of the main process and of the Dask workers.

    uv run python benchmarks/scale.py [../shared/eval/fakes/fakes.csv] [--copies 10] [--rounds 2]

Each round runs both commands one after the other into fresh databases, so the ratio
compares runs that saw the same machine load; every other round runs `--workers N` first,
so a machine that speeds up or slows down over a round (this shared machine's CPU time for
the same work varies by half from hour to hour) favours neither. The end gives the median
of the rounds' speed-ups and the ratio of their summed wall times. The fixed cost of each
(a one-article ingest: Python, imports and, with workers, starting the cluster) is measured
first. Peak
RSS is each process's high-water mark (VmHWM), read while it runs; "workers" is the largest
worker and, after the slash, all workers together. Both databases must end with the same
articles and claims.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

CLAIMS = str(Path(sys.executable).with_name("claims"))
COLUMNS = ["--text-column", "article_content", "--title-column", "article_title",
           "--outlet-column", "source", "--date-column", "date", "--id-column", "unit_id"]


def write_copies(source: Path, target: Path, copies: int, limit: int | None = None) -> int:
    """N copies of the FA-KES rows (the first `limit` of them), each copy's ids made its own;
    returns the rows written."""
    with source.open(encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    with target.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=list(rows[0]))
        out.writeheader()
        for copy in range(copies):
            for row in rows:
                out.writerow({**row, "unit_id": f"{row['unit_id']}-{copy}"})
    return copies * len(rows)


def high_water_mark(process: psutil.Process) -> int:
    """The process's peak resident memory so far, in bytes (VmHWM), else its RSS now."""
    try:
        for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return process.memory_info().rss
    except (OSError, psutil.Error):
        return 0


def watch(popen: subprocess.Popen, peaks: dict[int, int], done: threading.Event,
          cpu: dict[int, float]) -> None:
    """Note the peak memory and the CPU time so far of the process and of every descendant
    until it ends."""
    root = psutil.Process(popen.pid)
    while not done.is_set():
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.Error:
            family = []
        for member in family:
            peaks[member.pid] = max(peaks.get(member.pid, 0), high_water_mark(member))
            with contextlib.suppress(psutil.Error):
                times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
        time.sleep(0.1)


def run(command: list[str]) -> dict:
    """Run one ingest; its wall time, printed summary and peak memory, main and workers,
    and the CPU time and bytes written to disk of the whole process tree (the kernel counts
    a waited-for child's `write_bytes` in 512-byte blocks)."""
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    done = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    popen = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    watcher = threading.Thread(target=watch, args=(popen, peaks, done, cpu))
    watcher.start()
    out, err = popen.communicate()
    wall = time.perf_counter() - started
    done.set()
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if popen.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{err}")
    main = peaks.pop(popen.pid, 0)
    workers = sorted(peaks.values(), reverse=True)
    big = [w for w in workers if w > 50_000_000]  # worker processes, not helper processes
    main_cpu = cpu.pop(popen.pid, 0.0)
    return {"wall": wall, "summary": out.strip(), "main": main, "workers": big,
            "main_cpu": main_cpu, "workers_cpu": sorted(cpu.values(), reverse=True),
            "cpu": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
            "system": after.ru_stime - before.ru_stime,
            "written": (after.ru_oublock - before.ru_oublock) * 512}


def stored(path: Path) -> tuple[int, int]:
    """(articles, claims) in the database at `path`."""
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "claims"))


def mb(size: int) -> str:
    """Bytes as whole megabytes."""
    return f"{size / 1e6:,.0f} MB"


def fakes_parser(description: str) -> argparse.ArgumentParser:
    """A benchmark's arguments, starting with the FA-KES CSV it copies."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    return parser


def found(path: str) -> Path | None:
    """The FA-KES CSV at `path`, or None, said, when it is absent: the benchmark skips."""
    if not Path(path).exists():
        print(f"skipped: {path} not found")
        return None
    return Path(path)


def main() -> int:
    parser = fakes_parser(__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of FA-KES (10 = 10x)")
    parser.add_argument("--rounds", type=int, default=2, help="side-by-side rounds")
    parser.add_argument("--workers", type=int, default=2, help="workers to compare with 1")
    args = parser.parse_args()
    if (source := found(args.path)) is None:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.csv"
        rows = write_copies(source, corpus, args.copies)
        print(f"{args.copies}x FA-KES: {rows:,} articles, {mb(corpus.stat().st_size)} of CSV")
        single = Path(folder) / "one.csv"
        write_copies(source, single, 1, limit=1)
        fixed = {workers: run([CLAIMS, "ingest", str(single), "--db",
                               str(Path(folder) / f"one{workers}.db"), "--workers",
                               str(workers), *COLUMNS])["wall"]
                 for workers in (1, args.workers)}
        print(f"fixed cost (one article): --workers 1 {fixed[1]:.1f} s, --workers "
              f"{args.workers} {fixed[args.workers]:.1f} s (start-up of Python and the cluster)")
        ratios, walls = [], {1: 0.0, args.workers: 0.0}
        for round_ in range(1, args.rounds + 1):
            results = {}
            for workers in round_order(round_, args.workers):
                db = Path(folder) / f"r{round_}w{workers}.db"
                command = [CLAIMS, "ingest", str(corpus), "--db", str(db),
                           "--workers", str(workers), *COLUMNS]
                results[workers] = run(command) | {"stored": stored(db)}
            one, many = results[1], results[args.workers]
            assert one["stored"] == many["stored"], (one["stored"], many["stored"])
            print(f"round {round_}: {one['summary']}")
            for workers, result in sorted(results.items()):
                pool = result["workers"]
                print(f"  --workers {workers}: {result['wall']:.1f} s, main {mb(result['main'])}"
                      + (f", workers {mb(pool[0])} / {mb(sum(pool))}" if pool else "")
                      + f"; CPU: main {result['main_cpu']:.1f} s, others "
                      + ", ".join(f"{c:.1f}" for c in result["workers_cpu"] if c >= 0.5)
                      + f" s; load average {os.getloadavg()[0]:.1f}")
            print(f"  speed-up {one['wall'] / many['wall']:.2f}x")
            ratios.append(one["wall"] / many["wall"])
            walls = {workers: walls[workers] + results[workers]["wall"] for workers in walls}
        print(f"median speed-up {statistics.median(ratios):.2f}x over {len(ratios)} rounds; "
              f"summed wall times {walls[1] / walls[args.workers]:.2f}x")
    return 0


def round_order(round_: int, workers: int) -> tuple[int, int]:
    """Which command a round runs first: one process in odd rounds, the workers in even."""
    return (1, workers) if round_ % 2 else (workers, 1)


if __name__ == "__main__":
    sys.exit(main())
