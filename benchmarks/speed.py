"""Characters per second of claims.extract over every FA-KES article (title and text), one process.

    uv run python benchmarks/speed.py [../shared/eval/fakes/fakes.csv] [--repeat 3] [--profile]
    uv run python benchmarks/speed.py [path] --against 6c1a024 [--rounds 4] [--repeat 3]

Reports the best of --repeat runs, each with every cache emptied first, so neither a busy
machine nor a warm cache flatters the figure. Timed in CPU seconds of this process, which a
machine shared with other work disturbs less than wall time.

With --against COMMIT, the package as it was at COMMIT (`git archive`, put first on
PYTHONPATH) and the working tree are run in turn, each in a fresh process, --rounds times,
and the best of each is compared: the ratio is the working tree's speed over COMMIT's.

    uv run python benchmarks/speed.py [path] --against 6c1a024 --paired [--rounds 5] [--chunk 50]

With --paired, both packages run at once in two live processes and take turns, `--chunk`
texts at a time (the order flipped at each turn), through --rounds cold passes: each pass's
ratio compares two runs made in the same seconds, so a load that comes and goes on a shared
machine weighs on both sides alike instead of on whichever ran when it came. It prints each
pass's ratio and their median.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from claims import extract

ROOT = Path(__file__).resolve().parent.parent


def clear_caches() -> None:
    """Empty every memo in the package, so each run is as cold as a first ingest."""
    for name, module in list(sys.modules.items()):
        if name == "claims" or name.startswith("claims."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def texts(path: Path) -> list[str]:
    with path.open(encoding="latin-1", newline="") as handle:
        return [row["article_title"] + "\n\n" + row["article_content"]
                for row in csv.DictReader(handle)]


def best_run(articles: list[str], repeat: int) -> tuple[float, int]:
    """The fewest CPU seconds of `repeat` cold runs over `articles`, and the claims found."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        clear_caches()
        start = time.process_time()
        found = sum(len(extract(text)) for text in articles)
        best = min(best, time.process_time() - start)
    return best, found


def package_at(commit: str, into: Path) -> Path:
    """The `claims` package as it was at `commit`, unpacked under `into`: what PYTHONPATH takes."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "claims"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def environment(pythonpath: Path | None) -> dict[str, str]:
    """This process's environment with `pythonpath` first on PYTHONPATH."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    return env


def timed_in_a_process(path: Path, repeat: int, pythonpath: Path | None) -> float:
    """Characters per second of a fresh process, with `pythonpath` first on its path."""
    out = subprocess.run(
        [sys.executable, __file__, str(path), "--repeat", str(repeat), "--rate-only"],
        capture_output=True, check=True, text=True, env=environment(pythonpath),
    ).stdout
    return float(out.split()[-1])


def serve(articles: list[str]) -> None:
    """Answer the parent's turns on stdin: "clear" empties the caches, "a b" extracts
    articles[a:b] and prints the CPU seconds it took."""
    for text in articles[:2]:
        extract(text)
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "clear":
            clear_caches()
            print("cleared", flush=True)
            continue
        start, end = map(int, line.split())
        began = time.process_time()
        for text in articles[start:end]:
            extract(text)
        print(time.process_time() - began, flush=True)


class Turns:
    """A serving process of one package, asked for one turn at a time."""

    def __init__(self, path: Path, pythonpath: Path | None):
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(path), "--serve"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=environment(pythonpath))
        self.ask(None)

    def ask(self, line: str | None) -> str:
        """Send `line` (or nothing: the first answer says the process is ready) and wait for
        the answer, so only one side runs at a time."""
        if line is not None:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        """End of input ends the serving loop; wait for it so no process is left behind."""
        self.process.stdin.close()
        self.process.wait()


def paired_pass(sides: dict[str, Turns], count: int, chunk: int, flip: int) -> dict[str, float]:
    """One cold pass of each side over `count` articles, `chunk` at a time, turn about."""
    seconds = dict.fromkeys(sides, 0.0)
    for side in sides.values():
        side.ask("clear")
    for turn, start in enumerate(range(0, count, chunk)):
        order = list(sides) if (turn + flip) % 2 == 0 else list(reversed(sides))
        for name in order:
            seconds[name] += float(sides[name].ask(f"{start} {min(count, start + chunk)}"))
    return seconds


def compare_paired(path: Path, commit: str, rounds: int, chunk: int) -> None:
    """Run COMMIT's package and the working tree's turn about and print each pass's ratio."""
    count = len(texts(path))
    with tempfile.TemporaryDirectory() as scratch:
        sides = {commit: Turns(path, package_at(commit, Path(scratch))),
                 "working tree": Turns(path, None)}
        ratios = []
        try:
            for round_ in range(1, rounds + 1):
                seconds = paired_pass(sides, count, chunk, round_)
                ratios.append(seconds[commit] / seconds["working tree"])
                print(f"pass {round_}: {commit} {seconds[commit]:.3f} s, working tree "
                      f"{seconds['working tree']:.3f} s; ratio {ratios[-1]:.3f}", flush=True)
        finally:
            for side in sides.values():
                side.close()
    print(f"median ratio {statistics.median(ratios):.3f} "
          f"(passes {min(ratios):.3f}-{max(ratios):.3f})")


def compare(path: Path, commit: str, rounds: int, repeat: int) -> None:
    """Run COMMIT's package and the working tree's in turn and print the best of each."""
    with tempfile.TemporaryDirectory() as scratch:
        old = package_at(commit, Path(scratch))
        best = {commit: 0.0, "working tree": 0.0}
        for round_ in range(1, rounds + 1):
            for name, pythonpath in ((commit, old), ("working tree", None)):
                rate = timed_in_a_process(path, repeat, pythonpath)
                best[name] = max(best[name], rate)
                print(f"round {round_}: {name:>12} {rate:,.0f} characters/s")
    ratio = best["working tree"] / best[commit]
    print(f"best: {commit} {best[commit]:,.0f}, working tree {best['working tree']:,.0f} "
          f"characters/s; ratio {ratio:.3f} ({(1 - ratio) * 100:+.1f}% slower)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--against", metavar="COMMIT")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--paired", action="store_true")
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--rate-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    if args.against and args.paired:
        compare_paired(path, args.against, args.rounds, args.chunk)
        return 0
    if args.against:
        compare(path, args.against, args.rounds, args.repeat)
        return 0
    articles = texts(path)
    if args.serve:
        serve(articles)
        return 0
    characters = sum(map(len, articles))
    best, found = best_run(articles, args.repeat)
    if args.rate_only:
        print(f"{characters / best:.0f}")
        return 0
    print(f"{len(articles)} articles, {characters:,} characters, {found:,} claims")
    print(f"best of {args.repeat}: {best:.3f} s = {characters / best:,.0f} characters/s (one core)")
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(lambda: [extract(text) for text in articles])
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
