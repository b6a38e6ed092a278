"""Real outputs validate against the generated JSON Schema: the sample, and every kind of error record."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from karabakh_extract.cli import main
from karabakh_extract.schema import output_schema

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
VALIDATOR = jsonschema.Draft202012Validator(output_schema())


def _assert_valid(record: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.model
@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_output_validates(sample):
    result = CliRunner().invoke(main, ["extract", str(sample), "--compact"])
    assert result.exit_code == 0, result.stderr
    _assert_valid(json.loads(result.stdout))


@pytest.mark.model
def test_every_error_record_validates(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 4 + b"\x81\x8d\x8f\x90\x9d" * 20)
    (tmp_path / "huge.txt").write_text("Fighting continued on Monday. " * 100)
    (tmp_path / "good.txt").write_text("Truce holds\n\nGENEVA (AP) — A truce held on Monday, officials said.\n")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--max-chars", "1000"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    codes = {Path(r["source"]["path"]).name: [e["code"] for e in r["errors"]] for r in lines}
    assert codes["good.txt"] == [] and codes["empty.txt"] == ["empty"] and codes["huge.txt"] == ["too_large"]
    assert codes["binary.txt"] in (["binary"], ["decode"]) and codes["undecodable.txt"] in (["decode"], ["binary"])
    for record in lines:
        _assert_valid(record)


def test_factories_load_through_entry_points_in_a_fresh_interpreter():
    """`nlp.add_pipe(name)` works in anyone's pipeline with no import of ours: spaCy finds the
    factories through the `spacy_factories` entry point group."""
    code = ("import spacy, sys\n"
            "nlp = spacy.blank('en'); nlp.add_pipe('sentencizer')\n"
            "nlp.add_pipe('karabakh_dates'); nlp.add_pipe('karabakh_places')\n"
            "doc = nlp('Talks resumed in Geneva on Friday.')\n"
            "print(type(doc._.kx_places).__name__, doc._.kx_dates[0].text)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["list", "Friday"]
