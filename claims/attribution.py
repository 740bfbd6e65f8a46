"""Who in the text makes a claim: "according to X", "X said", "said X", "X's figures show"."""

from __future__ import annotations

import regex

from claims.patterns import alternation

REPORTING_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "told", "tells", "estimated",
    "estimates", "announced", "announces", "stated", "states", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "noted", "warned", "documented", "recorded",
    "counted", "tallied", "put the toll", "put the death toll", "put the number",
    "quoted", "cited", "wrote", "tweeted", "posted", "declared", "revealed", "disclosed",
)
FIGURE_NOUNS = ("figures", "data", "statistics", "tally", "count", "estimates", "records", "numbers")
# Words that open a noun phrase; the phrase before a reporting verb starts at one of them.
DETERMINERS = frozenset("the a an its his her their our this that these those".split())
# Words a speaker's name never runs through.
NP_STOPS = frozenset(
    """in on at by from with to into after before during since and or but as when while which
    who that were was are is been being has have had be killed wounded injured died attack
    attacks also however meanwhile where than said says told according if because although
    though killing including among amid near over under not no it they he she we i you them
    him there here then so""".split()
)
PRONOUNS = frozenset("he she they it we i you one who which this that".split())

_VERBS = alternation(REPORTING_VERBS)
_NOUNS = alternation(FIGURE_NOUNS)
ACCORDING_PHRASES = (
    "according to", "citing", "cited by", "quoting", "data from", "figures from",
    "statistics from", "estimates from", "a tally by", "figures released by",
    "figures compiled by",
)
ACCORDING_RE = regex.compile(
    rf"(?i:{alternation(ACCORDING_PHRASES)})\s+(?P<src>[^,.;:()\"“”\n]{{2,90}})"
)
VERB_RE = regex.compile(rf"(?<![\w])(?:has\s+|have\s+|had\s+)?(?i:{_VERBS})(?![\w])")
FIGURES_SHOW_RE = regex.compile(
    rf"(?:'s|’s)?\s+(?i:{_NOUNS})\s+(?i:show|showed|shows|indicate|indicated|suggest|"
    r"suggested|put|puts)(?![\w])"
)
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


def _speaker_before(sentence: str, verb_start: int) -> str | None:
    """The noun phrase ending just before a reporting verb, read backwards."""
    words = list(_WORD_RE.finditer(sentence, 0, verb_start))
    if not words:
        return None
    taken: list = []
    for match in reversed(words):
        between = sentence[match.end() : taken[-1].start() if taken else verb_start]
        if any(c in between for c in ",;:\"“”()") or len(taken) >= 8:
            break
        word = match.group().lower()
        if word in NP_STOPS and not (word in ("for", "of") and taken and taken[-1].group()[0].isupper()):
            break
        if any(ch.isdigit() for ch in word):
            break
        taken.append(match)
        if word in DETERMINERS:
            break
    while taken and taken[-1].group().lower() in ("of", "for"):
        taken.pop()
    if not taken:
        return None
    phrase = sentence[taken[-1].start() : taken[0].end()]
    return None if phrase.lower() in PRONOUNS else phrase


def attributions(sentence: str) -> list[tuple[int, str]]:
    """Every attribution in a sentence as (offset in the sentence, source name)."""
    found: list[tuple[int, str]] = []
    for match in ACCORDING_RE.finditer(sentence):
        source = _trim(match.group("src"))
        if source:
            found.append((match.start(), source))
    for match in FIGURES_SHOW_RE.finditer(sentence):
        source = _speaker_before(sentence, match.start())
        if source:
            found.append((match.start(), source))
    for match in VERB_RE.finditer(sentence):
        speaker = _speaker_before(sentence, match.start())
        if speaker:
            found.append((match.start(), speaker))
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
