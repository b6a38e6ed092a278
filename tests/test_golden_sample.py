"""The sample article's full output against its golden file.

The golden file changes only on purpose: after a deliberate change in output,
regenerate it with `KARABAKH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_sample.py`
and review the diff like code.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from karabakh_extract.api import extract_decoded
from karabakh_extract.inputs import read_path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = SAMPLES / "ap-karabakh-geneva-talks.txt"
GOLDEN = SAMPLES / "ap-karabakh-geneva-talks.expected.json"

pytestmark = pytest.mark.model


def _current() -> dict:
    decoded = read_path(SAMPLE)
    facts = next(extract_decoded([decoded])).to_dict()
    facts["source"]["path"] = SAMPLE.name     # independent of where the tests run from
    facts["extractor"]["version"] = "<version>"
    return facts


def test_sample_output_matches_golden_file():
    current = _current()
    if os.environ.get("KARABAKH_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in golden:
        assert current[key] == golden[key], f"{key} differs from {GOLDEN.name}"
    assert set(current) == set(golden)


def test_golden_offsets_hold_in_the_sample():
    text = read_path(SAMPLE).text
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    spans = [item for key in ("dates", "figures", "events", "quotes") for item in golden[key]]
    spans += [m for key in ("people", "places", "organizations") for item in golden[key] for m in item["mentions"]]
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
