"""Numbers that are not claims: dates, clock times, names with numbers, phone numbers and
page furniture ("2 min read", "Updated 3 hours ago").

Each table row is one phenomenon. They are checked only around a candidate number (the words
just before it, the characters from it on, its line), never over the whole text, because a
scan of every character with dozens of alternatives would cost more than extraction itself.
"""

from __future__ import annotations

import regex

from claims.extraction.patterns import alternation, ending_at

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
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
    "Week", "Day", "Round", "Stage", "Big", "Pac", "Top", "Hot", "A.D.", "AD", "Fortune",
    "Category", "category", "Level", "Gen", "Generation", "Mk", "Gemini", "Soyuz",
    # Market indices: "the S&P 500 rose", "FTSE 100", "Stoxx 600" (and "S P 500" when the
    # ampersand was stripped).
    "S&P", "S P", "S&P/ASX", "S&P/TSX", "sp", "SP", "FTSE", "Stoxx", "STOXX", "Nasdaq",
    "NASDAQ", "ASX", "Nikkei", "Russell", "Hang Seng", "CAC", "DAX", "KOSPI", "Sensex",
    "Nifty", "MSCI", "TOPIX", "IBEX", "AEX", "OMX", "SMI", "Dow", "Euro Stoxx",
    # Short codes and hotlines: "text 5505", "send a text message to 5505", "dial 112".
    "text", "Text", "txt", "SMS", "sms", "text message to", "text message on", "dial", "Dial",
    "hotline", "Hotline", "helpline", "Helpline", "hotline on", "helpline on",
)
STREET_WORDS = (
    "Road", "Rd", "Street", "St", "Avenue", "Ave", "Way", "Lane", "Ln", "Drive", "Dr",
    "Boulevard", "Blvd", "Place", "Pl", "Court", "Ct", "Square", "Sq", "Terrace", "Crescent",
    "Parkway", "Pkwy", "Highway", "Hwy", "Close", "Rue", "Via", "Strasse", "Straße",
)
# What stands right before a number that is part of a date, a name or furniture.
BEFORE: tuple[str, ...] = (
    rf"\b{MONTHS}[ \t]+",                                   # March 29
    rf"\b{MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+",  # March 29, 2017
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTHS},?[ \t]+",  # 29 March 2017
    rf"(?<![\w])(?:{alternation(DESIGNATORS, backward=True)})[ \t]+(?:No\.?[ \t]*)?",
    r"(?i:(?:©|\(c\)|copyright)[ \t]*)",
    r"(?i:\b(?:photo|image|picture|slide|gallery|video)s?[ \t]*:?[ \t]*(?:\d+[ \t]*(?:of|/)[ \t]*)?)",
    r"(?i:\b(?:comments?|shares?)[ \t]*\()",
    r"#",
    r"[=%&?]",                                              # URL queries: ?q=30%25
    r"=[\"']",                                             # markup: width="300"
    r"[\w\]]\(",                                            # code: alert(1), f(2), a[0](3)
    r"\p{L}(?<!\b(?i:now|then|once|soon))[-/]?",             # COVID-19, Su-24, MH17
    r"\b(?i:covid|sars|mers|h\d?n)[ \t]*-[ \t]*",          # COVID -19
    r"\d[:/]",                                              # 12:30, 4/5/17
    r"\d\.\d+\.",                                           # 1.2.3 versions, dotted dates
)
# What a number that is not a claim starts with.
AT: tuple[str, ...] = (
    r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?",                    # 2019-09-01T10:38:07Z
    r"\d+[ \t]*(?:-[ \t]*)?(?i:min|mins|minute|minutes)[ \t]+(?i:read)\b",
    r"\d+[ \t]+(?i:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)[ \t]+(?i:ago)\b",
    r"\d+[ \t]+(?i:comments?|shares?|likes?|views?|retweets?|replies)\b",
    rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTHS}(?![\w])",
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b",
    r"\d{1,2}(?:[:.]\d{2})?[ \t]*(?i:a\.[ \t]?m\.?|p\.[ \t]?m\.?|am|pm)(?![\w])",
    r"\d{1,2}:\d{2}",
    r"\d{4}[ \t]*(?:GMT|UTC|hrs|hours[ \t]+GMT)\b",
    r"(?:\+\d{1,3}[ \t.-]?)?\(?\d{2,4}\)?[ \t.-]\d{3}[ \t.-]\d{4}\b",
    r"\d{3}-\d{4}\b",
    r"(?:19|20)\d{2}[ \t]*(?:-|–|/)[ \t]*(?:19|20)?\d{2}\b",
    r"(?:19|20)?\d0s\b",
    r"(?:1[5-9]|20)\d{2}s\b",                               # 2018s (apostrophe stripped)
    # Street addresses: "575 Wilbraham Road", "22 Ave Foch", "9 E 71st St".
    (
        rf"\d{{1,5}}(?:[-–]\d{{1,5}})?[ \t]+(?:(?:\p{{Lu}}[\p{{L}}.]*|\d+(?:st|nd|rd|th))[ \t]+){{1,3}}"
        rf"(?:{alternation(STREET_WORDS)})\b"
    ),
    rf"\d{{1,5}}[ \t]+(?:{alternation(STREET_WORDS)})[ \t]+\p{{Lu}}",
    r"\d{3}[ \t]+(?:Dreamliner|Max|MAX|Neo|neo)\b",             # Boeing 787 Dreamliner
    r"\d{2}ers\b",                                          # the 49ers, 76ers
    r"\d{5}[ \t]+(?i:zip)\b",                               # 90049 ZIP Code
    r"\d+(?i:st|nd|rd|th)\b",
)
# Lines that are page furniture as a whole.
LINES: tuple[str, ...] = (
    r"(?i:(?:updated|posted|published|last[ \t]+update[d]?|edited|follow[ \t]+us|click[ \t]+to)\b)",
    r"(?i:(?:listen|listen[ \t]+to)[ \t]+(?:this|the)[ \t]+(?:article|story|episode)\b)",
    r"(?i:(?:subscribe|subscription|sign[ \t]+up|log[ \t]+in|register|join)\b)",
    r"(?i:(?:donate|support[ \t]+(?:us|our|independent|quality|local)\b|become[ \t]+a[ \t]+(?:member|supporter|subscriber))\b)",
    r"(?i:(?:get[ \t]+(?:our|the)[ \t]+)?newsletters?\b)",
    r"(?i:(?:read[ \t]+more|related|advertisement|sponsored|download[ \t]+(?:our|the)[ \t]+app|share[ \t]+this)\b)",
)

# A decimal after a date is no year: "49.55 Hz on 9 May, 49.52 Hz on 20 June".
DECIMAL_RE = regex.compile(r"\d+\.\d")
MONTH_RE = regex.compile(rf"\b{MONTHS}")
# Furniture lines are short; a longer line that opens with "Subscribers" or "Join" is copy.
LINE_MAX = 160
# The rest of a number that is part of a name or date: "20-24" in "Sept. 20-24".
TAIL_RE = regex.compile(r"[\d.,]*(?:[-–]\d+|[ \t]+[-–][ \t]+\d+)?")
BEFORE_RE = ending_at("|".join(f"(?:{p})" for p in BEFORE))
# "0-to-60-mph": the second end of a hyphened range, not a name such as "Su-24".
HYPHEN_RANGE_RE = ending_at(r"\d-to-")
AT_RE = regex.compile("|".join(f"(?:{p})" for p in AT))
LINE_RE = regex.compile(r"[ \t]*(?:" + "|".join(LINES) + ")")


def is_not_claim(text: str, pos: int, glued_ok: bool = False) -> int:
    """Where the non-claim starting at `pos` ends (a date, time, name, phone number or page
    furniture), so numbers inside it ("555-0123") are skipped too; 0 when it is a claim.

    After a currency written in letters ("RM5") or "minus-" the letters are not a name."""
    before = BEFORE_RE.match(text, max(0, pos - 28), pos) if pos and not glued_ok else None
    if (
        before
        and before.end() - before.start() <= 2
        and HYPHEN_RANGE_RE.match(text, max(0, pos - 8), pos)
    ):
        before = None
    if before and not (DECIMAL_RE.match(text, pos) and MONTH_RE.search(before.group())):
        return TAIL_RE.match(text, pos).end()  # "Sept. 20-24", "Resolution 2254"
    at = AT_RE.match(text, pos)
    if at:
        return at.end()
    line_start = text.rfind("\n", 0, pos) + 1
    if pos - line_start < 80 and LINE_RE.match(text, line_start) is not None:
        line_end = text.find("\n", pos)
        if (line_end if line_end >= 0 else len(text)) - line_start < LINE_MAX:
            return pos + 1
    return 0
