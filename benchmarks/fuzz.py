"""Hostile text through the extractor: no exception, no negative count, no infinite value,
no claim outside its sentence, on 100,000+ inputs.

    uv run python benchmarks/fuzz.py [../shared/eval/fakes/fakes.csv] [--random 60000]
        [--noisy 60000] [--seed 1]

Two sources of input:
- random: strings drawn by hypothesis from all of Unicode, weighted towards digits, number
  words, signs, separators and the characters that broke the extractor before (dotted
  capital I, digits of newer Unicode versions, line breaks inside phrases);
- noisy: real FA-KES sentences with characters deleted, doubled, swapped, case-flipped or
  replaced, signs and huge digit runs inserted, and lines broken in the middle.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from claims import extract
from claims.models import PEOPLE_METRICS

PIECES = [
    "killed", "kİlled", "people", " million ", "hundreds\nof thousands", "-", "−", "+", ",",
    ".", "%", "$", "€", "between ", " and ", " to ", "at least ", "about ", "one", "One",
    "\U00011de5", "\U00016d79", "\u0663", "9" * 320, "1e999", "0.5 - hundred 9 hundred",
    "-5 people were killed", "-2016 Dozens of Insurgents Killed", "\x00", "\u200b", "\n\n",
]


STRATEGY = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(PIECES),
              st.integers(-10**12, 10**12).map(str)),
    max_size=12,
).map("".join)


def hypothesis_problems(count: int) -> tuple[int, list[tuple[str, str]]]:
    """Run `count` hypothesis examples through `problems`: (inputs seen, problems found)."""
    seen, found = 0, []

    @settings(max_examples=count, database=None, deadline=None, derandomize=True,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(STRATEGY)
    def check(text):
        """Record, never raise: every example runs."""
        nonlocal seen
        seen += 1
        found.extend((p, text) for p in problems(text))

    check()
    return seen, found


def sentences(path: Path) -> list[str]:
    """FA-KES article texts cut into rough sentences."""
    with path.open(encoding="latin-1", newline="") as handle:
        texts = [row["article_title"] + ". " + row["article_content"]
                 for row in csv.DictReader(handle)]
    return [s.strip() for t in texts for s in t.split(". ") if len(s.strip()) > 20]


def mutate(text: str, rng: random.Random) -> str:
    """`text` with a few random edits of the kinds real scraped text suffers."""
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        edit = rng.randrange(8)
        if edit == 0:
            del chars[at]
        elif edit == 1:
            chars.insert(at, chars[at])
        elif edit == 2 and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
        elif edit == 3:
            chars[at] = chars[at].swapcase()
        elif edit == 4:
            chars.insert(at, rng.choice(PIECES))
        elif edit == 5:
            chars.insert(at, rng.choice("-+−") + str(rng.randint(0, 10**rng.randint(1, 12))))
        elif edit == 6:
            chars.insert(at, "\n")
        else:
            chars[at] = chr(rng.randrange(0x20, 0x2FFFF))
    return "".join(chars)


def problems(text: str) -> list[str]:
    """What is wrong with the extractor's answer for `text` (empty when nothing is)."""
    try:
        claims = extract(text)
    except Exception as error:  # noqa: BLE001 - counting every kind is the point
        return [f"exception {type(error).__name__}: {error}"]
    found = []
    for c in claims:
        if not all(math.isfinite(v) for v in (c.value, c.low, c.high) if v is not None):
            found.append(f"non-finite {c.text!r}")
        if c.value < 0 and (c.unit in ("people", "items") or c.metric in PEOPLE_METRICS):
            found.append(f"negative count {c.text!r}")
        if not (c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence)):
            found.append(f"outside its sentence {c.text!r}")
    return found


def main() -> int:
    """Run both sources and report the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="../shared/eval/fakes/fakes.csv")
    parser.add_argument("--random", type=int, default=60_000)
    parser.add_argument("--noisy", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    generated, found = hypothesis_problems(args.random)
    path = Path(args.path)
    noisy = 0
    if path.exists():
        real = sentences(path)
        for _ in range(args.noisy):
            text = mutate(rng.choice(real), rng)
            noisy += 1
            found.extend((p, text) for p in problems(text))
    seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    examples: dict[str, str] = {}
    for problem, text in found:
        kind = problem.split(" ", 1)[0]
        counts[kind] = counts.get(kind, 0) + 1
        examples.setdefault(kind, f"{problem} in {text[:120]!r}")
    print(f"{generated + noisy:,} inputs ({generated:,} from hypothesis, {noisy:,} noisy real "
          f"sentences) in {seconds:.0f} s")
    for kind in ("exception", "non-finite", "negative", "outside"):
        print(f"  {kind}: {counts.get(kind, 0)}" + (f"  e.g. {examples[kind]}"
                                                    if kind in examples else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
