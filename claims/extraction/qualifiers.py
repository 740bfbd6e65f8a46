"""Qualifiers: the words that say how exact a figure is ("over", "at least", "about")."""

from __future__ import annotations

import regex

from claims.extraction.lexicon import ARTICLES
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, group_numbers

# Written before the number. Longer phrases win, so "no more than" beats "more than".
BEFORE: dict[str, str] = {
    "more than": "more_than", "more then": "more_than", "over": "more_than",
    "over than": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "exceeding": "more_than", "greater than": "more_than",
    "higher than": "more_than", "north of": "more_than", "well over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "not fewer than": "at_least",
    "about": "approximately", "around": "approximately", "approximately": "approximately",
    "approx.": "approximately", "roughly": "approximately", "nearly": "approximately",
    "almost": "approximately", "some": "approximately", "an estimated": "approximately",
    "estimated": "approximately", "close to": "approximately", "circa": "approximately",
    "an approximate": "approximately", "just over": "more_than",
    "just under": "less_than", "nigh on": "approximately", "or so": "approximately",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most", "a max of": "at_most",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "lower than": "less_than", "short of": "less_than",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    # "children under the age of 5", "people over the age of 65"
    "under the age of": "less_than", "below the age of": "less_than",
    "over the age of": "more_than", "above the age of": "more_than",
}
# Written after the number (and its unit or noun): "50 people or more".
AFTER: dict[str, str] = {
    "or more": "at_least", "or over": "at_least", "and above": "at_least",
    "and more": "at_least", "plus": "more_than", "+": "more_than", "or so": "approximately",
    "or less": "at_most", "or fewer": "at_most", "at most": "at_most",
    "at the most": "at_most", "at least": "at_least",
    # "a score of 30 or above", "people aged 65 and over", "children 5 and under"
    "or above": "at_least", "or higher": "at_least", "or older": "at_least",
    "and over": "at_least", "and older": "at_least", "or below": "at_most",
    "or under": "at_most", "or lower": "at_most", "or younger": "at_most",
    "and under": "at_most", "and below": "at_most", "and younger": "at_most",
}


# Written as a symbol or prefix glued to the number: "~1.2mm", "sub-7 nanometer", "<5%".
GLUED: dict[str, str] = {
    "~": "approximately", "≈": "approximately", "c.": "approximately", "ca.": "approximately",
    "sub-": "less_than", "<": "less_than", "≤": "at_most", ">": "more_than", "≥": "at_least",
}

BEFORE_RE = ending_at(
    rf"(?:(?<![\w-])(?P<q>(?i:{alternation(BEFORE, backward=True)}))\s+"
    rf"(?:(?i:{alternation(ARTICLES, backward=True)})\s+)?"
    rf"|(?<![\w])(?P<g>(?i:{alternation(GLUED, backward=True)}))[ \t]?)"
)
_BEFORE = group_numbers(BEFORE_RE)
_GLUED_WORDS = [k for k in GLUED if k[-1].isalpha() or k[-1] == "-"]
GLUED_RE = ending_at(rf"(?<![\w])(?i:{alternation(_GLUED_WORDS, backward=True)})")
# Not the qualifier of a figure after it: "51 dead and over 100 wounded".
AFTER_RE = regex.compile(
    rf"(?:\s*-?\s*)(?P<q>(?i:{alternation(AFTER)}))(?![\w])(?![ \t]*[^\s\d]{{0,3}}\d)"
)
_AFTER = group_numbers(AFTER_RE)
# The first word of each qualifier after a figure ("or" of "or more"), and the white space
# `\s` is in ASCII text: a qualifier after a figure opens with one of those words after the
# spaces, a hyphen and spaces.
_AFTER_OPENINGS = tuple({phrase.split()[0] for phrase in AFTER})
_ASCII_SPACE = " \t\n\x0b\x0c\r"
# How far after a figure its qualifier's first word is looked for; a longer gap is left to
# the pattern.
_AFTER_REACH = 16
_LONGEST_OPENING = max(map(len, _AFTER_OPENINGS))


THE_RE = regex.compile(r"(?i:\bthe)\s+\Z")
# Verbs whose "up to" is a phrasal verb, not an upper bound: "the lead up to 3G", "adds up to 40".
# "Back" makes one too: "fell to 3.1% before moving back up to 3.4%" reached a level.
PHRASAL_UP_VERBS = (
    "lead", "leading", "led", "run", "running", "build", "building", "add", "adds", "added",
    "adding", "live", "lives", "lived", "living", "catch", "caught", "face", "faced", "stand",
    "stood", "own", "owned", "measure", "measured", "back",
)
PHRASAL_UP_TO_RE = ending_at(rf"(?i:\b{alternation(PHRASAL_UP_VERBS, backward=True)}[\s-]+)")


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier ending just before `pos`, and where it starts."""
    match = BEFORE_RE.match(text, max(0, pos - 24), pos, KEEP_GIL)
    if not match:
        return None
    if match.group(_BEFORE.g):
        return GLUED[match.group(_BEFORE.g).lower()], match.start()
    words = " ".join(match.group(_BEFORE.q).lower().split())
    if " " not in words and THE_RE.search(match.group(), 0, None, KEEP_GIL):
        return None  # "centres around the 37m skeleton": a preposition, not "about"
    if words == "up to" and PHRASAL_UP_TO_RE.match(text, max(0, match.start() - 12), match.start()):
        return None  # "the lead up to 3G", "adds up to 40": no upper bound
    return BEFORE[words], match.start()


def glued_before(text: str, pos: int) -> bool:
    """True after a word prefix such as "sub-", which is no name ("sub-7" is not "Su-24")."""
    return GLUED_RE.match(text, max(0, pos - 4), pos) is not None


def qualifier_after(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier starting just after `pos`, and where it ends."""
    if not _may_open_after(text[pos : pos + _AFTER_REACH]):
        return None
    match = AFTER_RE.match(text, pos, None, KEEP_GIL)
    if not match:
        return None
    return AFTER[" ".join(match.group(_AFTER.q).lower().split())], match.end()


def _may_open_after(head: str) -> bool:
    """Whether AFTER_RE may match at the start of `head`: always in text that is not ASCII,
    else only where the words after the gap open with a qualifier's first word, which the
    noun or verb after most figures does not ("12 people")."""
    if not head.isascii():
        return True
    rest = head.lstrip(_ASCII_SPACE)
    if rest[:1] == "-":
        rest = rest[1:].lstrip(_ASCII_SPACE)
    return len(rest) < _LONGEST_OPENING or rest.lower().startswith(_AFTER_OPENINGS)
