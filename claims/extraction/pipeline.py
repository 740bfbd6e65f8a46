"""The extraction pipeline: one pass over the text finds the numbers (`candidates`), then
the claim steps (`claim`) read each number's qualifier, unit, metric, subject, place, time
and source from the few characters around it, which is what keeps extraction fast. Both
read the text with its Title Case and ALL CAPS headlines recased (`headlines`); sentence
bounds and each claim's surface come from the text as written.
"""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from claims.extraction import candidates, claim, headlines, places, roles, times
from claims.extraction.sentences import Sentences, headline_end
from claims.models import Claim


def extract(text: str, published=None, title: str | None = None) -> list[Claim]:
    """Every quantitative claim in `text`, in order of appearance. Relative dates ("on
    Monday") are read against the date line at the top of the text when it has one: it is
    the day the story is told, where a feed's date is often another. `title`, the article's
    headline, ends the first sentence where the text runs it into the story with no stop."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes text (str), not {type(text).__name__}")
    if not text.strip():
        return []
    published_date = times.dateline(text) or _published(published)
    sentences = Sentences(text, headline_end(text, title))
    reading = headlines.sentence_case(text, places.opens_name)
    attributions_by_sentence: dict[int, list] = {}
    claims: list[Claim] = []
    for number in candidates.find(reading):
        try:
            found = claim.from_number(
                reading, number, sentences, attributions_by_sentence, published_date, claims
            )
        except ValidationError:  # a reading the record refuses (claims.models): no claim
            continue
        if found is not None:
            claims.append(found if reading is text else _as_written(found, text))
    return roles.breakdowns(claims)


def _as_written(found: Claim, text: str) -> Claim:
    """A claim read from a recased headline, with its surface and sentence as written; a
    claim outside the recased lines is its own."""
    start = found.sentence_start
    sentence = text[start : start + len(found.sentence)]
    if sentence == found.sentence:
        return found
    return found.model_copy(update={"text": text[found.start : found.end], "sentence": sentence})


def _published(published) -> dt.date | None:
    """The publication date as a date, from a date, a datetime or an ISO string."""
    if published is None or (
        isinstance(published, dt.date) and not isinstance(published, dt.datetime)
    ):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    return dt.date.fromisoformat(str(published)[:10])
