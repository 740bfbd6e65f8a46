"""Characters per second of claims.extract over every FA-KES article (title and text), one process.

    uv run python benchmarks/speed.py [../shared/eval/fakes/fakes.csv] [--repeat 3] [--profile]

Reports the best of --repeat runs, each with every cache emptied first, so neither a busy
machine nor a warm cache flatters the figure.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from claims import extract


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    articles = texts(path)
    characters = sum(map(len, articles))
    best = float("inf")
    for _ in range(args.repeat):
        clear_caches()
        start = time.perf_counter()
        found = sum(len(extract(text)) for text in articles)
        best = min(best, time.perf_counter() - start)
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
