"""claims: the numbers in the news, extracted, sourced, compared and published."""

from claims.extract import EXTRACTOR_VERSION, extract
from claims.models import Claim, Place, TimeRef

__version__ = "0.1.0"
__all__ = ["EXTRACTOR_VERSION", "Claim", "Place", "TimeRef", "__version__", "extract"]
