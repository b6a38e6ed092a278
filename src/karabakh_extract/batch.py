"""Batch mode as a library: find the input files, extract them in worker
processes, turn each file's failure into an error record, resume an interrupted run.

Results stream: a few tasks per worker are in flight, records come back in
input order and are written as they arrive, so memory stays flat however many
files there are. The CLI (`cli/batch.py`) only parses options and calls `run_batch`.
"""
from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import json
import multiprocessing
import os
import signal
import stat
import tempfile
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Sequence

from spacy.tokens import Doc

from . import __version__
from .api import build_facts, prepare_doc, process_docs, validate_published
from .article import Page
from .inputs import DEFAULT_MAX_CHARS, DecodedInput, InputError, file_sha256, read_path
from .pipeline import load_pipeline, model_label
from .records import ArticleFacts, ErrorDetail, Extractor, Source

DEFAULT_GLOB = "*.txt"
FILES_PER_TASK = 8             # one nlp.pipe batch per task: big enough to batch, small enough to balance
TASKS_IN_FLIGHT_PER_WORKER = 3  # keeps workers busy while bounding memory


class WorkersFailedError(RuntimeError):
    """The worker processes died before extracting anything: not one file's fault."""


# --------------------------------------------------------------------------- inputs

@dataclass(frozen=True)
class InputFile:
    """One file to extract: `path` as found (relative stays relative), and its
    place under the folder argument it was found in (`--out-dir` mirrors that)."""

    path: Path
    relative: Path


def find_input_files(paths: Iterable[os.PathLike | str], pattern: str = DEFAULT_GLOB) -> list[InputFile]:
    """Files given directly, plus the files matching `pattern` under each folder,
    in sorted order; hidden files and folders skipped, symlink loops not followed."""
    found: list[InputFile] = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found.extend(sorted(_walk(path, pattern), key=lambda item: item.relative.parts))
        else:
            found.append(InputFile(path, Path(path.name)))
    return found


def _walk(root: Path, pattern: str) -> Iterator[InputFile]:
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            info = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:  # a symlink back into visited ground
            dirnames[:] = []
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if name.startswith(".") or not fnmatch.fnmatch(name, pattern) or _is_special(path):
                continue
            yield InputFile(path, path.relative_to(root))


def _is_special(path: Path) -> bool:
    """FIFOs, sockets and devices would block or never end; dangling links are kept (-> unreadable)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def sha256_or_none(path: os.PathLike | str) -> Optional[str]:
    """The file's content hash, or None when it cannot be read (what its error record carries)."""
    try:
        return file_sha256(Path(path))
    except OSError:
        return None


# --------------------------------------------------------------------------- extraction

@dataclass(frozen=True)
class BatchOptions:
    """Everything a worker needs to know; picklable."""

    published: Optional[str] = None
    model: Optional[str] = None
    max_chars: int = DEFAULT_MAX_CHARS
    jobs: int = 1
    indent: Optional[int] = None  # None: one record per line (JSON Lines)


@dataclass(frozen=True)
class FileResult:
    """One input's record, already serialised (workers do the JSON work, not the writer)."""

    path: str
    sha256: Optional[str]
    json: str
    error_code: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error_code is None

    def facts(self) -> ArticleFacts:
        return ArticleFacts.from_dict(json.loads(self.json))


def _serialise(facts: ArticleFacts, indent: Optional[int]) -> str:
    return json.dumps(facts.to_dict(), ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))


def error_result(path: str, sha256: Optional[str], code: str, message: str,
                 model: Optional[str], indent: Optional[int] = None) -> FileResult:
    """The contract's error record: source filled, no facts, `errors` says why."""
    facts = ArticleFacts(
        source=Source(path=path, sha256=sha256),
        extractor=Extractor(version=__version__, model=model) if model else None,
        errors=[ErrorDetail(code=code, message=message)],
    )
    return FileResult(path, sha256, _serialise(facts, indent), code)


def _internal_message(exc: BaseException) -> str:
    return f"unexpected error while extracting ({type(exc).__name__}: {exc})"


@dataclass
class _Prepared:
    """A file read and tokenised, waiting for its turn in the pipeline."""

    index: int
    path: str
    decoded: DecodedInput
    doc: Doc
    page: Page


def extract_task(paths: Sequence[str], options: BatchOptions) -> list[FileResult]:
    """Extract a few files in this process. Never raises for one file's problem:
    it becomes that file's error record ('internal' for anything unexpected)."""
    nlp = load_pipeline(options.model)
    label = model_label(nlp)
    results: list[Optional[FileResult]] = [None] * len(paths)
    prepared: list[_Prepared] = []
    for index, path in enumerate(paths):
        try:
            decoded = read_path(Path(path), max_chars=options.max_chars)
            doc, page = prepare_doc(nlp, decoded, options.published)
            prepared.append(_Prepared(index, path, decoded, doc, page))
        except InputError as exc:
            results[index] = error_result(path, exc.sha256, exc.code, exc.message, label, options.indent)
        except Exception as exc:  # noqa: BLE001  (one bad file must not stop the batch)
            results[index] = error_result(path, sha256_or_none(path), "internal", _internal_message(exc),
                                          label, options.indent)
    try:
        docs = list(process_docs(nlp, (item.doc for item in prepared), batch_size=max(1, len(prepared))))
    except Exception:  # noqa: BLE001  (a failure in the batch: redo one by one to find the culprit)
        docs = [None] * len(prepared)
    for item, doc in zip(prepared, docs):
        results[item.index] = _finish_one(nlp, label, item, doc, options)
    return [r for r in results if r is not None]


def _finish_one(nlp, label: str, item: _Prepared, doc: Optional[Doc], options: BatchOptions) -> FileResult:
    """The record for one prepared file; doc None means its batch failed: run it alone."""
    try:
        if doc is None:
            fresh, item.page = prepare_doc(nlp, item.decoded, options.published)
            doc = next(process_docs(nlp, [fresh]))
        facts = build_facts(doc, item.page, item.decoded, options.published, label)
        return FileResult(item.path, item.decoded.sha256, _serialise(facts, options.indent))
    except Exception as exc:  # noqa: BLE001
        return error_result(item.path, item.decoded.sha256, "internal", _internal_message(exc), label, options.indent)


def _init_worker(model: Optional[str]) -> None:
    """Workers leave Ctrl-C to the parent (no traceback per worker) and load the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_pipeline(model)
    except Exception:  # noqa: BLE001  (extract_task raises it again, where the parent can see it)
        pass


def extract_files(paths: Sequence[os.PathLike | str], options: BatchOptions = BatchOptions()) -> Iterator[FileResult]:
    """One FileResult per path, in input order; `options.jobs` worker processes."""
    tasks = [[str(p) for p in paths[i:i + FILES_PER_TASK]] for i in range(0, len(paths), FILES_PER_TASK)]
    options = dataclasses.replace(options, published=validate_published(options.published))
    workers = min(options.jobs, len(tasks))
    if workers <= 1:
        for task in tasks:
            yield from extract_task(task, options)
        return
    yield from _extract_in_pool(tasks, options, workers)


def _new_pool(options: BatchOptions, workers: int) -> ProcessPoolExecutor:
    # forkserver: workers fork from a clean server, not from a parent that may run threads
    # (rich's refresh); the server imports spaCy and our package once for all of them.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(options.model,))


def _extract_in_pool(tasks: list[list[str]], options: BatchOptions, workers: int) -> Iterator[FileResult]:
    pool = _new_pool(options, workers)
    pending: deque = deque()  # (task, future), oldest first: results leave in input order
    next_task = 0
    any_task_done = False
    try:
        while next_task < len(tasks) or pending:
            try:
                while next_task < len(tasks) and len(pending) < workers * TASKS_IN_FLIGHT_PER_WORKER:
                    pending.append((tasks[next_task], pool.submit(extract_task, tasks[next_task], options)))
                    next_task += 1
                results = pending[0][1].result()
                pending.popleft()
                any_task_done = True
            except BrokenProcessPool:
                if not any_task_done:
                    raise WorkersFailedError("the worker processes could not start (with --jobs > 1 the program "
                                             "must be importable: run it as a file or module, not from stdin)") from None
                # A worker died (killed, out of memory): the oldest task's files fail, the rest are redone.
                task, future = pending.popleft()
                results = _result_if_done(future) or [
                    error_result(p, sha256_or_none(p), "internal", "the worker process died while extracting "
                                 "this file or one near it", None, options.indent) for p in task]
                _stop_pool(pool)
                pool = _new_pool(options, workers)
                pending = deque((t, pool.submit(extract_task, t, options)) for t, _ in pending)
            yield from results
    finally:
        _stop_pool(pool)


def _result_if_done(future) -> Optional[list[FileResult]]:
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return None


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop now: on Ctrl-C or a closed pipe nobody wants the work in flight."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


# --------------------------------------------------------------------------- output

class JsonLinesSink:
    """Records as JSON Lines on a binary stream: one write per line, then flush,
    so an interrupted run leaves only whole lines behind."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def is_done(self, item: InputFile) -> bool:
        return False

    def write(self, item: InputFile, result: FileResult) -> None:
        data = (result.json + "\n").encode("utf-8")
        while data:
            written = self.stream.write(data)
            data = data[written:] if written is not None else b""
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonLinesFile(JsonLinesSink):
    """An output file; with resume, inputs already in it (same path and sha256) are skipped."""

    def __init__(self, path: Path, *, resume: bool = False) -> None:
        self.done: set[tuple[Optional[str], Optional[str]]] = set()
        if resume and path.exists():
            self.done = read_done_records(path)
        super().__init__(open(path, "ab" if resume else "wb", buffering=0))

    def is_done(self, item: InputFile) -> bool:
        return bool(self.done) and (str(item.path), sha256_or_none(item.path)) in self.done

    def close(self) -> None:
        self.stream.close()


def read_done_records(path: Path) -> set[tuple[Optional[str], Optional[str]]]:
    """(path, sha256) of every whole record in a JSON Lines output, read line by
    line; a torn last line (no newline: the run was killed mid-write) is cut off."""
    done = set()
    whole_bytes = 0
    with open(path, "rb+") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            whole_bytes += len(line)
            try:
                source = json.loads(line)["source"]
                done.add((source.get("path"), source.get("sha256")))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # not one of our records: its input will simply be extracted again
        stream.truncate(whole_bytes)
    return done


class OutDirSink:
    """One NAME.json per input under `root`, mirroring the folder tree; each file
    is written atomically and never lands outside `root`."""

    def __init__(self, root: Path, *, resume: bool = False) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self.resume = resume
        self._targets: dict[InputFile, Path] = {}
        self._taken: set[Path] = set()

    def target(self, item: InputFile) -> Path:
        """Where `item`'s record goes: its relative path, made safe, with '.json'."""
        if item not in self._targets:
            parts = [p for p in item.relative.parts if p not in ("", ".", "..") and not os.path.isabs(p)]
            relative = Path(*parts) if parts else Path(item.path.name or "input")
            candidate = self.root / relative.with_suffix(".json")
            stem, n = candidate.with_suffix(""), 2
            while candidate in self._taken:  # a.txt and a.md, or the same name under two folders
                candidate = stem.with_name(f"{stem.name}-{n}.json")
                n += 1
            self._taken.add(candidate)
            self._targets[item] = candidate
        return self._targets[item]

    def is_done(self, item: InputFile) -> bool:
        if not self.resume:
            return False
        target = self.target(item)
        try:
            source = json.loads(target.read_text(encoding="utf-8"))["source"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return source.get("sha256") == sha256_or_none(item.path)

    def write(self, item: InputFile, result: FileResult) -> None:
        target = self.target(item)
        if os.path.commonpath([self.root, target.parent.resolve()]) != str(self.root):
            raise OSError(f"refusing to write {target}: a symlink in the output folder leads outside it")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(result.json + "\n")
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- the run

@dataclass
class BatchSummary:
    ok: int = 0
    failed: Counter = field(default_factory=Counter)  # error code -> count
    skipped: int = 0                                   # already in the output (resume)
    total: int = 0                                     # inputs to extract this run
    seconds: float = 0.0

    @property
    def failed_count(self) -> int:
        return sum(self.failed.values())

    def add(self, result: FileResult) -> None:
        if result.ok:
            self.ok += 1
        else:
            self.failed[result.error_code] += 1


def run_batch(files: Sequence[InputFile], sink, options: BatchOptions = BatchOptions(), *,
              on_start: Callable[[int], None] = lambda total: None,
              on_result: Callable[[FileResult], None] = lambda result: None,
              summary: Optional[BatchSummary] = None) -> BatchSummary:
    """Extract `files` into `sink` (JsonLinesSink, JsonLinesFile or OutDirSink).
    Pass your own `summary` to still have the counts if the run is interrupted."""
    summary = summary if summary is not None else BatchSummary()
    started = time.perf_counter()
    todo = [item for item in files if not sink.is_done(item)]
    summary.skipped = len(files) - len(todo)
    summary.total = len(todo)
    on_start(len(todo))
    results = extract_files([item.path for item in todo], options)
    try:
        with contextlib.closing(results):  # closing stops the workers at once on Ctrl-C or a closed pipe
            for item, result in zip(todo, results):
                sink.write(item, result)
                summary.add(result)
                on_result(result)
    finally:
        summary.seconds = time.perf_counter() - started
        sink.close()
    return summary
