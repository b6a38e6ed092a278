"""Batch mode as a library: walking, per-file errors, order, resume, out-dir safety, long texts."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from karabakh_extract import api
from karabakh_extract.batch import (BatchOptions, InputFile, JsonLinesFile, OutDirSink, extract_files,
                                    extract_task, find_input_files, read_done_records, run_batch)

from fakes import ARTICLE, BOOM, spans_hold, use_fake_pipeline


@pytest.fixture
def fake_nlp(monkeypatch):
    return use_fake_pipeline(monkeypatch)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def with_boom(text: str) -> str:
    return text.replace("officials said,", f"officials said {BOOM},")


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- finding files

def test_folders_are_walked_in_sorted_order_skipping_hidden(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt", ".hidden.txt",
                 ".git/e.txt", "notes.md"]:
        write(tmp_path / name, "x")
    found = [str(item.relative) for item in find_input_files([tmp_path])]
    assert found == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]


def test_glob_selects_files_and_named_files_are_always_taken(tmp_path):
    write(tmp_path / "in/a.txt", "x")
    write(tmp_path / "in/b.md", "x")
    named = write(tmp_path / "named.html", "x")
    found = find_input_files([tmp_path / "in", named], "*.md")
    assert [item.path.name for item in found] == ["b.md", "named.html"]


def test_symlink_loops_are_not_followed(tmp_path):
    write(tmp_path / "root/a.txt", "x")
    write(tmp_path / "root/sub/b.txt", "x")
    os.symlink(tmp_path / "root", tmp_path / "root/sub/loop")
    os.symlink("..", tmp_path / "root/sub/up")
    found = [str(item.relative) for item in find_input_files([tmp_path / "root"])]
    assert found == ["a.txt", "sub/b.txt"]


def test_fifo_is_skipped_and_dangling_link_kept(tmp_path):
    write(tmp_path / "a.txt", "x")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "gone", tmp_path / "dangling.txt")
    found = [item.path.name for item in find_input_files([tmp_path])]
    assert found == ["a.txt", "dangling.txt"]


# ---------------------------------------------------------------- per-file errors

def test_every_error_code_and_good_files_survive(tmp_path, fake_nlp):
    files = [
        write(tmp_path / "1-good.txt", ARTICLE),
        write(tmp_path / "2-empty.txt", " \n"),
        write(tmp_path / "3-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(50)),
        write(tmp_path / "4-decode.txt", bytes(range(128, 256)) * 4),
        write(tmp_path / "5-large.txt", ARTICLE * 20),
        tmp_path / "6-vanished.txt",
        write(tmp_path / "7-boom.txt", with_boom(ARTICLE)),
        write(tmp_path / "8-good.txt", ARTICLE.replace("Geneva", "Moscow")),
    ]
    results = list(extract_files(files, BatchOptions(max_chars=len(ARTICLE) * 2)))
    assert [r.path for r in results] == [str(f) for f in files]
    assert [r.error_code for r in results] == [None, "empty", "binary", "decode", "too_large",
                                               "unreadable", "internal", None]
    for result in results:
        record = json.loads(result.json)
        if result.ok:
            assert record["errors"] == [] and spans_hold(record, ARTICLE if "1-" in result.path else
                                                        ARTICLE.replace("Geneva", "Moscow")) > 5
        else:
            assert record["errors"][0]["code"] == result.error_code and record["errors"][0]["message"]
            assert all(record[key] == [] for key in ("people", "places", "dates", "figures", "quotes"))
            assert record["source"]["path"] == result.path
    by_name = {Path(r.path).name: json.loads(r.json) for r in results}
    assert by_name["2-empty.txt"]["source"]["sha256"]       # bytes were read
    assert by_name["6-vanished.txt"]["source"]["sha256"] is None


def test_a_failing_document_does_not_take_its_batch_down(tmp_path, fake_nlp):
    paths = [str(write(tmp_path / f"{i}.txt", with_boom(ARTICLE) if i == 2 else ARTICLE)) for i in range(5)]
    results = extract_task(paths, BatchOptions())
    assert [r.error_code for r in results] == [None, None, "internal", None, None]
    assert "RuntimeError" in json.loads(results[2].json)["errors"][0]["message"]


# ---------------------------------------------------------------- resume

def test_resume_after_a_torn_last_line(tmp_path, fake_nlp):
    files = find_input_files([write(tmp_path / f"in/{i:02d}.txt", ARTICLE + f"Item {i}\n").parent
                              for i in range(7)][:1])
    output = tmp_path / "facts.jsonl"
    run_batch(files, JsonLinesFile(output))
    complete = output.read_bytes()
    lines = complete.splitlines(keepends=True)
    output.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])  # killed mid-write

    assert len(read_done_records(output)) == 3
    assert output.read_bytes() == b"".join(lines[:3])  # the torn line is cut off

    summary = run_batch(files, JsonLinesFile(output, resume=True))
    assert summary.skipped == 3 and summary.ok == 4
    paths = [r["source"]["path"] for r in records(output)]
    assert paths == [str(item.path) for item in files]  # nothing missing, nothing twice
    assert output.read_bytes() == complete


def test_resume_redoes_a_file_whose_content_changed(tmp_path, fake_nlp):
    first = write(tmp_path / "in/a.txt", ARTICLE)
    write(tmp_path / "in/b.txt", ARTICLE)
    files = find_input_files([tmp_path / "in"])
    output = tmp_path / "facts.jsonl"
    run_batch(files, JsonLinesFile(output))
    write(first, ARTICLE + "An update.\n")
    summary = run_batch(files, JsonLinesFile(output, resume=True))
    assert (summary.skipped, summary.ok) == (1, 1)
    assert [r["source"]["path"] for r in records(output)] == [str(first.parent / "a.txt"),
                                                             str(first.parent / "b.txt"),
                                                             str(first)]


# ---------------------------------------------------------------- out-dir

@pytest.mark.parametrize("relative, expected", [
    ("a.txt", "a.json"),
    ("sub/b.txt", "sub/b.json"),
    ("../../etc/passwd.txt", "etc/passwd.json"),
    ("/etc/passwd.txt", "etc/passwd.json"),
    ("README", "README.json"),
])
def test_out_dir_targets_stay_inside(tmp_path, relative, expected):
    sink = OutDirSink(tmp_path / "out")
    target = sink.target(InputFile(Path(relative), Path(relative)))
    assert target == (tmp_path / "out").resolve() / expected


def test_out_dir_name_collisions_get_a_suffix(tmp_path):
    sink = OutDirSink(tmp_path / "out")
    first = sink.target(InputFile(Path("x/a.txt"), Path("a.txt")))
    second = sink.target(InputFile(Path("y/a.md"), Path("a.md")))
    assert (first.name, second.name) == ("a.json", "a-2.json")


def test_out_dir_mirrors_the_tree_atomically(tmp_path, fake_nlp):
    write(tmp_path / "in/a.txt", ARTICLE)
    write(tmp_path / "in/sub/b.txt", ARTICLE)
    write(tmp_path / "in/sub/empty.txt", "")
    out = tmp_path / "out"
    summary = run_batch(find_input_files([tmp_path / "in"]), OutDirSink(out))
    assert (summary.ok, dict(summary.failed)) == (2, {"empty": 1})
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a.json", "sub/b.json", "sub/empty.json"]  # no temporary files left
    assert json.loads((out / "sub/b.json").read_text())["source"]["path"] == str(tmp_path / "in/sub/b.txt")


def test_out_dir_refuses_a_symlink_leading_outside(tmp_path, fake_nlp):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").mkdir()
    os.symlink(outside, tmp_path / "out/sub")
    write(tmp_path / "in/sub/a.txt", ARTICLE)
    with pytest.raises(OSError):
        run_batch(find_input_files([tmp_path / "in"]), OutDirSink(tmp_path / "out"))
    assert list(outside.iterdir()) == []


# ---------------------------------------------------------------- long texts

def test_long_texts_go_through_the_model_in_pieces_with_offsets_kept(monkeypatch, fake_nlp):
    monkeypatch.setattr(api, "MODEL_CHUNK_CHARS", 300)
    monkeypatch.setattr(api, "COMPONENTS", ("kx_test_title_words", "kx_test_boom"))  # ours: run on the whole
    text = "\n\n".join(f"Paragraph {i} says Armenia and Azerbaijan fought. Then Talks began." for i in range(40))
    doc = fake_nlp.tokenizer(text)
    doc.user_data["karabakh_extract.kx_published"] = "2020-10-30"
    pieces = api._paragraph_pieces(doc, 300)
    assert len(pieces) > 5 and all(len(p.text) <= 300 for p in pieces)
    assert "".join(p.text for p in pieces) == text

    [processed] = list(api.process_docs(fake_nlp, [doc]))
    assert processed.text == text
    assert processed.user_data["karabakh_extract.kx_published"] == "2020-10-30"
    sentences = [s.text.strip() for s in processed.sents if s.text.strip()]
    assert sentences.count("Then Talks began.") == 40
    reference = fake_nlp(text)  # in one go
    assert [(f["start"], f["text"]) for f in processed.user_data["karabakh_extract.kx_dates"]] == \
        [(f["start"], f["text"]) for f in reference.user_data["karabakh_extract.kx_dates"]]


@pytest.mark.model
def test_parallel_workers_give_the_same_output_in_the_same_order(tmp_path):
    files = [write(tmp_path / f"{i:02d}.txt", ARTICLE.replace("Saturday", f"Saturday {i}")) for i in range(20)]
    files.insert(5, write(tmp_path / "empty.txt", ""))
    serial = [r.json for r in extract_files(files, BatchOptions(jobs=1))]
    parallel = [r.json for r in extract_files(files, BatchOptions(jobs=2))]
    assert parallel == serial
    assert json.loads(serial[5])["errors"][0]["code"] == "empty"


def test_out_dir_resume_skips_files_already_written_for_the_same_content(tmp_path, fake_nlp):
    changed = write(tmp_path / "in/a.txt", ARTICLE)
    write(tmp_path / "in/sub/b.txt", ARTICLE)
    files = find_input_files([tmp_path / "in"])
    out = tmp_path / "out"
    run_batch(files, OutDirSink(out))
    (out / "sub/b.json").write_text("{torn")  # killed before os.replace cannot do this; a stray edit can
    write(changed, ARTICLE + "An update.\n")
    summary = run_batch(files, OutDirSink(out, resume=True))
    assert (summary.skipped, summary.ok) == (0, 2)
    summary = run_batch(files, OutDirSink(out, resume=True))
    assert (summary.skipped, summary.ok) == (2, 0)
    assert json.loads((out / "sub/b.json").read_text())["source"]["path"].endswith("b.txt")


def test_resume_does_not_redo_failed_inputs(tmp_path, fake_nlp):
    write(tmp_path / "in/a.txt", ARTICLE)
    write(tmp_path / "in/big.txt", ARTICLE * 50)
    write(tmp_path / "in/empty.txt", "")
    os.symlink(tmp_path / "gone", tmp_path / "in/vanished.txt")
    files = find_input_files([tmp_path / "in"])
    output = tmp_path / "facts.jsonl"
    options = BatchOptions(max_chars=len(ARTICLE) * 2)
    first = run_batch(files, JsonLinesFile(output), options)
    assert dict(first.failed) == {"too_large": 1, "empty": 1, "unreadable": 1}
    again = run_batch(files, JsonLinesFile(output, resume=True), options)
    assert (again.skipped, again.ok, again.failed_count) == (4, 0, 0)
    assert len(records(output)) == 4
