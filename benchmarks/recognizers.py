"""Score claims.extract on Microsoft Recognizers-Text's English number and percent specs.

    uv run python benchmarks/recognizers.py [../shared/eval/peers/recognizers-text] [--show]

A case passes when the values of the claims found equal the expected values (as a multiset,
percent values without the %). Recognizers-Text is a general number recogniser; cases outside
what a news claims extractor should do are excluded by the rules in SCOPE, each with its
reason, and counted separately so the exclusions can be read and argued with.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from claims import extract

# (reason, test on the case) - a case matching any rule is out of scope.
SCOPE: list[tuple[str, object]] = [
    ("marked NotSupported for Python by Recognizers-Text itself",
     lambda case: "python" in (case.get("NotSupported", "")
                               + case.get("NotSupportedByDesign", ""))),
    ("negative numbers (minus, negative, leading -): news figures are magnitudes",
     lambda case: re.search(r"(?i)\bminus\b|\bnegative\b|(^|\s)-\s*\d", case["Input"])),
    ("mathematical notation: exponents, x10^, e-notation, 'over'/'out of'/'in' fractions",
     lambda case: re.search(r"(?i)\^|\dx10|\d[eE][+-]?\d|\bover\b|\bout of\b|\d\s+in\s+\w",
                            case["Input"])),
    ("fractions written as digits or glyphs (3/4, 2 1/4, ⅔)",
     lambda case: re.search(r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅙⅛]",
                            case["Input"])),
    ("spoken decimals and ordinal denominators (point five, nought, three fifths, a trillionth)",
     lambda case: re.search(r"(?i)\bpoint\b|\bn[ao]ught\b|"
                            r"(?<!a )\b(?:fifths?|sixths?|sevenths?|eighths?|ninths?|"
                            r"tenths?|hundredths?|thousandths?|millionths?|trillionths?|firsts?|fourths?|thirtieth)\b|"
                            r"twenty-f(?:irst|ifth)", case["Input"])),
    ("non-English digit grouping (1 234 567, 12,34,567, 1.111,11, decimal comma)",
     lambda case: re.search(r"\d[ \u202f]\d{3}\b|\d,\d{2},\d{3}|\d\.\d{3},\d|\b\d,\d\b|"
                            r"\d,\d{2}\b(?!,)", case["Input"])),
    (("identifiers and dates that a claims extractor must not report (IP address, date, phone, "
      "code names, list of exercise numbers)"),
     lambda case: re.search(r"\d+\.\d+\.\d+|\d/\d+/\d|\+\d-|[A-Z]{2,}-\d|nrs?\.", case["Input"])),
    (("numbers glued to a unit (180ml, 29km): a dimension, which Recognizers' number model "
      "leaves out by design and a claims extractor must report"),
     lambda case: re.search(r"\d(?:ml|km)\b", case["Input"])),
    ("scale abbreviations not used in English news (MM, mil, G, tln, dzs, dozs)",
     lambda case: re.search(r"(?i)\d\s*(?:mm|mil|g|tln|dzs?)\b|\bdozs\b|\d\s*G\b|\bM\b",
                            case["Input"])),
]


def expected_values(case: dict) -> list[float]:
    values = []
    for result in case["Results"]:
        raw = str(result["Resolution"].get("value", "")).rstrip("%")
        if raw in ("", "null", "None"):
            continue
        values.append(float(raw))
    return values


def same(a: list[float], b: list[float]) -> bool:
    if len(a) != len(b):
        return False
    return all(math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9) for x, y in zip(sorted(a), sorted(b)))


def run(folder: Path, show: bool) -> int:
    total_in = total_pass = 0
    for name in ("NumberModel.json", "PercentModel.json"):
        cases = json.loads((folder / name).read_text("utf-8-sig"))
        excluded: Counter = Counter()
        passed = in_scope = 0
        for case in cases:
            reason = next((why for why, test in SCOPE if test(case)), None)
            if reason:
                excluded[reason] += 1
                continue
            in_scope += 1
            got = [c.value for c in extract(case["Input"])]
            if same(got, expected_values(case)):
                passed += 1
            elif show:
                print(f"  MISS {case['Input']!r}: expected {expected_values(case)} got {got}")
        total_in += in_scope
        total_pass += passed
        print(f"{name}: {len(cases)} cases, {in_scope} in scope, {passed} pass "
              f"({100 * passed / max(in_scope, 1):.1f}%)")
        for why, count in excluded.most_common():
            print(f"    excluded {count:3d}: {why}")
    print(f"ALL: {total_pass}/{total_in} in-scope cases pass "
          f"({100 * total_pass / max(total_in, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = Path(args[0] if args else "../shared/eval/peers/recognizers-text")
    if not folder.exists():
        print(f"skipped: {folder} not found")
        sys.exit(0)
    sys.exit(run(folder, "--show" in sys.argv))
