"""Who said it: the sources articles attribute figures to, with their many names made one.

Reporters name the same monitor a dozen ways ("SOHR", "the Syrian Observatory for Human
Rights", "the British-based Observatory"), and a figure can only be traced back to its origin
if those are one source. Names are normalised (case, punctuation, a leading "the", a
"London-based"-style prefix) and then looked up in the alias table below; a name that is not
there becomes a source of its own, keyed on its normalised form.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata

# source id, display name, aliases (written as people write them; normalised at import)
KNOWN_SOURCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("sohr", "Syrian Observatory for Human Rights", (
        "SOHR", "the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights",
        "the Syrian Observatory", "the Observatory", "the Syrian Observatory for Human Rights monitor",
        "the Syrian Observatory for Human Rights monitoring group", "the Observatory's director",
        "Rami Abdel Rahman", "Rami Abdulrahman", "Rami Abdel-Rahman",
        "the head of the Syrian Observatory for Human Rights",
    )),
    ("snhr", "Syrian Network for Human Rights", (
        "SNHR", "the Syrian Network for Human Rights",
    )),
    ("vdc", "Violations Documentation Center", (
        "VDC", "the Violations Documentation Center", "the Violations Documentation Centre",
    )),
    ("lcc", "Local Coordination Committees", (
        "LCC", "the LCC", "the Local Coordination Committees", "Local Coordination Committees",
        "the Local Coordination Committees of Syria",
    )),
    ("sana", "SANA", (
        "SANA", "the Syrian Arab News Agency", "Syrian state news agency SANA",
        "state news agency SANA", "the official SANA news agency", "state media",
        "Syrian state media", "Syrian state television", "state television",
    )),
    ("white-helmets", "White Helmets (Syria Civil Defence)", (
        "the White Helmets", "Syria Civil Defence", "the Syria Civil Defence",
        "Syrian Civil Defence", "Syrian Civil Defense", "the Syrian Civil Defense",
        "the civil defence", "civil defense",
    )),
    ("sarc", "Syrian Arab Red Crescent", (
        "SARC", "the Syrian Arab Red Crescent", "the Red Crescent",
    )),
    ("icrc", "International Committee of the Red Cross", (
        "ICRC", "the International Committee of the Red Cross", "the Red Cross",
    )),
    ("msf", "Médecins Sans Frontières", (
        "MSF", "Doctors Without Borders", "Médecins Sans Frontières", "Medecins Sans Frontieres",
    )),
    ("un", "United Nations", ("UN", "the U.N.", "the United Nations", "the world body")),
    ("ocha", "UN Office for the Coordination of Humanitarian Affairs", (
        "OCHA", "UNOCHA", "the UN Office for the Coordination of Humanitarian Affairs",
        "the UN humanitarian office", "the U.N. humanitarian office",
    )),
    ("unhcr", "UNHCR", (
        "UNHCR", "the UN refugee agency", "the U.N. refugee agency",
        "the United Nations High Commissioner for Refugees", "the UN High Commissioner for Refugees",
    )),
    ("unicef", "UNICEF", ("UNICEF", "the UN children's agency", "the U.N. children's agency")),
    ("who", "World Health Organization", (
        "WHO", "the World Health Organization", "the World Health Organisation",
    )),
    ("hrw", "Human Rights Watch", ("HRW", "Human Rights Watch")),
    ("amnesty", "Amnesty International", ("Amnesty", "Amnesty International")),
    ("russian-mod", "Russian Defence Ministry", (
        "the Russian Defence Ministry", "the Russian Defense Ministry",
        "the Russian Ministry of Defence", "the Russian Ministry of Defense",
        "Russia's Defence Ministry", "Russia's Defense Ministry", "the Russian military",
    )),
    ("pentagon", "Pentagon", ("the Pentagon", "the US Department of Defense",
                              "the U.S. Department of Defense")),
    ("coalition", "US-led coalition", (
        "the US-led coalition", "the U.S.-led coalition", "the coalition",
        "the international coalition", "Operation Inherent Resolve", "CJTF-OIR",
    )),
)

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


ALIASES: dict[str, str] = {}
for _id, _name, _aliases in KNOWN_SOURCES:
    for _alias in (_name, *_aliases):
        ALIASES[normalise(_alias)] = _id
NAMES: dict[str, str] = {source_id: name for source_id, name, _ in KNOWN_SOURCES}


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
    for item in entries:
        NAMES[item["id"]] = item["name"]
        for alias in (item["name"], *item.get("aliases", ())):
            ALIASES[normalise(alias)] = item["id"]
    resolve.cache_clear()
    try:
        yield
    finally:
        ALIASES.clear()
        ALIASES.update(saved_aliases)
        NAMES.clear()
        NAMES.update(saved_names)
        resolve.cache_clear()
