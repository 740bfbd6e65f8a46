"""Property tests: whatever the text, the extractor neither crashes nor reports bad offsets."""

import re

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import extract
from claims.extraction import (
    attribution,
    candidates,
    furniture,
    metrics,
    numbers,
    places,
    qualifiers,
    roles,
    times,
    units,
)
from claims.extraction.attribution import _VERBS
from claims.extraction.claim import CLOSING_QUOTE_RE, CLOSING_QUOTES
from claims.extraction.lexicon import CHANGE_NOUNS_DOWN, CHANGE_NOUNS_UP, DOWN_WORDS, UP_WORDS
from claims.extraction.metrics import ASIDE_OWN_VERB_RE, OWN_VERB, OWN_VERB_RE
from claims.extraction.numbers import _FIRST_WORDS, NUMBER_PATTERN, NUMBER_RE
from claims.extraction.patterns import (
    KEEP_GIL,
    alternation,
    folded,
    group_numbers,
    may_end_with,
    word_scan,
    word_spans,
)
from claims.extraction.roles import PERIOD_HINTS, PERIOD_RE
from claims.extraction.sentences import BOUNDARY_RE, _boundaries

NEWS_WORDS = [
    "at", "least", "over", "about", "killed", "people", "percent", "%", "$", "3m", "1,600",
    "1600", "forty-five", "thousand", "million", "dozens", "of", "between", "and", "to",
    "-", "said", "according", "the", "ministry", "km", "in", "Aleppo", "on", "Sunday", ".",
    ",", "2017", "March", "29", "COVID-19", "a", "half", "hundred", "\n", "rose", "by",
    "2 min read", "Updated", "ago", "0.5", "bn", "€", "£", "9", "tens", "left", "dead",
    "out", "or", "older", "p", "from", "back", "up",
]

news_like = st.lists(st.sampled_from(NEWS_WORDS), max_size=40).map(" ".join)


def check(text):
    for claim in extract(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        sentence_end = claim.sentence_start + len(claim.sentence)
        assert text[claim.sentence_start : sentence_end] == claim.sentence
        if claim.low is not None:
            assert claim.low <= claim.value <= claim.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text):
    check(text)


@settings(max_examples=500, deadline=None)
@given(news_like)
def test_news_like_text(text):
    check(text)


BOUNDARY_PIECES = [
    "Aleppo", "3", ".", "!", "?", "...", " ", "  ", "\t", "\n", "\r\n", " \n", "\n\n", "\"",
    "”", "(", ")", "Mr", "The", "the", "U.S", "\u2028", "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BOUNDARY_PIECES), max_size=30).map("".join))
def test_sentence_boundaries_as_the_plain_scan(text):
    """Trying the boundary pattern only at end marks and line breaks finds what a scan of
    every position finds."""
    assert [m.span() for m in _boundaries(text)] == [m.span() for m in BOUNDARY_RE.finditer(text)]


PERIOD_PIECES = [
    "in", "over", "the", "last", "past", "previous", "3", "three", "days", "weeks", "month",
    "year", "weekend", "hours", "this", "so far", "since", "Monday", "Friday", "and", "on",
    "5", "March", "yesterday", "across", "the country", "nationwide", "THE", "LAST", "Week",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=12).map(" ".join))
def test_every_period_holds_a_hint(text):
    """The period pattern is searched for only where a hint shows: each match holds one."""
    for match in PERIOD_RE.finditer(text):
        assert any(hint in folded(match.group()) for hint in PERIOD_HINTS)


DAY_PIECES = [
    *PERIOD_PIECES, "Sunday", "today", "SATURDAY", "day", "DAYS", "whole", "entire", "weeks",
    "ſince", "killed", "12", ",", "\n", "  ", "over the whole", "on Friday and", "in three",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DAY_PIECES), max_size=12).map(" ".join),
       st.integers(0, 90), st.integers(0, 90))
def test_period_is_searched_wherever_one_may_start(text, begin, length):
    """Where "day" is the only hint in a figure's window ("on Sunday"), the period pattern
    is searched for only when the clause holds a span's other words; wherever a hint shows
    and it is not searched for, no span starts in the window."""
    begin = min(begin, len(text))
    reach = min(len(text), begin + length)
    window = folded(text[begin:reach])
    if not any(hint in window for hint in PERIOD_HINTS):
        return
    for hi in range(reach, len(text) + 1):
        if not roles._period_hinted(text, begin, reach, hi):
            found = PERIOD_RE.search(text, begin, hi)
            assert found is None or found.start() > reach


def test_spans_of_days_are_searched_for():
    """Each span holding "day" and no other hint is still looked for."""
    for text in ("Shelling on Friday and Saturday killed 9 people",
                 "9 people were killed in four days of shelling",
                 "9 people died over the whole day"):
        assert roles._period_hinted(text, 0, len(text), len(text))
        assert PERIOD_RE.search(text) is not None
    assert not roles._period_hinted("9 people died on Sunday", 0, 23, 23)


@settings(max_examples=300, deadline=None)
@given(news_like, st.integers(0, 60))
def test_keeping_the_gil_matches_alike(text, pos):
    """KEEP_GIL, passed after `endpos`, changes only whether the regex package lets the GIL
    go: the match is the one made without it."""
    kept = NUMBER_RE.match(text, pos, None, KEEP_GIL)
    plain = NUMBER_RE.match(text, pos)
    assert (kept and kept.span()) == (plain and plain.span())


WORD_SCAN_PIECES = [*NEWS_WORDS, "someone", "often", "_one", "one_", "1one", "é", "said",
                    "reported", "told", "-", "'", "(", "\t", "finds", "that", "put", "toll",
                    "death", "number", "\x1c", "\x0b", '"', "_", "  ", "-\n"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(WORD_SCAN_PIECES), max_size=30).map(
    lambda words: "".join(words) if len(words) % 2 else " ".join(words))))
def test_word_scan_finds_the_whole_words(text):
    """A word scan, which starts each match at the character before its word, finds what
    `\b(?:words)\b` finds."""
    for words in (alternation(_FIRST_WORDS), _VERBS):
        plain = [m.span() for m in re.finditer(rf"\b(?:{words})\b", text)]
        assert word_spans(word_scan(words), text) == plain


def test_word_scan_checks_a_space_made_of_another_character():
    """ASCII text is scanned as bytes with its non-word characters made spaces: a match that
    only the made space allows ("finds-that" for "finds\\s+that") sends the text to the plain
    scan, and words of letters alone are taken unchecked."""
    verbs, numbers_ = word_scan(_VERBS), word_scan(alternation(_FIRST_WORDS))
    assert verbs.spaced is not None and verbs.checked
    assert numbers_.spaced is not None and not numbers_.checked
    for text in ("it finds-that 3", "finds that", "finds\x1cthat", "finds -that, put the-toll"):
        plain = [m.span() for m in re.finditer(rf"\b(?:{_VERBS})\b", text)]
        assert word_spans(verbs, text) == plain
    assert word_scan("one(?!s)").spaced is None  # a lookahead may fail on a made space


@settings(max_examples=300, deadline=None)
@given(news_like, st.integers(0, 60))
def test_groups_by_number_are_the_groups_by_name(text, pos):
    """A group read by its number (`group_numbers`) is the group read by its name."""
    match = NUMBER_RE.match(text, pos)
    groups = group_numbers(NUMBER_RE)
    for name in NUMBER_RE.groupindex:
        assert match is None or match.span(getattr(groups, name)) == match.span(name)


def test_both_own_verb_patterns_number_their_groups_alike():
    """`metrics.OWN_VERB` reads the groups of either own-verb pattern."""
    assert OWN_VERB_RE.groupindex == ASIDE_OWN_VERB_RE.groupindex == vars(OWN_VERB)


BEFORE_PIECES = [
    *furniture.DESIGNATORS[::7], *furniture.MEDIA_WORDS[::3], "March", "Sept.", "dec", "MAY",
    "29", "3", "29th", ",", ".", ":", "(c)", "©", "copyright", "Xcopyright", "COPYRIGHT",
    "No", "No.", "of", "and", "to", "or", "-", "–", "/", "(", ")", "short url", "UPDATE",
    "at", "least", "killed", "the", "people", "ſhare", "İmage", "K", " ", "  ", "\t", "\n",
    "x", "é", "December 11 and", "March 3 or", "Dec 11th to", "Photo 3 of", "Resolution No",
    "Hang Seng", "text message to", "COVID -", "short url 12", "Image:", "\nUPDATE",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BEFORE_PIECES), max_size=14).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_before_patterns_are_tried_wherever_they_may_match(text):
    """BEFORE_RE is skipped after spaces that follow a plain word none of its patterns ends
    with; wherever it is skipped, it matches nothing."""
    for pos in range(1, len(text) + 1):
        lo = max(0, pos - 28)
        if not furniture._may_follow_before(text, lo, pos):
            assert furniture.BEFORE_RE.match(text, lo, pos) is None


AT_PIECES = [
    "12", "0", "045", "911", "747", "1990", "3", "2019", "1800", "5", "ago", "min", "read",
    "hours", "days", "comments", "likes", "a.m.", "pm", "p. m.", "GMT", "hrs", "Road", "St",
    "Wilbraham", "Related", "Tags", "neo", "Dreamliner", "zip", "ZIP", "of", "March", "may",
    "people", "killed", "calls", "tips to", "BA", "QZ", "UK", "+", "(", ")", "-", ".", ",",
    ":", "/", "s", "th", "ers", " ", "  ", "\t", "\n", "Ǆ", "ſhares", "Ago", "5 days ago",
    "2 min read", "BA 747 jets", "QZ 8501 crashed", "045 people", "12 comments", "7 of March",
    "Syrian", "ISIL", "Magazine", "+972", "575 Wilbraham Road", "9 E 71st St", "Red Crescent",
    "22 Ave Foch", "12 Syrian Army", "Street", "Avenue", "Lane", "East", "A" * 130,
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AT_PIECES), max_size=12).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_at_patterns_are_tried_wherever_they_may_match(text):
    """AT_RE is skipped after digits and spaces that come before a lower-case word none of its
    patterns takes, or a capitalised one that opens no magazine's name after "+" nor any
    words an address's street word ends; wherever it is skipped, it matches nothing."""
    for pos in range(len(text)):
        if not furniture._may_open_at(text, pos):
            assert furniture.AT_RE.match(text, pos) is None


def test_an_address_is_read_past_a_long_word():
    """A street word past the words read for one still makes an address, as AT_RE reads it."""
    for text in ("575 Wilbraham Road", "12 " + "A" * 130 + " Road", "9 E 71st St"):
        assert furniture.AT_RE.match(text, 0) is not None
        assert furniture._may_open_at(text, 0)
    assert not furniture._may_open_at("12 Syrian soldiers", 0)


UNIT_PIECES = [
    *sorted(units.SUFFIX_UNITS)[::9], *sorted(units.SUFFIX_EXACT), "KM", "Km", "km²", "km2",
    "km/h", "°C", "%", "per cent", "PER CENT", "12", "3.5", "-", " ", "  ", "\t", "\n",
    "people", "of", "killed", "kmx", "\u212a", "ſ", "µm", "é", "x",
    *(unit.replace("s", "ſ").replace("k", "\u212a") for unit in sorted(units.SUFFIX_UNITS)[::5]),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=10).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_units_are_read_wherever_one_may_open(text):
    """A unit is not looked for where the plain ASCII word after the gap opens none; wherever
    it is not, the unit pattern matches nothing."""
    for pos in range(len(text) + 1):
        if units._no_unit_opens(text, pos):
            assert units.SUFFIX_UNIT_RE.match(text, pos) is None


LOOKAHEAD_PIECES = [*NEWS_WORDS, "dozens", "Dozens", "1990", "2016-", "5-2016", "half", "HALF",
                    "first", "the", "of", "people", "3.5", "\n", "  "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LOOKAHEAD_PIECES), max_size=20).map(" ".join))
def test_number_pattern_reads_as_without_its_lookaheads(text):
    """The look-aheads put before NUMBER_RE's look-behinds ("dozens" after no year, "half"
    after no "the") only spare the look-behinds where the word does not follow: the pattern
    without them matches alike."""
    plain = regex.compile(
        NUMBER_PATTERN.replace("(?=dozens)", "").replace("(?=(?i:half))", ""), regex.VERBOSE)
    assert plain.pattern != NUMBER_RE.pattern
    for pos in range(len(text)):
        ours, theirs = NUMBER_RE.match(text, pos), plain.match(text, pos)
        assert (ours and ours.span()) == (theirs and theirs.span())


DATELINE_PIECES = [
    "Wed", "05", "5", "Apr", "APRIL", "april", "2017", "2017-04-05", "05-04-2017", "Jul",
    "282016", "Published", "Sept.", "ſept", "Dec,", "1", "of", "\n", ",", "İ", "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATELINE_PIECES), max_size=12).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_dateline_pattern_reads_as_without_its_lookahead(text):
    """The look-ahead for a digit or a month's first letter after the date line's word
    boundary only spares the alternatives where none starts: the pattern without it finds
    the same dates."""
    plain = re.compile(times.DATELINE_RE.pattern.replace(f"(?={times._DATELINE_START})", ""))
    assert plain.pattern != times.DATELINE_RE.pattern
    assert [m.groupdict() | {"span": m.span()} for m in times.DATELINE_RE.finditer(text)] == [
        m.groupdict() | {"span": m.span()} for m in plain.finditer(text)]


RUN_PIECES = [
    "Aleppo", "New", "York", "Deir", "ez-Zor", "al", "Al", "bin", "de", "-", "'s", "’s", "’",
    "McDonald", "U.S.", "A", "the", "in", "3", "_", ".", ",", " ", "  ", "\t", "\n", "É",
    "Zürich", "x", "ibn-Saud", "Ras", "el", "ain", "AL-QAEDA", "as", "ash", "ash-", "es-",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=20).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_capitalised_runs_as_the_plain_scan(text):
    """Runs of capitalised words read from ASCII text as bytes with its capitals made "A" are
    the runs the plain pattern finds."""
    assert places._runs(text) == [m.span() for m in places._RUN.finditer(text)]


SPEAKER_PIECES = [
    "the", "a", "local", "council", "Observatory", "Syrian", "in", "at", "of", "for", "killed",
    "40", "people", "group", "monitoring", "conflict", "activists", "Velmora", ",", "(", ")",
    "chief", "Federica", "Mogherini", "WHO", "190-country", "agency", "two", "children",
    "across", "country", "so-called", "É", "-", ".", "’s", "Al",
]
# The words `_phrase_before` reads, found by a forward scan of the whole sentence.
_WORD_RE = regex.compile(r"[\p{L}\d][\p{L}\d'’.&-]*")


def _spans(matches) -> list | None:
    return None if matches is None else [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPEAKER_PIECES), max_size=30).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 4 else "".join(pieces)))
def test_speaker_read_from_the_last_words_as_from_all(text):
    """The words before a reporting verb, read backwards from it, are the last of those a
    forward scan finds, and the speaker's phrase read from them is the one read from all."""
    for end in range(len(text) + 1):
        words = list(_WORD_RE.finditer(text, 0, end))
        last = attribution._last_words(text, end)
        assert _spans(last) == _spans(words[-attribution.WORDS_BEFORE_VERB :])
        assert _spans(attribution._phrase_before(text, last, end)) == _spans(
            attribution._phrase_before(text, words, end))


def test_speaker_read_to_the_eleventh_word_before_the_verb():
    """A phrase of eight words whose eighth is a participle's object takes the participle's
    subject, three words before it: eleven words back from the verb."""
    text = "Yesterday a group monitoring the local rural health aid relief rights council said"
    end = text.index(" said")
    last = attribution._last_words(text, end)
    assert last[0].group() == "a"
    assert attribution._speaker_before(text, end).startswith("a group monitoring the local")


GUARD_PIECES = [
    "Aleppo", "Idlib", "Peru", "Chile", "and", "or", ",", "in", "the", "lives", "based",
    "compared", "to", "with", "versus", "vs", "as against", "24", "2019", "percent", "rose",
    "fell", "by", "of", "went up", "sharply", "another", "a further", "killed", "Rose", "ROSE",
    "roſe", "up-", "(", "\"", "\x1c", " ", "  ", "\t", "\n", "-", "x", "who lives in the",
    "based in", "vs 24", "compared to 16", "Peru and", "Chile, or", "including", "Including",
    "among them", "among the dead were", "among the wounded", "of whom", "INCLUDED", "ſome",
    "of the dead", "eight of them", "OF THE KILLED", "were also among", "among at least",
    "among those", "is among the", "WAS among", "at least", "about the", "up to", "approx.",
    "~", "≈", "c.", "sub-", "<", "ca.", "nearly an", "more than", "MORE THAN", "less than a",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GUARD_PIECES), max_size=14).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_place_and_change_patterns_are_tried_wherever_they_may_match(text):
    """A list before a place, a comparison between figure and place and a change verb before
    a figure are looked for only where a word each must end with or hold shows; wherever one
    is not, its pattern matches nothing."""
    for pos in range(len(text) + 1):
        if not places._may_list_before(text, pos):
            assert places._LISTED_BEFORE.match(text, 0, pos) is None
        for hi in range(pos + 1):
            assert places._compared(text, hi, pos) == bool(places._COMPARED.search(text, hi, pos))
        lo = max(0, pos - 30)
        if not may_end_with(text, lo, pos, metrics._DIRECTION_ENDINGS):
            assert metrics.DIRECTION_BEFORE_RE.match(text, lo, pos) is None


NEXT_CHAR_PIECES = [
    "12", "5", "AB", "x", "é", "ß", "\u0558", "٣", "\"", "”", "“", " ", "  ", "\t", "de", "de la",
    "Los", "Naranjos", "to", "To", "people", "-", "km", "Valle", "said",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NEXT_CHAR_PIECES), max_size=12).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_patterns_after_a_figure_are_tried_wherever_their_first_characters_show(text):
    """A code glued to a figure, a closing quotation mark, a particle going on with a name
    and the "to" between two figures are looked for only where their first characters, or
    the word "to", show; wherever they do not, the pattern matches nothing."""
    for pos in range(len(text) + 1):
        if not candidates._at_letter(text, pos):
            assert candidates.GLUED_CODE_RE.match(text, pos) is None
        if text[pos : pos + 1] not in CLOSING_QUOTES:
            assert CLOSING_QUOTE_RE.match(text, pos) is None
        if not text.startswith(" d", pos):
            assert places._PARTICLE_GOES_ON.match(text, pos) is None
        for end in range(pos, len(text) + 1):
            if text.find("to", pos, end) < 0:
                assert candidates.TO_RE.fullmatch(text, pos, end) is None


PART_PIECES = [
    "of", "OF", "Of", "among", "AMONG", "the", "them", "whom", "those", "dead", "killed",
    "were", "also", "at least", "children", "eight", "people", "12", ",", " ", "  ", "\t",
    "\n", "\xa0", "\x1c", "-", "ſ", "é",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PART_PIECES), max_size=12).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_part_after_a_figure_is_tried_wherever_its_words_show(text):
    """'of the dead' or 'among them' after a figure is looked for only where "of" or "among"
    is one of the next three words; wherever neither is, the pattern matches nothing."""
    for pos in range(len(text) + 1):
        plain = roles.OF_THE_AFTER_RE.match(text, pos)
        guarded = roles._part_after(text, pos, len(text))
        assert (guarded and guarded.span()) == (plain and plain.span())


AFTER_PIECES = [
    "increase", "increases", "rise", "rose", "drop", "dropped", "fall", "fell", "cut", "cuts",
    "growth", "slump", "Surge", "İncrease", "ſurge", "5", "%", "percent", "a", " ", "  ", "\t",
    "\n", "-", "_",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AFTER_PIECES), max_size=10).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_change_noun_after_a_figure_as_with_every_change_word(text):
    """The change noun after a figure is read with a pattern of the nouns alone; with every
    change word (verbs too, whose match made no direction) the same nouns are read."""
    nouns = (*CHANGE_NOUNS_UP, *CHANGE_NOUNS_DOWN)
    every = regex.compile(
        rf"\s+(?P<d>(?i:{alternation((*nouns, *UP_WORDS, *DOWN_WORDS))}))(?![\w])")

    def noun(pattern, pos):
        match = pattern.match(text, pos)
        word = match and match.group("d").lower()
        return word if word in nouns else None

    for pos in range(len(text) + 1):
        assert noun(metrics.DIRECTION_AFTER_RE, pos) == noun(every, pos)


FIGURE_EDGE_PIECES = [
    "12", "5", "٣", "$", "US$", "US $", "HK", "$us", "$US", "$a", "$NZ", "Rs.", "rs", "RS",
    "€", "Y=", "minus", "MINUS", "minuſ", "MİNUS", "-", "−", "+", "or more", "OR", "plus",
    "and above", "at most", "At", "or so", "ſo", "two", "Two", "TWELVE", "dozen", "half",
    "two_", "twoAleppo", "Aleppo", "people", "was", "killed", "in", ",", "(", " ", "  ", "\t",
    "\n", "\xa0", "\x1c", "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_EDGE_PIECES), max_size=14).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 3 else "".join(pieces)))
def test_patterns_at_a_figure_are_tried_wherever_they_may_match(text):
    """A currency before a figure, its sign, a qualifier after it and a number between it
    and a place are looked for only where their last or first characters, or a digit or
    number word, show; wherever those are not, the pattern matches nothing."""
    for pos in range(len(text) + 1):
        if not units._may_end_prefix(text, pos):
            assert units.CURRENCY_PREFIX_RE.match(text, max(0, pos - 6), pos) is None
        if pos and text[pos - 1] in candidates.SIGN_ENDS and not candidates._may_end_sign(
                text, pos):
            assert candidates.SIGN_RE.match(text, max(0, pos - 6), pos) is None
        if not qualifiers._may_open_after(text[pos : pos + qualifiers._AFTER_REACH]):
            assert qualifiers.AFTER_RE.match(text, pos) is None
        for lo in range(pos + 1):
            assert numbers.starts_between(text, lo, pos) == bool(
                numbers.START_RE.search(text, lo, pos))
