"""FA-KES casualty recall: does the extractor find the crowd's civilian death toll?

    uv run python benchmarks/fakes_killed.py [../shared/eval/fakes/fakes.csv] [--show 20]

Among rows whose non-zero `nb_civilians` appears as a whole number in the title or text,
prints the share that have a `killed` claim with that value (target: 95%). A bare
"number near the word kill" heuristic gets about 90%, so the figure means something only
next to the precision NewsQuant measures. FA-KES text has its commas and apostrophes
stripped, which is part of what this checks. Skips cleanly (exit 0) when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

from claims import extract

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "fakes" / "fakes.csv"


def rows_in_scope(path: Path):
    """(row, text, value) for rows whose nb_civilians appears as digits in the text."""
    with open(path, encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            value = int(row["nb_civilians"] or 0)
            text = row["article_title"] + "\n\n" + row["article_content"]
            if value and re.search(rf"(?<![\d.]){value}(?![\d]|\.\d)", text):
                yield row, text, value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="fakes.csv")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N misses")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    total = found = 0
    misses = []
    for row, text, value in rows_in_scope(path):
        total += 1
        claims = extract(text)
        if any(c.metric == "killed" and c.value == value for c in claims):
            found += 1
        else:
            misses.append((row, text, value, claims))
    share = found / total if total else 0.0
    print(f"{found}/{total} rows have a killed claim with the crowd's nb_civilians: {share:.1%}")
    for row, text, value, claims in random.Random(0).sample(misses, min(args.show, len(misses))):
        match = re.search(rf"(?<![\d.]){value}(?![\d]|\.\d)", text)
        lo, hi = max(0, match.start() - 120), match.end() + 120
        same = [f"{c.text!r}:{c.metric}" for c in claims if c.value == value]
        print(f"\n{row['unit_id']} nb_civilians={value} claims with that value: {same or 'none'}")
        print("   ..." + text[lo:hi].replace("\n", " ") + "...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
