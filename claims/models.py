"""The claim record: one quantitative statement found in a text, with where it came from.

This module is the record's one glossary. Every field carries its description, and the
vocabularies (qualifiers, metrics) are tables with a line of meaning each; metadata.json's
column descriptions and the README's record tables are generated from here
(`python -m claims.glossary --write`) and a test fails when they drift.

Frozen pydantic models so a claim can be hashed, compared and passed around without
anyone changing it behind the database's back. The vocabularies are `Literal`s so a typo
in the extractor fails loudly instead of inventing a new metric.
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator


class MetricInfo(NamedTuple):
    """One metric: what it counts, the words that signal it, and how the tool treats it."""

    name: str
    counts: str
    cues: str
    people: bool
    grouped: bool


#: Every metric, in the order the README lists them. `people`: with no noun, the figure
#: counts people ("raids killed 14"). `grouped`: claims of this metric are compared across
#: outlets as figures; ages, durations, distances and bare counts mean nothing side by side.
METRIC_TABLE: tuple[MetricInfo, ...] = (
    MetricInfo("killed", "deaths",
               "killed, dead, died, death toll, lost their lives, bodies, executed, murdered",
               True, True),
    MetricInfo("wounded", "injuries", "wounded, injured, hurt", True, True),
    MetricInfo("casualties", "killed and wounded together",
               "casualties, killed and wounded, dead or injured", True, True),
    MetricInfo("missing", "missing people", "missing, unaccounted for", True, True),
    MetricInfo("evacuated", "people moved out", "evacuated, transported out, bussed out",
               True, True),
    MetricInfo("displaced", "people who fled", "displaced, fled, refugees, homeless", True, True),
    MetricInfo("arrested", "detentions", "arrested, detained, jailed", True, True),
    MetricInfo("kidnapped", "abductions", "kidnapped, abducted, hostages", True, True),
    MetricInfo("released", "releases", "released, freed", True, True),
    MetricInfo("besieged", "people under siege", "besieged, trapped, under siege", True, True),
    MetricInfo("fighters", "combatants", "fighters, troops, soldiers, militants, rebels",
               True, True),
    MetricInfo("protesters", "crowds", "protesters, demonstrators, a crowd of, marched",
               True, True),
    MetricInfo("affected", "people affected or in need, cases of disease",
               "affected, in need, confirmed cases, infections", True, True),
    MetricInfo("strikes", "attacks", "air strikes, raids, barrel bombs, rockets, shells",
               False, True),
    MetricInfo("control", "share of territory", "control, controls, held by, seized",
               False, True),
    MetricInfo("population", "inhabitants",
               "population, residents, home to, a nation of 11 million", True, True),
    MetricInfo("distance", "lengths", "km, miles, metres", False, False),
    MetricInfo("area", "surfaces", "km², hectares, acres", False, True),
    MetricInfo("money", "amounts of money", "$, €, £, dollars, euros, pounds", False, True),
    MetricInfo("duration", "spans of time", "hours, days, months, years", False, False),
    MetricInfo("age", "ages", "45-year-old, aged 45", False, False),
    MetricInfo("weight", "masses", "tonnes, kg, pounds", False, False),
    MetricInfo("speed", "speeds", "mph, km/h, knots", False, False),
    MetricInfo("temperature", "temperatures", "°C, °F, degrees", False, False),
    MetricInfo("share", "other percentages, fractions and rates",
               "%, percent, per cent, two-thirds, half of", False, True),
    MetricInfo("count", "anything else", "", False, False),
)

#: How a number is hedged, with the words that say so.
QUALIFIER_TABLE: dict[str, str] = {
    "exact": "no qualifier",
    "approximately": "about, around, approximately, roughly, nearly, almost, some, "
                     "an estimated, or so",
    "at_least": "at least, no fewer than, no less than, or more, or older, and over",
    "more_than": "over, more than, above, upwards of, in excess of, 50-plus",
    "at_most": "at most, no more than, a maximum of, or fewer, and under",
    "less_than": "less than, fewer than, under, below",
    "up_to": "up to, as many as, as much as",
    "range": "between 30 and 40, 30 to 40, 30-40, two or three, and vague amounts",
}

#: What a figure is within the reporting of its incident, with the words that say so. Only
#: totals and running totals are compared across outlets as figures; parts, period totals and
#: updates are shown beside the figure they belong to.
ROLE_TABLE: dict[str, str] = {
    "total": "the whole count of one incident as this report gives it, its toll so far included "
             "(the default)",
    "part": "a subset of a total in the same article: including 11 children, 14 of the dead, "
            "among them, of whom",
    "period": "a total over a span or ground that includes the incident: in the last month, "
              "over the past week, since Sunday, in three days, two days of shelling, on "
              "Friday and Saturday, across the country",
    "update": "a count on top of an earlier count of the same thing in the article: 40 more, "
              "a further 12, another 5",
    "running": "a running total since a war or campaign began: since 2011, since the war "
               "began, since then",
    "projected": "what a count may come to, not a count made: the toll could reach 200, is "
                 "expected to rise to 300, may exceed 1,000",
}

# Literal[...] of a tuple of strings is the Literal of those strings: the tables above are
# the vocabularies, spelled once.
Qualifier = Literal[tuple(QUALIFIER_TABLE)]  # type: ignore[valid-type]
Metric = Literal[tuple(m.name for m in METRIC_TABLE)]  # type: ignore[valid-type]
Direction = Literal["up", "down"]
Role = Literal[tuple(ROLE_TABLE)]  # type: ignore[valid-type]

QUALIFIERS: tuple[str, ...] = tuple(QUALIFIER_TABLE)
ROLES: tuple[str, ...] = tuple(ROLE_TABLE)
METRICS: tuple[str, ...] = tuple(m.name for m in METRIC_TABLE)
#: Metrics whose figure counts people when no noun says what it counts.
PEOPLE_METRICS: frozenset[str] = frozenset(m.name for m in METRIC_TABLE if m.people)
#: Metrics whose claims are grouped into figures and compared across outlets.
GROUPED_METRICS: frozenset[str] = frozenset(m.name for m in METRIC_TABLE if m.grouped)

#: Units of things counted: their values are never negative.
COUNTED_UNITS = frozenset({"people", "items"})
_finite = math.isfinite
#: Units written as examples in the `unit` description; a test checks the extractor emits
#: each of them.
UNIT_EXAMPLES = (
    "people", "items", "percent", "points", "km", "m", "mi", "km2", "ha", "usd", "eur",
    "gbp", "syp", "tonnes", "kg", "hours", "days", "years",
)


class Place(BaseModel):
    """A place normalised against the gazetteer; `surface` is how the text wrote it."""

    model_config = ConfigDict(frozen=True)

    name: str
    surface: str
    region: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class TimeRef(BaseModel):
    """The time a figure refers to, resolved against the article's publication date."""

    model_config = ConfigDict(frozen=True)

    date: str | None = None
    date_text: str | None = None
    cumulative: bool = False


class Claim(BaseModel):
    """One figure in a text. `text == source[start:end]` is checked when the source is given
    as validation context (`Claim.model_validate(data, context={"source": text})`)."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description=(
        'The exact surface, qualifier and counted noun included: "over 1,600 people".'))
    start: int = Field(description=(
        "Character offset (0-based, Python string indices) where the claim starts in the "
        "text; `text == source[start:end]` always (in the database the source is "
        "`article_versions.text` of the claim's version)."))
    end: int = Field(description="Character offset just past the claim's end.")
    sentence: str = Field(description="The sentence the claim is in.")
    sentence_start: int = Field(description=(
        "Character offset of the sentence in the text; the claim starts at "
        "start - sentence_start within the sentence."))
    value: float = Field(description=(
        'The number, normalised ("1.5 million" = 1500000, "forty-five" = 45, "a dozen" = 12). '
        "For a range or vague amount, its lower bound, as casualty counters record minimums."))
    low: float | None = Field(None, description=(
        'Lower bound of a range ("between 30 and 40" gives 30) or vague amount; null '
        "otherwise."))
    high: float | None = Field(None, description=(
        "Upper bound of a range or vague amount; null otherwise."))
    qualifier: Qualifier = Field("exact", description=(
        "How the number is hedged: " + "; ".join(
            f"{name} ({words})" for name, words in QUALIFIER_TABLE.items()) + "."))
    unit: str | None = Field(None, description=(
        "What is counted or measured, normalised: people, items (other counted things), "
        "percent, points, km, m, mi, km2, ha, ISO currency codes in lower case (usd, eur, "
        "gbp, syp...), tonnes, kg, hours, days, years...; null for a bare number."))
    per: str | None = Field(None, description=(
        'What a rate is per, in the singular, as written after "a", "an" or "per": litre in '
        '"€1.92 a litre", month in "$3,500 a month", day in "400,000 barrels a day" (and '
        '"400,000 bpd"), year in "5 percent a year", share in "63 cents per share"; null for '
        "a figure that is no rate."))
    metric: Metric = Field("count", description=(
        "What the number is about: " + ", ".join(METRICS) + " (the fallback). See the "
        "README's metric table."))
    subject: str | None = Field(None, description=(
        'The counted noun phrase when the text gives one ("fighters and civilians").'))
    direction: Direction | None = Field(None, description=(
        'up or down when the figure is itself a change ("rose 5 percent", "fell by 200"); '
        'null for a level ("rose to 112").'))
    vague: bool = Field(False, description=(
        'True for vague amounts ("dozens", "several", "tens of thousands"): the wording is '
        "kept in text, and low/high give the amounts it can name: a few (and few after "
        '"the next", "the past"...) 2 to 5; several 3 to 9; dozens 24 to 100; scores 40 to '
        "100; hundreds 100 to 1,000; thousands 1,000 to 10,000; tens of thousands 20,000 to "
        "100,000; hundreds of thousands 100,000 to 1 million; millions 1 to 10 million; tens "
        "of millions 20 to 100 million; hundreds of millions 100 million to 1 billion; "
        "billions 1 to 10 billion; double digits 10 to 99; triple digits 100 to 999. A scale "
        'multiplies "several" and "a few": "several hundred" is 300 to 900.'))
    place: str | None = Field(None, description=(
        "The place the figure is about, normalised against the gazetteer (Duma and Douma "
        "meet): the place the claim's own sentence names, else the one place the sentence "
        "before names (in its paragraph, or with \"in\" at the end of the one before), else "
        "the article's (the one town or region its headline names, its dateline's town, or "
        "the country it is about). A part of the world (\"West Africa\", \"the Middle "
        "East\") is a place too, with no region or country."))
    place_text: str | None = Field(None, description="The place as written in the text.")
    region: str | None = Field(None, description=(
        'First-level administrative division of the place ("Idlib Governorate").'))
    country: str | None = Field(None, description=(
        "Country of the place; none for a part of the world."))
    latitude: float | None = Field(None, description=(
        "Latitude of the place (WGS84 degrees); drives the map."))
    longitude: float | None = Field(None, description=(
        "Longitude of the place (WGS84 degrees); drives the map."))
    date: str | None = Field(None, description=(
        "The time the figure refers to (ISO day, week 2017-W14, month or year), resolved "
        'against the publication date ("on Sunday", "last week", "in March").'))
    date_text: str | None = Field(None, description=(
        'The time expression as written ("on Sunday", "since March 2011").'))
    cumulative: bool = Field(False, description=(
        'True for running totals ("since 2011", "since the war began", "so far", "to date").'))
    role: Role = Field("total", description=(
        "What the figure is within the reporting of its incident: " + "; ".join(
            f"{name} ({words})" for name, words in ROLE_TABLE.items()) + "."))
    role_text: str | None = Field(None, description=(
        'The words that give the role, as written ("including", "of the dead", "in the last '
        'month"); null for a total.'))
    part_of: int | None = Field(None, description=(
        "For a part, the character offset where the claim it is part of starts, in the same "
        "text (in the database: `part_of_claim`, that claim's id); null otherwise."))
    attributed_to: str | None = Field(None, description=(
        'Who in the text makes the claim ("the health ministry" in "..., the health '
        'ministry said"); null when the outlet says it in its own voice.'))

    @model_validator(mode="after")
    def _invariants(self, info: ValidationInfo) -> Claim:
        """Offsets, bounds and the range qualifier agree, values are finite, counts are not
        negative and a claim lies inside its sentence, so a stored claim is never torn.

        The fields are read from the instance's dict once: reading a model's attribute
        goes through its `__getattr__` hook and costs more than the check it feeds."""
        fields = self.__dict__
        start, end, text = fields["start"], fields["end"], fields["text"]
        if not 0 <= start < end:
            raise ValueError(f"bad offsets {start}:{end}")
        if end - start != len(text):
            raise ValueError("text length does not match its offsets")
        sentence_start = fields["sentence_start"]
        if not sentence_start <= start < end <= sentence_start + len(fields["sentence"]):
            raise ValueError("the claim runs outside its sentence")
        value, low, high = fields["value"], fields["low"], fields["high"]
        if not (
            _finite(value) and (low is None or _finite(low)) and (high is None or _finite(high))
        ):
            raise ValueError("value is not finite")
        unit = fields["unit"]
        if value < 0 and (unit in COUNTED_UNITS or fields["metric"] in PEOPLE_METRICS):
            raise ValueError(f"a count cannot be negative ({value:g} {unit})")
        if low is not None and high is not None:
            if not low <= value <= high:
                raise ValueError(f"value {value} outside [{low}, {high}]")
        elif (low is None) != (high is None):
            raise ValueError("low and high go together")
        role = fields["role"]
        if fields["cumulative"] != (role == "running"):
            raise ValueError("a running total is cumulative and a cumulative figure running")
        part_of = fields["part_of"]
        if part_of is not None and (role != "part" or part_of >= start):
            raise ValueError("only a part names the earlier claim it is part of")
        if fields["qualifier"] == "range" and low is None:
            raise ValueError("a range needs low and high")
        source = info.context.get("source") if info.context else None
        if source is not None and source[start:end] != text:
            raise ValueError("text is not source[start:end]")
        return self
