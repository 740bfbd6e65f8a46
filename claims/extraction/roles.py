"""What a figure is within the reporting of its incident: a total, a part of a total, a total
over a longer span, an update on an earlier count, or a running total (claims.models.ROLE_TABLE).

Only totals are compared across outlets as one quantity; a part ("including 11 children",
"14 of the dead were rebels") or a period total ("more than 450 killed in the last month")
reported beside the toll of one attack is another quantity, and grouping keeps them apart.
Each rule reads the words next to the figure, in its own clause; a figure with none of them is
a total.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from claims.extraction.lexicon import (
    FURTHER_WORDS,
    INCLUDING_WORDS,
    MONTH_NAMES,
    ONE_ATTACK_ARTICLES,
    ONE_ATTACK_GAP,
    ONE_ATTACK_NOUNS,
    PEOPLE_KINDS,
    PROJECTION_ADVERBS,
    PROJECTION_EXPECTING,
    PROJECTION_LINKS,
    PROJECTION_MODALS,
    PROJECTION_OUTCOMES,
    PROJECTION_VERBS,
    RUNNING_TALLIES,
    SHARE_WORDS,
    SO_FAR_WORDS,
    SPAN_CURRENT,
    SPAN_EDGES,
    SPAN_LEADS,
    SPAN_UNITS,
    TOLL_LEVEL_VERBS,
    TOLL_NOUNS,
    TOLL_PARTICIPLES,
    WEEKDAY_NAMES,
    WHOLE_SPAN_WORDS,
    WIDE_SPANS,
    kind_of_subject,
)
from claims.extraction.numbers import TENS_WORDS, UNITS_WORDS
from claims.extraction.patterns import (
    KEEP_GIL,
    alternation,
    ending_at,
    fold,
    folded,
    last_letters,
    may_end_with,
)
from claims.models import GROUPED_METRICS, PEOPLE_METRICS, Claim, TimeRef

_NOUNS = alternation(TOLL_NOUNS)
# "including 11 children", "among them 4 women": right before the figure.
INCLUDING_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(INCLUDING_WORDS, backward=True)})\s+)")
# "Among the dead were 11 children": the set the part comes from, before it in the clause.
AMONG_BEFORE_RE = ending_at(
    rf"(?i:\bamong\s+(?:the|those)\s+(?:{alternation(TOLL_NOUNS, backward=True)})"
    r"(?:\s+(?:were|are|was|is))?\s+)"
)
# "14 of the dead", "15 of the wounded", "three of them", "two of those killed", "11
# children were among the 26", "2 medics among at least 31 dead": right after.
# A word between the figure and "of them" that counts its own share ("21 civilians eight of
# them children") makes the figure the whole, not a part.
_SHARE = alternation((*SHARE_WORDS, *UNITS_WORDS, *TENS_WORDS))
OF_THE_AFTER_RE = regex.compile(
    rf"(?i:\s+(?:(?!(?:{_SHARE})\b)\p{{L}}+\s+)?of\s+(?:(?:the|those)\s+(?:{_NOUNS}|people\s+"
    rf"(?:{alternation(TOLL_PARTICIPLES)})|{alternation(TOLL_PARTICIPLES)})|them|whom)\b"
    rf"|\s+(?:(?:were|are|was|is)\s+(?:also\s+)?)?among\s+(?:the|those)\b"
    rf"|\s+(?:(?:were|are|was|is)\s+(?:also\s+)?)?among\s+(?:(?:at\s+least|more\s+than"
    rf"|some|about|nearly)\s+)?(?=\d))"
)
# What a count may come to, right before the figure: "could reach as many as 200", "is
# expected to rise further to 300" (lexicon.PROJECTION_MODALS, PROJECTION_VERBS); the
# modal and its verb are the role's words.
PROJECTED_BEFORE_RE = ending_at(
    rf"(?i:\b(?P<words>(?:{alternation(PROJECTION_MODALS, backward=True)}"
    rf"|(?:{alternation(PROJECTION_EXPECTING, backward=True)})(?:\s+[\w-]+){{1,4}}\s+to)\s+"
    rf"(?:(?:{alternation(PROJECTION_ADVERBS, backward=True)})\s+)?"
    rf"(?:{alternation(PROJECTION_VERBS, backward=True)}))"
    rf"(?:\s+(?:{alternation(PROJECTION_LINKS, backward=True)})){{0,3}}\s+)"
)
# What people may yet come to, right after their figure: "thousands more could die".
PROJECTED_AFTER_RE = regex.compile(
    rf"(?i:\s+(?:more\s+|others\s+|people\s+)?(?P<words>"
    rf"(?:{alternation(PROJECTION_MODALS)})\s+(?:(?:{alternation(PROJECTION_ADVERBS)})\s+)?"
    rf"(?:{alternation(PROJECTION_OUTCOMES)}))\b)"
)
# How far before a figure its projection's words may start.
PROJECTION_REACH = 80
# The words of OF_THE_AFTER_RE, one of which each of its matches holds among its first three:
# "of" first or second ("14 of the dead", "two soldiers of whom"), "among" up to third
# ("were also among the").
_PART_WORDS = ("of", "among")
# "with 18 bodies": right before the figure.
WITH_BEFORE_RE = ending_at(r"(?i:\bwith\s+)")
# "a further 12", "another 40": right before the figure.
FURTHER_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(FURTHER_WORDS, backward=True)})\s+)")
# "40 more", "40 more terrorists": "more" right after the figure, not "more than".
MORE_AFTER_RE = regex.compile(r"(?i:\s*more\b)(?!\s+than\b)")
_COUNT = alternation((*UNITS_WORDS, *TENS_WORDS, "a few", "several"))
_WEEKDAY = alternation(WEEKDAY_NAMES)
# A span a total runs over: "in the last month", "over the past three days", "this week",
# "since Sunday", "since 5 March", "in three days".
PERIOD_RE = regex.compile(
    rf"(?i:\b(?:{alternation(SPAN_LEADS)})\s+the\s+(?:{alternation(SPAN_EDGES)})\s+"
    rf"(?:(?:\d+|{_COUNT})\s+)?(?:{alternation(SPAN_UNITS)})\b"
    rf"|\b(?:{alternation(SPAN_CURRENT)})\s+(?:week|month|year|weekend)\b"
    rf"|\b(?:{alternation(SPAN_LEADS)})\s+the\s+(?:{alternation(WHOLE_SPAN_WORDS)})\s+"
    rf"(?:{alternation(SPAN_UNITS)})\b"  # "over the whole weekend"
    rf"|\bsince\s+(?:{alternation(WEEKDAY_NAMES)}|yesterday|last\s+\p{{L}}+"
    rf"|the\s+weekend|\d{{1,2}}\s+(?:{alternation(MONTH_NAMES)})"
    rf"|(?:{alternation(MONTH_NAMES)})\s+\d{{1,2}}\b)"
    # "since a truce collapsed on Monday": an event that opened the span, dated to its day
    rf"|\bsince\s+(?:the|a|an)\s+(?:[\w.'’-]+\s+){{1,6}}?(?:on\s+)?(?:{_WEEKDAY})\b"
    rf"|\bin\s+(?:\d+|{_COUNT})\s+(?:days|weeks|months)\b"
    rf"|\bon\s+(?:{_WEEKDAY})\s+and\s+(?:{_WEEKDAY})\b"  # "on Friday and Saturday"
    rf"|\b(?:{alternation(WIDE_SPANS)})\b)"
)
# A word every PERIOD_RE match holds, one per alternative: an edge ("last"), the current
# span's last word ("this"), "since", a span unit or weekday ("days", "Monday"), a wide
# span's first word ("across"). The pattern is searched for only where one shows in the
# case-folded window, which most figures' windows lack.
PERIOD_HINTS = (
    *SPAN_EDGES, *{words.rsplit(None, 1)[-1] for words in SPAN_CURRENT}, "since", "day", "week",
    "month", *{words.split(None, 1)[0] for words in WIDE_SPANS},
)
# The hints but "day", which most windows hold only in a weekday or "today" ("on Sunday").
_STRONG_PERIOD_HINTS = tuple(hint for hint in PERIOD_HINTS if hint != "day")
# What a span holding "day" and no other hint holds besides: a unit of days ("in three
# days"), a whole span ("over the whole day"), or two weekdays and their "and" ("on Friday
# and Saturday").
_DAY_SPAN_WORDS = ("days", *WHOLE_SPAN_WORDS)
# How far after a figure a span may start and still be the figure's: "killed 450 people in
# the province in the last month".
PERIOD_REACH = 100
# Where a span after a figure stops being the figure's: the next figure's digits or the end of
# its clause ("killed 12 on Monday, bringing the toll in the last week to 50").
NEXT_DIGIT_RE = regex.compile(r"[\d,;]")
# How far before a figure a span may stand and still be the figure's ("Since Sunday, at
# least 68"), not a clause's about something else ("the second time this month ... after
# 17 were killed").
PERIOD_LEAD = 40
# A total number's level right before a figure in its sentence, what it counts between them:
# "brought the total number of Russian soldiers killed in Syria to 18", "the overall number of
# dead has reached 300". The words between may run to RUNNING_TALLY_GAP characters, and the
# whole to RUNNING_TALLY_REACH.
RUNNING_TALLY_GAP = 160
RUNNING_TALLY_REACH = 220
# The word each of them ends with: the pattern is tried only where one shows in the
# case-folded words before the figure, which most figures' lack.
RUNNING_TALLY_HINTS = frozenset(tally.rsplit(None, 1)[-1] for tally in RUNNING_TALLIES)
RUNNING_TALLY_BEFORE_RE = ending_at(
    rf"(?i:\b(?P<tally>{alternation(RUNNING_TALLIES, backward=True)})\b"
    rf"[^.;:\n]{{0,{RUNNING_TALLY_GAP}}}?"
    rf"\b(?:(?:{alternation(TOLL_LEVEL_VERBS, backward=True)})(?:\s+(?:to|at))?|to|at)\s+)"
)
# One attack named in the words a total number counts: "the total number of people killed in
# the bombing"; not "in air strikes", many of them.
ONE_ATTACK_NOUN_RE = regex.compile(rf"(?i)\b(?:{alternation(ONE_ATTACK_NOUNS)})\b")
# A toll's breakdown follows it within this many characters, and its counts add up to at
# least this share of it ("around 70": 30 and 39).
BREAKDOWN_REACH = 400
BREAKDOWN_SHARE = 0.9
# How far before a figure "among the dead were" may stand.
AMONG_REACH = 50
# What stands between two items of one list: "11 women, nine children and one rescue worker".
LIST_GAP_RE = regex.compile(r"(?i:\s*,?\s*(?:(?:and|as\s+well\s+as)\s+)?)")
# The next item of a list right after a figure, up to its digits: " and 39", ", 12"; not "and
# 3 more died", a clause of its own.
LISTED_NEXT_RE = regex.compile(
    LIST_GAP_RE.pattern + r"\d[\d,.]*(?<=\d)(?!\s+(?i:more|others)\b)"
)


class Role(NamedTuple):
    """A figure's role, the words that give it, and for a part where its total starts."""

    role: str
    text: str | None = None
    part_of: int | None = None


TOTAL = Role("total")
# A total that one count is brought up to with others ("bringing the total in Turkey and
# Syria to 50,000"): a period, over more ground than one incident's.
SUMMED = Role("period", "the total")


def read_role(text: str, clause: tuple[int, int], span: tuple[int, int], number_end: int,
              draft: tuple[str | None, str | None, float], when: TimeRef | None,
              place: str | None, earlier: list[Claim], sentence_start: int) -> Role:
    """The figure's role (`draft` is its metric, counted noun and value; `when` its time;
    `place` the place its own sentence names): projected when a modal and a verb of rising
    lead right into it ("could reach 200"), else running when its time runs from a start
    ("since 2011") unless it is a part of one ("including 25,000 children"), else the first of
    part, update and period whose words stand next to it
    in its clause, else a part told as a count of its own, else total. Only figures
    compared across outlets have one: "in three days" says nothing of a duration. "So far"
    alone is no running total: "the toll so far is 58" is one attack's; "since November"
    (no year) is a period, not a war's."""
    metric = draft[0]
    if metric not in GROUPED_METRICS:
        return TOTAL  # "inflation eased to 11.8%, the lowest since 2021" totals nothing
    projected = _projected(text, clause, span)
    if projected:
        return projected
    since = when.date_text if when and when.cumulative else None
    if since and fold(since) not in SO_FAR_WORDS:
        part = _part(text, clause, span, number_end, draft, earlier)
        return part or (Role("period", since) if _recent(since) else Role("running"))
    return (
        _part(text, clause, span, number_end, draft, earlier)
        or _listed(text, span, draft, earlier)
        or _with_part(text, span, draft, earlier, sentence_start)
        or _update(text, clause, (span[0], number_end), metric, earlier)
        or _period(text, clause, span)
        or _running_tally(text, sentence_start, span[0])
        or _spent_on(text, clause, earlier)
        or _month_or_year(when, text[clause[0]:clause[1]])
        or _joined(text, span, earlier, sentence_start)
        or _narrower(draft, place, earlier, sentence_start)
        or TOTAL
    )


def _projected(text: str, clause: tuple[int, int], span: tuple[int, int]) -> Role | None:
    """A projection: what a count may come to ("the toll could reach as many as 200", "is
    expected to rise to 300", "officials expect the toll to rise above 100"), right before
    the figure in its clause, or what its people may yet come to right after it ("thousands
    more could die"), is no count made, so it is never a rival of the incident's counted
    total."""
    lo, start = clause[0], span[0]
    window = max(lo, start - PROJECTION_REACH)
    found = (
        _may_project(text, window, start)
        and PROJECTED_BEFORE_RE.match(text, window, start, KEEP_GIL)
        or _next_word(text, span[1]) in _PROJECTION_AFTER_FIRST
        and PROJECTED_AFTER_RE.match(text, span[1], clause[1], KEEP_GIL))
    return Role("projected", found.group("words")) if found else None


def _next_word(text: str, at: int) -> str:
    """The lower-cased word after the spaces at `at` (at most a dozen characters on)."""
    words = text[at : at + 12].split(None, 1)
    return words[0].lower() if words else ""


def _may_project(text: str, lo: int, start: int) -> bool:
    """Whether a projection may end right before a figure: the words before it may end
    with a verb of rising or a word linking one to the figure ("rise to", "reach as many
    as"), and a modal or a verb of expecting shows in them ("could", "expected"), which most
    figures lack ("rose to 45", "at least 12")."""
    return may_end_with(text, lo, start, _PROJECTION_LAST_WORDS) and (
        _PROJECTION_HINT_RE.search(text[lo:start].lower()) is not None)


# The words a projection after its figure may open with: "thousands more could die".
_PROJECTION_AFTER_FIRST = frozenset(
    ["more", "others", "people", *(modal.split()[0] for modal in PROJECTION_MODALS)])
# The first words of the modals and verbs of expecting, one of which every projection before
# its figure holds, in lower case.
_PROJECTION_HINT_RE = re.compile("|".join(sorted(
    {re.escape(w.split()[0]) for w in (*PROJECTION_MODALS, *PROJECTION_EXPECTING)})))
# The words a projection's words may end with: a verb of rising's or a link's last word.
_PROJECTION_LAST_WORDS = last_letters((*PROJECTION_VERBS, *PROJECTION_LINKS))


def _spent_on(text: str, clause: tuple[int, int], earlier: list[Claim]) -> Role | None:
    """A total over the days its clause opens with: "Two days of bombardment killed 40" (the
    days are a claim of their own, just before the clause); not years of a war, whose toll
    is a running total."""
    last = earlier[-1] if earlier else None
    if last and last.unit in SPENT_UNITS and last.end == clause[0] and OF_RE.match(
        text, clause[0]
    ):
        return Role("period", f"{last.text} of")
    return None


# "of" right after a duration: "two days of bombardment".
OF_RE = regex.compile(r"\s+of\b")
# The units of a span an incident's reports give a total over.
SPENT_UNITS = ("hours", "days", "weeks")


# The words that join a count to the one just before it as one report's: "40 civilians dead
# and another 90 wounded", "killed 40 and wounded 90".
JOINED_RE = regex.compile(
    rf"(?i)\s*(?:(?:{alternation(TOLL_PARTICIPLES)})\s*)?,?\s*and\s+"
    rf"(?:(?:{alternation(FURTHER_WORDS)}|{alternation(TOLL_PARTICIPLES)})\s+)?"
)


def _joined(text: str, span: tuple[int, int], earlier: list[Claim], sentence_start: int
            ) -> Role | None:
    """A count joined by "and" to a period total of another toll right before it is a total
    over the same span: "Five days of shelling had left 40 civilians dead and another 90
    wounded" (the "another" joins two counts, it adds to none)."""
    last = earlier[-1] if earlier else None
    if (last is None or last.role != "period" or last.start < sentence_start
            or last.metric not in PEOPLE_METRICS):
        return None
    if JOINED_RE.fullmatch(text, last.end, span[0]) is None:
        return None
    return Role("period", last.role_text)


def _recent(since: str) -> bool:
    """Whether a start is a month of this year, not a war's: "since November"."""
    return not any(c.isdigit() for c in since) and any(
        w in MONTH_NAMES for w in fold(since).split())


def _month_or_year(when: TimeRef | None, clause: str) -> Role | None:
    """A count dated only to a month or a year is that span's total: "killed 100 civilians
    in August", "last month", "this year"; unless its clause names the one attack that
    took it, recalled by its month ("In July a suicide bomb killed 16 people")."""
    if when and when.date and len(when.date) in (4, 7) and when.date_text:
        if len(when.date) == 7 and ONE_ATTACK_RE.search(clause):
            return None
        return Role("period", when.date_text)
    return None


# An attack named as one (lexicon.ONE_ATTACK_NOUNS), not "attacks" nor "a string of bomb
# attacks".
ONE_ATTACK_RE = regex.compile(
    rf"(?i)\b(?:{alternation(ONE_ATTACK_ARTICLES)})\s+(?:(?!of\b)[\w-]+\s+){{0,{ONE_ATTACK_GAP}}}?"
    rf"(?:{alternation(ONE_ATTACK_NOUNS)})\b(?!\s+of\b)")


def _narrower(draft: tuple, place: str | None, earlier: list[Claim], sentence_start: int
              ) -> Role | None:
    """A part told as a count of its own: "the battle killed 70 people, 30 soldiers and 39
    rebels", a narrower kind of people after a larger toll of all people in its sentence
    (the claims of `earlier` from `sentence_start` on); the
    same number of civilians as of people ("16 people ... 16 civilians") is the toll
    restated, a total, and a count at a place its sentence names apart from the toll's is
    another incident's. `place` is the place its own sentence names, if any."""
    metric, subject, value = draft
    narrow = PEOPLE_KINDS.keys() - {"people"}
    if metric not in PEOPLE_METRICS or kind_of_subject(subject) not in narrow:
        return None
    for claim in itertools.takewhile(
            lambda c: c.sentence_start == sentence_start, reversed(earlier)):
        if (claim.metric == metric and claim.role == "total" and claim.value > value
                and not claim.vague and kind_of_subject(claim.subject) == "people"
                and (place is None or place == claim.place)):
            return Role("part", None, claim.start)
    return None


def _part(text: str, clause: tuple[int, int], span: tuple[int, int], number_end: int,
          draft: tuple[str | None, str | None, float], earlier: list[Claim]) -> Role | None:
    """A part: "including 11 children", "among the dead were 4 women", "14 of the dead",
    "three of the bodies" (one claim's surface, read from its number's end), of the latest
    larger total before it."""
    (lo, hi), (start, end) = clause, span
    found = (
        INCLUDING_BEFORE_RE.match(text, max(lo, start - 20), start, KEEP_GIL)
        or AMONG_BEFORE_RE.match(text, max(lo, start - AMONG_REACH), start, KEEP_GIL)
        or _part_after(text, end, hi)
        or (_part_after(text, number_end, hi) if number_end < end else None)
    )
    if found is None:
        return None
    if _restated(earlier, draft[0], start, draft[2]):
        return None
    whole = _whole(earlier, draft[0], start, draft[2])
    return Role("part", found.group().strip(), whole.start if whole else None)


def _part_after(text: str, end: int, hi: int):
    """OF_THE_AFTER_RE's match at `end`, tried only where one of the next three words is one
    of `_PART_WORDS`, as after few figures: `str.split` parts words at all the white space
    the pattern's `\\s` matches, so it finds its words where it would."""
    words = text[end:hi].split(None, 3)[:3]
    if not any(word.lower() in _PART_WORDS for word in words):
        return None
    return OF_THE_AFTER_RE.match(text, end, hi, KEEP_GIL)


def _listed(text: str, span: tuple[int, int], draft: tuple[str | None, str | None, float],
            earlier: list[Claim]) -> Role | None:
    """A part listed after another: "including 11 women, nine children and one rescue
    worker" are three parts of one toll, not one part and two totals; a count larger than
    the toll is no part of it."""
    before = earlier[-1] if earlier else None
    if before is None or before.role != "part" or before.metric != draft[0] or (
            before.end > span[0]):
        return None
    whole = next((c for c in earlier if c.start == before.part_of), None)
    if whole is not None and draft[2] >= whole.value:
        return None
    gap = LIST_GAP_RE.fullmatch(text, before.end, span[0])
    return Role("part", before.role_text, before.part_of) if gap else None


def _restated(earlier: list[Claim], metric: str | None, start: int, value: float) -> bool:
    """Does the part restate the latest total before it ("a massacre against 14 civilians
    ... killing 14 of them")? Then it is that total again, not a part of it."""
    latest = _whole(earlier, metric, start, 0)
    return latest is not None and latest.value == value and not latest.vague


def _with_part(text: str, span: tuple[int, int], draft: tuple[str | None, str | None, float],
               earlier: list[Claim], sentence_start: int) -> Role | None:
    """A part told after "with", below a larger total of its sentence: "at least 32 were
    killed in the strikes, with 18 bodies pulled from the worst-hit district"."""
    start = span[0]
    if not WITH_BEFORE_RE.match(text, max(sentence_start, start - len(" with ")), start,
                                KEEP_GIL):
        return None
    whole = _whole(earlier, draft[0], start, draft[2])
    if whole is None or whole.start < sentence_start:
        return None
    return Role("part", "with", whole.start)


def _whole(earlier: list[Claim], metric: str | None, start: int, value: float
           ) -> Claim | None:
    """The latest total of the same metric before a part, larger than it: what it is a part
    of ("seven commanders" in a headline holds no "about 40 militants")."""
    for claim in reversed(earlier):
        if (claim.metric == metric and claim.role == "total" and claim.end <= start
                and claim.value > value):
            return claim
    return None


def _update(text: str, clause: tuple[int, int], span: tuple[int, int], metric: str | None,
            earlier: list[Claim]) -> Role | None:
    """An update: "40 more", "a further 12", on top of the count of the same metric just
    before it; "killed 12 and wounded another 20" is the first count of the wounded."""
    (lo, hi), (start, end) = clause, span
    found = (FURTHER_BEFORE_RE.match(text, max(lo, start - 16), start, KEEP_GIL)
             or MORE_AFTER_RE.match(text, end, hi, KEEP_GIL))
    if found is None:
        return None
    last = next((c for c in reversed(earlier)
                 if c.end <= start and c.metric in PEOPLE_METRICS), None)
    if last is None or last.metric != metric:
        return None
    return Role("update", found.group().strip())


def _list_end(text: str, end: int, hi: int) -> int:
    """Where the list a figure opens ends: "30 soldiers and 39 rebels were killed ... since
    Wednesday" is one span's two counts, so the second's digits do not end the first's."""
    while listed := LISTED_NEXT_RE.match(text, end, hi, KEEP_GIL):
        end = listed.end()
    return end


def _period_hinted(text: str, begin: int, reach: int, hi: int) -> bool:
    """Whether PERIOD_RE may find a span starting in text[begin:reach] (and running on to
    `hi` at most): a hint shows in that window, and where "day" is the only one, as in most
    windows that hold one ("Sunday", "today"), the words its span would hold show too. The
    pattern's search costs far more than these tests."""
    window = folded(text[begin:reach])
    if any(map(window.__contains__, _STRONG_PERIOD_HINTS)):
        return True
    if "day" not in window:
        return False
    clause = folded(text[begin:hi])  # a span may run past the window
    return (
        any(map(clause.__contains__, _STRONG_PERIOD_HINTS))
        or any(map(clause.__contains__, _DAY_SPAN_WORDS))
        or (clause.count("day") > 1 and "and" in clause)
    )


def _period(text: str, clause: tuple[int, int], span: tuple[int, int]) -> Role | None:
    """A period total: a span of days or weeks in its clause, near it ("in the last month",
    "Since Sunday at least 68", "over the last 48 hours")."""
    (lo, hi), (start, end) = clause, span
    end = _list_end(text, end, hi)
    reach = min(hi, end + PERIOD_REACH)
    begin = max(lo, start - PERIOD_LEAD)
    hinted = _period_hinted(text, begin, reach, hi)
    found = PERIOD_RE.search(text, begin, hi, KEEP_GIL) if hinted else None
    if found is None or found.start() > reach:
        return None  # a span must start within reach; it may end past it
    following = NEXT_DIGIT_RE.search(text, end, reach)
    if following and found.start() > following.start():
        return None  # a span after the next figure is that figure's; its own digits are not
    return Role("period", found.group())


def _running_tally(text: str, sentence_start: int, start: int) -> Role | None:
    """A running total: the level a total number has reached ("brought the total number of
    Russian soldiers killed in Syria to 18"), every incident so far; a total over a span when
    its words name one ("the total number killed in the past 20 days"), and one attack's when
    they name the attack ("the total number killed in the bombing rose to 40")."""
    begin = max(sentence_start, start - RUNNING_TALLY_REACH)
    window = folded(text[begin:start])
    if not any(map(window.__contains__, RUNNING_TALLY_HINTS)):
        return None
    found = RUNNING_TALLY_BEFORE_RE.match(text, begin, start, KEEP_GIL)
    if found is None or ONE_ATTACK_NOUN_RE.search(text, found.start(), found.end(), KEEP_GIL):
        return None
    span = PERIOD_RE.search(text, found.start(), found.end(), KEEP_GIL)
    if span is not None:
        return Role("period", span.group())
    return Role("running", found.group("tally"))


def _following(claims: list[Claim], n: int) -> Iterator[int]:
    """The indexes of the claims within BREAKDOWN_REACH after claim `n` (claims are in text
    order, so the walk stops at the first beyond it)."""
    end = claims[n].end
    for j in range(n + 1, len(claims)):
        if claims[j].start - end > BREAKDOWN_REACH:
            return
        yield j


def breakdowns(claims: list[Claim]) -> list[Claim]:
    """Mark the counts that break a toll down as its parts: "killed 14 ... 13 in Hamdaniyeh
    and one in another district", "70 dead ... 30 soldiers and 39 rebels", "21 ... 15 in a
    northern district and another six in the village" (the rest, not an update), where two or more
    smaller counts of the same metric that follow the toll within BREAKDOWN_REACH add up to
    it (BREAKDOWN_SHARE of it, or more, and never past it)."""
    marked: dict[int, int] = {}
    for n, whole in enumerate(claims):
        if whole.role != "total" or whole.metric not in PEOPLE_METRICS or whole.vague:
            continue
        pieces = [
            j for j in _following(claims, n)
            if claims[j].metric == whole.metric and claims[j].role in ("total", "update")
            and not claims[j].vague and 1 <= claims[j].value < whole.value
        ]
        if len(pieces) >= 2 and (BREAKDOWN_SHARE * whole.value
                                 <= sum(claims[j].value for j in pieces) <= whole.value):
            marked.update((j, whole.start) for j in pieces)
    return [
        c.model_copy(update={"role": "part", "part_of": marked[n]}) if n in marked else c
        for n, c in enumerate(claims)
    ]
