"""Turn text into claims: find each number, then read its qualifier, unit, metric, subject,
place, time and source from the words around it.

One pass of `NUMBER_RE` over the text finds the candidates; everything after that looks only
at a few characters around each candidate, which is what keeps extraction fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from claims import attribution, furniture, metrics, numbers, places, qualifiers, times, units
from claims.models import Claim
from claims.patterns import ending_at
from claims.sentences import Sentences

EXTRACTOR_VERSION = "0.1.0"

# Metrics that count people: a figure with one of these and no noun counts people.
PEOPLE_METRICS = frozenset(
    "killed wounded casualties missing evacuated displaced arrested kidnapped released "
    "besieged fighters protesters affected population".split()
)
# Word numbers that are idioms, not amounts.
IDIOMS_RE = regex.compile(
    r"(?i:\bno[\s-]+one\b|\bone[\s-]+(?:another|on[\s-]+one|off|time|sided|way|day|"
    r"of\s+a\s+kind)\b|\bone\s+or\s+(?:another|other)\b|\bthe\s+one\s+(?:who|that|which)\b)"
)
RANGE_SEPARATOR_RE = regex.compile(r"[ \t]*(?:-|–|—|to|and)[ \t]*\Z")
BETWEEN_RE = ending_at(r"(?i:\bbetween\s+)")
FROM_RE = ending_at(r"(?i:\bfrom\s+)")
AGE_AFTER_RE = regex.compile(r"[ \t]*-?[ \t]*old\b", regex.IGNORECASE)
AGE_BEFORE_RE = ending_at(r"(?i:\b(?:aged|age\s+of|ages\s+of|ages|age)\s+)")
METRE_NOT_MILLION_RE = regex.compile(r"[ \t]+(?:of\b|[a-z]+s\b)")
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
    if match.group("digits") is not None:
        value = numbers.digits_value(match.group("digits"))
        scale = 1.0
        if match.group("dscale"):
            scale = numbers.scale_of(match.group("dscale"))
        elif match.group("abbr") or match.group("abbr2"):
            abbr = (match.group("abbr") or match.group("abbr2")).lower()
            if abbr in ("m", "b", "k") and units.prefix_currency(text, start) is None:
                if abbr != "m" or not METRE_NOT_MILLION_RE.match(text, end):
                    end = match.start("abbr")
                    abbr = ""
            scale = numbers.scale_of(abbr) if abbr else 1.0
        if match.group("dhalf") is not None:
            value += 0.5
        return _Number(start, end, value * scale, scale=scale)
    if match.group("vague") is not None:
        low, high = numbers.vague_range(match.group("vague"))
        return _Number(start, end, low, low, high, vague=True)
    if match.group("fraction") is not None:
        return _Number(start, end, numbers.fraction_value(match.group("fraction")))
    if match.group("half") is not None:
        scale = numbers.WORD_VALUES[match.group("halfscale").lower()]
        return _Number(start, end, 0.5 * scale, scale=scale)
    if group == "words" or match.group("words") is not None:
        surface = match.group("words")
        parsed = numbers.parse_words(surface)
        if parsed is None or parsed[1] == 0:
            return None
        value, consumed = parsed
        end = start + consumed
        last = surface[:consumed].lower().split()[-1].split("-")[-1]
        scale = numbers.SCALE_WORDS.get(last, 1)
        if surface[0].isupper() and start > 0:
            sentence_start = text.rfind(".", max(0, start - 3), start) >= 0
            if not sentence_start and text[start - 2 : start].strip() not in ("", '"', "“"):
                return None
            if not sentence_start and start > 1 and text[start - 2].isalpha():
                return None
        return _Number(start, end, value, scale=scale, words=True)
    return None


def _candidates(text: str) -> list[_Number]:
    idioms = [m.span() for m in IDIOMS_RE.finditer(text)] if "one" in text.lower() else []
    found: list[_Number] = []
    for match in numbers.find(text):
        pos = match.start()
        currency = units.prefix_currency(text, pos)
        if furniture.is_not_claim(text, pos, currency is not None):
            continue
        if idioms and any(s <= pos < e for s, e in idioms):
            continue
        number = _read(text, match)
        if number is None:
            continue
        unit = units.suffix_unit(text, number.end)
        if unit:
            number.unit, number.unit_metric, number.unit_end = unit
        else:
            number.unit_end = number.end
        if currency:
            number.unit, number.unit_metric = currency[0], "money"
            number.start = currency[1]
        found.append(number)
    return _merge_ranges(text, found)


def _merge_ranges(text: str, found: list[_Number]) -> list[_Number]:
    """Join "30 to 40", "30-40%", "between 30 and 40", "four to five thousand"."""
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
                between = BETWEEN_RE.match(text, max(0, first.start - 8), first.start)
                low = first.value
                if first.scale == 1 and second.scale > 1 and low * second.scale <= second.value:
                    low *= second.scale
                ok = (word == "and" and between) or (
                    word != "and"
                    and not FROM_RE.match(text, max(0, first.start - 5), first.start)
                    and low < second.value
                    and not (word == "-" and SCORE_BEFORE_RE.match(text, max(0, first.start - 12), first.start))
                )
                if ok and low <= second.value:
                    merged.append(
                        _Number(
                            first.start, second.end, low, low, second.value, scale=second.scale,
                            unit=second.unit, unit_metric=second.unit_metric,
                            unit_end=second.unit_end,
                        )
                    )
                    index += 2
                    continue
        merged.append(first)
        index += 1
    return merged


def _looks_like_year(text: str, number: _Number, subject: str | None) -> bool:
    """A bare 1800-2100 with no unit and no plural noun is a year, not an amount."""
    if number.words or number.low is not None or number.scale != 1:
        return False
    surface = text[number.start : number.end]
    if not (len(surface) == 4 and surface.isdigit() and 1800 <= int(surface) <= 2100):
        return False
    return subject is None or not (subject.endswith("s") or metrics.is_people(subject))


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
        claim = _claim(text, number, sentences, attributions_by_sentence, published_date)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim(text, number: _Number, sentences, attributions_by_sentence, published) -> Claim | None:
    sent_start, sent_end = sentences.around(number.start)
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
        found = metrics.subject_after(text, end, sent_end)
        if found:
            subject, end = found
            unit = "people" if metrics.is_people(subject) else "items"
        if _looks_like_year(text, number, subject):
            return None
    elif unit == "years" and (
        AGE_AFTER_RE.match(text, end) or AGE_BEFORE_RE.match(text, max(0, start - 10), start)
    ):
        metric = "age"
        old = AGE_AFTER_RE.match(text, end)
        if old:
            end = old.end()

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
    if metric is None or metric == "share":
        event = metrics.event_metric(text, window_lo, window_hi, number.start, end)
        if metric == "share":
            metric = "control" if event == "control" else "share"
        else:
            metric = event or metrics.subject_metric(subject) or "count"
            if metric == "age" and unit is None:
                unit = "years"
            if metric in PEOPLE_METRICS and unit is None:
                unit = "people"
    change = metrics.direction(text, sent_start, number.start, number.unit_end, sent_end)

    sentence = text[sent_start:sent_end]
    if sent_start not in attributions_by_sentence:
        attributions_by_sentence[sent_start] = attribution.attributions(sentence)
    source = attribution.attributed_to(attributions_by_sentence[sent_start], number.start - sent_start)

    place = places.locate(text, sent_start, sent_end, start, end)
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
