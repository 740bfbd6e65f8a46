"""Turn text into claims: find each number, then read its qualifier, unit, metric, subject,
place, time and source from the words around it.

One pass over the text finds the numbers (`candidates`); everything after that looks only at
a few characters around each number (`claim`), which is what keeps extraction fast.
"""

from __future__ import annotations

import datetime as dt

from claims.extraction import candidates, claim
from claims.extraction.sentences import Sentences
from claims.models import Claim

__all__ = ["EXTRACTOR_VERSION", "extract"]

EXTRACTOR_VERSION = "0.2.0"


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
    for number in candidates.find(text):
        found = claim.from_number(
            text, number, sentences, attributions_by_sentence, published_date, claims
        )
        if found is not None:
            claims.append(found)
    return claims


def _published(published) -> dt.date | None:
    """The publication date as a date, from a date, a datetime or an ISO string."""
    if published is None or (
        isinstance(published, dt.date) and not isinstance(published, dt.datetime)
    ):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    return dt.date.fromisoformat(str(published)[:10])
