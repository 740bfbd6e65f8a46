"""Sentence boundaries, found once per text so every claim can name its sentence cheaply."""

from __future__ import annotations

import bisect

import regex

from claims.extraction.lexicon import MONTH_ABBREVIATIONS
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, positions

# Abbreviations after which a full stop does not end a sentence; months' among them.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
    "Prof", "No", "Inc", "Corp", "Ltd", "Co", "vs", "etc", "approx", "est", "Mt", "Ft", "Maj",
    "Brig", "Adm", "Cmdr", "Rev", "Sheikh", "U.S", "U.N", "U.K", "E.U", "a.m", "p.m", "i.e",
    "e.g", "Jr", "Sr", "Nos", "Fig", "al",
) + tuple(name.capitalize() for name in MONTH_ABBREVIATIONS)
BOUNDARY_RE = regex.compile(
    r"[.!?]+[\"”’')\]]*[ \t]+(?=[\"“‘(\[]?[\p{Lu}\d])|[ \t]*\n\s*"
)
# The characters a BOUNDARY_RE match starts at or, after spaces, reaches first: it is tried
# only at these, since a regex scan for it stops at every space before a word.
MARKS = ".!?\n"
# Checked only where BOUNDARY_RE found a full stop: is the word before it an abbreviation?
NOT_AN_END_RE = ending_at(rf"(?<![\w.])(?:{alternation(ABBREVIATIONS, backward=True)}|\p{{Lu}})")


class Sentences:
    """Looks up the sentence around any offset of one text."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.ends = []
        for match in _boundaries(text):
            stop = match.start()
            if text[stop] == "." and NOT_AN_END_RE.match(text, max(0, stop - 8), stop, KEEP_GIL):
                continue
            self.ends.append(match.start() + len(match.group().rstrip()))
            self.starts.append(match.end())
        self.ends.append(len(text))

    def around(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[index], self.ends[index]


def _boundaries(text: str):
    """Every BOUNDARY_RE match in `text`, as its `finditer` gives them: each is tried at an
    end mark, or at the spaces and tabs before a line break."""
    done = 0
    for start in positions(text, MARKS):
        if start < done:
            continue
        if text[start] == "\n":
            while start > done and text[start - 1] in " \t":
                start -= 1
        match = BOUNDARY_RE.match(text, start, None, KEEP_GIL)
        if match:
            done = match.end()
            yield match
