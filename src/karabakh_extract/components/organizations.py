"""STUB: the karabakh_organizations component (to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class OrganizationFinder:
    """Writes doc._.${ext.ORGANIZATIONS}."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ext.ORGANIZATIONS, [])
        return doc


@Language.factory("karabakh_organizations", assigns=[f"doc._.{ext.ORGANIZATIONS}"])
def make_organization_finder(nlp: Language, name: str) -> OrganizationFinder:
    ext.register_extensions()
    return OrganizationFinder(nlp, name)
