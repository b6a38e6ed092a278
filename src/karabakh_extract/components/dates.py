"""STUB: the karabakh_dates component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class DateResolver:
    """Writes doc._.${ext.DATES}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.DATES, [])
        return doc


@Language.factory("karabakh_dates", assigns=[f"doc._.{ext.DATES}"])
def make_date_resolver(nlp: Language, name: str) -> DateResolver:
    ext.register_extensions()
    return DateResolver(nlp, name)
