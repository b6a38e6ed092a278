"""Temporal expressions in news copy: find them, then resolve them against the publication date.

Pure text functions (no spaCy): `tag(text, anchor)` returns every date, duration, set
and clock time with input offsets and an ISO value. This module holds the patterns and
the context rules (which way a sentence looks); the calendar arithmetic they call ("the
Friday on or before", ISO weeks, durations) is `temporal_calendar.py`, re-exported here.
The spaCy component (`components/dates.py`) only adds the model's evidence (NER DATE/TIME spans,
sentence starts) and turns the results into `DateFact` records.

Why rules of our own: wire copy dates things relative to the dateline ("Friday" is
the most recent Friday on or before it unless the sentence looks ahead), which no
maintained library does; dateparser resolves weekdays relative to "now" and
inconsistently, and absolute forms ("Sept. 27", "27 September 2020") are a line of
regex plus `datetime.date`.

Values (the evaluation scores calendar values only, so nothing else may look like one):
  date      YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Www (ISO week)
  duration  ISO 8601 duration: P1M, P30Y, P6W, PT10H — never calendar form
  set       the period: P1D ("daily", "every day"), P1W; "every Friday" -> XXXX-WXX-5
  time      null, reason "clock time": a clock reading is not a calendar value
  decade    "the 1990s": null with a reason; TIMEX's "199" would read as a year
  vague     "recent days", "decades", "several weeks": null with a reason
  season    "last summer": null with a reason (a season is no single month)

Which way a bare weekday or month looks is read from its clause (`_Document.looks_forward`):
the cue words and their roles (forward cues, pairs like "is to", weak cues like "until",
reporting verbs and past forms that stop the scan) are data, in `data/dates_context.tsv`.
Relative forms need the anchor (the publication date); without one they are null
with the reason NO_ANCHOR. "The following day", "a week later" count from the last date
the story resolved (from the anchor when there is none yet). A month or month-day without
a year takes its pair's ("May and July of 2016") or its own ("May of last year").
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from .data import load_tsv
from .temporal_calendar import (  # noqa: F401  (re-exported: the calendar half of the date API)
    MONTH_DAY_YEAR_WINDOW, anchor_hour, calendar_names, format_duration, iso_week, number_words, parse_anchor,
    parse_number, resolve_month, resolve_month_day, resolve_weekday, shift_month, shift_value, time_units,
)

NO_ANCHOR = "no publication date to resolve against"
NO_PREVIOUS = "no earlier date in the story to count from"
VAGUE = "vague: names no calendar day, week, month or year"
CLOCK_TIME = "clock time: not a calendar value"
DECADE = "decade: not a single calendar year"
INVALID = "not a valid calendar date"
OUT_OF_RANGE = "outside the calendar range"
NO_YEAR = "month and day without a year or a publication date"
SEASON = "season: no single calendar month"


@dataclass(frozen=True)
class TemporalExpression:
    """One temporal expression: input offsets, kind, ISO value (or why there is none)."""

    start: int
    end: int
    text: str
    kind: str = "date"                 # date | duration | set | time
    value: Optional[str] = None
    qualifier: Optional[str] = None
    reason: Optional[str] = None


@functools.lru_cache(maxsize=None)
def _context_words() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for role, word in load_tsv("dates_context.tsv"):
        roles.setdefault(role, set()).add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}


def _words(role: str) -> frozenset[str]:
    return _context_words().get(role, frozenset())


@dataclass(frozen=True)
class _RelativePhrase:
    base: str       # anchor | previous
    unit: str       # day | week | month | year
    offset: int
    clause_end: bool


@functools.lru_cache(maxsize=None)
def _relative_phrases() -> dict[str, _RelativePhrase]:
    phrases = {}
    for row in load_tsv("dates_relative.tsv"):
        phrase, base, unit, offset = row[:4]
        flags = row[4] if len(row) > 4 else ""
        phrases[phrase.lower()] = _RelativePhrase(base, unit, int(offset), "clause_end" in flags)
    return phrases


@functools.lru_cache(maxsize=None)
def _qualifiers() -> dict[str, str]:
    return {surface.lower(): normal for surface, normal in load_tsv("dates_qualifiers.tsv")}


@functools.lru_cache(maxsize=None)
def _landmarks() -> dict[tuple[int, int], tuple[int, frozenset[str]]]:
    return {(int(m), int(d)): (int(y), frozenset(nouns.lower().split("|")))
            for m, d, y, nouns, _ in load_tsv("dates_landmarks.tsv")}


@functools.lru_cache(maxsize=None)
def _numeric_landmarks() -> frozenset[tuple[int, int]]:
    return frozenset((int(m), int(d)) for m, d, _, _, numeric in load_tsv("dates_landmarks.tsv") if numeric == "yes")


@functools.lru_cache(maxsize=None)
def _set_words() -> dict[str, str]:
    return dict(load_tsv("dates_sets.tsv"))


# ---------------------------------------------------------------- grammar

def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any word gap."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", _GAP) for w in ordered)


# A gap between two words: a few spaces and at most one line break (hard-wrapped copy),
# never a paragraph break or the wide blanks where page furniture was removed.
_GAP = r"(?:[^\S\n]{1,3}(?:\n[^\S\n]{0,3})?|\n[^\S\n]{0,3})"
_HYPHEN = r"[-\u2010\u2011\u2012\u2013]"
_POSSESSIVE = r"(?:['\u2019]s\b)?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d{1,3}\b)"
_YEAR = r"(?:1[89]|20)\d\d(?![\d%]|[.,:]\d)"


@dataclass
class _Rule:
    """One pattern: where it may match (accept) and what it means there (resolve)."""

    name: str
    pattern: re.Pattern
    resolve: Callable[["_Document", re.Match], list[TemporalExpression]]
    accept: Optional[Callable[["_Document", re.Match], bool]] = None


@dataclass
class _Document:
    """The text being tagged, the evidence about it, and what the story has resolved so far."""

    text: str
    anchor: Optional[dt.date]
    sentence_starts: Sequence[int] = ()
    ner_spans: Sequence[tuple[int, int]] = ()
    last_day: Optional[dt.date] = None
    last_month: Optional[tuple[int, int]] = None
    last_year: Optional[int] = None
    late_in_day: bool = False          # published in the evening: "will meet Tuesday" is not that Tuesday
    _ner_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ner_spans = sorted(self.ner_spans)
        self._ner_starts = [s for s, _ in self.ner_spans]

    # -- context -------------------------------------------------------------
    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts; a split right after "a.m." or "Sept." is no
        sentence end ("will take effect at 4 a.m. Wednesday")."""
        start = self._raw_sentence_start(pos)
        for _ in range(3):
            if start <= 0 or not _ABBREVIATION_END.search(self.text, max(0, start - 12), start):
                break
            start = self._raw_sentence_start(start - 1)
        return start

    def _raw_sentence_start(self, pos: int) -> int:
        paragraph = self.text.rfind("\n\n", 0, pos)        # a headline is never one sentence with the body
        paragraph = paragraph + 2 if paragraph >= 0 else 0
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return max(self.sentence_starts[i] if i >= 0 else 0, paragraph)

    def clause_before(self, pos: int) -> str:
        """The text before `pos` in its sentence, outside any quotation or clause closed before it."""
        start = max(self.sentence_start(pos), pos - CONTEXT_CHARS)
        return _CLAUSE_EDGE.split(_SCARE_QUOTE.sub(_blank, self.text[start:pos]))[-1]

    def words_before(self, pos: int, count: int = 8) -> list[str]:
        """Up to `count` lower-cased words before `pos`, within its sentence and outside any
        quotation or clause closed before it, nearest last."""
        return _WORD.findall(self.clause_before(pos).lower())[-count:]

    def words_after(self, pos: int, count: int = 8) -> list[str]:
        starts = self.sentence_starts
        i = bisect.bisect_right(starts, pos) if starts else 0
        end = starts[i] if starts and i < len(starts) else len(self.text)
        return _WORD.findall(self.text[pos:min(end, pos + CONTEXT_CHARS)].lower())[:count]

    def previous_word(self, pos: int) -> str:
        words = self.words_before(pos, 1)
        return words[0] if words else ""

    def in_ner_date(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ner_starts, start) - 1
        return i >= 0 and self.ner_spans[i][0] <= start and end <= self.ner_spans[i][1]

    def looks_forward(self, start: int, end: int) -> bool:
        """Does the sentence speak of the future at this date ("will meet on Monday", "is to
        visit Kyiv on Sunday", "starting Wednesday it would resume")?

        Scans back up to FORWARD_WINDOW_WORDS words in the clause: a forward cue there wins,
        unless a reporting verb or a plain past form ("said", "was") sits between it and the
        date. A weak cue right before the date ("until", "by", "from", "as of") looks ahead
        only with a present-tense or modal verb in the clause and no past form. A modal right
        after the date counts ("the ministers on Wednesday will meet"); a date that opens its
        sentence looks further on, to the first verb.
        """
        raw = _WORD.findall(self.clause_before(start))[-FORWARD_WINDOW_WORDS:]
        words = [w.lower() for w in raw]
        weak = False
        for i in range(len(words) - 1, -1, -1):
            verdict = _forward_verdict(words, raw, i)
            if verdict is not None:
                return verdict
            if len(words) - i <= 3 and (words[i] in _words("weak_forward_cue")
                                        or " ".join(words[i - 1:i + 1]) in _words("weak_forward_cue")) \
                    and not (i > 0 and (words[i - 1].isdigit() or words[i - 1].title() in calendar_names()[0])):
                weak = not self.text.endswith(("'s", "\u2019s"), start, end)   # "reeling from Monday's attack"
        if weak and any(_is_present(words, i) for i in range(len(words))):
            return True
        following = self.words_after(end, 3)
        if following and not self.text.endswith(("'s", "\u2019s"), start, end) and (
                following[0] in _words("future_modal")
                or (" ".join(following[:2]) in _words("forward_pair") and not _is_past(following[0]))):
            return True                      # "the ministers on Wednesday will meet", "leaders on Sunday are to sign"
        if start - self.sentence_start(start) <= OPENING_CHARS:   # a sentence-opening date: look after it
            after = self.words_after(end, 10)
            for j, word in enumerate(after):
                if word in _words("clause_break") or _is_past(word):
                    return False
                if word in _words("future_modal") or (weak and _is_present(after, j)):
                    return True
        return False

    def looks_back(self, start: int) -> bool:
        """Is a past-tense verb right before this date ("announced Aug. 6", "was seized on May 4")?"""
        return any(_is_past(word) for word in self.words_before(start, FORWARD_WINDOW_WORDS))

    def clause_ends_at(self, pos: int) -> bool:
        return re.match(r"[^\S\n]*(?:[,.;:)\u2014]|\n|$)", self.text[pos:pos + 3] or "") is not None

    # -- story state ---------------------------------------------------------
    def remember(self, value: Optional[str]) -> None:
        """Keep the last resolved date at each precision, for "the following day"."""
        if not value:
            return
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            self.last_day = dt.date.fromisoformat(value)
            self.last_month = (self.last_day.year, self.last_day.month)
            self.last_year = self.last_day.year
        elif re.fullmatch(r"\d{4}-W\d\d", value):
            self.last_day = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            self.last_month = (self.last_day.year, self.last_day.month)
            self.last_year = self.last_day.year
        elif re.fullmatch(r"\d{4}-\d\d", value):
            self.last_month = (int(value[:4]), int(value[5:]))
            self.last_year = self.last_month[0]
        elif re.fullmatch(r"\d{4}", value):
            self.last_year = int(value)


def _forward_verdict(words: list[str], raw: list[str], i: int) -> Optional[bool]:
    """What word i (scanning back from a date) says about the date: True = looks ahead,
    False = stop (a reporting verb or a plain past form in between), None = no signal."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    if i > 0 and raw[i][:1].isupper():
        return None              # a Title Case word inside a sentence: a name or a headline ("Will Only Use")
    if word in _words("clause_break") or word in _words("hard_past"):
        return False
    if i > 0 and words[i - 1] in ("was", "were") and word in _words("plan_participle"):
        return False             # "the flight was scheduled to take off at 11:55 p.m. Sunday, but left late"
    if word in _words("future_modal") or word in _words("modal") or (word == "may" and raw[i] == "may"):
        if after == "have" or (after in ("not", "n't") and word in ("would", "could")):
            return None          # "would have started Monday", "could not be reached Sunday": past
        return True
    if word in _words("forward_cue"):
        if f"{word} {after}" in _words("forward_cue_exception") \
                or (i > 0 and f"{words[i - 1]} {word}" in _words("forward_cue_exception")):
            return None
        if word in _words("adjective_cue") and any(_is_past(w) or w in _words("hard_past") for w in words[:i]):
            return None                      # "they held the next round of talks on Sunday"
        return True
    if word == "to" and after in _words("scheduled_verb") and i > 0 and words[i - 1] not in _words("not_before_to") \
            and not any(_is_past(w) or w in _words("hard_past") for w in words[:i]):
        return True                          # headline "Ukraine to hold talks Wednesday"; not "agreed to hold"
    if after and f"{word} {after}" in _words("forward_pair"):
        if f"{word} {after}" == "due to" and i + 2 < len(words) and words[i + 2] not in _words("future_verb"):
            return None                                      # "due to shelling": because of
        return True
    return None


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _is_present(words: list[str], i: int) -> bool:
    """A present-tense verb at words[i]; "has been shelled", "have fled" are past events."""
    if words[i] not in _words("present_marker"):
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    return not (words[i] in ("has", "have") and (after == "been" or _is_past(after) or after.endswith("en")))


def _is_past(word: str) -> bool:
    return word in _words("past_cue") or (len(word) > 4 and word.endswith("ed") and word not in _words("forward_cue"))


# A month-day this far (or more) after the anchor, told in the past tense, is last year's ("announced Aug. 6"
# in February); nearer ones stay in the anchor's year ("had proclaimed the end of the emergency on July 26").
PAST_TENSE_PUSHBACK = dt.timedelta(days=30)

# A story published from this hour on (the anchor's own clock) is written after that day's events:
# "the ceasefire will take effect Tuesday" in a Tuesday-evening story means next Tuesday.
LATE_HOUR = 18

# How far back (and ahead) the context rules read, and how close to its sentence's start a
# date must be for the verbs after it to count ("On Monday, the leaders will meet").
CONTEXT_CHARS = 160
FORWARD_WINDOW_WORDS = 15
OPENING_CHARS = 16
_ABBREVIATION_END = re.compile(
    r"(?:\b[ap]\.m\.|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gen|Lt|Col|Maj|Sgt|Dr|Mr|Mrs|Ms|St|Gov|Sen|Rep"
    r"|Jr|Sr)\.)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
_PART_OF_PERIOD = re.compile(
    rf"(?<![\w.])(?i:early|late|mid|(?:the{_GAP})?(?:end|beginning|start|middle){_GAP}of)(?:{_HYPHEN}|{_GAP})$")
_CLAUSE_EDGE = re.compile(r"[\"\u201c\u201d?!;()\u2014]|:(?!\d)")
# A short quoted phrase with no punctuation inside is a name or a scare quote, not a quotation:
# it does not end the clause ('revellers are expected to flock to Berlin's "party mile" on Sunday').
_SCARE_QUOTE = re.compile(r"[\"\u201c][^\"\u201c\u201d.,!?;:\n]{1,40}[\"\u201d]")
_WORD = re.compile(r"[a-z0-9\u00a9]+(?:['\u2019.][a-z]+)*|['\u2019]ll\b", re.IGNORECASE)


def _expr(doc: _Document, start: int, end: int, kind: str = "date", value: Optional[str] = None,
          reason: Optional[str] = None, qualifier: Optional[str] = None) -> TemporalExpression:
    if value is None and reason is None:
        reason = VAGUE
    return TemporalExpression(start, end, doc.text[start:end], kind, value, qualifier, reason)


def _safe(compute: Callable[[], Optional[str]]) -> tuple[Optional[str], Optional[str]]:
    """(value, None) or (None, reason) — calendar arithmetic never raises out of the tagger."""
    try:
        return compute(), None
    except OverflowError:
        return None, OUT_OF_RANGE
    except ValueError:
        return None, INVALID


def _month_number(name: str) -> int:
    months, abbreviations, _ = calendar_names()
    name = name.rstrip(".")
    return months.get(name) or abbreviations[name]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


# ---------------------------------------------------------------- resolvers

def _resolve_full_date(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'Sept. 27', 'September 27, 2020', '27 September', 'Monday, November 27'; a day range
    ('Nov. 9-10', '9-10 November') gives one expression per day."""
    month = _month_number(m["month"])
    year = m["year"] or (str(_related_year(doc, m["yrel"])) if m["yrel"] and doc.anchor else None)
    if not m["day2"]:
        return [_dated(doc, m.start(), m.end(), month, _day_number(m["day"]), year)]
    return [_dated(doc, m.start(), m.end("day"), month, _day_number(m["day"]), year),
            _dated(doc, m.start("day2"), m.end(), month, _day_number(m["day2"]), year)]


def _coordinated_year(doc: _Document, end: int) -> Optional[int]:
    """The year a month (or month-day) without one shares with the next in a pair or range:
    "May and July of 2016", "Feb. 7 to Feb. 14, 2016", "February and September of this year"."""
    found = _coordination().match(doc.text, end, min(len(doc.text), end + 60))
    if found is None:
        return None
    if found["year"]:
        return int(found["year"])
    return _related_year(doc, found["yrel"]) if doc.anchor is not None else None


@functools.lru_cache(maxsize=None)
def _coordination() -> re.Pattern:
    months, abbreviations, _ = calendar_names()
    g = _GAP
    return re.compile(
        rf"{g}?(?:and|or|to|through|until|till|{_HYPHEN}|\u2014){g}?(?:(?i:early|late|mid){_HYPHEN}?{g}?)?"
        rf"(?:(?:{_alternation(months)})\b|(?:{_alternation(abbreviations)})\b\.?)(?:{g}{_DAY})?"
        rf"(?:,[^\S\n]{{0,2}}|{g})(?:of{g})?(?:(?P<year>{_YEAR})|(?P<yrel>(?i:last|this|next)){g}(?i:year)\b)")


def _related_year(doc: _Document, relation: str) -> int:
    """The year 'last year', 'this year', 'next year' name in a story dated doc.anchor."""
    return doc.anchor.year + {"last": -1, "this": 0, "next": 1}[relation.lower()]


def _dated(doc: _Document, start: int, end: int, month: int, day: int, year: Optional[str]) -> TemporalExpression:
    if not year and (shared := _coordinated_year(doc, end)) is not None:
        year = str(shared)                           # "between Feb. 7 and Feb. 14, 2016"
    if year:
        value, reason = _safe(lambda: dt.date(int(year), month, day).isoformat())
    elif (landmark := _landmark_year(doc, end, month, day)) is not None:
        value, reason = _safe(lambda: dt.date(landmark, month, day).isoformat())
    elif doc.anchor is None:
        value, reason = None, NO_YEAR
    else:
        forward = doc.looks_forward(start, end)
        value, reason = _safe(lambda: _month_day_in_context(doc, start, month, day, forward))
    return _expr(doc, start, end, "date", value, reason)


def _month_day_in_context(doc: _Document, start: int, month: int, day: int, forward: bool) -> str:
    """resolve_month_day, but a date told in the past tense that would fall after the anchor is last year's."""
    candidate = resolve_month_day(doc.anchor, month, day, forward)
    if not forward and candidate > doc.anchor + PAST_TENSE_PUSHBACK and doc.looks_back(start):
        candidate = dt.date(candidate.year - 1, month, day)
    return candidate.isoformat()


def _landmark_year(doc: _Document, end: int, month: int, day: int) -> Optional[int]:
    known = _landmarks().get((month, day))
    if not known:
        return None
    year, nouns = known
    if doc.anchor is not None and doc.anchor.year <= year:
        return None
    return year if set(doc.words_after(end, 2)) & nouns else None


def _resolve_numeric_date(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'2023-09-24', '2023/09/24', '11/16/2020' (US order unless impossible or the other order is nearer the
    anchor), '16.11.2020' (day first)."""
    if m["iso_year"]:
        value, reason = _safe(lambda: dt.date(int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"])).isoformat())
        return [_expr(doc, m.start(), m.end(), "date", value, reason)]
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    orders = [(b, a)] if m["sep"] == "." else [(a, b), (b, a)]
    readings = []
    for month, day in orders:
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return [_expr(doc, m.start(), m.end(), "date", None, INVALID)]
    if doc.anchor is not None and len(readings) == 2:
        readings.sort(key=lambda d: abs((d - doc.anchor).days))
    return [_expr(doc, m.start(), m.end(), "date", readings[0].isoformat())]


def _resolve_landmark_numeric(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    year, _ = _landmarks()[(int(m["a"]), int(m["b"]))]
    return [_expr(doc, m.start(), m.end(), "date", dt.date(year, int(m["a"]), int(m["b"])).isoformat())]


def _accept_landmark_numeric(doc: _Document, m: re.Match) -> bool:
    return (int(m["a"]), int(m["b"])) in _numeric_landmarks()


def _resolve_month(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'September', 'late September', 'September 2020', 'last March', 'the August fighting'."""
    month = _month_number(m["month"])
    shared = _coordinated_year(doc, m.end())
    if m["year"]:
        value, reason = f"{int(m['year']):04d}-{month:02d}", None
    elif m["yrel"] and doc.anchor is not None:      # "May of last year", "March this year"
        value, reason = f"{_related_year(doc, m['yrel']):04d}-{month:02d}", None
    elif shared is not None:                         # "in May and July of 2016"
        value, reason = f"{shared:04d}-{month:02d}", None
    elif doc.anchor is None:
        value, reason = None, NO_ANCHOR
    else:
        relation = (m["rel"] or "").lower()
        if relation in ("last", "next"):
            direction = relation
        elif relation == "this":
            direction = "this"
        else:
            direction = "future" if doc.looks_forward(m.start(), m.end()) else "past"
        year = doc.anchor.year if direction == "this" else resolve_month(doc.anchor, month, direction)[0]
        value, reason = f"{year:04d}-{month:02d}", None
    return [_expr(doc, m.start(), m.end(), "date", value, reason)]


def _accept_month(doc: _Document, m: re.Match) -> bool:
    """A month name alone is a date only in a date context ("until September", "the August
    fighting"); "May", "June", "April" also are words and names, and need a preposition or "the"."""
    if m["year"] or m["yrel"] or m["mod"] or m["rel"]:
        return True
    before = doc.previous_word(m.start())
    if m["month"].lower() in _words("ambiguous_month"):
        return before in _words("month_cue_strong")
    if m["month"].endswith(".") or doc.in_ner_date(m.start(), m.end()):
        return True
    return before in _words("month_cue_strong") | _words("month_cue") or bool(m["poss"])


def _resolve_weekday(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'Friday', 'early Saturday', 'Monday night', 'last Sunday', 'next Monday'."""
    if doc.anchor is None:
        return [_expr(doc, m.start(), m.end(), "date", None, NO_ANCHOR)]
    weekday = calendar_names()[2][m["weekday"]]
    relation = re.sub(r"\s+", " ", (m["rel"] or "").lower()).strip()
    if relation in ("last", "past"):
        direction = "last"
    elif relation == "next":
        direction = "next"
    elif relation.endswith("coming") or doc.looks_forward(m.start(), m.end()):
        direction = "next" if doc.late_in_day and not _later_that_day(doc, m) else "future"
    else:
        direction = "past"
    return [_expr(doc, m.start(), m.end(), "date", resolve_weekday(doc.anchor, weekday, direction).isoformat())]


def _later_that_day(doc: _Document, m: re.Match) -> bool:
    """'later Tuesday', 'Tuesday night': still the day of an evening story."""
    return doc.previous_word(m.start()) == "later" or re.search(
        r"(?i)(?:evening|night)\W*$", m.group()) is not None


def _accept_weekday(doc: _Document, m: re.Match) -> bool:
    return doc.previous_word(m.start()) not in _words("weekday_blocker")


def _resolve_relative(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'yesterday', 'last week's', 'this month', 'the following day' (from the last date resolved)."""
    phrase = _relative_phrases()[re.sub(r"\s+", " ", m["phrase"].lower())]
    start = m.start()
    if (part := _PART_OF_PERIOD.search(doc.text, max(0, start - 24), start)):
        start = part.start()                 # "late last month", "the end of last year": same value
    if phrase.base == "anchor":
        if doc.anchor is None:
            return [_expr(doc, start, m.end(), "date", None, NO_ANCHOR)]
        value, reason = _safe(lambda: shift_value(doc.anchor, phrase.unit, phrase.offset))
    else:
        value, reason = _from_previous(doc, phrase.unit, phrase.offset)
    return [_expr(doc, start, m.end(), "date", value, reason)]


def _accept_relative(doc: _Document, m: re.Match) -> bool:
    phrase = _relative_phrases()[re.sub(r"\s+", " ", m["phrase"].lower())]
    words = m["phrase"].lower().split()
    if words[0] in ("last", "next", "this") and doc.previous_word(m.start()) in ("the", "a", "every", "each"):
        return False                       # "the last week" is a span of time, not last week
    if m["phrase"][0].isupper() and m.start() - doc.sentence_start(m.start()) > 3 \
            and m["phrase"].lower() in ("today", "tonight", "tomorrow", "yesterday"):
        return False                       # "Russia Today", "USA Today": a name
    return not phrase.clause_end or doc.clause_ends_at(m.end("phrase"))


def _from_previous(doc: _Document, unit: str, offset: int) -> tuple[Optional[str], Optional[str]]:
    """Count from the last date the story resolved at this unit's precision; before any, from the anchor
    ("a day earlier" in a story's first sentence is the day before publication)."""
    if doc.last_day is None and doc.last_month is None and doc.last_year is None:
        if doc.anchor is None:
            return None, NO_PREVIOUS
        return _safe(lambda: shift_value(doc.anchor, unit, offset))
    if unit in ("day", "week") and doc.last_day is not None:
        return _safe(lambda: shift_value(doc.last_day, unit, offset))
    if unit == "month" and doc.last_month is not None:
        year, month = shift_month(*doc.last_month, offset)
        return f"{year:04d}-{month:02d}", None
    if unit in ("year", "decade", "century") and doc.last_year is not None:
        return _safe(lambda: shift_value(dt.date(doc.last_year, 1, 1), unit, offset))
    return None, NO_PREVIOUS


def _resolve_offset(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'two days ago' (from the anchor), 'a day earlier', 'three years later' (from the last date)."""
    unit = _singular(m["unit"])
    amount = parse_number(m["num"]) if m["num"] else None
    if amount is None or unit not in ("day", "week", "month", "year", "decade", "century"):
        return [_expr(doc, m.start(), m.end(), "date", None, VAGUE)]
    if not float(amount).is_integer():
        return [_expr(doc, m.start(), m.end(), "date", None, VAGUE)]
    amount = int(amount)
    direction = m["dir"].lower()
    if direction == "ago":
        if doc.anchor is None:
            return [_expr(doc, m.start(), m.end(), "date", None, NO_ANCHOR)]
        value, reason = _safe(lambda: shift_value(doc.anchor, unit, -amount))
    else:
        sign = -1 if direction in ("earlier", "before") else 1
        value, reason = _from_previous(doc, unit, sign * amount)
    return [_expr(doc, m.start(), m.end(), "date", value, reason)]


def _accept_offset(doc: _Document, m: re.Match) -> bool:
    return m["dir"].lower() in ("ago", "earlier", "later") or doc.clause_ends_at(m.end())


def _resolve_year(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'1994', 'mid-2020', '1992-94' (two years)."""
    out = [_expr(doc, m.start(), m.end("year"), "date", f"{int(m['year']):04d}")]
    if m["year2"]:
        first, second = int(m["year"]), m["year2"]
        full = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if first < full < first + 100:
            out.append(_expr(doc, m.start("year2"), m.end("year2"), "date", f"{full:04d}"))
    return out


def _accept_year(doc: _Document, m: re.Match) -> bool:
    """A four-digit number is a year only in a date context: "in 1994", "the 2011 uprising",
    "In 1992 and 2016", "mid-2020" — never "Resolution 1973", "2000 troops"."""
    before = doc.previous_word(m.start())
    preceding = doc.text[max(0, m.start() - 2):m.start()]
    if before in _words("year_blocker") or preceding.endswith(("$", "£", "€", "#", "-")) and not m["mod"]:
        return False
    after = doc.words_after(m.end(), 1)
    if after and after[0] in _words("count_noun"):
        return False
    if m["mod"] or m["year2"] or doc.in_ner_date(m.start("year"), m.end("year")):
        return True
    if before in _words("year_cue") or before.endswith(("'s", "\u2019s")):
        return True
    return re.search(r"(?:1[89]|20)\d\d\s*(?:,|and|or|to|through|until|and\s+in)\s*$",
                     doc.text[max(0, m.start() - 20):m.start()]) is not None


def _resolve_decade(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    return [_expr(doc, m.start(), m.end(), "date", None, DECADE)]


def _resolve_duration(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'more than a month' -> P1M (more than), 'three decades' -> P30Y, 'six-week' -> P6W."""
    qualifier = _qualifiers().get(re.sub(r"\s+", " ", m["qual"].lower())) if m["qual"] else None
    unit = _singular(m["unit"])
    if m.re.groupindex.get("vague") and m["vague"]:
        return [_expr(doc, m.start(), m.end(), "duration", None, VAGUE, qualifier)]
    if not m["num"] and m["unit"].lower().endswith("s") and _singular(m["unit"]) != m["unit"].lower():
        return [_expr(doc, m.start(), m.end(), "duration", None, VAGUE, qualifier)]   # "the coming weeks"
    amount = parse_number(m["num"]) if m["num"] else 1
    value = format_duration(amount, unit) if amount is not None else None
    return [_expr(doc, m.start(), m.end(), "duration", value, None if value else VAGUE, qualifier)]


def _resolve_vague(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'recent days', 'the coming weeks', 'for decades': real time spans with no value."""
    modifier = (m["mod"] or "").strip().lower()
    kind = "date" if modifier in ("recent", "coming", "next", "following", "previous") \
        or m["unit"] == "weekend" else "duration"
    return [_expr(doc, m.start(), m.end(), kind, None, VAGUE)]


def _resolve_set(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'every day' -> P1D, 'weekly' -> P1W, 'every Friday' -> XXXX-WXX-5."""
    if m["adverb"]:
        value = _set_words()[m["adverb"].lower()]
    else:
        unit = m["unit"]
        step = 2 if m["other"] else 1
        if unit in calendar_names()[2]:
            value = f"XXXX-WXX-{calendar_names()[2][unit]}"
        elif unit.lower() in ("night", "morning", "evening", "afternoon"):
            value = f"P{step}D"
        elif unit.lower() == "weekend":
            value = "XXXX-WXX-WE"
        else:
            value = format_duration(step, unit.lower())
    return [_expr(doc, m.start(), m.end(), "set", value)]


def _resolve_season(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    """'last summer', 'this winter': a season spans months (and winter spans years): no value."""
    return [_expr(doc, m.start(), m.end(), "date", None, SEASON)]


def _resolve_time(doc: _Document, m: re.Match) -> list[TemporalExpression]:
    return [_expr(doc, m.start(), m.end(), "time", None, CLOCK_TIME)]


def _singular(unit: str) -> str:
    unit = unit.lower().replace("\u2010", "-").replace("\u2011", "-")
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    return unit[:-1] if unit.endswith("s") and unit[:-1] in time_units() else unit


# ---------------------------------------------------------------- the rules

@functools.lru_cache(maxsize=None)
def _rules() -> tuple[_Rule, ...]:
    """Every pattern, compiled once. Overlaps are settled longest-first (see `tag`)."""
    months, abbreviations, weekdays = calendar_names()
    month = (rf"(?P<month>(?:{_alternation(months)})\b"
             rf"|(?:{_alternation(abbreviations)})\b\.?)")
    weekday = rf"(?P<weekday>{_alternation(weekdays)})\b"
    g, hy = _GAP, _HYPHEN
    day_part = _alternation(_words("day_part"))
    numbers = _alternation(w for w in number_words())
    number = (rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?"
              rf"|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety){hy}(?:one|two|three|four|five|six|seven|eight|nine))"
              rf"|(?i:{numbers}))(?:{g}(?i:and{g}a{g}half))?)")
    vague_amount = _alternation(_words("vague_amount"))
    units = _alternation(u for u in time_units() if "-" not in u)
    unit_plural = rf"(?:{units.replace('century', 'centur(?:y|ies)')})s?"
    qualifier = rf"(?P<qual>(?i:{_alternation(_qualifiers())})){g}"
    zones = _alternation(_words("time_zone"))
    military_zones = _alternation([w.upper() for w in _words("time_zone") if " " not in w] + ["local time"])
    ampm = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
    prefix_weekday = rf"(?:(?P<wd>{_alternation(weekdays)})(?:(?P<paren>[^\S\n]{{0,2}}\()|,?{g}))?"
    relative = _alternation(_relative_phrases())
    sets = _alternation(_set_words())
    year_relation = rf"(?:(?P<yrel>(?i:last|this|next)){g}(?i:year)\b)"
    year_or_relation = rf"(?:(?P<year>{_YEAR})|{year_relation})"      # "2016", "last year"

    def rx(pattern: str) -> re.Pattern:
        return re.compile(pattern)

    return (
        _Rule("iso_or_numeric_date", rx(
            r"(?<![\w/.-])(?:(?P<iso_year>\d{4})(?P<isep>[-/])(?P<iso_month>\d\d)(?P=isep)(?P<iso_day>\d\d)"
            r"|(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}))(?![\w/-]|\.\d)"),
            _resolve_numeric_date),
        _Rule("landmark_numeric", rx(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/]|\.\d)"),
              _resolve_landmark_numeric, _accept_landmark_numeric),
        _Rule("month_day", rx(
            rf"{prefix_weekday}(?<![\w.]){month}{g}(?P<day>{_DAY})(?:{hy}(?P<day2>{_DAY}))?"
            rf"(?:(?:,[^\S\n]{{0,2}}|{g}){year_or_relation})?(?(paren)[^\S\n]{{0,2}}\))"),
            _resolve_full_date),
        _Rule("day_month", rx(
            rf"{prefix_weekday}(?<![\w.,])(?:(?i:the){g})?(?P<day>{_DAY})(?:{hy}(?P<day2>{_DAY}))?{g}(?:of{g})?"
            rf"{month}(?:(?:,[^\S\n]{{0,2}}|{g}){year_or_relation})?(?(paren)[^\S\n]{{0,2}}\))"),
            _resolve_full_date),
        _Rule("month", rx(
            rf"(?<![\w.])(?:(?P<rel>(?i:last|next|this|past)){g}|(?P<mod>(?i:early|late|mid)(?:{hy}|{g})"
            rf"|(?i:the{g}(?:end|beginning|start|middle){g}of){g}))?"
            rf"{month}(?:(?:,[^\S\n]{{0,2}}|{g})(?:of{g})?{year_or_relation})?(?P<poss>['\u2019]s\b)?"),
            _resolve_month, _accept_month),
        _Rule("weekday", rx(
            rf"(?<![\w.])(?:(?P<rel>(?i:last|next|this{g}coming|coming|this|past)){g})?"
            rf"(?:(?i:early|late){g})?{weekday}(?:{g}(?i:{day_part})\b)?{_POSSESSIVE}"),
            _resolve_weekday, _accept_weekday),
        _Rule("relative", rx(
            rf"(?<![\w.])(?P<phrase>(?i:{relative}))\b(?:{g}(?i:{day_part})\b)?{_POSSESSIVE}"),
            _resolve_relative, _accept_relative),
        _Rule("offset", rx(
            rf"(?<![\w.])(?:(?P<num>{number}|(?i:{vague_amount})){g})?(?P<unit>(?i:{unit_plural})){g}"
            rf"(?P<dir>(?i:ago|earlier|later|before|after))\b"),
            _resolve_offset, _accept_offset),
        _Rule("year", rx(
            rf"(?<![\w$£€¥#.,/])(?P<mod>(?i:early|late|mid|the{g}end{g}of|end{g}of|the{g}start{g}of|the{g}beginning{g}of)"
            rf"(?:{hy}|{g}))?(?P<year>{_YEAR})(?:{hy}(?P<year2>(?:1[89]|20)?\d\d)(?![\w%]|[.,]\d))?(?!['\u2019]?s\b)(?!{hy}\w)"),
            _resolve_year, _accept_year),
        _Rule("decade", rx(
            rf"(?<![\w.])(?:(?i:the){g})?(?:(?i:early|mid|late){hy}?{g}?)?(?:(?:1[89]|20)\d0|['\u2019]\d0)s\b"),
            _resolve_decade),
        _Rule("duration", rx(
            rf"(?<![\w.])(?:{qualifier})?(?:(?i:the){g}(?P<span>(?i:last|past|next|coming|following)){g})?"
            rf"(?:(?P<vague>(?i:{vague_amount}))|(?P<num>{number}))?{g}?"
            rf"(?:(?i:more|additional|extra|further|full|straight|consecutive){g})?"
            rf"(?<![\w])(?P<unit>(?i:{unit_plural}|quarter{hy}centur(?:y|ies)|half{hy}centur(?:y|ies)))\b"),
            _resolve_duration, _accept_duration),
        _Rule("compound_duration", rx(
            rf"(?<![\w.])(?:{qualifier})?(?P<num>{number}){hy}(?P<unit>(?i:{units}))(?:{hy}(?i:old|long))?\b"),
            _resolve_duration),
        _Rule("vague", rx(
            rf"(?<![\w.])(?:(?P<mod>(?i:recent|coming|past|last|next|previous|following)){g})?"
            rf"(?:(?i:few|several|many){g})?(?P<unit>(?:day|week|month|year|decade|hour)s|centuries|weekend)\b"),
            _resolve_vague),
        _Rule("set", rx(
            rf"(?<![\w.])(?:(?i:every|each){g}(?:(?P<other>other){g})?"
            rf"(?P<unit>{_alternation(weekdays)}|(?i:day|week|month|year|night|morning|evening|afternoon|weekend))\b"
            rf"|(?P<adverb>{sets})\b)"),
            _resolve_set),
        _Rule("season", rx(
            rf"(?<![\w.])(?i:last|this|next|past|early|late){g}(?:(?i:spring|summer|autumn|winter)|fall)\b"
            rf"(?!{g}(?:of{g})?(?:1[89]|20)\d\d)"),
            _resolve_season),
        _Rule("clock_time", rx(
            rf"(?<![\w:.])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:{g}?{ampm})?(?:{g}(?i:{zones})\b)?"
            rf"|(?:1[0-2]|0?[1-9]){g}?{ampm}(?:{g}(?i:{zones})\b)?"
            rf"|(?:[01]\d|2[0-3])[0-5]\d{g}(?:{military_zones})\b"
            rf"|(?:noon|midday|midnight)\b)"),
            _resolve_time),
    )


def _accept_duration(doc: _Document, m: re.Match) -> bool:
    """A unit needs an amount ("a month", "several days") or a span ("the past week"); "month" alone is no duration."""
    return bool(m["num"] or m["vague"] or m["span"])


# ---------------------------------------------------------------- tagging

def tag(text: str, anchor: Optional[str | dt.date] = None, *,
        sentence_starts: Sequence[int] = (), ner_spans: Sequence[tuple[int, int]] = ()) -> list[TemporalExpression]:
    """Every temporal expression in `text`, in text order, resolved against `anchor` (an ISO
    date or datetime; with a time from LATE_HOUR on, a forward-looking weekday that names the
    anchor's own weekday is next week's).

    `sentence_starts` (character offsets) bound the context the rules look at;
    `ner_spans` (DATE/TIME spans from a model) count as evidence that a bare year or
    month name is a date. Overlapping matches: the longest wins, then the earliest.
    """
    if isinstance(anchor, dt.datetime):
        anchor_date: Optional[dt.date] = anchor.date()
        hour: Optional[int] = anchor.hour
    elif isinstance(anchor, dt.date):
        anchor_date, hour = anchor, None
    else:
        anchor_date, hour = parse_anchor(anchor), anchor_hour(anchor)
    text = text or ""
    if not sentence_starts:                  # no sentence splitter: a stop, then a space or line break, then a capital
        sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    doc = _Document(text=text, anchor=anchor_date, sentence_starts=sorted(sentence_starts),
                    ner_spans=list(ner_spans), late_in_day=hour is not None and hour >= LATE_HOUR)
    candidates = []
    for priority, rule in enumerate(_rules()):
        for match in rule.pattern.finditer(doc.text):
            if match.end() > match.start() and (rule.accept is None or rule.accept(doc, match)):
                candidates.append((match.start(), -(match.end() - match.start()), priority, rule, match))
    chosen = [(rule, match) for _, _, _, rule, match in _longest_first(candidates)]
    out: list[TemporalExpression] = []
    for rule, match in sorted(chosen, key=lambda rm: rm[1].start()):
        for expression in rule.resolve(doc, match):
            if expression.end > expression.start:
                out.append(expression)
                if expression.kind == "date":
                    doc.remember(expression.value)
    return out


def _longest_first(candidates: list) -> list:
    """Keep non-overlapping candidates, preferring longer spans (then earlier, then rule order)."""
    kept: list = []
    occupied: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (c[1], c[0], c[2])):
        start, end = candidate[0], candidate[0] - candidate[1]
        i = bisect.bisect_left(occupied, (start, start))
        clash = (i > 0 and occupied[i - 1][1] > start) or (i < len(occupied) and occupied[i][0] < end)
        if not clash:
            occupied.insert(i, (start, end))
            kept.append(candidate)
    return kept


def resolve(expression: str, anchor: Optional[str | dt.date] = None) -> Optional[TemporalExpression]:
    """The one expression that spans all of `expression` ("last week", "Sept. 27"), or None.
    Handy for checking a single phrase; `tag` is what reads running text."""
    found = tag(expression, anchor)
    whole = [e for e in found if e.start == 0 and e.end == len(expression.rstrip())]
    return whole[0] if whole else None


_TEMPORAL_WORD = re.compile(
    r"(?i)\b(?:day|week|month|year|decade|centur|hour|minute|second|morning|afternoon|evening|night|weekend"
    r"|today|tonight|tomorrow|yesterday|overnight|ago|season|summer|winter|spring|autumn)|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def looks_temporal(text: str) -> bool:
    """Does a span (say, one the model labelled DATE) name time at all? '41' does not."""
    return _TEMPORAL_WORD.search(text) is not None
