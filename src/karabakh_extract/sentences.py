"""Sentences and the named things a story mentions, shared by the quotes and events components.

`sentence_spans` cuts the model's sentences at paragraph breaks too; `NameIndex`
looks up which person, organisation or place a stretch of text names, from the
records the earlier components left on the Doc.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from . import extensions as ext
from .data import load_json

DETERMINERS = frozenset(load_json("quotes_lexicon.json")["determiners"])

# Sentence ends the model's splitter misses: blank lines, and a line break right
# after sentence-final punctuation (one paragraph per line).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n|(?<=[.!?\"”’])[ \t]*\n|[ \t\u00a0]{6,}")
SUBHEAD_MAX_WORDS = 6
_SENTENCE_END = tuple('.!?"”’:;,')


# -- sentences ---------------------------------------------------------------
def sentence_spans(doc: Doc, text: Optional[str] = None) -> list[tuple[int, int]]:
    """Sentences as (start_char, end_char), also cut at paragraph breaks.

    WHY: the model's sentence splitter often runs a headline, a standfirst and a
    paragraph together; facts and attributions must not leak across them.
    """
    text = doc.text if text is None else text
    bounds = [(0, len(text))]
    if len(doc) and doc.has_annotation("SENT_START"):
        # the sentence-start column, not doc.sents: no Span objects for every sentence
        starts = [0] + [int(i) for i in numpy.flatnonzero(doc.to_array([SENT_START]) == 1) if i > 0]
        chars = [doc[i].idx for i in starts] + [len(text)]
        bounds = list(zip(chars, chars[1:]))
    spans: list[tuple[int, int]] = []
    for start, end in bounds:
        pos = start
        for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
            _add_trimmed(spans, text, pos, brk.start())
            pos = brk.end()
        _add_trimmed(spans, text, pos, end)
    return spans


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    newline = text.find("\n", start, end)
    first_line = text[start:newline].strip() if newline > 0 else ""
    if first_line and len(first_line.split()) <= SUBHEAD_MAX_WORDS and not first_line.endswith(_SENTENCE_END):
        spans.append((start, start + len(text[start:newline].rstrip())))     # a subhead line
        _add_trimmed(spans, text, newline + 1, end)
        return
    spans.append((start, end))


# -- named things the story mentions ----------------------------------------
@dataclass(frozen=True)
class Named:
    """One mention of a person, organisation or place, with the record's name."""

    start: int
    end: int
    name: str
    kind: str          # person | org | place


def read_records(doc: Doc) -> dict[str, list]:
    """People, organization and place records, read once (the getter rebuilds them each time)."""
    return {attr: getattr(doc._, attr, None) or [] for attr in (ext.PEOPLE, ext.ORGANIZATIONS, ext.PLACES)}


def named_mentions(doc: Doc, records_by_kind: Optional[dict[str, list]] = None) -> list[Named]:
    """Mentions from the people/organization/place records; the model's PERSON/ORG
    entities stand in for a record type that is empty (component not run)."""
    records_by_kind = records_by_kind or read_records(doc)
    found: list[Named] = []
    sources = ((ext.PEOPLE, "person", "PERSON"), (ext.ORGANIZATIONS, "org", "ORG"), (ext.PLACES, "place", None))
    for attr, kind, label in sources:
        records = records_by_kind[attr]
        for record in records:
            for m in record.mentions:
                found.append(Named(m.start, m.end, _org_name(record, m.text) if kind == "org" else record.name, kind))
        if not records and label:
            found.extend(_entity_mentions(doc, label, kind))
    return sorted(found, key=lambda n: (n.start, -n.end))


def _org_name(record, mention_text: str) -> str:
    """The record's name, unless the story names the organisation here in other words
    ("Israeli military" for the Israel Defense Forces): a speaker is given as the story gives it."""
    name = record.name
    said = _strip_determiner(" ".join(mention_text.split()))
    if " " in said and norm_name(name) not in norm_name(said):
        return said
    return name


def _entity_mentions(doc: Doc, label: str, kind: str) -> list[Named]:
    ents = [e for e in doc.ents if e.label_ == label]
    out = []
    for ent in ents:
        name = ent.text
        if kind == "person":
            longer = [e.text for e in ents if len(e) > len(ent) and e[-1].text == ent[-1].text]
            name = max(longer, key=len) if longer else name
        out.append(Named(ent.start_char, ent.end_char, _strip_determiner(name), kind))
    return out


def _strip_determiner(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


class NameIndex:
    """Looks up who a phrase names: mentions by offset, aliases and titles by text."""

    def __init__(self, doc: Doc) -> None:
        records = read_records(doc)
        self.mentions = named_mentions(doc, records)
        self._starts = [m.start for m in self.mentions]
        self.person_names = frozenset(m.name for m in self.mentions if m.kind == "person")
        self.alias_to_name: dict[str, tuple[str, str]] = {}
        self.title_to_person: dict[str, str] = {}
        for attr, kind in ((ext.PEOPLE, "person"), (ext.ORGANIZATIONS, "org")):
            for record in records[attr]:
                for alias in [record.name, *record.aliases]:
                    self.alias_to_name.setdefault(norm_name(alias), (record.name, kind))
                for title in getattr(record, "titles", []) or []:
                    self.title_to_person.setdefault(norm_name(title), record.name)
        # one word of one person's full name ('Phumtham' for Phumtham Wechayachai) when no other shares it
        words: dict[str, set[str]] = {}
        for record in records[ext.PEOPLE]:
            for word in record.name.split():
                if len(word) > 2 and word[:1].isupper():
                    words.setdefault(word, set()).add(record.name)
        self.person_by_word = {w: next(iter(n)) for w, n in words.items() if len(n) == 1}

    def within(self, start: int, end: int) -> list[Named]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_before(self, pos: int, kind: str) -> Optional[Named]:
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            if self.mentions[i].kind == kind and self.mentions[i].end <= pos:
                return self.mentions[i]
            i -= 1
        return None


def norm_name(text: str) -> str:
    """Lower case, one space, curly apostrophes straight, no leading "the": for comparing names."""
    text = text.replace("’", "'").lower().strip()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^the ", "", text)
