"""STUB: the karabakh_quotes component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class QuoteFinder:
    """Writes doc._.${ext.QUOTES}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.QUOTES, [])
        return doc


@Language.factory("karabakh_quotes", assigns=[f"doc._.{ext.QUOTES}"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    ext.register_extensions()
    return QuoteFinder(nlp, name)
