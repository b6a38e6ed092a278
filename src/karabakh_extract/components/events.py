"""STUB: the karabakh_events component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class EventFinder:
    """Writes doc._.${ext.EVENTS}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.EVENTS, [])
        return doc


@Language.factory("karabakh_events", assigns=[f"doc._.{ext.EVENTS}"])
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    ext.register_extensions()
    return EventFinder(nlp, name)
