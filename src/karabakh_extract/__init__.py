"""karabakh-extract: facts from wire news about armed conflict, with character offsets.

    from karabakh_extract import extract
    facts = extract(text, published="2020-10-30")   # an ArticleFacts record
    facts.to_dict()                                  # the contract's JSON form
"""
__version__ = "0.1.0"

from .api import extract, extract_decoded, extract_many  # noqa: E402
from .records import ArticleFacts  # noqa: E402

__all__ = ["extract", "extract_many", "extract_decoded", "ArticleFacts", "__version__"]
