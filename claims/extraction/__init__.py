"""Turn text into claims: find each number, then read its qualifier, unit, metric, subject,
place, time and source from the words around it.

One pass of `NUMBER_RE` over the text finds the candidates; everything after that looks only
at a few characters around each candidate, which is what keeps extraction fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from claims.extraction import (
    attribution,
    furniture,
    metrics,
    numbers,
    places,
    qualifiers,
    times,
    units,
)
from claims.extraction.patterns import ending_at
from claims.extraction.sentences import Sentences
from claims.models import Claim

EXTRACTOR_VERSION = "0.2.0"

# Metrics that count people: a figure with one of these and no noun counts people.
PEOPLE_METRICS = frozenset(
    [
        "killed", "wounded", "casualties", "missing", "evacuated", "displaced", "arrested",
        "kidnapped", "released", "besieged", "fighters", "protesters", "affected", "population"
    ]
)
# "one" that is a pronoun or an idiom, not an amount: checked only where "one" was read.
IDIOM_BEFORE_RE = ending_at(r"(?i:\b(?:no|each|every|any|same|this|that|which|some)[\s-]+)")
IDIOM_AT_RE = regex.compile(
    r"(?i:one[\s-]+(?:another|on[\s-]+one|off|time|sided|way|day|night|morning|evening|"
    r"afternoon|point|stage|of\s+a\s+kind|or\s+(?:another|other)|who|that|which|"
    r"of\s+(?:them|us)|you|i|we|they|he|she)\b|one\s+(?=\d))"
)
# "Ross was down 2.3%, Burlington by 2.6%": an elliptic change keeps the direction.
BY_BEFORE_RE = ending_at(r"\bby[ \t]+")
OR_RE = regex.compile(r"[ \t]+or[ \t]+")
# A measure that sizes what a figure counts: "eight million 250ml bottles".
MEASURE_MODIFIER_RE = regex.compile(r"[ \t]+\d+(?:\.\d+)?(?=[ \t]?-?[ \t]?\p{L})")
# What lies between a change and the level it reached: "down 68p at 1112", "rose 2% to 1850".
LEVEL_AFTER_CHANGE_RE = regex.compile(r"[ \t]*,?[ \t]*(?i:to|at)[ \t]+")
# "280 million of the 1.5 billion shekels": the part is in the unit of the whole.
PARTITIVE_RE = regex.compile(r"[ \t]+of[ \t]+(?:the|its|their|his|her|our)[ \t]+")
# "16,369.03, up 58.06 points": the level is in the unit of the change after it.
CHANGE_AFTER_LEVEL_RE = regex.compile(r"[ \t]*,?[ \t]*(?i:up|down)[ \t]+")
# "1/16 of a US pint": the unit of a fraction comes after "of a".
FRACTION_OF_UNIT_RE = regex.compile(r"[ \t]+of[ \t]+an?[ \t]+(?:(?:US|U\.S\.|UK|imperial)[ \t]+)?")
# A number word hyphened to a singular duration before a noun modifies it: "a two-month
# contract" ("a 30-year-old man" is an age and read before this).
COMPOUND_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
COMPOUND_RE = regex.compile(r"[\p{L}-]+-(?:year|month|week|day|hour|minute)")
COMPOUND_BEFORE_RE = ending_at(r"(?i:\b(?:a|an|the|its|their|his|her|our)\s+)")
COMPOUND_AFTER_RE = regex.compile(r"[ \t]+(?!old\b)[\p{L}$]")
# What befell people, written right after a bare figure: "left 15 dead", "12 injured".
STATE_AFTER_RE = regex.compile(r"[ \t]+(?i:dead|injured|wounded|missing|killed|hurt)\b")
# A verb of the figure's own right after it: "and 167 were rescued", "41 are still missing".
OWN_VERB_AFTER_RE = regex.compile(
    r"[ \t]+(?:(?i:were|was|are|is|have|has|had|remain|remained|remains)\b|\p{Ll}+ed\b)"
)
# A hyphen left hanging until the last of a list: "7- or 8-inch", "four-, five- and six-cylinder".
SUSPENDED_RE = regex.compile(
    r"-(?:,?[ \t]+(?:(?:or|and|to)[ \t]+)?[\w.]+-)*,?[ \t]+(?:(?:or|and|to)[ \t]+)?[\w.]+"
    r"-(?P<head>\p{L}+)"
)
# How far back a bare figure may find the figure whose unit it leaves unsaid.
ELLIPSIS_REACH = 90
LEVEL_BEFORE_RE = ending_at(r"(?i:\b(?:to|at|of)[ \t]+(?:(?:a|an|the)[ \t]+\p{Ll}+[ \t]+of[ \t]+)?)")
# "one more than the official toll", "two fewer than": a difference between figures.
COMPARATIVE_AFTER_RE = regex.compile(r"[ \t]+(?i:more|fewer|less|higher|lower)[ \t]+than\b")
# What lies between a figure and the same figure restated in other units or terms.
RESTATED_RE = regex.compile(r"[ \t]*(?:,?[ \t]*or|\(|/)[ \t]*")
# A figure inside a count already given: "15 people including three children".
INCLUDING_BEFORE_RE = ending_at(
    r"(?i:\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+)"
)
# "1/16 of a pint", "1/2 pound": a slashed pair is a fraction only before "of" or a unit.
FRACTION_OF_RE = regex.compile(r"[ \t]+(?:of|an?)\b")
# Number words that name no amount unless a number or "a" comes first.
BARE_WORDS_NOT_NUMBERS = frozenset({*numbers.SCALE_WORDS, "dozen"})
# Letters glued to digits that are no unit make a code, not an amount: "4WD", "M21 9AB".
GLUED_CODE_RE = regex.compile(r"\p{L}{2}|\p{L}\d")
# A bare number set off by commas after a name is an age: "Jamie Armstrong, 25, said".
AGE_APPOSITION_BEFORE_RE = ending_at(r"\p{Lu}[\p{L}.'’-]*,[ \t]")
AGE_APPOSITION_AFTER_RE = regex.compile(r",[ \t]")
# Units whose signed figures in market copy are changes: "FTSE -0.6%", "Dow +120 points".
SIGNED_CHANGE_UNITS = frozenset({"percent", "points", "basis point"})
# A sign written before the digits: "-1.3%", "+0.8%", "$-50.8bn", "minus 233 Celsius".
SIGN_ENDS = frozenset("-−+ ")
SIGN_RE = ending_at(r"(?:(?<![\w.,%)\]-])[-−+]|(?<![\w])(?i:minus)[ \t-]?)")
RANGE_SEPARATOR_RE = regex.compile(r"[ \t]*(?:-|–|—|to|and|-to-|up[ \t]+to)[ \t]*\Z")
BETWEEN_RE = ending_at(r"(?i:\bbetween\s+)")
FROM_RE = ending_at(r"(?i:\bfrom\s+)")
# A person said to be a bare number is that old: "his daughter, who was 10", "he will be 35".
AGE_STATE_BEFORE_RE = ending_at(
    r"(?i:\b(?:who|he|she|i)\s+(?:is|was|will\s+be|would\s+be|turned|turns|turning|"
    r"had\s+turned|has\s+turned)\s+)"
)
# "a 30-year-old", "her 18-month-old daughter", "a six-week-old baby"
AGE_UNITS = frozenset({"years", "months", "weeks", "days"})
AGE_AFTER_RE = regex.compile(r"[ \t]*-?[ \t]*old\b", regex.IGNORECASE)
AGE_BEFORE_RE = ending_at(r"(?i:\b(?:aged|age\s+of|ages\s+of|ages|age)\s+)")
# "2.7m combined digital sales" counts millions; "a 2.7m high wall" measures metres.
METRE_NOT_MILLION_RE = regex.compile(
    r"[ \t]+(?:of\b|(?!(?:high|long|wide|tall|deep|away|from|above|below|in|on|to)\b)"
    r"(?:[a-z]+[ \t]+){0,4}[a-z]+s\b)"
)
YEAR_BEFORE_RE = ending_at(r"(?i:\b(?:in|by|since|until|till|during|before|after|circa|c\.)\s+)")
# Plural nouns a year names the period of: "2018 sales", "its 2019 earnings".
YEAR_NOUNS = frozenset(
    [
        "sales", "earnings", "revenues", "revenue", "profits", "results", "figures", "elections",
        "budgets", "accounts", "forecasts", "estimates", "targets", "returns", "statistics",
        "numbers", "playoffs", "finals", "olympics", "rankings", "standings", "models",
        "editions", "seasons", "accords", "protests", "floods", "riots", "games",
    ]
)
# "an average of 1500", "a total of 1900": an amount, whatever its shape.
AMOUNT_OF_BEFORE_RE = ending_at(
    r"(?i:\b(?:average|total|sum|tally|toll|maximum|minimum|figure|count|estimate)\s+of\s+)"
)
# "beat Charlton 2-1", "tied at 89-89": a hyphenated pair that does not rise is a score.
SCORE_RE = regex.compile(r"\d+-\d+")
SCORE_BEFORE_RE = ending_at(
    r"(?i:\b(?:won|win|wins|lost|lose|beat|beats|defeated|drew|draw|ended|trailed|led|lead|"
    r"score|scored|victory|defeat)\s+)"
)


@dataclass
class _Number:
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


def _published(published) -> dt.date | None:
    if published is None or isinstance(published, dt.date) and not isinstance(published, dt.datetime):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    return dt.date.fromisoformat(str(published)[:10])


def _read(text: str, match) -> _Number | None:
    """The value of one NUMBER_RE match, or None when the words are not an amount."""
    group = match.lastgroup
    start, end = match.span()
    if match.group("slash") is not None:
        value = numbers.slash_value(match.group("slash"))
        if value is None or not (FRACTION_OF_RE.match(text, end) or units.suffix_unit(text, end)):
            return None
        return _Number(start, end, value)
    if match.group("digits") is not None:
        value = numbers.digits_value(match.group("digits"))
        scale = 1.0
        if match.group("dscale"):
            scale = numbers.scale_of(match.group("dscale"))
        elif match.group("abbr") or match.group("abbr2"):
            written = match.group("abbr") or match.group("abbr2")
            abbr = written.lower()
            # Lower-case "m" glued to digits is metres as often as millions; a currency or
            # a counted noun decides.
            if (
                written == "m"
                and units.prefix_currency(text, start) is None
                and not METRE_NOT_MILLION_RE.match(text, end)
            ):
                end = match.start("abbr")
                abbr = ""
            scale = numbers.scale_of(abbr) if abbr else 1.0
        if match.group("exp"):  # written digits and exponent, so 1.99e-30 stays exact
            exponent = int(match.group("exp").replace("−", "-"))
            value = float(f"{match.group('digits').replace(',', '')}e{exponent}")
        if match.group("more"):
            value = numbers.compose(text[start : match.end("more")])
            scale = 1.0
        value *= scale
        if match.group("dfrac"):
            value = numbers.with_fraction(value, scale, match.group("dfrac"))
        return _Number(start, end, value, scale=scale)
    if match.group("vague") is not None:
        low, high = numbers.vague_range(match.group("vague"))
        return _Number(start, end, low, low, high, vague=True)
    if match.group("fold") is not None:
        value = numbers.FOLD_WORDS[match.group("fold").lower()]
        return _Number(start, end, value, unit="times", unit_metric="count", unit_end=end)
    if match.group("fraction") is not None:
        value = numbers.fraction_value(match.group("fraction"))
        scale = numbers.SCALE_WORDS[match.group("fscale").lower()] if match.group("fscale") else 1
        return _Number(start, end, value * scale, scale=scale)
    if match.group("half") is not None:
        scale = numbers.WORD_VALUES[match.group("halfscale").lower()]
        value = numbers.FRACTION_WORDS[match.group("half").lower()] * scale
        return _Number(start, end, value, scale=scale)
    if match.group("halfword") is not None:
        return _Number(start, end, 0.5)
    if group == "words" or match.group("words") is not None:
        surface = match.group("words")
        trail = numbers.TRAIL_FRACTION_RE.search(surface)
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
        end = start + consumed
        if surface[0].isupper() and start > 0:
            sentence_start = text.rfind(".", max(0, start - 3), start) >= 0
            if not sentence_start and text[start - 2 : start].strip() not in ("", '"', "“", ":"):
                return None
            if not sentence_start and start > 1 and text[start - 2].isalpha():
                return None
        return _Number(start, end, value, scale=scale, words=True)
    return None


def _candidates(text: str) -> list[_Number]:
    found: list[_Number] = []
    skip_to = 0
    for match in numbers.find(text):
        pos = match.start()
        if pos < skip_to:
            continue
        currency = units.prefix_currency(text, pos)
        sign = None
        if pos and text[pos - 1] in SIGN_ENDS:
            sign = SIGN_RE.match(text, max(0, pos - 6), pos)
        glued = (
            currency is not None
            or (sign is not None and sign.group()[0] in "mM")
            or (text[pos - 1 : pos] == "-" and qualifiers.glued_before(text, pos))
        )
        skip_to = furniture.is_not_claim(text, pos, glued)
        if skip_to:
            continue
        if text[pos] in "oO" and (
            IDIOM_AT_RE.match(text, pos) or IDIOM_BEFORE_RE.match(text, max(0, pos - 6), pos)
        ):
            continue
        number = _read(text, match)
        if number is None:
            continue
        if sign and not number.vague:  # "minus dozens" is no negative amount
            number.start = sign.start()
            if sign.group().strip(" \t-").lower() in ("-", "−", "minus", ""):
                number.value = -number.value
                number.sign = "down"
            else:
                number.sign = "up"
            currency = currency or units.prefix_currency(text, number.start)
        unit = units.suffix_unit(text, number.end)
        of = FRACTION_OF_UNIT_RE.match(text, number.end) if number.value < 1 else None
        if unit is None and of:
            unit = units.suffix_unit(text, of.end())
        if unit:
            number.unit, number.unit_metric, number.unit_end = unit
        elif currency is None and GLUED_CODE_RE.match(text, number.end):
            continue
        else:
            number.unit_end = number.end
        if currency:
            number.unit, number.unit_metric = currency[0], "money"
            number.start = min(number.start, currency[1])
        found.append(number)
    return _merge_ranges(text, found)


def _merge_ranges(text: str, found: list[_Number]) -> list[_Number]:
    """Join "30 to 40", "30-40%", "between 30 and 40", "four to five thousand", "from $5 to
    $7"; drop scores ("won 2-1") and spans of years ("between 1600 and 1900")."""
    merged: list[_Number] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        if second is not None and not first.vague and not second.vague:
            gap = text[first.unit_end : second.start]
            separator = RANGE_SEPARATOR_RE.match(gap) if len(gap) <= 9 else None
            if separator and (first.unit is None or first.unit == second.unit):
                word = separator.group().strip()
                if _is_score(text, first, second, gap):
                    index += 2
                    continue
                if _year_shaped(text, first) and _year_shaped(text, second):
                    after = metrics.subject_after(text, second.end, min(len(text), second.end + 40))
                    if _looks_like_year(text, second, after[0] if after else None, False):
                        index += 2
                        continue
                between = BETWEEN_RE.match(text, max(0, first.start - 8), first.start)
                low = first.value
                if first.scale == 1 and second.scale > 1 and low * second.scale <= second.value:
                    low *= second.scale
                ok = low < second.value and (
                    bool(between)
                    if word == "and"
                    else bool(FROM_RE.match(text, max(0, first.start - 5), first.start))
                    and not _from_a_change(text, first)
                    if word.startswith("up")
                    else not _from_a_change(text, first)
                    and not (
                        _year_shaped(text, first)
                        and YEAR_BEFORE_RE.match(text, max(0, first.start - 8), first.start)
                    )
                )
                if ok:
                    merged.append(
                        _Number(
                            first.start, second.end, low, low, second.value, scale=second.scale,
                            unit=second.unit, unit_metric=second.unit_metric,
                            unit_end=second.unit_end,
                        )
                    )
                    index += 2
                    continue
        if (
            second is not None
            and first.unit is None
            and second.unit is not None
            and OR_RE.fullmatch(text, first.unit_end, second.start)
        ):
            # "eight or nine euros", "8 or $9": the unit written once serves both
            first.unit, first.unit_metric = second.unit, second.unit_metric
        elif (
            second is not None
            and first.unit is None
            and second.unit is not None
            and (
                PARTITIVE_RE.fullmatch(text, first.unit_end, second.start)
                or second.unit != "percent"
                and CHANGE_AFTER_LEVEL_RE.fullmatch(text, first.unit_end, second.start)
            )
        ):
            # "280 million of the 1.5 billion shekels"; "16,369.03, up 58.06 points": the
            # part, or the level, is in the unit of the figure after it
            first.unit, first.unit_metric = second.unit, second.unit_metric
        merged.append(first)
        index += 1
    return merged


def _measured_subject(text: str, end: int, sent_end: int) -> str | None:
    """What "eight million 250ml bottles" counts: the noun after a measure that sizes it."""
    measure = MEASURE_MODIFIER_RE.match(text, end, sent_end)
    if measure is None:
        return None
    unit = units.suffix_unit(text, measure.end())
    if unit is None or unit[1] == "money":
        return None
    found = metrics.subject_after(text, unit[2], sent_end)
    return found[0] if found else None


def _comparable(a: float, b: float) -> bool:
    """Parallel figures are of one order of magnitude or two ("68,400 people ... and 95,800"),
    unlike "for two years and 95,800"."""
    a, b = abs(a), abs(b)
    return min(a, b) * 100 >= max(a, b)


def _elliptic_donor(
    text: str, earlier: list[Claim], sent_start: int, start: int, value: float
) -> Claim | None:
    """The figure in the same sentence whose unit a bare figure leaves unsaid, if any: the
    nearest comparable one with a unit, or the change before a level ("gained 41.5 points to
    6,012.3"), but not a percentage change ("climbed 0.1% to 1,333.18" is no percentage)."""
    level = LEVEL_BEFORE_RE.match(text, max(sent_start, start - 12), start)
    for donor in reversed(earlier):
        if donor.sentence_start != sent_start or start - donor.end > ELLIPSIS_REACH:
            return None
        if donor.unit is None or donor.metric == "age":
            continue
        if donor.direction and level:
            if donor.unit == "percent":
                continue
        elif not _comparable(donor.value, value):
            continue
        return donor
    return None


def _is_score(text: str, first: _Number, second: _Number, gap: str) -> bool:
    if gap not in ("-", "–") or first.unit or second.unit or first.scale * second.scale != 1:
        return False
    if not SCORE_RE.fullmatch(text, first.start, second.end):
        return False
    return first.value >= second.value or bool(
        SCORE_BEFORE_RE.match(text, max(0, first.start - 12), first.start)
    )


def _from_a_change(text: str, first: _Number) -> bool:
    """"rose from 20 to 35" and "rose by $5bn to $35bn" state a change and a level, not a
    range; "range from $5 to $7" and "dropped by 1 to 1.5 degrees" state one."""
    start = first.start
    if first.unit and metrics.DIRECTION_BEFORE_RE.match(text, max(0, start - 30), start):
        return True
    found = FROM_RE.match(text, max(0, start - 5), start)
    return bool(
        found and metrics.CHANGE_BEFORE_RE.match(text, max(0, found.start() - 40), found.start())
    )


def _year_shaped(text: str, number: _Number) -> bool:
    if number.words or number.scale != 1 or number.unit is not None:
        return False
    surface = text[number.start : number.end]
    return len(surface) == 4 and surface.isdigit() and 1000 <= int(surface) <= 2199


def _looks_like_year(text: str, number: _Number, subject: str | None, qualified: bool) -> bool:
    """A bare four-digit 1000-2199 is a year unless a counted plural follows it
    ("2000 people", "1500 soldiers"; not "the 1988 horror film") and no "in"/"by" precedes it."""
    if qualified or number.low is not None or not _year_shaped(text, number):
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


def extract(text: str, published=None) -> list[Claim]:
    """Every quantitative claim in `text`, in order of appearance."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text (str), not {type(text).__name__}")
    if not text.strip():
        return []
    published_date = _published(published)
    sentences = Sentences(text)
    attributions_by_sentence: dict[int, list] = {}
    claims: list[Claim] = []
    for number in _candidates(text):
        claim = _claim(text, number, sentences, attributions_by_sentence, published_date, claims)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim(
    text, number: _Number, sentences, attributions_by_sentence, published, earlier
) -> Claim | None:
    sent_start, sent_end = sentences.around(number.start)
    previous = earlier[-1] if earlier else None
    start, end = number.start, number.unit_end
    unit, metric = number.unit, number.unit_metric
    qualifier = "range" if number.low is not None else "exact"

    before = qualifiers.qualifier_before(text, start)
    if before and before[1] >= sent_start:
        if qualifier != "range":
            qualifier = before[0]
        start = before[1]
    elif qualifier == "range":
        between = BETWEEN_RE.match(text, max(sent_start, start - 8), start)
        if between:
            start = between.start()

    subject = None
    if unit is None:
        found = metrics.subject_after(
            text, end, sent_end, singular=number.value == 1 and number.low is None
        )
        if found:
            subject, end = found
            unit = "people" if metrics.is_people(subject) else "items"
        else:
            subject = _measured_subject(text, end, sent_end)
            if subject:
                unit = "items"
        level = (
            previous is not None
            and previous.sentence_start == sent_start
            and previous.direction is not None
            and LEVEL_AFTER_CHANGE_RE.fullmatch(text, previous.end, number.start)
        )
        if not level and _looks_like_year(text, number, subject, before is not None):
            return None
        elif subject is None and (
            AGE_BEFORE_RE.match(text, max(0, number.start - 10), number.start)
            or (
                number.scale == 1
                and 0 < number.value < 120
                and AGE_STATE_BEFORE_RE.match(text, max(0, start - 24), start)
            )
        ):
            unit, metric = "years", "age"  # "aged 25", "the age of 21", "she was 10"
        elif (
            subject is None
            and not number.words
            and number.scale == 1
            and 0 < number.value < 120
            and AGE_APPOSITION_AFTER_RE.match(text, number.end)
            and AGE_APPOSITION_BEFORE_RE.match(text, max(0, start - 30), start)
        ):
            unit, metric = "years", "age"
    elif (
        number.words
        and unit in COMPOUND_UNITS
        and COMPOUND_RE.fullmatch(text, number.start, end)
        and COMPOUND_BEFORE_RE.match(text, max(0, start - 6), start)
        and COMPOUND_AFTER_RE.match(text, end)
    ):
        return None  # "a five-year award", "a two-month contract": a modifier, not a figure
    elif unit in AGE_UNITS and (
        AGE_AFTER_RE.match(text, end)
        or AGE_BEFORE_RE.match(text, max(0, number.start - 10), number.start)
    ):
        metric = "age"
        old = AGE_AFTER_RE.match(text, end)
        if old:
            end = old.end()

    if unit is None and subject is None and COMPARATIVE_AFTER_RE.match(text, end):
        return None  # "one more than the official toll" is a difference, not a count
    if subject is None:
        state = STATE_AFTER_RE.match(text, end, sent_end)
        if state:  # "left 15 dead"
            end = state.end()
            unit = unit or "people"
            metric = metrics.cue_metric(state.group())

    if unit is None and subject is None and text[end : end + 1] == "-":
        shared = SUSPENDED_RE.match(text, end, sent_end)
        if shared:  # "7- or 8-inch", "four-, five- and six-cylinder engines"
            unit_after = units.suffix_unit(text, shared.start("head") - 1)
            if unit_after:
                unit, metric = unit_after[0], unit_after[1]
            else:
                found = metrics.subject_after(text, shared.start("head") - 1, sent_end)
                if found:
                    subject = found[0]
                    unit = "people" if metrics.is_people(subject) else "items"
    if (
        unit is None
        and subject is None
        and metric is None
        and metrics.direct_metric(text, sent_start, start) is None  # "raids killed 14"
    ):
        donor = _elliptic_donor(text, earlier, sent_start, start, number.value)
        if donor is not None:
            # "435 homes by sale and 187 by tender", "rose 64 points to 4,577": the figure
            # counts what the figure before it counts.
            unit, subject = donor.unit, donor.subject

    after = qualifiers.qualifier_after(text, end)
    if after and after[1] <= sent_end:
        if qualifier == "exact":
            qualifier = after[0]
        end = after[1]

    window_lo = max(sent_start, number.start - 80, text.rfind(";", 0, number.start) + 1)
    window_hi = min(sent_end, end + 60)
    clause_end = text.find(";", end, window_hi)
    if clause_end >= 0:
        window_hi = clause_end
    if (
        previous is not None
        and previous.sentence_start == sent_start
        and window_lo < previous.end <= start
        and OWN_VERB_AFTER_RE.match(text, end, window_hi)
    ):
        # "22 died and 41 are still missing": the figure has its own verb, and the cues
        # between the two figures belong to the first.
        window_lo = start
    if metric is None or metric == "share":
        event = metrics.event_metric(text, window_lo, window_hi, start, end)
        if metric == "share":
            metric = "control" if event == "control" else "share"
        else:
            named = metrics.subject_metric(subject)
            if named in metrics.STRONG_SUBJECT_METRICS:
                metric = named
            elif (
                previous is not None
                and previous.sentence_start == sent_start
                and previous.metric in PEOPLE_METRICS
                and INCLUDING_BEFORE_RE.match(text, max(sent_start, start - 16), start)
            ):
                metric = previous.metric  # "killing 15 people including three children"
            else:
                metric = metrics.direct_metric(text, sent_start, start) or event or named or "count"
            if metric in PEOPLE_METRICS and unit is None:
                unit = "people"
    if number.sign and unit in SIGNED_CHANGE_UNITS:
        change = number.sign
    else:
        change = metrics.direction(text, sent_start, start, number.unit_end, sent_end)

    if (
        previous is not None
        and previous.sentence_start == sent_start
        and previous.unit != unit
        and RESTATED_RE.fullmatch(text, previous.end, start)
    ):
        # "lost 190 points, or 0.6%", "more than 100 kilometres (60 miles)": the same figure
        # restated keeps its direction and qualifier.
        change = change or previous.direction
        if qualifier == "exact" and previous.qualifier != "range":
            qualifier = previous.qualifier
    elif (
        change is None
        and previous is not None
        and previous.sentence_start == sent_start
        and previous.direction
        and previous.unit == unit
        and (unit in SIGNED_CHANGE_UNITS or unit in units.MONEY_UNITS)
        and BY_BEFORE_RE.match(text, max(sent_start, start - 4), start)
    ):
        change = previous.direction  # "Ross was down 2.3%, Burlington by 2.6%"

    sentence = text[sent_start:sent_end]
    if sent_start not in attributions_by_sentence:
        attributions_by_sentence[sent_start] = attribution.attributions(sentence)
    source = attribution.attributed_to(attributions_by_sentence[sent_start], number.start - sent_start)

    place = places.locate(text, sent_start, sent_end, start, end)
    if place is None:  # the town or region the text named last before this sentence
        place = places.context(text, sentences).before(sent_start)
    when = times.resolve(text, sent_start, sent_end, start, end, published)
    value = number.value
    return Claim.model_validate(
        {
            "text": text[start:end], "start": start, "end": end, "sentence": sentence,
            "sentence_start": sent_start, "value": value, "low": number.low,
            "high": number.high, "qualifier": qualifier, "unit": unit, "metric": metric,
            "subject": subject, "direction": change, "vague": number.vague,
            "place": place.name if place else None,
            "place_text": place.surface if place else None,
            "region": place.region if place else None,
            "country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "date": when.date if when else None, "date_text": when.date_text if when else None,
            "cumulative": when.cumulative if when else False, "attributed_to": source,
        },
        context={"source": text},
    )
