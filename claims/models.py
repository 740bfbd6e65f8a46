"""The claim record: one quantitative statement found in a text, with where it came from.

Frozen pydantic models so a claim can be hashed, compared and passed around without
anyone changing it behind the database's back. The vocabularies are `Literal`s so a typo
in the extractor fails loudly instead of inventing a new metric.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

Qualifier = Literal[
    "exact", "approximately", "at_least", "more_than", "at_most", "less_than", "up_to", "range"
]
Metric = Literal[
    "killed", "wounded", "casualties", "missing", "evacuated", "displaced", "arrested",
    "kidnapped", "released", "besieged", "fighters", "protesters", "affected", "strikes",
    "control", "distance", "area", "money", "duration", "age", "population", "weight",
    "speed", "temperature", "share", "count",
]
Direction = Literal["up", "down"]

QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
METRICS: tuple[str, ...] = get_args(Metric)


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

    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    metric: Metric = "count"
    subject: str | None = None
    direction: Direction | None = None
    vague: bool = False
    place: str | None = None
    place_text: str | None = None
    region: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    date: str | None = None
    date_text: str | None = None
    cumulative: bool = False
    attributed_to: str | None = None

    @model_validator(mode="after")
    def _invariants(self, info: ValidationInfo) -> Claim:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad offsets {self.start}:{self.end}")
        if self.end - self.start != len(self.text):
            raise ValueError("text length does not match its offsets")
        if self.low is not None and self.high is not None:
            if not self.low <= self.value <= self.high:
                raise ValueError(f"value {self.value} outside [{self.low}, {self.high}]")
        elif (self.low is None) != (self.high is None):
            raise ValueError("low and high go together")
        if self.qualifier == "range" and self.low is None:
            raise ValueError("a range needs low and high")
        source = info.context.get("source") if info.context else None
        if source is not None and source[self.start : self.end] != self.text:
            raise ValueError("text is not source[start:end]")
        return self
