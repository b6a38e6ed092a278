"""Per-Doc values several components read (the text, token texts, lowercase words), computed once.

spaCy rebuilds `doc.text` on every access, and each component runs over a whole
batch before the next starts, so a one-slot memo would rebuild these once per
component; this small table keeps them per Doc for the whole pipeline pass.
"""
from __future__ import annotations

from spacy.tokens import Doc

# Per-Doc values several components need (the text, known-organisation spans): spaCy runs each component
# over a whole batch before the next, so a one-slot memo would rebuild them once per component.
_PER_DOC_LIMIT = 1024
_PER_DOC: dict[tuple[int, str], tuple[Doc, object]] = {}


def per_doc(doc: Doc, name: str, compute):
    """compute(doc), once per Doc and name (the Doc is kept so its id cannot be reused meanwhile)."""
    key = (id(doc), name)
    hit = _PER_DOC.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    if len(_PER_DOC) >= _PER_DOC_LIMIT:
        _PER_DOC.clear()
    value = compute(doc)
    _PER_DOC[key] = (doc, value)
    return value


def _text_of(doc: Doc) -> str:
    return doc.text


def doc_text(doc: Doc) -> str:
    """doc.text, memoised per Doc: spaCy rebuilds the string on every access."""
    return per_doc(doc, "text", _text_of)


def _words_of(doc: Doc) -> list[str]:
    return [t.text for t in doc]


def doc_words(doc: Doc) -> list[str]:
    """Token texts, read once per Doc: scans test these and build a Token only where one matches."""
    return per_doc(doc, "words", _words_of)


def lowercase_words(doc: Doc) -> frozenset:
    """Words the story writes in lowercase somewhere: 'Interior' or 'Driver' capitalised only where a
    sentence or headline starts is that common word, not a name."""
    return per_doc(doc, "lowercase_words", lambda d: frozenset(w for w in doc_words(d) if w.islower()))
