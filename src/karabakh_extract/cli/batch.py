"""`karabakh-extract batch`: parse options, call karabakh_extract.batch.run_batch, report."""
from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Optional

import click

from .. import console
from ..batch import (DEFAULT_GLOB, BatchOptions, BatchSummary, JsonLinesFile, JsonLinesSink, OutDirSink,
                     WorkersFailedError, find_input_files, run_batch)
from ..inputs import DEFAULT_MAX_CHARS
from ..pipeline import ModelNotFoundError
from . import CONTEXT_SETTINGS, _check_published, _model_option, _published_option, closed_pipe_ends_quietly

EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


@click.command("batch", context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=True, dir_okay=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write JSON Lines to this file instead of stdout.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one NAME.json per input into this folder, mirroring the input folders.")
@click.option("--resume", is_flag=True,
              help="Keep what -o/--out-dir already holds and extract only the inputs missing from it "
                   "(same path and content).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each loads the pipeline once).")
@click.option("--glob", "pattern", default=DEFAULT_GLOB, show_default=True, metavar="PATTERN",
              help="Which files in folders to read (files named on the command line are always read).")
@_published_option
@_model_option
@click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Refuse inputs longer than this many characters (error code too_large).")
def command(inputs: tuple[Path, ...], output: Optional[Path], out_dir: Optional[Path], resume: bool, jobs: int,
            pattern: str, published: Optional[str], model: Optional[str], max_chars: int) -> None:
    """Extract every article file in INPUTS (files or folders) as JSON Lines.

    Folders are walked recursively in sorted order (hidden files and folders
    skipped). Exactly one line per input, in input order: its facts, or an
    error record with empty facts and "errors": [{"code", "message"}] where
    code is empty, binary, decode, too_large, unreadable or internal.
    A progress bar and a one-line summary go to stderr; stdout carries JSON only.

    \b
    Exit codes:
      0    every input was extracted
      1    some inputs failed (their error records are in the output)
      2    usage error (bad option or missing input)
      130  interrupted (Ctrl-C or SIGTERM); the output holds whole lines only
      141  stdout was closed early (| head): the run stops quietly

    \b
    Examples:
      karabakh-extract batch articles/ > facts.jsonl
      karabakh-extract batch articles/ more/ -o facts.jsonl --jobs 2
      karabakh-extract batch articles/ -o facts.jsonl --resume   # after an interruption
      karabakh-extract batch articles/ --out-dir facts/
    """
    if output and out_dir:
        raise click.UsageError("use either -o/--output or --out-dir, not both")
    if resume and not (output or out_dir):
        raise click.UsageError("--resume needs -o/--output or --out-dir (it reads what they already hold)")
    options = BatchOptions(published=_check_published(published), model=model, max_chars=max_chars,
                           jobs=jobs, indent=2 if out_dir else None)
    previous_sigterm = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    summary = BatchSummary()
    try:
        files = find_input_files(inputs, pattern)
        sink = (OutDirSink(out_dir, resume=resume) if out_dir
                else JsonLinesFile(output, resume=resume) if output
                else JsonLinesSink(sys.stdout.buffer))
        with closed_pipe_ends_quietly(), console.progress_bar() as progress:
            run_batch(files, sink, options, on_start=progress.start, on_result=lambda result: progress.advance(),
                      summary=summary)
    except KeyboardInterrupt:
        console.print_summary(summary.ok, summary.failed, summary.skipped, summary.seconds, interrupted=True)
        sys.exit(EXIT_INTERRUPTED)
    except (ModelNotFoundError, WorkersFailedError) as exc:
        raise click.ClickException(str(exc))
    except OSError as exc:
        raise click.ClickException(f"cannot write the output: {exc}")
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
    console.print_summary(summary.ok, summary.failed, summary.skipped, summary.seconds)
    if summary.failed_count:
        sys.exit(EXIT_SOME_FAILED)
