"""`karabakh-extract batch` (and `extract -`) from the outside: streams, exit codes, files."""
from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from karabakh_extract.cli import main

from fakes import ARTICLE, BOOM, spans_hold, use_fake_pipeline


@pytest.fixture
def fake_nlp(monkeypatch):
    return use_fake_pipeline(monkeypatch)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def json_lines(stdout: str) -> list[dict]:
    """stdout must be JSON Lines and nothing else."""
    return [json.loads(line) for line in stdout.splitlines()]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_help_lists_the_exit_codes():
    result = run("batch", "--help")
    assert result.exit_code == 0
    for line in ("0    every input", "1    some inputs failed", "2    usage error", "130  interrupted"):
        assert line in result.stdout


def test_all_good_exits_0_with_one_line_per_file_in_order(tmp_path, fake_nlp):
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt", ".e.txt"]:
        write(tmp_path / "in" / name, ARTICLE)
    result = run("batch", str(tmp_path / "in"))
    assert result.exit_code == 0, result.stderr
    paths = [r["source"]["path"] for r in json_lines(result.stdout)]
    assert paths == [str(tmp_path / "in" / n) for n in ["a.txt", "b.txt", "sub/c.txt"]]
    assert "3 ok" in result.stderr


def test_mixed_folder_exits_1_keeps_good_facts_and_reports_errors(tmp_path, fake_nlp):
    write(tmp_path / "in/1.txt", ARTICLE)
    write(tmp_path / "in/2-empty.txt", "")
    write(tmp_path / "in/3-binary.txt", b"\x00\x01\x02" * 100)
    write(tmp_path / "in/4-boom.txt", ARTICLE.replace("officials said,", f"officials said {BOOM},"))
    write(tmp_path / "in/5.txt", ARTICLE)
    result = run("batch", str(tmp_path / "in"))
    assert result.exit_code == 1
    lines = json_lines(result.stdout)
    assert [(r["errors"][0]["code"] if r["errors"] else None) for r in lines] == \
        [None, "empty", "binary", "internal", None]
    assert spans_hold(lines[0], ARTICLE) > 5 and spans_hold(lines[4], ARTICLE) > 5
    assert "2 ok" in result.stderr and "3 failed" in result.stderr and "binary 1" in result.stderr


def test_too_large_and_max_chars(tmp_path, fake_nlp):
    write(tmp_path / "a.txt", ARTICLE)
    result = run("batch", str(tmp_path / "a.txt"), "--max-chars", "50")
    assert result.exit_code == 1
    assert json_lines(result.stdout)[0]["errors"][0]["code"] == "too_large"


def test_vanished_file_is_unreadable(tmp_path, fake_nlp):
    write(tmp_path / "in/a.txt", ARTICLE)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "in/b.txt")
    result = run("batch", str(tmp_path / "in"))
    assert result.exit_code == 1
    record = json_lines(result.stdout)[1]
    assert record["errors"][0]["code"] == "unreadable" and record["source"]["sha256"] is None


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: t.replace("—", "-").encode("cp1252"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8-bom", "utf16", "cp1252", "crlf", "bom-crlf"])
def test_encodings_and_crlf_keep_offsets_right(tmp_path, fake_nlp, encode):
    path = write(tmp_path / "a.txt", encode(ARTICLE * 3))
    result = run("batch", str(path))
    assert result.exit_code == 0, result.stderr
    [record] = json_lines(result.stdout)
    decoded = path.read_text(encoding=record["source"]["encoding"])  # Python text mode: the contract's text
    assert record["source"]["chars"] == len(decoded)
    assert spans_hold(record, decoded) > 10


def test_output_file_leaves_stdout_empty(tmp_path, fake_nlp):
    write(tmp_path / "in/a.txt", ARTICLE)
    result = run("batch", str(tmp_path / "in"), "-o", str(tmp_path / "facts.jsonl"))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(json_lines((tmp_path / "facts.jsonl").read_text())) == 1


def test_resume_appends_only_what_is_missing(tmp_path, fake_nlp):
    for i in range(5):
        write(tmp_path / f"in/{i}.txt", ARTICLE + f"Number {i}.\n")
    out = tmp_path / "facts.jsonl"
    assert run("batch", str(tmp_path / "in"), "-o", str(out)).exit_code == 0
    full = out.read_bytes()
    out.write_bytes(full[: full.index(b"\n", full.index(b"\n") + 1) + 40])  # two lines and a torn third
    result = run("batch", str(tmp_path / "in"), "-o", str(out), "--resume")
    assert result.exit_code == 0
    assert "3 ok" in result.stderr and "2 already done" in result.stderr
    assert out.read_bytes() == full


def test_out_dir_with_absolute_and_dotdot_inputs_stays_inside(tmp_path, fake_nlp, monkeypatch):
    write(tmp_path / "work/in/a.txt", ARTICLE)
    write(tmp_path / "elsewhere/b.txt", ARTICLE)
    monkeypatch.chdir(tmp_path / "work")
    result = run("batch", "in", "../elsewhere/b.txt", str(tmp_path / "elsewhere"), "--out-dir", "out")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.json"))
    assert written == ["work/out/a.json", "work/out/b-2.json", "work/out/b.json"]


@pytest.mark.parametrize("args", [
    ["-o", "x.jsonl", "--out-dir", "d"],
    ["--resume"],
    ["--jobs", "0"],
])
def test_usage_errors_exit_2(tmp_path, fake_nlp, args):
    write(tmp_path / "a.txt", ARTICLE)
    result = run("batch", str(tmp_path / "a.txt"), *args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_missing_input_is_a_usage_error(tmp_path):
    result = run("batch", str(tmp_path / "nope"))
    assert result.exit_code == 2 and result.stdout == ""


def test_extract_reads_stdin(fake_nlp):
    result = CliRunner().invoke(main, ["extract", "-", "--compact"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    [record] = json_lines(result.stdout)
    assert record["source"]["path"] is None
    assert spans_hold(record, ARTICLE) > 5


# ---------------------------------------------------------------- real processes (model)

def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "karabakh_extract", *args]


def many_articles(folder: Path, n: int) -> Path:
    for i in range(n):
        write(folder / f"{i:03d}.txt", ARTICLE.replace("Saturday", f"Saturday {i}") * 6)
    return folder


@pytest.mark.model
def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    folder = many_articles(tmp_path / "in", 24)  # ~150 kB of output: more than a pipe buffer
    for command in (cli("batch", str(folder), "--jobs", "2"), cli("extract", *sorted(map(str, folder.iterdir())))):
        producer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        head = subprocess.run(["head", "-c", "100"], stdin=producer.stdout, capture_output=True)
        producer.stdout.close()
        stderr = producer.stderr.read().decode()
        producer.wait(timeout=120)
        assert len(head.stdout) == 100
        assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr
        assert producer.returncode == 141


@pytest.mark.model
def test_sigterm_leaves_whole_lines_and_resume_completes(tmp_path):
    folder = many_articles(tmp_path / "in", 32)
    out = tmp_path / "facts.jsonl"
    process = subprocess.Popen(cli("batch", str(folder), "-o", str(out)), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while (not out.exists() or out.read_bytes().count(b"\n") < 3) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    data = out.read_bytes()
    assert data.endswith(b"\n")
    done = [json.loads(line) for line in data.splitlines()]
    assert 3 <= len(done) < 32

    resumed = subprocess.run(cli("batch", str(folder), "-o", str(out), "--resume", "--jobs", "2"),
                             capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    paths = [json.loads(line)["source"]["path"] for line in out.read_bytes().splitlines()]
    assert paths == [str(p) for p in sorted(folder.iterdir())]


@pytest.mark.model
def test_real_model_offsets_hold_across_encodings(tmp_path):
    text = ARTICLE * 2
    write(tmp_path / "in/bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    write(tmp_path / "in/utf16.txt", text.encode("utf-16"))
    write(tmp_path / "in/crlf.txt", text.replace("\n", "\r\n").encode("utf-8"))
    result = subprocess.run(cli("batch", str(tmp_path / "in")), capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    checked = 0
    for line in result.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        decoded = Path(record["source"]["path"]).read_text(encoding=record["source"]["encoding"])
        checked += spans_hold(record, decoded)
    assert checked > 0


def test_progress_bar_draws_on_a_terminal_stderr_and_never_on_stdout(tmp_path, fake_nlp, monkeypatch):
    import io

    from rich.console import Console

    from karabakh_extract import console

    terminal = io.StringIO()
    monkeypatch.setattr(console, "err", Console(file=terminal, force_terminal=True, width=120))
    for i in range(3):
        write(tmp_path / f"in/{i}.txt", ARTICLE)
    result = run("batch", str(tmp_path / "in"))
    assert result.exit_code == 0
    assert len(json_lines(result.stdout)) == 3
    drawn = terminal.getvalue()
    assert "extracting" in drawn and "3/3" in drawn and "3 ok" in drawn
