"""Identity: the stable keys that make re-running anything write the same rows.

Every table keyed on content (articles, versions, claims, figures, outlets) takes its key
from here, so storage, grouping and the site agree on what "the same" means.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit


def stable_id(*parts: object) -> str:
    """A short content hash, so the same input always gets the same key."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def normalise_url(url: str) -> str:
    """One spelling per URL: scheme and host lower-cased, fragment dropped, empty path `/`."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def domain_of(url: str | None) -> str | None:
    """The host an outlet publishes from, without `www.`, so it can name the outlet."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


_SLUG = re.compile(r"[^a-z0-9.]+")


def outlet_slug(name: str) -> str:
    """An outlet's id from its name: lower case, runs of other characters as one hyphen."""
    return _SLUG.sub("-", name.lower()).strip("-.")


def article_id(url: str | None, external_id: str | None, outlet_id: str | None,
               title: str | None, text: str) -> str:
    """An article's key: its URL, else the outlet's own id for it, else its content."""
    if url:
        return stable_id("url", normalise_url(url))
    if external_id:
        return stable_id("id", outlet_id, external_id)
    return stable_id("text", outlet_id, title, text)


def claim_id(version_id: str, start: int, end: int) -> str:
    """A claim's key: the article version it was read from and where it stands in it."""
    return stable_id(version_id, start, end)
