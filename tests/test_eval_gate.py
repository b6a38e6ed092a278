"""Accuracy floors on the dev corpus, pinned so they cannot be quietly lowered.

Runs only where the evaluation kit sits beside the repo (../shared, as on the
team's machines and in CI); it scores the extractor with the kit's own
score.py, exactly as the product is judged.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from karabakh_extract.api import extract_decoded
from karabakh_extract.inputs import read_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"

FIELD_FLOORS = {
    "people": 0.90, "places": 0.90, "organizations": 0.75, "dates": 0.85,
    "figures": 0.85, "casualties": 0.85, "events": 0.75, "quotes": 0.90,
}
ACCURACY_FLOORS = {
    "headline": 0.90, "published": 0.90, "agency": 0.90, "contributors": 0.90,
    "body_keeps_story": 1.0, "body_drops_furniture": 0.90, "offsets_valid": 1.0,
    "event_status": 0.75, "quote_speaker": 0.85,
}
OVERALL_FLOOR = 0.85

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="evaluation kit (../shared) not present"),
]


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("eval") / "dev.jsonl"
    inputs = [read_path(p) for p in sorted(DEV.glob("*.txt"))]
    with out.open("w", encoding="utf-8") as fh:
        for facts in extract_decoded(inputs):
            fh.write(json.dumps(facts.to_dict(), ensure_ascii=False) + "\n")
    result = subprocess.run([sys.executable, str(SCORER), "--gold", str(DEV), "--pred", str(out), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize("field", sorted(FIELD_FLOORS))
def test_field_f1_floor(summary, field):
    assert summary["fields"][field]["f1"] >= FIELD_FLOORS[field], summary["fields"][field]


@pytest.mark.parametrize("key", sorted(ACCURACY_FLOORS))
def test_accuracy_floor(summary, key):
    assert summary["accuracy"][key] is not None and summary["accuracy"][key] >= ACCURACY_FLOORS[key]


def test_overall_floor_and_nothing_missing(summary):
    assert summary["missing_or_failed"] == []
    assert summary["overall_f1"] >= OVERALL_FLOOR
