"""Numbers that are not claims: dates, clock times, names with numbers, phone numbers and
page furniture ("2 min read", "Updated 3 hours ago").

Each table row is one phenomenon. They are checked only around a candidate number (the words
just before it, the characters from it on, its line), never over the whole text, because a
scan of every character with dozens of alternatives would cost more than extraction itself.
"""

from __future__ import annotations

import re

import regex

from claims.extraction.lexicon import MONTHS as MONTH_NUMBERS
from claims.extraction.lexicon import ORDINAL_SUFFIXES, STREET_WORDS
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, folded, group_numbers

# Dates are written with capitalised month names, perhaps abbreviated with a full stop.
_MONTH_WORDS = [name.capitalize() for name in MONTH_NUMBERS]
MONTHS = rf"{alternation(_MONTH_WORDS)}\.?"
_MONTH_BACK = rf"{alternation(_MONTH_WORDS, backward=True)}\.?"
_ORDINAL = alternation(ORDINAL_SUFFIXES)
_ORDINAL_BACK = alternation(ORDINAL_SUFFIXES, backward=True)
# Capitalised words that turn the number after them into a name: "Resolution 2254".
DESIGNATORS = (
    "Resolution", "Resolutions", "Section", "Row", "Article", "Chapter", "Route", "Highway",
    "Flight", "Room", "Page", "No", "No.", "Nos", "Number", "Unit", "Level", "Phase",
    "Stage", "Division", "Brigade", "Battalion", "Regiment", "Gate", "Building", "Block",
    "Sector", "Zone", "Terminal", "Platform", "Track", "Precinct", "Ward", "Channel",
    "Episode", "Season", "Volume", "Vol.", "Part", "Act", "Scene", "Grade", "Apollo", "Mark",
    "Model", "Version", "Series", "Windows", "iPhone", "Galaxy", "Pixel", "Ligue", "Formula",
    "Liga", "Bundesliga", "Serie", "Championship", "Interstate", "Exit", "Pier", "Lane",
    "Street", "Avenue", "Road", "Checkpoint", "Decree", "Law", "Bill", "Item", "Paragraph",
    "Clause", "Annex", "Protocol", "Operation", "Squadron", "Fleet", "Corps", "Vision",
    "Agenda", "PS", "Xbox", "Boeing", "Airbus", "Tu", "Su", "MiG", "Tier", "Category",
    "Class", "Type", "Code", "Rule", "Amendment", "Game", "Games", "Watch", "Planet", "Note",
    "Week", "Day", "Round", "Big", "Pac", "Top", "Hot", "A.D.", "AD", "Fortune", "category",
    "Gen", "Generation", "Mk", "Gemini", "Soyuz", "flight", "Glock", "resolution", "resolutions",
    "regiment", "brigade", "battalion",
    # Market indices: "the S&P 500 rose", "FTSE 100", "Stoxx 600" (and "S P 500" when the
    # ampersand was stripped).
    "S&P", "S P", "S&P/ASX", "S&P/TSX", "sp", "SP", "FTSE", "Stoxx", "STOXX", "Nasdaq",
    "NASDAQ", "ASX", "Nikkei", "Russell", "Hang Seng", "CAC", "DAX", "KOSPI", "Sensex",
    "Nifty", "MSCI", "TOPIX", "IBEX", "AEX", "OMX", "SMI", "Dow", "Euro Stoxx",
    # Short codes and hotlines: "text 5505", "send a text message to 5505", "dial 112".
    "text", "Text", "txt", "SMS", "sms", "text message to", "text message on", "dial", "Dial",
    "hotline", "Hotline", "helpline", "Helpline", "hotline on", "helpline on",
)
_STREET = alternation(STREET_WORDS)
# Names that end like a street but count people: "12 Red Crescent volunteers".
NAMES_LIKE_STREETS = ("Red Crescent",)
_NOT_STREET = alternation(NAMES_LIKE_STREETS, space=r"[ \t]+")
# Captions and counters: "Photo 3 of 12", "Image: 4", "Comments (4)", "12 shares".
MEDIA_WORDS = (
    "photo", "photos", "image", "images", "picture", "pictures", "slide", "slides", "gallery",
    "video", "videos",
)
PAGE_OF = ("of", "/")
COUNTER_WORDS = ("comment", "comments", "share", "shares")
SOCIAL_COUNTS = (*COUNTER_WORDS, "like", "likes", "view", "views", "retweet", "retweets", "replies")
COPYRIGHT_MARKS = ("©", "(c)", "copyright")
# Words hyphened to a number that name nothing: "the then-17-year-old".
TIME_ADVERBS = ("now", "then", "once", "soon")
# Disease names a strain number is written after: "COVID -19", "H5N1" (with `h\d?n`).
DISEASES = ("covid", "sars", "mers")
# "2 min read", "5 minutes ago"
READ_UNITS = ("min", "mins", "minute", "minutes")
AGO_UNITS = (
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months", "year", "years",
)
# Clock times: "9am", "10.30 p.m.", "1800 GMT".
CLOCK_MARKS = ("am", "pm", "a.m", "a.m.", "p.m", "p.m.", "a. m", "a. m.", "p. m", "p. m.")
CLOCK_ZONES = ("GMT", "UTC", "hrs", "hours GMT")
_CLOCK_MARK = alternation(CLOCK_MARKS, space=r"[ \t]?")
_CLOCK_ZONE = alternation(CLOCK_ZONES, space=r"[ \t]+")
# A time of day with its hours and minutes: "10.45", "9:20".
TIME_OF_DAY = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"
# Aircraft variants after a model number: "Boeing 787 Dreamliner", "737 MAX".
AIRCRAFT_VARIANTS = ("Dreamliner", "Max", "MAX", "Neo", "neo")
# Model variants after a product's number, which the next item of a list names without its
# maker: "the iPhone 15 Pro and 15 Pro Max", "the Galaxy S24 and S24 Ultra".
PRODUCT_VARIANTS = ("Pro", "Plus", "Ultra", "Mini", "Lite")

# Capitals that are words or places, not codes, before a number: "KILLED IN 3 TOWNS", "UK 10".
CAPITAL_WORDS = (
    "IN", "AT", "ON", "OF", "TO", "BY", "UP", "AN", "AS", "IS", "IT", "NO", "OR", "SO", "WE",
    "US", "ME", "BE", "DO", "GO", "HE", "IF", "MY", "AM", "PM", "TV", "UK", "EU", "UN",
)
# A figure after a caption's word that counts a noun of its own: "Video: 6 bodies found".
CAPTIONED_COUNT_RE = regex.compile(
    rf"\d+[ \t]+(?!(?i:{alternation((*PAGE_OF, *MEDIA_WORDS, *SOCIAL_COUNTS))})\b)\p{{L}}"
)
# Wire-service slugs that open a headline: "UPDATE 3-Gunmen kill 12", "REFILE-".
WIRE_SLUGS = ("UPDATE", "REFILE", "CORRECTED", "RPT", "WRAPUP", "INSIGHT", "ANALYSIS")

# What stands right before a number that is part of a date, a name or furniture.
BEFORE: tuple[str, ...] = (
    # March 29, 2017; March 3-4 2016; 29 March 2017: a year, or a day ("Sept. 27 Oct. 1"),
    # not a count ("October 13th 30 people"; tried before "March 29", so "13 October 30
    # people" is a date and a count)
    (
        rf"(?P<year>\b{_MONTH_BACK}[ \t]+(?:\d{{1,2}}[-–])?\d{{1,2}}(?:{_ORDINAL_BACK})?,?[ \t]+"
        rf"|\b\d{{1,2}}(?:{_ORDINAL_BACK})?[ \t]+(?:of[ \t]+)?{_MONTH_BACK},?[ \t]+)"
    ),
    rf"\b{_MONTH_BACK}[ \t]+",                                   # March 29
    # the second day of a span: "December 11 and 12", "March 3-4"
    (
        rf"(?P<span>\b{_MONTH_BACK}[ \t]+\d{{1,2}}(?:{_ORDINAL_BACK})?,?"
        r"[ \t]*(?:(?:and|or|to)[ \t]+|[-–][ \t]*))"
    ),
    r"(?i:\b(?:utc|gmt))[ \t]*[-+−]",                          # UTC+3
    rf"(?<![\w])(?P<name>(?:{alternation(DESIGNATORS, backward=True)})[ \t]+(?:No\.?[ \t]*)?)",
    rf"(?i:{alternation(COPYRIGHT_MARKS, backward=True)}[ \t]*)",
    (
        rf"(?P<media>(?i:\b{alternation(MEDIA_WORDS, backward=True)}[ \t]*:?[ \t]*"
        rf"(?:\d+[ \t]*{alternation(PAGE_OF, backward=True)}[ \t]*)?))"
    ),
    rf"(?i:\b{alternation(COUNTER_WORDS, backward=True)}[ \t]*\()",
    r"(?i:\bshort[ \t]+url[ \t]+(?:\d+[ \t]+)?)",           # Get short URL 0 87
    # "Get short URL Topic US Strike on Syria (200) 2510": a topic's count, then the views
    r"(?i:\bshort[ \t]+url\b)[^.!?\n]{0,120}?\(\d+\)[ \t]+",
    r"#",
    r"[=%&?]",                                              # URL queries: ?q=30%25
    r"=[\"']",                                             # markup: width="300"
    r"[\w\]]\(",                                            # code: alert(1), f(2), a[0](3)
    rf"\p{{L}}(?<!\b(?i:{alternation(TIME_ADVERBS)}))[-/]?",  # COVID-19, Su-24, MH17
    rf"\b(?i:{alternation(DISEASES, backward=True)}|h\d?n)[ \t]*-[ \t]*",  # COVID -19
    r"\d[:/]",                                              # 12:30, 4/5/17
    rf"(?<![^\n])[ \t]*(?:{alternation(WIRE_SLUGS, backward=True)})[ \t]+",  # UPDATE 3-
    r"\d\.\d+\.",                                           # 1.2.3 versions, dotted dates
    rf"\b\d{{3}}[ \t]+(?:{alternation(AIRCRAFT_VARIANTS, backward=True)})[ \t]+",  # 737 MAX 8
)
# What a number that is not a claim starts with.
AT: tuple[str, ...] = (
    r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?",                    # 2019-09-01T10:38:07Z
    rf"\d+[ \t]*(?:-[ \t]*)?(?i:{alternation(READ_UNITS)})[ \t]+(?i:read)\b",
    rf"\d+[ \t]+(?i:{alternation(AGO_UNITS)})[ \t]+(?i:ago)\b",
    rf"\d+[ \t]+(?i:{alternation(SOCIAL_COUNTS)})\b",
    r"911[ \t]+(?i:calls?|dispatchers?|operators?|system)\b",  # 911 calls
    rf"\d{{1,2}}(?:{_ORDINAL})?[ \t]+(?:of[ \t]+)?{MONTHS}(?![\w])",
    # 4/5/17, not 1-1/2; "09.04.2017Get short URL", a date an archive glued to the next word
    r"\d{1,4}(?P<date_mark>[/.-])\d{1,2}(?P=date_mark)(?:\d{1,4}\b|(?:19|20)\d{2}(?=\p{Lu}))",
    rf"\d{{1,2}}(?:[:.]\d{{2}})?[ \t]*(?i:{_CLOCK_MARK})(?![\w])",
    r"\d{1,2}:\d{2}",
    # a time of day before its zone, alone or as a span: "10.45 local time", "between 11.30
    # and 12.00 local time"
    (
        rf"{TIME_OF_DAY}(?:[ \t]*(?:and|to|-|–)[ \t]*{TIME_OF_DAY})?"
        rf"[ \t]+(?:(?i:local[ \t]+time)|{_CLOCK_ZONE})\b"
    ),
    rf"(?:[1-9]|1[0-2])[0-5]\d[ \t]*(?i:{_CLOCK_MARK})(?![\w])",  # "630 a.m." without its colon
    # a count before a Related-links list or a Tags line: "24 Related Four ...", "70 Tags"
    r"\d+[ \t]+(?:Related(?=[ \t]*:|[ \t]+\p{Lu})|Tags\b)",
    rf"\d{{4}}[ \t]*{_CLOCK_ZONE}\b",
    r"(?:\+\d{1,3}[ \t.-]?)?\(?\d{2,4}\)?[ \t.-]\d{3}[ \t.-]\d{4}\b",
    # Phone numbers with a trunk zero or a country code: "0800 123 4567", "08000 858531",
    # "(020) 7946 0958", "+44 20 7946 0958", "+33 1 23 45 67 89".
    r"\(?0\d{2,4}\)?[ \t.-]\d{3,8}(?:[ \t.-]\d{3,4})?\b",
    r"(?<=\+)\d{1,3}(?:[ \t.-]\(?\d{1,5}\)?){2,5}\b",
    r"911\b(?<=\b(?i:call(?:ed|ing|s)?|(?:tips?|calls?)[ \t]+to)[ \t]+911)",  # a tip to 911
    # A two-character code before a number names a flight or a model: "BA 747", "QZ 8501".
    (
        rf"(?<=(?<![\w.])\p{{Lu}}[\p{{Lu}}\d][ \t])(?<!\b(?:{alternation(CAPITAL_WORDS)})[ \t])"
        r"\d{1,4}\b(?![.,]\d)"
    ),
    r"(?<=\+)\d{1,4}[ \t]+\p{Lu}\p{Ll}",                     # +972 Magazine
    r"(?<=\b(?i:on)[ \t]+)(?:[1-9]|[12]\d|3[01])(?=[.,;](?!\d))",  # a day: "due on 26."
    r"\d{3}-\d{4}\b",
    # a leading zero: a 24-hour time ("at 0914") or a code, never an amount
    r"0(?=\d*[1-9])\d{2,}\b(?![.,]\d)",
    r"(?:19|20)\d{2}[ \t]*(?:-|–|/)[ \t]*(?:19|20)?\d{2}\b",
    r"(?:19|20)?\d0s\b",
    r"(?:1[5-9]|20)\d{2}s\b",                               # 2018s (apostrophe stripped)
    # Street addresses: "575 Wilbraham Road", "22 Ave Foch", "9 E 71st St", "221B Baker Street".
    (
        rf"\d{{1,5}}[A-Z]?(?:[-–]\d{{1,5}})?[ \t]+(?!(?:{_NOT_STREET})\b)"
        rf"(?:(?:\p{{Lu}}[\p{{L}}.]*|\d+(?:{_ORDINAL}))[ \t]+){{1,3}}(?:{_STREET})\b"
    ),
    rf"\d{{1,5}}[ \t]+(?:{_STREET})[ \t]+\p{{Lu}}",
    rf"\d{{3}}[ \t]+{alternation(AIRCRAFT_VARIANTS)}\b",             # Boeing 787 Dreamliner
    rf"\d{{1,3}}[ \t]+{alternation(PRODUCT_VARIANTS)}(?![\w-])",     # and 15 Pro Max
    r"\d{2}ers\b",                                          # the 49ers, 76ers
    r"\d{5}[ \t]+(?i:zip)\b",                               # 90049 ZIP Code
    rf"\d+(?i:{_ORDINAL})\b",
)
# Words that open a line of page furniture: "Updated 3 hours ago", "Subscribe from €1".
LINE_OPENERS = (
    "updated", "posted", "published", "last update", "last updated", "edited", "follow us",
    "click to",
    "listen this article", "listen this story", "listen this episode",
    "listen the article", "listen the story", "listen the episode",
    "listen to this article", "listen to this story", "listen to this episode",
    "listen to the article", "listen to the story", "listen to the episode",
    "subscribe", "subscription", "sign up", "log in", "register", "join",
    "donate", "support us", "support our", "support independent", "support quality",
    "support local", "become a member", "become a supporter", "become a subscriber",
    "newsletter", "newsletters", "get our newsletter", "get our newsletters",
    "get the newsletter", "get the newsletters",
    "read more", "related", "advertisement", "sponsored", "download our app",
    "download the app", "share this", "get short url", "short url", "views", "tags",
)
# A list's numbering opening a line: "1. Seeing it too much.", "2) Prices".
LIST_NUMBER_RE = regex.compile(r"\d{1,2}[.)][ \t]+(?=\p{Lu})")
# A live blog's timestamp opening a line, before the entry's first word: "04.25 Three ...".
TIMESTAMP_RE = regex.compile(r"\d{1,2}[.:][0-5]\d(?=[ \t]+\p{Lu})")
TIMESTAMP_BEFORE_RE = ending_at(r"(?<![^\n])[ \t]*\d{1,2}[.:][0-5]\d[ \t]+")

# A decimal after a date is no year: "49.55 Hz on 9 May, 49.52 Hz on 20 June".
DECIMAL_RE = regex.compile(r"\d+\.\d")
# The second day of a span ends the date: a year, punctuation or a capital follows, not a
# noun it counts ("December 11 and 12 2016", but "December 11 and 12 people died").
DAY_END_RE = regex.compile(rf"\d{{1,2}}(?:{_ORDINAL})?(?![\w])(?![ \t]+\p{{Ll}})")
MONTH_RE = regex.compile(rf"\b{MONTHS}")
# The year of a date written after its day: four digits, or two after an apostrophe.
YEAR_AFTER_DAY_RE = regex.compile(r"(?:\d{4}|['’]\d\d)(?!\d)")
# A sentence's end inside a line: "Posted on 7 May. Shells killed 64 people." is a date line
# and then copy, however short.
SENTENCE_END_RE = regex.compile(r"[.!?][ \t]+\p{Lu}")
# Furniture lines are short; a longer line that opens with "Subscribers" or "Join" is copy.
LINE_MAX = 160
# How far back from a number its line's start is looked for: a line opened further back is
# prose, and looking further made long texts without line breaks slow down quadratically.
LINE_LOOKBACK = 200
# The rest of a number that is part of a name or date: "20-24" in "Sept. 20-24".
TAIL_RE = regex.compile(r"[\d.,]*(?:[-–]\d+|[ \t]+[-–][ \t]+\d+)?")
# The next item of a list of names: ", 2139", " and 2235".
NEXT_NAME_RE = regex.compile(r"(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+)(\d+)\b")
DIGITS_RE = regex.compile(r"\d+")
BEFORE_RE = ending_at("|".join(f"(?:{p})" for p in BEFORE))
_BEFORE = group_numbers(BEFORE_RE)
# The words a BEFORE pattern ending in spaces may have right before them, case-folded: the
# lexicons' words and the patterns' own ("of", "to", "url"). A figure after spaces that
# follow any other plain word ("at least 12") is not tried against BEFORE_RE.
_WORDS_BEFORE_SPACES = frozenset(
    folded(word)
    for phrase in (
        *MONTH_NUMBERS, *ORDINAL_SUFFIXES, *DESIGNATORS, *MEDIA_WORDS, *PAGE_OF,
        *COPYRIGHT_MARKS, *WIRE_SLUGS, *AIRCRAFT_VARIANTS, "and", "or", "to", "short url",
    )
    for word in regex.findall(r"\p{L}+", phrase)
)
# The one such word a BEFORE pattern takes at the end of a longer word: "copyright" has no
# word boundary before it.
_ENDINGS_BEFORE_SPACES = tuple(
    folded(mark) for mark in COPYRIGHT_MARKS if mark.isalpha()
)
# "0-to-60-mph": the second end of a hyphened range, not a name such as "Su-24".
HYPHEN_RANGE_RE = ending_at(r"\d-to-")
AT_RE = regex.compile("|".join(f"(?:{p})" for p in AT))
# What every AT pattern starts with: a digit, or the "+" or "(" of a phone number. A number
# in words ("three") is not tried against them.
AT_OPENINGS = frozenset("+(")
# A figure's digits, the spaces after them and the next word: "12 people".
_FIGURE_WORD_RE = re.compile(r"([0-9]+)[ \t]+([^\W\d_]+)")
# The lower-case words an AT pattern takes after a figure and its spaces, case-folded: units
# of time and reading, counters, clock marks and zones, street words, "of" before a month.
_WORDS_AFTER_FIGURES = frozenset(
    folded(word)
    for phrase in (
        *READ_UNITS, "read", *AGO_UNITS, "ago", *SOCIAL_COUNTS, *CLOCK_MARKS, *CLOCK_ZONES,
        *STREET_WORDS, *AIRCRAFT_VARIANTS, *PRODUCT_VARIANTS, *MONTH_NUMBERS, "of", "related",
        "tags", "zip",
    )
    for word in regex.findall(r"\p{L}+", phrase)
)
# A furniture line's words are on that line: "Follow us" but not "follow\nus".
_LINE_OPENER = alternation(LINE_OPENERS, space=r"[ \t]+")
LINE_RE = regex.compile(rf"[ \t]*(?i:{_LINE_OPENER})\b")
# A label's date run into the copy after it, with no stop between: "Published September 23
# 2016 Intense bombardment killed 80": the label ends at its date's year.
LABEL_DATE_RE = regex.compile(
    rf"[ \t]*(?i:{_LINE_OPENER})\b[ \t:]*(?:(?i:on)[ \t]+)?"
    rf"(?:(?i:{MONTHS})[ \t]+\d{{1,2}},?|\d{{1,2}}[ \t]+(?i:{MONTHS}),?)[ \t]+\d{{4}}"
    rf"[ \t]+(?=\p{{Lu}})"
)


def _names_end(text: str, pos: int, end: int) -> int:
    """Where a list of names numbered alike ends: "resolutions 2118 and 2235", but not
    "Article 5 and 12 members"."""
    first = DIGITS_RE.match(text, pos)
    if first is None:  # "Channel Four"
        return end
    cursor = first.end()
    digits = cursor - pos
    while (item := NEXT_NAME_RE.match(text, cursor)) and len(item.group(1)) == digits:
        cursor = item.end()
    return max(end, cursor)


def _may_follow_before(text: str, lo: int, pos: int) -> bool:
    """Whether BEFORE_RE may match text[lo:pos]: always, unless spaces come before `pos`
    after a plain word that none of its patterns ends with there, as for most figures."""
    if text[pos - 1] not in " \t":
        return True
    window = text[lo:pos].rstrip(" \t")
    if not window or not window[-1].isalpha():
        return True  # a date's "29," or "29th", a name's "No.", a caption's "(c)"
    word = window.rsplit(None, 1)[-1]
    if not word.isalpha():
        return True
    word = folded(word)
    return word in _WORDS_BEFORE_SPACES or word.endswith(_ENDINGS_BEFORE_SPACES)


def _may_open_at(text: str, pos: int) -> bool:
    """Whether AT_RE may match at `pos`: where a digit, "+" or "(" opens, unless digits and
    spaces come before a lower-case word none of its patterns takes ("12 people"), and no
    leading zero, 911 or two-capital code before them ("BA 747") makes them a code."""
    if not (text[pos].isdigit() or text[pos] in AT_OPENINGS):
        return False
    figure = _FIGURE_WORD_RE.match(text, pos)
    if figure is None or text[pos] == "0" or figure.group(1) == "911":
        return True
    word = figure.group(2)
    if folded(word) in _WORDS_AFTER_FIGURES or _code_before(text, pos):
        return True
    # a capital opens a magazine's name after "+972", or an address's street ("575 Wilbraham
    # Road"); any other word after a figure opens no pattern of AT_RE
    return not word[0].islower() and (
        text[pos - 1 : pos] == "+" or _street_may_follow(text, figure.start(2)))


def _street_may_follow(text: str, start: int) -> bool:
    """Whether an address's street word (STREET_WORDS) may follow the capitalised words from
    `start`: it is the second to fourth of the words there, parted by spaces and tabs as
    AT_RE parts them, and starts with one. A window of words cut short may go on with one."""
    window = text[start : start + _STREET_REACH].split("\n", 1)[0]
    words = [word for word in window.replace("\t", " ").split(" ") if word]
    if len(window) == _STREET_REACH and len(words) <= 4:
        return True
    return any(word.startswith(_STREET_STARTS) for word in words[1:4])


# How far after a figure its address's words are read for a street word, and those words.
_STREET_REACH = 120
_STREET_STARTS = tuple(STREET_WORDS)


def _code_before(text: str, pos: int) -> bool:
    """Whether two characters before `pos` and its space may be a code of capitals ("BA 747",
    "QZ 8501"), as AT_RE's look-behind reads them."""
    return pos >= 3 and text[pos - 1] in " \t" and text[pos - 3].isalpha() and not text[
        pos - 3].islower()


def is_not_claim(text: str, pos: int, glued_ok: bool = False) -> int:
    """Where the non-claim starting at `pos` ends (a date, time, name, phone number or page
    furniture), so numbers inside it ("555-0123") are skipped too; 0 when it is a claim.

    After a currency written in letters ("RM5") or "minus-" the letters are not a name."""
    lo = max(0, pos - 28)
    before = (
        BEFORE_RE.match(text, lo, pos, KEEP_GIL)
        if pos and not glued_ok and _may_follow_before(text, lo, pos)
        else None
    )
    if (
        before
        and before.end() - before.start() <= 2
        and HYPHEN_RANGE_RE.match(text, max(0, pos - 8), pos)
    ):
        before = None
    if before and before.group(_BEFORE.media) and CAPTIONED_COUNT_RE.match(text, pos):
        before = None  # "Video: 6 bodies found", not "Photo 3 of 12"
    if before and before.group(_BEFORE.span) and not DAY_END_RE.match(text, pos):
        before = None
    if (before and before.group(_BEFORE.year)
            and not YEAR_AFTER_DAY_RE.match(text, pos, None, KEEP_GIL)
            and not DAY_END_RE.match(text, pos, None, KEEP_GIL)):
        before = None  # "On October 13th 30 people were killed": a count after the date
    if before and not (
        DECIMAL_RE.match(text, pos, None, KEEP_GIL)
        and MONTH_RE.search(before.group(), 0, None, KEEP_GIL)
    ):
        end = TAIL_RE.match(text, pos, None, KEEP_GIL).end()  # "Sept. 20-24", "Resolution 2254"
        return _names_end(text, pos, end) if before.group(_BEFORE.name) else end
    at = AT_RE.match(text, pos, None, KEEP_GIL) if _may_open_at(text, pos) else None
    if at:
        return at.end()
    newline = text.rfind("\n", max(0, pos - LINE_LOOKBACK), pos)
    if newline < 0 and pos > LINE_LOOKBACK:
        return 0  # a line this long before the number is prose, not a timestamp or furniture
    line_start = newline + 1
    if not text[line_start:pos].strip() and (
        stamp := TIMESTAMP_RE.match(text, pos) or LIST_NUMBER_RE.match(text, pos)
    ):
        return stamp.end()
    if (pos - line_start < 80 and LINE_RE.match(text, line_start, None, KEEP_GIL) is not None
            and not SENTENCE_END_RE.search(text, line_start, pos)
            and not _past_label_date(text, line_start, pos)):
        line_end = text.find("\n", pos)
        if (line_end if line_end >= 0 else len(text)) - line_start < LINE_MAX:
            return pos + 1
    return 0


def _past_label_date(text: str, line_start: int, pos: int) -> bool:
    """Whether a figure comes after the date that ends its line's label ("Published
    September 23 2016 Intense bombardment killed 19"): copy, not the label's furniture."""
    label = LABEL_DATE_RE.match(text, line_start, pos, KEEP_GIL)
    return label is not None and label.end() <= pos


def timestamp_before(text: str, pos: int) -> bool:
    """Whether a live blog's timestamp opens the line right before `pos` ("04.25 Three")."""
    return TIMESTAMP_BEFORE_RE.match(text, max(0, pos - 12), pos) is not None


# The label a page's footer of links to other stories opens with: "Related News".
LINK_LIST_LABELS = ("News", "Articles", "Stories", "Coverage", "Content", "Posts")
# A list of links to other stories run into the text of a page whose line breaks were lost:
# from "Related" to "Tags" with no sentence's end between, or from a "Related News" label to
# the end of its line. Its numbers are other stories' headlines ("Related Air Strikes Kill at
# Least 12 Civilians in ... Tags shelling", "Related News Air strike kills 54 in ...").
LINK_LIST_RE = regex.compile(
    r"\bRelated[ \t]+\p{Lu}[^.!?\n]{0,1500}?[ \t]Tags\b"
    rf"|\bRelated[ \t]+{alternation(LINK_LIST_LABELS)}\b[^\n]*"
)


def link_lists(text: str) -> list[tuple[int, int]]:
    """The spans of the related-links lists in `text`, in order: no number in them is a
    claim of the story."""
    if "Related" not in text:
        return []
    return [found.span() for found in LINK_LIST_RE.finditer(text)]
