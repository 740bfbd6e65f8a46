"""Who in the text makes a claim: "according to X", "X said", "said X", "X's figures show"."""

from __future__ import annotations

import re

import regex

from claims.patterns import alternation, ending_at

REPORTING_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "told", "tells", "estimated",
    "estimates", "announced", "announces", "stated", "states", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "noted", "warned", "documented", "recorded",
    "counted", "tallied", "put the toll", "put the death toll", "put the number",
    "quoted", "cited", "wrote", "tweeted", "posted", "declared", "revealed", "disclosed",
)
FIGURE_NOUNS = ("figures", "data", "statistics", "tally", "count", "estimates", "records", "numbers")
# Words that open a noun phrase; the phrase before a reporting verb starts at one of them.
DETERMINERS = frozenset([
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"
])
# Words a speaker's name never runs through.
NP_STOPS = frozenset(
    [
        "in", "on", "at", "by", "from", "with", "to", "into", "after", "before", "during", "since",
        "and", "or", "but", "as", "when", "while", "which", "who", "that", "were", "was", "are",
        "is", "been", "being", "has", "have", "had", "be", "killed", "wounded", "injured", "died",
        "attack", "attacks", "also", "however", "meanwhile", "where", "than", "said", "says",
        "told", "according", "if", "because", "although", "though", "killing", "including", "among",
        "amid", "near", "over", "under", "not", "no", "it", "they", "he", "she", "we", "i", "you",
        "them", "him", "there", "here", "then", "so"
    ]
)
# A speaker can be placed: "officials in Damascus said", "doctors at the hospital told".
PLACE_PREPOSITIONS = frozenset(["in", "at"])
TIME_WORDS = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "night", "morning", "evening", "afternoon", "week", "month", "year",
])
PRONOUNS = frozenset([
    "he", "she", "they", "it", "we", "i", "you", "one", "who", "which", "this", "that"
])

_VERBS = alternation(REPORTING_VERBS)
_NOUNS = alternation(FIGURE_NOUNS)
ACCORDING_PHRASES = (
    "according to", "citing", "cited by", "quoting", "data from", "figures from",
    "statistics from", "estimates from", "a tally by", "figures released by",
    "figures compiled by",
)
# Scanned over each sentence with a claim; `\b` and a leading literal alternation keep the
# scans cheap (a lookbehind or an optional prefix is tried at every position). They run on
# the lower-cased sentence with the standard library's `re`, where a case-sensitive
# alternation is about twice as fast as `regex` with (?i); the case-insensitive `regex`
# forms serve the rare sentence whose lower case changes its length ("İ").
_ACCORDING = rf"\b(?:{alternation(ACCORDING_PHRASES)})\s+(?P<src>[^,.;:()\"“”\n]{{2,90}})"
_VERB = rf"\b(?:{_VERBS})\b"
_FIGURES_SHOW = (
    rf"\b(?:{_NOUNS})\s+(?:show|showed|shows|indicate|indicated|suggest|suggested|put|puts)\b"
)
ACCORDING_RE = regex.compile(_ACCORDING, regex.IGNORECASE)
VERB_RE = regex.compile(_VERB, regex.IGNORECASE)
FIGURES_SHOW_RE = regex.compile(_FIGURES_SHOW, regex.IGNORECASE)
_LOWER_SCANS = (re.compile(_ACCORDING), re.compile(_FIGURES_SHOW), re.compile(_VERB))
AUXILIARY_BEFORE_RE = ending_at(r"(?i:\b(?:has|have|had)\s+)")
CLAIMED_LIVES_RE = regex.compile(
    r"\s+(?:the\s+lives\b|(?i:more\s+than|at\s+least|over|about|nearly|some|up\s+to|dozens|"
    r"hundreds|scores|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d)"
)
POSSESSIVE_BEFORE_RE = ending_at(r"(?:'s|’s)?\s+")
SAID_BY_RE = regex.compile(
    rf"(?i:{_VERBS})\s+(?P<src>(?:the\s+)?\p{{Lu}}[^,.;:()\"“”\n]{{1,80}})"
)
_TAIL_STOP_RE = regex.compile(
    r"\s+(?:on|in|at|which|who|that|as|and|said|says|told|after|when|while|last|this|"
    r"earlier|late|early|for\s+the|in\s+its|to)\b.*\Z|\s+\d.*\Z",
    regex.IGNORECASE | regex.DOTALL,
)
_WORD_RE = regex.compile(r"[\p{L}\d][\p{L}\d'’.&-]*")


def _trim(phrase: str) -> str | None:
    phrase = _TAIL_STOP_RE.sub("", phrase.strip()).strip(" -'\"")
    if not phrase or phrase.lower() in PRONOUNS or len(phrase) < 2:
        return None
    return phrase


def _place_preposition(sentence: str, words: list, index: int) -> bool:
    """Is words[index] the "in"/"at" of a speaker placed somewhere: "Activists in Velmora",
    "doctors at the hospital"? The word before it must be a noun, not "killed in"."""
    if index < 1 or words[index].group().lower() not in PLACE_PREPOSITIONS:
        return False
    noun = words[index - 1]
    word = noun.group().lower()
    return not (
        word in NP_STOPS
        or word in DETERMINERS
        or word.endswith(("ed", "ing"))
        or not noun.group().isalpha()
        or any(c in sentence[noun.end() : words[index].start()] for c in ",;:\"“”()")
    )


def _after_event(word) -> bool:
    lowered = word.group().lower()
    return lowered.endswith("ed") or lowered in ("died", "dead", "killing", "fighting")


def _speaker_before(sentence: str, verb_start: int) -> str | None:
    """The noun phrase ending just before a reporting verb, read backwards."""
    words = list(_WORD_RE.finditer(sentence, 0, verb_start))
    if not words:
        return None
    taken: list = []
    for index in range(len(words) - 1, -1, -1):
        match = words[index]
        between = sentence[match.end() : taken[-1].start() if taken else verb_start]
        if any(c in between for c in ",;:\"“”()") or len(taken) >= 8:
            break
        word = match.group().lower()
        acronym = len(word) > 1 and match.group().isupper()  # "WHO said", "IT firms"
        if word in NP_STOPS and not acronym and not (
            word in ("for", "of") and taken and taken[-1].group()[0].isupper()
        ) and not (taken and _place_preposition(sentence, words, index)):
            if taken and index and word in PLACE_PREPOSITIONS and _after_event(words[index - 1]):
                return None  # "12 people killed in Aleppo said the Observatory"
            break
        if any(ch.isdigit() for ch in word):
            break
        taken.append(match)
        if word in DETERMINERS and not _place_preposition(sentence, words, index - 1):
            break
    while taken and taken[-1].group().lower() in ("of", "for"):
        taken.pop()
    if not taken or all(m.group().lower() in DETERMINERS for m in taken):
        return None  # "An estimated 5 million"
    phrase = sentence[taken[-1].start() : taken[0].end()]
    if phrase.lower() in PRONOUNS and not (len(phrase) > 1 and phrase.isupper()):
        return None
    if phrase.lower() in TIME_WORDS:
        return None  # "died on Sunday said the ministry": a time, not a speaker
    return phrase


def attributions(sentence: str) -> list[tuple[int, str]]:
    """Every attribution in a sentence as (offset in the sentence, source name)."""
    found: list[tuple[int, str]] = []
    lowered = sentence.lower()
    if len(lowered) == len(sentence):
        according, figures_show, verbs = (scan.finditer(lowered) for scan in _LOWER_SCANS)
    else:
        according, figures_show, verbs = (
            scan.finditer(sentence) for scan in (ACCORDING_RE, FIGURES_SHOW_RE, VERB_RE)
        )
    for match in according:
        source = _trim(sentence[match.start("src") : match.end("src")])
        if source:
            found.append((match.start(), source))
    for match in figures_show:
        owner = POSSESSIVE_BEFORE_RE.match(sentence, max(0, match.start() - 8), match.start())
        at = owner.start() if owner else match.start()
        source = _speaker_before(sentence, at)
        if source:
            found.append((at, source))
    for match in verbs:
        if CLAIMED_LIVES_RE.match(sentence, match.end()) and match.group()[:5].lower() == "claim":
            continue  # "the bombing claimed 12 lives" names no source
        auxiliary = AUXILIARY_BEFORE_RE.match(sentence, max(0, match.start() - 8), match.start())
        at = auxiliary.start() if auxiliary else match.start()
        speaker = _speaker_before(sentence, at)
        if speaker:
            found.append((at, speaker))
            continue
        after = SAID_BY_RE.match(sentence, match.start())
        if after:
            source = _trim(after.group("src"))
            if source:
                found.append((match.start(), source))
    return found


def attributed_to(found: list[tuple[int, str]], offset: int) -> str | None:
    """The attribution nearest to a claim at `offset` within its sentence."""
    if not found:
        return None
    return min(found, key=lambda item: abs(item[0] - offset))[1]
