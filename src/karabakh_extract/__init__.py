"""karabakh-extract: facts from wire news about armed conflict, with character offsets.

    from karabakh_extract import extract, extract_many, extract_files, BatchOptions
    facts = extract(text, published="2020-10-30")   # an ArticleFacts record (dataclass)
    facts.to_dict()                                  # the contract's JSON form
    for facts in extract_many(texts): ...            # many texts through one nlp.pipe stream
    for result in extract_files(paths, BatchOptions(jobs=2)):   # files, in order, worker processes
        result.ok, result.json, result.facts()
"""
__version__ = "0.1.0"

from .api import extract, extract_decoded, extract_many  # noqa: E402
from .batch import BatchOptions, FileResult, extract_files  # noqa: E402
from .records import ArticleFacts  # noqa: E402

__all__ = ["extract", "extract_many", "extract_decoded", "extract_files", "BatchOptions", "FileResult",
           "ArticleFacts", "__version__"]
