"""Turning lexicons into fast regular expressions.

A plain `a|b|c` alternation of a few hundred words tries every word at every position; a
trie shares prefixes so most positions fail on the first character. Patterns that must end
where a number starts are compiled in reverse (`(?r)`) and matched backwards from it, which
is one anchored attempt instead of a search over a window.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import NamedTuple

import regex

# The `concurrent` argument of the regex package's match methods, passed after `endpos`:
# False keeps the GIL through a match. By default the package lets it go and takes it back
# around every match of a str, which costs more than most of our short anchored matches.
KEEP_GIL = False


def _escape(text: str, space: str) -> str:
    """`text` as a literal pattern with its spaces as `space`: copy separates words variously."""
    return regex.escape(text, special_only=True).replace(r"\ ", " ").replace(" ", space)


def alternation(words, backward: bool = False, space: str = r"\s+") -> str:
    """A trie-shaped alternation matching exactly `words` (longest first at every branch).

    With `backward`, the trie shares word endings instead of beginnings: that is the shape
    a reverse-anchored pattern (`ending_at`) reads fastest, last character first. A space
    inside a word matches `space`: any run of white space unless the caller says otherwise
    (`[ \t]+` where a phrase must not run over a line break)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in reversed(word) if backward else word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(trie, backward, space)


def _branch(node: dict, backward: bool, space: str) -> str:
    """The pattern of one trie node: its branches longest first, optional where a word ends."""
    ends = "" in node
    parts = []
    for char in sorted(k for k in node if k):
        child = node[char]
        chain = char
        while len(child) == 1 and "" not in child:
            (next_char, child), = child.items()
            chain += next_char
        rest = _branch(child, backward, space) if child and list(child) != [""] else ""
        parts.append(
            rest + _escape(chain[::-1], space) if backward else _escape(chain, space) + rest
        )
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def ending_at(pattern: str, flags: int = 0):
    """Compile `pattern` to be matched backwards: `.match(text, lo, pos)` must end at pos."""
    return regex.compile(f"(?r){pattern}", flags)


def group_numbers(pattern) -> SimpleNamespace:
    """The numbers of a pattern's named groups, by name (`match.group(G.src)`): the `regex`
    package reads a group's name by first trying it as a number, raising and catching an
    error, which costs more than many a match."""
    return SimpleNamespace(**pattern.groupindex)


def fold(text: str) -> str:
    """Lower case as the lexicons are keyed: "İ" lower-cases to "i" plus a combining dot,
    which case-insensitive patterns match as "i" but no table holds."""
    return text.lower().replace("\u0307", "")


def folded(text: str) -> str:
    """`text` for the literal tests made before a case-insensitive pattern: case-folded, so
    every letter such a pattern may match as a lower-case ASCII one is that letter here ("İ"
    and the dotless "ı", which `re` takes for "i", are "i"; the long "ſ" is "s"), and a word
    missing here is missing from `text` in any case."""
    return text.casefold().replace("\u0307", "").replace("ı", "i")


class WordScan(NamedTuple):
    """A scan for the whole words a pattern matches, read by `word_spans`."""

    ascii: re.Pattern  # for ASCII text, where \W is [^A-Za-z0-9_], far cheaper to test
    other: re.Pattern
    # For ASCII text too, as bytes with every character no word has turned into a space
    # (`_SPACED`): " (?:words)\b", which the engine skips to with a plain search for the
    # space instead of testing the class [^A-Za-z0-9_] at every character (a call and a
    # mispredicted jump each). None unless `words` is made of lower-case letters, groups,
    # alternatives, optional parts and `\s`, `\s+`: then every match of the plain scan is
    # a match here too, as a space stands wherever the text has a character no word has.
    spaced: re.Pattern | None
    # Whether a match of `spaced` must be checked against `ascii`: `words` has a `\s`, so a
    # space made from another character may match where the text has none ("finds-that"
    # for "finds\s+that"). Words of letters alone match alike in both.
    checked: bool


# Every ASCII character that is no word character, as a space: the text `WordScan.spaced`
# reads. A word's letters and the start of each match (any non-word character) keep their
# places, so offsets are the text's.
_NOT_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_SPACED = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
# What `WordScan.spaced` takes: lower-case letters, (?:, |, ), ? and \s, \s+.
_SPACED_WORDS = re.compile(r"(?:[a-z(?:|)]|\\s\+?)*")


def word_scan(words: str) -> WordScan:
    """A scan for the whole words `words` matches (as `\b(?:words)\b` would) whose every
    match starts at the character before its word, so the engine skips from one character
    that is no word's to the next instead of trying `words` at every position, which costs
    half as much again."""
    return WordScan(
        re.compile(rf"[^A-Za-z0-9_](?:{words})\b"),
        re.compile(rf"\W(?:{words})\b"),
        re.compile(rb" (?:" + words.encode() + rb")\b")
        if _SPACED_WORDS.fullmatch(words) else None,
        "\\s" in words,
    )



def word_spans(scan: WordScan, text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of each word a `word_scan` finds; the space put before `text`
    stands for its start, where a word may open too.

    ASCII text is read as bytes with its non-word characters made spaces (`_SPACED`): for
    words of letters alone that finds exactly what the plain scan finds; otherwise each
    match is checked against the plain pattern at its start, and the plain scan is run
    when one differs (a match made of a space that was another character)."""
    spaced = " " + text
    if not text.isascii():
        return [(m.start(), m.end() - 1) for m in scan.other.finditer(spaced)]
    if scan.spaced is not None:
        found = [
            (m.start(), m.end() - 1)
            for m in scan.spaced.finditer(spaced.encode().translate(_SPACED))
        ]
        if not scan.checked or all(
            (plain := scan.ascii.match(spaced, start)) is not None and plain.end() - 1 == end
            for start, end in found
        ):
            return found
    return [(m.start(), m.end() - 1) for m in scan.ascii.finditer(spaced)]


def last_letters(words) -> frozenset[str]:
    """The last run of letters of each of `words`, case-folded ("least" of "at least"): what
    `may_end_with` looks for."""
    return frozenset(re.findall(r"[^\W\d_]+", folded(word))[-1] for word in words)


def may_end_with(text: str, lo: int, pos: int, endings: frozenset[str]) -> bool:
    """Whether text[lo:pos] may end with one of the words whose `last_letters` are `endings`
    (and any spaces after it): always, unless its last word, after the spaces and after any
    hyphen, is plain letters that are none of them, as before most figures ("killed 12").
    A pattern that must end so is tried only where this holds, which costs less than the
    pattern's own attempt."""
    words = text[lo:pos].rsplit(None, 1)
    word = words[-1].rpartition("-")[2] if words else ""
    return not word.isalpha() or folded(word) in endings


def positions(text: str, chars: str) -> list[int]:
    """Where `text` has any of `chars`, in order: `str.find` skips to each far faster than a
    regular expression scans for a character class."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found
