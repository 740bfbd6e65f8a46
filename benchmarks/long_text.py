"""Extraction speed on one long text without line breaks: FA-KES bodies joined by spaces,
cut to each size, so a cost that grows with the text before each number shows.

    uv run python benchmarks/long_text.py [../shared/eval/fakes/fakes.csv]
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from claims import extract

SIZES = (500_000, 8_000_000)


def main() -> None:
    """Time `claims.extract` on a 0.5 MB and an 8 MB text and print characters per second."""
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/fakes/fakes.csv")
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    with path.open(encoding="latin-1", newline="") as handle:
        bodies = [row["article_content"].replace("\n", " ") for row in csv.DictReader(handle)]
    joined = " ".join(bodies)
    for size in SIZES:
        text = (joined * (size // len(joined) + 1))[:size]
        begun = time.perf_counter()
        claims = extract(text)
        seconds = time.perf_counter() - begun
        print(f"{size:>10,} chars: {len(claims):,} claims, {size / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main()
