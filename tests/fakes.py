"""A fast stand-in for the model pipeline, for batch and CLI tests that are about
files, errors and offsets rather than extraction quality."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.records import DateFact

BOOM = "BOOM-TRIGGER"  # a document containing this makes the fake pipeline raise


@Language.component("kx_test_title_words")
def title_words_as_facts(doc: Doc) -> Doc:
    """Every title-case word becomes a 'date' fact: plenty of offsets to check."""
    facts = [DateFact(text=t.text, start=t.idx, end=t.idx + len(t.text)) for t in doc if t.is_title]
    setattr(doc._, ext.DATES, facts)
    return doc


@Language.component("kx_test_boom")
def boom(doc: Doc) -> Doc:
    if BOOM in doc.text:
        raise RuntimeError("the fake pipeline fails on purpose")
    return doc


def fake_pipeline() -> Language:
    ext.register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kx_test_title_words")
    nlp.add_pipe("kx_test_boom")
    return nlp


def use_fake_pipeline(monkeypatch) -> Language:
    """Make batch mode and the api load the fake pipeline instead of the model."""
    nlp = fake_pipeline()
    monkeypatch.setattr("karabakh_extract.batch.load_pipeline", lambda model=None: nlp)
    monkeypatch.setattr("karabakh_extract.api.load_pipeline", lambda model=None: nlp)
    return nlp


ARTICLE = (
    "Armenia and Azerbaijan agree to new ceasefire talks\n"
    "\n"
    "MOSCOW (AP) — Armenia and Azerbaijan agreed Saturday to hold talks in Geneva, "
    "officials said, after weeks of fighting over Nagorno-Karabakh.\n"
    "\n"
    "“We hope the truce holds,” said Sergey Lavrov, the Russian foreign minister.\n"
    "\n"
    "At least 90 civilians have been killed since Sept. 27, Azerbaijani authorities said.\n"
)


def spans_hold(record: dict, text: str) -> int:
    """Assert every offset-carrying fact matches text[start:end]; return how many were checked."""
    checked = 0
    for key in ("dates", "figures", "events", "quotes"):
        for fact in record[key]:
            assert text[fact["start"]:fact["end"]] == fact["text"], (key, fact)
            checked += 1
    for key in ("people", "organizations", "places"):
        for entity in record[key]:
            for mention in entity["mentions"]:
                assert text[mention["start"]:mention["end"]] == mention["text"], (key, mention)
                checked += 1
    return checked
