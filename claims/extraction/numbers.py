"""Numbers as news copy writes them: digits, words, scales, fractions and vague amounts.

The lexicons below are the whole vocabulary; `NUMBER_RE` is compiled from them once.
`parse` turns one matched surface into (value, low, high, vague).
"""

from __future__ import annotations

import re

import regex

from claims.extraction.lexicon import HYPHENED_FRACTION_UNITS, ONE_UNIT_NOUNS
from claims.extraction.patterns import (
    KEEP_GIL,
    alternation,
    ending_at,
    group_numbers,
    word_scan,
    word_spans,
)

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}
# Written after digits they multiply: "3 dozen eggs", "3 dozens", "1.5 million". The plural
# "dozens" multiplies only in lower case and after no year: "... 5-2016 Dozens of civilians
# killed" is a dateline's year, then a headline.
DIGIT_SCALES = {**SCALE_WORDS, "dozen": 12, "dozens": 12}
# Abbreviated scales written after digits: "2bn", "$3m", "4.5 mln", "20k".
SCALE_ABBREVIATIONS = {
    "mn": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "m": 1_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "b": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "k": 1_000,
    "lakh": 100_000, "crore": 10_000_000, "mil": 1_000_000, "t": 1_000_000_000_000,
}
# Abbreviations that scale only money: "$2.5T" is 2.5 trillion dollars, but a "3T" magnet is
# in teslas and a "5t" truck in tonnes.
MONEY_ONLY_SCALES = ("t",)
FRACTION_WORDS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1, "fourth": 0.25, "fourths": 0.25,
    "eighth": 0.125, "eighths": 0.125, "hundredth": 0.01, "hundredths": 0.01,
    "thousandth": 0.001, "thousandths": 0.001, "millionth": 1e-6, "millionths": 1e-6,
    "billionth": 1e-9, "trillionth": 1e-12,
}
# Multipliers written as one word: "grew sixfold", "a tenfold rise".
FOLD_WORDS = {
    f"{word}fold": value
    for word, value in {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000,
    }.items()
}
# Vague amounts keep their wording; low and high are the amounts they can name. A plural
# of a unit starts at two of it ("dozens" at 24, "tens of thousands" at 20,000) and stops
# where the next word would be used; "a few" is 2 to 5, "several" 3 to 9.
VAGUE_AMOUNTS = {
    "dozens": (24, 100), "scores": (40, 100), "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000), "tens of thousands": (20_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000), "millions": (1_000_000, 10_000_000),
    "tens of millions": (20_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
    "a few": (2, 5), "few": (2, 5), "several": (3, 9),
    "double digits": (10, 99), "triple digits": (100, 999),
}
# Vague amounts that a scale word multiplies: "several hundred", "a few thousand".
SCALED_VAGUE = ("a few", "few", "several")
# Words for two of a thing: "a pair of robots".
PAIR_WORDS = {"pair": 2}
# Multipliers that are a figure only after a qualifier: "nearly double the target", "more
# than triple"; alone they are adjectives ("a double murder").
MULTIPLE_WORDS = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "quadruple": 4}

WORD_VALUES = {**UNITS_WORDS, **TENS_WORDS, **SCALE_WORDS, "dozen": 12, "dozens": 12}


# Words that count a fraction: "two thirds", "a quarter"; fewer may close a number ("and a half").
FRACTION_COUNTS = ("a", "an", "one", "two", "three", "four", "five", "seven")
TRAIL_FRACTION_COUNTS = ("a", "an", "one", "two", "three")
# Scale abbreviations also read with a space before them: "4.5 mln", "20 k".
SPACED_SCALE_ABBREVIATIONS = ("mn", "mln", "bn", "bln", "tn", "trn", "k")
# Fractions that multiply a scale word: "half a million", "a quarter dozen".
SCALE_FRACTIONS = ("half", "quarter")
# Words before "half" that make it a part, not an amount: "the first half", "a half".
NOT_HALF_AFTER = ("first", "second", "other", "the", "a", "an")
# What a bare "half" must precede to be an amount: "half of", "half the people".
HALF_BEFORE = ("of", "the", "people")

_WORD = rf"(?:{alternation(WORD_VALUES)})"
_SCALE_WORD = alternation(SCALE_WORDS)
_SCALE_OR_DOZEN = alternation([*SCALE_WORDS, "dozen"])
_DIGIT_SCALE = alternation(set(DIGIT_SCALES) - {"dozens"})
# The look-ahead comes first so the engine tries the look-behind, which runs back over any
# number of spaces, only where "dozens" follows: placed before every digit's scale, it was a
# tenth of the pattern's cost.
_DOZENS_AFTER_NO_YEAR = r"(?=dozens)(?<!(?<![\d.,])(?:1[89]|20)\d\d[\s-]*)dozens"
_SCALE_ABBR = alternation(SCALE_ABBREVIATIONS)
# Thousands grouped by commas, or by spaces when the last group is round ("1 000", "200 000"
# civilians, as French-style copy writes them; "the 101 102 and 103 fields" is a list).
# A decimal comma, as continental copy writes it, only before a percentage or a scale word
# ("9,1%", "€12,5 billion"), where no thousands can be meant.
_DECIMAL_COMMA = (
    r"\d{1,3},\d{1,2}(?!\d)"
    r"(?=\s?(?:%|(?i:per\s?cent|percent|billion|million|trillion|bn|mn|trn)\b))"
)
_DIGITS = (
    rf"{_DECIMAL_COMMA}"
    r"|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]000(?!\d|[.,]\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
)
# Such a number, to read its comma as the decimal point.
DECIMAL_COMMA_RE = re.compile(r"\d{1,3},\d{1,2}")
_VAGUE = alternation(VAGUE_AMOUNTS)
_PAIR = alternation(PAIR_WORDS)
_FRACTION_WORD = alternation(FRACTION_WORDS)
# "a quarter-point" and "a half-mile" take a unit after a hyphen; "one-third-owned" does not.
_FRACTION = (
    rf"{alternation(FRACTION_COUNTS)}[\s-]+(?:{_FRACTION_WORD})"
    rf"(?!-(?!(?:{alternation(HYPHENED_FRACTION_UNITS)})\b))"
)
# "and a half", "and three quarters million": a fraction closing a number.
_TRAIL_COUNT = alternation(TRAIL_FRACTION_COUNTS)
_SPACED_ABBR = alternation(SPACED_SCALE_ABBREVIATIONS)
_SCALE_FRACTION = alternation(SCALE_FRACTIONS)
_NOT_HALF_AFTER = alternation(NOT_HALF_AFTER)
_HALF_BEFORE = alternation(HALF_BEFORE)
_TRAIL_FRACTION = (
    rf"\s+and\s+{_TRAIL_COUNT}[\s-]+(?:{_FRACTION_WORD})\b(?:\s+(?:{_SCALE_WORD})\b)?"
)
TRAIL_FRACTION_RE = regex.compile(
    rf"(?i:\s+and\s+(?P<count>{_TRAIL_COUNT})[\s-]+(?P<name>{_FRACTION_WORD})"
    rf"(?:\s+(?P<scale>{_SCALE_WORD}))?)\Z"
)
_TRAIL = group_numbers(TRAIL_FRACTION_RE)

NUMBER_PATTERN = rf"""
(?<![\d.,_])
(?:
    # "7/32", "1-1/2", "2 1/2": a fraction, perhaps after its whole part
    (?P<slash>(?:\d{{1,3}}(?:-|[ \t]))?\d{{1,2}}[/⁄]\d{{1,3}})(?![\d/⁄])
  | (?P<digits>{_DIGITS})
    (?:
        (?:\s*-?\s*|\s+)
        (?P<dscale>(?:(?i:{_DIGIT_SCALE})|{_DOZENS_AFTER_NO_YEAR})(?:\s+(?i:{_SCALE_WORD}))*)\b
        # "3 hundred and 21", "4 thousand 3 hundred and 21"
        (?P<more>(?:\s+and\s+\d{{1,3}}
                   |\s+\d{{1,3}}\s+(?i:hundred)\b(?:\s+and\s+\d{{1,2}})?)(?![\d.,]))?
      | (?P<abbr>(?i:{_SCALE_ABBR}))(?![\w])
        # scientific notation: "1.99×10−30", "6.02 x 10^23"
      | [ \t]?(?:×[ \t]?10(?:\^|\*\*)?|[xX][ \t]?10(?:\^|\*\*))(?P<exp>[-−+]?\d{{1,3}})(?![\d.,])
      | \s(?P<abbr2>(?i:{_SPACED_ABBR}))\b
    )?
    (?P<dfrac>(?i:{_TRAIL_FRACTION}))?
  | (?P<fold>(?i:{alternation(FOLD_WORDS)}))\b
  | (?P<vague>(?i:{_VAGUE}))\b
    (?:\s+(?P<vscale>(?i:{_SCALE_OR_DOZEN}))\b)?
  | (?P<pair>(?i:an?\s+{_PAIR}\s+of))\b
  | (?P<multiple>(?i:{alternation(MULTIPLE_WORDS)}))\b(?!-)
  | (?P<article>(?i:an?))(?=[ \t]+(?i:{alternation(ONE_UNIT_NOUNS)})(?![\w-]))
  # "half a million", "a half billion", "a half a billion": before "a half" alone
  | (?:(?i:an?)\s+)?(?P<half>(?i:{_SCALE_FRACTION}))(?:[\s-]+an?)?[\s-]+
    (?P<halfscale>(?i:{_SCALE_OR_DOZEN}))\b
  | (?P<fraction>(?i:{_FRACTION}))(?:\s+of\s+an?\s+(?P<fscale>(?i:{_SCALE_WORD})))?\b
  | (?=(?i:half))(?<!\b(?i:{_NOT_HALF_AFTER})\s)(?P<halfword>(?i:half))(?=\s+(?i:{_HALF_BEFORE})\b)
  | (?P<words>
        (?i:(?:an?\s+(?={_SCALE_OR_DOZEN}\b))?
        {_WORD}(?:(?:\s*-\s*|\s+and\s+(?={_WORD}\b(?![\s-]+{_FRACTION_WORD}\b))|\s+){_WORD})*
        (?:{_TRAIL_FRACTION})?)
    )\b
)
"""
NUMBER_RE = regex.compile(NUMBER_PATTERN, regex.VERBOSE)


_FIRST_WORDS = (
    set(WORD_VALUES) | set(FRACTION_WORDS) | set(FOLD_WORDS) | set(PAIR_WORDS)
    | set(MULTIPLE_WORDS)
    | {w.split()[0] for w in VAGUE_AMOUNTS if not w.startswith("a ")}
)
# Scanning every position with NUMBER_RE's many alternatives is slow; this finds where a
# number may start and NUMBER_RE then reads it from there.
START_RE = regex.compile(rf"\d+|\b(?i:{alternation(_FIRST_WORDS)})\b")
# What START_RE matches in ASCII text, as the tokens of the lower-cased text it needs: a
# digit, or a run of letters that is one of its words (each is plain lower-case letters, so a
# whole word it matches is a whole run of letters here).
_ASCII_TOKEN_RE = re.compile(r"[a-z]+|[0-9]")
_START_TOKENS = frozenset(_FIRST_WORDS) | frozenset("0123456789")
# The same, in two cheaper scans: digits, and number words in lower-cased text with the
# standard library's engine, which runs a case-sensitive alternation twice as fast.
DIGITS_RE = regex.compile(r"\d+")
WORDS_RE = word_scan(alternation(_FIRST_WORDS))
ARTICLE_BEFORE_RE = ending_at(rf"(?i:\b{alternation(FRACTION_COUNTS, backward=True)}[ \t-]+)")
# "a"/"an" before a unit: one of it when a qualifier comes first ("nearly a year"), which the
# reader of the match checks. Starting with a space, the pattern is scanned for as a literal.
ARTICLE_UNIT_RE = re.compile(rf" an? (?:{alternation(ONE_UNIT_NOUNS)})(?![\w-])")


def starts_between(text: str, lo: int, hi: int) -> bool:
    """Whether START_RE finds where a number may start in text[lo:hi]. ASCII text without a
    digit or a number word, as between most figures and the places after them, is not
    searched: the tokens are cheaper to read than the search's many alternatives."""
    gap = text[lo:hi]
    if gap.isascii() and _START_TOKENS.isdisjoint(_ASCII_TOKEN_RE.findall(gap.lower())):
        return False
    return START_RE.search(text, lo, hi, KEEP_GIL) is not None


def _starts(text: str) -> list[tuple[int, bool]]:
    """Where a number may start, in order, and whether it starts with a digit."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: offsets would shift
        return [(hit.start(), hit.group()[0].isdigit()) for hit in START_RE.finditer(text)]
    starts = [(hit.start(), True) for hit in DIGITS_RE.finditer(text, 0, None, False, KEEP_GIL)]
    starts += [(start, False) for start, _ in word_spans(WORDS_RE, lowered)]
    starts += [(hit.start() + 1, False) for hit in ARTICLE_UNIT_RE.finditer(lowered)]
    starts.sort()
    return starts


def find(text: str):
    """Every NUMBER_RE match in `text`, left to right, without overlaps."""
    last_end = 0
    for pos, digit in _starts(text):
        if pos < last_end:
            continue
        if not digit:
            article = ARTICLE_BEFORE_RE.match(text, max(last_end, pos - 7), pos, KEEP_GIL)
            if article:
                match = NUMBER_RE.match(text, article.start(), None, KEEP_GIL)
                if match:
                    last_end = match.end()
                    yield match
                    continue
        elif pos and text[pos - 1] == "." and pos - 1 >= last_end:
            pos -= 1  # ".5", ".500 record"
        match = NUMBER_RE.match(text, pos, None, KEEP_GIL)
        if match:
            last_end = match.end()
            yield match

_TOKEN_RE = regex.compile(r"[a-z]+")


def parse_words(surface: str) -> tuple[float, int] | None:
    """Value of a run of number words, and how many characters of it form one number.

    Stops where a new number would begin ("two three") so the caller can trim."""
    total = 0.0
    current = 0.0
    seen = False
    last_small = None
    small_run = 0.0  # units and tens since the last scale: "two" in "three hundred and two dozens"
    last_scale = 0  # the last scale of a thousand or more
    consumed = 0
    for match in _TOKEN_RE.finditer(surface.lower(), 0, None, False, KEEP_GIL):
        word = match.group()
        if word in ("a", "an"):
            if not seen:
                current = 1
                consumed = match.end()
            continue
        if word == "and":
            continue
        if word == "half":
            current = current + 0.5 if seen else 0.5
            consumed = match.end()
            continue
        if word in UNITS_WORDS or word in TENS_WORDS:
            value = UNITS_WORDS.get(word, TENS_WORDS.get(word))
            tens_then_unit = last_small is not None and last_small >= 20 and last_small % 10 == 0
            if last_small is not None and not (tens_then_unit and value < 10):
                break
            current += value
            small_run += value
            last_small = value
        elif word in ("dozen", "dozens"):
            current = current - small_run + small_run * 12 if small_run else (current or 1) * 12
            last_small = 0  # a number after "dozen" is a new number
            small_run = 0
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if scale == 100:
                current = (current or 1) * 100
            elif not current and total and scale > last_scale:
                total *= scale  # "three lakh crore", "two thousand million": scales multiply
            else:
                total += (current or 1) * scale
                current = 0
            last_scale = scale
            last_small = None
            small_run = 0
        else:
            break
        seen = True
        consumed = match.end()
    if not seen and not current:
        return None
    return total + current, consumed


# Each decimal digit by its value, as the `regex` module knows them: it reads digits from
# newer Unicode versions than Python's own `float()` and `unicodedata` do.
_DIGIT_VALUE_RES = tuple(regex.compile(rf"\p{{Numeric_Value={d}}}") for d in range(10))


def _ascii_digit(char: str) -> str:
    """One digit of any script as an ASCII digit ("٣" -> "3"); other characters unchanged."""
    if char.isascii():
        return char
    for value, pattern in enumerate(_DIGIT_VALUE_RES):
        if pattern.match(char):
            return str(value)
    return char


def digits_value(digits: str) -> float:
    """The value of a run of digits with thousands commas, in any script `regex` calls
    digits (so a digit Python's `float()` does not know yet cannot raise), or with a
    decimal comma ("9,1")."""
    if DECIMAL_COMMA_RE.fullmatch(digits):
        return float(digits.replace(",", "."))
    plain = digits.replace(",", "")
    if not plain.isdigit() and "." not in plain:
        plain = "".join(plain.split())  # "200 000": spaces that group thousands
    if not plain.isascii():
        plain = "".join(map(_ascii_digit, plain))
    return float(plain)


def scale_of(words: str) -> float:
    """The product of one or more scale words ("hundred million") or one abbreviation."""
    scale = 1
    for word in words.lower().split():
        scale *= DIGIT_SCALES.get(word) or SCALE_ABBREVIATIONS.get(word, 1)
    return scale


def compose(surface: str) -> float:
    """"3 hundred and 21", "4 thousand 3 hundred and 21": digits read like number words."""
    total = current = 0.0
    for token in surface.lower().replace("-", " ").split():
        if token == "and":
            continue
        if token in DIGIT_SCALES:
            if DIGIT_SCALES[token] < 1000:  # hundred, dozen
                current = (current or 1) * DIGIT_SCALES[token]
            else:
                total += (current or 1) * DIGIT_SCALES[token]
                current = 0
        else:
            current += digits_value(token)
    return total + current


def with_fraction(base: float, base_scale: float, trail: str) -> float:
    """`base` followed by a closing fraction: "two and a half million" is 2.5 million,
    "one billion and a quarter million" adds a quarter million, "five billion and three
    quarters" adds three quarters of a billion, "forty two and a third" adds a third."""
    match = TRAIL_FRACTION_RE.search(trail)
    count, name = match.group(_TRAIL.count).lower(), match.group(_TRAIL.name).lower()
    fraction = (1 if count in ("a", "an", "one") else UNITS_WORDS[count]) * FRACTION_WORDS[name]
    if match.group(_TRAIL.scale):
        scale = SCALE_WORDS[match.group(_TRAIL.scale).lower()]
        return base + fraction * scale if base_scale >= 1000 else (base + fraction) * scale
    return base + fraction * (base_scale if base_scale >= 1000 else 1)


def vague_range(surface: str) -> tuple[int, int]:
    return VAGUE_AMOUNTS[" ".join(surface.lower().split())]


def slash_value(surface: str) -> float | None:
    """"1/2", "1⁄32", "1-1/2": a proper fraction after its whole part, else None ("24/7" is
    no amount)."""
    whole, _, fraction = surface.strip().rpartition(" " if " " in surface else "-")
    top, bottom = (int(digits_value(part)) for part in regex.split("[/⁄]", fraction))
    if not 0 < top < bottom:
        return None
    return (int(digits_value(whole)) if whole else 0) + top / bottom


def fraction_value(surface: str) -> float:
    count, _, name = surface.lower().replace("-", " ").partition(" ")
    name = name.strip()
    base = 1 if count in ("a", "an", "one") else UNITS_WORDS[count]
    return base * FRACTION_WORDS[name]
