"""Turn one number into a claim, in named steps.

Each step reads a few words around the number and fills in part of a draft claim (its span,
qualifier, unit, subject, metric, direction, source, place and time), or returns True to drop
a number that is no claim (a year, a modifier, a difference). They run in the order of
`STEPS`: a new rule lands as one new step, placed after the steps whose fields it reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import regex

from claims.extraction import discourse, metrics, places, qualifiers, roles, times, units
from claims.extraction.candidates import (
    BETWEEN_RE,
    PEOPLE_AFTER_RE,
    PLURAL_AFTER_RE,
    Number,
    looks_like_year,
)
from claims.extraction.lexicon import (
    ABOARD_WORDS,
    ACCORDING_PHRASES,
    AGE_GROUP_NOUNS,
    AGE_LEVEL_NOUNS,
    ARTICLES,
    CHARGE_NOUNS,
    CROWD_NOUNS,
    DEPRIVATIONS,
    DESCRIPTIVE_COMPOUND_NOUNS,
    HOUSEHOLD_NOUNS,
    INTRANSITIVE_EVENT_VERBS,
    LOCAL_DOLLARS,
    LOCATIVE_CUES,
    ONE_OF_A_NOUN,
    ONLY_WORDS,
    ORIGIN_CUES,
    PEOPLE_GROUPS,
    PEOPLE_STATES,
    PEOPLED_PLACES,
    PER_SYNONYMS,
    PLIGHTS,
    POSSESSIVES,
    PREPOSITIONS,
    RANK_EDGES,
    RATE_LEVEL_LINKS,
    RATE_LEVEL_NOUNS,
    RATE_NOT_BEFORE,
    RATE_NOUNS,
    REPORTING_VERBS,
    RESTATED_NOUNS,
    RESTATING_VERBS,
    SPEAKER_PRONOUNS,
    SPEAKER_VERBS,
    STATE_NOUNS,
    TALLY_RAISING_VERBS,
    TELLING_VERBS,
    TOLL_LEVEL_VERBS,
)
from claims.extraction.numbers import FRACTION_WORDS, TENS_WORDS, UNITS_WORDS
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, group_numbers
from claims.extraction.sentences import Sentences
from claims.models import PEOPLE_METRICS, Claim, Place, TimeRef

# "Ross was down 2.3%, Burlington by 2.6%": an elliptic change keeps the direction.
BY_BEFORE_RE = ending_at(r"\bby[ \t]+")
# A measure that sizes what a figure counts: "eight million 250ml bottles".
MEASURE_MODIFIER_RE = regex.compile(r"[ \t]+\d+(?:\.\d+)?(?=[ \t]?-?[ \t]?\p{L})")
# What lies between a change and the level it reached: "down 68p at 1112", "rose 2% to 1850".
LEVEL_AFTER_CHANGE_RE = regex.compile(r"[ \t]*,?[ \t]*(?i:to|at)[ \t]+")
# "ago" after a span: the span dates an event ("four years ago").
AGO_AFTER_RE = regex.compile(r"[ \t]+(?i:ago)\b")
# A rate's denominator after "a"/"an", not a time ("5% a year earlier"): "$3,500 a month",
# "400,000 barrels a day", "a 52,000 barrel-a-day refinery"; or after "per", which any noun
# may follow: "63 cents per share", "$80 per sq m".
RATE_RE = regex.compile(
    rf"[ \t-](?:(?i:an?)(?:[ \t]+|-)(?P<noun>(?i:{alternation(RATE_NOUNS)}))"
    rf"(?![\w-])(?![ \t]+(?i:{alternation(RATE_NOT_BEFORE)})\b)"
    r"|(?i:per)[ \t]+(?!(?i:cent|centum|se)\b)"
    r"(?P<noun>(?i:(?:square|cubic|sq\.?)[ \t]+)?\p{L}+)(?![\w-]))"
)
# The same figure restated in brackets before its rate, or the bracket that ends the
# restatement: "9 billion shekels ($2.4 billion) a year", "C$6 (US$4.46) per share".
ASIDE_RE = regex.compile(r"[ \t]*\([^()]{1,40}\)|\)")
# The two characters a rate starts with after a figure, checked before the pattern is tried.
RATE_OPENINGS = frozenset(gap + letter for gap in " \t-" for letter in "aApP")
# People a bare figure counts by where they are or the group they make: "with 239 on board",
# "a crew of seven".
_GAP = r"[ \t]+"
ABOARD_AFTER_RE = regex.compile(rf"[ \t]+(?i:{alternation(ABOARD_WORDS, space=_GAP)})\b")
GROUP_OF_BEFORE_RE = ending_at(
    rf"\b(?i:{alternation(PEOPLE_GROUPS, backward=True)})[ \t]+of[ \t]+"
)
# Where counted people came from, right before a count of households: "the dead were from
# six families", "three children from the same two families".
ORIGIN_BEFORE_RE = ending_at(
    rf"\b(?i:{alternation(ORIGIN_CUES, backward=True)})[ \t]+"
    r"(?:(?i:the)[ \t]+(?:(?i:same)[ \t]+)?)?"
)
# What befell people (lexicon.PEOPLE_STATES), right after a bare figure: "left 15 dead",
# "one was killed and six more wounded", "left 120 other wounded" (translated copy).
STATE_AFTER_RE = regex.compile(
    rf"(?:[ \t]+(?i:more|other|got|get))?[ \t]+"
    rf"(?P<state>(?i:{alternation((*PEOPLE_STATES, *DEPRIVATIONS, *PLIGHTS))}))\b"
)
_STATE_AFTER = group_numbers(STATE_AFTER_RE)
# A state a word after a figure: "dozens more wounded", "four others injured".
STATE_SOON_AFTER_RE = regex.compile(
    rf"(?:[ \t]+\p{{Ll}}+)?[ \t]+(?P<state>(?i:{alternation(PEOPLE_STATES)}))\b"
)
_STATE_SOON_AFTER = group_numbers(STATE_SOON_AFTER_RE)
# A second state joined to the first: "killed or injured" are casualties.
JOINED_STATE_RE = regex.compile(rf"[ \t]+(?i:and|or|&)[ \t]+(?i:{alternation(PEOPLE_STATES)})\b")
# What befell the people a counted noun names, right after it: "12 others injured", "seven
# others were injured", "five soldiers have been killed".
STATE_OF_NOUN_RE = regex.compile(
    r"[ \t]+(?:(?i:were|was|are|is|have[ \t]+been|has[ \t]+been|had[ \t]+been)[ \t]+)?"
    rf"(?P<state>(?i:{alternation((*PEOPLE_STATES, *DEPRIVATIONS, *PLIGHTS))}))\b"
)
_STATE_OF_NOUN = group_numbers(STATE_OF_NOUN_RE)
# Verbs of a figure's own, besides any past participle: "and 167 were rescued", "41 remain".
OWN_VERBS = ("were", "was", "are", "is", "have", "has", "had", "remain", "remained", "remains")
# A verb of speech right after a figure's noun phrase: the figure speaks ("One man said",
# "two residents told AFP"); not when a name or a noun follows "said", its speaker ("two
# soldiers said Observatory director ...", "said the monitor"), nor "said to be".
_NOT_SPOKEN = alternation(("to", *ARTICLES, *POSSESSIVES))
SPEAKER_AFTER_RE = regex.compile(
    rf"[ \t]+(?:(?:has|have|had)[ \t]+)?(?:(?i:{alternation(TELLING_VERBS)})\b"
    rf"|(?i:{alternation(SPEAKER_VERBS)})\b(?![ \t]+(?:(?i:{_NOT_SPOKEN})\b|\p{{Lu}})))"
)
# A verb of speech right after a figure's noun phrase that opens its sentence: whatever comes
# after it, the figure speaks, unless it is "said to be" someone.
OPENING_SPEAKER_AFTER_RE = regex.compile(
    rf"[ \t]+(?:(?:has|have|had)[ \t]+)?"
    rf"(?i:{alternation((*TELLING_VERBS, *SPEAKER_VERBS))})\b(?![ \t]+to\b)"
)
# A plural noun, with up to two words before it, and a verb of reaching a level right before a
# figure: "confirmed cases climbed to 1,200", "refugees rose to".
LEVEL_OF_COUNTED_RE = ending_at(
    rf"(?i:\b(?P<np>(?:[a-z-]+[ \t]+){{0,2}}(?!(?:has|was|is)\b)[a-z-]+s)[ \t]+"
    r"(?:(?:in|across|among)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}[ \t]+)?"  # "in Brazil"
    r"(?:(?:have|has|had)[ \t]+(?:now[ \t]+|already[ \t]+)?)?"  # "have topped"
    rf"(?:{alternation(TOLL_LEVEL_VERBS, backward=True)})[ \t]+(?:to[ \t]+)?)"
)
# How far back from the figure such a noun phrase may start.
LEVEL_OF_COUNTED_REACH = 90
# The words LEVEL_OF_COUNTED_RE may end with, right before the figure.
LEVEL_LAST_WORDS = frozenset(["to", *(verb.split()[-1] for verb in TOLL_LEVEL_VERBS)])
# The words a level's noun phrase is read after: "number of cases", "attack on evacuees".
LEVEL_PREPOSITIONS = frozenset(PREPOSITIONS)
# A verb of the figure's own right after it: "and 167 were rescued", "41 are still missing".
OWN_VERB_AFTER_RE = regex.compile(rf"[ \t]+(?:(?i:{alternation(OWN_VERBS)})\b|\p{{Ll}}+ed\b)")
# A hyphen left hanging until the last of a list: "7- or 8-inch", "four-, five- and six-cylinder".
SUSPENDED_RE = regex.compile(
    r"-(?:,?[ \t]+(?:(?:or|and|to)[ \t]+)?[\w.]+-)*,?[ \t]+(?:(?:or|and|to)[ \t]+)?[\w.]+"
    r"-(?P<head>\p{L}+)"
)
# A sentence that goes on with the report before it: its speaker as a pronoun, then a
# reporting verb ("It said", "He added").
CONTINUED_REPORT_RE = regex.compile(
    rf"[ \t\n]*(?i:{alternation(SPEAKER_PRONOUNS)}|they)[ \t]+"
    rf"(?:{alternation(REPORTING_VERBS)})\b"
)
# How far back a bare figure may find the figure whose unit it leaves unsaid.
ELLIPSIS_REACH = 90
# A figure quoted on its own: the opening quote a few words before it (its qualifier
# between), the closing one right after it.
QUOTED_FIGURE_REACH = 24
OPENING_QUOTE_BEFORE_RE = ending_at(r"[\"“][^\"“”\n]*")
# The quotation marks that may close a figure quoted on its own, and the pattern of one.
CLOSING_QUOTES = frozenset('"”')
CLOSING_QUOTE_RE = regex.compile(rf"[{''.join(sorted(CLOSING_QUOTES))}](?=[ \t]+\p{{Ll}})")
# How far after a figure its event cue is read, past any bracketed aside (`BRACKETED_RE`).
EVENT_REACH = 60
BRACKETED_RE = regex.compile(r"[ \t]*\([^()\n]{1,60}\)")
# A bare figure listed on from the one before by place: the gap between them is, after the
# first figure's own verb if any, a place phrase and "and" ("15 in a northern district of
# Manbij and another six in the village", "40 were killed in the capital and 12 in the
# south"), and the figure is followed by its own place or ends the clause.
LISTED_ON_RE = regex.compile(
    r"(?:[ \t]+(?!and\b)\p{Ll}+){0,3}"
    rf"[ \t]+(?:{alternation(sorted(LOCATIVE_CUES))})[ \t]+[^.;:!?\d]{{1,{ELLIPSIS_REACH}}}?"
    r"(?:,[ \t]*|,?[ \t]+and[ \t]+)(?:(?:another|a[ \t]+further|the[ \t]+other)[ \t]+)?"
)
LISTED_END_RE = regex.compile(rf"[ \t]+(?:{alternation(sorted(LOCATIVE_CUES))})\b|[ \t]*[.,;]")
# What comes before a level, which takes the unit of a change: "rose 64 points to 4,577".
LEVEL_BEFORE_RE = ending_at(
    r"(?i:\b(?:to|at|of)[ \t]+(?:(?:a|an|the)[ \t]+\p{Ll}+[ \t]+of[ \t]+)?)"
)
# A part of the figure before, named by a pronoun: "9 bodies, 4 of them burned".
PARTITIVE_PRONOUN_AFTER_RE = regex.compile(r"[ \t]+of[ \t]+(?i:them|whom)\b")
# A bare figure out of a counted whole: "18 of the 31 lorries", "three of the five hospitals",
# "212 of 400 seats".
_WHOLE_DETERMINER = r"(?:(?i:the|those|these|its|their)[ \t]+)?"
_SMALL_NUMBER = rf"(?:\d[\d,.]*|(?i:{alternation((*UNITS_WORDS, *TENS_WORDS))}))"
PARTITIVE_COUNT_RE = regex.compile(
    rf"[ \t]+of[ \t]+{_WHOLE_DETERMINER}{_SMALL_NUMBER}(?!\w)"
)
# The part written before a counted whole: "3 of the" before "12 hostages were freed", "half
# of the" before "40 patients died".
PARTITIVE_PART_BEFORE_RE = ending_at(
    rf"(?<!\w)(?:{_SMALL_NUMBER}|(?i:{alternation(FRACTION_WORDS)}))[ \t]+of[ \t]+"
    rf"{_WHOLE_DETERMINER}"
)
# The word right after a counted whole: an event's participle there describes the whole
# ("one of two people killed"), a helper opens the part's own verb ("were freed").
WORD_AFTER_RE = regex.compile(r"[ \t]+(\p{Ll}+)\b")
# How far after the figure it is part of such a part may stand.
PARTITIVE_REACH = 24
# "including 3 soldiers and 7 other people": the next part of the same count.
AND_BEFORE_RE = ending_at(r"\band[ \t]+")
ARTICLE_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(ARTICLES, backward=True)}))[ \t]+")
# A rate's level written bare after it: "interest rates near zero", "a rate of 5".
RATE_LEVEL_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(RATE_LEVEL_NOUNS, backward=True)})[ \t]+"
    rf"(?:(?:{alternation(RATE_LEVEL_LINKS, backward=True)})[ \t]+){{0,2}})"
)
# A word that stresses a count of one (lexicon.ONLY_WORDS): "only one name".
ONLY_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(ONLY_WORDS, backward=True)})[ \t]+)")
# A charge counted after the figure: "one count of wire fraud", "one charge of assault".
CHARGE_OF_AFTER_RE = regex.compile(rf"[ \t]+(?i:{alternation(CHARGE_NOUNS)})[ \t]+of\b")
# A place sized by its people, before the figure: "a nation of about 11 million people".
PEOPLED_PLACE_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(PEOPLED_PLACES, backward=True)})[ \t]+of[ \t]+)"
)
# An object's determiner right after a word read as a counted noun, which makes that word a
# verb: "a nation of 11 million mourns its dead".
VERB_BEFORE_OBJECT_RE = regex.compile(
    rf"[ \t]+(?:{alternation((*ARTICLES, *POSSESSIVES))})[ \t]", regex.IGNORECASE)
# What lies between a counted noun and a figure in its "of" phrase: "3 men of one family".
OF_BETWEEN_RE = regex.compile(r"[ \t]+of[ \t]+")
# Comparatives that make a figure a difference: "one more than the official toll".
COMPARATIVES = ("more", "fewer", "less", "higher", "lower")
COMPARATIVE_AFTER_RE = regex.compile(rf"[ \t]+(?i:{alternation(COMPARATIVES)})[ \t]+than\b")
# What lies between a figure and the same figure restated in other units or terms.
RESTATED_RE = regex.compile(r"[ \t]*(?:,?[ \t]*or|\(|/)[ \t]*")
# A bare number set off by commas after a name is an age: "Jamie Armstrong, 25, said".
AGE_APPOSITION_BEFORE_RE = ending_at(r"\p{Lu}[\p{L}.'’-]*,[ \t]")
AGE_APPOSITION_AFTER_RE = regex.compile(r",[ \t]")
# Units whose signed figures in market copy are changes: "FTSE -0.6%", "Dow +120 points".
SIGNED_CHANGE_UNITS = frozenset({"percent", "points", "basis point"})
# Who may be said to be a bare number, and the verbs that say it: "who was 10", "he turned 35".
PERSON_PRONOUNS = ("who", "he", "she", "i")
AGE_STATE_VERBS = (
    "is", "was", "will be", "would be", "turned", "turns", "turning", "had turned", "has turned",
    "looked", "looks", "seemed", "appeared",  # "a woman who looked about 30"
)
# A person said to be a bare number is that old: "his daughter, who was 10", "he will be 35".
AGE_STATE_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(PERSON_PRONOUNS, backward=True)})\s+"
    rf"(?:{alternation(AGE_STATE_VERBS, backward=True)})\s+)"
)
# "the bottom three", "the top 10": a place in a ranking when no noun follows.
RANK_BEFORE_RE = ending_at(rf"(?i:\bthe[ \t]+(?:{alternation(RANK_EDGES, backward=True)})[ \t]+)")
# A noun said once before "or" and the number: "a day or two", "another pick or two".
NOUN_OR_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(ONE_OF_A_NOUN, backward=True)})[ \t]+"
    r"(?P<noun>\p{Ll}+)[ \t]+or[ \t]+)"
)
# An age noun before a bare level in its clause: "life expectancy for men in the city is
# around 73" (no other figure, nor a clause break, between them).
AGE_LEVEL_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(AGE_LEVEL_NOUNS, backward=True)})\b[^\d;:.()]{{0,50}})"
)
# "a 30-year-old", "her 18-month-old daughter", "a six-week-old baby"
AGE_UNITS = frozenset({"years", "months", "weeks", "days"})
AGE_AFTER_RE = regex.compile(r"[ \t]*-?[ \t]*old\b", regex.IGNORECASE)
# Words that make the number after them an age: "aged 25", "the age of 21", and each age of
# a list after them ("aged 12 and 15").
AGE_WORDS = ("aged", "age of", "ages of", "ages", "age")
AGE_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(AGE_WORDS, backward=True)})\s+"
    r"(?:\d{1,3}(?:\s*,\s*|\s+(?:and|or)\s+)){0,3})"
)
# A group of people a bound of age follows: "children under 5", "people aged over 65".
AGE_GROUP_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(AGE_GROUP_NOUNS, backward=True)})\s+(?:aged\s+)?)"
)
# The qualifiers that make such a bound: "under 5", "over 65".
AGE_BOUND_QUALIFIERS = frozenset({"less_than", "more_than", "at_most", "at_least"})


@dataclass(slots=True)
class _Context:
    """What the steps read about one number: the text, its sentence, the claims before it."""

    text: str
    number: Number
    sentences: Sentences
    sent_start: int
    sent_end: int
    previous: Claim | None  # the claim just before, if it is in the same sentence
    earlier: list[Claim]
    attributions: dict[int, list]  # by sentence start, read once per sentence
    published: dt.date | None


@dataclass(slots=True)
class _Draft:
    """The claim as the steps fill it in."""

    start: int
    end: int
    unit: str | None
    metric: str | None
    qualifier: str
    qualified: bool = False  # a qualifier was read before the number, in its sentence or not
    subject: str | None = None
    direction: str | None = None
    per: str | None = None
    source: str | None = None
    place: Place | None = None
    carried: bool = False  # the place is one the sentences before name (places.carried)
    summed: bool = False  # a total the figure before is brought up to, with others
    when: TimeRef | None = None
    role: roles.Role = roles.TOTAL


def from_number(
    text: str,
    number: Number,
    sentences: Sentences,
    attributions: dict[int, list],
    published: dt.date | None,
    earlier: list[Claim],
) -> Claim | None:
    """The claim `number` makes, or None when a step finds it makes none."""
    sent_start, sent_end = sentences.around(number.start)
    previous = earlier[-1] if earlier and earlier[-1].sentence_start == sent_start else None
    context = _Context(
        text, number, sentences, sent_start, sent_end, previous, earlier, attributions, published
    )
    draft = _Draft(
        number.start, number.unit_end, number.unit, number.unit_metric,
        "range" if number.low is not None else "exact",
    )
    for step in STEPS:
        if step(context, draft):
            return None
    return _to_claim(context, draft)


def _qualifier_before(context: _Context, draft: _Draft) -> None:
    """Read a qualifier before the number: "at least 12 people", "~5 km"."""
    before = qualifiers.qualifier_before(context.text, draft.start)
    if before is None:
        return
    draft.qualified = True
    if before[1] >= context.sent_start:
        if draft.qualifier != "range":
            draft.qualifier = before[0]
        draft.start = before[1]


def _prefix_word_unit(context: _Context, draft: _Draft) -> None:
    """Read a unit written as a word before the figure: "a magnitude 6.8 earthquake" measures
    the quake, it counts no earthquakes."""
    start, text = context.number.start, context.text
    if draft.unit is not None or text[start - 3 : start - 1] not in units.PREFIX_WORD_TAILS:
        return  # most figures follow no such word: its last two letters and a space
    before = units.PREFIX_WORD_UNIT_RE.match(
        context.text, max(context.sent_start, start - 16), start, KEEP_GIL)
    if before:
        draft.unit = units.PREFIX_WORD_UNITS[before.group("word").lower()]
        draft.metric = units.UNIT_METRIC[draft.unit]
        draft.start = min(draft.start, before.start())


def _quake_magnitude(context: _Context, draft: _Draft) -> None:
    """Read a quake's magnitude in a figure with one decimal before its noun: "a 5.6 quake"
    measures it, it counts no quakes (nor, in "Two dead as 5.6 quake hits", the dead)."""
    number, text = context.number, context.text
    if draft.unit is not None or text[number.end - 2 : number.end - 1] != "." or not (
            1 <= number.value < 10):
        return
    if units.QUAKE_NOUN_RE.match(text, number.end, context.sent_end, KEEP_GIL):
        draft.unit = "magnitude"
        draft.metric = units.UNIT_METRIC["magnitude"]


def _between(context: _Context, draft: _Draft) -> None:
    """Open a range at its "between" when no qualifier came before: "between 30 and 40 people"."""
    if draft.qualifier != "range" or draft.start != context.number.start:
        return
    start = draft.start
    between = BETWEEN_RE.match(context.text, max(context.sent_start, start - 8), start, KEEP_GIL)
    if between:
        draft.start = between.start()


def _fraction_share(context: _Context, draft: _Draft) -> None:
    """A fraction in words without a unit is a share of a whole, whatever it is of: "a third
    of global output", "two-thirds of the members", "less than half"; so is a proportion,
    "one in three adults"."""
    number = context.number
    if number.unit is None and (
        number.unit_metric == "share"
        or 0 < number.value < 1
        and not any(char.isdigit() for char in context.text[number.start : number.end])
    ):
        draft.metric, draft.unit, draft.subject = "share", None, None
        draft.end = max(draft.start, number.unit_end)


def _rate_level(context: _Context, draft: _Draft) -> None:
    """A figure right after a rate with no noun of its own is the rate's level, a share:
    "interest rates near zero long after"; "a rate of 300 deaths a day" counts deaths."""
    number, start, subject = context.number, draft.start, draft.subject
    if (
        number.unit is None
        and draft.metric is None
        and (subject is None or not subject.endswith("s"))
        and "rate" in context.text[max(0, start - 24) : start].lower()
        and RATE_LEVEL_BEFORE_RE.match(context.text, max(context.sent_start, start - 24), start)
    ):
        draft.metric, draft.unit, draft.subject = "share", None, None
        draft.end = max(draft.start, number.unit_end)


def _noun_said_before(context: _Context, draft: _Draft) -> None:
    """Read the noun said once before "or" as what a small number counts: "a day or two" are
    days, "another pick or two" picks."""
    number, text, start = context.number, context.text, context.number.start
    if number.unit is not None or number.scale != 1 or not 2 <= number.value <= 10:
        return
    before = NOUN_OR_BEFORE_RE.match(text, max(context.sent_start, start - 30), start, KEEP_GIL)
    if before is None:
        return
    if PLURAL_AFTER_RE.match(text, number.end) or PEOPLE_AFTER_RE.match(text, number.end):
        return  # "one soldier or two civilians": the number has a noun of its own
    unit = units.suffix_unit(text, before.start("noun"))
    if unit is not None and unit[2] == before.end("noun"):
        draft.unit, draft.metric = unit[0], unit[1]
    else:
        draft.subject = before.group("noun")
        draft.unit = "people" if metrics.is_people(draft.subject) else "items"


def _crowd_now(context: _Context, draft: _Draft) -> None:
    """Count protesters in a bare figure whose present verb is a crowd's: "10,000 protest in
    Nairobi", "Thousands rally against the reform" (not "10,000 protest" items); after an
    article the figure sizes a noun ("the 5,000 march")."""
    if draft.unit is None and metrics.crowd_now(context.text, draft.end, context.sent_end) and (
            not ARTICLE_BEFORE_RE.match(context.text, max(0, draft.start - 5), draft.start)):
        draft.unit, draft.metric = "people", "protesters"


def _counted_noun(context: _Context, draft: _Draft) -> None:
    """Read the noun a number without a unit counts: "12 people", "one soldier", "3 villages"."""
    number = context.number
    if number.unit is not None or draft.unit is not None:
        return
    singular = number.value == 1 and number.low is None
    quoted = _closing_quote(context, draft)
    after = draft.end + len(quoted.group()) if quoted else draft.end
    found = metrics.subject_after(context.text, after, context.sent_end, singular=singular)
    if found:
        draft.subject = found[0]
        if not quoted:
            draft.end = found[1]
        draft.unit = "people" if metrics.is_people(draft.subject) else "items"
        _time_noun(draft)


# A source's phrase right before a figure: "citing two security sources", "according to
# three witnesses".
CITED_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(ACCORDING_PHRASES, backward=True)}))[ \t]+(?:(?i:the)[ \t]+)?"
)


# The last words of those phrases, one of which (or "the") ends the text before such a figure.
_CITED_LAST_WORDS = frozenset({phrase.rsplit(" ", 1)[-1] for phrase in ACCORDING_PHRASES} | {"the"})


def _cited_sources(context: _Context, draft: _Draft) -> None:
    """A figure that a source's phrase opens counts the sources, whom nothing befell:
    "Reuters, citing two security sources, said 14 soldiers were killed"."""
    if draft.metric is not None:
        return
    text, start = context.text, draft.start
    lo = max(context.sent_start, start - 24)
    last = text[text.rfind(" ", lo, start - 1) + 1 : start - 1].lower()
    if last in _CITED_LAST_WORDS and CITED_BEFORE_RE.match(text, lo, start, KEEP_GIL):
        draft.metric = "count"


def _descriptive_compound(context: _Context, draft: _Draft) -> bool:
    """Drop a number hyphened to a noun that names a kind, not an amount: "a three-star
    general", "a six-speed gearbox" (as "twin-engine" is no count of engines)."""
    end = context.number.end
    if context.text[end : end + 1] != "-":
        return False
    return context.text[end + 1 : draft.end].lower() in DESCRIPTIVE_COMPOUND_NOUNS


def _closing_quote(context: _Context, draft: _Draft):
    """The quotation mark that closes a figure quoted on its own, its noun outside the
    quote: 'the raid left "nearly 40" soldiers dead' counts soldiers (the claim's surface
    stays the quoted words)."""
    text, start = context.text, context.number.start
    if text[draft.end : draft.end + 1] not in CLOSING_QUOTES:
        return None  # as after most figures
    closing = CLOSING_QUOTE_RE.match(text, draft.end, context.sent_end, KEEP_GIL)
    if closing is None:
        return None
    opening = OPENING_QUOTE_BEFORE_RE.match(
        text, max(context.sent_start, start - QUOTED_FIGURE_REACH), start, KEEP_GIL
    )
    return closing if opening else None


def _time_noun(draft: _Draft) -> None:
    """A span of time told with a word before its unit is a duration, not a count of things:
    "48 consecutive hours", "20,537 flying hours", "six working days"."""
    words = draft.subject.split()
    unit = units.SUFFIX_UNITS.get(words[-1].lower())
    if len(words) == 2 and unit and unit[1] == "duration":
        draft.unit, draft.metric, draft.subject = unit[0], "duration", None


def _measured_noun(context: _Context, draft: _Draft) -> None:
    """Read the noun after a measure that sizes what is counted: "eight million 250ml bottles"."""
    if draft.unit is not None:
        return
    text, sent_end = context.text, context.sent_end
    measure = MEASURE_MODIFIER_RE.match(text, draft.end, sent_end, KEEP_GIL)
    if measure is None:
        return
    unit = units.suffix_unit(text, measure.end())
    if unit is None or unit[1] == "money":
        return
    found = metrics.subject_after(text, unit[2], sent_end)
    draft.subject = found[0] if found else None
    if draft.subject:
        draft.unit = "items"


def _year(context: _Context, draft: _Draft) -> bool:
    """Drop a year: "in 2019 the town grew", "the 1988 film"; not "2000 people" nor a level."""
    return looks_like_year(
        context.text, context.number, draft.subject, draft.qualified
    ) and not _level_after_change(context)


def _level_after_change(context: _Context) -> bool:
    """Is the number the level a change in its sentence reached: "rose 12 points to 1850"?"""
    previous = context.previous
    return (
        previous is not None
        and previous.direction is not None
        and bool(LEVEL_AFTER_CHANGE_RE.fullmatch(context.text, previous.end, context.number.start))
    )


def _stated_age(context: _Context, draft: _Draft) -> None:
    """Read an age said of someone: "aged 25", "the age of 21", "his daughter, who was 10"."""
    if draft.unit is not None or draft.subject is not None:
        return
    number, text, start = context.number, context.text, draft.start
    if AGE_BEFORE_RE.match(text, max(0, number.start - 30), number.start, KEEP_GIL) or (
        number.scale == 1
        and 0 < number.value < 120
        and (AGE_STATE_BEFORE_RE.match(text, max(0, start - 24), start, KEEP_GIL)
             or _age_bound(context, draft))
    ):
        draft.unit, draft.metric = "years", "age"


def _age_bound(context: _Context, draft: _Draft) -> bool:
    """Is the bare figure a bound of age right after a group of people ("children under 5",
    "people over 65"), not a count of them?"""
    number = context.number
    return (
        draft.qualifier in AGE_BOUND_QUALIFIERS
        and not number.words
        and number.value >= 1
        and AGE_GROUP_BEFORE_RE.match(
            context.text, max(context.sent_start, draft.start - 24), draft.start, KEEP_GIL
        ) is not None
    )


def _age_apposition(context: _Context, draft: _Draft) -> None:
    """Read an age set off by commas after a name: "Jamie Armstrong, 25, said"."""
    number, text, start = context.number, context.text, draft.start
    if (
        draft.unit is None
        and draft.subject is None
        and not number.words
        and number.scale == 1
        and 0 < number.value < 120
        and AGE_APPOSITION_AFTER_RE.match(text, number.end, None, KEEP_GIL)
        and AGE_APPOSITION_BEFORE_RE.match(text, max(0, start - 30), start)
    ):
        draft.unit, draft.metric = "years", "age"


def _age_level(context: _Context, draft: _Draft) -> None:
    """Read a bare level of an age noun as an age: "life expectancy for men is around 73",
    not a count of whatever a later clause names ("... raising the prospect of some dying")."""
    number, text, start = context.number, context.text, draft.start
    lo = max(context.sent_start, start - 80)
    if (
        draft.unit is None
        and draft.subject is None
        and number.scale == 1
        and 0 < number.value < 130
        and (text.find("age", lo, start) >= 0 or text.find("xpectancy", lo, start) >= 0)
        and AGE_LEVEL_BEFORE_RE.match(text, lo, start)
    ):
        draft.unit, draft.metric = "years", "age"


def _age_in_units(context: _Context, draft: _Draft) -> None:
    """Read an age written with its unit: "a 30-year-old man", "aged 18 months"."""
    number, text = context.number, context.text
    if number.unit not in AGE_UNITS:
        return
    old = AGE_AFTER_RE.match(text, draft.end)
    if old or AGE_BEFORE_RE.match(text, max(0, number.start - 10), number.start):
        draft.metric = "age"
        if old:
            draft.end = old.end()


def _difference(context: _Context, draft: _Draft) -> bool:
    """Drop a difference between figures: "one more than the official toll"."""
    return (
        draft.unit is None
        and draft.subject is None
        and bool(COMPARATIVE_AFTER_RE.match(context.text, draft.end, None, KEEP_GIL))
    )


def _rank(context: _Context, draft: _Draft) -> bool:
    """Drop a place in a ranking with no noun counted: "slipped towards the bottom three",
    "a finish in the top 10"; "the top three teams" counts teams."""
    start = draft.start
    return (
        draft.unit is None
        and draft.subject is None
        and bool(RANK_BEFORE_RE.match(
            context.text, max(context.sent_start, start - 12), start, KEEP_GIL))
    )


def _state_after(context: _Context, draft: _Draft) -> None:
    """Read what befell the people a bare number counts, written after it: "left 15 dead",
    "six more wounded" (the verb before it was another figure's)."""
    if draft.subject is not None:
        return
    state = STATE_AFTER_RE.match(context.text, draft.end, context.sent_end, KEEP_GIL)
    if state:
        draft.end = _joined_state_end(context, state.end())
        draft.unit = draft.unit or "people"
        draft.metric = metrics.cue_metric(context.text[state.start(_STATE_AFTER.state) : draft.end])


def _joined_state_end(context: _Context, end: int) -> int:
    """Where a state ends with the one joined to it: "dead or wounded"."""
    joined = JOINED_STATE_RE.match(context.text, end, context.sent_end, KEEP_GIL)
    return joined.end() if joined else end


def _state_of_noun(context: _Context, draft: _Draft) -> None:
    """Read what befell the people a figure's noun counts from the words right after it, over
    a verb before it that was another figure's: "Three civilians killed 12 others injured"
    (12 wounded), "a woman was killed and seven others were injured". A figure that did to
    others what the verb after it says is a count ("three suicide bombers killed at least two
    people"), unless a verb before it takes it as object: then the verb after opens a clause
    whose comma was lost ("the attack killed 30 people injured 90 others")."""
    if draft.subject is None or draft.metric is not None:
        return
    head, _, last = draft.subject.rpartition(" ")
    if head and last.lower() in STATE_NOUNS:  # "left 3,000 families homeless"
        draft.subject, draft.metric = head, metrics.cue_metric(last)
        return
    text = context.text
    state = STATE_OF_NOUN_RE.match(text, draft.end, context.sent_end, KEEP_GIL)
    if state and state.start(_STATE_OF_NOUN.state) == state.start() + 1 and metrics.did_to_others(
            text, state.end(), context.sent_end):
        draft.metric = (metrics.direct_metric(text, context.sent_start, draft.start)
                        or _attack_metric(draft.subject) or "count")
    elif state:
        end = _joined_state_end(context, state.end())
        draft.metric = metrics.cue_metric(text[state.start(_STATE_OF_NOUN.state) : end])


def _attack_metric(subject: str | None) -> str | None:
    """`strikes` for a figure of attacks that did the killing ("Two blasts killed 14")."""
    return "strikes" if metrics.subject_metric(subject) == "strikes" else None


def _suspended_hyphen(context: _Context, draft: _Draft) -> None:
    """Read the unit or noun a hanging hyphen shares with the last of a list: "7- or 8-inch"."""
    text, end, sent_end = context.text, draft.end, context.sent_end
    if draft.unit is not None or draft.subject is not None or text[end : end + 1] != "-":
        return
    shared = SUSPENDED_RE.match(text, end, sent_end)
    if shared is None:
        return
    unit = units.suffix_unit(text, shared.start("head") - 1)
    if unit:
        draft.unit, draft.metric = unit[0], unit[1]
        return
    found = metrics.subject_after(text, shared.start("head") - 1, sent_end)
    if found:  # "four-, five- and six-cylinder engines"
        draft.subject = found[0]
        draft.unit = "people" if metrics.is_people(draft.subject) else "items"


def _elliptic_unit(context: _Context, draft: _Draft) -> None:
    """Give a bare number the unit of the figure before it: "435 homes by sale and 187 by
    tender", "rose 64 points to 4,577"; not after a verb of its own ("raids killed 14")."""
    if draft.unit is not None or draft.subject is not None or draft.metric is not None:
        return
    if metrics.direct_metric(context.text, context.sent_start, draft.start) is not None:
        return
    donor = _elliptic_donor(context, draft.start)
    if donor is not None:
        draft.unit, draft.subject = donor.unit, donor.subject
        draft.metric = units.UNIT_METRIC.get(donor.unit)  # "$5 and 7" is money; "5 homes" no
        if _listed_on(context, donor, draft):
            draft.metric = donor.metric


def _listed_on(context: _Context, donor: Claim, draft: _Draft) -> bool:
    """Whether a bare figure lists on, place by place, from a toll just before it: "killed
    21, 15 in a northern district and another six in the village" are all killed, though
    the verb is too far back for the six to find it as a cue of its own."""
    return (donor.metric in PEOPLE_METRICS
            and LISTED_ON_RE.fullmatch(context.text, donor.end, draft.start) is not None
            and LISTED_END_RE.match(context.text, draft.end) is not None)


# A count given as a level, in other words than the figure before it: "organisers put the
# number at 20,000", "police estimated the crowd at 5,000".
RESTATED_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(RESTATING_VERBS, backward=True)})[ \t]+"
    rf"(?:the|their|its|that|this)[ \t]+"
    rf"(?P<noun>{alternation((*RESTATED_NOUNS, *CROWD_NOUNS), backward=True)})[ \t]+at[ \t]+"
    # "bringing the total in Turkey and Syria to": the sum of the figure before and others
    rf"|\b(?:{alternation(TALLY_RAISING_VERBS, backward=True)})[ \t]+(?:the|its|their)[ \t]+"
    r"(?:overall[ \t]+)?(?P<noun>total)\b[^,;:.\d]{0,40}?[ \t]+to[ \t]+)"
)
# How far back the figure such a count restates may stand: this sentence or the one before.
RESTATED_REACH = 300


def _restated_figure(context: _Context, draft: _Draft) -> None:
    """A bare figure that puts a count at a level counts what the figure before it counts:
    "5,000 people marched, police said; organisers put the number at 20,000" are marchers,
    and "police estimated the crowd at 5,000" a crowd. A total it brings the figure up to
    ("bringing the total in Turkey and Syria to 50,000") sums more than its incident."""
    if draft.unit is not None or draft.subject is not None:
        return
    text, start = context.text, draft.start
    found = RESTATED_BEFORE_RE.match(text, max(context.sent_start, start - 80), start, KEEP_GIL)
    if found is None:
        return
    if found.group("noun").lower() in CROWD_NOUNS:
        draft.unit, draft.metric = "people", "protesters"
        return
    donor = context.earlier[-1] if context.earlier else None
    if donor is not None and donor.unit is not None and start - donor.end <= RESTATED_REACH:
        draft.unit, draft.subject, draft.metric = donor.unit, donor.subject, donor.metric
        draft.summed = found.group("noun").lower() == "total"


# A figure hyphened to its unit, which modifies a noun: "a 48-hour truce", "a 10-km convoy".
HYPHENED_UNIT_RE = regex.compile(r"[\p{L}\d][\d,.]*-\p{L}+")


def _elliptic_donor(context: _Context, start: int) -> Claim | None:
    """The figure in the same sentence whose unit a bare figure leaves unsaid, if any: the
    nearest comparable one with a unit, or the change before a level ("gained 41.5 points to
    6,012.3"), but not a percentage change ("climbed 0.1% to 1,333.18" is no percentage)."""
    text, sent_start, value = context.text, context.sent_start, context.number.value
    level = LEVEL_BEFORE_RE.match(text, max(sent_start, start - 12), start, KEEP_GIL)
    for donor in reversed(context.earlier):
        if donor.sentence_start != sent_start or start - donor.end > ELLIPSIS_REACH:
            return None
        if (donor.unit is None or donor.metric == "age" or _restatement(text, donor)
                or HYPHENED_UNIT_RE.fullmatch(donor.text)):
            continue  # "the 48-hour truce ... 20 by Russian forces": a modifier lends no unit
        if donor.role == "part" and "," in text[donor.end : start]:
            continue  # "11 people, among them 3 women, were killed in X and 4 in Y": the
            # aside closed, the 4 go on from the 11
        if donor.direction and level:
            if donor.unit == "percent":
                continue
        elif not _comparable(donor.value, value):
            continue
        return donor
    return None


def _restatement(text: str, claim: Claim) -> bool:
    """Is the figure a restatement in brackets, "2.2 billion shekels ($590 million)", whose
    unit the figures after it do not share?"""
    return text[claim.start - 1 : claim.start] == "(" and text[claim.end : claim.end + 1] == ")"


def _comparable(a: float, b: float) -> bool:
    """Parallel figures are of one order of magnitude or two ("68,400 people ... and 95,800"),
    unlike "for two years and 95,800"."""
    a, b = abs(a), abs(b)
    return min(a, b) * 100 >= max(a, b)


def _rate(context: _Context, draft: _Draft) -> None:
    """Read what a rate is per, after the figure and its unit or noun: "$3,500 a month",
    "5 percent a year", "63 cents per share"; "400,000 bpd" is per day."""
    text, number, sent_end = context.text, context.number, context.sent_end
    if draft.metric == "age":
        return
    if number.unit in units.RATE_ABBREVIATION_UNITS:
        written = text[number.end : number.unit_end].strip(" \t-").lower()
        if written in units.RATE_ABBREVIATIONS:
            draft.per = units.RATE_ABBREVIATIONS[written]
            return
    rate = _rate_at(text, draft.end, sent_end)
    if rate is not None:
        draft.end = rate.end()
    else:
        aside = ASIDE_RE.match(text, draft.end, sent_end, KEEP_GIL)
        rate = _rate_at(text, aside.end(), sent_end) if aside else None
    if rate is not None:
        noun = " ".join(rate.group("noun").lower().split())
        draft.per = PER_SYNONYMS.get(noun, noun)


def _rate_at(text: str, pos: int, sent_end: int):
    """The rate written at `pos` ("a month", "per share"), if one is."""
    if text[pos : pos + 2] not in RATE_OPENINGS:
        return None
    return RATE_RE.match(text, pos, sent_end, KEEP_GIL)


def _qualifier_after(context: _Context, draft: _Draft) -> None:
    """Read a qualifier after the number and its noun: "50 people or more", "5 km at most"."""
    after = qualifiers.qualifier_after(context.text, draft.end)
    if after and after[1] <= context.sent_end:
        if draft.qualifier == "exact":
            draft.qualifier = after[0]
        draft.end = after[1]


def _share_of_control(context: _Context, draft: _Draft) -> None:
    """Tell a share of territory held from other shares: "rebels control 60% of the city"."""
    if draft.metric == "share" and _event(context, draft) == "control":
        draft.metric = "control"


def _households_of_origin(context: _Context, draft: _Draft) -> None:
    """A count of the households counted people came from is no toll, whatever its clause
    did to them: "all the dead were from six families" counts families, not the dead, so
    it is a count."""
    words = (draft.subject or "").lower().split()
    if (draft.metric is not None and draft.metric not in PEOPLE_METRICS) or not words \
            or words[-1] not in HOUSEHOLD_NOUNS:
        return
    if ORIGIN_BEFORE_RE.match(context.text, max(context.sent_start, draft.start - 16),
                              draft.start):
        draft.metric = "count"


def _strong_subject_metric(context: _Context, draft: _Draft) -> None:
    """Take the metric a counted noun says surely: "4 martyrs ... 22 injured", "three strikes",
    "left 3,000 homeless"."""
    if draft.metric is None and (draft.subject or "").lower() in STATE_NOUNS:
        draft.metric = metrics.cue_metric(draft.subject.lower())
    if draft.metric is None:
        named = metrics.subject_metric(draft.subject)
        if named in metrics.STRONG_SUBJECT_METRICS:
            draft.metric = named
            if named == "affected":  # cases of a disease are people
                draft.unit = "people"


def _casualties_beside_wounded(context: _Context, draft: _Draft) -> None:
    """Casualties told apart from the wounded after them are the dead: "7 casualties and
    dozens of injuries"."""
    if (
        draft.metric is None
        and draft.subject is not None
        and metrics.subject_metric(draft.subject) == "casualties"
        and metrics.casualties_are_dead(context.text, draft.end, context.sent_end)
    ):
        draft.metric = "killed"


def _in_of_phrase(context: _Context, draft: _Draft) -> None:
    """A figure in the "of" phrase of the counted noun before it sizes that noun, and what
    befell the noun's people is not its own: "3 young men of one family killed"."""
    previous = context.previous
    if (
        draft.metric is None
        and previous is not None
        and previous.subject is not None
        and OF_BETWEEN_RE.fullmatch(context.text, previous.end, draft.start, KEEP_GIL)
        and not _whole_of_part(context, draft)
    ):
        draft.metric = "count"


def _whole_of_part(context: _Context, draft: _Draft) -> bool:
    """Is the figure a counted whole a bare part is taken from ("10 of 48 people")?"""
    text, start = context.text, draft.start
    lo = max(context.sent_start, start - 24)
    return text.find(" of ", lo, start) >= 0 and bool(  # most figures: no "of" before them
        PARTITIVE_PART_BEFORE_RE.match(text, lo, start, KEEP_GIL))


def _partitive_noun(context: _Context, draft: _Draft) -> None:
    """A bare figure out of a counted whole counts what the whole does: "18 of the 31 lorries
    were destroyed" are lorries, not people killed by the clause's other verb; what the
    whole's verb says befell the part: "3 of the 12 hostages were freed" were released. A
    fraction of a whole ("half of the 40 patients") is a share, counting none of them."""
    number = context.number
    if draft.subject is not None or draft.unit is not None or number.value < 1 or (
            number.words and number.value == 1):
        return  # a fraction, or "one of four": no claim (the "one of the ...")
    whole = PARTITIVE_COUNT_RE.match(context.text, draft.end, context.sent_end, KEEP_GIL)
    found = whole and metrics.subject_after(context.text, whole.end(), context.sent_end)
    if not found:
        return
    own = metrics.own_verb_metric(context.text, found[1], context.sent_end)
    if metrics.is_people(found[0]):
        draft.subject, draft.unit = found[0], "people"
        draft.metric = _of_people_or_things(own) or None
        return
    draft.subject, draft.unit = found[0], "items"
    draft.metric = own if own and own not in PEOPLE_METRICS else "count"


def _partitive_whole(context: _Context, draft: _Draft) -> None:
    """A counted whole that a part is taken from is no object of the part's verb: in "police
    arrested 45 of the 60 suspects" the 60 are suspects, not arrested; "3 of the 12 hostages
    were freed" frees 3. A participle right after it is the whole's ("one of two people
    killed")."""
    text, end = context.text, draft.end
    if (
        draft.metric is None
        and draft.subject is not None
        and _whole_of_part(context, draft)
        and not _event_participle_after(text, end, context.sent_end)
    ):
        draft.metric = metrics.subject_metric(draft.subject) or "count"


def _event_participle_after(text: str, end: int, hi: int) -> bool:
    """Does an event's participle follow right after a noun phrase ("48 people executed by
    forces", "two people killed"), not a verb with no passive ("died")?"""
    word = WORD_AFTER_RE.match(text, end, hi)
    return (bool(word) and word.group(1) not in INTRANSITIVE_EVENT_VERBS
            and metrics.cue_metric(word.group(1)) is not None)


def _included_metric(context: _Context, draft: _Draft) -> None:
    """Take the metric of the count a figure is part of: "killing 15 people including three
    children", "9 bodies, 4 of them burned", "including 3 soldiers and 7 other people"."""
    previous = context.previous
    if (
        draft.metric is None
        and previous is not None
        and previous.metric in PEOPLE_METRICS
        and _part_of_previous(context, draft.start, previous)
    ):
        text, start = context.text, draft.start
        own = None
        lo = max(context.sent_start, start - 16)
        if not roles.INCLUDING_BEFORE_RE.match(text, lo, start, KEEP_GIL):
            own = (  # "200 were hurt, and 3 of them died", "killing 15 and injuring dozens of them"
                metrics.own_verb_metric(text, draft.end, context.sent_end)
                or metrics.direct_metric(text, context.sent_start, start)
                or _state_soon_after(context, draft.end)
            )
        draft.metric = own or previous.metric
        if PARTITIVE_PRONOUN_AFTER_RE.match(text, context.number.end):
            draft.unit = previous.unit


def _state_soon_after(context: _Context, end: int) -> str | None:
    """What befell the figure's people, a word after it: "dozens more wounded"."""
    state = STATE_SOON_AFTER_RE.match(context.text, end, context.sent_end)
    return metrics.cue_metric(state.group(_STATE_SOON_AFTER.state)) if state else None


def _part_of_previous(context: _Context, start: int, previous: Claim) -> bool:
    """Is the figure at `start` a part of the figure before it: after "including", before
    "of them", or joined by "and" to a part?"""
    text, lo = context.text, max(context.sent_start, start - 16)
    return bool(
        roles.INCLUDING_BEFORE_RE.match(text, lo, start, KEEP_GIL)
        or (
            start - previous.end <= PARTITIVE_REACH
            and PARTITIVE_PRONOUN_AFTER_RE.match(text, context.number.end)
        )
        or (previous.role == "part" and AND_BEFORE_RE.match(text, lo, start))
    )


def _own_verb(context: _Context, draft: _Draft) -> None:
    """Take the metric from the verb the figure's noun phrase is the subject of, so a cue in
    another clause does not reach it: "three others may have escaped" is no death toll."""
    if draft.metric is not None or draft.unit not in (None, "people", "items"):
        return
    metric = metrics.own_verb_metric(context.text, draft.end, context.sent_end)
    if metric is not None:
        draft.metric = _of_people_or_things(metric) or (
            metrics.direct_metric(context.text, context.sent_start, draft.start)
            or _event_noun_before(context, draft.start)
            or metrics.subject_metric(draft.subject)
            or "count"
        )


# An event's noun whose "of" phrase the figure is: "the bodies of 3 men were discovered".
EVENT_NOUN_OF_BEFORE_RE = ending_at(r"\b(\p{Ll}+)[ \t]+of[ \t]+(?:the[ \t]+)?")


def _event_noun_before(context: _Context, start: int) -> str | None:
    """The metric of the event noun whose "of" phrase holds the figure, when its own verb
    says nothing befell it: "the bodies of 3 men were discovered" are dead, "the
    evacuation of 300 people was completed" evacuated."""
    found = EVENT_NOUN_OF_BEFORE_RE.match(
        context.text, max(context.sent_start, start - 24), start, KEEP_GIL)
    metric = found and metrics.cue_metric(found.group(1))
    return metric if metric in PEOPLE_METRICS else None


def _population(context: _Context, draft: _Draft) -> None:
    """Read a place's population: "a nation of about 11 million people", "a city of 2 million";
    in "a nation of 11 million mourns its dead" the word after the number is the verb."""
    start = draft.start
    if (
        draft.metric is None
        and "of" in context.text[max(0, start - 4) : start]
        and PEOPLED_PLACE_BEFORE_RE.match(context.text, max(context.sent_start, start - 16), start)
    ):
        if draft.unit == "items" and VERB_BEFORE_OBJECT_RE.match(context.text, draft.end):
            draft.unit, draft.subject, draft.end = None, None, context.number.unit_end
        if draft.unit in (None, "people"):
            draft.metric, draft.unit = "population", "people"


def _cue_metric(context: _Context, draft: _Draft) -> None:
    """Read the metric from a verb before the number ("killing 12"), else the nearest event
    word ("12 were wounded"), else the counted noun ("12 protesters"), else a plain count.
    A figure that speaks ("One man said 20 people died", "two officials said"), no verb's
    object ("wounded 22 it said", a comma lost), befell nothing: it is a count."""
    if draft.metric is None:
        cued = metrics.direct_metric(context.text, context.sent_start, draft.start)
        if cued is None and _speaks(context, draft):
            draft.metric = "count"
            return
        cued = cued or _event(context, draft)
        draft.metric = (
            _of_people_or_things(cued) or metrics.subject_metric(draft.subject) or "count"
        )


def _speaks(context: _Context, draft: _Draft) -> bool:
    """Is the figure's noun phrase the speaker of the verb of speech after it? Always when
    it opens its sentence ("One witness said the crowd fled": the crowd fled, not the
    witness); elsewhere not before a speaker's name or article ("... 12 civilians said the
    monitor"), which may be the speaker of an inverted report."""
    text, end, start = context.text, draft.end, draft.start
    opens = start - context.sent_start <= 2 and not text[context.sent_start : start].strip(
        " \t\"'“‘")
    pattern = OPENING_SPEAKER_AFTER_RE if opens else SPEAKER_AFTER_RE
    return pattern.match(text, end, context.sent_end) is not None


def _level_of_counted(context: _Context, draft: _Draft) -> None:
    """Take as counted the people a level's verb follows: "the number of confirmed cases
    climbed to 1,200", "measles cases rose to 1,200" count cases; not "prices rose to
    1,200", a level of no people."""
    if draft.subject is not None or draft.unit is not None or draft.metric is not None:
        return
    start = draft.start
    last = context.text[max(context.sent_start, start - 12) : start].rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in LEVEL_LAST_WORDS:
        return  # most figures follow no verb of reaching a level
    level = LEVEL_OF_COUNTED_RE.match(
        context.text, max(context.sent_start, start - LEVEL_OF_COUNTED_REACH), start, KEEP_GIL)
    if level is None:
        return
    words = level.group("np").split()
    governed = [k for k, w in enumerate(words) if w.lower() in LEVEL_PREPOSITIONS]
    counted = " ".join(w for w in words[governed[-1] + 1 if governed else 0 :]
                       if w.lower() not in ARTICLES)  # "of cases", "on Syria evacuees"
    own = metrics.subject_metric(counted)
    if metrics.is_people(counted) or own in PEOPLE_METRICS:
        draft.subject, draft.unit = counted, "people"
    if own in PEOPLE_METRICS and not governed:  # "dengue cases have topped 4 million",
        draft.metric = own  # whatever else died; not "the toll in an attack on evacuees"


def _tally_subject(context: _Context, draft: _Draft) -> None:
    """Take as counted the people a raised count names after its tally noun: "raised the
    toll for Russian soldiers killed in Syria to 18" counts Russian soldiers."""
    if (draft.subject is None and draft.metric in PEOPLE_METRICS
            and context.text[max(0, draft.start - 4) : draft.start].rstrip().endswith("to")):
        subject = metrics.tally_subject(context.text, context.sent_start, draft.start)
        if subject is not None:
            draft.subject, draft.unit = subject, "people"


def _of_people_or_things(cued: str | None) -> str | None:
    """A cue's metric for a figure counting people or things: not `control`, which is of
    territory, a share ("60% of the city") or an area, never "seized 40 crates"."""
    return None if cued == "control" else cued


def _event(context: _Context, draft: _Draft) -> str | None:
    """The event word nearest to the number in its clause: "12 were wounded" is "wounded";
    after "22 died and 41 are still missing" the 41 has a verb of its own, "missing"."""
    text, number, previous = context.text, context.number, context.previous
    start, end = draft.start, draft.end
    reach = max(context.sent_start, number.start - 80)
    window_lo = max(reach, text.rfind(";", reach, number.start) + 1)
    ahead = EVENT_REACH
    if metrics.is_people(draft.subject):
        ahead += _asides_length(text, end, min(context.sent_end, end + EVENT_REACH))
    window_hi = _event_end(text, end, min(context.sent_end, end + ahead))
    if (
        previous is not None
        and window_lo < previous.end <= start
        and OWN_VERB_AFTER_RE.match(text, end, window_hi)
    ):
        window_lo = start  # the cues between the two figures belong to the first
    return metrics.event_metric(text, window_lo, window_hi, start, end)


def _asides_length(text: str, lo: int, hi: int) -> int:
    """How many characters the bracketed asides after a figure take, which the event cue of
    a count of people is read past: "twenty civilians and one SARC (Syrian Arab Red
    Crescent) staff member were killed" is as near its verb as without the spelled-out name;
    a bare figure's aside may hold its noun ("the past 20 (since May 2) days")."""
    return sum(len(aside.group()) for aside in BRACKETED_RE.finditer(text, lo, hi, KEEP_GIL))


def _event_end(text: str, end: int, hi: int) -> int:
    """Where the words that may tell what befell a figure's people stop, after it: at a
    semicolon or colon ("One thing is clear: 20 died"), or a clause about a place ("tear gas
    at thousands of demonstrators in Nairobi, where 23 people have been killed")."""
    stops = [at for at in (text.find(";", end, hi), text.find(":", end, hi),
                           text.find(", where ", end, hi)) if at >= 0]
    return min(stops, default=hi)


def _determiner_one(context: _Context, draft: _Draft) -> bool:
    """"One" as a word that says what happened to nobody in particular is a determiner, not
    a figure: "One witness said", "One official told reporters"; "One person was killed"
    (a metric), "one hour" (a unit), "only one name" (a count stressed) and "one count of
    fraud" (a charge counted) stay."""
    number = context.number
    return (
        number.words and number.value == 1 and number.low is None
        and draft.metric == "count" and draft.unit in (None, "items", "people")
        and not (
            draft.subject is not None
            and ONLY_BEFORE_RE.match(context.text, max(0, number.start - 12), number.start)
        )
        and not CHARGE_OF_AFTER_RE.match(context.text, number.end)
    )


def _time_ago(context: _Context, draft: _Draft) -> bool:
    """A span that dates something is a time, not a figure: "four years ago"."""
    return draft.metric == "duration" and (
        AGO_AFTER_RE.match(context.text, draft.end, None, KEEP_GIL) is not None)


def _people_unit(context: _Context, draft: _Draft) -> None:
    """Count people when the metric counts people and no noun is written ("killing 12"), or
    the words around say they are people: "with 239 on board", "a crew of seven"."""
    if draft.unit is not None:
        return
    text = context.text
    if draft.metric in PEOPLE_METRICS or ABOARD_AFTER_RE.match(text, draft.end) or (
            GROUP_OF_BEFORE_RE.match(text, max(context.sent_start, draft.start - 16),
                                     draft.start)):
        draft.unit = "people"


def _unsigned_count(context: _Context, draft: _Draft) -> None:
    """A count of people or things is never negative: the dash before "-5 people were
    killed" or "-2016 Dozens of insurgents" is a bullet or a dateline's, not a minus."""
    number = context.number
    counted = draft.unit in ("people", "items") or draft.metric in PEOPLE_METRICS
    if number.value < 0 and counted and number.unsigned_start is not None:
        number.value, number.sign = -number.value, None
        if draft.start == number.start:
            draft.start = number.unsigned_start
        number.start = number.unsigned_start


def _direction(context: _Context, draft: _Draft) -> None:
    """Read whether the number is a change, and which way: "rose 5%", "FTSE -0.6%"."""
    number = context.number
    if number.sign and draft.unit in SIGNED_CHANGE_UNITS:
        draft.direction = number.sign
    else:
        draft.direction = metrics.direction(
            context.text, context.sent_start, draft.start, number.unit_end, context.sent_end
        )


def _restated(context: _Context, draft: _Draft) -> None:
    """Give the same figure restated the direction and qualifier of the first: "lost 190
    points, or 0.6%", "more than 100 kilometres (60 miles)"."""
    previous = context.previous
    if (
        previous is None
        or previous.unit == draft.unit
        or not RESTATED_RE.fullmatch(context.text, previous.end, draft.start, KEEP_GIL)
    ):
        return
    draft.direction = draft.direction or previous.direction
    if draft.qualifier == "exact" and previous.qualifier != "range":
        draft.qualifier = previous.qualifier


def _elliptic_change(context: _Context, draft: _Draft) -> None:
    """Give a change left elliptic the direction before it: "Ross was down 2.3%, Burlington
    by 2.6%"."""
    previous, unit, start = context.previous, draft.unit, draft.start
    if (
        draft.direction is None
        and previous is not None
        and previous.direction
        and previous.unit == unit
        and (unit in SIGNED_CHANGE_UNITS or unit in units.MONEY_UNITS)
        and BY_BEFORE_RE.match(context.text, max(context.sent_start, start - 4), start)
    ):
        draft.direction = previous.direction


def _source(context: _Context, draft: _Draft) -> None:
    """Read who makes the claim: "12 people were killed, the ministry said", or a sentence
    before or after it ("He said", a quotation, a forecast that goes on)."""
    draft.source = discourse.source(
        context.text, context.sentences, context.attributions, context.number.start
    )


def _place(context: _Context, draft: _Draft) -> None:
    """Read where: "12 killed in Aleppo", else the place "the state" or "the city" points
    back at, else the one place the sentences just before name, else the article's place
    (the place its headline names, its dateline, or the country it is about)."""
    text, sent_start = context.text, context.sent_start
    article = places.article(text, context.sentences)
    here = places.where(text, sent_start, context.sent_end, draft.start, draft.end, article)
    if here.away:
        return  # "in Peru and Chile": no one place
    if here.place is not None:
        draft.place = here.place
    else:
        draft.place, draft.carried = places.borrowed(article, sent_start, context.sent_end)


def _running_total_place(context: _Context, draft: _Draft) -> None:
    """A running total ("the war has killed 400,000 since 2011") covers the country the
    article is about, not the town the sentence before names nor the one its headline does
    ("Since then hundreds of thousands have been killed" in a story on Eastern Ghouta)."""
    if draft.carried and draft.role.role == "running":
        draft.place = places.article(context.text, context.sentences).country_place


def _local_dollar(context: _Context, draft: _Draft) -> None:
    """A bare "$" in a story about a country of its own dollar is that dollar, unless it
    converts the figure before it: "$640,479" in a report on Toronto's house prices is
    Canadian."""
    if draft.unit != "usd" or context.text[context.number.start] != "$":
        return
    if context.previous and context.previous.metric == "money" and (
            context.text[context.previous.end : draft.start].strip() == "("):
        return  # "10.5 million Australian dollars ($7.5 million)": the American conversion
    country = places.article(context.text, context.sentences).country
    draft.unit = LOCAL_DOLLARS.get(country, draft.unit)


def _time(context: _Context, draft: _Draft) -> None:
    """Read when: "on Tuesday", "in March 2016", dated from the publication date, or in a
    pasted post from the post's own date (`_posted_on`); a sentence with no time of its own
    that goes on with the report before it ("It said five civilians were killed") is of that
    report's day."""
    draft.when = times.resolve(
        context.text, context.sent_start, context.sent_end, draft.start, draft.end,
        _posted_on(context) or context.published,
    ) or _continued_day(context, draft)


def _posted_on(context: _Context) -> dt.date | None:
    """The day a post pasted into the article was written, when the claim's sentence is one
    ("6 killed after the town was struck last night (@Rescuers) October 24 2016"): its
    "last night" is the 23rd's, whatever day the article came out."""
    written = context.sentences.posted(context.sent_start, context.sent_end)
    when = times.resolve(written, 0, len(written), 0, len(written), None) if written else None
    return dt.date.fromisoformat(when.date) if when and times.is_day(when.date) else None


def _continued_day(context: _Context, draft: _Draft) -> TimeRef | None:
    """The day of the sentence before, for a toll whose sentence opens with its speaker as a
    pronoun and a reporting verb ("... a new barrel bomb attack on Tuesday. It said five
    civilians were killed"): a day, not a month or a year, nor a running total's span."""
    text, start = context.text, context.sent_start
    if (draft.metric not in PEOPLE_METRICS or start == 0
            or CONTINUED_REPORT_RE.match(text, start, None, KEEP_GIL) is None):
        return None
    before_start, before_end = context.sentences.around(start - 1)
    when = times.resolve(text, before_start, before_end, before_end, before_end,
                         context.published)
    return when if when is not None and not when.cumulative and times.is_day(when.date) else None


def _own_place(context: _Context, draft: _Draft) -> str | None:
    """The place the claim's own sentence names, not one it took from the text before."""
    place = draft.place
    if place and context.text.find(place.surface, context.sent_start, context.sent_end) >= 0:
        return place.name
    return None


def _role(context: _Context, draft: _Draft) -> None:
    """Read whether the figure is its incident's total or a part, an update, a period or a
    running total: "killed 15 people including three children" (part)."""
    previous = context.previous
    clause = (previous.end if previous else context.sent_start, context.sent_end)
    draft.role = roles.read_role(
        context.text, clause, (draft.start, draft.end), context.number.end,
        (draft.metric, draft.subject, context.number.value),
        draft.when, _own_place(context, draft), context.earlier, context.sent_start,
    )
    if draft.summed and draft.role == roles.TOTAL:
        draft.role = roles.SUMMED  # "bringing the total in Turkey and Syria to 50,000"


def _to_claim(context: _Context, draft: _Draft) -> Claim:
    """The claim the steps have filled in, validated as `Claim.model_validate` does (types,
    vocabularies, the record's invariants) but by its validator directly, which spares the
    wrapper's keyword handling on every claim."""
    text, number, place, when = context.text, context.number, draft.place, draft.when
    start, end = draft.start, draft.end
    return Claim.__pydantic_validator__.validate_python(
        {
            "text": text[start:end], "start": start, "end": end,
            "sentence": text[context.sent_start : context.sent_end],
            "sentence_start": context.sent_start, "value": number.value, "low": number.low,
            "high": number.high, "qualifier": draft.qualifier, "unit": draft.unit,
            "per": draft.per, "metric": draft.metric, "subject": draft.subject,
            "direction": draft.direction,
            "vague": number.vague,
            "place": place.name if place else None,
            "place_text": place.surface if place else None,
            "region": place.region if place else None,
            "country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "date": when.date if when else None, "date_text": when.date_text if when else None,
            "cumulative": draft.role.role == "running", "role": draft.role.role,
            "role_text": draft.role.text, "part_of": draft.role.part_of,
            "attributed_to": draft.source,
        },
        context={"source": text},
    )


# The steps in the order they run; each reads what the steps before it filled in, and one
# that returns True drops the number.
STEPS: tuple[Callable[[_Context, _Draft], bool | None], ...] = (
    _qualifier_before,
    _prefix_word_unit,
    _quake_magnitude,
    _between,
    _noun_said_before,
    _crowd_now,
    _counted_noun,
    _cited_sources,
    _descriptive_compound,
    _fraction_share,
    _rate_level,
    _measured_noun,
    _year,
    _stated_age,
    _age_apposition,
    _age_level,
    _age_in_units,
    _difference,
    _rank,
    _in_of_phrase,
    _state_after,
    _suspended_hyphen,
    _restated_figure,
    _elliptic_unit,
    _rate,
    _qualifier_after,
    _share_of_control,
    _partitive_noun,
    _partitive_whole,
    _state_of_noun,
    _households_of_origin,
    _strong_subject_metric,
    _casualties_beside_wounded,
    _included_metric,
    _population,
    _own_verb,
    _level_of_counted,
    _cue_metric,
    _tally_subject,
    _determiner_one,
    _time_ago,
    _people_unit,
    _unsigned_count,
    _direction,
    _restated,
    _elliptic_change,
    _source,
    _place,
    _local_dollar,
    _time,
    _role,
    _running_total_place,
)
