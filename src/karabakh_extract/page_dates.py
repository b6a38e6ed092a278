"""Publication dates as pages print them -> ISO 8601.

Regexes only locate a date ("Friday 30 October 2020 07:36 EDT", "11/16/2020",
"Sep 25,2023", "[February 04, 2025]", "2017-09-15T16:53:08"); python-dateutil
parses what they found. Zone abbreviations come from data/page_timezones.tsv
because dateutil knows none of them by itself.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from dateutil import parser as date_parser

from .data import load_tsv


def _zone_offsets() -> dict[str, int]:
    return {row[0]: int(float(row[1]) * 3600) for row in load_tsv("page_timezones.tsv")}


ZONE_OFFSETS = _zone_offsets()
_ZONE = "|".join(sorted((re.escape(z) for z in ZONE_OFFSETS), key=len, reverse=True))
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_TIME = (rf"(?P<time>\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\s*[aApP]\.?[mM]\.?)?)"
         rf"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|{_ZONE})\b\)?)?")
_CALENDAR = (
    rf"(?P<iso>{_YEAR}-[01]\d-[0-3]\d)(?:[T ](?P<isotime>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(?P<isozone>Z|[+-][01]\d:?[0-5]\d)?)?"
    rf"|(?P<numeric>[0-3]?\d/[0-3]?\d/{_YEAR})"
    rf"|(?P<dmy>[0-3]?\d{_ORDINAL}\s+{MONTH},?\s+{_YEAR})"
    rf"|(?P<mdy>{MONTH}\s+[0-3]?\d{_ORDINAL}\s*,?\s*{_YEAR})"
)
DATE = re.compile(
    rf"(?<![\w/-])(?:{_CALENDAR})(?![\w/-])(?:\s*(?:,|at|-|\u2013|\||/|\u2022)?\s*{_TIME})?"
)
# "on Sunday (January 19, 2025)" / "on Monday, November 27, 2023": a lead sentence naming its own day.
LEAD_DATE = re.compile(rf"\b{WEEKDAY}\s*(?:\(|,)?\s*(?=(?:{MONTH}\s+[0-3]?\d|[0-3]?\d\s+{MONTH})\s*,?\s*{_YEAR})")
# "WASHINGTON, Oct 30 (Reuters) -": a dateline date without a year.
DATELINE_DAY = re.compile(rf"^[^()\n]{{0,60}}?,\s*(?P<md>{MONTH}\s+[0-3]?\d)\s*\(")
COPYRIGHT_YEAR = re.compile(rf"(?:Copyright|\u00a9|\(c\))\s*(?P<year>{_YEAR})", re.I)
PUBLISHED_LABEL = re.compile(r"\b(?:Published|Posted|First published|Updated|Last updated|Date)\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    iso: str          # YYYY-MM-DD, or a full ISO datetime when the page gives a time
    start: int        # offsets of the match within the searched string
    end: int

    @property
    def has_time(self) -> bool:
        return "T" in self.iso


def _iso(value: dt.datetime, with_time: bool) -> str:
    if not with_time or (value.tzinfo is None and value.hour == value.minute == value.second == 0):
        return value.date().isoformat()
    return value.isoformat()


def _parse(match: re.Match) -> Optional[str]:
    if match.group("iso"):
        raw = match.group("iso") + ("T" + match.group("isotime") if match.group("isotime") else "")
        raw += (match.group("isozone") or "") if match.group("isotime") else ""
        time_given = bool(match.group("isotime"))
    else:
        calendar = next(g for g in (match.group("numeric"), match.group("dmy"), match.group("mdy")) if g)
        calendar = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", calendar)
        calendar = re.sub(r",\s*", ", ", calendar)
        time_given = bool(match.group("time"))
        raw = calendar
        if time_given:
            raw += " " + re.sub(r"^(\d{1,2})\.(\d\d)", r"\1:\2", match.group("time"))
            if match.group("zone"):
                raw += " " + match.group("zone").replace(" ", "")
    try:
        value = date_parser.parse(raw, tzinfos=ZONE_OFFSETS, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if value.year < 1900:
        return None
    return _iso(value, time_given)


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date (with a year) in `text`, parsed."""
    out = []
    for match in DATE.finditer(text):
        iso = _parse(match)
        if iso:
            out.append(FoundDate(iso, match.start(), match.end()))
    return out


def first_date(text: str) -> Optional[FoundDate]:
    for match in DATE.finditer(text):
        iso = _parse(match)
        if iso:
            return FoundDate(iso, match.start(), match.end())
    return None


def is_date_line(text: str) -> bool:
    """A short line that is only a date ('on Tuesday 2 August, 2022', '[February 04, 2025]')."""
    if len(text) > 90:
        return False
    found = first_date(text)
    if not found:
        return False
    rest = text[:found.start] + " " + text[found.end:]
    rest = re.sub(rf"{WEEKDAY}|\b(?:on|at|Published|Posted|Updated|Last updated|Date|First published)\b", " ", rest, flags=re.I)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def lead_date(text: str) -> Optional[str]:
    """The date a lead sentence gives its own day: 'on Sunday (January 19, 2025)'."""
    head = text[:400]
    for match in LEAD_DATE.finditer(head):
        found = first_date(head[match.end():match.end() + 40])
        if found and found.start == 0:
            return found.iso[:10]
    return None


def dateline_date(lead: str, page_text: str) -> Optional[str]:
    """'WASHINGTON, Oct 30 (Reuters) -' with the year from the page's copyright line."""
    match = DATELINE_DAY.match(lead[:120])
    year = COPYRIGHT_YEAR.search(page_text)
    if not match or not year:
        return None
    found = first_date(f"{match.group('md')}, {year.group('year')}")
    return found.iso if found else None
