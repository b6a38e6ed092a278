"""STUB: the karabakh_places component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class PlaceFinder:
    """Writes doc._.${ext.PLACES}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.PLACES, [])
        return doc


@Language.factory("karabakh_places", assigns=[f"doc._.{ext.PLACES}"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    ext.register_extensions()
    return PlaceFinder(nlp, name)
