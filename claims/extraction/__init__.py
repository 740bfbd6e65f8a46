"""Text in, claims out: `extract(text, published)` and the version of the rules behind it.

The package imports nothing heavy until `extract` is first used, so a module that only needs
a vocabulary (`claims.extraction.lexicon`, read by grouping too) does not compile the
extraction patterns or load the gazetteer. The pipeline is in `pipeline`; the steps in
`candidates` (numbers) and `claim` (what each number claims).
"""

from __future__ import annotations

__all__ = ["EXTRACTOR_VERSION", "extract"]

#: Stamped on every stored claim; `claims reextract` replaces claims from older versions.
EXTRACTOR_VERSION = "0.5.62"


def __getattr__(name: str):
    """`extract`, loaded on first use."""
    if name == "extract":
        from claims.extraction.pipeline import extract

        return extract
    raise AttributeError(f"module 'claims.extraction' has no attribute {name!r}")
