"""The same figure across outlets: one quantity of one incident, reported by many.

The grouping rule, in full (each figure's `rule` column says it again in words):

1. Only figures worth comparing: current, non-vague claims of a metric compared across
   outlets (killed, wounded, displaced, control, money, ...; not ages, durations, distances
   or bare counts; claims.models.METRIC_TABLE says which).
2. Each claim is placed in an incident (claims.incidents: an article's main incident from its
   headline, lead and date line; another place or day in the claim's own sentence makes
   another incident; incidents linked across outlets by place and day). A country named as
   who struck ("an Israeli air strike on a village") is not where, when the report places
   its other claims in another country (`_attackers`).
3. A figure is one incident's total of one metric, unit and kind of victims (civilians,
   children, women, combatants of one side, of both sides and people in general are kept
   apart). Money, shares, areas and other counts that are not people are grouped only when
   they count the same thing (their counted noun agrees); with no noun they stand alone.
   Such a count told as planned ("the deal is set to see 30,000 people evacuated") is kept
   apart from the count done (the 5,000 a convoy carried) and labelled "(planned)".
   No value in a figure is more than MAGNITUDE times its smallest, and no two values that
   one report gives as two quantities are in one figure (TWO_QUANTITIES times apart,
   neither told as a stage of a changing count nor credited to two different sources: a
   day's total and one strike's; or a total and a part of it, "31 killed, including 10 on
   a bus", against another report's 10). A total that another report of the incident gives
   as a part in its own total's sentence ("21 killed, 15 of them in the town") is that
   part, out of the figure (`_without_told_parts`).
4. Parts ("including 11 children"), period totals ("in the last month"), updates ("40
   more") and projections ("the toll could reach 200") are never inside a figure: they keep
   their incident and are shown beside it. A
   headline's toll that its text gives over a period ("79 killed by air strikes" over "79
   killed ... over the last 48 hours") is that period's total too, and one its text gives
   as more dead ("40 terrorists killed" over "40 more terrorists were killed") that
   update. A named group of people ("pilgrims", "evacuees") counted as many as its
   report's headline or lead counts people is those people; counted fewer, past the
   headline, it is a part of the headline's toll. A toll dated by a part of a month ("in
   early October") is one attack's, recalled, not the month's period total; a part larger
   than every other count of its metric in its report is a total (a part is never more than
   the whole); a period total its report also gives as a plain total past the headline is
   that total (a day's battle, told once "in 24 hours" and once without). The other tolls
   of sentences that break a lead's toll down place by place are those places' parts.
5. Running totals ("since 2011") form series per country, metric, unit and kind of victims:
   a new figure starts after SERIES_GAP_DAYS without a report (the toll at another time),
   unless the sentences on either side of the gap tell another series beside it that runs on
   through it (the wounded told beside the dead, whose toll was reported in between). A
   span that measures a superlative between it and the toll ("killed 40, the first report
   of civilian deaths since the offensive began") leaves the toll one attack's total.
6. Grouping runs per partition (claims.partitions): incidents are linked within one country
   and calendar month of their day, so an ingest regroups only the partitions it reaches,
   and any regroup reads a chunk of partitions at a time. A report dated the first of a
   month whose lead says a source spoke the day before tells that day's story (`_told_on`).

A new figure's id hashes its incident and key; a figure regrouped with more claims keeps the
id of the figure most of its claims were in, so links to it keep working. Re-grouping the
same claims gives the same ids and the same rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import regex
import sqlite_utils

from claims import incidents as inc
from claims import partitions, reprints
from claims.db import claims_fingerprint, is_grouped, mark_grouped, writing
from claims.extraction import places, times
from claims.extraction.lexicon import (
    ARMED_BODIES,
    AROUND_CITY_WORDS,
    ATTACK_MEAN_OF,
    CITY_WORDS,
    COMPASS_POINTS,
    DEMONYMS,
    HOUSEHOLD_NOUNS,
    MONTH_PARTS,
    MONTHS,
    ONE_ATTACK_ARTICLES,
    ONE_ATTACK_GAP,
    ONE_ATTACK_NOUNS,
    PEOPLE_KIND,
    PEOPLE_KINDS,
    PLACE_LIST_WORDS,
    PLAN_MARKERS,
    PROVINCE_WORDS,
    SEPARATE_ATTACK_WORDS,
    SIDE_OF,
    SPAN_SUPERLATIVES,
    TAG_LINE_OPENERS,
    TOLL_COUNT_NOUNS,
    TOLL_LEVEL_VERBS,
    TOLL_REVISION_WORDS,
    TOLL_RISE_VERBS,
    TOLL_STAGE_WORDS,
    kind_of_subject,
)
from claims.extraction.patterns import alternation
from claims.extraction.places import COUNTRY_NAMES
from claims.formats import count_of, format_number
from claims.ids import stable_id
from claims.models import GROUPED_METRICS, METRICS, PEOPLE_METRICS

FORMATS = ("table", "json")
# Runs a function over argument tuples elsewhere and gives back its results in their order
# (claims.cluster.ordered_map): how a regroup's chunks are grouped on Dask workers.
Mapper = Callable[[Callable, Iterable[tuple]], Iterator]
# Claims of one figure are within this factor of each other; further apart is another quantity.
MAGNITUDE = 10
# Metrics named by what befell the people they count, so a label reads "Civilians killed";
# the other metrics are nouns ("Fighters", "Control").
PARTICIPLES = frozenset({
    "killed", "wounded", "missing", "evacuated", "displaced", "arrested", "kidnapped",
    "released", "besieged", "affected",
})
# A kind of people that is a metric's own: "fighters" counts combatants.
METRIC_OF_KIND = {"combatants": "fighters"}
# Metrics that measure their place itself, so the place says what they count: the share of
# a town held by one side, the area burnt.
PLACE_MEASURES = frozenset({"control", "area"})
# One article giving two values of one figure this many times apart (or more) gives two
# quantities: a day's total and one strike's, a province's and a town's.
TWO_QUANTITIES = 2
# A running total not reported for this many days is reported anew as another figure.
SERIES_GAP_DAYS = 21

# Tolls: the extractor calls a count killed or wounded only when it counts people, so a
# noun it has no kind for ("medics", "evacuees") still counts people.
TOLL_METRICS = frozenset({"killed", "wounded", "casualties"})
# Metrics whose claims are never figures: ages, durations, distances and bare counts mean
# nothing side by side (claims.models.METRIC_TABLE says which).
UNGROUPED_METRICS = frozenset(METRICS) - GROUPED_METRICS
# Head nouns of a claim's subject, by the kind of people they count: the extractor's own
# table (claims.extraction.lexicon), so a noun it counts as people is grouped by its kind.
SUBJECT_KINDS: dict[str, str] = PEOPLE_KIND
COMBATANTS = SUBJECT_KINDS["fighters"]
# The dead of a battle counted on both sides at once ("70 regime and rebel fighters"): the
# battle's toll, not either side's.
BOTH_SIDES = f"{COMBATANTS} of both sides"
SIDES = frozenset(SIDE_OF.values())


def subject_kind(subject: str | None, unit: str | None) -> str:
    """The kind of thing counted: the first word of the subject we know, else the subject."""
    if not subject:
        return "people" if unit in (None, "people") else unit
    return kind_of_subject(subject)


def _named_group(metric: str, subject: str | None) -> bool:
    """Whether a toll counts a named group of people ("Lebanese pilgrims", "Red Crescent
    volunteers", "evacuees"), not people in general nor a class such as civilians: its head
    noun, a plural, is no word of PEOPLE_KINDS nor a household ("six families")."""
    words = (subject or "").lower().split()
    return (metric in TOLL_METRICS and bool(words) and words[-1].endswith("s")
            and words[-1] not in HOUSEHOLD_NOUNS and kind_of_subject(subject) not in PEOPLE_KINDS)


# A count told as planned: its words (lexicon.PLAN_MARKERS) within PLAN_REACH before it or
# after it in its clause. The kind of what it counts then ends with PLANNED, so a deal's
# 30,000 evacuees are no rival of the 5,000 a convoy carried.
PLAN_RE = regex.compile(rf"(?i)\b(?:{alternation(PLAN_MARKERS)})\b")
PLAN_REACH = 40
# Where a clause ends: a comma or semicolon before a space, not the comma of "30,000".
CLAUSE_BREAK_RE = regex.compile(r"[,;]\s")
PLANNED = ", planned"


def _told_as_planned(sentence: str | None, at: int) -> bool:
    """Whether the words right around a count at `at` in its sentence tell it as planned
    ("is set to see more than 30,000 people evacuated"), in its own clause."""
    if not sentence:
        return False
    before = CLAUSE_BREAK_RE.split(sentence[max(0, at - PLAN_REACH):at])[-1]
    after = CLAUSE_BREAK_RE.split(sentence[at:at + PLAN_REACH], 1)[0]
    return PLAN_RE.search(before) is not None or PLAN_RE.search(after) is not None


def _unit(metric: str, unit: str | None) -> str | None:
    """The unit a claim is compared in: a count of the killed or the wounded counts people,
    whatever noun the extractor read as counted ("five pro-regime forces")."""
    return "people" if metric in PEOPLE_METRICS and unit in (None, "items") else unit


def _side(subject: str | None) -> str:
    """The side the counted combatants fought on, when their words name one and only one
    ("regime soldiers", "rebel fighters"); both sides when they name two ("regime and rebel
    fighters"); else combatants of either side."""
    words = (subject or "").lower().split()
    sides = {SIDE_OF[w] for w in words if w in SIDE_OF}
    if len(sides) > 1:
        return BOTH_SIDES if "and" in words else COMBATANTS
    return sides.pop() if sides else COMBATANTS


def _counted(metric: str, unit: str | None, subject: str | None) -> str | None:
    """What a claim counts, for grouping: the kind of people for a metric that counts people
    (a noun that names no kind of people, "Tags" or "medical", counts people: the killed
    and the wounded are people), else the counted noun (a money amount with no noun says
    nothing of what it pays for). The killed of "five pro-government forces" are
    combatants; things the extractor counted ("two transit points") are no one's figure."""
    if metric in PEOPLE_METRICS or unit == "people":
        kind = subject_kind(subject, unit)
        if kind in ARMED_BODIES and metric in PEOPLE_METRICS:
            kind = SUBJECT_KINDS["fighters"]
        if kind == COMBATANTS:
            return _side(subject)
        if (unit == "items" and subject and kind not in SUBJECT_KINDS.values()
                and metric not in TOLL_METRICS):
            return None  # "two transit points" near an evacuation counts no one evacuated
        return kind if kind in SUBJECT_KINDS.values() else "people"
    if metric in PLACE_MEASURES:
        return metric
    return subject.lower().split()[-1] if subject else None


def _kind(metric: str, unit: str | None, subject: str | None, sentence: str | None,
          at: int) -> str:
    """What a claim counts (`_counted`), marked PLANNED when it is no toll and its words
    tell it as planned, not done."""
    kind = _counted(metric, unit, subject) or ""
    if kind and metric not in TOLL_METRICS and _told_as_planned(sentence, at):
        return kind + PLANNED
    return kind


# Every claim grouping looks at, article by article, with the top of its text for the date
# line. Vague amounts and metrics never compared are left out.
GROUPED_SQL = """
    SELECT c.id, c.article_id, c.outlet_id, c.start, c.sentence_start, c.place, c.region,
           c.country, c.place_text, c.sentence, c.date, c.date_text, c.published, c.role,
           c.metric, c.unit, c.subject, c.value, c.latitude, c.longitude, c.figure_id,
           substr(v.text, 1, 400) AS top, c.incident_id, c.source_id
    FROM claims c JOIN article_versions v ON v.id = c.version_id
    WHERE coalesce(c.is_current, 1) AND NOT coalesce(c.vague, 0) AND c.value IS NOT NULL
      AND c.metric NOT IN ({marks}) {only}
    ORDER BY c.article_id, c.start
"""


# Columns of GROUPED_SQL whose values repeat from claim to claim (article, outlet, places,
# role, metric, unit, figure, incident): interned (`_shared`), a chunk of mentions holds
# each value once.
SHARED_COLUMNS = (1, 2, 5, 6, 7, 13, 14, 15, 20, 22, 23)


def _shared(record: tuple) -> tuple:
    """A claim's row with its repeated strings interned (SHARED_COLUMNS)."""
    values = list(record)
    for i in SHARED_COLUMNS:
        if values[i] is not None:
            values[i] = sys.intern(values[i])
    return tuple(values)


UPDATE_RE = regex.compile(
    rf"(?i)\btoll\b[^.;\n]{{0,100}}?\b(?:{alternation(TOLL_LEVEL_VERBS)})\s+to\b")


# How far before a day its reporting verb may start (times.TOLD_RE).
SAID_REACH = 40


def _said_on(sentence: str | None, date_text: str) -> bool:
    """Whether a sentence gives its date to the telling, not the event: "killed Saturday ...
    the Observatory said on Sunday" is the toll of Saturday's attack as told on Sunday."""
    if not sentence:
        return False
    text, day = sentence.lower(), date_text.lower().removeprefix("on ")
    at = text.find(day)
    while at >= 0:
        if times.TOLD_RE.search(text, max(0, at - SAID_REACH), at):
            return True
        at = text.find(day, at + 1)
    return False


STAGE_RE = regex.compile(
    rf"(?i)\b(?:{alternation(TOLL_STAGE_WORDS)})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{alternation(TOLL_COUNT_NOUNS)})\b|\b(?:{alternation(TOLL_REVISION_WORDS)})\b")
# A headline or lead on a toll that grows: "Death toll mounts after bomb blast".
RISING_RE = regex.compile(rf"(?i)\btoll\b[^.;\n]{{0,60}}?\b(?:{alternation(TOLL_RISE_VERBS)})\b")


@functools.lru_cache(maxsize=4096)
def _staged(sentence: str | None) -> bool:
    """Whether a sentence tells its toll as one stage of a count that changed ("updating a
    previous toll of 112", "the toll rose to 27"): one article may then give two values of
    one quantity."""
    return bool(sentence) and (_updated(sentence) or STAGE_RE.search(sentence) is not None)


def _explicit(date_text: str | None) -> bool:
    """Whether a date as written stands on its own ("on April 4", "in 2016"), not read against
    a publication date that a date line may show to be wrong ("on Tuesday")."""
    if not date_text:
        return False
    words = date_text.lower().replace(",", " ").split()
    return any(w.isdigit() or w.rstrip(".") in MONTHS for w in words)


def _updated(sentence: str | None) -> bool:
    """Whether a sentence raises a toll to a new count ("the toll rose to 27 on Monday",
    lexicon.TOLL_LEVEL_VERBS): its day is the count's, not the day of the incident counted."""
    return bool(sentence) and UPDATE_RE.search(sentence) is not None


def _mention(record: tuple, trusted: bool, line: dt.date | None = None) -> inc.Mention:
    """One claim as incidents see it; `line` is its article's date line (`times.dateline`)."""
    (cid, article_id, outlet_id, start, sentence_start, place, region, country, place_text,
     sentence, date, date_text, _, role, metric, unit, subject, value, lat, lon, figure_id,
     top, _, source) = record
    day = inc._iso_day(date)
    role = _recalled_role(role, date, date_text)
    if role == "running" and metric in TOLL_METRICS and _superlative_span(
            sentence, start - sentence_start, date_text):
        role = "total"
    said = (day is not None and date_text is not None and not _updated(sentence)
            and not _said_on(sentence, date_text) and not _date_line(day, date_text, line, top))
    # a weekday read from the text's own date line as that very day ("Published September 23
    # ... on Friday") holds whatever the feed's date says
    explicit = said and (trusted or _explicit(date_text) or day == line)
    return inc.Mention(
        id=cid, article_id=article_id, outlet_id=outlet_id, start=start,
        lead=sentence_start < inc.LEAD_CHARS, place=inc.place_of(place, region, country),
        own_place=_names(sentence, place_text, _after_tags(sentence, start - sentence_start)),
        attacker=bool(country and place in (None, country) and _struck_by(sentence, country)),
        day=day if explicit else None, explicit_day=explicit, role=role or "total",
        metric=metric, unit=_unit(metric, unit),
        kind=_kind(metric, unit, subject, sentence, start - sentence_start),
        value=value,
        latitude=lat, longitude=lon, figure_id=figure_id, sentence=sentence or "",
        staged=_staged(sentence), stage_said=_staged(sentence), source=source,
        sentence_start=sentence_start,
        span=None if day or role not in ("total", "part") else _span(date, date_text),
        group=_named_group(metric, subject),
        province=_province(sentence, place_text),
        city=bool(place and region and place != region and _city(sentence, place_text)),
        written=explicit and _explicit(date_text),
        several=bool(country and place == country
                     and (_listed(place_text) or _separate(sentence))),
        said=day if said else None,
        since=series_start(date_text, sentence) if role == "running" else "",
    )


@functools.lru_cache(maxsize=4096)
def _names(sentence: str | None, place_text: str | None, skip: int = 0) -> bool:
    """Whether a claim's sentence writes its place's name as a word of its own: "Israeli
    air strikes" name who struck, not Israel as where; names in its first `skip`
    characters (a page's Tags line: `_after_tags`) do not count."""
    if not (place_text and sentence):
        return False
    at = sentence.find(place_text, skip)
    while at >= 0:
        end = at + len(place_text)
        if not (at and sentence[at - 1].isalnum()) and not (
                end < len(sentence) and sentence[end].isalnum()):
            return True
        at = sentence.find(place_text, at + 1)
    return False


# A province word right after a place's name ("Idlib province"), or "province of" right
# before it, with a list's first name between ("the provinces of Hama and Idlib").
PROVINCE_AFTER_RE = regex.compile(
    rf"(?i)\s+(?:(?:{alternation(AROUND_CITY_WORDS)})\s+)?(?:{alternation(PROVINCE_WORDS)})\b"
)
PROVINCE_BEFORE_RE = regex.compile(
    rf"(?i)\b(?:{alternation(PROVINCE_WORDS)})\s+of\s+(?:[\p{{L}}-]+\s+(?:and|or)\s+)?$")
# How far before a place's name "the province of" may start.
PROVINCE_REACH = 40
# A city word right after a place's name ("Deir ez-Zor city"), or "city of" right before it.
CITY_AFTER_RE = regex.compile(rf"(?i)\s+(?:{alternation(CITY_WORDS)})\b")
CITY_BEFORE_RE = regex.compile(rf"(?i)\b(?:{alternation(CITY_WORDS)})\s+of\s+$")
# One attack named, by an article or as the one told of: "a gas attack", "the attack".
ONE_ATTACK_RE = regex.compile(
    rf"(?i)\b(?:{alternation((*ONE_ATTACK_ARTICLES, 'the'))})\s+"
    rf"(?:(?!of\b)[\w-]+\s+){{0,{ONE_ATTACK_GAP}}}?(?:{alternation(ONE_ATTACK_NOUNS)})\b(?!\s+of\b)")


def _named_as(sentence: str | None, place_text: str | None, words: tuple[str, ...],
              after: regex.Pattern, before: regex.Pattern) -> bool:
    """Whether a sentence names a claim's place with one of `words` next to its name: right
    after it (`after`: "Idlib province", "Deir ez-Zor city") or before it (`before`: "the
    province of Idlib", "the eastern city of Deir el-Zour")."""
    if not (place_text and sentence) or not any(w in sentence.lower() for w in words):
        return False
    at = sentence.find(place_text)
    while at >= 0:
        if (after.match(sentence, at + len(place_text))
                or before.search(sentence, max(0, at - PROVINCE_REACH), at)):
            return True
        at = sentence.find(place_text, at + 1)
    return False


@functools.lru_cache(maxsize=4096)
def _province(sentence: str | None, place_text: str | None) -> bool:
    """Whether a claim's sentence gives its toll for a province, its place called one next
    to its name ("in Idlib province", "the western province of Idlib") and no one attack
    named ("air strikes killed 39 in Idlib province", not "a gas attack killed 58 in the
    province of Idlib")."""
    return (_named_as(sentence, place_text, PROVINCE_WORDS, PROVINCE_AFTER_RE,
                      PROVINCE_BEFORE_RE)
            and ONE_ATTACK_RE.search(sentence) is None)


@functools.lru_cache(maxsize=4096)
def _city(sentence: str | None, place_text: str | None) -> bool:
    """Whether a claim's sentence calls its place a city next to its name ("in Deir ez-Zor
    city", "the eastern city of Deir el-Zour"): a province's namesake so called is the town,
    not the province it names."""
    return _named_as(sentence, place_text, CITY_WORDS, CITY_AFTER_RE, CITY_BEFORE_RE)


TAGS_RE = regex.compile(rf"\b(?:{alternation(TAG_LINE_OPENERS)})\b")


def _after_tags(sentence: str | None, offset: int) -> int:
    """Where a claim's own words may name its place in a sentence with a page's Tags line
    before it ("Tags Syria Idlib airstrike Homs bombing At least 18 civilians were killed
    ..."): after the tags, which run on into the sentence up to the claim, so from the
    claim on; 0 in any other sentence."""
    return offset if sentence and offset > 0 and TAGS_RE.search(sentence, 0, offset) else 0


PLACE_LIST_RE = regex.compile(rf"\s(?:{alternation(PLACE_LIST_WORDS)})\s|,")


def _listed(place_text: str | None) -> bool:
    """Whether a claim's place is written as a list of places ("Hama and Idlib")."""
    return bool(place_text) and PLACE_LIST_RE.search(place_text) is not None


def _adjectives() -> dict[str, list[str]]:
    """The adjectives of each country by its name ("Israel": ["Israeli"])."""
    found: dict[str, list[str]] = defaultdict(list)
    for adjective, code in DEMONYMS.items():
        found[COUNTRY_NAMES.get(code, code)].append(adjective)
    return found


# The adjectives of each country by its name, for `_struck_by`.
ADJECTIVES = _adjectives()
# The words of an attack an adjective may come before ("air strike", "raids", "shelling").
ATTACK_RE = rf"(?:air\s+)?(?:{alternation(ATTACK_MEAN_OF)}|strikes?)"


# A toll told as the sum of several attacks: "separate air raids", "three separate clashes".
SEPARATE_RE = regex.compile(
    rf"(?i)\b(?:{alternation(SEPARATE_ATTACK_WORDS)})\s+(?:[\p{{L}}-]+\s+)?{ATTACK_RE}\b"
    rf"|\bin\s+the\s+{alternation(COMPASS_POINTS)}\s+and\s+(?:the\s+)?"
    rf"{alternation(COMPASS_POINTS)}\b")


@functools.lru_cache(maxsize=4096)
def _separate(sentence: str | None) -> bool:
    """Whether a sentence tells its toll as several attacks' ("Separate air raids in northern
    Syria killed 25 civilians", "killed 21 in the south and northeast of the country"): a
    country's sum of them is no one attack's."""
    return bool(sentence) and SEPARATE_RE.search(sentence) is not None


@functools.lru_cache(maxsize=4096)
def _struck_by(sentence: str | None, country: str) -> bool:
    """Whether a sentence names a country as who struck, its adjective before the means of
    attack ("an Israeli air strike", "Russian and regime warplanes"): the attacker, not
    where the attack was."""
    pattern = _attacker_re(country)
    return bool(sentence and pattern and pattern.search(sentence))


@functools.lru_cache(maxsize=256)
def _attacker_re(country: str) -> regex.Pattern | None:
    """A country's adjective before the means of attack, compiled once per country."""
    adjectives = ADJECTIVES.get(country)
    if not adjectives:
        return None
    return regex.compile(rf"\b(?:{alternation(adjectives)})(?:\s+[\p{{L}}-]+){{0,2}}?\s+"
                         rf"{ATTACK_RE}\b", regex.IGNORECASE)


def _recalled_role(role: str | None, date: str | None, date_text: str | None) -> str | None:
    """A toll dated by a part of a month ("in early October four suicide bombers ... killing
    15") is one attack's, recalled by when in the month it was: a total, not the month's
    period total ("in May 60 civilians were killed")."""
    if role != "period" or not date or len(date) != 7 or not date_text:
        return role
    first = date_text.lower().split()[0].rstrip("-")
    return "total" if first in MONTH_PARTS else role


# "the" and a superlative or ordinal that a span after it may measure (SPAN_SUPERLATIVES).
SUPERLATIVE_RE = regex.compile(rf"(?i)\bthe\s+(?:{alternation(SPAN_SUPERLATIVES)})\b")


def _superlative_span(sentence: str | None, offset: int, date_text: str | None) -> bool:
    """Whether a running total's span measures a superlative between it and the toll, not
    the toll: "killed 72 people ... the latest atrocity in the civil war", "40 civilians
    were killed ..., the first report of civilian deaths since the operation began" are one
    attack's tolls; "has killed 400,000 since 2011" stays running."""
    span = (date_text or "").split("; ")[-1]
    at = sentence.find(span, offset) if sentence and span else -1
    return at >= 0 and SUPERLATIVE_RE.search(sentence, offset, at) is not None


def _span(date: str | None, date_text: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a week ("2017-W14") or a month ("2017-10") a claim is dated
    by, only its Saturday and Sunday when its words name the weekend ("over the weekend",
    times.PERIODS); None for a day, a year or no date."""
    if not date or len(date) not in (7, 8):
        return None
    try:
        if "-W" in date:
            year, week = date.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            if times.WEEKEND in (date_text or "").lower():
                first += dt.timedelta(days=times.SATURDAY)
            return first, dt.date.fromisocalendar(int(year), int(week), 7)
        first = dt.date.fromisoformat(f"{date}-01")
    except ValueError:
        return None
    return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


def _date_line(day: dt.date, date_text: str, line: dt.date | None, top: str | None) -> bool:
    """Whether a claim's date is its article's date line ("Mon Aug 29 2016 40 civilians
    killed ...", written with its digits, not a weekday near it): the day the story is told,
    which for a night's or yesterday's attack is the day after it, not a day the text states
    for the attack."""
    return (day == line and any(c.isdigit() for c in date_text)
            and date_text in (top or "")[:times.DATELINE_CHARS])


def _articles(db: sqlite_utils.Database, scope: partitions.Scope | None = None):
    """(claims, day, lead words, current incidents) of each article with claims grouping
    reads (those of the scope's articles): its day is the date line at the top of its text,
    else its publication date."""
    marks = ", ".join("?" * len(UNGROUPED_METRICS))
    only = partitions.articles_clause(db, scope)
    cursor = db.execute(GROUPED_SQL.format(marks=marks, only=only), sorted(UNGROUPED_METRICS))
    batch: list[tuple] = []
    for record in map(_shared, cursor):
        if batch and record[1] != batch[0][1]:
            yield _article(batch)
            batch = []
        batch.append(record)
    if batch:
        yield _article(batch)


def _article(records: list[tuple]) -> tuple[list[inc.Mention], dt.date | None,
                                             frozenset[str], dict]:
    """One article's claims as mentions, its day, its lead's words and the current incident
    of each of its claims that has one."""
    published = inc._iso_day(records[0][12])
    line = times.dateline(records[0][21])
    trusted = line is None or published is None or abs((line - published).days) <= 2
    mentions = [_mention(r, trusted, line) for r in records]
    _stage_values(mentions, RISING_RE.search(records[0][21] or "") is not None)
    _province_totals(mentions)
    _breakdowns(mentions)
    _spans_told_as_totals(mentions)
    _headline_spans(mentions)
    _named_groups(mentions)
    _parts_above_totals(mentions)
    _attackers(mentions)
    return (mentions, _told_on(records, line or published), inc.lead_words(records[0][21]),
            {r[0]: r[22] for r in records if r[22]})


def _told_on(records: list[tuple], day: dt.date | None) -> dt.date | None:
    """The day an article's story was told, when its date line or publication is the first
    of a month: the day before, the last of the month before, when its lead says a source
    spoke then ("Last updated Jul 01 ... a monitor said Thursday", Thursday being June 30).
    Linking allows a report dated the morning after its story a day's slack (LINK_DAYS), but
    partitions (claims.partitions) are cut at months' ends, where no slack reaches; else
    `day`."""
    if day is None or day.day > inc.LINK_DAYS:
        return day
    before = day - dt.timedelta(days=inc.LINK_DAYS)
    for r in records:
        sentence_start, sentence, date, date_text = r[4], r[9], r[10], r[11]
        if (sentence_start < inc.LEAD_CHARS and date_text and inc._iso_day(date) == before
                and _said_on(sentence, date_text)):
            return before
    return day


def _parts_above_totals(mentions: list[inc.Mention]) -> None:
    """Read a part larger than every other count of its metric in its report (totals,
    periods, running totals) as a total: "25 were wounded ... the initial toll also included
    55 injured" gives the wounded twice, as two stages or sources count them; a part is never
    more than the whole."""
    for m in mentions:
        if m.role != "part":
            continue
        wholes = [t.value for t in mentions if t.role != "part" and t.metric == m.metric]
        if wholes and max(wholes) < m.value:
            m.role = "total"


def _province_totals(mentions: list[inc.Mention]) -> None:
    """Read a toll a report gives for a whole province ("39 killed in Idlib province on
    Sunday", "in Aleppo and the surrounding province") as that province's period total when
    the report also gives a smaller toll of the same dead in it ("36 killed in the attack")
    or a part of it, whoever the part counts ("those killed included 12 aid workers who died
    in a raid on a convoy"): the province's sum of the day, not the attack's toll."""
    totals = [m for m in mentions if m.role == "total" and m.metric in TOLL_METRICS]
    parts = [m for m in mentions if m.role == "part" and m.metric in TOLL_METRICS]
    for m in totals:
        if m.province and m.place and any(
                t.metric == m.metric and t.value < m.value and not t.province and t.place
                and inc._within(t.place, m.place)
                and (t.kind == m.kind if t.role == "total" else _one_attack_apart(t, m))
                for t in totals + parts):
            m.role = "period"


def _one_attack_apart(part: inc.Mention, total: inc.Mention) -> bool:
    """Whether a part of a province's toll is told in a sentence of its own that names one
    attack ("those killed included 12 aid workers who died in a raid on a convoy"): one
    attack's dead among the province's, not the toll's own breakdown ("11 civilians
    including two children were killed in an air strike")."""
    return (part.sentence_start != total.sentence_start
            and ONE_ATTACK_RE.search(part.sentence) is not None)


def _breakdowns(mentions: list[inc.Mention]) -> None:
    """Read the counts of one sentence that add up to a total its report gives in another
    ("85 troops killed" and "more than 50 troops were executed, 19 more were killed in a
    suicide attack and at least 16 others died") as that total's breakdown: its parts."""
    by_sentence: dict[tuple, list[inc.Mention]] = defaultdict(list)
    for m in mentions:
        if m.role in ("total", "update") and m.metric in TOLL_METRICS:
            by_sentence[m.sentence_start, m.metric].append(m)
    for (start, metric), counts in by_sentence.items():
        whole = sum(m.value for m in counts)
        if len(counts) > 1 and any(
                t.role == "total" and t.metric == metric and t.sentence_start != start
                and t.value == whole for t in mentions):
            for m in counts:
                m.role = "part"
    _lead_breakdowns(mentions)


def _lead_breakdowns(mentions: list[inc.Mention]) -> None:
    """Read every count past the lead, of one metric, as a part of the lead's total when
    they add up to it ("rebel fire killed 14" and, further on, "13 in Hamdaniyeh" and "one
    person in another neighbourhood"): the report tells its toll place by place, so the
    other tolls of those sentences are those places' too (`_placewise`)."""
    for t in [m for m in mentions if m.lead and m.role == "total" and m.metric in TOLL_METRICS]:
        later = [m for m in mentions if not m.lead and m.role in ("total", "update")
                 and m.metric == t.metric]
        if len(later) > 1 and sum(m.value for m in later) == t.value:
            for m in later:
                m.role = "part"
            _placewise(mentions, {m.sentence_start for m in later})


def _placewise(mentions: list[inc.Mention], sentences: set[int]) -> None:
    """Read the tolls of other metrics in the sentences that break a lead's toll down place
    by place as parts too: "killed 13 people and wounded 25 others" in one district is that
    district's share of the wounded, not a rival count of the whole attack's."""
    for m in mentions:
        if m.sentence_start in sentences and m.role == "total" and m.metric in TOLL_METRICS:
            m.role = "part"


def _attackers(mentions: list[inc.Mention]) -> None:
    """Keep a claim's place as the country that struck ("an Israeli air strike on a village
    killed five") only when the report places its other claims in another country (the
    village's): that country is then where, and this one who; a report on one country's
    own forces ("Syrian regime air strikes killed 47 in the east") is placed as it says."""
    countries = {m.place.country for m in mentions if m.place and not m.attacker}
    for m in mentions:
        if m.attacker and countries - {m.place.country}:
            m.own_place = False
        else:
            m.attacker = False


def _spans_told_as_totals(mentions: list[inc.Mention]) -> None:
    """Read a period total that its report also gives, past the headline and without the
    span, as a total of the same metric and kind ("At least 70 fighters have been killed in
    24 hours of battle" and "70 fighters have been killed in the past 24 hours") as that
    total: the span is the attack's own (a day's battle, a fortnight's executions), not a
    longer stretch around it. A headline's toll told over a period stays that period's
    (`_headline_spans`)."""
    plain = {(m.metric, m.kind, m.value) for m in mentions
             if m.role == "total" and m.sentence_start and m.metric in TOLL_METRICS}
    for m in mentions:
        if m.role == "period" and (m.metric, m.kind, m.value) in plain:
            m.role = "total"


def _headline_spans(mentions: list[inc.Mention]) -> None:
    """Give a headline's toll the role its text gives the same toll: "79 civilians killed by
    air strikes" over a report of "79 civilians killed ... over the last 48 hours" is that
    period's total, not one strike's; "40 terrorists killed in latest offensive" over
    "approximately 40 more terrorists were killed" is that update."""
    told = {(m.metric, m.kind, m.value): m.role for m in mentions
            if m.role in ("period", "update")}
    for m in mentions:
        if m.sentence_start == 0 and m.role == "total":
            m.role = told.get((m.metric, m.kind, m.value), m.role)


def _named_groups(mentions: list[inc.Mention]) -> None:
    """Read a report's counts of a named group against its headline's or lead's count of
    people: the same number in both is one toll ("Six Lebanese pilgrims killed" over "at
    least six people were killed": the pilgrims are the dead); a smaller one past the
    headline is a part of the headline's ("At least 126 killed" and "98 evacuees")."""
    people = [m for m in mentions
              if m.role == "total" and m.kind == "people" and not m.group and m.lead]
    for m in mentions:
        if not (m.group and m.role == "total"):
            continue
        if m.lead and m.value in {p.value for p in people if p.metric == m.metric}:
            m.kind = "people"
        elif m.sentence_start and any(
                p.metric == m.metric and not p.sentence_start
                and m.value < p.value < TWO_QUANTITIES * m.value for p in people):
            m.role = "part"


def _stage_values(mentions: list[inc.Mention], rising: bool) -> None:
    """Mark as a stage of a changing count every claim of an article with the value of one
    its text tells as such ("Over 20 dead" in a report that says "the previous death toll
    was 20" is that earlier toll), and every claim of a report whose headline or lead says
    the toll is rising (`rising`): "Death toll mounts after bomb blast" gives the count as
    it grew."""
    stages = {(m.metric, m.value) for m in mentions if m.staged}
    for m in mentions:
        m.staged = rising or m.staged or (m.metric, m.value) in stages


def _bands(mentions: list[inc.Mention]) -> list[list[inc.Mention]]:
    """Split sorted values at their widest gap (as a ratio) until no band holds a value more
    than MAGNITUDE times its smallest: a town's fuel price and its fuel subsidy share metric,
    unit and days, but are not one quantity reported twice, and neither are 3 dead in one
    strike and 36 in the market raid reported beside it; a toll rising 3, 12, 20, 29 stays
    one figure. Bands never chain: 6, 20, 100 are two. A band also splits between two
    values one article gives as two quantities (`_told_apart`), at the widest gap between
    them. Parts among `mentions` only tell where to split; the bands hold the rest."""
    ordered = sorted(mentions, key=lambda m: (m.value, m.id))
    whole = [n for n, m in enumerate(ordered) if m.role != "part"]
    if len(whole) < 2:
        return [[ordered[n] for n in whole]] if whole else []
    low, high = whole[0], whole[-1]
    if ordered[high].value <= MAGNITUDE * max(ordered[low].value, 1e-9):
        apart = _told_apart(ordered)
        if apart is None:
            return [[ordered[n] for n in whole]]
        low, high = apart
    gap = max(range(low + 1, high + 1),
              key=lambda n: (ordered[n].value / max(ordered[n - 1].value, 1e-9), -n))
    return _bands(ordered[:gap]) + _bands(ordered[gap:])


def _told_apart(ordered: list[inc.Mention]) -> tuple[int, int] | None:
    """The positions (in `ordered`, sorted by value) of the farthest apart two values that
    one article gives as two quantities (`_two_quantities`), or None. "31 killed in and
    around Aleppo" and "10 when their bus was hit" in one report are the day's total and one
    strike's; "126, updating a previous toll of 112" is one toll."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(ordered):
        by_article[m.article_id].append(n)
    pairs = [pair for positions in by_article.values() if len(positions) > 1
             for pair in _two_quantities(ordered, positions)]
    return max(pairs, key=lambda p: (ordered[p[1]].value / max(ordered[p[0]].value, 1e-9),
                                     -p[0]), default=None)


def _two_quantities(ordered: list[inc.Mention], positions: list[int]) -> list[tuple[int, int]]:
    """The pairs of one article's values (at `positions` in `ordered`) it gives as two
    quantities (`_as_two`), TWO_QUANTITIES times apart or more, or as two days' tolls
    (`_two_days`). A part beside its total counts: "31 killed, including 10 when their bus
    was hit" tells that another report's 10 is the bus's toll, not the day's."""
    return [(a, b) for i, a in enumerate(positions) for b in positions[i + 1:]
            if (ordered[b].value >= TWO_QUANTITIES * max(ordered[a].value, 1e-9)
                and _as_two(ordered[a], ordered[b]))
            or _two_days(ordered[a], ordered[b]) or _two_places(ordered[a], ordered[b])]


def _two_places(a: inc.Mention, b: inc.Mention) -> bool:
    """Whether one article gives two totals as two places' tolls: each sentence names its own
    place, the places differ, and so do the values ("some 40 fighters around Albu Kamal",
    "up to 80 in the area of Mayadin"); a headline's place is the lead's, told coarser, so
    only two towns count there."""
    if not (a.role == b.role == "total" and a.own_place and b.own_place and a.place
            and b.place and a.value != b.value and a.place.name != b.place.name):
        return False
    levels = {a.place.level, b.place.level}
    if "country" in levels:
        return False
    return levels == {"town"} or bool(a.sentence_start and b.sentence_start)


def _two_days(a: inc.Mention, b: inc.Mention) -> bool:
    """Whether one article gives two totals as two days' tolls however close their values:
    each sentence states its own day and the days differ ("12 injured on Tuesday", "16
    injured on Wednesday"), which a sentence raising a count to a new level does not
    (`_updated`): a headline's "death toll rises" does not make Wednesday's 15 Tuesday's;
    nor does one that tells its count as a stage of it ("killed 32, updating an earlier
    toll on Sunday of 15"), whose day may be the earlier stage's."""
    return (a.role == b.role == "total" and a.said is not None and b.said is not None
            and a.said != b.said and a.value != b.value
            and not (a.stage_said or b.stage_said))


def _as_two(a: inc.Mention, b: inc.Mention) -> bool:
    """Whether one article gives two of its values as two quantities: a part beside a total
    (in the total's own sentence, "a revised toll of 31, including 10 on a bus"; or not told
    as a stage of the count, as "the initial toll also included 55 injured" is), or two
    totals told apart (`_told_as_two`)."""
    roles = {a.role, b.role}
    if roles == {"part", "total"}:
        part = a if a.role == "part" else b
        return a.sentence_start == b.sentence_start or not part.staged
    return roles == {"total"} and _told_as_two(a, b)


def _told_as_two(a: inc.Mention, b: inc.Mention) -> bool:
    """Whether two totals of one article are two quantities: neither told as a stage of a
    changing count (`_stage_values`), not in one sentence (the ends of a range, "from about
    500 to some 1,300"), and not two sources' counts ("a medical source said 32 ... the
    Islamic State said 40")."""
    return (not a.staged and not b.staged and a.sentence_start != b.sentence_start
            and not _other_sources(a, b))


def _other_sources(a: inc.Mention, b: inc.Mention) -> bool:
    """Whether two claims are credited to two different named sources (as the extractor
    resolved them; a descriptor such as "a monitor" in a headline names none)."""
    return bool(a.source and b.source and a.source != b.source)


def _incident_figures(head: inc.Incident, row: dict, roots: dict[str, str]) -> list[dict]:
    """The figures of one linked incident: its totals by metric, unit and what they count."""
    by_key: dict[tuple, list[inc.Mention]] = defaultdict(list)
    for m in inc.members(head):
        if m.role in ("total", "part") and m.kind:
            by_key[m.metric, m.unit, m.kind].append(m)
    _one_side(by_key)
    found = []
    for key in sorted(by_key, key=repr):
        for band in _bands(_without_told_parts(by_key[key])):
            found.append(_figure(key, band, _members_where(row, band), row["id"], roots,
                                 cumulative=False))
    return found


def _members_where(row: dict, members: list[inc.Mention]) -> dict:
    """Where a figure is: its incident's place, unless most of the reports in it name in
    their own sentences a place that neither lies in nor holds the incident's (an attack on
    one village joined to an incident known by a town nearby). Then the place they all lie
    in: their town, region or country; no place is better than a wrong one."""
    incident = inc.Place(row["level"], row["place"], row["region"], row["country"])
    own = [m.place for m in members if m.own_place and m.place is not None]
    away = [p for p in own if not _agrees(p, incident)]
    if 2 * len(away) <= len(own):
        return row
    shared = _shared_place(own)
    if shared is None:
        return row
    return {**row, "place": shared.name, "level": shared.level, "region": shared.region,
            "country": shared.country, "latitude": None, "longitude": None}


def _agrees(place: inc.Place, other: inc.Place) -> bool:
    """Whether two places are one, or one lies in the other, whatever their spelling."""
    return (inc._within(place, other) or inc._within(other, place)
            or (place.level == other.level and place.country == other.country
                and places.spelling_key(place.name) == places.spelling_key(other.name)))


def _shared_place(places: list[inc.Place]) -> inc.Place | None:
    """The most specific place that every one of `places` lies in, or None."""
    first = places[0]
    for wider in (first, inc.place_of(None, first.region, first.country),
                  inc.place_of(None, None, first.country)):
        if wider is not None and all(inc._within(p, wider) for p in places):
            return wider
    return None


def _without_told_parts(mentions: list[inc.Mention]) -> list[inc.Mention]:
    """An incident's counts of one key less the totals that another report gives as a part
    of its own total, in that total's sentence ("21 killed, 15 in the town and six in a
    village" beside "15 killed in the town"): that part's toll, not a rival count of the
    whole."""
    totals = {(m.article_id, m.sentence_start): m.value for m in mentions if m.role == "total"}
    told = {(m.value, m.article_id) for m in mentions if m.role == "part"
            and totals.get((m.article_id, m.sentence_start), 0) > m.value}
    return [m for m in mentions if m.role != "total" or not any(
        value == m.value and article != m.article_id for value, article in told)]


def _one_side(by_key: dict[tuple, list[inc.Mention]]) -> None:
    """Count an incident's "fighters" with the one side its reports name, when they name only
    one: "50 opposition fighters" and "nearly 50 rebels" are one toll; with both sides named,
    "fighters" stay apart from either."""
    for metric, unit, kind in [k for k in by_key if k[2] == COMBATANTS]:
        sides = {k[2] for k in by_key if k[:2] == (metric, unit) and k[2] in SIDES}
        if len(sides) == 1:
            by_key[metric, unit, sides.pop()] += by_key.pop((metric, unit, kind))


def _series(running: list[inc.Mention], days: dict[str, dt.date | None],
            roots: dict[str, str]) -> list[dict]:
    """Running totals as series: per place, metric, unit and kind, a figure per stretch
    of reports with no gap over SERIES_GAP_DAYS. The place is the town or region the
    claim's own sentence names ("1,240 in Tarn since October"), else the country: a town's
    toll since the siege began is not the country's since the war began."""
    by_key: dict[tuple, list[inc.Mention]] = defaultdict(list)
    for m in running:
        if key := series_key(m):
            by_key[key].append(m)
    runs = {key: _runs(by_key[key], days) for key in by_key}
    told = _told_beside(runs)
    found = []
    for key in sorted(by_key, key=repr):
        where, *figure_key = key
        row = {"place": where.name, "level": where.level, "region": where.region,
               "country": where.country}
        *figure_key, since = figure_key
        for run in _bridged(key, runs[key], told):
            for band in _bands(run):
                found.append(_figure(tuple(figure_key), band, row, None, roots,
                                     cumulative=True, days=days, since=since))
    return found


def _runs(mentions: list[inc.Mention], days: dict[str, dt.date | None]
          ) -> list[list[inc.Mention]]:
    """One series' reports by day, in stretches with no gap over SERIES_GAP_DAYS."""
    runs: list[list[inc.Mention]] = []
    last_day = None
    for m in sorted(mentions, key=lambda m: (m.day or days[m.article_id] or dt.date.min, m.id)):
        day = m.day or days[m.article_id]
        if runs and day and last_day and (day - last_day).days <= SERIES_GAP_DAYS:
            runs[-1].append(m)
        else:
            runs.append([m])
        last_day = day
    return runs


def _told_beside(runs: dict[tuple, list[list[inc.Mention]]]) -> dict[tuple, set[tuple]]:
    """For each sentence that tells running totals, the stretches they are in: its series'
    key and the stretch's place in that series."""
    told: dict[tuple, set[tuple]] = defaultdict(set)
    for key, stretches in runs.items():
        for n, run in enumerate(stretches):
            for m in run:
                told[m.article_id, m.sentence_start].add((key, n))
    return told


def _bridged(key: tuple, runs: list[list[inc.Mention]], told: dict[tuple, set[tuple]]
             ) -> list[list[inc.Mention]]:
    """A series' stretches, two of them joined when the sentences on either side of their
    gap tell another series of the same place and start beside them, in one stretch of it:
    "killed 230,000 and wounded a million" on 8 July and "killed 220,000, wounded one
    million" on 3 August give the toll of one time when the dead were counted in between,
    however rarely the wounded were."""
    joined = runs[:1]
    for run in runs[1:]:
        before, after = joined[-1][-1], run[0]
        beside = told[after.article_id, after.sentence_start]
        if any(other != key and (other[0], other[-1]) == (key[0], key[-1])
               and (other, n) in beside
               for other, n in told[before.article_id, before.sentence_start]):
            joined[-1] = joined[-1] + run
        else:
            joined.append(run)
    return joined


def series_key(m: inc.Mention) -> tuple | None:
    """The series a running total is in: its place (the town or region its sentence names,
    else its country), metric, unit, kind and start (`series_start`); None when it names no
    country or kind."""
    if not (m.kind and m.place and m.place.country):
        return None
    where = m.place if m.own_place else inc.place_of(None, None, m.place.country)
    return where, m.metric, m.unit, m.kind, m.since


# A running total's span that names the war ("since the conflict began", "the war has
# killed", "since Syria's uprising"); one that names a year, with its month if it has one
# ("since September 2014", "since mid-2012").
WHOLE_WAR_RE = regex.compile(rf"(?i)\b(?:{alternation(times.WHOLE_WAR_NAMES)})\b")
# A span the extractor stopped at the war's owner, whose war it is: "since the start of
# Syria's" (war), "since the beginning of its" (conflict).
WAR_ONSET_RE = regex.compile(
    rf"(?i)^since\s+(?:the\s+)?(?:{alternation(times.ONSET_WORDS)})\s+of\s+"
    rf"(?:{alternation(times.WAR_OWNERS)})$")
START_YEAR_RE = regex.compile(r"\b((?:19|20)\d\d)\b")
START_MONTH_RE = regex.compile(rf"(?i)\b({alternation(MONTHS)})\b")


def series_start(date_text: str | None, sentence: str | None = None) -> str:
    """Where a running total counts from, so that totals since two starts are two series:
    empty for the war's own ("since the war began", a start in a sentence about the war:
    "the civil war, ongoing since 2011", or a start the span does not name: "since then",
    "so far"), else the month or year it names ("2014-09", "2013"), else its words ("since
    the alliance offensive"). The coalition's toll since September 2014 is not the war's."""
    marker = (date_text or "").rsplit(";", 1)[-1].strip()
    if not marker or WHOLE_WAR_RE.search(sentence or marker) or WAR_ONSET_RE.match(marker):
        return ""
    year = START_YEAR_RE.search(marker)
    if year:
        month = START_MONTH_RE.search(marker, 0, year.start())
        return (f"{year.group(1)}-{MONTHS[month.group(1).lower()]:02d}" if month
                else year.group(1))
    return "" if marker.lower() in times.TOTAL_PHRASES else marker[0].lower() + marker[1:]


def _day_text(day: dt.date) -> str:
    """A day as a reader writes it: "4 April 2017"."""
    return f"{day.day} {day:%B %Y}"


def figure_label(metric: str, kind: str, where: dict, days: list[dt.date],
                 cumulative: bool, since: str = "") -> str:
    """A figure's name as a reader would say it: "Civilians killed in Khan Sheikhoun (Idlib
    Governorate), 4 April 2017, chemical attack"; "People killed in Syria, running total,
    July 2015"; "People killed in Syria since September 2014, running total, July 2016"."""
    place, level, region = where["place"], where["level"], where["region"]
    shown = place if level != "town" or not region else f"{place} ({region})"
    kind, planned = kind.removesuffix(PLANNED), kind.endswith(PLANNED)
    if metric in PARTICIPLES:
        what = f"{kind.capitalize()} {metric}"
    elif kind in (metric, "people") or METRIC_OF_KIND.get(kind) == metric:
        what = metric.capitalize()
    else:
        what = f"{metric.capitalize()} ({kind})"
    if planned:
        what += " (planned)"
    if not days:
        when = "undated"
    elif cumulative:
        first, last = f"{days[0]:%B %Y}", f"{days[-1]:%B %Y}"
        when = "running total, " + (first if first == last else f"{first} to {last}")
    else:
        when = _day_text(days[0]) + (f" (reported until {_day_text(days[-1])})"
                                     if days[-1] != days[0] else "")
    how = f", {where['means']}" if where.get("means") and not cumulative else ""
    return f"{what} in {shown}{_since_text(since)}, {when}{how}"


def _since_text(since: str) -> str:
    """A series' start as a label says it: " since September 2014", " since 2013", " since
    the alliance offensive"; nothing for the war's own."""
    year, _, month = since.partition("-")
    if not (year.isdigit() and len(year) == 4):
        return f" {since}" if since.startswith("since ") else f" since {since}" if since else ""
    return f" since {dt.date(int(year), int(month), 1):%B} {year}" if month else f" since {year}"


def _figure(key: tuple, members: list[inc.Mention], where: dict, incident_id: str | None,
            roots: dict[str, str], cumulative: bool, days: dict | None = None,
            since: str = "") -> dict:
    """A figures row, with its member claim ids; `roots` maps reprints to their original;
    `since` is a series' start (`series_start`)."""
    metric, unit, kind = key
    values = [m.value for m in members]
    dated = sorted(d for d in ((m.day or (days or {}).get(m.article_id) or
                                (m.incident.day if m.incident else None)) for m in members) if d)
    lo, hi = min(values), max(values)
    place, level, region = where["place"], where["level"], where["region"]
    label = figure_label(metric, kind, where, dated, cumulative, since)
    if cumulative:
        rule = (f"running totals of {metric} ({unit}, {kind}) in {place}{_since_text(since)}, "
                f"reported with no gap over {SERIES_GAP_DAYS} days")
    else:
        rule = (f"the totals of one incident ({where['rule']}) of the same metric ({metric}), "
                f"unit ({unit}) and kind ({kind})")
    rule += (f"; no value more than {MAGNITUDE:g} times the smallest, nor two values one "
             "report gives as two quantities")
    shown = inc.Place(level, place, region, where["country"])
    located = [m for m in members if m.latitude is not None
               and (m.place is None or _agrees(m.place, shown))]
    first = str(dated[0]) if dated else None
    return {
        "id": stable_id("figure", incident_id or place, metric, unit, kind, first, lo,
                        *([since] if since else [])),
        "label": label,
        "key": json.dumps([metric, unit, kind, int(cumulative), incident_id, place, first, lo]),
        "rule": rule,
        "metric": metric,
        "unit": unit,
        "place": place,
        "level": level,
        "region": region,
        "country": where["country"],
        "subject_kind": kind,
        "cumulative": int(cumulative),
        "since": since or None,
        "incident_id": incident_id,
        "date_from": first,
        "date_to": str(dated[-1]) if dated else None,
        "outlets": len({m.outlet_id for m in members if m.outlet_id}),
        "reports": len({roots.get(m.article_id, m.article_id) for m in members}),
        "reprints": len({m.article_id for m in members if m.article_id in roots}),
        "claims": len(members),
        "min_value": lo,
        "max_value": hi,
        "median_value": statistics.median(values),
        "spread": hi / lo if lo > 0 else None,
        "latitude": located[0].latitude if located else where.get("latitude"),
        "longitude": located[0].longitude if located else where.get("longitude"),
        "claim_ids": [m.id for m in members],
    }


# Each outlet's most recent claim about each figure. A window over every claim takes seconds
# at a million claims, so `materialise` runs it once per grouping, not once per page view.
LATEST_BY_OUTLET = """
    WITH ranked AS (
        SELECT c.figure_id, c.outlet_id, c.value, c.published, c.id AS claim_id,
               row_number() OVER (
                   PARTITION BY c.figure_id, c.outlet_id
                   ORDER BY c.published DESC, c.article_id DESC, c.start) AS rank
        FROM claims c JOIN figures f ON f.id = c.figure_id {only}
    ), cited AS (
        SELECT c.figure_id, c.outlet_id, count(*) AS claims,
               group_concat(DISTINCT coalesce(s.name, c.attributed_to)) AS sources
        FROM claims c JOIN figures f ON f.id = c.figure_id
        LEFT JOIN sources s ON s.id = c.source_id {only}
        GROUP BY c.figure_id, c.outlet_id
    )
    SELECT r.figure_id, r.outlet_id, r.value, r.published, cited.claims, cited.sources,
           r.claim_id
    FROM ranked r JOIN cited USING (figure_id, outlet_id)
    WHERE r.rank = 1
    ORDER BY r.figure_id, r.outlet_id
"""

# Lowest, highest and spread of the outlets' latest positive values, for figures with two or
# more such outlets; each value listed as a reader writes it, a reprint marked as one.
LATEST_SPREAD = """
    UPDATE figures
    SET latest_low = spread.low, latest_high = spread.high,
        latest_spread = round(spread.high / spread.low, 2), values_by_outlet = spread.listed
    FROM (
        SELECT figure_id, min(latest_value) AS low, max(latest_value) AS high,
               group_concat(name || copied || ': ' || CASE
                   WHEN latest_value = cast(latest_value AS integer)
                   THEN printf('%,d', latest_value) ELSE printf('%.2f', latest_value) END,
                   '; ') AS listed
        FROM (
            SELECT fo.figure_id, fo.outlet_id, fo.latest_value, o.name,
                   CASE WHEN r.article_id IS NULL OR ra.outlet_id IS fo.outlet_id THEN ''
                        ELSE ' (reprint of ' || coalesce(ro.name, ra.outlet_id) || ')' END
                   AS copied
            FROM figure_outlet_latest fo LEFT JOIN outlets o ON o.id = fo.outlet_id
            LEFT JOIN claims c ON c.id = fo.claim_id
            LEFT JOIN reprints r ON r.article_id = c.article_id
            LEFT JOIN articles ra ON ra.id = r.original_id
            LEFT JOIN outlets ro ON ro.id = ra.outlet_id
            WHERE fo.latest_value > 0 {also}
            ORDER BY fo.figure_id, o.name, fo.outlet_id
        )
        GROUP BY figure_id
        HAVING count(DISTINCT outlet_id) >= 2
    ) AS spread
    WHERE figures.id = spread.figure_id
"""


def materialise(db: sqlite_utils.Database, figures: Iterable[str] | None = None) -> None:
    """Store each outlet's latest value per figure and each figure's spread of them.

    Derived from the claims and figures alone and rebuilt whole (or for `figures` only), so
    a re-run writes the same rows; `figure_outlets` and `disagreements` read these instead
    of scanning every claim.
    """
    among = partitions.figures_clause(db, figures)
    only, also = (f"WHERE figure_id {among}", f"AND fo.figure_id {among}") if among else ("", "")
    with writing(db):
        db.execute(f"DELETE FROM figure_outlet_latest {only}")
        db.execute(
            "INSERT INTO figure_outlet_latest (figure_id, outlet_id, latest_value, published, "
            f"claims, sources, claim_id) {LATEST_BY_OUTLET.format(only=only)}"
        )
        db.execute(
            "UPDATE figures SET latest_low = NULL, latest_high = NULL, latest_spread = NULL, "
            f"values_by_outlet = NULL WHERE latest_low IS NOT NULL {among and f'AND id {among}'}"
        )
        db.execute(LATEST_SPREAD.format(also=also))


def _tell_apart(found: list[dict]) -> None:
    """Name figures that would share a label by the values they hold ("People killed in
    Manbij, 18 July 2016, counts of 56 to 100"): two quantities of one place and day, such
    as one raid's toll and a smaller count beside it, must not read as one."""
    labels: dict[str, int] = defaultdict(int)
    for figure in found:
        labels[figure["label"]] += 1
    for figure in found:
        if labels[figure["label"]] > 1:
            lo, hi = figure["min_value"], figure["max_value"]
            held = (f"a count of {format_number(lo)}" if lo == hi
                    else f"counts of {format_number(lo)} to {format_number(hi)}")
            figure["label"] = f"{figure['label']}, {held}"


def _inherit_ids(found: list[dict], current: dict[str, str | None], taken: set[str]) -> None:
    """Give each new figure the id of the old figure most of its claims were in, so a figure
    page someone bookmarked still answers after the next ingest regroups; an old id goes to
    one new figure only (the one with most of its claims), the rest keep their own. `taken`
    holds the ids given out so far and gains these."""
    overlap: dict[tuple[int, str], int] = defaultdict(int)
    for index, figure in enumerate(found):
        for cid in figure["claim_ids"]:
            if old := current.get(cid):
                overlap[index, old] += 1
    assigned: dict[int, str] = {}
    for (index, old), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if index not in assigned and old not in taken:
            assigned[index] = old
            taken.add(old)
    for index, figure in enumerate(found):
        if index in assigned:
            figure["id"] = assigned[index]
        else:
            while figure["id"] in taken:
                figure["id"] = stable_id(figure["id"], "split")
            taken.add(figure["id"])


def _upsert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """Insert derived rows by id, or update the row already there, so ids stay put."""
    if rows:
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        db.conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            [[row[c] for c in columns] for row in rows],
        )


def _store_figures(db: sqlite_utils.Database, found: list[dict],
                   current: dict[str, str | None], regrouped: Iterable[str] = ()) -> None:
    """Point each claim at its figure and upsert the figures by id; a `regrouped` claim that
    was in a figure and is in none now (a part, once read as a total) is in none."""
    changed = [(f["id"], cid) for f in found for cid in f["claim_ids"]
               if current.get(cid) != f["id"]]
    placed = {cid for f in found for cid in f["claim_ids"]}
    changed += [(None, cid) for cid in regrouped if current.get(cid) and cid not in placed]
    db.conn.executemany("UPDATE claims SET figure_id = ? WHERE id = ?", changed)
    _upsert(db, "figures", [{k: v for k, v in f.items() if k != "claim_ids"} for f in found])


def _store_incidents(db: sqlite_utils.Database, rows: list[dict],
                     incident_of: dict[str, str], current: dict[str, str | None]) -> None:
    """Upsert the incidents and point each claim at its own."""
    db.conn.executemany(
        "UPDATE claims SET incident_id = ? WHERE id = ?",
        [(iid, cid) for cid, iid in incident_of.items() if current.get(cid) != iid],
    )
    _upsert(db, "incidents", rows)


def _drop_stale(db: sqlite_utils.Database, table: str, column: str, kept: set[str]) -> None:
    """Remove figures (or incidents) no claim belongs to any more, and their ids from claims
    not grouped now (superseded, vague or placeless)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS kept_ids (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.kept_ids")
    db.conn.executemany("INSERT INTO temp.kept_ids (id) VALUES (?)", [(i,) for i in kept])
    db.execute(f"DELETE FROM {table} WHERE id NOT IN (SELECT id FROM temp.kept_ids)")
    db.execute(f"UPDATE claims SET {column} = NULL WHERE {column} IS NOT NULL "
               f"AND {column} NOT IN (SELECT id FROM temp.kept_ids)")
    db.execute("DELETE FROM temp.kept_ids")


def _store_reprints(db: sqlite_utils.Database,
                    search: reprints.Search | None = None) -> frozenset[str]:
    """Find the articles that reprint another's text and store them with their original
    (claims.reprints; `search`: sent to the workers ahead); returns the articles whose
    original changed."""
    return reprints.update(db, search)


class _Reading:
    """What one pass over the claims (of a scope: claims.partitions) gathers: each
    partition's article incidents, the running totals, each article's day and the current
    figure and incident of each claim that has them (a claim never grouped has neither, and
    a first regroup holds no map of claims to nothing)."""

    def __init__(self, db: sqlite_utils.Database, scope: partitions.Scope | None = None) -> None:
        self.by_partition: dict[tuple[str, str], list[inc.Incident]] = defaultdict(list)
        self.running: list[inc.Mention] = []
        self.days: dict[str, dt.date | None] = {}
        self.figure_of: dict[str, str] = {}
        self.incident_of: dict[str, str] = {}
        self.words: dict[frozenset[str], frozenset[str]] = {}
        for mentions, day, words, old_incidents in _articles(db, scope):
            self.days[mentions[0].article_id] = day
            self.incident_of.update(old_incidents)
            self.figure_of.update((m.id, m.figure_id) for m in mentions if m.figure_id)
            self.running += [m for m in mentions if m.role == "running" and (
                scope is None or scope.holds_running(series_key(m), m.day or day, m.article_id))]
            events = [m for m in mentions if m.role != "running"]
            for incident in inc.article_incidents(events, day, words):
                partition = partitions.key(incident.place.country, incident.partition_day)
                if scope is None or scope.holds(partition):
                    incident.words = self._shared_words(incident.words)
                    self.by_partition[partition].append(incident)
            for m in mentions:
                m.sentence = ""  # read by article_incidents; a corpus of sentences is no use

    def _shared_words(self, words: frozenset[str]) -> frozenset[str]:
        """An incident's lead words as the first incident with the same words holds them:
        the copies of a text (claims.reprints) then hold their words once, not once each,
        which is most of a chunk's memory when a wire story is reprinted widely."""
        return self.words.setdefault(words, words)


def _survey(db: sqlite_utils.Database, scope: partitions.Scope | None):
    """The first pass of a regroup: each article of the scope with its units
    (claims.partitions.Plan), each as (unit, day, its mentions), read one article at a time
    so that only the units' keys need outlive it."""
    for mentions, day, words, _ in _articles(db, scope):
        units = []
        events = [m for m in mentions if m.role != "running"]
        for incident in inc.article_incidents(events, day, words):
            partition = partitions.key(incident.place.country, incident.partition_day)
            if scope is None or scope.holds(partition):
                units.append((partitions.incidents_unit(partition), incident.partition_day,
                              incident.mentions))
        for m in (m for m in mentions if m.role == "running"):
            series, when = series_key(m), m.day or day
            if series and (scope is None or scope.holds_running(series, when, m.article_id)):
                units.append((partitions.series_unit(series, when), when, [m]))
        yield mentions[0].article_id, units


def _reprints_and_scope(db: sqlite_utils.Database, scoped: bool,
                        search: reprints.Search | None = None) -> partitions.Scope | None:
    """Bring the reprints up to date (`search`: sent ahead), then find what the regroup
    replaces (`_scope`; None for all, or when not `scoped`); the articles whose original
    moved, nearly all of them in a first regroup of much wire copy, are not held past it."""
    moved = _store_reprints(db, search)
    return _scope(db, moved) if scoped else None


def _scope(db: sqlite_utils.Database, moved: frozenset[str]) -> partitions.Scope | None:
    """What the claims added since the last grouping, and the articles whose original
    changed (`moved`), reach (claims.partitions); None when everything must be regrouped."""
    changed = partitions.changed_articles(db)
    if changed is None:
        return None
    changed |= moved
    keys: set[tuple[str, str]] = set()
    reports: dict[tuple, set[dt.date]] = defaultdict(set)
    for _, units in _survey(db, partitions.Scope(articles=changed)):
        for unit, day, _ in units:
            if unit[0] == partitions.INCIDENTS:
                keys.add(unit[1])
            elif unit[0] == partitions.SERIES:
                reports[unit[1]].add(day)
    return partitions.scope(db, changed, keys, reports, SERIES_GAP_DAYS)


def _planned(db: sqlite_utils.Database, scope: partitions.Scope | None) -> Iterator[tuple]:
    """Each article of the first pass (`_survey`) with its units as a plan notes them: each
    with its number of claims and the figures they were in."""
    for article, units in _survey(db, scope):
        yield article, [(unit, len(mentions), {m.figure_id for m in mentions if m.figure_id})
                        for unit, _, mentions in units]


def planned_at(path: str, scope: partitions.Scope | None) -> list[tuple]:
    """`_planned` on a connection of its own to the database at `path`: a part of a
    regroup's first pass on a Dask worker, which reads the claims the ingest committed."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return list(_planned(sqlite_utils.Database(conn), scope))


# Articles in one part of a regroup's first pass when the parts are surveyed elsewhere.
SURVEY_ARTICLES = 1_000


def _survey_calls(db: sqlite_utils.Database, scope: partitions.Scope | None,
                  path: str) -> list[tuple]:
    """The parts of a regroup's first pass for workers, as (path, scope of the part): the
    scope's articles taken in the order one pass reads them, so the plan is the same."""
    ids = (sorted(scope.articles) if scope and scope.articles is not None else
           [r[0] for r in db.execute("SELECT DISTINCT article_id FROM claims ORDER BY 1")])
    return [(path, replace(scope or partitions.Scope(),
                           articles=frozenset(ids[i:i + SURVEY_ARTICLES])))
            for i in range(0, len(ids), SURVEY_ARTICLES)]


def _surveyed(db: sqlite_utils.Database, scope: partitions.Scope | None,
              mapper: Mapper | None, ahead: Survey | None = None) -> Iterator[tuple]:
    """`_planned` here, or by `mapper` (a Dask cluster's) over parts of the scope's
    articles (`_survey_calls`), or the parts already sent (`ahead`)."""
    path = _file_of(db)
    if ahead is None and (mapper is None or not path):
        yield from _planned(db, scope)
        return
    for found in ahead.found if ahead else mapper(planned_at, _survey_calls(db, scope, path)):
        yield from found


@dataclass(frozen=True)
class Survey:
    """The first pass of a regroup of everything, sent to the workers before the regroup
    (`survey_ahead`): what it read (`_surveyed_state`) and its results in order."""

    state: tuple
    found: Iterator[list[tuple]]


def _surveyed_state(db: sqlite_utils.Database) -> tuple:
    """What a first pass of everything depends on: the claims, and the record of the last
    grouping (the claims' old figures)."""
    return (claims_fingerprint(db), *(db.execute(
        "SELECT value FROM state WHERE key = ?", [key]).fetchone()
        for key in ("grouped", partitions.GROUPED_UPTO)))


def survey_ahead(db: sqlite_utils.Database, mapper: Mapper | None) -> Survey | None:
    """Send the first pass of the coming regroup to `mapper`'s workers now, when it will
    regroup everything (a first ingest): that pass reads only the claims, not the reprints,
    so the workers run it while this process builds the indexes and finds the reprints,
    which they would otherwise wait for. `group_figures` takes it if nothing it read has
    changed by then; else it surveys again. None when there is nothing to send ahead."""
    path = _file_of(db)
    if (mapper is None or not path or is_grouped(db)
            or partitions.changed_articles(db) is not None):
        return None
    return Survey(_surveyed_state(db), mapper(planned_at, _survey_calls(db, None, path)))


@dataclass(frozen=True)
class Ahead:
    """What a regroup's workers were sent before it began (`send_ahead`): the search for the
    new texts' originals (claims.reprints.search_ahead) and the first pass of a regroup of
    everything (`survey_ahead`)."""

    search: reprints.Search | None = None
    survey: Survey | None = None


def send_ahead(db: sqlite_utils.Database, mapper: Mapper | None) -> Ahead | None:
    """Send `mapper`'s workers what the coming regroup can have them do before it begins,
    the reprint search first since the regroup takes it first, so they do it while this
    process builds the indexes: a few seconds in which they would otherwise wait."""
    path = _file_of(db)
    if mapper is None or not path:
        return None
    return Ahead(reprints.search_ahead(db, path, mapper), survey_ahead(db, mapper))


def _plan(db: sqlite_utils.Database, scope: partitions.Scope | None,
          mapper: Mapper | None = None, ahead: Survey | None = None) -> partitions.Plan:
    """The units a regroup of `scope` replaces, from a first pass over its articles (here,
    or on `mapper`'s workers, or sent there `ahead`)."""
    plan = partitions.Plan(db, scope)
    for article, units in _surveyed(db, scope, mapper, ahead):
        plan.add(article, units)
    return plan


@dataclass(frozen=True)
class Chunk:
    """One chunk of a regroup as grouped, before it is stored: its incidents (rows, and each
    claim's), its figures, and its claims' figures and incidents before."""

    rows: list[dict]
    incident_of: dict[str, str]
    found: list[dict]
    figure_before: dict[str, str | None]
    incident_before: dict[str, str | None]


def grouped_chunk(db: sqlite_utils.Database, part: partitions.Scope,
                  roots: dict[str, str]) -> Chunk:
    """Group one chunk of a regroup's partitions (`roots`: each reprint's original). Reads
    only what the claims held when the regroup began, so chunks can be grouped in any order,
    and elsewhere (`grouped_chunk_at`)."""
    read = _Reading(db, part)
    found: list[dict] = []
    rows: list[dict] = []
    incident_of: dict[str, str] = {}
    for partition in sorted(read.by_partition):
        for head in inc.link(read.by_partition[partition], roots):
            row = inc.incident_row(head)
            rows.append(row)
            incident_of.update((m.id, row["id"]) for m in inc.members(head))
            found += _incident_figures(head, row, roots)
    found += _series(read.running, read.days, roots)
    return Chunk(rows, incident_of, found, read.figure_of, read.incident_of)


def grouped_chunk_at(path: str, part: partitions.Scope, roots: dict[str, str]) -> Chunk:
    """`grouped_chunk` on a connection of its own to the database at `path`: the map step of
    a regroup on a Dask worker, which reads the claims the ingest committed."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return grouped_chunk(sqlite_utils.Database(conn), part, roots)


def _store_chunk(db: sqlite_utils.Database, chunk: Chunk, taken: set[str],
                 incidents: set[str]) -> Counter:
    """Store one grouped chunk: `taken` holds the figure ids given out so far, `incidents`
    the incident ids; both gain this chunk's. Chunks are stored in order, so ids are given
    out as in one pass."""
    found = chunk.found
    _inherit_ids(found, chunk.figure_before, taken)
    _store_incidents(db, chunk.rows, chunk.incident_of, chunk.incident_before)
    _store_figures(db, found, chunk.figure_before, chunk.incident_of)
    incidents.update(r["id"] for r in chunk.rows)
    return Counter(figures=len(found), claims=sum(len(f["claim_ids"]) for f in found),
                   multi_outlet=sum(1 for f in found if f["outlets"] >= 2),
                   incidents=len(chunk.rows))


def _file_of(db: sqlite_utils.Database) -> str:
    """The database's file, for connections elsewhere; empty for a database in memory."""
    return db.conn.execute("PRAGMA database_list").fetchone()[2]


def _grouped_chunks(db: sqlite_utils.Database, parts: Iterable[partitions.Scope],
                    mapper: Mapper | None) -> Iterator[Chunk]:
    """Each chunk grouped, in order: here, or by `mapper` (a Dask cluster's, claims.cluster)
    while this process stores the chunks before. A chunk grouped here is collected once
    stored, before the next is grouped: its mentions and incidents point at each other. One
    from a worker comes as plain rows, so this process does not collect after it (a full
    collection of this process is about 0.1 s a chunk)."""
    work = ((part, partitions.originals(db, part.articles)) for part in parts)
    path = _file_of(db)
    if mapper is None or not path:  # a database in memory has no file to open elsewhere
        for part, roots in work:
            yield grouped_chunk(db, part, roots)
            gc.collect()
    else:
        yield from mapper(grouped_chunk_at, ((path, part, roots) for part, roots in work))


def _tell_apart_stored(db: sqlite_utils.Database, figures: set[str] | None) -> None:
    """Tell apart (`_tell_apart`) the figures this regroup stored (`figures`; None: every
    figure) that share a label, whichever chunk of the regroup each came from."""
    among = partitions.figures_clause(db, figures)
    within = f"AND id {among}" if among else ""
    found = [{"id": i, "label": label, "min_value": lo, "max_value": hi}
             for i, label, lo, hi in db.execute(
                 f"SELECT id, label, min_value, max_value FROM figures WHERE label IN ("
                 f"SELECT label FROM figures WHERE 1 {within} GROUP BY label "
                 f"HAVING count(*) > 1) {within} ORDER BY id")]
    _tell_apart(found)
    db.conn.executemany("UPDATE figures SET label = ? WHERE id = ?",
                        [(f["label"], f["id"]) for f in found])


def group_figures(db: sqlite_utils.Database, scoped: bool = False,
                  chunk: int = partitions.CHUNK_CLAIMS,
                  mapper: Mapper | None = None, ahead: Ahead | None = None) -> dict[str, int]:
    """Assign every current claim its incident and figure; rebuild `incidents` and `figures`,
    partition by partition (claims.partitions), reading about `chunk` claims at a time;
    `scoped`: only the partitions that the claims added since the last grouping reach, when
    that is known; `mapper`: groups the chunks elsewhere (the ingest's Dask workers) while
    this process stores them, with the same result; `ahead`: its reprint search and first
    pass, already sent to them (`send_ahead`), each taken if what it read is unchanged.

    Figures are derived data, rebuilt in one write transaction that also records what they
    were built from (`claims.db.mark_grouped`): a run killed while grouping leaves the old
    figures whole and marked stale, and running this twice changes nothing."""
    with writing(db):
        ahead = ahead or Ahead()
        scope = _reprints_and_scope(db, scoped, ahead.search)
        survey = ahead.survey
        if survey is not None and (scope is not None or survey.state != _surveyed_state(db)):
            survey = None  # it surveyed everything as it was: survey again
        taken = set(scope.taken) if scope else set()
        incidents: set[str] = set()
        counts: Counter = Counter(figures=0, claims=0, multi_outlet=0, incidents=0, chunks=0)
        store = functools.partial(_store_chunk, db, taken=taken, incidents=incidents)
        # map lets go of each chunk once stored, before the next is grouped
        plan = _plan(db, scope, mapper, survey)
        for counted in map(store, _grouped_chunks(db, plan.chunks(chunk), mapper)):
            counts.update(counted, chunks=1)
        if scope:
            partitions.drop_stale(db, scope, incidents, taken)
        else:
            _drop_stale(db, "incidents", "incident_id", incidents)
            _drop_stale(db, "figures", "figure_id", taken)
        new = taken - scope.taken if scope else None
        _tell_apart_stored(db, new)
        materialise(db, scope.figures | new if scope else None)
        mark_grouped(db)
        partitions.mark(db)
    return dict(counts)


# Each outlet's latest value for one figure, with the outlet whose text it reprints, if any.
OUTLET_VALUES_SQL = """
    SELECT fo.outlet_id, fo.outlet, fo.latest_value, fo.published, fo.claims, fo.sources,
           fo.text, CASE WHEN ra.outlet_id IS NOT fo.outlet_id
                         THEN coalesce(ro.name, ra.outlet_id) END AS reprint_of
    FROM figure_outlets fo LEFT JOIN claims c ON c.id = fo.claim_id
    LEFT JOIN reprints r ON r.article_id = c.article_id
    LEFT JOIN articles ra ON ra.id = r.original_id
    LEFT JOIN outlets ro ON ro.id = ra.outlet_id
    WHERE fo.figure_id = ? ORDER BY fo.latest_value DESC, fo.outlet_id
"""


def compare(
    db: sqlite_utils.Database,
    metric: str | None = None,
    place: str | None = None,
    min_outlets: int = 2,
    limit: int | None = None,
) -> list[dict]:
    """Figures reported by at least `min_outlets` outlets, each with its outlets' latest values.

    `place` matches the figure's place, region or country, in any spelling the gazetteer knows.
    """
    where, params = ["outlets >= ?"], [min_outlets]
    if metric:
        where.append("metric = ?")
        params.append(metric)
    if place:
        names = place_names(place)
        marks = " OR ".join(["place LIKE ? OR region LIKE ? OR country LIKE ?"] * len(names))
        where.append(f"({marks})")
        params += [f"%{n}%" for n in names for _ in range(3)]
    sql = (
        f"SELECT * FROM figures WHERE {' AND '.join(where)} "
        "ORDER BY outlets DESC, claims DESC, date_from DESC, id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    result = []
    for row in db.query(sql, params):
        row["outlet_values"] = list(db.query(OUTLET_VALUES_SQL, [row["id"]]))
        result.append(row)
    return result


def place_names(place: str) -> list[str]:
    from claims.extraction.places import REGION_BY_KEY, lookup, normalise

    names = [place]
    key = normalise(place)
    for entry in (lookup(key), REGION_BY_KEY.get(key)):
        if entry is not None and entry.name not in names:
            names.append(entry.name)
    return names


def format_table(figures: list[dict]) -> str:
    """The comparison as plain text: one block per figure, one line per outlet."""
    lines = []
    for f in figures:
        spread = f"{f['spread']:.2f}" if f["spread"] else "-"
        lines.append(f"{f['label']}")
        lines.append(
            f"  {count_of(f['outlets'], 'outlet')} ({count_of(f['reports'], 'independent report')}"
            f", {count_of(f['reprints'], 'reprint')}), {count_of(f['claims'], 'claim')}; "
            f"min {_num(f['min_value'])}, "
            f"median {_num(f['median_value'])}, max {_num(f['max_value'])}, spread {spread}"
        )
        lines.append(f"  why one figure: {f['rule']}")
        names = [_outlet_name(o) for o in f["outlet_values"]]
        width = max((len(n) for n in names), default=6)
        for name, o in zip(names, f["outlet_values"], strict=True):
            lines.append(
                f"    {name:<{width}}  {_num(o['latest_value']):>10}  "
                f"{(o['published'] or '')[:10]:<10}  {o['sources'] or '(no source named)'}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()


def _outlet_name(value: dict) -> str:
    """An outlet as the comparison names it, a reprint marked with whom it repeats."""
    name = value["outlet"] or value["outlet_id"] or "?"
    return f"{name} (reprint of {value['reprint_of']})" if value.get("reprint_of") else name


def _num(value: float | None) -> str:
    """A figure in the comparison table; a dash where there is none."""
    return format_number(value, missing="-")
