"""The extraction pipeline: one pass over the text finds the numbers (`candidates`), then
the claim steps (`claim`) read each number's qualifier, unit, metric, subject, place, time
and source from the few characters around it, which is what keeps extraction fast.
"""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from claims.extraction import candidates, claim, roles
from claims.extraction.sentences import Sentences
from claims.models import Claim


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
        try:
            found = claim.from_number(
                text, number, sentences, attributions_by_sentence, published_date, claims
            )
        except ValidationError:  # a reading the record refuses (claims.models): no claim
            continue
        if found is not None:
            claims.append(found)
    return roles.breakdowns(claims)


def _published(published) -> dt.date | None:
    """The publication date as a date, from a date, a datetime or an ISO string."""
    if published is None or (
        isinstance(published, dt.date) and not isinstance(published, dt.datetime)
    ):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    return dt.date.fromisoformat(str(published)[:10])
