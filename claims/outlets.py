"""Who published it: one outlet per publisher, whatever name or web address an article came
with. Datasets spell a publisher many ways ("Reuters", "ReutersIndia", "Reuters_Co_Uk") and
its pages live on many hosts (uk.reuters.com, www.reuters.com); comparing outlets only means
something when those are one outlet. The known publishers are data: claims/data/outlets.json.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from claims import data
from claims.ids import outlet_slug

_WORD_BREAKS = re.compile(r"[^a-z0-9]+")


def key(name: str) -> str:
    """A name's lookup key: no accents, case, punctuation, spaces or leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = text.removeprefix("the ")
    return _WORD_BREAKS.sub("", text)


@functools.cache
def _tables() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], frozenset[str]]:
    """(name key -> outlet, registered domain -> outlet, second-level suffixes), read once."""
    table = data.outlets()
    by_name, by_domain = {}, {}
    for item in table["outlets"]:
        outlet = (item["id"], item["name"])
        for name in (item["id"], item["name"], *item.get("aliases", ())):
            by_name[key(name)] = outlet
        for domain in item.get("domains", ()):
            by_domain[domain] = outlet
    return by_name, by_domain, frozenset(table["second_level_domains"])


def registered_domain(host: str) -> str:
    """The domain a publisher registered: "uk.reuters.com" -> "reuters.com",
    "www.bbc.co.uk" -> "bbc.co.uk"."""
    labels = host.lower().strip(".").split(".")
    second_level = _tables()[2]
    size = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in second_level else 2
    return ".".join(labels[-size:])


def known(name: str | None, domain: str | None) -> tuple[str, str] | None:
    """(id, display name) of a publisher in the table, by name first, then by the registered
    domain of a host; None when neither is known."""
    by_name, by_domain, _ = _tables()
    name = (name or "").strip()
    if name and key(name) in by_name:
        return by_name[key(name)]
    registered = registered_domain(domain) if domain else None
    return by_domain.get(registered) if registered else None


@functools.lru_cache(maxsize=4096)
def resolve(name: str | None, domain: str | None) -> tuple[str, str] | None:
    """(id, display name) of the outlet a name or a host stands for: a known publisher
    (`known`); else an unknown name is its own outlet, and an unknown host its registered
    domain. None when there is neither. Remembered for the last few thousand names, since
    a corpus names its outlets again and again (an ingest resolves each article's twice)."""
    found = known(name, domain)
    if found:
        return found
    name = (name or "").strip()
    registered = registered_domain(domain) if domain else None
    if name:
        return outlet_slug(name) or name, name
    if registered:
        return outlet_slug(registered), registered
    return None
