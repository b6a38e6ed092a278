"""`karabakh-extract schema`: print the output's JSON Schema."""
from __future__ import annotations

import json

import click

from . import CONTEXT_SETTINGS
from ..schema import output_schema


@click.command("schema", context_settings=CONTEXT_SETTINGS)
def command() -> None:
    """Print the JSON Schema (draft 2020-12) of the output.

    Generated from the code's record definitions, so it always matches what
    `extract` and `batch` print, error records included.

    \b
    Examples:
      karabakh-extract schema > article-facts.schema.json
      karabakh-extract schema | jq '.properties | keys'
    """
    click.echo(json.dumps(output_schema(), indent=2, ensure_ascii=False))
