"""STUB: the karabakh_people component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class PeopleFinder:
    """Writes doc._.${ext.PEOPLE}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.PEOPLE, [])
        return doc


@Language.factory("karabakh_people", assigns=[f"doc._.{ext.PEOPLE}"])
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    ext.register_extensions()
    return PeopleFinder(nlp, name)
