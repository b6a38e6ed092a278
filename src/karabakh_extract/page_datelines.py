"""Datelines that open a wire story: 'GORIS, Armenia \u2014', 'TRIPOLI (Reuters) -', 'DAMASCUS:'.

The story's first paragraph is the one with the dateline, so the page parser
looks for it to tell the lead from a dek or a caption above it.
"""
from __future__ import annotations

import re

from .page_dates import MONTH

DATELINE = re.compile(
    r"^(?:\(\w[\w .\-]{0,30}\)"
    r"|[A-Z][A-Z'.\-]{2,}(?:[ /\-][A-Z][A-Z'.\-]+){0,3}(?:,\s*[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,3}){0,2}"
    r"(?:,\s*" + MONTH + r"\s*\d{1,2})?(?:\s*\(\w[\w .\-]{0,30}\))?)"
    r"\s*(?:[\-\u2010-\u2015]+|:)\s"
)


def starts_with_dateline(text: str) -> bool:
    """'GORIS, Armenia \u2014', 'TRIPOLI (Reuters) -', 'DAMASCUS:', '(Reuters) -'."""
    return bool(DATELINE.match(text[:160]))


def starts_with_dash_dateline(text: str) -> bool:
    """A dateline proper ('GOMA, Congo (AP) \u2014'), not a 'KICKER:' in front of a title."""
    match = DATELINE.match(text[:160])
    return bool(match) and not match.group().rstrip().endswith(":")
