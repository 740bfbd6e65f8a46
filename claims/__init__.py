"""claims: the numbers in the news, extracted, sourced, compared and published.

The extractor and the models are loaded on first use, so `claims --help`, `claims serve` and
a re-run that finds nothing new do not pay for compiling the extraction patterns.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["EXTRACTOR_VERSION", "Claim", "Place", "TimeRef", "__version__", "extract"]

_LAZY = {
    "extract": "claims.extraction",
    "EXTRACTOR_VERSION": "claims.extraction",
    "Claim": "claims.models",
    "Place": "claims.models",
    "TimeRef": "claims.models",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")
