"""Where a figure is: place names near the claim, normalised against a gazetteer."""

from __future__ import annotations

from claims.models import Place


def locate(text: str, sent_start: int, sent_end: int, start: int, end: int) -> Place | None:
    return None
