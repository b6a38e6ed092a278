"""Page text -> headline, summary, publication time, agency, byline, contributors, story regions.

STUB baseline (to be replaced): headline = first non-empty line, body = the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

Region = tuple[int, int]  # (start, end) offsets into the page text


@dataclass
class Page:
    """What the page parser found; all regions are offsets into the input text."""

    headline: Optional[Region] = None
    summary: Optional[Region] = None
    published: Optional[str] = None          # ISO 8601, with time and zone when the page gives them
    agency: Optional[str] = None
    byline: Optional[str] = None
    contributors: list[str] = field(default_factory=list)
    body: list[Region] = field(default_factory=list)      # story paragraphs, in order
    captions: list[Region] = field(default_factory=list)  # captions of the story's own photos (facts count)

    def story_regions(self) -> list[Region]:
        """Every region facts are taken from: headline, summary, body, own captions."""
        regions = [r for r in (self.headline, self.summary) if r] + self.body + self.captions
        return sorted(set(regions))


def parse_page(text: str) -> Page:
    """Split a pasted web page into its story parts."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    if not lines:
        return Page()
    return Page(headline=lines[0], body=lines[1:])
