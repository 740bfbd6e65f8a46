"""Headlines in Title Case and ALL CAPS read like sentence case.

In running text capitals carry meaning: "Channel Four" is a name, "in Sagaing" a place after
its cue. In "Security Forces Kill Six in Sagaing" or "INSURGENTS KILL FOUR NEAR AFRIN" every
word is capitalised, so the capital says nothing. `sentence_case` gives extraction a copy of
the text, of the same length, where each such line has the words the extractor reads by
(number words, metric cues and counted nouns, change words, place cues, the small words of
Title Case) in lower case, and so every word the article writes in lower case elsewhere
("Bay" in a headline over "the bay"). Every other word, names among them, stays as written:
a candidate name, which the place step still checks against the gazetteer and its cues.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.extraction import numbers
from claims.extraction.lexicon import (
    CHANGE_NOUNS_DOWN,
    CHANGE_NOUNS_UP,
    DIRECT_CUES,
    DOWN_WORDS,
    EVENT_CUES,
    HEADLINE_PLACE_CUES,
    PEOPLE_NOUNS,
    SUBJECT_CUES,
    TITLE_CASE_SMALL_WORDS,
    TOLL_LEVEL_VERBS,
    UP_WORDS,
)

# Headlines are short lines; a paragraph is never one.
HEADLINE_MAX = 220
# A headline needs a few words to show its style: "Three Killed" could be a name.
MIN_CAPITALISED = 3
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
SMALL_WORDS = frozenset(TITLE_CASE_SMALL_WORDS)


def _words(*vocabularies) -> frozenset[str]:
    """Every single word of the phrases in `vocabularies` ("death toll": death, toll)."""
    return frozenset(
        word for vocabulary in vocabularies for phrase in vocabulary for word in phrase.split()
    )


# The words a headline is recased to lower case for: what extraction reads numbers, metrics
# and place cues by.
VOCABULARY = _words(
    SMALL_WORDS, HEADLINE_PLACE_CUES, PEOPLE_NOUNS, UP_WORDS, DOWN_WORDS, CHANGE_NOUNS_UP,
    CHANGE_NOUNS_DOWN, TOLL_LEVEL_VERBS, numbers.WORD_VALUES, numbers.FRACTION_WORDS,
    numbers.FOLD_WORDS, numbers.VAGUE_AMOUNTS,
    *EVENT_CUES.values(), *SUBJECT_CUES.values(), *DIRECT_CUES.values(),
)


def is_headline_case(line: str) -> bool:
    """Is `line` written in Title Case or ALL CAPS, where capitals mark every word rather
    than names?"""
    if len(line) > HEADLINE_MAX:
        return False
    capitalised = 0
    lower = line != line.upper()
    for word in WORD_RE.finditer(line):
        surface = word.group()
        if surface[0].isupper():
            capitalised += 1
        elif lower and surface.lower() not in SMALL_WORDS:
            return False
    return capitalised >= MIN_CAPITALISED


def _written_lower(text: str, word: str) -> bool:
    """Does `text` write `word` in lower case as a word of its own ("the bay"), so that its
    capital in a headline ("Storm Kills Two in Bay Area") marks no name?"""
    found = text.find(word)
    while found >= 0:
        end = found + len(word)
        if not (found and text[found - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        found = text.find(word, found + 1)
    return False


# The word after a word of a headline: "Jersey" after "New".
NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


def _recaser(text: str, opens_name: Callable[[str, str], bool] | None):
    """The replacement for each word of a headline of `text`: a vocabulary word, or one the
    text writes in lower case elsewhere, in lower case; any other word, a name, as written,
    and so a vocabulary word that opens a name with the next (`opens_name`: "New Jersey",
    "South Sudan")."""

    def recase(match: re.Match) -> str:
        word = match.group()
        lowered = word.lower()
        if len(lowered) != len(word) or lowered == word:
            return word
        after = NEXT_WORD_RE.match(match.string, match.end())
        if opens_name is not None and after and opens_name(word, after.group(1)):
            return word
        return lowered if lowered in VOCABULARY or _written_lower(text, lowered) else word

    return recase


def sentence_case(text: str, opens_name: Callable[[str, str], bool] | None = None) -> str:
    """`text` with its Title Case and ALL CAPS lines read like sentence case: vocabulary words
    lowered, names kept, every offset unchanged; the text itself when it has no such line.
    `opens_name(word, next_word)` tells the first word of a place's name, which stays."""
    parts: list[str] = []
    done = start = 0
    recase = None
    for line in text.split("\n"):
        if is_headline_case(line):
            recase = recase or _recaser(text, opens_name)
            parts += [text[done:start], WORD_RE.sub(recase, line)]
            done = start + len(line)
        start += len(line) + 1
    if not parts:
        return text
    return "".join(parts) + text[done:]
