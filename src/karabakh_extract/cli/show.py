"""`karabakh-extract show`: the facts of one article, rendered for people."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from . import CONTEXT_SETTINGS, _check_published, _model_option, _published_option
from ..api import extract_decoded
from ..inputs import DEFAULT_MAX_CHARS, InputError, decode_bytes, read_path
from ..pipeline import ModelNotFoundError


@click.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(exists=True, allow_dash=True, dir_okay=False, path_type=str))
@_published_option
@_model_option
@click.option("--text", "with_text", is_flag=True, help="Also print the article text with every fact highlighted.")
def command(file: str, published: Optional[str], model: Optional[str], with_text: bool) -> None:
    """Show one article's facts for people: panels and tables, not JSON.

    The headline, date, agency and contributors in a panel, then tables of
    people, places, organisations, dates, figures, events and quotes. The
    facts are exactly those `extract` prints; use `extract` for machines.

    \b
    Examples:
      karabakh-extract show samples/ap-karabakh-geneva-talks.txt
      karabakh-extract show article.txt --text | less -R
      cat article.txt | karabakh-extract show - --published 2020-10-30
    """
    from ..view import render_facts

    published = _check_published(published)
    try:
        decoded = (decode_bytes(sys.stdin.buffer.read(), max_chars=DEFAULT_MAX_CHARS) if file == "-"
                   else read_path(Path(file)))
    except InputError as exc:
        raise click.ClickException(f"{file if file != '-' else 'standard input'}: {exc.message} [{exc.code}]")
    try:
        facts = next(extract_decoded([decoded], published=published, model=model))
    except ModelNotFoundError as exc:
        raise click.ClickException(str(exc))
    render_facts(facts, text=decoded.text if with_text else None)
