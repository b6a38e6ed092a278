"""The output records (schema version 1, see CONTRACT) and their one JSON form.

Components build these dataclasses; nothing else in the package builds JSON
dicts. `to_dict` gives the contract's JSON form, `from_dict` reads it back
(used to carry records through spaCy's Doc serialisation and worker processes).
The JSON Schema (`karabakh-extract schema`) is generated from these classes.
"""
from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional

SCHEMA_VERSION = "1"

CASUALTY_CATEGORIES = ("killed", "wounded", "missing", "displaced", "captured", "casualties")
FIGURE_CATEGORIES = CASUALTY_CATEGORIES + ("distance", "money", "percent", "count", "other")
PLACE_KINDS = ("country", "region", "city", "town", "village", "other")
DATE_KINDS = ("date", "duration", "set", "time")
EVENT_TYPES = ("ceasefire", "talks")
CEASEFIRE_STATUSES = ("proposed", "agreed", "took_effect", "violated", "collapsed", "extended")
TALKS_STATUSES = ("planned", "held", "failed")
ERROR_CODES = ("empty", "binary", "decode", "too_large", "unreadable", "internal")


class Record:
    """Mixin: dataclass <-> contract JSON, recursing into nested records."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_json(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        converters = _field_converters(cls)
        return cls(**{name: convert(data[name]) for name, convert in converters if name in data})


@functools.lru_cache(maxsize=None)
def _field_converters(cls: type) -> tuple[tuple[str, Any], ...]:
    """Per record class, once: (field name, function turning its JSON value back into Python)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _converter(hint: Any):
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            convert = _converter(inner[0])
            return lambda v: None if v is None else convert(v)
        return _identity
    if origin in (list, tuple) and args:
        item = _converter(args[0])
        if item is _identity:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [item(x) for x in v]
    if isinstance(hint, type) and issubclass(hint, Record):
        return lambda v: None if v is None else hint.from_dict(v)
    return _identity


def _identity(value: Any) -> Any:
    return value


def _to_json(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    return value


def _doc(text: str) -> dict[str, str]:
    """Field metadata carrying the description used in the JSON Schema."""
    return {"description": text}


@dataclass
class Mention(Record):
    start: int = field(metadata=_doc("character offset into the decoded input"))
    end: int = field(metadata=_doc("end offset (exclusive)"))
    text: str = field(metadata=_doc("input[start:end]"))


@dataclass
class Person(Record):
    name: str = field(metadata=_doc("fullest form of the name seen in the story"))
    aliases: list[str] = field(default_factory=list, metadata=_doc("other forms referring to the same person"))
    titles: list[str] = field(default_factory=list, metadata=_doc("roles or titles the story gives them"))
    affiliation: Optional[str] = field(default=None, metadata=_doc("country or organisation they act for"))
    mentions: list[Mention] = field(default_factory=list, metadata=_doc("every mention with offsets"))


@dataclass
class Organization(Record):
    name: str = field(metadata=_doc("fullest name of the organisation"))
    aliases: list[str] = field(default_factory=list, metadata=_doc("acronyms and other forms"))
    mentions: list[Mention] = field(default_factory=list, metadata=_doc("every mention with offsets"))


@dataclass
class Place(Record):
    name: str = field(metadata=_doc("canonical name (gazetteer name where known)"))
    aliases: list[str] = field(default_factory=list, metadata=_doc("other spellings used in the story"))
    kind: Optional[str] = field(default=None, metadata=_doc("country | region | city | town | village | other"))
    country_code: Optional[str] = field(default=None, metadata=_doc("ISO 3166-1 alpha-2"))
    lat: Optional[float] = field(default=None, metadata=_doc("latitude from the gazetteer"))
    lon: Optional[float] = field(default=None, metadata=_doc("longitude from the gazetteer"))
    geonames_id: Optional[int] = field(default=None, metadata=_doc("GeoNames id, where known"))
    mentions: list[Mention] = field(default_factory=list, metadata=_doc("every mention with offsets"))


@dataclass
class DateFact(Record):
    text: str = field(metadata=_doc("the expression as written"))
    start: int = field(metadata=_doc("character offset"))
    end: int = field(metadata=_doc("end offset (exclusive)"))
    value: Optional[str] = field(default=None, metadata=_doc(
        "ISO value: YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Www | ISO 8601 duration (P…) | null"))
    kind: str = field(default="date", metadata=_doc("date | duration | set | time"))
    qualifier: Optional[str] = field(default=None, metadata=_doc("'more than', 'about', … kept from the text"))
    reason: Optional[str] = field(default=None, metadata=_doc("why value is null, when it is"))
    period: Optional[str] = field(default=None, metadata=_doc(
        "ISO 8601 duration of a duration ('P1M') or the recurrence of a set ('P1W'); value stays calendar-only"))


@dataclass
class Figure(Record):
    text: str = field(metadata=_doc("the figure as written, with its qualifier"))
    start: int = field(metadata=_doc("character offset"))
    end: int = field(metadata=_doc("end offset (exclusive)"))
    value: float = field(metadata=_doc("the number (int or float)"))
    unit: Optional[str] = field(default=None, metadata=_doc("km, mi, USD, %, … or null for counts"))
    category: str = field(default="count", metadata=_doc(
        "killed | wounded | missing | displaced | captured | casualties | distance | money | percent | count | other"))
    qualifier: Optional[str] = field(default=None, metadata=_doc(
        "at least | more than | about | nearly | up to | fewer than | null"))
    subject: Optional[str] = field(default=None, metadata=_doc("what is counted"))
    claimed_by: Optional[str] = field(default=None, metadata=_doc("who reports the figure"))


@dataclass
class Event(Record):
    type: str = field(metadata=_doc("ceasefire | talks"))
    status: Optional[str] = field(default=None, metadata=_doc(
        "ceasefire: proposed | agreed | took_effect | violated | collapsed | extended; talks: planned | held | failed"))
    date: Optional[str] = field(default=None, metadata=_doc("ISO as in dates, or null"))
    brokers: list[str] = field(default_factory=list, metadata=_doc("who brokered or mediated"))
    parties: list[str] = field(default_factory=list, metadata=_doc("the sides"))
    location: Optional[str] = field(default=None, metadata=_doc("where (talks in Geneva)"))
    text: str = field(default="", metadata=_doc("the evidence clause or sentence"))
    start: int = field(default=0, metadata=_doc("character offset"))
    end: int = field(default=0, metadata=_doc("end offset (exclusive)"))


@dataclass
class Quote(Record):
    text: str = field(metadata=_doc("the words inside the quote marks"))
    speaker: Optional[str] = field(default=None, metadata=_doc("person (name as in people) or organisation"))
    start: int = field(default=0, metadata=_doc("character offset of the quoted text"))
    end: int = field(default=0, metadata=_doc("end offset (exclusive)"))


@dataclass
class DateAnchor(Record):
    value: Optional[str] = field(default=None, metadata=_doc("the date relative expressions were resolved against"))
    source: Optional[str] = field(default=None, metadata=_doc("option | page | none"))


@dataclass
class Article(Record):
    headline: Optional[str] = field(default=None, metadata=_doc("the article's headline"))
    summary: Optional[str] = field(default=None, metadata=_doc("standfirst / dek"))
    published: Optional[str] = field(default=None, metadata=_doc("ISO 8601; date only when no time is given"))
    agency: Optional[str] = field(default=None, metadata=_doc("wire agency: AP, Reuters, AFP, …"))
    byline: Optional[str] = field(default=None, metadata=_doc("the byline as written"))
    contributors: list[str] = field(default_factory=list, metadata=_doc("reporters named in byline or credits"))
    body: Optional[str] = field(default=None, metadata=_doc("the story text, web boilerplate removed"))
    date_anchor: Optional[DateAnchor] = field(default=None, metadata=_doc("anchor used to resolve dates"))


@dataclass
class Source(Record):
    path: Optional[str] = field(default=None, metadata=_doc("input path, or null for stdin"))
    sha256: Optional[str] = field(default=None, metadata=_doc("hex SHA-256 of the raw bytes"))
    chars: Optional[int] = field(default=None, metadata=_doc("length of the decoded text"))
    encoding: Optional[str] = field(default=None, metadata=_doc("encoding the bytes were decoded with"))


@dataclass
class Extractor(Record):
    version: str = field(metadata=_doc("karabakh-extract version"))
    model: str = field(metadata=_doc("spaCy pipeline used, name-version"))


@dataclass
class ErrorDetail(Record):
    code: str = field(metadata=_doc("empty | binary | decode | too_large | unreadable | internal"))
    message: str = field(metadata=_doc("what went wrong, for people"))


@dataclass
class ArticleFacts(Record):
    """Everything extracted from one article: the contract's top-level object."""

    schema_version: str = SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    extractor: Optional[Extractor] = None
    article: Article = field(default_factory=Article)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[ErrorDetail] = field(default_factory=list, metadata=_doc(
        "batch mode: why this input could not be processed (all fact lists are then empty)"))

    LIST_KEYS: ClassVar[tuple[str, ...]] = (
        "people", "organizations", "places", "dates", "figures", "events", "quotes")
