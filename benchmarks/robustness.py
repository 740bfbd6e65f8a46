"""Nothing lost, nothing hung, measured with real processes on FA-KES.

    uv run python benchmarks/robustness.py [../shared/eval/fakes/fakes.csv] [--kills 20]
        [--csv-mb 200] [--url-mb 100] [--skip concurrent,kills,csv,url]

1. concurrent: two `claims ingest` processes write FA-KES halves into one database at once;
   articles lost = rows in the file - articles stored (target 0).
2. kills: `claims ingest` of FA-KES killed with SIGKILL at a random moment, then run again;
   each trial's counts (articles, claims, claims with a figure, figures, latest values)
   must equal a clean run's.
3. csv: peak RSS of `claims ingest` on a CSV of --csv-mb megabytes made by repeating
   FA-KES rows with fresh ids (target < 300 MB).
4. url: peak RSS of `claims ingest` of one URL whose body is --url-mb megabytes, served
   from this machine (target < 300 MB: the body is refused past --max-bytes while it streams).
"""

from __future__ import annotations

import argparse
import csv
import http.server
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CLAIMS = str(Path(sys.executable).with_name("claims"))
COLUMNS = ["--encoding", "latin-1", "--text-column", "article_content", "--title-column",
           "article_title", "--outlet-column", "source", "--date-column", "date",
           "--id-column", "unit_id"]


def state(path: Path) -> tuple:
    """Everything a run stores and derives, counted."""
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(sql).fetchone()[0] for sql in (
            "SELECT count(*) FROM articles", "SELECT count(*) FROM claims",
            "SELECT count(*) FROM claims WHERE figure_id IS NOT NULL",
            "SELECT count(*) FROM figures", "SELECT count(*) FROM figure_outlet_latest",
        ))


def rows_of(path: Path) -> list[list[str]]:
    """The FA-KES CSV as rows, header first."""
    with path.open(encoding="latin-1", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    """A CSV in the encoding FA-KES is read with."""
    with path.open("w", encoding="latin-1", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def ingest(inputs: list[Path], db: Path, *extra: str) -> subprocess.Popen:
    """A `claims ingest` process writing to `db`."""
    return subprocess.Popen([CLAIMS, "ingest", *map(str, inputs), "--db", str(db),
                             *COLUMNS, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def concurrent(fakes: Path, folder: Path) -> None:
    """Two writers at once: nothing lost."""
    rows = rows_of(fakes)
    half = len(rows) // 2
    first = write_rows(folder / "first.csv", rows[:half])
    second = write_rows(folder / "second.csv", [rows[0], *rows[half:]])
    db = folder / "concurrent.db"
    runs = [ingest([first], db), ingest([second], db)]
    outputs = [run.communicate() for run in runs]
    stored = state(db)[0]
    print(f"concurrent: exit codes {[r.returncode for r in runs]}; "
          f"{len(rows) - 1} rows, {stored} articles stored, {len(rows) - 1 - stored} lost")
    for out, err in outputs:
        print("   ", out.strip().splitlines()[-1] if out.strip() else err.strip()[-200:])


def kills(fakes: Path, folder: Path, trials: int, seed: int) -> None:
    """SIGKILL at random moments, then a re-run: the result equals a clean run's."""
    clean = folder / "clean.db"
    started = time.perf_counter()
    ingest([fakes], clean).communicate()
    span = time.perf_counter() - started
    expected = state(clean)
    rng = random.Random(seed)
    equal = 0
    for trial in range(trials):
        db = folder / f"killed{trial}.db"
        run = ingest([fakes], db)
        moment = rng.uniform(0.2, span)
        time.sleep(moment)
        run.send_signal(signal.SIGKILL)
        run.communicate()
        ingest([fakes], db).communicate()
        got = state(db)
        equal += got == expected
        print(f"  kill {trial + 1:2d} at {moment:5.2f} s of {span:.2f} s: "
              f"{'equal' if got == expected else f'DIFFERENT {got} vs {expected}'}")
    print(f"kills: {equal} of {trials} trials equal to a clean run {expected}")


# Runs a command as its only child and prints that child's peak RSS (KB) last, so each
# measurement has a parent of its own (RUSAGE_CHILDREN keeps the maximum of all children).
MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print((done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or [''])[-1])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mb(command: list[str]) -> tuple[float, str]:
    """Run `command` alone; its peak resident memory in MB and its last output line."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, check=True)
    last, kilobytes = done.stdout.strip().rsplit("\n", 1)
    return int(kilobytes) / 1024, last


def big_csv(fakes: Path, folder: Path, megabytes: int) -> None:
    """Peak memory of ingesting a CSV far bigger than memory should hold."""
    rows = rows_of(fakes)
    path = folder / "big.csv"
    with path.open("w", encoding="latin-1", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        copy = 0
        while handle.tell() < megabytes * 1_000_000:
            copy += 1
            for row in rows[1:]:
                writer.writerow([f"{row[0]}-{copy}", *row[1:]])
    size = path.stat().st_size / 1_000_000
    rss, last = peak_rss_mb([CLAIMS, "ingest", str(path), "--db", str(folder / "big.db"),
                             *COLUMNS])
    print(f"csv: {size:.0f} MB CSV ingested with peak RSS {rss:.0f} MB ({last})")


class Endless(http.server.BaseHTTPRequestHandler):
    """A page of the size the server was given, sent with no declared length."""

    size = 0

    def log_message(self, *args):
        """Quiet."""

    def do_GET(self):
        """Send `size` bytes of text until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        chunk = b"Some 12 people were killed, officials said. " * 2000
        sent = 0
        try:
            while sent < self.size:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


def big_url(folder: Path, megabytes: int) -> None:
    """Peak memory of ingesting a URL whose body is far bigger than any article."""
    Endless.size = megabytes * 1_000_000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/page"
    rss, last = peak_rss_mb([CLAIMS, "ingest", url, "--db", str(folder / "url.db")])
    server.shutdown()
    print(f"url: {megabytes} MB body, peak RSS {rss:.0f} MB ({last})")


def main() -> int:
    """Run the chosen measures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv-mb", type=int, default=200)
    parser.add_argument("--url-mb", type=int, default=100)
    parser.add_argument("--skip", default="", help="comma-separated: concurrent,kills,csv,url")
    args = parser.parse_args()
    fakes = Path(args.path)
    if not fakes.exists():
        print(f"skipped: {fakes} not found")
        return 0
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if "url" not in skip:
            big_url(folder, args.url_mb)
        if "csv" not in skip:
            big_csv(fakes, folder, args.csv_mb)
        if "concurrent" not in skip:
            concurrent(fakes, folder)
        if "kills" not in skip:
            kills(fakes, folder, args.kills, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
