"""Calendar arithmetic for the date rules: weekdays, months, ISO weeks, durations, number words.

Pure functions on `datetime.date`, no text patterns (those are in `temporal.py`): what
"Friday" or "last March" names once the rules have decided which way the story looks,
and the month, weekday, number and unit lexicons they share.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from .data import load_tsv

# A month-day without a year is put in the previous year when the anchor's year would
# place it more than this far after the anchor (and in the next year when a forward-looking
# one would fall this far before it).
MONTH_DAY_YEAR_WINDOW = dt.timedelta(days=183)


def parse_anchor(value: Optional[str]) -> Optional[dt.date]:
    """The anchor date from an ISO date or datetime string; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def anchor_hour(value: Optional[str]) -> Optional[int]:
    """The hour of an ISO datetime anchor ('2020-10-30T21:05:00-04:00' -> 21), in its own offset;
    None for a bare date or anything unreadable."""
    if not value or len(str(value)) <= 10:
        return None
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).hour
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    """'2020-W43': the ISO week (and ISO week-year) a day falls in."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def resolve_weekday(anchor: dt.date, weekday: int, direction: str = "past") -> dt.date:
    """The day named by a bare weekday (ISO 1=Monday..7=Sunday) in a story dated `anchor`.

    past: on or before the anchor (news default); future: on or after ("will meet Monday");
    last: strictly before ("last Sunday" in a Sunday story is a week ago); next: strictly after.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "last":
        return anchor - dt.timedelta(days=back or 7)
    return anchor - dt.timedelta(days=back)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def resolve_month(anchor: dt.date, month: int, direction: str = "past") -> tuple[int, int]:
    """The (year, month) a month name alone names: the most recent one on or before the
    anchor's month (past), the next on or after (future), strictly before (last) or after (next)."""
    year = anchor.year
    if direction in ("past", "last"):
        if month > anchor.month or (direction == "last" and month == anchor.month):
            year -= 1
    elif month < anchor.month or (direction == "next" and month == anchor.month):
        year += 1
    return year, month


def resolve_month_day(anchor: dt.date, month: int, day: int, forward: bool = False) -> dt.date:
    """A month-day without a year: the anchor's year, or the previous year when that would put
    it well after the anchor (the next year when a forward-looking one would be well before)."""
    candidate = dt.date(anchor.year, month, day)
    if not forward and candidate > anchor + MONTH_DAY_YEAR_WINDOW:
        candidate = dt.date(anchor.year - 1, month, day)
    elif forward and candidate < anchor - MONTH_DAY_YEAR_WINDOW:
        candidate = dt.date(anchor.year + 1, month, day)
    return candidate


def shift_value(base: dt.date, unit: str, amount: int) -> str:
    """The calendar value `amount` units from `base`, at that unit's precision."""
    if unit == "day":
        return (base + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(base + dt.timedelta(weeks=amount))
    if unit == "month":
        year, month = shift_month(base.year, base.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit in ("year", "decade", "century"):
        years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
        return f"{base.year + years:04d}"
    raise ValueError(f"unknown calendar unit {unit!r}")


def format_duration(amount: float, unit: str) -> Optional[str]:
    """ISO 8601 duration for an amount of a unit: (3, 'decade') -> 'P30Y', (10, 'hour') -> 'PT10H'."""
    spec = time_units().get(unit.lower())
    if spec is None:
        return None
    designator, multiplier, clock = spec
    total = amount * multiplier
    number = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"PT{number}{designator}" if clock else f"P{number}{designator}"


def parse_number(text: str) -> Optional[float]:
    """'42' -> 42, 'three' -> 3, 'twenty-five' -> 25, 'a' -> 1, '1,000' -> 1000; None if not a number."""
    words = number_words()
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    if cleaned.endswith(" and a half"):
        whole = parse_number(cleaned[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    if cleaned in words:
        return words[cleaned]
    digits = cleaned.replace(",", "")
    try:
        return float(digits) if "." in digits else int(digits)
    except ValueError:
        pass
    parts = re.split(r"[-\u2010\u2011 ]", cleaned)
    if len(parts) == 2 and parts[0] in words and parts[1] in words and words[parts[0]] >= 20:
        return words[parts[0]] + words[parts[1]]
    return None


# ---------------------------------------------------------------- lexicons (data files)

@functools.lru_cache(maxsize=None)
def calendar_names() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(full month names, month abbreviations, weekdays) -> number."""
    months, abbreviations, weekdays = {}, {}, {}
    for kind, name, number, form in load_tsv("dates_calendar.tsv"):
        target = weekdays if kind == "weekday" else (months if form == "full" else abbreviations)
        target[name] = int(number)
    return months, abbreviations, weekdays


@functools.lru_cache(maxsize=None)
def number_words() -> dict[str, float]:
    """Number words that count time units: 'three' -> 3, 'half a' -> 0.5."""
    return {word: float(value) if "." in value else int(value) for word, value in load_tsv("dates_numbers.tsv")}


@functools.lru_cache(maxsize=None)
def time_units() -> dict[str, tuple[str, float, bool]]:
    """unit -> (ISO 8601 designator, multiplier, is a clock unit)."""
    return {unit: (designator, float(multiplier), clock == "yes")
            for unit, designator, multiplier, clock in load_tsv("dates_units.tsv")}
