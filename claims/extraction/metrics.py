"""What a figure counts: metric cues around the number, the counted noun, the direction of
change."""

from __future__ import annotations

import functools
import itertools
import re

import regex

from claims.extraction import qualifiers
from claims.extraction.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CHANGE_NOUNS_DOWN,
    CHANGE_NOUNS_UP,
    CIVIL_BODIES,
    CLAUSE_OPENERS,
    CROWD_EVENTS,
    CROWD_JOINING_VERBS,
    CROWD_VERBS,
    CROWD_VERBS_NOW,
    DEMONYMS,
    DIRECT_CUES,
    DOWN_WORDS,
    EVENT_CUES,
    INCLUDING_WORDS,
    ING_NOUNS,
    INTENT_VERBS,
    LIST_SEPARATORS,
    LIVING_SUBJECTS,
    MEMBER_NOUNS,
    MONTH_NAMES,
    NEED_BY,
    PARTICLE_VERBS,
    PEOPLE_NOUNS,
    PEOPLE_STATES,
    PLIGHTS,
    POSSESSIVES,
    PREPOSITIONS,
    PUBLISHED_THINGS,
    SPEAKER_VERBS,
    STAFF_NOUNS,
    SUBJECT_CUES,
    SUBJECT_PRONOUNS,
    TALLY_NOUNS,
    TALLY_RAISING_VERBS,
    TELLING_VERBS,
    TOLL_LEVEL_VERBS,
    TOLL_NOUNS,
    UNDERGOING_VERBS,
    UP_WORDS,
    WEEKDAY_NAMES,
    kind_of_subject,
    trade_of,
)
from claims.extraction.numbers import WORD_VALUES
from claims.extraction.patterns import (
    KEEP_GIL,
    alternation,
    ending_at,
    fold,
    group_numbers,
    last_letters,
    may_end_with,
)

# The vocabularies (event, subject and direct cues, people nouns, change words) are
# claims.extraction.lexicon's; this module reads figures by them.

# Counted nouns that say what happened more surely than any event word nearby:
# "4 martyrs ... 22 injured", "three strikes ... killing nine", "killing 12 and destroying
# two vehicles".
STRONG_SUBJECT_METRICS = frozenset({"killed", "wounded", "strikes", "count", "affected"})

# The source a headline names after its figure: "Bomb kills 43: monitor" (colon stripped).
HEADLINE_SOURCES = ("observatory", "monitor", "reuters", "afp", "sana")
# Words that end a counted noun phrase: verbs, prepositions, conjunctions, determiners,
# times (month and day names among them) and the sources a headline names.
SUBJECT_STOPS = frozenset(
    [
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "who", "whom",
        "which", "that", "in", "on", "at", "from", "by", "with", "for", "to", "and", "or", "but",
        "as", "after", "before", "during", "since", "including", "among", "amid", "according",
        "said", "says", "told", "when", "while", "across", "into", "out", "over", "under", "near",
        "per", "than", "of", "this", "these", "those", "your", "my", "such", "other", "who's",
        "will", "would", "could", "should", "may", "might", "can", "did", "do", "does", "not",
        "no", "also", "reportedly", "allegedly", "last", "next", "each", "every", "all", "both",
        "either", "more", "less", "most", "least", "about", "around", "nearly", "almost", "some",
        "so", "if", "because", "though", "although", "until", "till", "via", "between",
        "against", "towards", "toward", "within", "without", "inside", "outside", "along", "up",
        "down", "off", "dead", "killed", "injured", "wounded", "missing", "hurt", "slain",
        "aboard", "onboard",
        "yesterday", "today", "tonight", "several", "many", "few", "various", "come", "came",
        "go", "went", "behind",
        "beyond", "through", "throughout", "upon", "onto", "above", "below", "like", "unlike",
        "despite", "except", "where", "whose", "whereby",
        # adverbs of place and time: "put the toll at 16 earlier", "killed 80 there"
        "there", "here", "earlier", "later", "now", "then", "together", "apiece", "alone",
        "again", "already", "what", "still", "yet",
    ]
    + [*ARTICLES, *POSSESSIVES, *SUBJECT_PRONOUNS, *MONTH_NAMES, *WEEKDAY_NAMES,
       *HEADLINE_SOURCES]
)
# A word before "than" is a comparative, not a counted noun: "40k cheaper than".
THAN_RE = regex.compile(r"[ \t]+than\b", regex.IGNORECASE)


_CUE_METRIC = {cue: metric for metric, cues in EVENT_CUES.items() for cue in cues}
_DIRECT_METRIC = {cue: metric for metric, cues in DIRECT_CUES.items() for cue in cues}
for _metric, _cues in EVENT_CUES.items():
    for _cue in _cues:
        if _cue.endswith(("ing", "ed")) and " " not in _cue:
            _DIRECT_METRIC.setdefault(_cue, _metric)
DIRECT_BEFORE_RE = ending_at(
    rf"(?<![\w])(?P<cue>(?i:{alternation(_DIRECT_METRIC, backward=True)}))\s+"
)
_DIRECT_BEFORE = group_numbers(DIRECT_BEFORE_RE)
# An intent before a verb of killing: "attempting to", "plotted to".
INTENT_BEFORE_RE = ending_at(rf"(?i:\b{alternation(INTENT_VERBS, backward=True)}\s+to\s+)")
# What links a toll to its level: "rose to 112", "stood at 70", "a toll of 12".
TOLL_LEVEL_LINKS = ("to", "at")
TOLL_LINKS = ("of", "at", "to")
# How far before a figure its toll may be named: "The death toll from the rocket attacks on
# the old market in the city centre rose to 8", "The death toll in a suicide car bomb attack
# on buses carrying Syrians evacuated from two besieged towns has risen to at least 112".
TOLL_REACH = 200
TOLL_BEFORE_RE = ending_at(
    rf"(?i:\btoll\b(?:[^.;\n]{{0,160}}?\b(?:{alternation(TOLL_LEVEL_VERBS, backward=True)})"
    rf"(?:\s+{alternation(TOLL_LEVEL_LINKS, backward=True)})?"
    rf"|\s+{alternation(TOLL_LINKS, backward=True)})\s+)"
)
# A count raised to the level right after it, far from its verb: "raised the death toll from
# airstrikes on a market in a northern town the previous day to 61", "bringing the number
# killed in 24 hours of bombardment on the city to 45"; a toll counts the dead, a number
# what the toll noun in its words says. The words between may run to RAISED_TALLY_GAP
# characters, and the whole to RAISED_TALLY_REACH.
RAISED_TALLY_GAP = 160
RAISED_TALLY_REACH = 240
RAISED_TALLY_BEFORE_RE = ending_at(
    rf"(?i:\b(?:{alternation(TALLY_RAISING_VERBS, backward=True)})\s+the\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<noun>{alternation(TALLY_NOUNS, backward=True)})\b"
    rf"(?P<gap>[^.;:\n]{{0,{RAISED_TALLY_GAP}}}?)"
    r"\s+to\s+)"
)
_RAISED_TALLY = group_numbers(RAISED_TALLY_BEFORE_RE)
TOLL_NOUN_RE = regex.compile(rf"(?i)\b(?:{alternation(TOLL_NOUNS)})\b")
# The "of" that joins a counted noun to its body or employer ("members of a tribe").
_OF_JOIN_RE = regex.compile(r"(?i)[ \t]+of[ \t]+")
SUBJECT_CUE_RE = ending_at(
    rf"(?i:{alternation({cue for cues in SUBJECT_CUES.values() for cue in cues}, backward=True)})"
)
EVENT_RE = regex.compile(rf"\b(?i:{alternation(_CUE_METRIC)})\b")
# The same for lower-cased text with the standard library's `re`, about twice as fast.
_EVENT_LOWER_RE = re.compile(rf"\b(?:{alternation(_CUE_METRIC)})\b")
_SUBJECT_METRIC = {cue: metric for metric, cues in SUBJECT_CUES.items() for cue in cues}
# What may sit between a change verb and its figure: "rose by 5%", "rose a further 3%".
CHANGE_LINKS = ("by", "of", "another", "a further", "an additional")
DIRECTION_BEFORE_RE = ending_at(
    rf"(?<![\w])(?P<d>(?i:{alternation(UP_WORDS + DOWN_WORDS, backward=True)}))"
    rf"(?:\s+(?i:{alternation(CHANGE_LINKS, backward=True)})|(?:\s+\p{{Ll}}+){{1,2}}\s+(?i:by))?"
    r"\s*"
)  # "rose 5%", "fell by 200", "grow sales by 35 per cent"
_DIRECTION_BEFORE = group_numbers(DIRECTION_BEFORE_RE)
# What DIRECTION_BEFORE_RE may end with ("up" of "went up", "by"): it is tried only there.
_DIRECTION_ENDINGS = last_letters((*UP_WORDS, *DOWN_WORDS, *CHANGE_LINKS, "by"))
# A change noun right after a figure: "a 3% drop". Only the nouns: a verb there ("5% rose")
# makes no direction, and as every word is plain letters, the one whole word a longer list
# would match is a noun exactly where this matches.
DIRECTION_AFTER_RE = regex.compile(
    rf"\s+(?P<d>(?i:{alternation(CHANGE_NOUNS_UP + CHANGE_NOUNS_DOWN)}))(?![\w])"
)
_DIRECTION_AFTER = group_numbers(DIRECTION_AFTER_RE)
# A change verb, perhaps with an adverb, ending just before "from": "rose sharply from".
CHANGE_BEFORE_RE = ending_at(
    rf"(?<![\w])(?i:{alternation(UP_WORDS + DOWN_WORDS, backward=True)})"
    r"(?:\s+[a-z]+ly)?\s+"
)
_UP = frozenset(UP_WORDS + CHANGE_NOUNS_UP)
PARTICLE_VERB_RE = ending_at(rf"(?<![\w])(?i:{alternation(PARTICLE_VERBS, backward=True)})\s+")
BY_END_RE = regex.compile(r"(?i:\bby)\s*\Z")


# A figure right after an event cue, which the cue governs: "killing one", "wounding 12".
_QUALIFIER = alternation(qualifiers.BEFORE, space=r"[ \t]+")
# How far, and how many words, after an object figure its own state may say it is a toll
# ("12 others injured").
OBJECT_REACH = 30
OBJECT_WORDS = 3
_STATE_WORD_RE = regex.compile(rf"(?i:\b(?:{alternation(PEOPLE_STATES)})\b)")
_OWN_FIGURE_RE = regex.compile(
    rf"[ \t]+(?:(?i:{_QUALIFIER})[ \t]+)?"
    rf"(?:\d|(?i:{alternation(WORD_VALUES)})\b)"
)
# A figure right before an event cue, which the cue says what befell: "including 12 dead".
_FIGURE_BEFORE_RE = ending_at(
    rf"(?:\d|\b(?i:{alternation(WORD_VALUES, backward=True)}))[ \t]+"
)
# What separates a figure from the next one in a list or clause of its own.
_LIST_BETWEEN_RE = regex.compile(rf"[,;]|\b(?i:{alternation(LIST_SEPARATORS)})\b")
# What makes a past form the active verb of a new clause, whose object a figure after it is:
# "and killed 2", ", wounded 12"; a bare "child killed six" reads as a participle.
_NEW_CLAUSE_BEFORE_RE = ending_at(r"(?:,|\b(?:and|then|but))\s*")


def _owned_by_other_figure(cue, end: int) -> bool:
    """Does the event cue found after a figure ending at `end` govern another figure, right
    after it ("killing one") or right before it ("including 12 dead")?"""
    string, start = cue.string, cue.start()
    before = _FIGURE_BEFORE_RE.match(string, max(end, start - 12), start, KEEP_GIL)
    if before and _LIST_BETWEEN_RE.search(string, end, before.start()):
        return True  # "40 casualties, including 12 dead"; not "11 children among 18 dead"
    active = cue.group().endswith("ing") or _NEW_CLAUSE_BEFORE_RE.match(
        string, max(end, start - 6), start
    )
    return bool(active) and _OWN_FIGURE_RE.match(string, cue.end()) is not None


def event_metric(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """The event cue nearest to the figure [start, end) inside the window [lo, hi)."""
    best = None
    best_distance = 10**9
    window = text[lo:hi].lower()
    if len(window) == hi - lo:
        start, end = start - lo, end - lo
        found = _EVENT_LOWER_RE.finditer(window)
    else:  # "İ" lower-cases to two characters
        found = EVENT_RE.finditer(text, lo, hi)
    for match in found:
        if _published(match) or _living(match):
            continue  # "released pictures of four rescue workers": nobody was freed
        if match.end() <= start:
            distance = start - match.end()
        elif match.start() >= end:
            if _owned_by_other_figure(match, end):
                continue  # "shot two youths, killing one": the cue has a figure of its own
            distance = match.start() - end
        else:
            continue
        if distance < best_distance:
            best_distance = distance
            best = _CUE_METRIC.get(" ".join(fold(match.group()).split()))
    return best


_PUBLISHED = alternation(PUBLISHED_THINGS)
PUBLISHED_AFTER_RE = regex.compile(
    rf"[ \t]+(?:(?i:a|an|the|new|its|their)[ \t]+)?(?i:{_PUBLISHED})\b"
)
PUBLISHED_BEFORE_RE = ending_at(rf"\b(?i:{_PUBLISHED})[ \t]+")


# The subject of "lives" as the verb of living: "who lives with his 3 sisters".
LIVING_BEFORE_RE = ending_at(rf"\b(?i:{alternation(LIVING_SUBJECTS, backward=True)})[ \t]+")


def _living(match) -> bool:
    """Whether a "lives" cue is the verb of living, no lives lost: "the boy, who lives with
    his 3 sisters, was unhurt"."""
    if match.group().lower() != "lives":
        return False
    return LIVING_BEFORE_RE.match(match.string, max(0, match.start() - 12),
                                  match.start()) is not None


def _published(match) -> bool:
    """Whether a "released" cue publishes something rather than frees someone: "released
    pictures of", "a statement released by"."""
    if _CUE_METRIC.get(" ".join(fold(match.group()).split())) != "released":
        return False
    source = match.string
    return bool(PUBLISHED_AFTER_RE.match(source, match.end())
                or PUBLISHED_BEFORE_RE.match(source, max(0, match.start() - 24), match.start()))


# The wounded counted beside casualties, after "and": "7 casualties and dozens of injuries".
WOUNDED_BESIDE_RE = regex.compile(
    rf"[ \t]+and[ \t]+(?:[^,;.\n]{{0,40}}?[ \t])?(?i:{alternation(EVENT_CUES['wounded'])})\b"
)


def casualties_are_dead(text: str, end: int, hi: int) -> bool:
    """Are the casualties counted at `end` the dead, told apart from the wounded counted
    after them ("7 casualties and dozens of injuries"), as translated reports write?"""
    return WOUNDED_BESIDE_RE.match(text, end, hi) is not None


def cue_metric(cue: str) -> str | None:
    key = " ".join(fold(cue).split())
    return _CUE_METRIC.get(key) or PLIGHTS.get(key)  # a plight is read after a figure only


# The verb a figure's noun phrase is the subject of, in its own clause: "two pilots asked",
# "three others may have escaped", "20 members of the group are trapped", "12 were found dead".
_OWN_VERB = (
    rf"(?P<aux>(?:[ \t]+(?:{alternation(AUXILIARIES)}|\p{{Ll}}+ly)\b)*)"
    r"[ \t]+(?P<verb>\p{Ll}+ed)\b(?!-)"
    r"(?:[ \t]+(?:(?:and|or)[ \t]+)?(?P<next>\p{Ll}+))?"
)
OWN_VERB_RE = regex.compile(rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?\p{{Ll}}+)?{_OWN_VERB}")
# The same after a part set in the noun phrase, commas or not: "six civilians, including
# three children (5-8 years), were injured". An auxiliary must follow it, and it holds no
# verb of its own ("38 civilians including 14 children and wounded another 250").
ASIDE_OWN_VERB_RE = regex.compile(
    rf",?[ \t]+(?:{alternation(INCLUDING_WORDS)})[ \t]+"
    r"(?:(?![ \t]and[ \t]+\p{Ll}+ed\b)[^,;.()]){1,60}?(?:[ \t]*\([^()]{0,30}\))?,?"
    rf"(?=[ \t]+(?:{alternation(AUXILIARIES)})\b){_OWN_VERB}"
)
# The same after an "of" or "from" phrase that names whose or where the counted people are,
# a name of many words among them: "four staff of the Union of Medical Relief Groups were
# killed", "three fighters from the local committees in the south were martyred". It holds
# no verb, no auxiliary and no clause of its own, and an auxiliary must follow it.
_POSTMODIFIER_STOPS = (*AUXILIARIES, *CLAUSE_OPENERS, *SPEAKER_VERBS, *TELLING_VERBS, "and")
_POSTMODIFIER_WORD = (
    rf"[ \t]+(?!(?:{alternation(_POSTMODIFIER_STOPS)})\b)(?!\p{{Ll}}+ed\b)\p{{L}}[\p{{L}}'’-]*\b"
)
POSTMODIFIER_WORDS = 10
POSTMODIFIED_OWN_VERB_RE = regex.compile(
    rf"[ \t]+(?:of|from)(?:{_POSTMODIFIER_WORD}){{1,{POSTMODIFIER_WORDS}}}?"
    rf"(?=[ \t]+(?:{alternation(AUXILIARIES)})\b){_OWN_VERB}"
)
# The groups of all three, which `_OWN_VERB` numbers alike.
OWN_VERB = group_numbers(OWN_VERB_RE)
_PREPOSITIONS = frozenset(PREPOSITIONS)
# Where the clause of a figure's own verb ends, and how far it may run.
CLAUSE_END_RE = regex.compile(rf"[,;:.()]|\s(?:{alternation(CLAUSE_OPENERS)})\s")
CLAUSE_REACH = 60
# A cue predicated of the figure's people among its verb's complements, not one describing
# another noun ("discounted as unrelated to the missing plane"): "identified among those
# killed", "estimated to have been killed".
_COMPLEMENT_MARKS = (
    "been", "be", "being", "those", "were", "was", "are", "is", "have", "has", "had", "for",
    "as", "to", *UNDERGOING_VERBS,
)
COMPLEMENT_CUE_RE = regex.compile(
    rf"\b(?i:{alternation(_COMPLEMENT_MARKS)})(?:\s+(?!(?:{alternation(ARTICLES)})\b)\p{{Ll}}+)?"
    rf"\s+(?P<cue>(?i:{alternation(_CUE_METRIC)}))\b"
)
_COMPLEMENT_CUE = group_numbers(COMPLEMENT_CUE_RE)
# What a figure's own verb may say befell it: an event cue starting at the verb ("gunned
# down", "deprived of their lives"), or a crowd's verb ("marched").
_OWN_VERB_METRIC = _CUE_METRIC | dict.fromkeys(CROWD_VERBS, "protesters") | dict.fromkeys(
    (f"{verb} {the}{event}" for verb in CROWD_JOINING_VERBS for the in ("", "the ")
     for event in CROWD_EVENTS), "protesters")
_CROWD_NOW_FIRST = frozenset(verb[0] for verb in CROWD_VERBS_NOW) | frozenset(
    verb[0].upper() for verb in CROWD_VERBS_NOW)
CROWD_NOW_RE = regex.compile(
    rf"[ \t]+(?:{alternation(CROWD_VERBS_NOW)})"
    rf"(?:[ \t]+(?:{alternation(PREPOSITIONS)})\b|[ \t]*(?:[,.;:]|$))"
)
_EVENT_AT_RE = regex.compile(rf"(?:{alternation(_OWN_VERB_METRIC)})\b")
# A state after the verb, said of its subject ("were found dead", "tortured and killed",
# "starved to death"), not its object ("pulled bodies from the sea").
_STATE_AT_RE = regex.compile(
    rf"(?:{alternation([*PEOPLE_STATES, *(c for c in _CUE_METRIC if c.endswith('ed'))])}"
    r"|to death)\b"
)


def own_verb_metric(text: str, end: int, hi: int) -> str | None:
    """The metric the verb of the figure's own clause gives it: its cue ("are trapped"), the
    state it reports ("were found dead"), a cue among its complements ("were identified among
    those killed"), or "" for a verb of no event ("may have escaped") or one the figure did to
    others it counts ("three bombers killed 12"), whose clause no cue elsewhere reaches; None
    when no such verb follows the figure."""
    match = (OWN_VERB_RE.match(text, end, hi, KEEP_GIL)
             or ASIDE_OWN_VERB_RE.match(text, end, hi, KEEP_GIL)
             or POSTMODIFIED_OWN_VERB_RE.match(text, end, hi, KEEP_GIL))
    if match is None:
        return None
    following = match.group(OWN_VERB.next)
    cue = _EVENT_AT_RE.match(text, match.start(OWN_VERB.verb), None, KEEP_GIL) or (
        following and _STATE_AT_RE.match(text, match.start(OWN_VERB.next))
    )
    metric = _OWN_VERB_METRIC.get(" ".join(cue.group().split())) if cue else None
    verb_end = match.end(OWN_VERB.verb)
    if metric and not match.group(OWN_VERB.aux) and did_to_others(text, verb_end, hi):
        return ""  # "three suicide bombers killed at least two people": they did the killing
    if metric:
        return metric  # "are trapped", "were found dead", "tortured and killed", "starved to death"
    if not match.group(OWN_VERB.aux) and following in _PREPOSITIONS:
        return None  # "five soldiers stationed in the town were killed": a participle
    clause = CLAUSE_END_RE.search(text, verb_end, min(hi, verb_end + CLAUSE_REACH))
    clause_end = clause.start() if clause else min(hi, verb_end + CLAUSE_REACH)
    complement = COMPLEMENT_CUE_RE.search(text, match.start(OWN_VERB.verb), clause_end)
    return (cue_metric(complement.group(_COMPLEMENT_CUE.cue)) or "") if complement else ""


def crowd_now(text: str, end: int, hi: int) -> bool:
    """Is the word after a bare figure a crowd's verb in the present, a preposition or a stop
    after it: "10,000 protest in Nairobi", "Thousands rally against the reform"?"""
    if text[end + 1 : end + 2] not in _CROWD_NOW_FIRST:
        return False  # most figures: no crowd's verb starts after the space
    return CROWD_NOW_RE.match(text, end, hi, KEEP_GIL) is not None


def did_to_others(text: str, verb_end: int, hi: int) -> bool:
    """Whether an active event verb takes a figure of its own as object, so the figure before
    it counts who did it: "three suicide bombers killed at least two people"; not a list of
    tolls whose commas were lost ("Three civilians killed 12 others injured")."""
    found = _OWN_FIGURE_RE.match(text, verb_end, hi, KEEP_GIL)
    if found is None:
        return False
    words = text[found.end() : min(hi, found.end() + OBJECT_REACH)].split(",")[0].split()
    phrase = list(itertools.takewhile(lambda w: w.lower() not in ("and", "or"), words))
    return not any(_STATE_WORD_RE.fullmatch(w) for w in phrase[:OBJECT_WORDS])


def direct_metric(text: str, lo: int, start: int) -> str | None:
    """The metric a verb or a death toll written just before the figure gives it; `count`
    for a killing only intended ("attempting to kill three others")."""
    toll = TOLL_BEFORE_RE.match(text, max(lo, start - TOLL_REACH), start, KEEP_GIL)
    if toll:
        return "killed"
    raised = _raised_tally_metric(text, lo, start)
    if raised:
        return raised
    cue = DIRECT_BEFORE_RE.match(text, max(lo, start - 32), start, KEEP_GIL)
    if cue:
        if INTENT_BEFORE_RE.match(text, max(lo, cue.start() - 24), cue.start(), KEEP_GIL):
            return "count"  # "attempting to kill three others": no one died
        return _DIRECT_METRIC[" ".join(cue.group(_DIRECT_BEFORE.cue).lower().split())]
    return None


# The word joining a tally noun to the people it counts: "the toll for Russian soldiers",
# "the number of civilians", "the toll among government troops".
_TALLY_OF_RE = regex.compile(r"(?i)\s+(?:for|among|of)\s+")


def tally_subject(text: str, lo: int, start: int) -> str | None:
    """The people a count raised to the figure counts, named after its tally noun: "raised
    the toll for Russian soldiers killed in Syria since 2015 to 18" counts Russian soldiers."""
    found = RAISED_TALLY_BEFORE_RE.match(text, max(lo, start - RAISED_TALLY_REACH), start, KEEP_GIL)
    if found is None:
        return None
    joined = _TALLY_OF_RE.match(text, found.start(_RAISED_TALLY.gap), found.end(_RAISED_TALLY.gap))
    if joined is None:
        return None
    counted = subject_after(text, joined.end(), found.end(_RAISED_TALLY.gap))
    return counted[0] if counted and is_people(counted[0]) else None


def _raised_tally_metric(text: str, lo: int, start: int) -> str | None:
    """The metric of a count a verb raised to the figure: "raised the death toll ... to 61"
    (killed), "brought the total number of militant casualties to 300" (casualties); none for
    a number of what no toll noun names ("raising the number of towns ... to 83")."""
    found = RAISED_TALLY_BEFORE_RE.match(text, max(lo, start - RAISED_TALLY_REACH), start, KEEP_GIL)
    if found is None:
        return None
    if found.group(_RAISED_TALLY.noun).lower() == "toll":
        return "killed"
    noun = TOLL_NOUN_RE.search(text, found.start(_RAISED_TALLY.gap), found.end(_RAISED_TALLY.gap))
    return cue_metric(noun.group()) if noun else None


@functools.lru_cache(maxsize=4096)
def subject_metric(subject: str | None) -> str | None:
    """The metric a counted noun says, read at its head, before the body or employer that an
    "of" joins to it: "staff of the hospital" are staff, not hospitals."""
    if not subject:
        return None
    head = _OF_JOIN_RE.split(subject, maxsplit=1)[0]
    match = SUBJECT_CUE_RE.match(head, 0, None, KEEP_GIL)
    return _SUBJECT_METRIC[" ".join(match.group().lower().split())] if match else None


@functools.lru_cache(maxsize=4096)
def is_people(subject: str | None) -> bool:
    """Does a counted noun phrase count people: a people noun in it, or a nation's people
    at its head ("155 Indonesians", "three South Koreans", "40 Iraqis")?"""
    if not subject or _thing_headed(subject):
        return False
    words = subject.split()
    return any(word.lower() in PEOPLE_NOUNS for word in words) or _is_demonym(words[-1])


def _thing_headed(subject: str) -> bool:
    """Is a compound with no list in it headed by a thing ("police posts", "civilian homes",
    "fighter jets")? Then the people noun that modifies it counts nobody."""
    return (not _LISTED_RE.search(subject) and subject_metric(subject) == "count")


# A list inside a counted phrase, whose members may be people and things: "fighters and
# vehicles".
_LISTED_RE = regex.compile(r",|(?i:\b(?:and|or)\b)")


def _is_demonym(word: str) -> bool:
    """Is a capitalised plural the people of a nation or faith: "Koreans", "Iraqis"?"""
    return word[:1].isupper() and (
        (word.endswith("ans") and len(word) > 5) or word[:-1] in DEMONYMS
    )


# A word may be a name with a number: "COVID-19 tests", "Su-24 jets".
_NEXT_WORD_RE = regex.compile(r"[ \t]*([\p{L}](?:[\p{L}'’-]*[\p{L}])?(?:[ \t]?-\d+(?![\d.,]))?)")
_FIRST_WORD_RE = regex.compile(
    r"(?:[ \t]*|-)([\p{L}](?:[\p{L}'’-]*[\p{L}])?(?:[ \t]?-\d+(?![\d.,]))?)"
)  # "four-cylinder"
# Verbs right after a figure end its noun phrase: "500 rose", "10 die", "19 fouls proves".
VERB_STOPS = frozenset(
    [w for w in UP_WORDS + DOWN_WORDS if not w.endswith("s")]
    + [
        "die", "dies", "died", "kill", "kills", "perish", "perished", "suffer", "suffers",
        "injure", "injures", "shot",
        "suffered", "proves", "prove",
        # verbs of a plural subject, never a plural noun: "about 2200 left Madaya", "hundreds
        # flee", "Tens of millions watch"
        "left", "got", "flee", "fled", "hit", "live", "watch", "face", "need", "remain",
    ]
)
# Words kept inside the phrase only when a noun follows: "eight more picks", "two new jets".
MODIFIERS = frozenset([
    "more", "other", "new", "additional", "extra", "further", "previous", "fewer"
])
# How many words a counted noun phrase may run to, an "and" inside it not counted.
SUBJECT_WORDS = 4
# Number words end a phrase too: a new number begins.
_NUMBER_WORDS = frozenset(WORD_VALUES)
# "one of the students", "two of their sons"
_OF_DETERMINERS = ("the", *POSSESSIVES, "these", "those")
_OF_RE = regex.compile(
    rf"[ \t]+of[ \t]+(?:{alternation(_OF_DETERMINERS)}[ \t]+)?", regex.IGNORECASE
)


def subject_after(
    text: str, pos: int, limit: int, singular: bool = False
) -> tuple[str, int] | None:
    """The counted noun phrase right after the number ("fighters and civilians") and its end.

    Without a tagger the phrase ends at a stop word, a verb-like word, or after its last
    plural noun, which is where English counted phrases end in practice."""
    words: list[tuple[int, int]] = []
    cursor = pos
    of = _OF_RE.match(text, pos, limit, KEEP_GIL)
    if of:
        cursor = of.end()
        singular = False  # "one of the students"
    joins = 0  # an "and" between modifiers is no word of its own: "Kia and Hyundai vehicles"
    # the adverbs are counted only once the words alone would end the phrase
    while (len(words) - joins < SUBJECT_WORDS
           or _phrase_words(text, words) - joins < SUBJECT_WORDS):
        word_re = _NEXT_WORD_RE if words or of else _FIRST_WORD_RE
        match = word_re.match(text, cursor, limit, KEEP_GIL)
        if match is None:
            break
        word = match.group(1).lower()
        if word in MODIFIERS or (word.endswith("ing") and word not in SUBJECT_STOPS
                                 and word not in ING_NOUNS):
            # "eight more picks", "517 rushing yards", "400 charging stations"
            following = _NEXT_WORD_RE.match(text, match.end(), limit, KEEP_GIL)
            if following and _is_noun(following.group(1).lower(), plural=word.endswith("ing")):
                words.append(match.span(1))
                cursor = match.end()
                continue
            break
        if singular and words and word.endswith("s") and match.group(1).islower():
            break  # "one proposal asks": after one noun, an -s word is a verb
        if word == "and" and words:
            goes_on = _and_goes_on(text, match.end(), limit, words, singular)
            if goes_on is None:
                break
            words.append(match.span(1))
            cursor = match.end()
            joins += goes_on
            continue
        if (
            (word in SUBJECT_STOPS and not _acronym(text, match, limit))
            or word in VERB_STOPS
            or _verb_before_figure(text, match, word, limit)
            or word in _NUMBER_WORDS
            or len(word) == 1
            or THAN_RE.match(text, match.end(), limit, KEEP_GIL)
            or (word.endswith("ed")
                and not _modifying_participle(text, match.end(), limit, words, word))
        ):
            break
        words.append(match.span(1))
        cursor = match.end()
    if not words:
        return None
    if text[words[0][0] - 1] == "-" and not text[words[0][0] : words[0][1]].endswith("s"):
        # "six-cylinder engines", "a three-bedroom flat": the hyphened noun is what is counted
        return text[words[0][0] : words[0][1]], words[0][1]
    last = len(words) - 1 if singular else 0
    for index, (start, end) in enumerate(words):
        if not singular and _plural(text[start:end].lower()):
            last = index
    start = words[0][0]
    end = _who_they_are(text, start, words[last], limit)
    return text[start:end], end


def _acronym(text: str, match: regex.Match, limit: int) -> bool:
    """Whether a stop word written in capitals names a group before a lower-case noun, as
    "IS" does in "killed 8 IS group militants"; not in a line all in capitals."""
    if len(match.group(1)) < 2 or not match.group(1).isupper():
        return False
    following = _NEXT_WORD_RE.match(text, match.end(), limit, KEEP_GIL)
    return following is not None and following.group(1).islower()


def _who_they_are(text: str, start: int, head: tuple[int, int], limit: int) -> int:
    """The end of a counted phrase from `start` to its `head` noun, with the body or employer
    after it that says who its people are: "15 members of the medical staff", "staff of a
    clinic" (the clinic's trade)."""
    end = head[1]
    if text[start:end].lower() in MEMBER_NOUNS and (body := _body(text, end, limit)):
        return body[1]
    if text[head[0]:end].lower() in STAFF_NOUNS:
        return _employer(text, end, limit) or end
    return end


def _body(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """The body after "members" when it says who they are ("of the medical staff", "of a
    tribe"), read as a counted phrase of its own; None for a body that names no kind of
    people ("of the YPG", "of a pro-government"), whose members stay fighters."""
    of = _BODY_OF_RE.match(text, end, limit, KEEP_GIL)
    body = None if of is None else subject_after(text, of.end(), limit)
    if body is None or kind_of_subject(f"members of {body[0]}") == "combatants":
        return None  # "members of the YPG": members, as before, fighters
    for word in regex.finditer(r"[\w'’-]+", text, pos=of.end(), endpos=body[1]):
        if word.group().lower() in PEOPLE_NOUNS or word.group().lower() in CIVIL_BODIES:
            return word.group(), word.end()  # "of medical staff activists said": staff
    return body


def _employer(text: str, end: int, limit: int) -> int | None:
    """The end of the employer after staff ("of the hospital", "of the Union of Syrian
    Medical Relief Organisations") when its words name a trade's field (TRADE_FIELDS), so
    the subject says whose staff they are; None for any other employer: "staff of the
    embassy" stay staff, as counted."""
    of = _BODY_OF_RE.match(text, end, limit, KEEP_GIL)
    name = of and _EMPLOYER_RE.match(text, of.end(), limit, KEEP_GIL)
    if not name:
        return None
    words = [(w.group().lower(), w.end()) for w in regex.finditer(r"[\w'’-]+", name["name"])]
    if trade_of([w for w, _ in words]) is None:
        return None
    if name["name"][:1].isupper():
        return name.end()  # a name, whole: "of the Union of Syrian Medical Relief Organisations"
    return name.start("name") + max(at for w, at in words if trade_of([w]))  # "of a clinic"


# An employer's words after "of": a capitalised name, "of" or "for" joining its words, or up
# to three words in lower case ("the local clinic"), none a word that ends a noun phrase.
_EMPLOYER_RE = regex.compile(
    r"[ \t]*(?P<name>\p{Lu}[\w'’-]*(?:[ \t]+(?:(?:of|for|and)[ \t]+)?\p{Lu}[\w'’-]*)*"
    r"|\p{Ll}[\w'’-]*(?:[ \t]+\p{Ll}[\w'’-]*){0,2})"
)


# "of", "of the", "of a" after "members", up to the body's first word.
_BODY_OF_RE = regex.compile(
    rf"[ \t]+of(?:[ \t]+(?:{alternation((*ARTICLES, *_OF_DETERMINERS))}))?(?=[ \t])",
    regex.IGNORECASE,
)


def _verb_before_figure(text: str, match, word: str, limit: int) -> bool:
    """Is a verb that names an event (the -s form of a cue, no noun for people), with a
    figure right after it, the verb that counts that figure, not a noun: "Blast Kills 3
    Wounds 20" wounds twenty; "12 deaths", "109 evacuees 13 of whom" stay nouns."""
    return (
        word[:-1] in _CUE_METRIC
        and word.endswith("s")
        and word not in PEOPLE_NOUNS
        and _OWN_FIGURE_RE.match(text, match.end(), limit) is not None
    )


def _is_noun(word: str, plural: bool = False) -> bool:
    if word in SUBJECT_STOPS or word in VERB_STOPS or word.endswith(("ed", "ing")):
        return False
    return not plural or _plural(word)


def _plural(word: str) -> bool:
    """Is a lower-case word a plural noun as counted phrases end: "-s", a people noun, or a
    plural in "-men" ("fishermen", "firemen")?"""
    return word.endswith("s") or word in PEOPLE_NOUNS or (word.endswith("men") and len(word) > 5)


def _and_goes_on(
    text: str, pos: int, limit: int, words: list[tuple[int, int]], singular: bool
) -> int | None:
    """Does the phrase go on after "and", and does the "and" join words of one noun (1): before
    a people noun ("fighters and civilians": 0), or inside a plural's modifiers ("Kia and
    Hyundai vehicles", "digital and physical sales": 1); None when it ends there."""
    following = _NEXT_WORD_RE.match(text, pos, limit, KEEP_GIL)
    if following is None:
        return None
    if following.group(1).lower() in PEOPLE_NOUNS:
        return 0
    if singular or any(_plural(text[start:end].lower()) for start, end in words):
        return None
    return 1


def _modifying_participle(
    text: str, pos: int, limit: int, words: list[tuple[int, int]], word: str
) -> bool:
    """Is an "-ed" word inside the phrase, before its noun: first ("12 wounded soldiers"),
    after an adverb ("20 decently sized plants") or, hyphened, after another participle
    ("decently sized coal-fired plants"), not a verb ("12 people died", "18,000 civilians
    left rebel-held areas")?"""
    if words and not _leads_into(text, words[-1], word):
        return False
    return _next_is_noun(text, pos, limit)


def _leads_into(text: str, span: tuple[int, int], word: str) -> bool:
    """Does the word at `span` lead into the participle `word` as its modifier: an adverb
    ("decently sized"), or a participle before a hyphened one ("sized coal-fired")?"""
    previous = text[span[0] : span[1]]
    return previous.endswith("ly") or ("-" in word and previous.endswith("ed"))


def _phrase_words(text: str, words: list[tuple[int, int]]) -> int:
    """How many words a phrase counts towards its length: an "-ly" adverb and the modifier
    after it are one ("decently sized", "fairly small"); not before a plural ("civilians
    mostly women")."""
    return len(words) - sum(
        text[start:end].endswith("ly") and not _plural(text[after:next_end].lower())
        for (start, end), (after, next_end) in itertools.pairwise(words)
    )


def _next_is_noun(text: str, pos: int, limit: int) -> bool:
    """Is the next word a noun or a hyphened compound before one ("coal-fired"), not a verb?"""
    match = _NEXT_WORD_RE.match(text, pos, limit, KEEP_GIL)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in SUBJECT_STOPS:
        return False
    return "-" in word or not word.endswith(("ed", "ing"))


def direction(text: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """`up`/`down` when the figure is itself a change: "rose 5 percent", "a 3% drop"."""
    window = max(lo, start - 30)
    before = may_end_with(text, window, start, _DIRECTION_ENDINGS) and DIRECTION_BEFORE_RE.match(
        text, window, start, KEEP_GIL)
    if before:
        word = before.group(_DIRECTION_BEFORE.d).lower()
        if word in ("up", "down") and PARTICLE_VERB_RE.match(text, max(lo, before.start() - 12),
                                                             before.start()):
            return None  # "gave up 517 yards", "shut down 12 plants": a verb's particle
        if word in NEED_BY and not BY_END_RE.search(before.group()):
            return None  # "raised $5 million" is money raised; "raised by 5%" is a change
        return "up" if word in _UP else "down"
    after = DIRECTION_AFTER_RE.match(text, end, hi, KEEP_GIL)
    if after:
        word = after.group(_DIRECTION_AFTER.d).lower()
        if word in CHANGE_NOUNS_UP or word in CHANGE_NOUNS_DOWN:
            return "up" if word in _UP else "down"
    return None
