"""The command line: Click commands only (parse, validate, call the library API, print).

JSON goes to stdout, messages for people to stderr. Each command lives in its
own module of this package and is attached to the `main` group at the bottom.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from .. import __version__
from ..api import extract_decoded, validate_published
from ..inputs import DEFAULT_MAX_CHARS, InputError, decode_bytes, read_path
from ..pipeline import DEFAULT_MODEL, MODEL_ENV_VAR, ModelNotFoundError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _published_option(func):
    return click.option(
        "--published", metavar="DATE",
        help="Publication date (YYYY-MM-DD) to resolve relative dates against; overrides the page's own.",
    )(func)


def _model_option(func):
    return click.option(
        "--model", metavar="NAME", envvar=MODEL_ENV_VAR, show_envvar=True,
        help=f"Installed spaCy pipeline to use (default: {DEFAULT_MODEL}, the embedded en_core_web_sm 3.8.0).",
    )(func)


def _check_published(value: Optional[str]) -> Optional[str]:
    try:
        return validate_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published")


EXIT_CLOSED_PIPE = 141  # what a shell reports for a writer stopped by SIGPIPE


@contextlib.contextmanager
def closed_pipe_ends_quietly():
    """`| head` may close stdout early: stop at once, with no traceback and no
    'Exception ignored' note from Python's final flush."""
    try:
        yield
    except BrokenPipeError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        sys.exit(EXIT_CLOSED_PIPE)


def dump_json(obj: dict, *, indent: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if indent else None,
                      separators=None if indent else (",", ":"))


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="karabakh-extract")
def main() -> None:
    """Extract structured facts from wire news about armed conflict.

    Point it at an AP, Reuters or AFP article pasted from a web page (ads and
    donation appeals included) and get JSON: headline, publication time,
    agency and reporters; people with titles, places, organisations; dates
    resolved to calendar values; casualty and other figures with who claims
    them; ceasefire and peace-talks events; quotations with speakers. Every
    fact carries character offsets into the input file.

    \b
    Examples:
      karabakh-extract extract article.txt | jq '.people[].name'
      karabakh-extract extract a.txt b.txt > facts.jsonl
      cat article.txt | karabakh-extract extract - --published 2020-10-30
    """


@main.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True, dir_okay=False, path_type=str))
@_published_option
@_model_option
@click.option("--compact", is_flag=True, help="One-line JSON even when stdout is a terminal.")
@click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Refuse inputs longer than this many characters.")
def extract(files: tuple[str, ...], published: Optional[str], model: Optional[str], compact: bool,
            max_chars: int) -> None:
    """Extract the facts of one or more articles as JSON.

    One FILE prints one JSON object (indented on a terminal, compact
    otherwise or with --compact); several FILES print one compact object per
    line (JSON Lines) in input order. Use - to read standard input.

    \b
    Examples:
      karabakh-extract extract samples/ap-karabakh-geneva-talks.txt | jq '.figures[]'
      karabakh-extract extract a.txt b.txt c.txt > facts.jsonl
      cat a.txt | karabakh-extract extract - --published 2020-10-30
    """
    published = _check_published(published)
    decoded = []
    for name in files:
        try:
            if name == "-":
                decoded.append(decode_bytes(sys.stdin.buffer.read(), path=None, max_chars=max_chars))
            else:
                decoded.append(read_path(Path(name), max_chars=max_chars))
        except InputError as exc:
            raise click.ClickException(f"{name if name != '-' else 'standard input'}: {exc.message} [{exc.code}]")
    indent = len(files) == 1 and not compact and sys.stdout.isatty()
    try:
        with closed_pipe_ends_quietly():
            for facts in extract_decoded(decoded, published=published, model=model):
                click.echo(dump_json(facts.to_dict(), indent=indent))
    except ModelNotFoundError as exc:
        raise click.ClickException(str(exc))


def _attach_commands() -> None:
    """Commands defined in sibling modules (batch, show, schema, check) join the group here."""
    import importlib

    for module in ("batch", "show", "schema", "check"):
        try:
            mod = importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise
            continue
        main.add_command(mod.command)


_attach_commands()
