"""The one place that imports rich: everything for people goes to stderr through `err`.

stdout is for JSON only, so the Console is bound to stderr and the progress
bar never redirects stdout (rich's default would capture it).
"""
from __future__ import annotations

import contextlib
from typing import Iterator, Optional

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

err = Console(stderr=True, highlight=False)


class _Tracker:
    """What `progress_bar` yields: `start(total)` once the work is known, `advance()` per file."""

    def __init__(self, progress: Optional[Progress]) -> None:
        self._progress = progress
        self._task = None

    def start(self, total: int) -> None:
        if self._progress is not None and total:
            self._task = self._progress.add_task("extracting", total=total, rate="")

    def advance(self) -> None:
        if self._task is None:
            return
        self._progress.advance(self._task)
        speed = self._progress.tasks[0].speed
        if speed:
            self._progress.update(self._task, rate=f"{speed:.1f} files/s")


@contextlib.contextmanager
def progress_bar() -> Iterator[_Tracker]:
    """Files done/total, rate and ETA on stderr, only when stderr is a terminal
    (logs and pipes get the end summary alone); cleared when done."""
    if not err.is_terminal:
        yield _Tracker(None)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("[progress.data.speed]{task.fields[rate]}"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, redirect_stdout=False, redirect_stderr=False, transient=True) as progress:
        yield _Tracker(progress)


def print_summary(ok: int, failed: dict[str, int], skipped: int, seconds: float, *, interrupted: bool = False) -> None:
    """One line on stderr: what worked, what failed by error code, how long it took."""
    done = ok + sum(failed.values())
    parts = [f"{ok} ok"]
    if failed:
        by_code = ", ".join(f"{code} {n}" for code, n in sorted(failed.items()))
        parts.append(f"{sum(failed.values())} failed ({by_code})")
    if skipped:
        parts.append(f"{skipped} already done")
    rate = f", {done / seconds:.1f} files/s" if seconds > 0 and done else ""
    head = "interrupted after" if interrupted else "done:"
    err.print(f"{head} {', '.join(parts)} in {seconds:.1f}s{rate}", markup=False, highlight=False)
