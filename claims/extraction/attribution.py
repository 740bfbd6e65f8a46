"""Who in the text makes a claim: "according to X", "X said", "said X", "X's figures show"."""

from __future__ import annotations

import re

import regex

from claims.extraction.lexicon import ARTICLES, MONTH_NAMES, POSSESSIVES, WEEKDAY_NAMES
from claims.extraction.patterns import alternation, ending_at

REPORTING_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "told", "tells", "estimated",
    "estimates", "announced", "announces", "stated", "states", "confirmed", "confirms",
    "added", "adds", "claimed", "claims", "noted", "warned", "documented", "recorded",
    "counted", "tallied", "put the toll", "put the death toll", "put the number",
    "quoted", "cited", "wrote", "tweeted", "posted", "declared", "revealed", "disclosed",
)
FIGURE_NOUNS = (
    "figures", "data", "statistics", "tally", "count", "estimates", "records", "numbers",
)
# Words that open a noun phrase; the phrase before a reporting verb starts at one of them.
DETERMINERS = frozenset([*ARTICLES, *POSSESSIVES, "this", "that", "these", "those"])
# Words a speaker's name never runs through.
NP_STOPS = frozenset(
    [
        "in", "on", "at", "by", "from", "with", "to", "into", "after", "before", "during", "since",
        "and", "or", "but", "as", "when", "while", "which", "who", "that", "were", "was", "are",
        "is", "been", "being", "has", "have", "had", "be", "killed", "wounded", "injured", "died",
        "attack", "attacks", "also", "however", "meanwhile", "where", "than", "said", "says",
        "told", "according", "if", "because", "although", "though", "killing", "including", "among",
        "amid", "near", "over", "under", "not", "no", "it", "they", "he", "she", "we", "i", "you",
        "them", "him", "there", "here", "then", "so", "what", "wounding", "injuring", "leaving"
    ]
)
# A speaker can be placed: "officials in Damascus said", "doctors at the hospital told".
PLACE_PREPOSITIONS = frozenset(["in", "at"])
TIME_WORDS = frozenset([
    *WEEKDAY_NAMES, "yesterday", "today", "tonight", "night", "morning", "evening", "afternoon",
    "week", "month", "year",
])
MONTHS = frozenset(MONTH_NAMES) - {"may"}  # "May" is left out: it is also a name
# Where a speaker read backwards stops: with the commas stripped, a time ("Tuesday state media
# said"), a count ("killing two children Al Jazeera said") or a victim noun ("killed civilians
# local media said") ends the clause before the speaker.
COUNT_WORDS = frozenset([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozens", "hundreds", "thousands", "scores", "more",
])
CLAUSE_EDGES = TIME_WORDS | MONTHS | COUNT_WORDS | frozenset([
    "later", "earlier", "midnight", "overnight", "recently", "tomorrow", "weekend", "day",
    "others", "people", "children", "civilians", "women", "men", "persons", "casualties",
    "victims", "deaths", "fighters", "soldiers", "militants", "hours", "days", "weeks", "months",
    "years", "result", "surroundings",
])
# Lower-case words that run on into a capitalised name: titles ("chief Federica Mogherini",
# "agency SANA"), connectors and name particles ("Staffan de Mistura").
NAME_LEADERS = frozenset([
    "agency", "news", "reporter", "correspondent", "director", "chief", "head", "spokesman",
    "spokeswoman", "spokesperson", "minister", "secretary", "envoy", "governor", "activist",
    "official", "commander", "president", "leader", "monitor", "ambassador", "mayor", "general",
    "doctor", "journalist", "photographer", "editor", "channel", "television", "tv", "analyst",
    "expert", "researcher", "professor", "founder", "chairman", "coordinator", "of", "for",
    "de", "da", "di", "del", "van", "von", "bin", "ibn", "al", "el", "abu", "le", "la", "du",
])
# Nouns naming a document rather than who wrote it: "the report said" names no source.
DOCUMENT_NOUNS = frozenset([
    "report", "reports", "statement", "study", "letter", "article", "survey", "document",
])
# Words that may sit between a speaker and its verb: "the monitor had earlier reported".
BEFORE_VERB = (
    "has", "have", "had", "also", "earlier", "later", "recently", "previously", "separately",
    "further", "again", "who spoke on condition of anonymity", "on condition of anonymity",
)
# Verbs that double as nouns: "Initial reports of 20 killed", "Estimates of the toll vary".
NOUN_VERBS = frozenset(["report", "reports", "estimates", "claims", "records", "states"])
# Words that end a name read forwards: without its comma, a clause runs on after "according to
# X" ("according to the UN the war has killed ..."), or a time trails the name.
TAIL_STOPS = (
    "on", "in", "at", "which", "who", "that", "as", "and", "said", "says", "told", "after", "when",
    "while", "last", "this", "earlier", "later", "recently", "late", "early", "for the", "in its",
    "to", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "did",
    "didnt", "they", "he", "she", "it", "we", "there", "those", "these", "more", "some", "dozens",
    "hundreds", "thousands", "scores", "tens", "with", "over", "near", "adding", "saying",
    "speaking", "killed", "claimed", "yesterday", *WEEKDAY_NAMES,
)
# After an initial's point, a capitalised function word opens the next sentence: "the U.N. The".
SENTENCE_OPENERS = ("The", "A", "An", "In", "On", "At", "It", "This", "But", "And")
_NEXT_SENTENCE = rf"(?<=\.)\s+(?=(?-i:{alternation(SENTENCE_OPENERS)})\b)"
# A determiner after a name opens a new phrase ("the UN the war has ..."), unless the name
# leads into it ("the head of the Observatory") or it sits inside one ("Save the Children").
NAME_LINKS = ("of", "for", "by", "from", "with", "to", "at", "in", "on")
PHRASE_OPENERS = ("a", "an", "its", "their")
_NEW_PHRASE = (
    rf"(?<!\b{alternation(NAME_LINKS, backward=True)})\s+"
    rf"(?:{alternation(PHRASE_OPENERS)}|the(?!(?-i:\s+\p{{Lu}})))\b"
)
# A speaker's name read forwards may open with a time ("said Thursday state media"), which
# runs on through its joiners ("said Monday night", "said last week").
TIME_JOINERS = frozenset(["night", "morning", "evening", "afternoon", "week", "month", "year"])
LEADING_TIMES = (TIME_WORDS | MONTHS | frozenset([
    "later", "earlier", "midnight", "overnight", "late", "early", "last", "on",
])) - TIME_JOINERS
TIME_RUN = LEADING_TIMES | TIME_JOINERS
# Words after which a lower-case modifier may lead into a name: "the so-called", "in rural".
NAME_OPENERS = DETERMINERS | PLACE_PREPOSITIONS | frozenset(["of", "for"])
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
# A name runs to the first punctuation, but the point of an initial ("the U.N.") is no stop.
_NAME_CHARS = r"(?:[^,.;:()\"“”\n]|(?<=\b\w)\.)"
_ACCORDING = rf"\b(?:{alternation(ACCORDING_PHRASES)})\s+(?P<src>{_NAME_CHARS}{{2,90}})"
_VERB = rf"\b(?:{_VERBS})\b"
# Verbs a figure noun reports with: "figures show", "estimates put".
SHOW_VERBS = (
    "show", "showed", "shows", "indicate", "indicated", "suggest", "suggested", "put", "puts",
)
# What follows a reporting verb used as a noun: "reports of 20 killed", "estimates suggest".
NOUN_USES = (
    "of", "indicate", "indicated", "show", "shows", "showed", "suggest", "suggests", "suggested",
)
_FIGURES_SHOW = rf"\b(?:{_NOUNS})\s+{alternation(SHOW_VERBS)}\b"
ACCORDING_RE = regex.compile(_ACCORDING, regex.IGNORECASE)
VERB_RE = regex.compile(_VERB, regex.IGNORECASE)
FIGURES_SHOW_RE = regex.compile(_FIGURES_SHOW, regex.IGNORECASE)
_LOWER_SCANS = (re.compile(_ACCORDING), re.compile(_FIGURES_SHOW), re.compile(_VERB))
BEFORE_VERB_RE = ending_at(rf"(?i:(?:\b(?:{alternation(BEFORE_VERB, backward=True)})\s+)+)")
NOUN_USE_RE = regex.compile(rf"\s+(?i:{alternation(NOUN_USES)})\b")
NAME_BEFORE_RE = ending_at(r"\p{Lu}[\p{L}.'’-]*\s+")
GLUED_SENTENCE_RE = regex.compile(r"(?<=\p{Ll}\p{Ll})\.(?=\p{Lu})")
# What "claimed" is followed by when it means killed: "claimed the lives of", "claimed 12".
LIVES_OPENERS = (
    "more than", "at least", "over", "about", "nearly", "some", "up to", "dozens", "hundreds",
    "scores", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)
CLAIMED_LIVES_RE = regex.compile(
    rf"\s+(?:the\s+lives\b|(?i:{alternation(LIVES_OPENERS)})\b|\d)"
)
POSSESSIVE_BEFORE_RE = ending_at(r"(?:'s|’s)?\s+")
SAID_BY_RE = regex.compile(
    rf"(?i:{_VERBS})\s+(?P<src>(?:the\s+)?\p{{Lu}}{_NAME_CHARS}{{1,80}})"
)
_TAIL_STOP_RE = regex.compile(
    rf"(?:\s+(?:{alternation(TAIL_STOPS)})\b|{_NEW_PHRASE}|{_NEXT_SENTENCE}|\s+\d).*\Z",
    regex.IGNORECASE | regex.DOTALL,
)
_WORD_RE = regex.compile(r"[\p{L}\d][\p{L}\d'’.&-]*")


def _speaker(phrase: str) -> str | None:
    """The phrase, or None when it cannot name who speaks: a pronoun, a time, a victim, a bare
    determiner, a document ("the report"), a month or a lone participle ("men interviewed")."""
    lowered = phrase.lower()
    if len(phrase) < 2 or lowered in PRONOUNS or lowered in CLAUSE_EDGES or lowered in DETERMINERS:
        return None
    if phrase.islower() and " " not in phrase and phrase.endswith(("ed", "ing")):
        return None
    head = lowered.rsplit(None, 1)
    bare = len(head) == 1 or head[0] in DETERMINERS
    if bare and (head[-1] in DOCUMENT_NOUNS or head[-1] in MONTHS):  # "a February 2016 report"
        return None
    return phrase


def _trim(phrase: str) -> str | None:
    """A name read forwards ("according to X", "said X"), cut where the name ends."""
    phrase = GLUED_SENTENCE_RE.split(phrase)[0]
    phrase = _TAIL_STOP_RE.sub("", phrase.strip()).strip(" -'\"")
    words = phrase.split()
    if words and words[0].lower() in LEADING_TIMES:  # "said Thursday state media"
        while words and words[0].lower() in TIME_RUN:
            words.pop(0)
        phrase = " ".join(words)
    return _speaker(phrase)


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


def _leads_into_name(words: list, index: int) -> bool:
    """May the lower-case words[index] run on into the capitalised word after it? Only a title
    or connector ("chief Federica Mogherini") or a modifier opened by a determiner or place
    preposition ("the so-called Free Council", "in rural Idlib"); not "four children Al Jazeera"."""
    word = words[index].group()
    if word in NAME_LEADERS or not word.islower():
        return True
    return index > 0 and words[index - 1].group().lower() in NAME_OPENERS


def _participle_subject(words: list, index: int) -> int | None:
    """Where a speaker starts whose participle takes the phrase opened by words[index] as its
    object: "a group monitoring the conflict said" is the group, not the conflict."""
    if index < 3 or words[index - 3].group().lower() not in DETERMINERS:
        return None
    participle, noun = words[index - 1].group(), words[index - 2].group().lower()
    if participle.islower() and participle.endswith("ing") and noun not in NP_STOPS:
        return index - 3
    return None


def _after_event(word) -> bool:
    lowered = word.group().lower()
    return lowered.endswith("ed") or lowered in ("died", "dead", "killing", "fighting")


# What a word read backwards before a reporting verb may show: that the speaker's phrase
# ends after it, or that the words before the verb name no speaker at all.
_PHRASE_ENDS = "phrase ends"
_NO_SPEAKER = "no speaker"


def _speaker_before(sentence: str, verb_start: int) -> str | None:
    """The noun phrase ending just before a reporting verb, read backwards."""
    words = list(_WORD_RE.finditer(sentence, 0, verb_start))
    taken = _phrase_before(sentence, words, verb_start)
    return _speaker_taken(sentence, taken) if taken else None


def _phrase_before(sentence: str, words: list, verb_start: int) -> list | None:
    """The words before a reporting verb that may name who speaks, nearest first, back to a
    determiner or an edge: "the local council said"; None when they show the words before
    the verb are a count or an event ("killed 40 people said the Observatory")."""
    taken: list = []
    for index in range(len(words) - 1, -1, -1):
        stop = _stop_before(sentence, words, index, taken, verb_start)
        if stop is _NO_SPEAKER:
            return None
        if stop is _PHRASE_ENDS:
            break
        taken.append(words[index])
        word = words[index].group().lower()
        if word in DETERMINERS and not _place_preposition(sentence, words, index - 1):
            subject = _participle_subject(words, index)
            if subject is not None:
                taken.append(words[subject])
            break
    return taken


def _stop_before(
    sentence: str, words: list, index: int, taken: list, verb_start: int
) -> str | None:
    """Does the phrase read backwards end before words[index] (punctuation, eight words
    taken, the clause before it, a stop word, a figure), or show there is no speaker?"""
    match = words[index]
    between = sentence[match.end() : taken[-1].start() if taken else verb_start]
    if (between != " " and any(c in between for c in ",;:\"“”()")) or len(taken) >= 8:
        return _PHRASE_ENDS
    word = match.group().lower()
    acronym = len(word) > 1 and match.group().isupper()  # "WHO said", "IT firms"
    if taken and not acronym:
        begun = _clause_begun(words, index, taken)
        if begun:
            return begun
    if word in NP_STOPS and not acronym:
        stop = _stop_word(sentence, words, index, taken)
        if stop:
            return stop
    if not word.isalpha() and any(ch.isdigit() for ch in word):
        if taken and not any(ch.isalpha() for ch in word):
            return _NO_SPEAKER  # "killed 40 people said the Observatory": a count
        return _PHRASE_ENDS
    return None


def _clause_begun(words: list, index: int, taken: list) -> str | None:
    """Has the clause before the speaker begun at words[index]: a time, a count or a victim
    ("killing two children Al Jazeera said"), or a lower-case word before a name?"""
    word = words[index].group().lower()
    if word in CLAUSE_EDGES:
        if word in COUNT_WORDS and taken[-1].group().lower() in CLAUSE_EDGES:
            return _NO_SPEAKER  # "killed five children said the Observatory": a count
        return _PHRASE_ENDS
    if (
        taken[-1].group()[0].isupper()
        and word not in NP_STOPS
        and word not in DETERMINERS
        and not _leads_into_name(words, index)
    ):
        return _PHRASE_ENDS
    return None


def _stop_word(sentence: str, words: list, index: int, taken: list) -> str | None:
    """Does the stop word at words[index] end the phrase, unless it joins a name ("Ministry
    of Health said") or places the speaker ("activists in Velmora said")?"""
    word = words[index].group().lower()
    if word in ("for", "of") and taken and taken[-1].group()[0].isupper():
        return None
    if taken and _place_preposition(sentence, words, index):
        return None
    if taken and index and word in PLACE_PREPOSITIONS and _after_event(words[index - 1]):
        return _NO_SPEAKER  # "12 people killed in Aleppo said the Observatory"
    return _PHRASE_ENDS


def _speaker_taken(sentence: str, taken: list) -> str | None:
    """The speaker the words taken name, without a trailing "of" or "for"; None for the
    place of the clause before or for determiners alone."""
    while taken and taken[-1].group().lower() in ("of", "for"):
        taken.pop()
    if taken and taken[-1].group().lower() in PLACE_PREPOSITIONS:
        return None  # "six killed in Velmora market reports": the place of the clause before
    if not taken or all(m.group().lower() in DETERMINERS for m in taken):
        return None  # "An estimated 5 million"
    phrase = GLUED_SENTENCE_RE.split(sentence[taken[-1].start() : taken[0].end()])[-1]
    if len(phrase) > 1 and phrase.isupper():
        return phrase  # "WHO said", "IT said"
    return _speaker(phrase)


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
        verb = sentence[match.start() : match.end()]  # the scan may run on the lower case
        if CLAIMED_LIVES_RE.match(sentence, match.end()) and verb[:5].lower() == "claim":
            continue  # "the bombing claimed 12 lives" names no source
        if verb.lower() in NOUN_VERBS and (
            NOUN_USE_RE.match(sentence, match.end())
            or (
                verb[0].isupper()
                and verb[1:].islower()
                and NAME_BEFORE_RE.match(sentence, max(0, match.start() - 40), match.start())
            )
        ):
            continue  # a noun: "reports of 20 killed", "the United States"
        between = BEFORE_VERB_RE.match(sentence, max(0, match.start() - 60), match.start())
        at = between.start() if between else match.start()
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
