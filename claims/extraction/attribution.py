"""Who in a sentence makes a claim: "according to X", "X said", "said X", "X's figures show",
"X forecast", "expected by X", "per X", "(X)", "in X's view", a headline's "...: X"; a pronoun
("he said") is kept for `claims.extraction.discourse` to resolve, and figures that describe a
speaker ("said Ana, 51,") or sit in another clause (", and X said") are credited to no one."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

import regex

from claims import data
from claims.extraction import furniture, places
from claims.extraction.lexicon import (
    ACCORDING_PHRASES,
    ARTICLES,
    AUXILIARIES,
    BE_FORMS,
    MONTH_NAMES,
    NAME_PARTICLES,
    PASSIVE_REPORTING_VERBS,
    POSSESSIVES,
    QUANTIFIERS,
    REPORTING_VERBS,
    SENTENCE_CONNECTIVES,
    SPEAKER_PRONOUNS,
    VIEW_NOUNS,
    WEEKDAY_NAMES,
)
from claims.extraction.patterns import (
    KEEP_GIL,
    alternation,
    ending_at,
    fold,
    word_scan,
    word_spans,
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
# Words that govern a noun phrase after them, so the phrase is no subject: "across the country".
PREPOSITIONS = frozenset([
    "across", "throughout", "around", "through", "against", "about", "toward", "towards",
    "within", "without", "into", "over", "under", "between", "among", "behind", "beyond", "near",
    "on", "outside", "inside", "along", "beside", "despite",
])
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
    "expert", "researcher", "professor", "founder", "chairman", "coordinator", "economist",
    "meteorologist", "forecaster", "of", "for",
    "de", "da", "di", "del", "van", "von", "bin", "ibn", "al", "el", "abu", "le", "la", "du",
])
# Nouns naming a document rather than who wrote it: "the report said" names no source.
DOCUMENT_NOUNS = frozenset([
    "report", "reports", "statement", "study", "letter", "article", "survey", "document",
])
# Words that may sit between a speaker and its verb: "the monitor had earlier reported",
# "the state is forecasting" (a passive is read before these: "is expected" names no speaker).
BEFORE_VERB = (
    "has", "have", "had", "also", "earlier", "later", "recently", "previously", "separately",
    "further", "again", "who spoke on condition of anonymity", "on condition of anonymity",
    "speaking on condition of anonymity",
    "continued to", "continues to", "went on to", "now", "is", "are", "was", "were",
)
# Verbs that double as nouns: "Initial reports of 20 killed", "Estimates of the toll vary".
NOUN_VERBS = frozenset([
    "report", "reports", "estimate", "estimates", "claims", "records", "states", "forecast",
    "forecasts",
])
# Words that end a name read forwards: without its comma, a clause runs on after "according to
# X" ("according to the UN the war has killed ..."), or a time trails the name.
# Verbs a figure noun reports with: "figures show", "estimates put".
SHOW_VERBS = (
    "show", "showed", "shows", "indicate", "indicated", "suggest", "suggested", "put", "puts",
)
TAIL_STOPS = (
    "on", "in", "at", "which", "who", "that", "as", "and", "said", "says", "told", "after", "when",
    "while", "last", "this", "earlier", "later", "recently", "late", "early", "for the", "in its",
    "to", "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "did",
    "didnt", "they", "he", "she", "it", "we", "there", "those", "these", "more", "some", "dozens",
    "hundreds", "thousands", "scores", "tens", "with", "over", "near", "adding", "saying",
    "speaking", "killed", "claimed", "yesterday", *WEEKDAY_NAMES, *SHOW_VERBS,
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
# Scanned over each sentence with a claim; `\b` and a leading literal alternation keep the
# scans cheap (a lookbehind or an optional prefix is tried at every position). They run on
# the lower-cased sentence with the standard library's `re`, where a case-sensitive
# alternation is about twice as fast as `regex` with (?i); the case-insensitive `regex`
# forms serve the rare sentence whose lower case changes its length ("İ"). The verbs, in
# every sentence, are a `word_scan`, which skips to each character before a word.
# A name runs to the first punctuation, but the point of an initial ("the U.N.") is no stop,
# and a name may quote a title: "the new “dot plot” of rate projections".
_NAME_CHARS = r"(?:[^,.;:()\"“”\n]|(?<=\b\w)\.|“[^”,.;:\n]{1,40}”)"
_ACCORDING = rf"\b(?:{alternation(ACCORDING_PHRASES)})\s+(?P<src>{_NAME_CHARS}{{2,90}})"
_VERB = rf"\b(?:{_VERBS})\b"
# What follows a reporting verb used as a noun: "reports of 20 killed", "estimates suggest".
NOUN_USES = (
    "of", "indicate", "indicated", "show", "shows", "showed", "suggest", "suggests", "suggested",
    "on", "for",
)
_FIGURES_SHOW = rf"\b(?:{_NOUNS})\s+{alternation(SHOW_VERBS)}\b"
ACCORDING_RE = regex.compile(_ACCORDING, regex.IGNORECASE)
VERB_RE = regex.compile(_VERB, regex.IGNORECASE)
FIGURES_SHOW_RE = regex.compile(_FIGURES_SHOW, regex.IGNORECASE)
_LOWER_SCANS = (re.compile(_ACCORDING), re.compile(_FIGURES_SHOW))
_LOWER_VERBS = word_scan(_VERBS)
# The longest word of each "according to" phrase: a sentence holding none of them (most)
# skips that scan, as one holding no figure noun skips the "figures show" scan; a scan
# costs what reading every position does.
_ACCORDING_HINTS = tuple(sorted({max(phrase.split(), key=len) for phrase in ACCORDING_PHRASES}))
BEFORE_VERB_RE = ending_at(rf"(?i:(?:\b(?:{alternation(BEFORE_VERB, backward=True)})\s+)+)")
NOUN_USE_RE = regex.compile(rf"\s*,|\s+(?i:{alternation(NOUN_USES)})\b")
# A count or quantifier before a reporting verb makes it a noun: "two states", "other reports".
COUNTED_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(QUANTIFIERS, backward=True)}|\d[\d,.]*))\s+")
# A singular determiner, perhaps with one word, before a bare "report" or "forecast" makes it
# a noun: "a new report", "its latest forecast" (the verb would be "reports", "forecasts").
ONE_OWNER_BEFORE_RE = ending_at(r"\b(?i:a|an|its|his|her|this)\s+(?:[\p{L}-]+\s+)?")
# "to be" before a participle makes it passive: "growth is expected to", "was also reported".
PASSIVE_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(BE_FORMS, backward=True)})\s+(?:\p{{L}}+ly\s+|now\s+|also\s+)?)"
)
PASSIVE_VERBS = frozenset(PASSIVE_REPORTING_VERBS)
# The agent a passive report names: "expected by the motoring club to travel".
AGENT_RE = regex.compile(rf"\s+by\s+(?P<src>(?:the\s+)?\p{{Lu}}{_NAME_CHARS}{{1,80}})")
# An acronym in brackets between a name and its verb: "the World Health Organisation (WHO)".
ACRONYM_BEFORE_RE = ending_at(r"\s*\(\p{Lu}[\p{Lu}\p{Ll}.&-]{0,11}\)\s*")
# A pronoun that speaks for someone named before: "he said", "It expects".
PRONOUN_BEFORE_RE = ending_at(rf"(?i:\b(?:{alternation(SPEAKER_PRONOUNS, backward=True)}))\s+")
# A name set off by an apposition before its verb: "Lee, the party leader, said",
# "Ana Ruiz, 36, who owns the shop, told".
APPOSED_NAME_RE = regex.compile(
    r"(?P<src>(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})"
    r"(?:,\s+[^,;:()\"“”]{1,80}){1,3},\s+"
)
# A connective opening the sentence before its comma: "However, ", "Meanwhile, ".
CONNECTIVE_OPENING_RE = regex.compile(rf"(?i:{alternation(SENTENCE_CONNECTIVES)}),\s+")
# Where a report goes on after the name read forwards: "said the ministry, adding that".
# Figures between the name's comma and such a word are about the speaker ("said Ana, 51,").
REPORT_GOES_ON_RE = regex.compile(r"\b(?i:adding|saying|noting|warning)\b")
# A source in brackets after a figure ("ranked 17th (Forbes)") or a site's address anywhere
# ("(example.com)"), never a dateline's agency ("BEIRUT (Reuters) -").
BRACKETED_SOURCE_RE = regex.compile(
    r"(?:(?<=\d\p{L}{0,2}\s)(?<!\b(?:19|20)\d\d\s)\((?P<src>\p{Lu}\p{Ll}+)\)"
    r"|\((?P<src>[\w-]+\.(?:com|org|net|gov|edu|int))\))(?!\s*[-–—])"
)
# "per Forbes", not "per cent" or "per capita": the source is capitalised.
PER_SOURCE_RE = regex.compile(rf"\bper\s+(?P<src>(?:the\s+)?\p{{Lu}}{_NAME_CHARS}{{1,80}})")
# "In the fund's view", and a sentence opened by the source's own document: "In its latest
# estimates, the IMF cut ...".
_VIEWS = alternation(VIEW_NOUNS)
VIEW_RE = regex.compile(
    rf"\b(?i:in|by)\s+(?P<src>(?:the\s+\p{{L}}|\p{{Lu}})[^,;:()\"“”\n]{{0,60}}?)['’]s\s+(?:\p{{Ll}}+\s+)?"
    rf"(?i:{_VIEWS})\b"
)
OWN_VIEW_RE = regex.compile(
    rf"(?i:in|according\s+to)\s+(?i:its|their)\s+(?:[\p{{L}}-]+\s+){{0,2}}(?i:{_VIEWS})\s*,\s+"
    r"(?P<src>(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,5})"
)
# A named poll or survey that figures come from: "All 120 economists in a recent Reuters poll
# had expected", "a survey by Gallup".
POLL_NOUNS = ("poll", "survey", "census")
POLL_SOURCE_RE = regex.compile(
    r"\b(?:in|from|by)\s+(?P<src>(?:a|an|the)\s+(?:(?:recent|new|latest|separate|monthly|weekly"
    r"|annual)\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3}\s+"
    rf"(?:{alternation(POLL_NOUNS)}))\b"
)
# A name whose verb acts on its own forecast or count: "The IMF left unchanged its forecast
# for growth, a modest 3.2%", "the World Bank raised its estimate to 400".
OWN_FORECAST_RE = regex.compile(
    r"(?P<src>(?:[Tt]he\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4})\s+"
    rf"(?:\p{{Ll}}+\s+){{1,2}}(?:its|their)\s+(?:[\p{{Ll}}-]+\s+){{0,2}}(?:{_VIEWS})\b"
)
# Its own forecast's words alone, found with the standard library's engine from their
# literal start: most sentences with "its" name no forecast after it.
_OWN_FORECAST_HINT_RE = re.compile(rf" (?:its|their) (?:[a-z-]+ ){{0,2}}(?:{_VIEWS})\b")
NAME_BEFORE_RE = ending_at(r"\p{Lu}[\p{L}.'’-]*\s+")
GLUED_SENTENCE_RE = regex.compile(r"(?<=\p{Ll}\p{Ll})\.(?=\p{Lu})")
# What "claimed" is followed by when it means killed: "claimed the lives of", "claimed 12".
LIVES_OPENERS = (
    "more than", "at least", "over", "about", "nearly", "some", "up to", "dozens", "hundreds",
    "scores", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)
# What "claimed" takes when it owns a deed, reporting no figure: "claimed responsibility for
# the attack, which killed 9".
CLAIMED_DEEDS = ("responsibility", "credit", "the attack", "the bombing", "the killing")
CLAIMED_LIVES_RE = regex.compile(
    rf"\s+(?:the\s+lives\b|(?i:{alternation((*LIVES_OPENERS, *CLAIMED_DEEDS))})\b|\d)"
)
POSSESSIVE_BEFORE_RE = ending_at(r"(?:'s|’s)?\s+")
OWNER_BEFORE_RE = ending_at(r"\p{L}['’]s\s+")
# A comma and conjunction before a speaker open a clause of its own: "pledged $2m, and the
# city said"; without the comma, "and" may join two speakers ("the monitor and medics said").
CONJUNCTION_BEFORE_RE = ending_at(r",\s*(?i:and|but|while|whereas)\s+")
# A title may lead the name after the verb: "said chief economist Ana Ruiz".
_TITLES = alternation(NAME_LEADERS - {"of", "for"})
SAID_BY_RE = regex.compile(
    rf"(?i:{_VERBS})\s+(?P<src>(?:the\s+)?(?:(?:{_TITLES})\s+){{0,2}}\p{{Lu}}{_NAME_CHARS}{{1,80}})"
)
_TAIL_STOP_RE = regex.compile(
    rf"(?:\s+(?:{alternation(TAIL_STOPS)})\b|{_NEW_PHRASE}|{_NEXT_SENTENCE}|\s+\d).*\Z",
    regex.IGNORECASE | regex.DOTALL,
)
# The words before a reporting verb, found backwards from it: each is the span a forward scan
# finds (a run of these characters, from the first that may open a word), so the last few
# need no scan of the rest of the sentence.
_WORD_BACK_RE = regex.compile(r"(?r)[\p{L}\d][\p{L}\d'’.&-]*")
# How many words before a verb `_phrase_before` may read: it takes at most eight, and its
# checks look up to three words before the eighth ("a group monitoring the ...").
WORDS_BEFORE_VERB = 11


def _speaker(phrase: str) -> str | None:
    """The phrase, or None when it cannot name who speaks: a pronoun, a time, a victim, a bare
    determiner, a document ("the report"), a month or a lone participle ("men interviewed")."""
    lowered = phrase.lower()
    if len(phrase) < 2 or lowered in PRONOUNS or lowered in CLAUSE_EDGES or lowered in DETERMINERS:
        return None
    if lowered in SENTENCE_CONNECTIVES:
        return None  # "However, X, who ..., said": the sentence's link, no one who speaks
    if phrase.islower() and " " not in phrase and phrase.endswith(("ed", "ing")):
        return None
    head = lowered.rsplit(None, 1)
    bare = len(head) == 1 or head[0] in DETERMINERS
    if bare and (head[-1] in DOCUMENT_NOUNS or head[-1] in MONTHS):  # "a February 2016 report"
        return None
    if lowered.endswith(("'s", "’s")):
        return None  # a possessive before a participle: "the agency's projected 12% target"
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
    """The noun phrase ending just before a reporting verb, read backwards; none when a
    preposition governs it ("a teacher living in Midan said", "contacts inside Syria said",
    "12 kilometres to the west said"): the speaker is further back, or named after."""
    taken = _phrase_before(sentence, _last_words(sentence, verb_start), verb_start)
    if taken and _governed(sentence, taken[-1].start()):
        taken = _after_governed_place(taken)
    if taken and _word_before(sentence, taken[-1].start()) == "no":
        return None  # "No group announced responsibility": nobody speaks
    return _speaker_taken(sentence, taken) if taken else None


def _word_before(sentence: str, start: int) -> str:
    """The lower-cased word right before `start`, one space between (a dozen letters at most)."""
    if start < 2 or sentence[start - 1] != " ":
        return ""
    space = sentence.rfind(" ", max(0, start - 14), start - 1)
    return sentence[max(space + 1, start - 14) : start - 1].lower()


def _date_line(sentence: str, name: str, end: int) -> bool:
    """Is the name a place in capitals before an agency in brackets, a date line ("DAMASCUS
    (Sputnik)"), not "SANA (the state agency)"?"""
    return (name.isupper() and sentence.startswith(" (", end)
            and places.lookup(places.normalise(name)) is not None)


def _after_governed_place(taken: list) -> list | None:
    """The words after the last place in a phrase a preposition governs, its comma lost:
    "In Homs state television said", "an attack on Turkey Haberturk reported", "on a hospital
    in southern Aleppo Syrian Coalition describes"; none when the preposition governs the
    whole phrase ("living in Midan said", "to the west said")."""
    words = taken[::-1]
    for end in range(len(words) - 1, 0, -1):
        for size in range(min(3, end), 0, -1):
            name = " ".join(m.group() for m in words[end - size : end])
            if name[0].isupper() and places.lookup(places.normalise(name)):
                rest = words[end:]
                return rest[::-1] if _names_speaker(rest) else None
    return None


def _names_speaker(words: list) -> bool:
    """Do the words after a place name a speaker: a name ("Haberturk") or a head noun of
    speech ("state television", "war monitor"), not more of the place ("suburbs", "city")?"""
    return words[0].group()[0].isupper() or words[-1].group().lower() in SPEAKER_HEADS


def _governed(sentence: str, start: int) -> bool:
    """Is the word right before `start`, a space between, a preposition (not the "to" of
    "according to", whose phrase is the source)?"""
    word = _word_before(sentence, start)
    return word in _PREPOSITION_WORDS and not (
        word == "to" and _word_before(sentence, start - len(word) - 1) == "according")


# A verb's helper inside words read after "said", which make them the clause said.
_AUXILIARY_RE = regex.compile(rf"(?i)\b(?:{alternation(AUXILIARIES)})\b")
# The prepositions a speaker's phrase may not follow: those that govern a phrase, those that
# place it, and "to" and "from".
_PREPOSITION_WORDS = PREPOSITIONS | PLACE_PREPOSITIONS | frozenset(["to", "from"])


def _last_words(sentence: str, end: int) -> list:
    """The last WORDS_BEFORE_VERB words before `end` (all of them when fewer), in order, as
    a forward scan finds them: a long sentence's opening is never read."""
    words = []
    for match in _WORD_BACK_RE.finditer(sentence, 0, end, False, KEEP_GIL):
        words.append(match)
        if len(words) == WORDS_BEFORE_VERB:
            break
    words.reverse()
    return words


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
            if _object_of_preposition(sentence, words, index):
                return None  # "the group that represents realtors across the country said"
            subject = _participle_subject(words, index)
            if subject is not None:
                taken.append(words[subject])
            break
    return taken


def _object_of_preposition(sentence: str, words: list, index: int) -> bool:
    """Does a preposition govern the phrase opened at words[index] ("across the country"), so
    the phrase is a fragment of a longer subject, not the speaker?"""
    if index < 1 or sentence[words[index - 1].end() : words[index].start()] != " ":
        return False
    return words[index - 1].group().lower() in PREPOSITIONS


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
    if not word.isalpha() and any(ch.isdigit() for ch in word) and not _number_compound(word):
        if taken and not any(ch.isalpha() for ch in word) and not _opening_time(
                sentence, match.end()):  # "08.55 UNICEF said", "09:42 Rescuers say"
            return _NO_SPEAKER  # "killed 40 people said the Observatory": a count
        return _PHRASE_ENDS
    return None


def _opening_time(sentence: str, end: int) -> bool:
    """Is all before `end` a live blog's time of day opening the sentence?"""
    return _LINE_TIME_RE.fullmatch(sentence[:end].lstrip()) is not None


# A live blog's time of day opening an entry: "08.55", "9:20".
_LINE_TIME_RE = re.compile(furniture.TIME_OF_DAY)


def _number_compound(word: str) -> bool:
    """Is the word a modifier compounded with a number, part of a name: "the 190-country
    agency", "a 15-member panel"?"""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.isalpha() and any(ch.isdigit() for ch in head)


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
    if word == "and" and taken and index and _joins_speakers(words[index - 1], taken[-1]):
        return None  # "police and residents said", "the monitor and medics said"
    if taken and _place_preposition(sentence, words, index):
        return None
    if taken and index and word in PLACE_PREPOSITIONS and _after_event(words[index - 1]):
        return _NO_SPEAKER  # "12 people killed in Aleppo said the Observatory"
    return _PHRASE_ENDS


def _joins_speakers(before, after) -> bool:
    """Does an "and" join two who speak, each a speaker's noun or a name: "police and
    residents", "Reuters and AFP"; not "killed 12 people and the army", nor two places
    ("in Syria and Iraq", "Washington and Paris"), which speak for nobody named?"""
    return before.group().lower() not in CLAUSE_EDGES and all(
        word.group().lower() in SPEAKER_HEADS
        or (word.group()[:1].isupper() and places.lookup(places.normalise(word.group())) is None)
        for word in (before, after)
    )


def _speaker_taken(sentence: str, taken: list) -> str | None:
    """The speaker the words taken name, without a trailing "of" or "for"; None for the
    place of the clause before or for determiners alone."""
    while taken and taken[-1].group().lower() in ("of", "for", "and"):
        taken.pop()
    if taken and taken[-1].group().lower() in PLACE_PREPOSITIONS:
        return None  # "six killed in Velmora market reports": the place of the clause before
    if not taken or all(m.group().lower() in DETERMINERS for m in taken):
        return None  # "An estimated 5 million"
    phrase = GLUED_SENTENCE_RE.split(sentence[taken[-1].start() : taken[0].end()], 0, KEEP_GIL)[-1]
    if len(phrase) > 1 and phrase.isupper():
        return phrase  # "WHO said", "IT said"
    return _speaker(phrase)


class Attribution(NamedTuple):
    """A source a sentence credits: where it is read, who it is (a pronoun still to resolve:
    "he"), and how far into the sentence its figures reach."""

    at: int
    source: str
    about: tuple[int, int] | None = None  # figures here describe the speaker: "said Ana, 51,"
    since: int = 0  # figures before this are another clause's: "12 died, and the army said"


@functools.lru_cache(maxsize=4096)
def attributions(sentence: str) -> tuple[Attribution, ...]:
    """Every attribution in a sentence: who it credits and where; read once per spelling of
    the sentence, which reprints of a story repeat."""
    found: list[Attribution] = []
    lowered = sentence.lower()
    if len(lowered) == len(sentence):
        according = _hinted(_LOWER_SCANS[0], lowered, _ACCORDING_HINTS)
        figures_show = _hinted(_LOWER_SCANS[1], lowered, FIGURE_NOUNS)
        verbs = word_spans(_LOWER_VERBS, lowered)
    else:
        according, figures_show = (
            scan.finditer(sentence) for scan in (ACCORDING_RE, FIGURES_SHOW_RE)
        )
        verbs = [match.span() for match in VERB_RE.finditer(sentence)]
    for match in according:
        source = _trim(sentence[match.start("src") : match.end("src")])
        if source:
            found.append(Attribution(match.start(), source))
    for match in figures_show:
        owner = POSSESSIVE_BEFORE_RE.match(sentence, max(0, match.start() - 8), match.start())
        at = owner.start() if owner else match.start()
        source = _speaker_before(sentence, at)
        if source:
            if owner is None or owner.group()[:1] not in "'’":  # no "the ministry's"
                noun = sentence[match.start() : match.end()].split(None, 1)[0]
                source = _figures_of(sentence, at, source, noun)
            found.append(Attribution(at, source))
    for start, end in verbs:
        credit = _verb_credit(sentence, start, end)
        if credit:
            found.append(credit)
    found.extend(_credits(sentence))
    return tuple(found)


def _figures_of(sentence: str, at: int, source: str, noun: str) -> str:
    """Who a figure noun's words credit: a name is the source ("Commerce Department data
    show", "UN figures show"); a modifier is none without its noun ("official data showed" is
    official data, not an official; "Preliminary figures show")."""
    words = source.split()
    opens = not sentence[:at].rstrip()[: -len(source)].strip(" \"'“‘")
    first = words[0]
    named = any(word[:1].isupper() for word in words[1:]) or first[:1].isupper() and (
        not opens or len(first) > 1 and first.isupper())
    return source if named else f"{source} {noun}"


def _hinted(scan: re.Pattern, lowered: str, hints: tuple[str, ...]):
    """The scan's matches in a lower-cased sentence; none, without scanning it, when the
    sentence holds none of the words every match holds."""
    return scan.finditer(lowered) if any(map(lowered.__contains__, hints)) else ()


def _credits(sentence: str) -> list[Attribution]:
    """Sources credited without a reporting verb: "per Forbes", "(Forbes)", "in the fund's
    view", "In its latest estimates, the fund ..."."""
    found = []
    # Each scan runs only where its literal shows, which most sentences lack.
    scans = (PER_SOURCE_RE,) if "per " in sentence else ()
    if "s " in sentence and ("'s " in sentence or "’s " in sentence):
        scans += (VIEW_RE,)
    for scan in scans:
        for match in scan.finditer(sentence):
            source = _trim(match.group("src"))
            if source:
                found.append(Attribution(match.start(), source))
    if " poll" in sentence or " survey" in sentence or " census" in sentence:
        for match in POLL_SOURCE_RE.finditer(sentence):
            found.append(Attribution(match.start(), match.group("src")))
    if (" its " in sentence or " their " in sentence) and _OWN_FORECAST_HINT_RE.search(sentence):
        for match in OWN_FORECAST_RE.finditer(sentence):
            source = _trim(match.group("src"))
            if source:
                found.append(Attribution(match.start(), source))
    if "(" in sentence:
        for match in BRACKETED_SOURCE_RE.finditer(sentence):
            if match.group("src").lower() not in CLAUSE_EDGES:
                found.append(Attribution(match.start(), match.group("src")))
    match = sentence[:1] in "IiAa" and OWN_VIEW_RE.match(sentence, 0, None, KEEP_GIL)
    source = match and _trim(match.group("src"))
    if source:
        found.append(Attribution(match.start("src"), source))
    return found


def _is_noun(sentence: str, start: int, end: int) -> bool:
    """Is the reporting verb at start..end no verb here: "the bombing claimed 12 lives", "added
    80 jobs", "the fund's projected rate", "reports of 20 killed", "two states", "the United
    States"?"""
    verb = sentence[start:end].lower()
    if verb[:5] in ("claim", "added", "adds") and CLAIMED_LIVES_RE.match(sentence, end):
        return True  # the verb takes the figure or a deed as its object: "claimed 12", "added
        # 80 jobs", "claimed responsibility"
    if OWNER_BEFORE_RE.match(sentence, max(0, start - 4), start, KEEP_GIL):
        return True  # an owner's participle is an adjective: "the agency's projected rate"
    if verb not in NOUN_VERBS:
        return False
    return bool(
        NOUN_USE_RE.match(sentence, end)
        or COUNTED_BEFORE_RE.match(sentence, max(0, start - 20), start)
        or (
            not verb.endswith("s")
            and ONE_OWNER_BEFORE_RE.match(sentence, max(0, start - 40), start)
        )
        or (
            sentence[start].isupper()
            and verb[1:] == sentence[start + 1 : end]
            and NAME_BEFORE_RE.match(sentence, max(0, start - 40), start)
        )
    )


def _verb_credit(sentence: str, start: int, end: int) -> Attribution | None:
    """Who the reporting verb at start..end credits: the speaker before it ("the ministry
    said"), a pronoun ("he said"), a passive's agent ("expected by the club"), or the
    name after it ("said the ministry")."""
    if _is_noun(sentence, start, end):
        return None
    agent = sentence[start:end].lower() in PASSIVE_VERBS and AGENT_RE.match(sentence, end)
    source = agent and _trim(agent.group("src"))
    if source:
        return Attribution(start, source)  # "expected by AAA", "figures reported by the UN"
    passive = not sentence.endswith("ing", start, end)  # "is forecasting" is active
    if passive and PASSIVE_BEFORE_RE.match(sentence, max(0, start - 30), start, KEEP_GIL):
        return None
    between = BEFORE_VERB_RE.match(sentence, max(0, start - 60), start, KEEP_GIL)
    at = between.start() if between else start
    acronym = ACRONYM_BEFORE_RE.match(sentence, max(0, at - 16), at, KEEP_GIL)
    before = acronym.start() if acronym else at
    speaker = _speaker_before(sentence, before)
    if speaker:
        opens = sentence.rfind(speaker, 0, before)
        opens = at if opens < 0 else opens  # the phrase is always found; this only guards
        joined = CONJUNCTION_BEFORE_RE.match(sentence, max(0, opens - 12), opens, KEEP_GIL)
        return Attribution(at, speaker, (opens, at), opens if joined else 0)
    pronoun = PRONOUN_BEFORE_RE.match(sentence, max(0, at - 4), at)
    if pronoun:
        return Attribution(at, pronoun.group().strip().lower())
    comma = sentence[max(0, at - 3) : at].rstrip().endswith(",")
    opening = CONNECTIVE_OPENING_RE.match(sentence)
    apposed = comma and APPOSED_NAME_RE.fullmatch(sentence, opening.end() if opening else 0, at)
    speaker = apposed and _speaker(apposed.group("src"))
    if speaker:
        return Attribution(at, speaker, (0, at))
    after = SAID_BY_RE.match(sentence, start)
    source = after and _trim(after.group("src"))
    if not source or _AUXILIARY_RE.search(source):
        return None  # "said Russia should be investigated": a clause reported, no name
    name_end = after.start("src") + len(source)
    if _date_line(sentence, source, name_end):
        return None  # "... - Reports DAMASCUS (Sputnik)": the story's date line
    if not sentence.startswith(",", name_end):
        return Attribution(start, source)
    goes_on = REPORT_GOES_ON_RE.search(sentence, name_end)
    return Attribution(start, source, (name_end, goes_on.start() if goes_on else len(sentence)))


# A headline's source, after its last colon or dash, or after a comma with a reporting verb
# after it (the verb left out of the name): "Air strikes kill 15 in Idlib: monitor", "40 dead
# in market blast - activists", "Bombing kills 9 — state media", "..., state TV says"; not
# "kills 7 soldiers, police officer", a list of the dead. The name holds no digits and no
# other separator.
_TRAILING_NAME = r"(?P<src>\p{L}(?:(?!\s+[-–—]+\s)[^,:;()\"“”\d\n–—])*?)"
TRAILING_SOURCE_RE = regex.compile(
    rf"(?:(?:\s*:|\s+[-–—]+)\s+{_TRAILING_NAME}(?:\s+(?i:{_VERBS}))?"
    rf"|,\s+{_TRAILING_NAME}\s+(?i:{_VERBS}))[\s.]*\Z"
)
# The longest name a headline's trailing source may have, in words.
TRAILING_SOURCE_WORDS = 6
# The head nouns of a source named bare at a headline's end: who in general says a figure
# (the descriptors of claims/data/sources.json: "monitor", "activists", "media") and the
# titles that lead into a speaker's name ("governor", "television"); not "news", which ends
# outlets' names ("Sky News"), nor a document ("report"), nor the words that join a name.
SPEAKER_HEADS = (
    (frozenset(data.descriptors()) | NAME_LEADERS) - {"of", "for", "news"} - DOCUMENT_NOUNS
    - frozenset(NAME_PARTICLES)
)
_KEY_BREAKS = regex.compile(r"[^\p{L}\d]+")


def _key(name: str) -> str:
    """A name as the tables are looked up by: no case, leading "the", spaces or stops."""
    return _KEY_BREAKS.sub("", fold(name.strip()).removeprefix("the "))


def _table_keys(entries) -> frozenset[str]:
    """Every name and alias of a table's entries (sources, outlets), as `_key` writes it."""
    return frozenset(
        _key(name) for item in entries for name in (item["name"], *item.get("aliases", ())))


KNOWN_SOURCES = _table_keys(data.sources())
KNOWN_OUTLETS = _table_keys(data.outlets()["outlets"])


def _known_source(name: str) -> bool:
    """Whether a name is a known source or opens with one, its desk: "SOHR", "the
    Observatory", "SANA reporter"."""
    words = name.split()
    return any(_key(" ".join(words[:n])) in KNOWN_SOURCES for n in range(1, len(words) + 1))


def trailing_source(headline: str) -> Attribution | None:
    """The source a headline names after its last separator ("...: monitor", "... - state
    media"), as "according to" would credit it: a known source, or a short phrase whose head
    is a speaker's noun; never a place, a time or the outlet's own name ("... - Reuters")."""
    found = TRAILING_SOURCE_RE.search(headline)
    name = found and found.group("src").strip(" .")
    words = name.lower().split() if name else []
    if not words or len(words) > TRAILING_SOURCE_WORDS or words[0].endswith("ly") or any(
            w in NP_STOPS or w in COUNT_WORDS or w in QUANTIFIERS for w in words):
        return None  # "... - among them two doctors", "- mostly farm workers": who died
    head = words[:words.index("of")] if "of" in words[1:] else words  # "Ministry of Health"
    if _known_source(name) or (head[-1] in SPEAKER_HEADS and _key(name) not in KNOWN_OUTLETS):
        return Attribution(found.start("src"), name)
    return None


def reports(sentence: str) -> bool:
    """Does the sentence hold a reporting verb, whoever its speaker ("a group based outside
    the country said"), not a noun ("the United States")?"""
    return any(
        not _is_noun(sentence, match.start(), match.end()) for match in VERB_RE.finditer(sentence)
    )


def nearest(found: Sequence[Attribution], offset: int) -> Attribution | None:
    """The attribution nearest to a claim at `offset` within its sentence; None for a figure
    that describes a speaker ("said Ana, 51,", "the 190-nation fund forecast")."""
    if any(item.about and item.about[0] <= offset < item.about[1] for item in found):
        return None
    reaching = [item for item in found if item.since <= offset]
    return min(reaching, key=lambda item: abs(item.at - offset)) if reaching else None
