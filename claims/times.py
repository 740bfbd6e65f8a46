"""When a figure holds: time expressions near the claim, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

from claims.models import TimeRef


def resolve(
    text: str, sent_start: int, sent_end: int, start: int, end: int, published: dt.date | None
) -> TimeRef | None:
    return None
