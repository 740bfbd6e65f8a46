"""Claims in words and in their text: numbers, summaries and marked-up sentences.

Everything that came out of an article is escaped with markupsafe before it meets HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from claims.formats import format_number

QUALIFIER_WORDS = {
    "exact": "", "approximately": "about", "at_least": "at least", "more_than": "more than",
    "at_most": "at most", "less_than": "less than", "up_to": "up to", "range": "between",
}


def describe(claim: dict) -> str:
    """'at least 12 people killed', '3500 usd per month money', the figure in words, for
    titles and tooltips."""
    if claim.get("qualifier") == "range" and claim.get("low") is not None:
        amount = f"{format_number(claim['low'])}–{format_number(claim['high'])}"
    else:
        word = QUALIFIER_WORDS.get(claim.get("qualifier") or "exact", "")
        amount = f"{word} {format_number(claim.get('value'))}".strip()
    unit = claim.get("unit") or ""
    if claim.get("per"):
        unit = f"{unit} per {claim['per']}".strip()
    parts = [amount, unit, claim.get("metric") or ""]
    if claim.get("place"):
        parts.append(f"in {claim['place']}")
    return " ".join(p for p in parts if p)


def highlight(text: str, spans: list[tuple]) -> tuple[Markup, list]:
    """`text` escaped, with each (start, end, opening tag, key) span wrapped in its tag.

    Spans that fall outside the text or overlap an earlier one are left out (their keys are
    returned) rather than breaking the markup around them.
    """
    out, unplaced, cursor = [], [], 0
    for start, end, tag, key in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor or end > len(text) or start >= end:
            unplaced.append(key)
            continue
        out.append(escape(text[cursor:start]))
        out.append(tag + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out), unplaced


def link(href: str, text) -> Markup:
    """An escaped link; an f-string with `escape` costs a quarter of `Markup.format`, which
    matters on a page of a thousand rows."""
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def claim_in_sentence(claim: dict, href: str | None = None) -> Markup:
    """The claim's sentence with its surface text marked (and linked to `href` when given),
    found by offset, else by search."""
    sentence, surface = claim.get("sentence") or "", claim.get("text") or ""
    start = (claim.get("start") or 0) - (claim.get("sentence_start") or 0)
    if sentence[start : start + len(surface)] != surface:
        start = sentence.find(surface)
    if not surface or start < 0:
        return escape(sentence or surface)
    inner = link(href, surface) if href else escape(surface)
    return Markup("").join([
        escape(sentence[:start]), Markup('<mark class="claim-surface">'), inner,
        Markup("</mark>"), escape(sentence[start + len(surface):]),
    ])


def claims_in_article(text: str, claims: list[dict]) -> tuple[Markup, set]:
    """The article text with each claim marked at its offsets, and the claims that could not be.

    A claim whose offsets do not match this text (another version, a re-extraction) is listed
    rather than marked in the wrong place.
    """
    spans, unplaced = [], []
    for claim in claims:
        start, end = claim["start"], claim["end"]
        if start is None or end is None or text[start:end] != claim["text"]:
            unplaced.append(claim["id"])
            continue
        tag = Markup(f'<mark class="claim-surface" id="claim-{escape(claim["id"])}" '
                     f'title="{escape(describe(claim))}">')
        spans.append((start, end, tag, claim["id"]))
    marked, overlapping = highlight(text, spans)
    return marked, set(unplaced) | set(overlapping)
