"""Incidents: what each article reports on, linked across outlets.

A figure is one quantity of one incident, so grouping first finds the incidents. The rule,
in full (each incident's `rule` column says it again in words):

1. **An article's main incident** is the place its headline or lead names (most specific
   first, among the claims of its first sentences; else the first place any of its claims
   names) on its day: the first day its lead writes out for a total there ("on April 4";
   "on Tuesday" too when the publication date agrees with the date line; not in a sentence
   past the first that adds another attack's toll, "26 were also killed yesterday"), else
   the date line at the top of the text (a feed's date column is often wrong), else the publication
   date; a lead whose first dated total is dated only by a week or a weekend ("destroyed
   by air strikes over the weekend") recalls that attack, and its report's main incident
   is dated by that span (`_lead_span`). The date line is the day the story is told, not a
   day the text states for the attack (claims.compare), so its reports link to those of the
   day before.
2. **A claim belongs to the main incident** unless its own sentence names another town,
   another region or another country than the main incident's (a second attack in the same
   report) or several regions (a toll of "Hama and Idlib", an incident at the country),
   or gives a day two or more days away from the incident's (a background mention: "the
   April 4 attack that killed 87"), or names only a place held by another side than
   the places its lead names ("rebel fire on the government-held west of the city" in a
   report on a barrel bomb on a rebel-held district: `holders`), or, past the lead, tells
   its toll as another attack's ("Elsewhere, ...", "three were also killed in another
   town": `_another_attack`, dated by the day its own sentence states, even one day from
   the lead's, and placed where the text before it was when its sentence names no place:
   "six were also killed in shelling of the city"; in the lead past its first sentence,
   only by words that name another attack: "fifteen others were killed in two more
   incidents", "in a similar rocket attack", or on a day its sentence states other than
   the lead's: "26 were also killed yesterday"), or comes, in its sentence, after words
   that tell an earlier attack ("the shelling came a day after eight were killed":
   `_days_earlier`, dated that many days before the main incident), or, past the lead, is
   told as the attack of another side than its lead's tolls are ("a rebel barrage killed
   10" in a report led by government air strikes: `attacking_side`), or is dated only
   by a week or a month ("earlier this week", "last week": an attack recalled, not the
   day's). Such a claim is an
   incident of its own, at its place and day, known by the words of its own sentence, not
   by its article's lead. A claim
   whose sentence names no place, or names the region or country the main
   incident lies in, belongs to the main incident: the headline or lead names it.
3. **Across articles,** incidents at the same town on the same day are one incident: the
   day the texts state, or, for a report dated only by its publication, that day or the
   one before (LINK_DAYS). Towns within NEAR_KM of each other (a village and the town
   beside it) are one incident's on those days when their reports' leads are alike
   (`_neighbours`, as below) and, when both state their days, the days agree. An
   incident known only by its region joins the town incident of that region within
   LINK_DAYS whose reports' leads are most like its own (a night attack is told as of
   either day; not a town's incident whose first report states a day after the one a
   report dated only by its telling was told on: `_told_before`)
   (`similarity`: shared rare words such as the village, the weapon, the target, compared
   only with the incident's reports dated within LINK_DAYS of its own), when they
   are alike enough (SIMILAR; SIMILAR_COUNTRY for a report that calls its province's
   namesake the city, a town of its own: `_enough`) or give the same toll of SHARED_TOLL
   or more (not when both
   state their days and the days differ: `_days_apart`), and none of them
   names only other means of attack (rockets against air raids, an aircraft downed against
   the air raids on its town: `means`), the days its
   tolls' sentences state are not all OTHER_DAY or more from those the incident's state
   (`_said_apart`: read even where a feed's date puts a weekday in doubt), and none is
   another incident of its own report (a report that tells two attacks apart is not
   undone); two claims set apart from their reports, one told as another attack, are not
   alike by the words of their sentences (`_both_told_apart`); else another region-only
   incident alike enough; else it stands alone. An
   incident known only by its country is not linked across articles: a country holds too
   many events on one day,
   unless its lead (a background mention's own sentence) is alike enough (SIMILAR_COUNTRY)
   to the reports of one incident of that day, or another report known only by that
   country gives TWIN_TOLLS of the same tolls. The reports at one place of copies of one
   text (claims.reprints) are one incident whatever dates their feeds gave them. Reports
   days apart are not linked however alike their words: one town is shelled day after day.
   An attack recalled by its week or month joins the incident at its town or region in that
   span whose reports are alike enough (SIMILAR_COUNTRY) to its sentence, else stands alone.
   An attack recalled by the day its sentence writes out ("on April 25"), known only by its
   region or country, joins the incident of that day (or the next) in its place most like
   its sentence (SIMILAR), looked for in its whole country when its sentence names no place
   of its own (`_recall_day`).
4. Running totals ("since 2011") are no incident's; they form series per place, metric and
   kind of victims (claims.compare).

Everything here reads stored claims only; an incident's id hashes its place, first day and
first report.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from claims.extraction.lexicon import (
    ADDED_TOLL_WORDS,
    ATTACK_MEAN_LABELS,
    ATTACK_MEAN_OF,
    EARLIER_ATTACK_DAYS,
    HOLDER_OF,
    LIKE_ATTACK_WORDS,
    OTHER_EVENT_WORDS,
    SIDE_ATTACK_MODIFIERS,
    SIDE_ATTACK_NOUNS,
    SIDE_OF,
    TOLL_PARTICIPLES,
)
from claims.extraction.patterns import alternation
from claims.ids import stable_id

# Reports of one incident are dated at most this many days after the first of them when one
# is dated only by its publication (the morning after); two that state their day must agree,
# since one town is struck on consecutive days and each day is another incident.
LINK_DAYS = 1
# A claim dated this many days or more from its incident's day is another incident.
OTHER_DAY = 2
# The lead: claims whose sentence starts this close to the top of the text.
LEAD_CHARS = 400
# Words of a lead, and the shortest that can name a place, a weapon or a target.
WORD_RE = regex.compile(r"\p{L}[\p{L}'-]+")
# The words of an attack: its means, or a noun for it ("barrage", "fire", "attack").
ATTACK_WORDS = alternation((*ATTACK_MEAN_OF, *SIDE_ATTACK_NOUNS))
# The words that name another attack outright ("in two more incidents", "elsewhere", "in a
# similar rocket attack"), which tell it apart even in a report's lead, where "also killed"
# goes on with the lead's attack.
NAMED_OTHER = (rf"\b(?:{alternation(OTHER_EVENT_WORDS)})\b"
               rf"|\b(?:{alternation(LIKE_ATTACK_WORDS)})\s+(?:[\p{{L}}-]+\s+){{0,2}}?"
               rf"(?:{ATTACK_WORDS})\b")
NAMED_OTHER_RE = regex.compile(rf"(?i){NAMED_OTHER}")
# A sentence that tells its toll as another attack's than its report's (lexicon).
OTHER_EVENT_RE = regex.compile(
    rf"(?i){NAMED_OTHER}"
    rf"|\b(?:{alternation(ADDED_TOLL_WORDS)})\s+(?:{alternation(TOLL_PARTICIPLES)})\b")
# "also" and a toll participle ("also killed"), the participle captured.
ADDED_RE = regex.compile(
    rf"(?i)\b(?:{alternation(ADDED_TOLL_WORDS)})\s+({alternation(TOLL_PARTICIPLES)})\b")
# How far after a count's start "also killed" may end and still tell the count as an added
# toll: "Twenty-six civilians were also reported killed".
ADDED_REACH = 50
# The metric each toll participle tells of: "dead" counts the killed, "injured" the wounded.
PARTICIPLE_METRIC = {"killed": "killed", "dead": "killed", "wounded": "wounded",
                     "injured": "wounded", "hurt": "wounded"}
# Words that tell the toll after them as an earlier attack's (lexicon.EARLIER_ATTACK_DAYS).
EARLIER_RE = regex.compile(rf"(?i)\b(?:{alternation(EARLIER_ATTACK_DAYS)})\b")
# A side's word before the words of an attack, up to two of them or their modifiers
# between: "rebel barrage", "regime air strikes", "terrorist rocket shells"
# (lexicon.COMBATANT_SIDES); not "the government and executed 14".
SIDE_ATTACK_RE = regex.compile(
    rf"(?i)\b({alternation(SIDE_OF)})"
    rf"(?:\s+(?:{alternation(SIDE_ATTACK_MODIFIERS)}|{ATTACK_WORDS})){{0,2}}?\s+{ATTACK_WORDS}\b")
# The words that say who holds a place ("rebel-held"), in a sentence in lower case.
HELD_ENDINGS = frozenset(word[word.rindex("-"):] for word in HOLDER_OF)
HELD_RE = regex.compile(rf"(?<![\p{{L}}'-])(?:{alternation(HOLDER_OF)})(?![\p{{L}}'-])")
MIN_WORD = 4
# Reports named only by their region are one incident with another report when their leads
# share at least this weighted share of their words (`similarity`).
SIMILAR = 0.05
# A report whose headline and lead name only the country joins an incident of a place in
# it when their leads are this alike: the village, the weapon, the target in common.
SIMILAR_COUNTRY = 0.1
# Towns this close are one place for an incident whose reports are alike (`_neighbours`).
NEAR_KM = 15
EARTH_KM = 6371.0
# Two reports of one region (or country) and day that give the same toll of at least this many
# are one incident even when their words differ: one writes "rocket fire on Hamdaniyeh",
# the other "shells hit a bus and a market", both "14 killed". Smaller tolls are too common.
SHARED_TOLL = 5
TOLL_METRICS = frozenset({"killed", "wounded"})
# Two reports known only by their country are one incident's when they give this many of the
# same tolls: one toll in common is a coincidence a whole country makes every day.
TWIN_TOLLS = 2
def _iso_day(value: str | None) -> dt.date | None:
    """A day from an ISO date or timestamp; None for a month, a week or nonsense."""
    if value and len(value) >= 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an incident is, at the most specific level known."""

    level: str  # town, region or country
    name: str
    region: str | None
    country: str | None


@dataclass(slots=True)
class Mention:
    """One grouped claim as incidents see it."""

    id: str
    article_id: str
    outlet_id: str | None
    start: int
    lead: bool
    place: Place | None
    own_place: bool
    day: dt.date | None
    explicit_day: bool
    role: str
    metric: str
    unit: str | None
    kind: str
    value: float
    latitude: float | None
    longitude: float | None
    figure_id: str | None = None
    incident: Incident | None = None
    sentence: str = ""
    staged: bool = False  # told as an earlier or later stage of a count (claims.compare)
    stage_said: bool = False  # its own sentence tells its count as a stage of it
    source: str | None = None  # the source it is credited to
    sentence_start: int = 0
    span: tuple[dt.date, dt.date] | None = None  # the week or month it is dated by, not a day
    group: bool = False  # counts a named group of people ("pilgrims", "evacuees"; claims.compare)
    province: bool = False  # its sentence calls its place a province ("Idlib province")
    written: bool = False  # its day is written out ("on April 25"), not read from a weekday
    several: bool = False  # counted in several provinces, placed at their country ("Hama and
    # Idlib"), or over separate attacks across it ("separate air raids in northern Syria")
    attacker: bool = False  # its place is the country that struck ("an Israeli air strike")
    said: dt.date | None = None  # the day its own sentence states, trusted or not ("on Tuesday")
    city: bool = False  # its sentence calls its province's namesake the city ("Deir ez-Zor city")
    since: str = ""  # a running total's start, "" for the war's own (claims.compare.series_start)


@dataclass(slots=True)
class Incident:
    """One incident as one article reports it, then as linked across articles."""

    place: Place
    day: dt.date | None
    article_id: str
    words: frozenset[str] = frozenset()
    main: bool = False
    mass: float = 0.0  # the summed weight of its lead's words (`_weights`), set by `link`
    stated: bool = False  # the text gives its day; else the day is the publication's
    mentions: list[Mention] = field(default_factory=list)
    linked: list[Incident] = field(default_factory=list)
    joined_region: bool = False
    tolls: frozenset[tuple] = frozenset()  # its totals of people killed or wounded, set by `link`
    held: frozenset[str] = frozenset()  # who holds where it struck, when that sets it apart
    other: int | None = None  # where the sentence starts that tells it as another attack
    span: tuple[dt.date, dt.date] | None = None  # a recalled attack's week or month, undated
    written: bool = False  # a claim apart, on a day its sentence writes out ("on April 25")
    said: frozenset[dt.date] = frozenset()  # the days its tolls' sentences state, set by `link`

    @property
    def key(self) -> tuple:
        """What identifies the incident: its place at each level and its day (and who holds
        where it struck, or the sentence that tells it as another attack, or the week or month
        a recalled attack is dated by, when that sets it apart from its article's main
        incident)."""
        p = self.place
        key = (p.country, p.region, p.level, p.name, str(self.day) if self.day else None)
        if self.held or self.other is not None or self.span:
            return (*key, *sorted(self.held), self.other, *map(str, self.span or ()))
        return key

    @property
    def partition_day(self) -> dt.date | None:
        """The day that places the incident in a partition: its day, else the first of the
        week or month a recalled attack is dated by."""
        return self.day or (self.span[0] if self.span else None)


@functools.lru_cache(maxsize=4096)
def place_of(place: str | None, region: str | None, country: str | None) -> Place | None:
    """A stored claim's place at its most specific level; a province's namesake city counts
    as the province, since news copy uses the bare name for either. Cached: a regroup's
    chunk then holds one Place per place, not one per claim."""
    if place and place != region and place != country and f"{place} Governorate" != region:
        return Place("town", place, region, country)
    if region:
        return Place("region", region, region, country)
    if country or place:
        return Place("country", country or place, None, country or place)
    return None


def _within(inner: Place, outer: Place) -> bool:
    """Whether a place lies in or is another: a town in its region, a region in its country."""
    if outer.level == "country":
        return inner.country == outer.country
    if outer.level == "region":
        return inner.region == outer.region and inner.level in ("town", "region")
    return inner == outer


def _anchor(mentions: list[Mention]) -> Place | None:
    """The place an article's headline or lead names, most specific first; else the first
    place any of its claims names; a country named as who struck ("an Israeli air strike")
    only when no claim names another place."""
    placed = [m for m in mentions if m.place]
    where = [m for m in placed if not m.attacker]
    pools = ([m for m in where if m.lead], where, [m for m in placed if m.lead], placed)
    for pool in pools:
        for level in ("town", "region", "country"):
            for m in pool:
                if m.place.level == level:
                    return m.place
    return None


def _article_day(mentions: list[Mention], day: dt.date | None, anchor: Place,
                 added: frozenset[int] = frozenset()) -> tuple[dt.date | None, bool]:
    """The main incident's day, and whether the text states it: the first date its lead
    writes out for a total at its place ("on April 4"; "on Tuesday" too when the publication
    date can be trusted), else `day` (its date line or publication date, a day late as
    often as not), not in a sentence that adds another attack's toll (`added`: "26 were
    also killed yesterday"). Feeds and archives get publication dates wrong by weeks; the
    lead rarely does."""
    for m in mentions:
        if (m.lead and m.explicit_day and m.day and m.role == "total"
                and m.sentence_start not in added
                and (m.place is None or _within(m.place, anchor) or _within(anchor, m.place))):
            return m.day, True
    return day, False


def _lead_span(mentions: list[Mention], anchor: Place) -> tuple[dt.date, dt.date] | None:
    """The week or month the lead's first dated total at its place is dated by, when it is
    dated so ("a hospital destroyed by air strikes over the weekend that killed 13"): the
    report recalls that attack, and its headline's toll is that attack's, not the day's."""
    for m in mentions:
        if (m.lead and m.role == "total" and (m.span or m.explicit_day)
                and (m.place is None or _within(m.place, anchor) or _within(anchor, m.place))):
            return m.span
    return None


def _apart(m: Mention, main: Incident, sides: frozenset[str] = frozenset(),
           added: frozenset[int] = frozenset()) -> Incident | None:
    """The incident of its own a claim reports, when its sentence names another place or its
    date is another day than its article's main incident, or is a week or a month ("earlier
    this week", "in early October"): an attack recalled, not the day's; None when it is the
    main one. A claim apart by its place or told as another attack is dated by the day its
    sentence states ("ten were also killed on Tuesday" in Wednesday's report); one told as
    another attack whose sentence names no place is where the text before it was ("six
    were also killed in shelling of the city" after a sentence on Aleppo)."""
    place, day = main.place, main.day
    if m.own_place and m.place and not (_within(m.place, place) or _within(place, m.place)):
        place = m.place
    written = False
    if m.explicit_day and m.day and main.day and abs((m.day - main.day).days) >= OTHER_DAY:
        day, written = m.day, m.written
    if written and not (m.own_place and m.place):  # its report's place is not its own
        place = place_of(None, None, place.country)
    # several provinces' dead are not one attack's, apart even from a country's report,
    # unless its lead tells them as the report's own ("blasts in Tartous, Homs and Hasakeh")
    several = m.several and not (m.lead and main.place.level == "country")
    if several:
        place = place_of(None, None, place.country)
    held = _held_in(m.sentence)
    held = held if held and not held & holders(main) else frozenset()
    earlier = _days_earlier(m)
    other = (m.sentence_start if _another_attack(m, main.day, added) or several
             or earlier is not None or _other_side(m, sides) else None)
    if (other is not None and not several and m.place and not m.own_place
            and not (_within(m.place, place) or _within(place, m.place))):
        place = m.place  # another attack, where the text before it was
    if earlier is not None and main.day:
        day = main.day - dt.timedelta(days=earlier)  # its sentence's day is the report's
    elif (other is not None or place != main.place) and m.explicit_day and m.day:
        day = m.day  # a claim apart is dated by its own sentence, even a day from its report's
    if m.span:  # where its own sentence says, even a region around its report's town
        return Incident(m.place if m.own_place and m.place else place, None, main.article_id,
                        lead_words(m.sentence), stated=True, held=held, other=other,
                        span=m.span)
    if place == main.place and day == main.day and not held and other is None:
        return None
    return Incident(place, day, main.article_id, lead_words(m.sentence),  # not the lead's
                    stated=main.stated or day != main.day, held=held, other=other,
                    written=written)


def _added_sentences(mentions: list[Mention]) -> frozenset[int]:
    """Where the sentences past a text's first start that add another attack's toll to its
    report's: by words that name another attack ("elsewhere"), or by a count told as "also
    killed" right after it ("Twenty-six civilians were also killed yesterday"; not "killed
    21 and also wounded 30", the same attack's other count), not as a stage of a count."""
    return frozenset(m.sentence_start for m in mentions
                     if m.sentence_start and not m.staged
                     and (_tells_other(m.sentence, NAMED_OTHER_RE) or _added_after(m)))


def _added_after(m: Mention) -> bool:
    """Whether "also" and a participle of a claim's own metric follow its count within
    ADDED_REACH ("26 civilians were also killed")."""
    at = m.start - m.sentence_start
    found = ADDED_RE.search(m.sentence, at, at + ADDED_REACH)
    return found is not None and PARTICIPLE_METRIC.get(found.group(1).lower()) == m.metric


def _another_attack(m: Mention, day: dt.date | None = None,
                    added: frozenset[int] = frozenset()) -> bool:
    """Whether a claim's sentence tells its toll as another attack's than its report's own
    ("Elsewhere, air strikes on Douma killed six"; "three people were also killed in another
    town"; in the lead, past its first sentence, only by words that name another attack:
    "fifteen others were killed in two more incidents", or as a toll its sentence adds
    (`added`) on a day it states other than its report's attack's `day`: "26 were also
    killed yesterday"), not as a stage of its count ("meanwhile the toll rose to 40")."""
    if m.staged or not m.sentence_start:
        return False
    if not m.lead:
        return _tells_other(m.sentence, OTHER_EVENT_RE)
    other_day = m.said is not None and day is not None and m.said != day
    return (_tells_other(m.sentence, NAMED_OTHER_RE)
            or (other_day and m.sentence_start in added))


def _other_side(m: Mention, sides: frozenset[str]) -> bool:
    """Whether a claim past its report's lead is told as the attack of another side than
    the lead's tolls are (`sides`): "the rebel barrage killed 10 in the city" in a report
    led by government air strikes that killed 15 outside it."""
    if m.lead or m.staged or not sides:
        return False
    side = attacking_side(m)
    return side is not None and side not in sides


def attacking_side(m: Mention) -> str | None:
    """The side whose attack a claim's sentence tells its toll as, by the side's word
    before the words of an attack nearest the claim ("the rebel barrage killed 10",
    "killed 15 in government air strikes"); None when it names none."""
    at = m.start - m.sentence_start
    found = [(min(abs(at - f.end()), abs(f.start() - at)), SIDE_OF[f.group(1).lower()])
             for f in SIDE_ATTACK_RE.finditer(m.sentence)]
    return min(found)[1] if found else None


def _days_earlier(m: Mention) -> int | None:
    """How many days before its report's attack a claim's toll was, when its sentence tells
    it, after that attack, as an earlier one's ("the shelling comes a day after eight were
    killed in a similar attack"; "six were killed on Thursday, a day after air strikes left
    35 dead"); None when it does not, or when those words open the sentence ("A day after
    the truce began, jets killed 12" is the report's own attack) or the toll is a stage of
    a count."""
    if m.staged:
        return None
    found = EARLIER_RE.search(m.sentence, 0, max(0, m.start - m.sentence_start))
    if found is None or not m.sentence[:found.start()].strip():
        return None
    return EARLIER_ATTACK_DAYS[" ".join(found.group().lower().split())]


@functools.lru_cache(maxsize=4096)
def _tells_other(sentence: str, words: regex.Pattern) -> bool:
    """Whether a sentence has the words of another attack's toll (OTHER_EVENT_RE, or in a
    lead NAMED_OTHER_RE)."""
    return words.search(sentence) is not None


@functools.lru_cache(maxsize=4096)
def _held_in(sentence: str) -> frozenset[str]:
    """Who holds the places a sentence names as held; most name none, and are passed over by
    the endings of those words ("-held") alone."""
    text = sentence.lower()
    if not any(ending in text for ending in HELD_ENDINGS):
        return frozenset()
    return _held(HELD_RE.findall(text))


def _held(words: Iterable[str]) -> frozenset[str]:
    """Who holds the places some words name as held (lexicon.HELD_BY)."""
    return frozenset(HOLDER_OF[w] for w in words if w in HOLDER_OF)


def holders(i: Incident) -> frozenset[str]:
    """Who holds where an incident struck, as its report's lead says: "the rebel-held east",
    "government-held Damascus" (a claim's own sentence, for a claim apart)."""
    return i.held or _held(i.words)


def _other_holders(a: Incident, b: Incident) -> bool:
    """Whether two reports name only places held by different sides: rebel fire on the
    government-held west of a city and a barrel bomb on its rebel-held east are two attacks."""
    ha, hb = holders(a), holders(b)
    return bool(ha and hb and not ha & hb)


def lead_words(text: str | None) -> frozenset[str]:
    """The words of a text's top that can tell one incident's reports from another's: names,
    weapons, targets ("Atmeh", "bus", "wedding"); short words say nothing of that. Each word
    is interned: a regroup's chunk then holds each once, not once per report."""
    top = (text or "")[:LEAD_CHARS].lower()
    return frozenset(sys.intern(w) for w in WORD_RE.findall(top) if len(w) >= MIN_WORD)


def article_incidents(mentions: list[Mention], day: dt.date | None,
                      words: frozenset[str] = frozenset()) -> list[Incident]:
    """Assign each claim of one article its incident as this article reports it; `words`
    are its lead's (`lead_words`)."""
    anchor = _anchor(mentions)
    if anchor is None:
        return []
    added = _added_sentences(mentions)
    main_day, stated = _article_day(mentions, day, anchor, added)
    span = None if stated else _lead_span(mentions, anchor)
    main = Incident(anchor, None if span else main_day, mentions[0].article_id, words,
                    main=True, stated=stated or span is not None, span=span)
    found = {main.key: main}
    sides = frozenset(side for m in mentions if m.lead and m.role == "total"
                      and (side := attacking_side(m)))
    for m in mentions:
        apart = _apart(m, main, sides, added)
        incident = main if apart is None else found.setdefault(apart.key, apart)
        if apart is not None:
            incident.words |= apart.words
        incident.mentions.append(m)
        m.incident = incident
    _headline_follows(mentions, main)
    return [i for i in found.values() if i.mentions]


def _headline_follows(mentions: list[Mention], main: Incident) -> None:
    """Move each toll of a text's first sentence (its headline) to the incident of a later
    sentence's equal toll that is set apart ("Syria air raids kill 25 civilians" over
    "separate air raids in northern Syria killed at least 25 civilians"), when no later toll
    of the main incident gives that count: the headline tells that toll, not the lead's."""
    def key(m: Mention) -> tuple:
        return m.metric, m.kind, m.value

    kept = {key(m) for m in main.mentions if m.sentence_start and m.role == "total"}
    apart = {key(m): m.incident for m in mentions
             if m.sentence_start and m.role == "total" and m.incident is not main}
    for m in [m for m in main.mentions if not m.sentence_start and m.role == "total"]:
        into = apart.get(key(m))
        if into is not None and key(m) not in kept:
            main.mentions.remove(m)
            into.mentions.append(m)
            m.incident = into


def _told_before(a: Incident, b: Incident) -> bool:
    """Whether a report dated by the day it was told (its text states no day) was told
    before the day another report states: no report tells of an attack still to come."""
    return bool(not a.stated and b.stated and a.day and b.day and a.day < b.day)


def _allowed(a: Incident, b: Incident) -> int:
    """How many days two reports of one incident may be apart: none when both texts state
    the day, LINK_DAYS when either is dated by its publication, often the morning after."""
    return 0 if a.stated and b.stated else LINK_DAYS


def _windows(incidents: list[Incident]) -> list[list[Incident]]:
    """Split incidents of one place into runs whose days are within LINK_DAYS of the run's
    first; undated incidents stay alone."""
    dated = sorted((i for i in incidents if i.day), key=lambda i: (i.day, i.article_id))
    runs: list[list[Incident]] = []
    for i in dated:
        if runs and (i.day - runs[-1][0].day).days <= _allowed(runs[-1][0], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs + [[i] for i in incidents if i.day is None]


def _weights(incidents: list[Incident]) -> dict[str, float]:
    """Each lead word's weight among one country's reports: rare words (a town, a weapon)
    weigh more than words every report uses ("killed", "Syria")."""
    df: dict[str, int] = defaultdict(int)
    for i in incidents:
        for w in i.words:
            df[w] += 1
    n = len(incidents) + 1
    return {w: math.log(n / count) for w, count in df.items()}


def means(i: Incident) -> frozenset[str]:
    """How the attack was carried out, as its report's lead says (lexicon.ATTACK_MEANS)."""
    return frozenset(ATTACK_MEAN_OF[w] for w in i.words if w in ATTACK_MEAN_OF)


def _other_means(a: Incident, b: Incident) -> bool:
    """Whether two reports name only different means of attack: rockets on one district
    and air raids on another the same day are two attacks."""
    ma, mb = means(a), means(b)
    return bool(ma and mb and not ma & mb)


def similarity(a: Incident, b: Incident, weights: dict[str, float]) -> float:
    """Weighted Jaccard of two reports' lead words: 1 for the same words, 0 for none shared."""
    shared = sum(weights.get(w, 0.0) for w in a.words & b.words)
    union = a.mass + b.mass - shared
    return shared / union if union > 0 else 0.0


def tolls(i: Incident) -> frozenset[tuple]:
    """The tolls an incident's reports give (metric, kind of victims, value), of SHARED_TOLL or
    more: the same toll in two reports of one day and region is one incident's."""
    return frozenset((m.metric, m.kind, m.value) for m in i.mentions
                     if m.role == "total" and m.metric in TOLL_METRICS and m.value >= SHARED_TOLL)


def _alike(i: Incident, head: Incident, weights: dict[str, float], enough: float,
           dated: bool = False) -> float:
    """How alike a report is to an incident's: the best likeness of their lead words, or
    `enough` when one of its reports gives the same toll on the same day (`_days_apart`;
    `_both_told_apart` pairs are not compared by their words); `dated`: only its reports
    dated within LINK_DAYS of the report count (`_near`), since one outlet's reports of
    other days share its furniture ("Get short URL") and its places, not an attack."""
    linked = [m for m in (head, *head.linked) if not dated or _near(m, i)]
    score = max((similarity(i, member, weights) for member in linked
                 if not _both_told_apart(i, member)), default=0.0)
    if score < enough and any(i.tolls & member.tolls for member in linked
                              if not _days_apart(i, member)):
        return enough
    return score


def said_days(i: Incident) -> frozenset[dt.date]:
    """The days an incident's tolls' own sentences state ("on Tuesday", "on October 13"),
    read even where a feed's date puts a weekday in doubt."""
    return frozenset(m.said for m in i.mentions
                     if m.said and m.role in ("total", "part") and m.metric in TOLL_METRICS)


def _said_apart(i: Incident, head: Incident) -> bool:
    """Whether the sentences of a report's tolls state days OTHER_DAY or more from every day
    the sentences of an incident's reports state: Tuesday's four killed in a city and
    Thursday's four killed at a school there are two attacks however alike their words."""
    if not i.said:
        return False
    said = frozenset().union(*(m.said for m in (head, *head.linked)))
    return bool(said) and all(abs((x - y).days) >= OTHER_DAY for x in i.said for y in said)


def _days_apart(a: Incident, b: Incident) -> bool:
    """Whether two reports both state their day and the days differ: a night attack told as
    of either day, or two attacks on consecutive days, which the same toll does not tell
    apart (a town's shelling kills seven on Tuesday and seven on Wednesday)."""
    return a.stated and b.stated and a.day != b.day


def _both_told_apart(a: Incident, b: Incident) -> bool:
    """Whether two incidents are claims set apart from their reports' main incidents, one of
    them told as another attack: "four were also killed" and "ten were also killed" share
    the words of their sentences, not an attack."""
    return not a.main and not b.main and (a.other is not None or b.other is not None)


def _near(head: Incident, i: Incident) -> bool:
    """Whether a report's day is within LINK_DAYS of an incident's first report: a report
    joined by the likeness of its lead may state the day after, as a night attack's does."""
    return bool(i.day and head.day and abs((i.day - head.day).days) <= LINK_DAYS)


def _best(i: Incident, heads: list[Incident], weights: dict[str, float],
          enough: float = SIMILAR) -> Incident | None:
    """The incident a report named only by its region (or country) joins: the most similar
    of the candidates whose day is near, by their reports whose day is near, if it is
    similar `enough`."""
    return _most_alike(i, [head for head in heads if _near(head, i)], weights, enough,
                       dated=True)


def _most_alike(i: Incident, heads: list[Incident], weights: dict[str, float],
                enough: float, dated: bool = False) -> Incident | None:
    """The most similar of some incidents to a report, if it is similar `enough`; none told
    by its own article or naming only other means of attack; `dated`: as in `_alike`."""
    scored = [
        (_alike(i, head, weights, enough, dated), n)
        for n, head in enumerate(heads)
        if not _said_apart(i, head) and not any(
            _other_means(i, m) or m.article_id == i.article_id for m in (head, *head.linked))
    ]
    score, n = max(scored, default=(0.0, -1))
    return heads[n] if n >= 0 and score >= enough else None


def _recall(recalled: list[Incident], heads: list[Incident],
            weights: dict[str, float]) -> list[Incident]:
    """Join each attack a report recalls by its week or month ("earlier this week a chemical
    attack hit the town") to the incident at its town or region in that span whose reports
    are most like its sentence (SIMILAR_COUNTRY: a week holds many attacks at one place);
    one known only by its country, or like none, stands alone. Returns those alone."""
    by_day = _ByDay(heads)
    alone = []
    for i in sorted(recalled, key=lambda i: (str(i.span), i.article_id)):
        found = None
        if i.place.level != "country":
            near = [h for h in by_day.between(*i.span) if _within(h.place, i.place)]
            found = _most_alike(i, near, weights, SIMILAR_COUNTRY)
        if found is None:
            alone.append(i)
        else:
            found.linked.append(i)
    return alone


def _recall_day(recalled: list[Incident], heads: list[Incident],
                weights: dict[str, float]) -> list[Incident]:
    """Join each attack a report recalls by the day it writes out ("the last attack on the
    shrine, on April 25, killed seven"), known only by its region or country, to the
    incident of that day (or the next, LINK_DAYS, for a night's attack) in its place most
    like its sentence (`_join_day`); one whose sentence names no place of its own is looked
    for in its whole country. A second round joins recollections like one that joined in
    the first; those left join each other when alike, else stand alone. Returns those
    alone."""
    by_day = _ByDay(heads)
    pending = sorted(recalled, key=lambda i: (str(i.day), i.article_id))
    for _ in range(2):
        pending = [i for i in pending if not _join_day(i, by_day.near(i.day), weights)]
    alone = _ByDay()
    for i in pending:
        if not _join_day(i, alone.near(i.day), weights):
            alone.add(i)
    return [i for i in pending if i in alone.days[i.day]]


def _join_day(i: Incident, heads: list[Incident], weights: dict[str, float]) -> bool:
    """Link a recalled attack to the incident within its place among `heads` most like it
    (SIMILAR); whether one was."""
    found = _most_alike(i, [h for h in heads if _within(h.place, i.place)], weights, SIMILAR)
    if found is not None:
        found.linked.append(i)
    return found is not None


def _spot(i: Incident) -> tuple[float, float] | None:
    """Where an incident's town is, from a claim that names it."""
    return next(((m.latitude, m.longitude) for m in i.mentions
                 if m.place == i.place and m.latitude is not None), None)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points, in kilometres."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


class _ByDay:
    """Incidents by their day, so a report is compared only with those near it in time:
    grouping's cost grows with the reports, not with their pairs."""

    def __init__(self, incidents: Iterable[Incident] = ()) -> None:
        self.days: dict[dt.date | None, list[Incident]] = defaultdict(list)
        for i in incidents:
            self.add(i)

    def add(self, incident: Incident) -> None:
        """Keep an incident under its day."""
        self.days[incident.day].append(incident)

    def near(self, day: dt.date | None, days: int = LINK_DAYS) -> list[Incident]:
        """The incidents dated within `days` of `day` (none for an undated report)."""
        if day is None:
            return []
        return [i for step in range(-days, days + 1)
                for i in self.days.get(day + dt.timedelta(days=step), ())]

    def between(self, first: dt.date, last: dt.date) -> list[Incident]:
        """The incidents dated from `first` to `last`, both included."""
        return [i for step in range((last - first).days + 1)
                for i in self.days.get(first + dt.timedelta(days=step), ())]


def _neighbours(heads: list[Incident], weights: dict[str, float]) -> list[Incident]:
    """Join the incidents of towns within NEAR_KM of each other on the same days whose
    reports are alike: one air raid is told as the village's and as the town's beside it.
    Reports that both state their days must agree on them (`_days_apart`), as two reports
    of one town must (`_allowed`): a raid on one town on Monday and on the next on Tuesday
    are two attacks."""
    kept: list[Incident] = []
    by_day = _ByDay()
    for head in sorted(heads, key=lambda i: (str(i.day), i.place.name, i.article_id)):
        spot = _spot(head)
        near = [k for k in by_day.near(head.day) if spot and k.place.name != head.place.name
                and not _days_apart(k, head)
                and (other := _spot(k)) and _km(spot, other) <= NEAR_KM] if spot else []
        into = _best(head, near, weights) if near else None
        if into is None:
            kept.append(head)
            by_day.add(head)
        else:
            into.linked += [head, *head.linked]
            head.linked = []
    return kept


def _copies(heads: list[Incident], roots: dict[str, str]) -> list[Incident]:
    """Join the main incidents of copies of one text at one place, whatever their days: a
    reprint tells the original's story, and its feed date is often its own."""
    seen: dict[tuple[str, str], Incident] = {}
    kept = []
    for head in heads:
        keys = {(roots.get(i.article_id, i.article_id), i.place.name)
                for i in (head, *head.linked) if i.main}
        into = next((seen[k] for k in sorted(keys) if k in seen and seen[k] is not head), None)
        if into is None:
            kept.append(head)
            into = head
        else:
            into.linked += [head, *head.linked]
            head.linked = []
        for key in keys:
            seen.setdefault(key, into)
    return kept


def link(incidents: Iterable[Incident], roots: dict[str, str] | None = None) -> list[Incident]:
    """Link one country's article incidents across articles (rule 3 of the module); each
    returned incident holds the others in `linked`. `roots` maps each reprint to the
    article it copies (claims.reprints)."""
    incidents = list(incidents)
    weights = _weights(incidents)
    shared: dict[frozenset[tuple], frozenset[tuple]] = {}
    for i in incidents:
        i.mass = sum(weights.get(w, 0.0) for w in i.words)
        i.tolls = shared.setdefault(found := tolls(i), found)  # copies give the same tolls
        i.said = said_days(i)
    recalled = [i for i in incidents if i.span]
    dated = [i for i in incidents if i.written and i.place.level != "town"]
    incidents = [i for i in incidents if not i.span and i not in dated]
    by_level: dict[str, dict[tuple, list[Incident]]] = defaultdict(lambda: defaultdict(list))
    for i in incidents:
        by_level[i.place.level][i.place.name, i.place.region or ""].append(i)
    heads: list[Incident] = []
    for key in sorted(by_level["town"]):
        runs = _windows(by_level["town"][key])
        for run in runs:
            run[0].linked = run[1:]
        heads += [run[0] for run in runs]
    heads = _neighbours(heads, weights)
    towns: dict[str, _ByDay] = defaultdict(_ByDay)
    for head in heads:
        towns[head.place.region or ""].add(head)
    regions: dict[str, list[Incident]] = defaultdict(list)
    for key in sorted(by_level["region"]):
        alone = _ByDay()
        for i in sorted(by_level["region"][key], key=lambda i: (str(i.day), i.article_id)):
            found = (_best(i, [t for t in towns[key[1]].near(i.day) if not _told_before(i, t)],
                           weights, _enough(i))
                     or _best(i, alone.near(i.day), weights))
            if found is None:
                regions[key[1]].append(i)
                alone.add(i)
            else:
                found.linked.append(i)
                found.joined_region = found.place.level == "town"
    for key in sorted(regions):
        heads += regions[key]
    placed = _ByDay(heads)
    for key in sorted(by_level["country"]):
        alone = _ByDay()
        for i in sorted(by_level["country"][key], key=lambda i: (str(i.day), i.article_id)):
            found = None if _summed(i) else (_best(i, placed.near(i.day), weights, SIMILAR_COUNTRY)
                                             or _twin(i, alone.near(i.day)))
            if found is None:
                heads.append(i)
                alone.add(i)
            else:
                found.linked.append(i)
    heads += _recall_day(dated, heads, weights)
    heads += _recall(recalled, heads, weights)
    return _copies(heads, roots or {})


def _summed(i: Incident) -> bool:
    """Whether a report known only by its country leads with a toll summed over attacks in
    several places ("separate air raids in northern Syria killed 25"): no one attack's."""
    return any(m.several and m.lead for m in i.mentions)


def _enough(i: Incident) -> float:
    """How alike a report known only by its region must be to join a town's incident there:
    SIMILAR, or SIMILAR_COUNTRY when it names the province's namesake city as a city, a town
    of its own ("a missile hit the eastern city of Deir el-Zour" and the strikes on Mayadin
    share the province's words, not an attack)."""
    return SIMILAR_COUNTRY if any(m.city and m.own_place for m in i.mentions) else SIMILAR


def _twin(i: Incident, heads: list[Incident]) -> Incident | None:
    """The incident known only by its country that a report of it joins: one giving at least
    TWIN_TOLLS of the same tolls on a near day ("more than 30 rebels" and "32 rebels" in
    both), which one country's other events of those days do not."""
    return next((head for head in heads
                 if any(len(i.tolls & m.tolls) >= TWIN_TOLLS for m in (head, *head.linked))),
                None)


def members(head: Incident) -> Iterator[Mention]:
    """Every claim of a linked incident."""
    for i in (head, *head.linked):
        yield from i.mentions


def told_means(parts: list[Incident]) -> str | None:
    """How most reports of an incident say it was carried out ("chemical attack"), among
    those that say; None when none do."""
    counts: dict[str, int] = defaultdict(int)
    for i in parts:
        for mean in means(i):
            counts[mean] += 1
    if not counts:
        return None
    order = list(ATTACK_MEAN_LABELS)
    best = max(counts, key=lambda m: (counts[m], -order.index(m)))
    return ATTACK_MEAN_LABELS[best]


def incident_row(head: Incident) -> dict:
    """The incidents table's row for a linked incident."""
    parts = [head, *head.linked]
    days = sorted(i.day for i in parts if i.day)
    mentions = list(members(head))
    place = head.place
    where = place.name if place.level != "town" or not place.region else (
        f"{place.name} ({place.region})")
    located = [m for m in mentions if m.latitude is not None and m.place == place]
    rule = (
        f"{place.level} {place.name}, reported on days within {LINK_DAYS} of {days[0]}"
        if days else f"{place.level} {place.name}, undated"
    )
    when = f"{days[0]}" if days else "undated"
    if not days and head.span:
        days = list(head.span)
        when = f"{days[0]} to {days[1]}"
        rule = (f"{place.level} {place.name}, an attack recalled by its week or month "
                f"({when}), like no report of an incident there then")
    if head.joined_region:
        rule += (f"; reports naming only {place.region} joined it: their leads are the most "
                 f"like its reports' of that region's incidents then (at least {SIMILAR:g}), "
                 f"or they give the same toll of {SHARED_TOLL} or more")
    if place.level == "country":
        rule += ("; known only by its country, so linked across articles only to reports "
                 f"giving {TWIN_TOLLS} of the same tolls")
    return {
        "id": stable_id("incident", *head.key, head.article_id),
        "label": f"{where}, {when}"
        + (f", {means}" if (means := told_means(parts)) else ""),
        "place": place.name,
        "level": place.level,
        "region": place.region,
        "country": place.country,
        "date_from": str(days[0]) if days else None,
        "date_to": str(days[-1]) if days else None,
        "articles": len({i.article_id for i in parts}),
        "outlets": len({m.outlet_id for m in mentions if m.outlet_id}),
        "claims": len(mentions),
        "latitude": located[0].latitude if located else None,
        "longitude": located[0].longitude if located else None,
        "rule": rule,
        "means": means,
    }
