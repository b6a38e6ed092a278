"""Check a batch output against the files it came from.

For every record: the file still decodes to the same text (sha256, chars), and
every fact with offsets satisfies decoded_text[start:end] == text. With
--inputs, also: exactly one record per input file and no error records.

    python benchmarks/check_offsets.py /tmp/rw.jsonl --inputs ../shared/corpus/realworld

Exit status 0 when everything holds, 1 otherwise (problems listed on stderr).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from karabakh_extract.batch import DEFAULT_GLOB, find_input_files
from karabakh_extract.inputs import InputError, read_path

SPAN_LISTS = ("dates", "figures", "events", "quotes")        # facts with their own start/end/text
MENTION_LISTS = ("people", "organizations", "places")       # entities whose mentions carry start/end/text


def spans_of(record: dict) -> Iterator[tuple[str, dict]]:
    """(where, span) for every offset-carrying item in a record."""
    for key in SPAN_LISTS:
        for i, fact in enumerate(record.get(key) or []):
            yield f"{key}[{i}]", fact
    for key in MENTION_LISTS:
        for i, entity in enumerate(record.get(key) or []):
            for j, mention in enumerate(entity.get("mentions") or []):
                yield f"{key}[{i}].mentions[{j}]", mention


def check_record(record: dict, base: Path, max_chars: int) -> tuple[int, list[str]]:
    """(number of spans checked, problems) for one output record."""
    path = record.get("source", {}).get("path")
    if path is None:
        return 0, ["record without source.path (stdin?) cannot be checked"]
    if record.get("errors"):
        return 0, [f"{path}: error record {record['errors']}"]
    try:
        decoded = read_path(base / path, max_chars=max_chars)
    except InputError as exc:
        return 0, [f"{path}: cannot re-read it ({exc.code}: {exc.message})"]
    problems = []
    if decoded.sha256 != record["source"].get("sha256"):
        problems.append(f"{path}: sha256 differs from the record (file changed since?)")
    if len(decoded.text) != record["source"].get("chars"):
        problems.append(f"{path}: {len(decoded.text)} chars decoded, record says {record['source'].get('chars')}")
    checked = 0
    for where, span in spans_of(record):
        checked += 1
        start, end, text = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(decoded.text)):
            problems.append(f"{path}: {where} has bad offsets {start}..{end}")
        elif decoded.text[start:end] != text:
            problems.append(f"{path}: {where} text {text!r} != input[{start}:{end}] {decoded.text[start:end]!r}")
    return checked, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("facts", type=Path, help="JSON Lines output of karabakh-extract batch")
    parser.add_argument("--inputs", type=Path, nargs="*", default=[],
                        help="the batch's inputs: check one record per file and no error records")
    parser.add_argument("--glob", default=DEFAULT_GLOB)
    parser.add_argument("--base", type=Path, default=Path("."), help="folder the records' paths are relative to")
    parser.add_argument("--max-chars", type=int, default=10**9)
    args = parser.parse_args(argv)

    problems: list[str] = []
    paths: Counter = Counter()
    records = spans = 0
    with open(args.facts, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            try:
                record = json.loads(line)
            except ValueError:
                problems.append(f"line {number}: not JSON")
                continue
            records += 1
            paths[record.get("source", {}).get("path")] += 1
            checked, found = check_record(record, args.base, args.max_chars)
            spans += checked
            problems.extend(found)
    if args.inputs:
        expected = Counter(str(item.path) for item in find_input_files(args.inputs, args.glob))
        for path in expected.keys() - paths.keys():
            problems.append(f"{path}: no record")
        for path, n in paths.items():
            if n != expected.get(path, 0):
                problems.append(f"{path}: {n} records, expected {expected.get(path, 0)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{records} records, {spans} offset spans checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
