"""Who said it: the sources articles attribute figures to, with their many names made one.

Reporters name the same monitor a dozen ways ("SOHR", "the Syrian Observatory for Human
Rights", "the British-based Observatory"), and a figure can only be traced back to its origin
if those are one source. Names are normalised (case, punctuation, a leading "the", a
"London-based"-style prefix) and then looked up in the alias table; a name that opens with a
known source's is its desk or its people and joins it ("SANA reporter in Aleppo"); a
generic descriptor ("a monitor", "activists") is no source at all: it stays as written on
its claim (`attributed_to`) and is never merged across articles; any other name becomes a
source of its own, keyed on its normalised form. The known sources and their
aliases are data: claims/data/sources.json.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata

from claims import data

# Descriptive prefixes that say where a source sits, not who it is ("the Britain-based
# Observatory" is the Observatory).
BASED_PREFIXES: tuple[str, ...] = (
    "britain based", "british based", "uk based", "u k based", "london based",
    "coventry based", "us based", "u s based", "new york based", "geneva based",
    "beirut based", "istanbul based", "turkey based", "damascus based", "opposition",
    "pro government", "pro regime", "independent",
)

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# Built with `re` here rather than claims.extraction.patterns: storage (claims.db) reads this
# module and must not load the extractor.
_BASED = re.compile(r"^(?:" + "|".join(re.escape(p) for p in BASED_PREFIXES) + r")\s+")
# The same prefixes as written, after an article: "a Britain-based monitor".
_BASED_RAW = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:" + "|".join(
        r"[\s.-]*".join(re.escape(w) for w in p.split()) for p in BASED_PREFIXES
    ) + r")\s+", re.IGNORECASE)


def normalise(name: str) -> str:
    """The lookup key: lower case, no accents or punctuation, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.replace("'s ", " ").replace("\u2019s ", " ").lower())
    text = _SPACE.sub(" ", text).strip()
    text = text.removeprefix("the ")
    return text


def slug(key: str) -> str:
    return key.replace(" ", "-")


def _add(entries) -> None:
    """Register sources (dicts: id, name, aliases) in NAMES and ALIASES, later ones winning."""
    for item in entries:
        NAMES[item["id"]] = item["name"]
        for alias in (item["name"], *item.get("aliases", ())):
            ALIASES[normalise(alias)] = item["id"]


# Normalised alias -> source id, and source id -> display name.
ALIASES: dict[str, str] = {}
NAMES: dict[str, str] = {}
_add(data.sources())


def _desk_of(key: str) -> str | None:
    """The known source whose name opens this one, so its people and desks join it: "SANA
    reporter in Aleppo", "Observatory director Rami Abdel Rahman" ("Turkish state media" is
    not "state media": the name must come first). The longest such name wins."""
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        source_id = ALIASES.get(" ".join(words[:n]))
        if source_id is not None:
            return source_id
    return None


def is_generic(name: str) -> bool:
    """A descriptor, not a name: "a monitor", "activists", "the ministry", "a military
    source", "Media reports". Reporters use these for many different sources, so each is its
    article's only. A capital after the first word names someone ("a source at Aleppo
    Police Command"), and so does a noun that is no descriptor ("Reuters")."""
    words = _BASED.sub("", normalise(name)).split()
    raw = _BASED_RAW.sub("", name.strip()).split()
    return (bool(words) and words[-1] in DESCRIPTOR_NOUNS
            and not any(w[:1].isupper() for w in raw[1:]))


# The nouns descriptors end in: who, in general, says a figure (data: sources.json).
DESCRIPTOR_NOUNS = frozenset(data.descriptors())


@functools.lru_cache(maxsize=65536)
def resolve(name: str) -> tuple[str, str, str] | None:
    """(source id, display name, alias key) for an attributed name; None if nothing is left,
    or if it is a generic descriptor no other article's can be said to be (`is_generic`)."""
    key = normalise(name)
    if not key:
        return None
    bare = _BASED.sub("", key)
    source_id = ALIASES.get(key) or ALIASES.get(bare) or _desk_of(key) or _desk_of(bare)
    if source_id is not None:
        return source_id, NAMES[source_id], key
    if is_generic(name):
        return None
    display = name.strip()
    if display[:4].lower() == "the ":
        display = display[4:]
    return slug(key), display, key


def known_rows() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The built-in (id, name) sources and (alias, source id) aliases, for seeding the database."""
    return list(NAMES.items()), sorted(ALIASES.items())


@contextlib.contextmanager
def registered(entries):
    """Extra sources (dicts: id, name, aliases) for the duration of a block; the fictional
    demo's generic aliases ("the army") must not leak into other databases."""
    saved_aliases, saved_names = dict(ALIASES), dict(NAMES)
    _add(entries)
    resolve.cache_clear()
    try:
        yield
    finally:
        ALIASES.clear()
        ALIASES.update(saved_aliases)
        NAMES.clear()
        NAMES.update(saved_names)
        resolve.cache_clear()
