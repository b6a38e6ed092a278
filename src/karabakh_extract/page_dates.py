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
    """Zone abbreviation -> UTC offset in seconds."""
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
    rf"|(?P<numeric>[0-3]?\d/[0-3]?\d/{_YEAR}|{_YEAR}/[01]?\d/[0-3]?\d)"
    rf"|(?P<dotted>[0-3]?\d[.-][01]?\d[.-]{_YEAR})"   # day first: 30.10.2020, 27-11-2024
    rf"|(?P<dmy>[0-3]?\d{_ORDINAL}\s+{MONTH},?\s+{_YEAR})"
    rf"|(?P<mdy>{MONTH}\s+[0-3]?\d{_ORDINAL}\s*,?\s*{_YEAR})"
)
# "2018-06-30 14:05 GMT": a zone name after an ISO date's time.
ISO_ZONE_AFTER = re.compile(rf"\s*\(?(?P<zone>(?:GMT|UTC)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|{_ZONE})\b")
TIME_BEFORE = re.compile(rf"{_TIME}\s*(?:,|\||-|on)?\s*(?:{WEEKDAY}\s*,?\s*)?$")
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


def zone_offset(zone: Optional[str]) -> Optional[dt.timezone]:
    """'EDT' -> UTC-4, 'GMT+3' / 'UTC -05:30' -> that offset (dateutil reads 'GMT+3' the POSIX,
    inverted, way, so we do it ourselves)."""
    if not zone:
        return None
    zone = zone.replace(" ", "")
    if zone in ZONE_OFFSETS:
        return dt.timezone(dt.timedelta(seconds=ZONE_OFFSETS[zone]))
    match = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2}):?(\d{2})?", zone)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    return dt.timezone(dt.timedelta(minutes=minutes if match.group(1) == "+" else -minutes))


def _parse(match: re.Match, time_before: Optional[re.Match] = None, dayfirst: bool = False) -> Optional[str]:
    """ISO text for a DATE match (and a time that came before the date, if any)."""
    if match.group("iso"):
        raw = match.group("iso") + ("T" + match.group("isotime") if match.group("isotime") else "")
        raw += (match.group("isozone") or "") if match.group("isotime") else ""
        time_given = bool(match.group("isotime"))
        named = (ISO_ZONE_AFTER.match(match.string, match.end())
                 if match.group("isotime") and not match.group("isozone") else None)
        zone = zone_offset(named.group("zone")) if named else None
    else:
        calendar = next(g for g in (match.group("numeric"), match.group("dotted"), match.group("dmy"), match.group("mdy")) if g)
        calendar = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", calendar)
        calendar = re.sub(r",\s*", ", ", calendar)
        clock = match if match.group("time") else time_before
        time_given = clock is not None
        raw = calendar + (" " + re.sub(r"^(\d{1,2})\.(\d\d)", r"\1:\2", clock.group("time")) if clock else "")
        zone = zone_offset(clock.group("zone")) if clock else None
    try:
        dayfirst = bool(match.group("dotted")) or (dayfirst and bool(match.group("numeric")))
        value = date_parser.parse(raw, dayfirst=dayfirst and not match.group("iso"),
                                  default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if value.year < 1900:
        return None
    if zone is not None:
        value = value.replace(tzinfo=zone)
    return _iso(value, time_given)


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date (with a year) in `text`, parsed."""
    out = []
    for match in DATE.finditer(text):
        iso = _parse(match, _time_before(text, match))
        if iso:
            out.append(FoundDate(iso, match.start(), match.end()))
    return out


def _time_before(text: str, match: re.Match) -> Optional[re.Match]:
    """'Published 7:36 AM EDT, October 30, 2020': the clock written in front of the date."""
    if match.group("iso") or match.group("time"):
        return None
    return TIME_BEFORE.search(text, max(0, match.start() - 40), match.start())


def first_date(text: str, dayfirst: bool = False) -> Optional[FoundDate]:
    """The first full date in `text`; `dayfirst` reads 05/01/2019 as 5 January (see slash_dates_day_first)."""
    for match in DATE.finditer(text):
        iso = _parse(match, _time_before(text, match), dayfirst)
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
    before = text[:found.start]
    if SECTION_LABEL.match(before):
        before = ""   # "War / Terrorism 12/18/2018, 1:39 PM": the story's section, then its date
    rest = CLOCK.sub(" ", before + " " + text[found.end:])
    rest = DATE_LINE_WORDS.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


# Section labels before a header's date: "War / Terrorism ", "World | Africa • ".
SECTION_LABEL = re.compile(r"^[A-Z][\w&'-]*(?: [A-Z&][\w&'-]*)?(?:\s*[/|•·]\s*[A-Z][\w&'-]*(?: [A-Z&][\w&'-]*)?)+\s*[|•·,-]?\s*$")


CLOCK = re.compile(_TIME)
DATE_LINE_WORDS = re.compile(rf"{WEEKDAY}|\b(?:on|at|Published|Posted|Updated|Last updated|Date|First published|Issued on|Modified"
                             rf"|Original(?:ly)?(?: publication)?(?: date)?|Republished|Reposted)\b", re.I)
# Labels of a date that is not the story's first publication.
REVISED_LABEL = re.compile(r"\W*(?:Last\s+)?(?:Updated|Modified|Republished|Reposted|Edited)\b", re.I)


def lead_date(text: str) -> Optional[str]:
    """The date a lead sentence gives its own day: 'on Sunday (January 19, 2025)'."""
    head = text[:400]
    for match in LEAD_DATE.finditer(head):
        found = first_date(head[match.end():match.end() + 40])
        if found and found.start == 0:
            return found.iso[:10]
    return None


def dateline_date(lead: str, page_text: str) -> Optional[str]:
    """'WASHINGTON, Oct 30 (Reuters) -' with the year from a full date of the same day elsewhere
    on the page (a photo caption's), else from the page's copyright line."""
    match = DATELINE_DAY.match(lead[:120])
    if not match:
        return None
    day = first_date(f"{match.group('md')}, 2000")
    if day is None:
        return None
    for found in find_dates(page_text):
        if found.iso[4:10] == day.iso[4:10]:
            return found.iso[:10]
    year = COPYRIGHT_YEAR.search(page_text)
    found = first_date(f"{match.group('md')}, {year.group('year')}") if year else None
    return found.iso if found else None


# "/MM/YYYY" (or "/DD/YYYY"): starts with a literal, so re's fast literal scan does the work.
SLASH_DATE_TAIL = re.compile(rf"/([0-3]?\d)/{_YEAR}(?![\d/])")
LEADING_NUMBER = re.compile(r"(?<![\d/])([0-3]?\d)$")


def slash_dates_day_first(text: str) -> bool:
    """Whether the page writes 16/01/2019 (day first) rather than 11/16/2020: decided by any
    slash date on the page whose first or second number cannot be a month. US order by default."""
    for match in SLASH_DATE_TAIL.finditer(text):
        lead = LEADING_NUMBER.search(text, max(0, match.start() - 3), match.start())
        if not lead:
            continue
        first, second = int(lead.group(1)), int(match.group(1))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return False
