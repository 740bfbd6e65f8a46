"""Sentence boundaries, found once per text so every claim can name its sentence cheaply."""

from __future__ import annotations

import bisect

import regex

from claims.extraction.lexicon import MONTH_ABBREVIATIONS, MONTHS, PHOTO_CREDIT_WORDS, WEEKDAYS
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, group_numbers, positions

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

# A date as captions and embedded posts end with one: "August 1 2016", "9 July, 2016".
_MONTH = f"(?i:{alternation(MONTHS)})"
_DATE = rf"(?:{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{_MONTH},?[ \t]+\d{{4}})"
# The last words of a block pasted into the text with no full stop after it, tried at each
# "(": a photo caption's date and credit ("... Aleppo Syria August 1 2016 (Reuters Photo) Ten
# civilians were killed") or a social-media post's author handle and date ("... UNICEF
# (@UNICEF) August 9 2016 The United Nations said"). What follows starts a sentence, and
# the block is a paragraph of its own: it quotes another time and place.
CAPTION_DATE_RE = ending_at(rf"{_DATE}[ \t]+")
CREDIT_RE = regex.compile(r"[ \t]*\(([^()\n]{2,40})\)[ \t]+(?=[\"“]?[\p{Lu}\d])")
# A post's author handle and its date: "(@UNICEF) August 9 2016".
_POST_SIGNATURE = rf"\(@?\w{{1,15}}\)[ \t]+(?P<date>{_DATE})"
POST_END_RE = regex.compile(rf"{_POST_SIGNATURE}[ \t]+(?=\S)")
# The same at the end of its sentence, the date in the group `date`.
POST_DATE_RE = ending_at(_POST_SIGNATURE)
_POST_DATE = group_numbers(POST_DATE_RE)


# How far into a text its headline may start: past a date line ("05-02-2015 ", "Mon Oct 31
# 2016 "), not deep in the story.
HEADLINE_LEAD = 40
# A headline ending in one of these already ends its sentence.
HEADLINE_STOPS = ".!?:;\"”"


class Sentences:
    """Looks up the sentence around any offset of one text."""

    def __init__(self, text: str, headline: int | None = None):
        self.text = text
        self.starts = [0]
        self.ends = []
        self.blocks: set[int] = set()  # the indexes of sentences that are captions or posts
        run_in = [(headline, _next_word(text, headline), False)] if headline else []
        for end, start, block in sorted((*_stops(text), *_block_ends(text), *run_in)):
            if block:
                self.blocks.add(len(self.ends))
            self.ends.append(end)
            self.starts.append(start)
        self.ends.append(len(text))

    def around(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[index], self.ends[index]

    def posted(self, start: int, end: int) -> str | None:
        """The date a pasted post ends with ("(@Handle) October 24 2016"), as written, when
        the sentence from `start` to `end` is one: "last night" in it is the night before."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index not in self.blocks:
            return None
        found = POST_DATE_RE.match(self.text, start, end, KEEP_GIL)
        return found.group(_POST_DATE.date) if found else None


def _stops(text: str):
    """(end of a sentence, start of the next, False) at each full stop, mark or line break
    that ends a sentence."""
    for match in _boundaries(text):
        stop = match.start()
        if text[stop] == "." and NOT_AN_END_RE.match(text, max(0, stop - 8), stop, KEEP_GIL):
            continue
        yield stop + len(match.group().rstrip()), match.end(), False


def _block_ends(text: str):
    """(end of a caption or post, start of the sentence after it, True) wherever one ends
    with no full stop (CREDIT_RE, POST_END_RE)."""
    for at in positions(text, "("):
        if (credit := photo_credit(text, at)) and CAPTION_DATE_RE.match(
                text, max(0, at - 30), at, KEEP_GIL):
            yield credit.start() + len(credit.group().rstrip()), credit.end(), True
        elif post := POST_END_RE.match(text, at, None, KEEP_GIL):
            yield at + len(post.group().rstrip()), post.end(), True


def headline_end(text: str, title: str | None) -> int | None:
    """Where the article's headline ends when the text opens with it (after a date line at
    most HEADLINE_LEAD characters long) and runs on into the story with no stop: "... Kills
    3, Wounds 20 Militants of the group fired" holds the headline's 20 and the story's
    first word, which is no one the 20 counts."""
    title = (title or "").strip()
    if not title or title[-1] in HEADLINE_STOPS:
        return None
    at = text.find(title, 0, HEADLINE_LEAD + len(title))
    end = at + len(title)
    if at < 0 or end >= len(text) or not text[end].isspace() or not _dated(text[:at]):
        return None
    return None if "\n" in text[end:_next_word(text, end)] else end


def _dated(lead: str) -> bool:
    """Whether the words before a headline are a date line at most: digits, stops, month
    and weekday names ("05-02-2015", "Mon Oct 31 2016")."""
    return all(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in regex.findall(r"\p{L}+", lead))


# Spaces, line breaks among them, to skip to the next word.
_SPACES = regex.compile(r"\s*")


def _next_word(text: str, at: int) -> int:
    """Where the first character after the spaces at `at` is (no copy of the text after it)."""
    return _SPACES.match(text, at).end()


def photo_credit(text: str, at: int) -> regex.Match | None:
    """The photo credit in parentheses at `at`, after any spaces ("(Reuters Photo)"), before
    a capital: a date just before it is a picture's, not the story's (times.dateline)."""
    credit = CREDIT_RE.match(text, at, None, KEEP_GIL)
    if credit and not PHOTO_CREDIT_WORDS.isdisjoint(regex.findall(r"\w+", credit[1].lower())):
        return credit
    return None


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
