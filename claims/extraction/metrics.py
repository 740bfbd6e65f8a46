"""What a figure counts: metric cues around the number, the counted noun, and direction of change."""

from __future__ import annotations

import re

import regex

from claims.extraction.patterns import alternation, ending_at

# Event words: the nearest one in the clause says what happened to the counted people.
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying",
        "deaths", "death", "death toll", "toll", "lives", "lost their lives", "massacred",
        "massacre", "slain", "executed", "perished", "fatalities", "bodies", "martyrs",
        "martyred", "murdered", "drowned", "lost their lives", "casualty toll", "beheaded", "beheading",
        "beheadings",
    ),
    "wounded": (
        "wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds",
        "injures", "wounds", "injure", "wound",
    ),
    "casualties": ("casualties",),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "evacuated": (
        "evacuated", "evacuating", "evacuation", "evacuations", "evacuees", "transported out",
        "bussed out", "bused out", "ferried out", "taken out",
    ),
    "displaced": (
        "displaced", "displacing", "fled", "flee", "fleeing", "refugees", "homeless",
        "uprooted", "driven from their homes",
    ),
    "arrested": (
        "arrested", "arresting", "arrests", "detained", "detaining", "detentions",
        "detainees", "jailed", "imprisoned", "rounded up", "prisoners",
    ),
    "kidnapped": ("kidnapped", "kidnapping", "abducted", "abducting", "hostages", "taken hostage"),
    "released": ("released", "releasing", "freed", "freeing", "swap", "prisoner exchange"),
    "besieged": ("besieged", "trapped", "under siege", "encircled"),
    "affected": ("affected", "in need", "need aid", "need assistance", "need help"),
    "control": (
        "control", "controls", "controlled", "controlling", "seized", "captured",
        "recaptured", "retook", "retaken", "held by", "holds", "territory",
    ),
    "population": ("population", "inhabitants", "home to", "populated"),
}
# Head nouns that name what is counted when no event word says otherwise.
SUBJECT_CUES: dict[str, tuple[str, ...]] = {
    "fighters": (
        "fighters", "militants", "rebels", "troops", "soldiers", "gunmen", "jihadists",
        "combatants", "insurgents", "militiamen", "servicemen", "policemen", "officers",
        "mercenaries", "terrorists",
    ),
    "protesters": ("protesters", "protestors", "demonstrators", "marchers"),
    "strikes": (
        "airstrikes", "air strikes", "strikes", "raids", "air raids", "barrel bombs",
        "missiles", "rockets", "shells", "mortars", "bombs", "sorties", "attacks",
    ),
    "population": ("residents", "inhabitants"),
    "killed": ("martyrs", "bodies", "corpses", "fatalities", "deaths", "dead"),
    # Things, not people: "a strike destroyed two vehicles", "rebels took 3 villages".
    "count": (
        "vehicles", "cars", "trucks", "lorries", "buses", "villages", "towns", "neighborhoods",
        "neighbourhoods", "districts", "buildings", "houses", "homes", "schools", "hospitals",
        "positions", "checkpoints", "bases", "tanks",
    ),
}
# Counted nouns that say what happened more surely than any event word nearby:
# "4 martyrs ... 22 injured", "three strikes ... killing nine", "killing 12 and destroying
# two vehicles".
STRONG_SUBJECT_METRICS = frozenset({"killed", "strikes", "count"})
# Verbs that, written right before a figure, say what it counts whatever else is near:
# "killing at least 100 and wounding hundreds", "Bombing Claims 5".
DIRECT_CUES: dict[str, tuple[str, ...]] = {
    "killed": ("claims", "claim", "claimed", "claiming", "claimed the lives of",
               "claiming the lives of", "claims the lives of", "killing", "kills", "killed",
               "kill", "left", "leaving"),
}
# A death toll stated as a level: "the death toll rose to 112", "Death Toll in Blast ...
# Rises to 70", "putting the death toll at at least 70", "a toll of 12".
TOLL_LEVEL_VERBS = (
    "rises", "rose", "risen", "rising", "climbs", "climbed", "climbing", "jumps", "jumped",
    "reaches", "reached", "hits", "hit", "stands", "stood", "increased", "increases", "mounts",
    "mounted", "surpassed", "passed", "tops", "topped", "exceeds", "exceeded", "soared",
    "is", "was", "now", "went up", "has risen", "had risen",
)
# Nouns that make a count a count of people.
PEOPLE_NOUNS = frozenset(
    [
        "people", "persons", "person", "civilians", "children", "kids", "women", "men", "adults",
        "boys", "girls", "babies", "infants", "fighters", "militants", "rebels", "troops",
        "soldiers", "gunmen", "jihadists", "combatants", "insurgents", "militiamen", "policemen",
        "officers", "protesters", "protestors", "demonstrators", "refugees", "migrants",
        "residents", "inhabitants", "victims", "patients", "doctors", "nurses", "journalists",
        "workers", "students", "teachers", "prisoners", "detainees", "hostages", "pilgrims",
        "passengers", "members", "supporters", "voters", "citizens", "nationals", "employees",
        "staff", "individuals", "families", "villagers", "worshippers", "mourners", "bystanders",
        "pedestrians", "survivors", "relatives", "minors", "elderly", "youths", "teenagers",
        "civilian", "person", "child", "woman", "man", "soldier", "fighter", "militant", "rebel",
        "officer", "member", "terrorists", "mercenaries", "servicemen", "personnel", "followers",
        "users", "customers", "fans"
    ]
)
UP_WORDS = (
    "rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases",
    "increasing", "climbed", "climb", "climbs", "jumped", "jump", "jumps", "surged",
    "surge", "surges", "soared", "soar", "soars", "gained", "gain", "gains", "grew", "grow",
    "grows", "grown", "up", "advanced", "advances", "rallied", "spiked", "added", "adds",
    "expanded", "boosted", "raised", "hiked", "higher", "swelled", "rebounded", "accelerated",
    "advancing", "gaining", "climbing", "jumping", "surging", "soaring", "growing", "upward",
)
DOWN_WORDS = (
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "declined",
    "decline", "declines", "decreased", "decrease", "decreases", "slid", "slide", "slides",
    "slipped", "slips", "lost", "loses", "shed", "sheds", "plunged", "plunge", "plunges",
    "tumbled", "tumble", "sank", "sink", "down", "dipped", "dip", "dips", "shrank",
    "shrink", "contracted", "eased", "eases", "cut", "cuts", "reduced", "slumped", "slump",
    "retreated", "plummeted", "plummeting", "lower", "slashed", "tanked", "sagged",
    "dropping", "declining", "sliding", "slipping", "losing", "shedding", "plunging",
    "tumbling", "sinking", "dipping", "shrinking", "easing", "downward", "downwards",
)
# Verbs whose "up"/"down" is a particle, not a change: "gave up 517 yards".
PARTICLE_VERBS = (
    "gave", "give", "gives", "giving", "given", "picked", "pick", "picks", "set", "sets",
    "made", "make", "makes", "took", "take", "takes", "put", "puts", "signed", "sign", "signs",
    "shut", "shuts", "turned", "turn", "turns", "broke", "break", "breaks", "backed", "wound",
    "handed", "hand", "hands", "cleared", "wrapped", "racked", "rack", "racks", "tied", "locked", "build", "built",
)
# Change verbs that state a change only with "by": "raised $5 million" is money raised.
NEED_BY = frozenset(["raised"])
CHANGE_NOUNS_UP = ("increase", "rise", "gain", "jump", "hike", "growth", "surge", "boost", "rally")
CHANGE_NOUNS_DOWN = ("decrease", "decline", "drop", "fall", "cut", "reduction", "loss", "slump")

# Words that end a counted noun phrase: verbs, prepositions, conjunctions.
# The source a headline names after its figure: "Bomb kills 43: monitor" (colon stripped).
HEADLINE_SOURCES = ("observatory", "monitor", "reuters", "afp", "sana")
SUBJECT_STOPS = frozenset(
    [
        "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "who", "whom",
        "which", "that", "in", "on", "at", "from", "by", "with", "for", "to", "and", "or", "but",
        "as", "after", "before", "during", "since", "including", "among", "amid", "according",
        "said", "says", "told", "when", "while", "across", "into", "out", "over", "under", "near",
        "per", "than", "of", "this", "these", "those", "their", "its", "his", "her", "our", "your",
        "my", "the", "a", "an", "such", "other", "who's", "will", "would", "could", "should", "may",
        "might", "can", "did", "do", "does", "not", "no", "also", "reportedly", "allegedly",
        "since", "last", "this", "next", "each", "every", "all", "both", "either", "more", "less",
        "most", "least", "about", "around", "nearly", "almost", "some", "so", "if", "because",
        "though", "although", "until", "till", "via", "between", "against", "towards", "toward",
        "within", "without", "inside", "outside", "along", "up", "down", "off", "monday", "dead",
        "killed", "injured", "wounded", "missing", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "yesterday", "today", "tonight",
        "several", "many", "few", "various", "come", "came", "go", "went", "behind", "beyond",
        "through", "throughout", "upon", "onto", "around", "above", "below", "like", "unlike",
        "despite", "except"
    ] + list(HEADLINE_SOURCES)
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
TOLL_BEFORE_RE = ending_at(
    rf"(?i:\btoll\b(?:[^.;\n]{{0,80}}?\b(?:{alternation(TOLL_LEVEL_VERBS, backward=True)})"
    r"(?:\s+(?:to|at))?"
    r"|\s+(?:of|at|to))\s+)"
)
SUBJECT_CUE_RE = ending_at(
    rf"(?i:{alternation({cue for cues in SUBJECT_CUES.values() for cue in cues}, backward=True)})"
)
EVENT_RE = regex.compile(rf"\b(?i:{alternation(_CUE_METRIC)})\b")
# The same for lower-cased text with the standard library's `re`, about twice as fast.
_EVENT_LOWER_RE = re.compile(rf"\b(?:{alternation(_CUE_METRIC)})\b")
_SUBJECT_METRIC = {cue: metric for metric, cues in SUBJECT_CUES.items() for cue in cues}
DIRECTION_BEFORE_RE = ending_at(
    rf"(?<![\w])(?P<d>(?i:{alternation(UP_WORDS + DOWN_WORDS, backward=True)}))"
    r"(?:\s+(?i:by|of|another|a\s+further|an\s+additional)|(?:\s+\p{Ll}+){1,2}\s+(?i:by))?\s*"
)  # "rose 5%", "fell by 200", "grow sales by 35 per cent"
DIRECTION_AFTER_RE = regex.compile(
    rf"\s+(?P<d>(?i:{alternation(CHANGE_NOUNS_UP + CHANGE_NOUNS_DOWN + UP_WORDS + DOWN_WORDS)}))"
    r"(?![\w])"
)
# A change verb, perhaps with an adverb, ending just before "from": "rose sharply from".
CHANGE_BEFORE_RE = ending_at(
    rf"(?<![\w])(?i:{alternation(UP_WORDS + DOWN_WORDS, backward=True)})"
    r"(?:\s+[a-z]+ly)?\s+"
)
_UP = frozenset(UP_WORDS + CHANGE_NOUNS_UP)
PARTICLE_VERB_RE = ending_at(rf"(?<![\w])(?i:{alternation(PARTICLE_VERBS, backward=True)})\s+")
BY_END_RE = regex.compile(r"(?i:\bby)\s*\Z")


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
        if match.end() <= start:
            distance = start - match.end()
        elif match.start() >= end:
            distance = match.start() - end
        else:
            continue
        if distance < best_distance:
            best_distance = distance
            best = _CUE_METRIC[" ".join(match.group().lower().split())]
    return best


def cue_metric(cue: str) -> str | None:
    return _CUE_METRIC.get(" ".join(cue.lower().split()))


def direct_metric(text: str, lo: int, start: int) -> str | None:
    """The metric a verb or a death toll written just before the figure gives it."""
    toll = TOLL_BEFORE_RE.match(text, max(lo, start - 120), start)
    if toll:
        return "killed"
    cue = DIRECT_BEFORE_RE.match(text, max(lo, start - 32), start)
    if cue:
        return _DIRECT_METRIC[" ".join(cue.group("cue").lower().split())]
    return None


def subject_metric(subject: str | None) -> str | None:
    if not subject:
        return None
    match = SUBJECT_CUE_RE.match(subject)
    return _SUBJECT_METRIC[" ".join(match.group().lower().split())] if match else None


def is_people(subject: str | None) -> bool:
    if not subject:
        return False
    words = subject.lower().split()
    return any(word in PEOPLE_NOUNS for word in words)


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
        "suffered", "proves", "prove"
    ]
)
# Words kept inside the phrase only when a noun follows: "eight more picks", "two new jets".
MODIFIERS = frozenset([
    "more", "other", "new", "additional", "extra", "further", "previous", "fewer"
])
_NUMBER_WORDS = frozenset(
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion"
    ]
)
_OF_RE = regex.compile(
    r"[ \t]+of[ \t]+(?:(?:the|its|their|his|her|our|these|those)[ \t]+)?", regex.IGNORECASE
)


def subject_after(
    text: str, pos: int, limit: int, singular: bool = False
) -> tuple[str, int] | None:
    """The counted noun phrase right after the number ("fighters and civilians") and its end.

    Without a tagger the phrase ends at a stop word, a verb-like word, or after its last
    plural noun, which is where English counted phrases end in practice."""
    words: list[tuple[int, int]] = []
    cursor = pos
    of = _OF_RE.match(text, pos, limit)
    if of:
        cursor = of.end()
        singular = False  # "one of the students"
    while len(words) < 4:
        match = (_NEXT_WORD_RE if words or of else _FIRST_WORD_RE).match(text, cursor, limit)
        if match is None:
            break
        word = match.group(1).lower()
        if word in MODIFIERS or (word.endswith("ing") and word not in SUBJECT_STOPS):
            # "eight more picks", "517 rushing yards", "400 charging stations"
            following = _NEXT_WORD_RE.match(text, match.end(), limit)
            if following and _is_noun(following.group(1).lower(), plural=word.endswith("ing")):
                words.append(match.span(1))
                cursor = match.end()
                continue
            break
        if singular and words and word.endswith("s") and match.group(1).islower():
            break  # "one proposal asks": after one noun, an -s word is a verb
        if word == "and" and words:
            following = _NEXT_WORD_RE.match(text, match.end(), limit)
            if following and following.group(1).lower() in PEOPLE_NOUNS:
                words.append(match.span(1))
                cursor = match.end()
                continue
            break
        if (
            word in SUBJECT_STOPS
            or word in VERB_STOPS
            or word in _NUMBER_WORDS
            or len(word) == 1
            or THAN_RE.match(text, match.end(), limit)
            or (word.endswith("ed") and (words or not _next_is_noun(text, match.end(), limit)))
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
        word = text[start:end].lower()
        if not singular and (word.endswith("s") or word in PEOPLE_NOUNS):
            last = index
    start, end = words[0][0], words[last][1]
    return text[start:end], end


def _is_noun(word: str, plural: bool = False) -> bool:
    if word in SUBJECT_STOPS or word in VERB_STOPS or word.endswith(("ed", "ing")):
        return False
    return not plural or word.endswith("s") or word in PEOPLE_NOUNS


def _next_is_noun(text: str, pos: int, limit: int) -> bool:
    match = _NEXT_WORD_RE.match(text, pos, limit)
    if match is None:
        return False
    word = match.group(1).lower()
    return word not in SUBJECT_STOPS and not word.endswith(("ed", "ing"))


def direction(text: str, lo: int, start: int, end: int, hi: int) -> str | None:
    """`up`/`down` when the figure is itself a change: "rose 5 percent", "a 3% drop"."""
    before = DIRECTION_BEFORE_RE.match(text, max(lo, start - 30), start)
    if before:
        word = before.group("d").lower()
        if word in ("up", "down") and PARTICLE_VERB_RE.match(text, max(lo, before.start() - 12),
                                                             before.start()):
            return None  # "gave up 517 yards", "shut down 12 plants": a verb's particle
        if word in NEED_BY and not BY_END_RE.search(before.group()):
            return None  # "raised $5 million" is money raised; "raised by 5%" is a change
        return "up" if word in _UP else "down"
    after = DIRECTION_AFTER_RE.match(text, end, hi)
    if after:
        word = after.group("d").lower()
        if word in CHANGE_NOUNS_UP or word in CHANGE_NOUNS_DOWN:
            return "up" if word in _UP else "down"
    return None
