"""claims: the numbers in the news, extracted, sourced, compared and published."""

from claims.extract import EXTRACTOR_VERSION, extract
from claims.models import Claim, Place, TimeRef

__version__ = "0.1.0"
__all__ = ["Claim", "EXTRACTOR_VERSION", "Place", "TimeRef", "extract", "__version__"]
