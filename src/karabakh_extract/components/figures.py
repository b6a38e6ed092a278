"""STUB: the karabakh_figures component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class FigureFinder:
    """Writes doc._.${ext.FIGURES}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.FIGURES, [])
        return doc


@Language.factory("karabakh_figures", assigns=[f"doc._.{ext.FIGURES}"])
def make_figure_finder(nlp: Language, name: str) -> FigureFinder:
    ext.register_extensions()
    return FigureFinder(nlp, name)
