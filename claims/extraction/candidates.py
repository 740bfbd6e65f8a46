"""Find the numbers in a text and read each one: its value, sign and unit, with ranges joined.

`find` makes one pass over the text; everything else looks at a few characters around each
number. Whether a number is a claim at all, and what it counts, is read later (`claim.py`).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import regex

from claims.extraction import furniture, metrics, numbers, qualifiers, units
from claims.extraction.lexicon import (
    DIRECT_CUES,
    IRREGULAR_PLURALS,
    MONTHS,
    ONE_SOURCE_BEFORE,
    ONE_SOURCE_NOUNS,
    ORDINAL_WORDS,
    PEOPLE_NOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    PROPORTION_LINKS,
    TOLL_AUXILIARIES,
    TOLL_PARTICIPLES,
)
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, group_numbers

# NUMBER_RE's groups, by number: each kind of number is read from its own.
_NUMBER = group_numbers(numbers.NUMBER_RE)
# Words before "one" that make it a pronoun: "no one", "each one", "this one".
ONE_PRONOUN_BEFORE = ("no", "each", "every", "any", "same", "this", "that", "which", "some")
# Words after "one" that make it an idiom or a pronoun: "one another", "one way", "one who".
ONE_IDIOM_AFTER = (
    "another", "off", "time", "sided", "way", "point", "stage", "of a kind", "or another",
    "or other", "who", "that", "which", "of them",
    "of us", "you", "i", "we", "they", "he", "she", "of the", "of those", "of these",
    "of his", "of her", "of their", "of its", "of our", "of my", "of your",
)
# Times after "one" that make it an idiom only when spaced: "one day he left", but "a one-day
# strike" lasts a day.
ONE_SPACED_IDIOM_AFTER = ("day", "night", "morning", "evening", "afternoon")
# "one" that is a pronoun or an idiom, not an amount: checked only where "one" was read.
# "one-on-one" is the one idiom whose words may be joined by hyphens inside it.
OF_AFTER_RE = regex.compile(r"[ \t]+of\b")
IDIOM_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(ONE_PRONOUN_BEFORE, backward=True)})[\s-]+)"
)
IDIOM_AT_RE = regex.compile(
    rf"(?i:one[\s-]+(?:on[\s-]+one|{alternation(ONE_IDIOM_AFTER)})\b|one\s+(?=\d)"
    rf"|one\s+{alternation(ONE_SPACED_IDIOM_AFTER)}\b"
    # "one of four concepts", "one of 12 villages": as "one of the", no count of its own
    rf"|one\s+of\s+(?=\d|(?:{alternation((*numbers.UNITS_WORDS, *numbers.TENS_WORDS))})\b))"
)
# "one" naming whose figure follows: "by one count", "according to one estimate".
SOURCE_ONE_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(ONE_SOURCE_BEFORE, backward=True)})[ \t]+)"
)
SOURCE_ONE_AT_RE = regex.compile(rf"(?i:one[ \t]+(?:{alternation(ONE_SOURCE_NOUNS)})\b)")
# "one" described by what it has, a pronoun for one of the things just named: "bodies under
# blankets and one with only a shoe", "children, including one with burns".
DESCRIBED_ONE_RE = regex.compile(r"(?i:one[ \t]+with)\b")
# A verb of killing right before "one", which then counts a victim: "killing one with a knife".
KILLING_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(DIRECT_CUES['killed'], backward=True)})[ \t]+)")
# A scale after "one" makes it an amount whatever comes before: "some one million people".
ONE_SCALED_RE = regex.compile(rf"(?i:one[ \t]+(?:{alternation(numbers.SCALE_WORDS)})\b)")
# "zero" as a verb or in a compound, not an amount: "zero in on", "zero-Covid policy",
# "zero-sum game"; "zero-percent" stays a rate.
ZERO_IDIOM_RE = regex.compile(r"(?i:zero(?:[ \t]+in[ \t]+on\b|-(?!per)\p{L}))")
# An ordinal hyphened to a tens word: "forty-fifth".
ORDINAL_AFTER_RE = regex.compile(rf"-(?i:{alternation(ORDINAL_WORDS)})\b")
# Fractions that are also ordinals: "a third child" is the third, "a third of" a share.
ORDINAL_FRACTIONS = frozenset(
    word for word in numbers.FRACTION_WORDS
    if not word.endswith("s") and word not in numbers.SCALE_FRACTIONS
)
NEXT_LOWER_WORD_RE = regex.compile(r"[ \t]+(\p{Ll}+)\b")
# Words after such a fraction that leave it a share: "a third of", "a third to a half".
NOT_NOUNS_AFTER_FRACTION = frozenset({*PREPOSITIONS, "and", "or", "than", "more", "less"})
BY_BEFORE_RE = ending_at(r"\bby[ \t]+")
# Words after "m" glued to digits that make it metres: "a 2.7m high wall", "2m from the door".
METRE_WORDS_AFTER = (
    "high", "long", "wide", "tall", "deep", "away", "from", "above", "below", "in", "on", "to",
)
# "2.7m combined digital sales" counts millions; "a 2.7m high wall" measures metres.
METRE_NOT_MILLION_RE = regex.compile(
    rf"[ \t]+(?:of\b|(?!(?:{alternation(METRE_WORDS_AFTER)})\b)(?:[a-z]+[ \t]+){{0,4}}"
    rf"(?:[a-z]+s|{alternation(IRREGULAR_PLURALS)})\b)"
)
# Words before "a few" that make it no small amount: "quite a few" (many), "not a few".
FEW_NOT_AFTER = ("quite", "not")
FEW_NOT_AFTER_RE = ending_at(rf"(?i:\b(?:{alternation(FEW_NOT_AFTER, backward=True)})\s+)")
# A bare "few" is an amount only after a word that picks a span out: "the next few months",
# "the final few minutes"; "few other jobs pay so well" and "the few who" say "not many".
FEW_SPAN_WORDS = ("next", "past", "last", "final", "first", "coming", "previous", "these", "those")
FEW_SPAN_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(FEW_SPAN_WORDS, backward=True)})\s+)")
# "1/16 of a pint", "1/2 pound": a slashed pair is a fraction only before "of" or a unit.
FRACTION_OF_RE = regex.compile(r"[ \t]+(?:of|an?)\b")
# Number words that name no amount unless a number or "a" comes first.
BARE_WORDS_NOT_NUMBERS = frozenset({*numbers.SCALE_WORDS, "dozen"})
# What the two characters before a capitalised number word may hold, spaces stripped, when
# no full stop is just before it: nothing, a quote or a colon ("he said: Three were killed");
# after anything else it is a name ("Channel Four").
QUOTE_OR_COLON = ("", '"', "“", ":")
# A full date just before a capitalised number word: a date line ends there and a sentence
# begins ("25 August 2016 Fifteen civilians", "Aug. 25 2016 Three", "25.08.2016 Four").
_MONTH = alternation(MONTHS, backward=True)
# A lower-case noun for people right after a capitalised number word: it counts them
# ("Eleven children were killed"); a name goes on in capitals ("Channel Four News").
PEOPLE_AFTER_RE = regex.compile(rf"[ \t]+(?:{alternation(PEOPLE_NOUNS)})\b")
# What befell the people a capitalised number word counts, right after it, in a title's
# capitals or not: "Thirty Killed in Strikes", "Thirty were killed"; no name goes on so.
TOLL_AFTER_RE = regex.compile(
    rf"[ \t]+(?i:(?:{alternation(TOLL_AUXILIARIES)})[ \t]+)?(?i:{alternation(TOLL_PARTICIPLES)})\b"
)
DATELINE_YEAR_RE = ending_at(
    rf"(?i:\b(?:(?:{_MONTH})\.?\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{_MONTH})\.?,?"
    rf"|\d{{1,2}}[-./]\d{{1,2}}[-./])\s*(?:19|20)\d\d[ \t]+)"
)
# Letters glued to digits that are no unit make a code, not an amount: "4WD", "M21 9AB".
GLUED_CODE_RE = regex.compile(r"\p{L}{2}|\p{L}\d")
# A plural noun next: after a unit it makes the unit its modifier ("dozens of barrel bombs").
PLURAL_AFTER_RE = regex.compile(r"[ \t]+\p{Ll}{3,}s\b")
# "1/16 of a US pint": the unit of a fraction comes after "of a".
FRACTION_OF_UNIT_RE = regex.compile(r"[ \t]+of[ \t]+an?[ \t]+(?:(?:US|U\.S\.|UK|imperial)[ \t]+)?")
# A sign written before the digits: "-1.3%", "+0.8%", "$-50.8bn", "minus 233 Celsius".
SIGN_ENDS = frozenset("-−+ ")
SIGN_RE = ending_at(r"(?:(?<![\w.,%)\]-])[-−+]|(?<![\w])(?i:minus)[ \t-]?)")
# Signs that make a number negative, read with spaces and hyphens stripped ("" was a hyphen).
NEGATIVE_SIGNS = ("", "−", "minus")

# What joins the two ends of a range: "30 to 40", "30-40%", "between 30 and 40", "up to",
# "five or six".
RANGE_SEPARATOR_RE = regex.compile(r"[ \t]*(?:-|–|—|to|and|or|-to-|up[ \t]+to)[ \t]*\Z")
# "five or six", "20 or 30 people" are a vague range; "5 or 50" are two guesses, "1 or 10" two
# options: the second of a range joined by "or" is at most this many times the first.
OR_RANGE_RATIO = 2
# "25k or 40k cheaper than its rivals respectively": two figures, each its own.
RESPECTIVELY_RE = regex.compile(r"[^.;]{0,80}?\brespectively\b")
BETWEEN_RE = ending_at(r"(?i:\bbetween\s+)")
# A smaller number and "to" just before a pair, or "to" and a larger one after it: "from $10
# to $12 to $15" is a row of levels ("from 5 to 7 per cent to 3 to 5 per cent" two ranges).
_PLAIN_DIGITS = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
CHAINED_RE = ending_at(rf"(?<![\d.,]){_PLAIN_DIGITS}%?[ \t]+to[ \t]+")
TO_NUMBER_AFTER_RE = regex.compile(rf"[ \t]+to[ \t]+\p{{Sc}}?{_PLAIN_DIGITS}(?![\d.,]\d)")
FROM_RE = ending_at(r"(?i:\bfrom\s+)")
# "eight or nine euros", "8 or $9", "above five and even six per cent": the unit written
# once serves both.
OR_RE = regex.compile(r"[ \t]+(?:or|and[ \t]+even|or[ \t]+even)[ \t]+")
# "the" and the possessive determiners: "of the 1.5 billion", "of their 300 staff".
DEFINITE_DETERMINERS = ("the", *POSSESSIVES)
# "280 million of the 1.5 billion shekels": the part is in the unit of the whole.
PARTITIVE_RE = regex.compile(rf"[ \t]+of[ \t]+(?:{alternation(DEFINITE_DETERMINERS)})[ \t]+")
# "rose from 4.5 to 4.9 percent": the level a change starts from is in the unit of the next.
TO_RE = regex.compile(r"[ \t]+to[ \t]+")
# How far apart "from 1.2 to 1.5 million" may be for the first to take the scale of the second.
SCALE_SHARE_RATIO = 10
# After a change verb, a second number more than this many times the first is the level the
# change reached ("rose by 3 to 15", "fell 12 to 1,450"); closer, the two bound one change
# ("dropped by 1 to 1.5 degrees", "cut 30 to 50 percent").
CHANGE_LEVEL_RATIO = 4
# "one in three adults", "2 out of 5": a proportion, the first number a share of the second.
PROPORTION_RE = regex.compile(rf"[ \t]+(?i:{alternation(PROPORTION_LINKS)})[ \t]+")
# The largest whole a proportion is written against ("one in 1,000"): "5 in 2019" is a year.
PROPORTION_MAX = 1000
# "16,369.03, up 58.06 points": the level is in the unit of the change after it.
CHANGE_AFTER_LEVEL_RE = regex.compile(r"[ \t]*,?[ \t]*(?i:up|down)[ \t]+")
# "beat Charlton 2-1", "tied at 89-89": a hyphenated pair that does not rise is a score.
SCORE_RE = regex.compile(r"\d+-\d+")
# Words before a hyphenated pair that make it a score even when it rises: "lost 1-3".
SCORE_WORDS = (
    "won", "win", "wins", "lost", "lose", "beat", "beats", "defeated", "drew", "draw", "ended",
    "trailed", "led", "lead", "score", "scored", "victory", "defeat",
)
SCORE_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(SCORE_WORDS, backward=True)})\s+)")

# Prepositions that make a year of a four-digit number: "in 2019", "since 1990", "c. 1600".
YEAR_PREPOSITIONS = (
    "in", "by", "since", "until", "till", "during", "before", "after", "circa", "c.",
)
YEAR_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(YEAR_PREPOSITIONS, backward=True)})\s+)")
# Plural nouns a year names the period of: "2018 sales", "its 2019 earnings".
YEAR_NOUNS = frozenset(
    [
        "sales", "earnings", "revenues", "revenue", "profits", "results", "figures", "elections",
        "budgets", "accounts", "forecasts", "estimates", "targets", "returns", "statistics",
        "numbers", "playoffs", "finals", "olympics", "rankings", "standings", "models",
        "editions", "seasons", "accords", "protests", "floods", "riots", "games",
    ]
)
# Nouns that make whatever follows "of" an amount: "an average of 1500", "a total of 1900".
AMOUNT_NOUNS = (
    "average", "total", "sum", "tally", "toll", "maximum", "minimum", "figure", "count",
    "estimate",
)
AMOUNT_OF_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(AMOUNT_NOUNS, backward=True)})\s+of\s+)")


@dataclass
class Number:
    """One number as read from the text, before anything says what it counts."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    vague: bool = False
    scale: float = 1
    words: bool = False
    unit: str | None = None
    unit_metric: str | None = None
    unit_end: int = 0
    sign: str | None = None
    unsigned_start: int | None = None  # where the digits begin, when a sign was taken in


def find(text: str) -> list[Number]:
    """Every number in `text` that may be a claim, with its sign and unit, ranges joined."""
    found: list[Number] = []
    skip_to = 0
    links = furniture.link_lists(text)
    for match in numbers.find(text):
        pos = match.start()
        while links and links[0][1] <= pos:
            links.pop(0)
        if pos < skip_to or (links and links[0][0] <= pos):
            continue
        currency = units.prefix_currency(text, pos)
        sign = None
        if pos and _may_end_sign(text, pos):
            sign = SIGN_RE.match(text, max(0, pos - 6), pos, KEEP_GIL)
        skip_to = furniture.is_not_claim(text, pos, _glued(text, pos, currency, sign))
        if skip_to or _idiom(text, pos):
            continue
        number = _read(text, match)
        if number is None or text[number.end : number.end + 1] == "-" and ORDINAL_AFTER_RE.match(
                text, number.end):
            continue  # "the forty-fifth consecutive day": an ordinal
        if sign and not number.vague:  # "minus dozens" is no negative amount
            _sign(number, sign)
            currency = currency or units.prefix_currency(text, number.start)
        if _unit(text, number, currency):
            found.append(number)
    return _merge_ranges(text, found)


def _may_end_sign(text: str, pos: int) -> bool:
    """Whether SIGN_RE may end at `pos`: after a sign's character, and after a space only
    when "minus" may end before it (its "s" in any case, or a character not ASCII), which
    the space before most figures does not follow."""
    before = text[pos - 1]
    if before not in SIGN_ENDS:
        return False
    if before != " ":
        return True
    last = text[pos - 2 : pos - 1]
    return last in ("s", "S") or not last.isascii()


def _glued(text: str, pos: int, currency, sign) -> bool:
    """Are the letters glued before the number a currency or a sign, not the name or code it
    would otherwise end: "RM5", "minus-5", "sub-7"?"""
    return (
        currency is not None
        or (sign is not None and sign.group()[0] in "mM")
        or (text[pos - 1 : pos] == "-" and qualifiers.glued_before(text, pos))
    )


def _idiom(text: str, pos: int) -> bool:
    """Is the "one" or "zero" at `pos` a pronoun or an idiom: "no one knows", "one day",
    "zero in on", but not "some one million"?"""
    if text[pos] in "zZ":
        return bool(ZERO_IDIOM_RE.match(text, pos))
    return text[pos] in "oO" and bool(
        IDIOM_AT_RE.match(text, pos)
        or _described_one(text, pos)
        or _source_one(text, pos)
        or (
            IDIOM_BEFORE_RE.match(text, max(0, pos - 6), pos)
            and not ONE_SCALED_RE.match(text, pos)
        )
    )


def _source_one(text: str, pos: int) -> bool:
    """Does "one" name a source, "by one count", "according to one estimate", rather than
    count anything?"""
    return bool(SOURCE_ONE_AT_RE.match(text, pos)) and bool(
        SOURCE_ONE_BEFORE_RE.match(text, max(0, pos - 16), pos)
    )


def _described_one(text: str, pos: int) -> bool:
    """Is "one with ..." a pronoun ("and one with only a shoe lay there")? Not after a verb
    of killing, whose victim it counts ("killing one with a knife")."""
    return bool(DESCRIBED_ONE_RE.match(text, pos)) and not KILLING_BEFORE_RE.match(
        text, max(0, pos - 40), pos, KEEP_GIL)


def _sign(number: Number, sign) -> None:
    """Take in the sign written before the digits: "-1.3%" falls, "+0.8%" rises."""
    number.unsigned_start = number.start
    number.start = sign.start()
    if sign.group().strip(" \t-").lower() in NEGATIVE_SIGNS:
        number.value = -number.value
        number.sign = "down"
    else:
        number.sign = "up"


def _unit(text: str, number: Number, currency) -> bool:
    """Attach the unit after the number ("12 km", "1/16 of a US pint") or the currency before
    it ("$5"); False when letters glued to it make a code ("4WD")."""
    unit = _unit_after(text, number)
    if unit:
        number.unit, number.unit_metric, number.unit_end = unit
    elif currency is None and _at_letter(text, number.end) and GLUED_CODE_RE.match(
            text, number.end, None, KEEP_GIL):
        return False
    else:
        number.unit_end = number.end
    if currency:
        number.unit, number.unit_metric = currency[0], "money"
        number.start = min(number.start, currency[1])
    return True


def _at_letter(text: str, pos: int) -> bool:
    """Whether GLUED_CODE_RE may match at `pos`: at a letter, or a character not ASCII
    (whose letters the pattern's tables may know better than `str.isalpha`); not at the
    space after most figures."""
    char = text[pos : pos + 1]
    return char.isalpha() or not char.isascii()


def _unit_after(text: str, number: Number) -> tuple[str, str, int] | None:
    """The unit written after the number: "12 km", after "of a" for a fraction ("1/16 of a US
    pint"), after "of" for a vague amount ("tens of thousands of dollars")."""
    unit = units.suffix_unit(text, number.end)
    if unit is not None:
        return unit
    if number.value < 1:
        of = FRACTION_OF_UNIT_RE.match(text, number.end)
        return units.suffix_unit(text, of.end()) if of else None
    of = OF_AFTER_RE.match(text, number.end, None, KEEP_GIL) if number.vague else None
    unit = units.suffix_unit(text, of.end()) if of else None
    if unit is None or PLURAL_AFTER_RE.match(text, unit[2]):
        return None  # "dozens of barrel bombs" counts bombs
    return unit


def _read(text: str, match) -> Number | None:
    """The value of one NUMBER_RE match, or None when the words are not an amount or the
    value is past what a float holds (a run of 400 digits is no figure anyone reported)."""
    for group, reader in _READERS:
        if match.group(group) is not None:
            number = reader(text, match)
            return number if number is not None and math.isfinite(number.value) else None
    return None


def _read_slash(text: str, match) -> Number | None:
    """A slashed fraction before "of" or a unit: "1/16 of a pint"; not a date ("9/11")."""
    start, end = match.span()
    value = numbers.slash_value(match.group(_NUMBER.slash))
    if value is None or not (FRACTION_OF_RE.match(text, end) or units.suffix_unit(text, end)):
        return None
    return Number(start, end, value)


def _read_digits(text: str, match) -> Number:
    """Digits with their scale: "12", "2.5 million", "3bn", "1.99×10−30", "3 hundred and 21"."""
    start, end = match.span()
    value = numbers.digits_value(match.group(_NUMBER.digits))
    scale = 1.0
    if match.group(_NUMBER.dscale):
        scale = numbers.scale_of(match.group(_NUMBER.dscale))
    elif match.group(_NUMBER.abbr) or match.group(_NUMBER.abbr2):
        end, scale = _abbreviated_scale(text, match, end)
    if match.group(_NUMBER.exp):  # written digits and exponent, so 1.99e-30 stays exact
        exponent = int(numbers.digits_value(match.group(_NUMBER.exp).replace("−", "-")))
        value = numbers.digits_value(f"{match.group('digits')}e{exponent}")
    if match.group(_NUMBER.more):
        value = numbers.compose(text[start : match.end(_NUMBER.more)])
        scale = 1.0
    value *= scale
    if match.group(_NUMBER.dfrac):
        value = numbers.with_fraction(value, scale, match.group(_NUMBER.dfrac))
    return Number(start, end, value, scale=scale)


def _abbreviated_scale(text: str, match, end: int) -> tuple[int, float]:
    """Where the number ends and its scale, from an abbreviation: "3bn", "2.7m sales", "$2.5T";
    with no currency, a lower-case "m" and no counted noun is metres ("a 2.7m high wall") and
    "T" no trillion ("a 3T magnet")."""
    written = match.group(_NUMBER.abbr) or match.group(_NUMBER.abbr2)
    if (
        (written == "m" and not METRE_NOT_MILLION_RE.match(text, end))
        or written.lower() in numbers.MONEY_ONLY_SCALES
    ) and units.prefix_currency(text, match.start()) is None:
        return match.start(_NUMBER.abbr), 1.0
    return end, numbers.scale_of(written.lower())


def _read_vague(text: str, match) -> Number | None:
    """A vague amount as the range it stands for: "dozens", "hundreds of thousands" of people,
    "several hundred" (a scale multiplies "several" and "a few"); not the verb "scores" ("he
    scores 12 goals"): lower-case "scores" counts only before "of"; nor "few" as a pronoun
    or idiom ("the few who", "quite a few")."""
    vague = match.group(_NUMBER.vague)
    if vague == "scores" and not OF_AFTER_RE.match(text, match.end(_NUMBER.vague)):
        return None
    if vague.lower().endswith("few") and not _few_counts(text, match):
        return None
    low, high = numbers.vague_range(vague)
    end = match.end(_NUMBER.vague)
    if match.group(_NUMBER.vscale) and " ".join(vague.lower().split()) in numbers.SCALED_VAGUE:
        scale = numbers.scale_of(match.group(_NUMBER.vscale))
        low, high, end = low * scale, high * scale, match.end()
    return Number(match.start(), end, low, low, high, vague=True)


def _few_counts(text: str, match) -> bool:
    """Does "few" count the noun after it ("a few minutes", "the next few months"), rather
    than stand alone or say "not many" ("the few who", "quite a few", "few other jobs")?"""
    start = match.start()
    if match.group(_NUMBER.vague).lower() == "few":
        if not FEW_SPAN_BEFORE_RE.match(text, max(0, start - 10), start):
            return False
    elif FEW_NOT_AFTER_RE.match(text, max(0, start - 8), start):
        return False
    after = match.end(_NUMBER.vague)
    if match.group(_NUMBER.vscale):
        return True
    found = metrics.subject_after(text, after, min(len(text), after + 60))
    return found is not None and (found[0].endswith("s") or metrics.is_people(found[0]))


def _read_pair(text: str, match) -> Number:
    """Two of a thing: "a pair of robots"."""
    word = match.group(_NUMBER.pair).split()[1].lower()
    return Number(match.start(), match.end(), numbers.PAIR_WORDS[word])


def _read_multiple(text: str, match) -> Number | None:
    """A multiplier after a qualifier, counted in times as "sixfold" is: "nearly double the
    target"; "a double murder" is none."""
    start, end = match.span()
    if qualifiers.qualifier_before(text, start) is None:
        return None
    value = numbers.MULTIPLE_WORDS[match.group(_NUMBER.multiple).lower()]
    return Number(start, end, value, unit="times", unit_metric="count", unit_end=end)


def _read_article(text: str, match) -> Number | None:
    """One of a unit, after a qualifier: "nearly a year", "up to a foot"; a bare "a year"
    is no figure."""
    start, end = match.span()
    if qualifiers.qualifier_before(text, start) is None:
        return None
    return Number(start, end, 1)


def _read_fold(text: str, match) -> Number:
    """A multiple written as one word, counted in times: "grew sixfold", "a tenfold rise"."""
    start, end = match.span()
    value = numbers.FOLD_WORDS[match.group(_NUMBER.fold).lower()]
    return Number(start, end, value, unit="times", unit_metric="count", unit_end=end)


def _ordinal(text: str, match) -> bool:
    """Is "a third" an ordinal, as before a noun ("a third child"), not a share ("cut by a
    third", "a third of voters", "a third to a half", "control roughly a third")?"""
    words = match.group(_NUMBER.fraction).lower().replace("-", " ").split()
    if (
        words[0] not in ("a", "an")
        or words[-1] not in ORDINAL_FRACTIONS
        or match.group(_NUMBER.fscale)
    ):
        return False
    noun = NEXT_LOWER_WORD_RE.match(text, match.end())
    return (
        noun is not None
        and noun.group(1) not in NOT_NOUNS_AFTER_FRACTION
        and not BY_BEFORE_RE.match(text, max(0, match.start() - 4), match.start())
        and qualifiers.qualifier_before(text, match.start()) is None  # "roughly a third"
    )


def _read_fraction(text: str, match) -> Number | None:
    """A fraction in words: "two thirds", "a quarter of a million"; not an ordinal ("a third
    shell fell")."""
    if _ordinal(text, match):
        return None
    value = numbers.fraction_value(match.group(_NUMBER.fraction))
    fscale = match.group(_NUMBER.fscale)
    scale = numbers.SCALE_WORDS[fscale.lower()] if fscale else 1
    return Number(match.start(), match.end(), value * scale, scale=scale)


def _read_half(text: str, match) -> Number:
    """Half or a quarter of a scale word: "half a million", "half a dozen"."""
    scale = numbers.WORD_VALUES[match.group(_NUMBER.halfscale).lower()]
    value = numbers.FRACTION_WORDS[match.group(_NUMBER.half).lower()] * scale
    return Number(match.start(), match.end(), value, scale=scale)


def _read_halfword(text: str, match) -> Number:
    """A bare "half" before what it halves: "half of the people"."""
    return Number(match.start(), match.end(), 0.5)


def _read_words(text: str, match) -> Number | None:
    """A number in words: "twenty-five", "three and a half million"; None for a scale word
    with no number ("million people") or a capitalised name ("Channel Four")."""
    start = match.start()
    surface = match.group(_NUMBER.words)
    trail = numbers.TRAIL_FRACTION_RE.search(surface, 0, None, KEEP_GIL)
    parsed = numbers.parse_words(surface[: trail.start()] if trail else surface)
    if parsed is None or parsed[1] == 0:
        return None
    value, consumed = parsed
    if surface.split(None, 1)[0].lower() in BARE_WORDS_NOT_NUMBERS:
        return None  # "million people" after a number already read; "a baker's dozen"
    last = surface[:consumed].lower().split()[-1].split("-")[-1]
    scale = numbers.SCALE_WORDS.get(last, 1)
    if trail and consumed == trail.start():
        value = numbers.with_fraction(value, scale, trail.group())
        consumed = len(surface)
    if surface[0].isupper() and _inside_a_name(text, start):
        return None
    return Number(start, start + consumed, value, scale=scale, words=True)


def _inside_a_name(text: str, start: int) -> bool:
    """Does a capitalised number word at `start` sit inside a sentence, after a word, as in
    "Channel Four"? Not after a full stop, a quote or a colon ("“Three were killed”"), nor
    after a live blog's timestamp opening the line ("04.25 Three people were killed"), nor
    after a date line's year ("25 August 2016 Fifteen civilians were killed")."""
    if start == 0 or text.rfind(".", max(0, start - 3), start) >= 0:
        return False
    if furniture.timestamp_before(text, start) or DATELINE_YEAR_RE.match(
            text, max(0, start - 24), start):
        return False
    after = start + len(text[start:].split(None, 1)[0])
    if PEOPLE_AFTER_RE.match(text, after) or TOLL_AFTER_RE.match(text, after):
        return False  # "... Aleppo Eleven children were killed": a name goes on in capitals
    return text[start - 2 : start].strip() not in QUOTE_OR_COLON


# How to read each kind of NUMBER_RE match, by the group that names the kind.
_READERS = (
    (_NUMBER.slash, _read_slash),
    (_NUMBER.digits, _read_digits),
    (_NUMBER.vague, _read_vague),
    (_NUMBER.pair, _read_pair),
    (_NUMBER.multiple, _read_multiple),
    (_NUMBER.article, _read_article),
    (_NUMBER.fold, _read_fold),
    (_NUMBER.fraction, _read_fraction),
    (_NUMBER.half, _read_half),
    (_NUMBER.halfword, _read_halfword),
    (_NUMBER.words, _read_words),
)


def _merge_ranges(text: str, found: list[Number]) -> list[Number]:
    """Join "30 to 40", "30-40%", "between 30 and 40", "four to five thousand", "from $5 to
    $7", "one in three"; drop scores ("won 2-1") and spans of years ("between 1600 and 1900")."""
    merged: list[Number] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        joined = _join(text, first, second) if second is not None else None
        if joined is None:
            merged.append(first)
            index += 1
            continue
        if joined is not first:  # a score or a span of years drops both
            merged.append(joined)
        index += 2
    for first, second in itertools.pairwise(merged):
        _share_unit(text, first, second)
    return merged


def _join(text: str, first: Number, second: Number) -> Number | None:
    """The one number two make (a range, a proportion), `first` itself when both are no claim
    (a score, a span of years), or None when they stay two."""
    if _proportion(text, first, second):
        return Number(
            first.start, second.end, first.value / second.value, words=first.words,
            unit_metric="share", unit_end=second.end,
        )
    word = _range_separator(text, first, second)
    if word is None:
        return None
    if _is_score(text, first, second) or _years_span(text, first, second):
        return first
    return _range(text, first, second, word)


def _proportion(text: str, first: Number, second: Number) -> bool:
    """Do two bare numbers make a proportion, "one in three adults", "2 out of 5", not "3 in
    2019" or "2 in 10 days"?"""
    return (
        first.unit is None
        and second.unit is None
        and first.scale * second.scale == 1
        and not (first.vague or second.vague)
        and 1 <= first.value < second.value <= PROPORTION_MAX
        and bool(PROPORTION_RE.fullmatch(text, first.end, second.start, KEEP_GIL))
    )


def _range_separator(text: str, first: Number, second: Number) -> str | None:
    """The word joining two exact numbers of one unit into a range: "30 to 40", "30-40%"."""
    if first.vague or second.vague:
        return None
    gap = text[first.unit_end : second.start]
    separator = RANGE_SEPARATOR_RE.match(gap) if len(gap) <= 9 else None
    if separator is None or (first.unit is not None and first.unit != second.unit):
        return None
    return separator.group().strip()


def _is_score(text: str, first: Number, second: Number) -> bool:
    """Is a hyphenated pair a score, "beat Charlton 2-1", "lost 1-3", not "30-40 people"?"""
    gap = text[first.unit_end : second.start]
    if gap not in ("-", "–") or first.unit or second.unit or first.scale * second.scale != 1:
        return False
    if not SCORE_RE.fullmatch(text, first.start, second.end):
        return False
    return first.value >= second.value or bool(
        SCORE_BEFORE_RE.match(text, max(0, first.start - 12), first.start)
    )


def _years_span(text: str, first: Number, second: Number) -> bool:
    """Are two joined numbers a span of years, "between 1600 and 1900", not "1500-2000 people"?"""
    if not (year_shaped(text, first) and year_shaped(text, second)):
        return False
    after = metrics.subject_after(text, second.end, min(len(text), second.end + 40))
    return looks_like_year(text, second, after[0] if after else None, False)


def _range(text: str, first: Number, second: Number, word: str) -> Number | None:
    """The range two numbers make, "four to five thousand" from 4000 to 5000; None when they
    rise the wrong way or the words around them make no range."""
    low = first.value
    if first.scale == 1 and second.scale > 1 and low * second.scale <= second.value:
        low *= second.scale
    if not (low < second.value and _range_words(text, first, word)):
        return None
    if word == "or" and _two_guesses(text, low, second):
        return None
    if word == "to" and (
        _in_a_row(text, first, second) or _change_then_level(text, low, first, second)
    ):
        return None
    return Number(
        first.start, second.end, low, low, second.value, scale=second.scale,
        unit=second.unit, unit_metric=second.unit_metric, unit_end=second.unit_end,
    )


def _two_guesses(text: str, low: float, second: Number) -> bool:
    """Are two numbers joined by "or" two figures rather than one vague range: far apart
    ("5 or 50") or given "respectively"?"""
    return second.value > OR_RANGE_RATIO * low or bool(
        RESPECTIVELY_RE.match(text, second.unit_end))


def _range_words(text: str, first: Number, word: str) -> bool:
    """Do the words around two numbers make a range: "and" needs "between" ("between 30 and
    40"), "up to" needs "from" ("from 5 up to 7"), and a change is no range ("rose from 20 to
    35"), nor a year after "in" ("in 1990 to 2000")?"""
    start = first.start
    if word == "and":
        return bool(BETWEEN_RE.match(text, max(0, start - 8), start))
    if word.startswith("up"):
        return bool(FROM_RE.match(text, max(0, start - 5), start)) and not _from_a_change(
            text, first
        )
    return not _from_a_change(text, first) and not (
        year_shaped(text, first) and YEAR_BEFORE_RE.match(text, max(0, start - 8), start)
    )


def _in_a_row(text: str, first: Number, second: Number) -> bool:
    """Are two numbers joined by "to" part of a row of levels, "from $10 to $12 to $15", not
    a range?"""
    start = first.start
    before = CHAINED_RE.match(text, max(0, start - 16), start)
    after = TO_NUMBER_AFTER_RE.match(text, second.unit_end)
    return bool(
        before
        and numbers.digits_value(before.group("n")) < first.value
        or after
        and second.scale == 1
        and numbers.digits_value(after.group("n")) > second.value
    )


def _change_then_level(text: str, low: float, first: Number, second: Number) -> bool:
    """Are a bare change and a number far above it the change and the level it reached, "rose
    by 3 to 15", not a range of changes, "dropped by 1 to 1.5 degrees"?"""
    return second.value > CHANGE_LEVEL_RATIO * low and (
        metrics.direction(text, 0, first.start, first.end, first.end) is not None
    )


def _from_a_change(text: str, first: Number) -> bool:
    """"rose from 20 to 35" and "rose by $5bn to $35bn" state a change and a level, not a
    range; "range from $5 to $7" and "dropped by 1 to 1.5 degrees" state one."""
    start = first.start
    if first.unit and metrics.DIRECTION_BEFORE_RE.match(text, max(0, start - 30), start, KEEP_GIL):
        return True
    found = FROM_RE.match(text, max(0, start - 5), start)
    return bool(
        found and metrics.CHANGE_BEFORE_RE.match(text, max(0, found.start() - 40), found.start())
    )


def _share_unit(text: str, first: Number, second: Number) -> None:
    """Give a bare number the unit of the next when the words between them say it shares it:
    "eight or nine euros", "280 million of the 1.5 billion shekels", "16,369.03, up 58.06
    points" (the level is in the unit of the change), "from 4.5 to 4.9 percent"."""
    if first.unit is not None:
        return
    if _from_level(text, first, second):
        _share_scale(first, second)
    elif second.unit is not None and (
        OR_RE.fullmatch(text, first.unit_end, second.start, KEEP_GIL)
        or PARTITIVE_RE.fullmatch(text, first.unit_end, second.start, KEEP_GIL)
        or second.unit != "percent"
        and CHANGE_AFTER_LEVEL_RE.fullmatch(text, first.unit_end, second.start, KEEP_GIL)
    ):
        first.unit, first.unit_metric = second.unit, second.unit_metric


def _from_level(text: str, first: Number, second: Number) -> bool:
    """Is `first` the level a change starts from and `second` the one it reaches, "rose from
    4.5 to 4.9 percent", which no range joined?"""
    start = first.start
    return bool(
        text.find("to", first.unit_end, second.start) >= 0  # no range's "to": most
        and TO_RE.fullmatch(text, first.unit_end, second.start, KEEP_GIL)
        and FROM_RE.match(text, max(0, start - 5), start)
    )


def _share_scale(first: Number, second: Number) -> None:
    """Give the level a change starts from the unit, and the scale, of the level it reaches:
    "from 1.2 to 1.5 million barrels", "from 900,000 to 1.2 million barrels"; not "from 2 to
    30 million", whose first may be a bare 2."""
    if first.scale == 1 and second.scale > 1 and _near(first.value * second.scale, second):
        first.value, first.scale = first.value * second.scale, second.scale
    if _near(first.value, second):
        first.unit, first.unit_metric = second.unit, second.unit_metric


def _near(value: float, other: Number) -> bool:
    """Is `value` within SCALE_SHARE_RATIO of the other number's, as two levels of one thing?"""
    return other.value / SCALE_SHARE_RATIO <= value <= other.value * SCALE_SHARE_RATIO


def year_shaped(text: str, number: Number) -> bool:
    """Is the number written as four bare digits from 1000 to 2199, the shape of a year?"""
    if number.words or number.scale != 1 or number.unit is not None:
        return False
    surface = text[number.start : number.end]
    return len(surface) == 4 and surface.isdigit() and 1000 <= int(surface) <= 2199


def looks_like_year(text: str, number: Number, subject: str | None, qualified: bool) -> bool:
    """A bare four-digit 1000-2199 is a year unless a counted plural follows it
    ("2000 people", "1500 soldiers"; not "the 1988 horror film") and no "in"/"by" precedes it."""
    if qualified or number.low is not None or not year_shaped(text, number):
        return False
    if AMOUNT_OF_BEFORE_RE.match(text, max(0, number.start - 16), number.start):
        return False
    if YEAR_BEFORE_RE.match(text, max(0, number.start - 8), number.start):
        return subject is None or not metrics.is_people(subject)
    if subject is None:
        return True
    head = subject.split(None, 1)[0]
    if head.lower() in YEAR_NOUNS:
        return True
    return not (head.islower() and (head.endswith("s") or metrics.is_people(head)))
