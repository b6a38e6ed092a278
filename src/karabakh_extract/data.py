"""The one helper that reads the package's data files (lexicons, gazetteer extras, patterns)."""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


class DataFileError(RuntimeError):
    """A data file that ships with the package is missing or malformed."""


def read_text(name: str) -> str:
    try:
        return resources.files("karabakh_extract").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"data file {name!r} is missing from the karabakh_extract package; reinstall it") from exc


@functools.lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text data file; '#' starts a comment line."""
    return tuple(line.strip() for line in read_text(name).splitlines() if line.strip() and not line.lstrip().startswith("#"))


@functools.lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file (comment lines and the header '#…' skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in load_lines(name))


@functools.lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"data file {name!r} is not valid JSON: {exc}") from exc
