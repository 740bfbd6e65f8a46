"""Who said it: the sources articles attribute figures to, with their many names made one.

Reporters name the same monitor a dozen ways ("SOHR", "the Syrian Observatory for Human
Rights", "the British-based Observatory"), and a figure can only be traced back to its origin
if those are one source. Names are normalised (case, punctuation, a leading "the", a
"London-based"-style prefix) and then looked up in the alias table; a name that is not
there becomes a source of its own, keyed on its normalised form. The known sources and their
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


@functools.lru_cache(maxsize=65536)
def resolve(name: str) -> tuple[str, str, str] | None:
    """(source id, display name, alias key) for an attributed name; None if nothing is left."""
    key = normalise(name)
    if not key:
        return None
    source_id = ALIASES.get(key)
    if source_id is None:
        bare = _BASED.sub("", key)
        source_id = ALIASES.get(bare)
    if source_id is not None:
        return source_id, NAMES[source_id], key
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
