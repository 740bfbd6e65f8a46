"""When a figure holds: time expressions near the claim, resolved against the publication date.

A small resolver rather than dateparser: it runs for every claim, and news copy uses a
handful of forms ("on Sunday", "in March", "last week", "yesterday", "4 April 2017",
"since 2011"). Dates come out as ISO 8601 at the precision the text gives: a day
(2017-04-04), an ISO week (2017-W14), a month (2017-04) or a year (2017).

A cumulative figure ("since the war began", "so far", "to date") is dated as of the
article (or the date the sentence gives) and flagged, so it is never compared with the
toll of a single attack.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from claims.extraction.lexicon import (
    AHEAD_LEADS,
    FUTURE_MARKERS,
    MONTH_NAMES,
    MONTHS,
    ORDINAL_SUFFIXES,
    REPORTING_VERBS,
    SO_FAR_WORDS,
    STREET_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from claims.extraction.patterns import alternation
from claims.extraction.sentences import photo_credit
from claims.models import TimeRef

# Month and day names (MONTHS, WEEKDAYS: name -> number) are claims.extraction.lexicon's.
# datetime's number for Saturday, the first day of a weekend, and the word that names one
# (claims.compare reads a week dated by it as its Saturday and Sunday).
SATURDAY = 5
WEEKEND = "weekend"
# Relative days, by how many days before publication they point.
DAYS_BACK = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last night": 1,
    "overnight": 1,
}
# Relative periods: (unit, how many units back).
PERIODS = {
    "this week": ("week", 0),
    "last week": ("week", 1),
    "past week": ("week", 0),
    "earlier this week": ("week", 0),
    "this month": ("month", 0),
    "last month": ("month", 1),
    "earlier this month": ("month", 0),
    "past month": ("month", 0),
    "this year": ("year", 0),
    "last year": ("year", 1),
    "earlier this year": ("year", 0),
    "past year": ("year", 0),
    # the weekend just past, dated by its ISO week: "destroyed by air strikes over the
    # weekend, the charity said on Monday" is no Monday's attack
    "over the weekend": (WEEKEND, 0),
    "at the weekend": (WEEKEND, 0),
    "during the weekend": (WEEKEND, 0),
    "last weekend": (WEEKEND, 0),
}

# The words running totals are written with, for CUMULATIVE below.
ONSET_WORDS = ("start", "beginning", "outbreak", "onset")
# Whose war it is: "since the war", "since Syria's uprising", "in its civil war".
WAR_OWNERS = ("the", "its", "syria's", "syrias", "the country's", "the countrys")
IN_WAR_OWNERS = ("the", "a", "its", "syria's", "syrias")
WAR_WORDS = (
    "war", "conflict", "uprising", "crisis", "revolution", "fighting", "unrest", "protests",
    "campaign", "offensive", "intervention",
)
WARS = ("war", "conflict", "uprising")
# What a country's whole war is called, for a running total since its start: "since the
# crisis began" is the war's toll; "since the offensive began" is not.
WHOLE_WAR_NAMES = (*WARS, "crisis", "revolution")
WHOLE_WARS = ("war", "conflict")
BEGAN_WORDS = ("began", "started", "broke out", "erupted")
SEASON_PARTS = ("early", "mid", "late")
# A running total's own words: "so far", "to date", "in total".
TOTAL_PHRASES = ("since then", "to this day", *SO_FAR_WORDS)
WHOLE_WAR_LEADS = ("throughout", "during", "over the course of")
# What a war has done so far: "a war that has killed", "the conflict which had uprooted",
# "the war in Syria has left", "Syria's civil war, now in its seventh year, has killed", "the
# war has since killed".
RELATIVES = ("that", "which")
PERFECT_AUXILIARIES = ("has", "had")
TOLL_VERBS = ("killed", "left", "claimed", "displaced", "forced", "uprooted", "caused", "cost")
# What may stand between a war and what it has done: a phrase opening with one of these
# words ("in Syria", "now in its seventh year"), of at most WAR_GAP_WORDS words; a noun right
# after the war ("the war plane that has killed") makes the war no subject.
WAR_GAP_LEADS = ("in", "now", "across")
WAR_GAP_WORDS = 5

_MONTH_NAME = alternation(MONTH_NAMES)
_WARS = alternation(WARS)
_GAP_WORD = r"(?:[\w-]+,?\s+)"
# Phrases that make a figure a running total rather than one incident's count, in the order
# they are tried.
CUMULATIVE = (
    rf"since\s+(?:the\s+)?{alternation(ONSET_WORDS)}\s+of\s+(?:the\s+)?\w+",
    (
        rf"since\s+(?:{alternation(WAR_OWNERS)}\s+)?(?:[\w-]+\s+)?{alternation(WAR_WORDS)}"
        rf"(?:\s+{alternation(BEGAN_WORDS)})?"
    ),
    rf"since\s+(?:{alternation(SEASON_PARTS)}[\s-]+)?(?:{_MONTH_NAME}\s+)?(?:19|20)\d\d",
    rf"since\s+{_MONTH_NAME}",
    alternation(TOTAL_PHRASES),
    rf"{alternation(WHOLE_WAR_LEADS)}\s+the\s+{alternation(WHOLE_WARS)}",
    # not "in the war-torn town": a compound names a place, not the war
    rf"in\s+{alternation(IN_WAR_OWNERS)}\s+(?:[\w-]+\s+){{0,2}}{_WARS}(?![\w-])",
    (
        rf"{_WARS},?\s+(?:{alternation(WAR_GAP_LEADS)}\s+{_GAP_WORD}{{0,{WAR_GAP_WORDS - 1}}}?)?"
        rf"(?:{alternation(RELATIVES)}\s+)?{alternation(PERFECT_AUXILIARIES)}\s+"
        rf"(?:so\s+far\s+)?{alternation(TOLL_VERBS)}"
    ),
    # "the war that began in 2011 and has since killed": what has been done since a start
    rf"{alternation(PERFECT_AUXILIARIES)}\s+since\s+{alternation(TOLL_VERBS)}",
)
# Words that put a month, a day or a year in time: "in March", "last Tuesday", "in 2016".
MONTH_LEADS = (
    "in", "since", "during", "from", "until", "by", "early", "late", "mid", "of", "last", "this",
)
WEEKDAY_LEADS = ("last", "this", "on")
YEAR_LEADS = ("in", "during", "of", "by", "throughout")
POSSESSIVE_ENDINGS = ("'s", "’s", "s")

_MONTH = alternation(MONTHS)
# Words of a sentence that looks ahead (FUTURE_MARKERS): "will", "is due to", "next".
FUTURE_RE = re.compile(rf"(?i)\b(?:{alternation(FUTURE_MARKERS, space=' ')})\b")
_DAY_NAME = alternation(WEEKDAY_NAMES)
# A date that names a street is no date: "April 7th Street" (matched in lower case).
_NO_STREET = rf"(?!\s+(?:{alternation([w.lower() for w in STREET_WORDS])})\b)"
_ORDINAL = alternation(ORDINAL_SUFFIXES)
# In the order they are tried at each position; all in lower case, as they are matched
# against the lower-cased sentence (a case-blind regex is three times slower). Relative days
# and periods are written with one space, as they always were.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),
    ("my", rf"({_MONTH})\.?,?\s+((?:19|20)\d\d)\b"),
    ("mdy", (rf"({_MONTH})\.?\s+(\d{{1,2}})(?:{_ORDINAL})?\b,?(?:\s+((?:19|20)\d\d)\b)?"
            rf"{_NO_STREET}")),
    ("dmy", (rf"(\d{{1,2}})(?:{_ORDINAL})?\s+({_MONTH})\.?,?(?:\s+((?:19|20)\d\d))?\b"
            rf"{_NO_STREET}")),
    ("m", rf"({alternation(MONTH_LEADS)})[\s-]+({_MONTH})\b(?!\s+\d)"),
    (
        "wd",
        (
            rf"(?:({alternation(WEEKDAY_LEADS)})\s+)?({_DAY_NAME})"
            rf"(?:{alternation(POSSESSIVE_ENDINGS)})?\b"
        ),
    ),
    ("rel", rf"({alternation(DAYS_BACK, space=' ')})\b"),
    ("per", rf"({alternation(PERIODS, space=' ')})\b"),
    ("y", rf"{alternation(YEAR_LEADS)}\s+((?:19|20)\d\d)\b(?!-)"),
]
_CUMULATIVE = r"(?:" + "|".join(CUMULATIVE) + r")"
# Time expressions that name one day, and the words a running total's span opens with.
DAY_KINDS = frozenset({"iso", "mdy", "dmy", "wd", "rel"})
SPAN_OPENERS = ("since", "throughout", "during", "over the course")
# One pass over the sentence: the first alternative that matches at a position wins, so a
# running-total marker ("since March 2011") is read before the date inside it.
_SCAN = re.compile(
    rf"\b(?:(?P<cum>{_CUMULATIVE})|"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS)
    + ")"
)
# A superlative a few words before "since": "the lowest since October 2021", "the highest
# toll since the war began", "for the first time since 2019" compare, and total nothing.
# The year a compared span began, right after it: " in 2011".
_STARTED_IN_RE = re.compile(r"\s+in\s+(?:19|20)\d\d\b")
_COMPARED_SINCE_RE = re.compile(
    r"\b(?:\w+est|worst|most|first time)(?:\s+[\w-]+){0,2}\s+since\Z"
)
# Where each kind's own groups sit among _SCAN's groups: (first index, how many).
_GROUPS = {
    kind: (_SCAN.groupindex[kind] + 1, re.compile(pattern).groups) for kind, pattern in _PATTERNS
}
# The group holding a month or day name, which only counts capitalised: "this may be".
_NAMED = {"dmy": 2, "mdy": 1, "my": 1, "m": 2, "wd": 2}


class _Expr(NamedTuple):
    start: int
    end: int
    kind: str
    groups: tuple


_STRIP = ".,;:!?()[]\"'“”‘’"
# Day words that end a name when written with a capital after another capitalised word.
TITLE_DAY_WORDS = frozenset(["Today", "Tonight"])
# Every time expression holds one of these words (or a year); an expression is looked for
# only around them, up to four words before ("on Tuesday", "in the six-year civil war").
_KEYS = (
    frozenset(
        [
            "since",
            "far",
            "date",
            "total",
            "overall",
            "now",
            "day",
            "today",
            "tonight",
            "yesterday",
            "overnight",
            "night",
            "morning",
            "afternoon",
            "evening",
            "week",
            WEEKEND,
            "month",
            "year",
            "war",
            "conflict",
        ]
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | {f"{d}s" for d in WEEKDAYS}
)
_PUNCT = str.maketrans({c: " " for c in _STRIP + "-"})
# The same for ASCII text, as bytes: translating bytes is eight times faster.
_ASCII = tuple(c for c in _STRIP + "-" if c.isascii())
_PUNCT_BYTES = bytes.maketrans("".join(_ASCII).encode(), b" " * len(_ASCII))
# Years are found by their digits, then checked for spaces around them (a look-behind at
# the start of a pattern would make the regex engine try every position).
_YEAR = re.compile(r"(?:19|20)\d\d")


def _years(plain: str) -> list[int]:
    """Offsets of the years standing alone in the de-punctuated sentence."""
    return [
        m.start()
        for m in _YEAR.finditer(plain)
        if (m.start() == 0 or plain[m.start() - 1].isspace())
        and (m.end() == len(plain) or plain[m.end()].isspace())
    ]


def _key_positions(plain: str, words: list[str], years: list[int]) -> list[int]:
    """Offsets of the key words and years in the lower-cased, de-punctuated sentence."""
    positions = years
    for word in _KEYS.intersection(words):
        at = plain.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or plain[at - 1] == " ") and (end == len(plain) or plain[end] == " "):
                positions.append(at)
            at = plain.find(word, end)
    return sorted(positions)


def _words_before(plain: str, at: int, count: int) -> list[int]:
    """Offsets of up to `count` words before `at`, then `at` itself, earliest first."""
    starts = [at]
    for _ in range(count):
        head = plain[: starts[0]].rstrip()
        if not head:
            break
        starts.insert(0, head.rfind(" ") + 1)
    return starts


def _lower(sentence: str) -> str:
    """The sentence in lower case, offset for offset (a few letters lower to two)."""
    low = sentence.lower()
    if len(low) != len(sentence):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    return low


@lru_cache(maxsize=8192)
def expressions(sentence: str) -> tuple[tuple[_Expr, ...], tuple[_Expr, ...]]:
    """(time expressions, cumulative markers) in a sentence.

    Anchored matches around a few key words rather than a regex scan of every position:
    this runs for every claim, and most sentences have no key word at all."""
    low = _lower(sentence)
    if low.isascii():
        plain = low.encode().translate(_PUNCT_BYTES).decode()
    else:
        plain = low.translate(_PUNCT)
    words = plain.split()
    years = _years(plain) if "19" in plain or "20" in plain else []
    if not years and _KEYS.isdisjoint(words):
        return (), ()
    found: list[_Expr] = []
    markers: list[_Expr] = []
    done = 0
    for key in _key_positions(plain, words, years):
        if key < done:
            continue
        for at in _words_before(plain, key, 4):
            if at < done:
                continue
            m = _SCAN.match(low, at)
            if m is None or m.end() <= key:
                continue
            done = m.end()
            kind = m.lastgroup
            if kind == "cum":
                if not _COMPARED_SINCE_RE.search(low, max(0, m.start() - 40), m.start() + 5):
                    markers.append(
                        _Expr(m.start(), m.end(), kind, (sentence[m.start() : m.end()],)))
                elif started := _STARTED_IN_RE.match(low, m.end()):
                    done = started.end()  # "the worst since the war began in 2011": no date
            else:
                first, count = _GROUPS[kind]
                named = _NAMED.get(kind)
                if (named is None or sentence[m.start(first + named - 1)].isupper()) and not (
                        _titled(sentence, m.start(), m.end())):
                    groups = m.groups()[first - 1 : first - 1 + count]
                    found.append(_Expr(m.start(), m.end(), kind, groups))
            break
    return tuple(found), tuple(markers)


def _titled(sentence: str, start: int, end: int) -> bool:
    """Whether a day word is the end of a title, not a time: "USA Today", "the Ariha Today
    page" (capitalised after a capitalised word, inside the sentence)."""
    if sentence[start:end] not in TITLE_DAY_WORDS or start == 0:
        return False
    before = sentence[:start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1][:1].isupper()


def _month_year(month: int, published: dt.date, ahead: bool = False) -> int:
    """The year of a month named without one: the latest such month not after publication,
    or the coming one when the words look `ahead` ("from April", "will rise in April")."""
    if ahead:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _day(year: int | None, month: int, day: int, published: dt.date | None) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            if dt.date(year, month, day) > published + dt.timedelta(days=7):
                year -= 1
        except ValueError:
            return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve(e: _Expr, published: dt.date | None, ahead: bool = False) -> str | None:
    g = e.groups
    if e.kind == "iso":
        return _day(int(g[0]), int(g[1]), int(g[2]), published)
    if e.kind == "dmy":
        return _day(int(g[2]) if g[2] else None, MONTHS[g[1].lower()], int(g[0]), published)
    if e.kind == "mdy":
        return _day(int(g[2]) if g[2] else None, MONTHS[g[0].lower()], int(g[1]), published)
    if e.kind == "my":
        return f"{int(g[1]):04d}-{MONTHS[g[0].lower()]:02d}"
    if e.kind == "y":
        return g[0]
    if published is None:
        return None
    if e.kind == "m":
        month = MONTHS[g[1].lower()]
        ahead = ahead or g[0].lower() in AHEAD_LEADS
        return f"{_month_year(month, published, ahead):04d}-{month:02d}"
    if e.kind == "wd":
        back = (published.weekday() - WEEKDAYS[g[1].lower()]) % 7
        if back == 0 and (g[0] or "").lower() == "last":
            back = 7
        return (published - dt.timedelta(days=back)).isoformat()
    if e.kind == "rel":
        return (published - dt.timedelta(days=DAYS_BACK[g[0].lower()])).isoformat()
    unit, back = PERIODS[g[0].lower()]
    if unit == WEEKEND:
        saturday = published - dt.timedelta(days=(published.weekday() - SATURDAY) % 7)
        year, week, _ = saturday.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "week":
        year, week, _ = (published - dt.timedelta(weeks=back)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        month = published.month - back
        year = published.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    return f"{published.year - back:04d}"


def _of_its_day(sentence: str, best: _Expr, markers: tuple[_Expr, ...], distance) -> bool:
    """Whether a figure is one day's count though its sentence names a war: its day ("on
    Wednesday", "April 4 2017", not "since 21 May") stands nearer it than any war words, and
    none of them starts a span ("since 2011"): "killed 213 people on Wednesday in what would
    be the deadliest attack of the war"."""
    return (best.kind in DAY_KINDS
            and not sentence[: best.start].rstrip().lower().endswith(SPAN_OPENERS)
            and not any(m.groups[0].lower().startswith(SPAN_OPENERS) for m in markers)
            and distance(best) < min(distance(m) for m in markers))


# A reporting verb right before a time expression, in lower case ("MSF said on Monday"): the
# day is the telling's, so another expression in the sentence dates the figure first (and
# claims.compare does not take it for the attack's).
TOLD_RE = re.compile(rf"\b(?:{alternation(REPORTING_VERBS)})\s+(?:on\s+)?$")
# How far before an expression its reporting verb may start.
TOLD_REACH = 24


def _told(low: str, e: _Expr) -> bool:
    """Whether a time expression dates the telling ("the charity said on Monday")."""
    return TOLD_RE.search(low, max(0, e.start - TOLD_REACH), e.start) is not None


def resolve(
    text: str, sent_start: int, sent_end: int, start: int, end: int, published: dt.date | None
) -> TimeRef | None:
    """The time expression nearest the figure in its sentence, resolved to an ISO date."""
    sentence = text[sent_start:sent_end]
    found, markers = expressions(sentence)
    if not found and not markers:
        return None
    lo, hi = start - sent_start, end - sent_start

    def distance(e: _Expr) -> tuple[bool, int]:
        # an expression in another clause ("After Monday's raid, 12 were killed on
        # Tuesday") comes after any in the figure's own clause
        gap = sentence[e.end : lo] if e.end <= lo else sentence[hi : e.start]
        return ("," in gap or ";" in gap, max(e.start - hi, lo - e.end, 0))

    # a year or month next to a running total is when it started ("since the war began in
    # 2011"), not the date the total holds at
    dated = [e for e in found if not markers or e.kind not in ("y", "my", "m")]
    if len(dated) > 1:  # the telling's day only when the sentence gives no other
        low = _lower(sentence)
        dated = [e for e in dated if not _told(low, e)] or dated
    if isinstance(published, dt.datetime):
        published = published.date()
    if dated:
        best = min(dated, key=distance)
        # only a month named without its year reads whether the sentence looks ahead
        ahead = best.kind == "m" and FUTURE_RE.search(sentence) is not None
        date, date_text = _resolve(best, published, ahead), sentence[best.start : best.end]
        if markers and _of_its_day(sentence, best, markers, distance):
            markers = ()
        if markers:
            date_text = f"{date_text}; {min(markers, key=distance).groups[0]}"
    else:
        date_text = min(markers, key=distance).groups[0]
        date = published.isoformat() if published else None
    return _time_ref(date, date_text, bool(markers))


def is_day(date: str | None) -> bool:
    """Whether a resolved date names a day ("2016-07-26"), not a month or a year."""
    return date is not None and len(date) == len("YYYY-MM-DD")


@lru_cache(maxsize=4096)
def _time_ref(date: str | None, date_text: str, cumulative: bool) -> TimeRef:
    """The TimeRef of these values, made once: it is frozen, so claims can share it, and
    built from values this module made, so pydantic's validation would only cost time."""
    return TimeRef.model_construct(date=date, date_text=date_text, cumulative=cumulative)


# A date at the top of a text: "Wed 05 Apr 2017", "April 5, 2017", "2017-04-05",
# "05-04-2017" (day first, as outside the United States), "Published 5 April 2017", and
# "Jul 282016", as "Jul 28,2016" reads once an archive has stripped its commas.
_DATELINE_MONTH = alternation(MONTHS)
# What a date line starts with, a digit or a month's first letter: past a word boundary the
# pattern goes on only there, not through every month's name at every word.
_DATELINE_START = rf"[\d{''.join(sorted({month[0] for month in MONTHS}))}]"
DATELINE_RE = re.compile(
    rf"(?i)\b(?={_DATELINE_START})"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_DATELINE_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_DATELINE_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d\d)-(?P<d3>\d\d)"
    rf"|(?P<d4>\d\d)[-/.](?P<m4>\d\d)[-/.](?P<y4>\d{{4}})"
    rf"|(?P<m5>{_DATELINE_MONTH})\.?\s+(?P<d5>\d{{1,2}})(?P<y5>(?:19|20)\d\d))\b"
)
# How far into a text its date line may stand: after a headline and a "Published" label.
DATELINE_CHARS = 150


def dateline(text: str | None) -> dt.date | None:
    """The first full date near the top of a text but a photo's ("... August 1 2016 (Reuters
    Photo)"): wire and archive copy print one there, and it is the day the story is told,
    where a feed's date column is often wrong."""
    top = (text or "")[:DATELINE_CHARS]
    found = next((m for m in DATELINE_RE.finditer(top) if not photo_credit(text, m.end())),
                 None)
    if found is None:
        return None
    g = found.groupdict()
    try:
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g["y4"]:
            return dt.date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
        month = MONTHS[(g["m1"] or g["m2"] or g["m5"]).lower()]
        return dt.date(int(g["y1"] or g["y2"] or g["y5"]), month,
                       int(g["d1"] or g["d2"] or g["d5"]))
    except ValueError:
        return None
