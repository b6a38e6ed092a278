"""Page text -> paragraphs with input offsets.

A pasted page has one paragraph per line, except for wire copy hard-wrapped at
~70 characters, where a paragraph runs over many lines. Offsets always point
into the input, so a paragraph that spans a newline is still one region.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Characters that are not content at a line's edges (the BOM kept by inputs.py at offset 0,
# zero-width and no-break spaces from HTML).
EDGE_SPACE = " \t\r\ufeff\u200b\u200c\u200d\u2060\xa0\u3000"
TERMINAL = tuple(".!?…:;\"'”’)]")

# The corpus tool prefixes some pages with " date YYYY-MM-DD ": a date marker, not content.
DATE_MARKER = re.compile(r"date (\d{4}-\d{2}-\d{2})\b[ \t]*")

# Lines that stand alone even in hard-wrapped copy: "By JANE DOE", "[March 02, 2021]", "Published ...".
STANDALONE_LINE = re.compile(r"^(?:By|BY|Via|VIA)\s+[A-Z]|^\[|^(?:Published|Posted|Updated)\b")
WRAP_MIN_LINES = 8       # a page needs this many long lines before we call it hard-wrapped
WRAP_MAX_WIDTH = 100     # wrapped copy never has longer lines than this
WRAP_SLACK = 25          # a line this close to the wrap width was wrapped, not ended


@dataclass
class Paragraph:
    """A run of text in the input: `text == page_text[start:end]` (may contain newlines)."""

    start: int
    end: int
    text: str
    blank_before: bool = True   # an empty line (or the page start) comes right before it

    @functools.cached_property
    def flat(self) -> str:
        """The text on one line (wrapped copy joined), for rules that read it as prose."""
        return " ".join(self.text.split())


def split_lines(text: str) -> list[Paragraph]:
    """Non-blank lines with their edge spaces trimmed; a leading date marker is cut off."""
    lines: list[Paragraph] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip(EDGE_SPACE)
        if stripped:
            start = pos + len(raw) - len(raw.lstrip(EDGE_SPACE))
            marker = DATE_MARKER.match(text, start) if stripped.startswith("date ") else None
            if marker:
                start = marker.end()
            end = pos + len(raw.rstrip(EDGE_SPACE))
            if end > start:
                lines.append(Paragraph(start, end, text[start:end], blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def date_markers(text: str) -> list[str]:
    """ISO dates given by the ' date YYYY-MM-DD ' markers at line starts."""
    return [m.group(1) for m in re.finditer(r"(?m)^[ \t\ufeff]*date (\d{4}-\d{2}-\d{2})\b", text)]


def wrap_width(lines: list[Paragraph]) -> int:
    """The hard-wrap width of the page's copy, or 0 when lines are whole paragraphs."""
    long_lines = sorted(len(p.text) for p in lines if len(p.text) >= 40)
    if len(long_lines) < WRAP_MIN_LINES or long_lines[-1] > WRAP_MAX_WIDTH:
        return 0
    return long_lines[int(len(long_lines) * 0.9)]


def _continues(prev: Paragraph, nxt: Paragraph, width: int) -> bool:
    """Whether `nxt` is the same paragraph as `prev`, broken by a hard line wrap."""
    if nxt.blank_before:
        return False
    first = nxt.text[0]
    if first in "•·*-–—|#[" or prev.text.startswith(("•", "·")):
        return False
    if STANDALONE_LINE.match(nxt.text):
        return False   # a byline or a date line is never the tail of a wrapped paragraph
    last_line = prev.text.rsplit("\n", 1)[-1]
    if width and len(last_line) >= width - WRAP_SLACK:
        return True
    # A line that stops mid-sentence and a next line that starts lower-case: one sentence.
    return first.islower() and not last_line.endswith(TERMINAL)


def paragraphs(text: str) -> list[Paragraph]:
    """The page's paragraphs in order, hard-wrapped lines joined."""
    lines = split_lines(text)
    width = wrap_width(lines)
    out: list[Paragraph] = []
    for line in lines:
        if out and _continues(out[-1], line, width):
            prev = out[-1]
            out[-1] = Paragraph(prev.start, line.end, text[prev.start:line.end], prev.blank_before)
        else:
            out.append(line)
    return out
