"""Shared fixtures: a blank English pipeline for unit tests, the real one for model tests."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from karabakh_extract.extensions import register_extensions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE_ARTICLE = SAMPLES / "ap-karabakh-geneva-talks.txt"


@pytest.fixture(scope="session")
def blank_nlp():
    """spacy.blank('en') with a sentencizer: for components whose rules are the point."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def nlp():
    """The full extractor pipeline on the installed default model (model-backed tests)."""
    from karabakh_extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")
