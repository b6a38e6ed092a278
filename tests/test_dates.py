"""The karabakh_dates component: DateFacts on Docs, offsets, the model's evidence, the contract's value."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.components.dates import PERIOD_NOT_VALUE, UNRESOLVED_ENTITY, DateResolver


def run(nlp, text: str, published: str | None = "2020-10-30", **config):
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    setattr(doc._, ext.PUBLISHED, published)
    return getattr(DateResolver(nlp, "karabakh_dates", **config)(doc)._, ext.DATES)


def doc_with_ents(nlp, words: list[str], ents: list[str], published: str = "2020-10-30") -> Doc:
    doc = Doc(nlp.vocab, words=words, ents=ents)
    setattr(doc._, ext.PUBLISHED, published)
    return doc


def test_every_fact_text_is_the_input_slice(blank_nlp):
    text = ("Azerbaijani forces pushed deeper on Friday, a week after the fighting that began on Sept. 27.\n\n"
            "Putin said last week’s toll was near 5,000. The war ended in 1994.")
    facts = run(blank_nlp, text)
    assert [f.text for f in facts] == ["Friday", "a week", "Sept. 27", "last week’s", "1994"]
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text


def test_values_resolve_against_the_published_anchor(blank_nlp):
    facts = run(blank_nlp, "The rebels said the ceasefire would start Tuesday. They took Goma on Monday.",
                published="2025-02-04")
    assert [(f.text, f.value) for f in facts] == [("Tuesday", "2025-02-04"), ("Monday", "2025-02-03")]


def test_no_anchor_gives_reason(blank_nlp):
    fact, = run(blank_nlp, "Shelling resumed on Friday.", published=None)
    assert fact.value is None and "publication date" in fact.reason


def test_durations_keep_their_period_out_of_value_by_default(blank_nlp):
    fact, = run(blank_nlp, "After more than a month of fighting, the town fell.")
    assert (fact.kind, fact.value, fact.period, fact.qualifier) == ("duration", None, "P1M", "more than")
    assert fact.reason == PERIOD_NOT_VALUE


def test_periods_in_value_when_configured(blank_nlp):
    fact, = run(blank_nlp, "Aid arrives weekly.", periods_in_value=True)
    assert (fact.kind, fact.value, fact.period) == ("set", "P1W", "P1W")


def test_unresolved_model_dates_are_kept_with_null_value(blank_nlp):
    doc = doc_with_ents(blank_nlp, ["He", "fled", "in", "the", "first", "week", "of", "fighting", ",", "aged", "41"],
                        ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O", "O", "B-DATE"])
    facts = getattr(DateResolver(blank_nlp, "karabakh_dates")(doc)._, ext.DATES)
    assert [(f.text, f.value, f.reason) for f in facts] == [("the first week", None, UNRESOLVED_ENTITY)]


def test_model_date_makes_a_bare_year_a_date(blank_nlp):
    words = ["2016", "was", "calm", ",", "but", "2000", "troops", "came"]
    with_ent = doc_with_ents(blank_nlp, words, ["B-DATE"] + ["O"] * 7)
    without = doc_with_ents(blank_nlp, words, ["O"] * 8)
    assert [f.value for f in getattr(DateResolver(blank_nlp, "d")(with_ent)._, ext.DATES)] == ["2016"]
    assert getattr(DateResolver(blank_nlp, "d")(without)._, ext.DATES) == []


def test_empty_doc(blank_nlp):
    assert run(blank_nlp, "") == []


def test_doc_without_sentences_still_resolves(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["Talks", "will", "resume", "on", "Monday"])
    setattr(doc._, ext.PUBLISHED, "2020-10-30")
    fact, = getattr(DateResolver(blank_nlp, "d")(doc)._, ext.DATES)
    assert fact.value == "2020-11-02"


def test_date_spans_cover_year_tokens_for_the_figures_component(blank_nlp):
    text = "Since October 7, 2023, and in 1994, 2,000 people fled."
    doc = blank_nlp(text)
    setattr(doc._, ext.PUBLISHED, "2025-01-19")
    facts = getattr(DateResolver(blank_nlp, "d")(doc)._, ext.DATES)
    covered = {t.i for f in facts for t in doc.char_span(f.start, f.end, alignment_mode="expand")}
    assert {t.text for t in doc if t.i in covered} == {"October", "7", ",", "2023", "1994"}


@pytest.mark.model
def test_model_pipeline_resolves_a_wire_story(nlp):
    from karabakh_extract.api import extract

    text = ("Armenia, Azerbaijan agree to new truce\n\n"
            "YEREVAN, Armenia (AP) — Armenia and Azerbaijan agreed on Saturday to a new cease-fire that "
            "would take effect at midnight, a week after a Russian-brokered truce collapsed. "
            "Fighting over the region began on Sept. 27 and has killed hundreds. "
            "The region has been under Armenian control since a war ended in 1994. "
            "Foreign ministers will meet in Moscow on Monday, the ministry said Friday.")
    facts = extract(text, published="2020-10-17").dates
    values = {f.text: f.value for f in facts}
    assert values["Saturday"] == "2020-10-17"
    assert values["Sept. 27"] == "2020-09-27"
    assert values["1994"] == "1994"
    assert values["Monday"] == "2020-10-19"
    assert values["Friday"] == "2020-10-16"
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text


def test_model_date_does_not_make_may_the_name_a_month(blank_nlp):
    doc = doc_with_ents(blank_nlp, ["Trump", "finally", "calls", "May", "after", "nine", "leaders"],
                        ["O", "O", "O", "B-DATE", "O", "O", "O"])
    facts = getattr(DateResolver(blank_nlp, "d")(doc)._, ext.DATES)
    assert [f.value for f in facts if f.text == "May"] == [None]


def test_published_datetime_reaches_the_rules(blank_nlp):
    text = "The ceasefire will take effect Tuesday."
    assert [f.value for f in run(blank_nlp, text, published="2025-02-04T21:00:00-05:00")] == ["2025-02-11"]
    assert [f.value for f in run(blank_nlp, text, published="2025-02-04")] == ["2025-02-04"]
