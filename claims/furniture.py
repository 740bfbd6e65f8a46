"""Numbers that are not claims: dates, clock times, names with numbers, phone numbers and
page furniture ("2 min read", "Updated 3 hours ago"). Each row is one phenomenon."""

from __future__ import annotations

import regex

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|\.)?"
# Capitalised words that turn the number after them into a name: "Resolution 2254".
DESIGNATORS = (
    "Resolution", "Resolutions", "Section", "Row", "Article", "Chapter", "Route", "Highway",
    "Flight", "Room", "Page", "No", "No.", "Nos", "Number", "Unit", "Level", "Phase",
    "Stage", "Division", "Brigade", "Battalion", "Regiment", "Gate", "Building", "Block",
    "Sector", "Zone", "Terminal", "Platform", "Track", "Precinct", "Ward", "Channel",
    "Episode", "Season", "Volume", "Vol.", "Part", "Act", "Scene", "Grade", "Apollo", "Mark",
    "Model", "Version", "Series", "Windows", "iPhone", "Galaxy", "Pixel", "Ligue", "Formula",
    "Liga", "Bundesliga", "Serie", "Championship", "Interstate", "Exit", "Pier", "Lane",
    "Street", "Avenue", "Road", "Checkpoint", "Decree", "Law",
    "Bill", "Item", "Paragraph", "Clause", "Annex", "Protocol", "Operation", "Task Force",
    "Squadron", "Fleet", "Corps", "Vision", "Agenda", "PS", "Xbox", "Boeing", "Airbus", "Tu",
    "Su", "MiG",
    "Tier", "Category", "Class", "Type", "Code", "Rule", "Amendment", "Article",
)
# Page furniture and other non-claims, matched over the whole text once.
NOT_CLAIMS: tuple[str, ...] = (
    r"(?i:\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read\b)",
    r"(?im:^[ \t]*(?:updated|posted|published|last\s+update[d]?|edited)\b[^\n]{0,60})",
    r"(?i:\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b)",
    r"(?i:\bclick\s+to\s+(?:enlarge|expand|zoom|play|view)\b)",
    r"(?i:\b(?:photo|image|picture|slide|gallery|video)s?\s*:?\s*\d+\s*(?:of|/)\s*\d+\b)",
    r"(?i:\b\d+\s+(?:comments?|shares?|likes?|views?|retweets?|replies)\b)",
    r"(?i:(?:©|\(c\)|copyright)\s*\d{4}(?:\s*-\s*\d{4})?)",
    r"(?i:\b(?:comments?|shares?)\s*\(\d+\)\s*)",
    r"(?i:\bfollow\s+us\b[^\n]*)",
    rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s*\d{{4}})?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?![\w])(?:\s*,?\s*\d{{4}})?",
    rf"\b{MONTHS}\s*,?\s+\d{{4}}\b",
    rf"\b{WEEKDAYS}\s+\d{{1,2}}\b",
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b",
    r"(?i:\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![\w]))",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T))?",
    r"\b\d{4}\s*(?:GMT|UTC|hrs|hours\s+GMT)\b",
    r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{2,4}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    r"\b\d{3}-\d{4}\b",
    r"(?i:\b(?:19|20)\d{2}\s*(?:-|–|to|/)\s*(?:19|20)?\d{2}\b)",
    r"(?i:\b(?:19|20)?\d0s\b)",
    r"(?i:\b\d+(?:st|nd|rd|th)\b)",
    r"#\d+",
    r"(?<=\b\p{L}[\p{L}.]*[-/]?)\d+(?:[-/.]\d+)*",
    r"(?<![\w])(?:" + "|".join(regex.escape(d) for d in DESIGNATORS) + r")\s+(?:No\.?\s*)?\d+",
)
NOT_CLAIMS_RE = regex.compile("|".join(f"(?:{p})" for p in NOT_CLAIMS))


def spans(text: str) -> list[tuple[int, int]]:
    """Sorted character spans of `text` where no claim may start."""
    return [m.span() for m in NOT_CLAIMS_RE.finditer(text)]
