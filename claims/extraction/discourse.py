"""Who a figure is credited to when its own sentence does not say it plainly.

A sentence's own attributions come first (`claims.extraction.attribution`). Beyond them, news
copy credits a figure across sentences in three ways, each read here within a few sentences
of the figure so extraction stays linear in the length of the text:

- a pronoun speaks for the speaker named just before: "Ana Ruiz said ... He said 12 died";
- a quotation runs over several sentences, its speaker named where it opens or closes, or
  between it and the quotation just before it ('"...," he said. "...');
- a report goes on into the next sentence: "The fund expects growth of 2%. Prices are
  projected to rise 8%." A sentence with no source of its own between two that name the
  same speaker is that speaker's too.
"""

from __future__ import annotations

import bisect
import functools
import re

import regex

from claims.extraction import attribution
from claims.extraction.lexicon import (
    ARTICLES,
    BE_FORMS,
    CONTINUING_OPENERS,
    EXAMPLE_PHRASES,
    FORECAST_PASSIVES,
    NAME_PARTICLES,
    REPORTING_VERBS,
    SPEAKER_PRONOUNS,
)
from claims.extraction.patterns import alternation, positions
from claims.extraction.sentences import HEADLINE_STOPS, Sentences

# How many sentences back a pronoun may look for the speaker it refers to.
LOOK_BACK = 3
# How far a quotation's paragraph is read either side of a figure, in characters.
QUOTE_REACH = 1500
# How far apart two quotations of one speaker may be: '...," he said. "...'.
QUOTE_GAP = 60
QUOTE_MARKS = '“”"'
QUOTE_MARK_RE = re.compile(f"[{QUOTE_MARKS}]")
# A sentence that goes on with the report before it: "growth is projected to reach",
# "This would be the lowest", "New Mexico, for instance, had". Like the scans in
# `attribution`, these run with the standard library's `re` on the lower-cased sentence.
CONTINUES_RE = re.compile(
    rf"\b(?:{alternation(BE_FORMS)})\s+(?:now\s+|also\s+|still\s+)?"
    rf"(?:{alternation(FORECAST_PASSIVES)})\s+to\b"
    rf"|^\W*(?:{alternation(CONTINUING_OPENERS)})\b"
    rf"|,\s*(?:{alternation(EXAMPLE_PHRASES)})\s*,"
)
# A person named as the subject of a sentence ("Todd Lehmacher called the delays"): a
# pronoun after it may mean that person, so the speaker named before is no longer certain.
PERSON_SUBJECT_RE = regex.compile(
    r"\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Ll}+(?:ed|s)\b"
)
PERSON_PRONOUNS = frozenset(["he", "she"])
# Lower-case words a person's name may hold after its first capital: titles and particles
# ("IMF chief economist Ana de Ruiz"), but no "of" ("parts of Douma" names a place).
NAME_WORDS = frozenset(NAME_PARTICLES) | (attribution.NAME_LEADERS - {"of", "for"})
# A pronoun before a reporting verb, checked before a sentence's attributions are read.
# Written with its first letters in both cases, so the scan skips to them without lower-casing.
PRONOUN_SPEAKS_RE = re.compile(
    rf"(?:{'|'.join(f'[{p[0].upper()}{p[0]}]{p[1:]}' for p in SPEAKER_PRONOUNS)})\s+"
    rf"(?:[a-z]+\s+){{0,2}}(?:{alternation(REPORTING_VERBS)})\b"
)
PRONOUN_HINTS = tuple(
    form for pronoun in SPEAKER_PRONOUNS for form in (f" {pronoun} ", f"{pronoun.title()} ")
)
# Cheap tests a sentence passes before CONTINUES_RE is tried: most sentences fail them all.
CONTINUES_HINTS = (*(f"{passive} to " for passive in FORECAST_PASSIVES), ", for ")


def source(text: str, sentences: Sentences, cache: dict[int, list], offset: int) -> str | None:
    """Who the text credits for the figure at `offset`: its own sentence's source (a pronoun
    resolved), the speaker of the quotation it is in, or the source of the report it
    continues."""
    start, end = sentences.around(offset)
    own = _attributions(text, sentences, cache, start)
    if own:
        return _resolve(text, sentences, cache, start, attribution.nearest(own, offset - start))
    quoted = _quoted(text, sentences, cache, offset)
    if quoted:
        return quoted
    key = -1 - start  # where the cache keeps what the sentence's neighbours credit it with
    if key not in cache:
        cache[key] = [_continued(text, sentences, cache, start, end)]
    return cache[key][0]


def _attributions(text: str, sentences: Sentences, cache: dict[int, list], start: int) -> tuple:
    """The attributions of the sentence starting at `start`, read once, a headline's trailing
    source among them ("...: monitor"): `cache` keeps them under the sentence's start (and,
    under -1 - start, the source the sentences around it give it)."""
    if start not in cache:
        end = sentences.around(start)[1]
        found = attribution.attributions(text[start:end])
        trailing = _headline(text, start, end) and attribution.trailing_source(text[start:end])
        cache[start] = (*found, trailing) if trailing else found
    return cache[start]


def _headline(text: str, start: int, end: int) -> bool:
    """Whether the sentence from `start` to `end` is a headline, whose source may trail it
    after a colon or a dash: the text's first sentence, or a line of its own with no stop."""
    if start == 0:
        return True
    own_line = (text[:start].rstrip(" \t").endswith("\n")
                and text[end:].lstrip(" \t")[:1] in ("", "\n"))
    return own_line and text[end - 1] not in HEADLINE_STOPS


def _resolve(
    text: str,
    sentences: Sentences,
    cache: dict[int, list],
    start: int,
    found: attribution.Attribution | None,
) -> str | None:
    """The source an attribution names, a pronoun resolved to the one speaker it refers back
    to: one named before it in its sentence ("the group said it had counted"), else before."""
    if found is None or found.source not in SPEAKER_PRONOUNS:
        return found and found.source
    pronoun = found.source
    names = {
        earlier.source
        for earlier in _attributions(text, sentences, cache, start)
        if earlier.at < found.at and _named(earlier.source, pronoun)
    }
    if names:
        return names.pop() if len(names) == 1 else None
    return _antecedent(text, sentences, cache, start, pronoun)


def _named(name: str, pronoun: str) -> bool:
    """Is the source a name the pronoun can refer to?"""
    return name not in SPEAKER_PRONOUNS and _fits(name, pronoun)


def _fits(name: str, pronoun: str) -> bool:
    """Can the pronoun refer to the name: "he" or "she" to a person ("Ana Ruiz", "economist
    Ana Ruiz", not "parts of Douma"), "it" to an institution ("the fund", "the IMF")?"""
    words = name.split()
    if pronoun not in PERSON_PRONOUNS:
        return words[0].lower() in ARTICLES or name.isupper()
    named = [index for index, word in enumerate(words) if word[:1].isupper()]
    return (
        bool(named)
        and words[0].lower() not in ARTICLES
        and all(word[:1].isupper() or word in NAME_WORDS for word in words[named[0] :])
        and not words[-1].isupper()
    )


def _antecedent(
    text: str, sentences: Sentences, cache: dict[int, list], start: int, pronoun: str
) -> str | None:
    """The speaker a pronoun in the sentence at `start` refers to: the one named source that
    fits it in the nearest sentence before that names any, when no one in between could be
    meant instead: a person named as a subject, or a speaker whose name could not be read
    ("a group based outside the country said")."""
    for _ in range(LOOK_BACK):
        if start == 0:
            return None
        start, end = sentences.around(start - 1)
        names = {
            found.source
            for found in _attributions(text, sentences, cache, start)
            if _named(found.source, pronoun)
        }
        if len(names) == 1:
            return names.pop()
        if names or (pronoun in PERSON_PRONOUNS and PERSON_SUBJECT_RE.search(text, start, end)):
            return None  # two speakers, or a person who may be the one meant
        if not _attributions(text, sentences, cache, start) and attribution.reports(
            text[start:end]
        ):
            return None  # someone speaks here whose name could not be read
    return None


def _sentence_source(
    text: str, sentences: Sentences, cache: dict[int, list], start: int
) -> str | None:
    """The one source a whole sentence credits, pronouns resolved; None when it credits none
    or several."""
    names = {
        _resolve(text, sentences, cache, start, found)
        for found in _attributions(text, sentences, cache, start)
    }
    return names.pop() if len(names) == 1 else None


def _previous(sentences: Sentences, start: int) -> int | None:
    """Where the sentence before the one at `start` starts, if any."""
    return sentences.around(start - 1)[0] if start else None


def _continued(
    text: str, sentences: Sentences, cache: dict[int, list], start: int, end: int
) -> str | None:
    """The source of the report a sentence with none of its own goes on with: the sentence
    before's, when this one continues it ("is projected to") or the sentence after names the
    same speaker again in reported speech ("..., he said")."""
    before = _previous(sentences, start)
    if before is None:
        return None
    if _continues(text, start, end):
        return _sentence_source(text, sentences, cache, before) or _continued_source(
            text, sentences, cache, before
        )
    after = _next_in_paragraph(text, sentences, end)
    if after is None or not _speaks_through_pronoun(text[after[0] : after[1]]):
        return None  # most sentences are followed by none that speaks through a pronoun
    previous = _sentence_source(text, sentences, cache, before)
    if previous is not None and previous == _reported_after(text, sentences, cache, after[0]):
        return previous
    return None


def _speaks_through_pronoun(sentence: str) -> bool:
    """Does a pronoun speak in the sentence: "he said", "It expects"? Literal tests first."""
    return any(map(sentence.__contains__, PRONOUN_HINTS)) and bool(
        PRONOUN_SPEAKS_RE.search(sentence)
    )


def _next_in_paragraph(text: str, sentences: Sentences, end: int) -> tuple[int, int] | None:
    """Where the sentence after the one ending at `end` starts and ends, if it is in the same
    paragraph."""
    if end + 1 >= len(text) or "\n" in text[end : end + 2]:
        return None
    return sentences.around(end + 1)


def _continues(text: str, start: int, end: int) -> bool:
    """Does the sentence go on with the report before it: "is projected to", "This would"?"""
    sentence = text[start:end]
    opening = sentence[:8].lstrip("\"“( ")[:4].lower()
    if opening not in ("this", "that") and not any(map(sentence.__contains__, CONTINUES_HINTS)):
        return False
    return CONTINUES_RE.search(sentence.lower()) is not None


def _reported_after(
    text: str, sentences: Sentences, cache: dict[int, list], after: int
) -> str | None:
    """The speaker a pronoun names in the sentence starting at `after`, in reported speech
    ("..., he said Tuesday"), not closing a quotation of its own ("...," he says)."""
    for found in _attributions(text, sentences, cache, after):
        at = after + found.at
        if found.source in SPEAKER_PRONOUNS and not QUOTE_MARK_RE.search(text, max(0, at - 8), at):
            return _resolve(text, sentences, cache, after, found)
    return None


def _continued_source(
    text: str, sentences: Sentences, cache: dict[int, list], start: int
) -> str | None:
    """The source a sentence with none of its own takes from the one before, when it
    continues it ("is projected to"); one step only."""
    _, end = sentences.around(start)
    if not _continues(text, start, end) or _attributions(text, sentences, cache, start):
        return None
    before = _previous(sentences, start)
    return None if before is None else _sentence_source(text, sentences, cache, before)


def _quoted(text: str, sentences: Sentences, cache: dict[int, list], offset: int) -> str | None:
    """The speaker of the quotation the figure at `offset` sits in: named in the sentence
    where it closes or opens, else between it and the quotation just before it."""
    marks = _quote_marks(text)
    before = bisect.bisect_left(marks, offset)
    if not before or offset - marks[before - 1] > QUOTE_REACH:
        return None  # no quotation mark near before the figure
    if text.find("\n", marks[before - 1], offset) >= 0:
        return None  # the last one is in a paragraph before
    first = text.rfind("\n", max(0, offset - QUOTE_REACH), offset) + 1
    if first == 0 and offset > QUOTE_REACH:
        return None  # the paragraph starts too far back to know what is quoted
    last = text.find("\n", offset, offset + QUOTE_REACH)
    if last < 0:
        last = min(len(text), offset + QUOTE_REACH)
    spans = _quotations(text, first, last)
    inside = [number for number, (opened, closed) in enumerate(spans) if opened < offset < closed]
    if not inside:
        return None
    index = inside[0]
    opened, closed = spans[index]
    speaker = _quote_speaker(text, sentences, cache, opened, closed)
    while not speaker and index > 0 and opened - spans[index - 1][1] <= QUOTE_GAP:
        index -= 1  # the quotation just before, whose speaker is named between the two
        speaker = _speaker_between(text, sentences, cache, spans[index][1], opened)
        opened = spans[index][0]
    return speaker


@functools.lru_cache(maxsize=4)
def _quote_marks(text: str) -> list[int]:
    """Where the text's quotation marks are, found once per text (a figure without a mark
    near before it is in no quotation, which most are not)."""
    return positions(text, QUOTE_MARKS)


def _quotations(text: str, first: int, last: int) -> list[tuple[int, int]]:
    """The quoted stretches of text[first:last] as (opening mark, closing mark) offsets; a
    quotation left open runs to the end."""
    spans: list[tuple[int, int]] = []
    opened = None
    for mark in QUOTE_MARK_RE.finditer(text, first, last):
        opening = _opening(text, mark.start())
        if opened is None and opening:
            opened = mark.start()
        elif opened is not None and not opening:
            spans.append((opened, mark.start()))
            opened = None
    if opened is not None:
        spans.append((opened, last))
    return spans


def _opening(text: str, index: int) -> bool:
    """Does the quotation mark at `index` open a quotation: a curly opening mark, or a
    straight one after a space and before a word ("said "It was)?"""
    mark = text[index]
    if mark != '"':
        return mark == "“"
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([") and not after.isspace()


def _speaker_between(
    text: str, sentences: Sentences, cache: dict[int, list], closed: int, following: int
) -> str | None:
    """The speaker named after a quotation's closing mark in its sentence, before `following`
    (the next quotation's opening mark, or the sentence's end): '"...," he said. "...'."""
    start, _ = sentences.around(closed)
    for found in _attributions(text, sentences, cache, start):
        if closed < start + found.at < following:
            return _resolve(text, sentences, cache, start, found)
    return None


def _quote_speaker(
    text: str, sentences: Sentences, cache: dict[int, list], opened: int, closed: int
) -> str | None:
    """Who speaks a quotation: an attribution outside it in the sentence where it closes
    ("...," he said) or where it opens (Ana said: "...)."""
    speaker = _speaker_between(text, sentences, cache, closed, sentences.around(closed)[1])
    if speaker:
        return speaker
    start, _ = sentences.around(opened)
    for found in _attributions(text, sentences, cache, start):
        if start + found.at < opened:
            return _resolve(text, sentences, cache, start, found)
    return None
