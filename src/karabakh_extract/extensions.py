"""Custom Doc extensions: every name is defined here once, registered idempotently.

Values are stored in `doc.user_data` as plain JSON-able dicts (the records'
`to_dict` form) and handed back as records by the getter. That keeps them
intact through `Doc.to_bytes` and so through `nlp.pipe(n_process=N)`.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .records import DateFact, Event, Figure, Organization, Person, Place, Quote, Record

PUBLISHED = "kx_published"          # ISO 8601 date or datetime relative dates resolve against, or None
CAPTIONS = "kx_captions"            # [[start, end], ...] photo-caption regions of the story view (facts count, not body)
PEOPLE = "kx_people"
ORGANIZATIONS = "kx_organizations"
PLACES = "kx_places"
DATES = "kx_dates"
FIGURES = "kx_figures"
EVENTS = "kx_events"
QUOTES = "kx_quotes"

RECORD_EXTENSIONS: dict[str, type[Record]] = {
    PEOPLE: Person,
    ORGANIZATIONS: Organization,
    PLACES: Place,
    DATES: DateFact,
    FIGURES: Figure,
    EVENTS: Event,
    QUOTES: Quote,
}

_USER_DATA_PREFIX = "karabakh_extract."


def _record_list_property(name: str, record_cls: type[Record]):
    key = _USER_DATA_PREFIX + name

    def getter(doc: Doc) -> list:
        return [record_cls.from_dict(d) for d in doc.user_data.get(key, [])]

    def setter(doc: Doc, records: list) -> None:
        doc.user_data[key] = [r.to_dict() for r in records]

    return getter, setter


def _published_getter(doc: Doc) -> Optional[str]:
    return doc.user_data.get(_USER_DATA_PREFIX + PUBLISHED)


def _published_setter(doc: Doc, value: Optional[str]) -> None:
    doc.user_data[_USER_DATA_PREFIX + PUBLISHED] = value


def _captions_getter(doc: Doc) -> list:
    return doc.user_data.get(_USER_DATA_PREFIX + CAPTIONS, [])


def _captions_setter(doc: Doc, regions: list) -> None:
    doc.user_data[_USER_DATA_PREFIX + CAPTIONS] = [[int(s), int(e)] for s, e in regions]


def register_extensions() -> None:
    """Register every extension once; safe to call from any component factory."""
    if not Doc.has_extension(PUBLISHED):
        Doc.set_extension(PUBLISHED, getter=_published_getter, setter=_published_setter)
    if not Doc.has_extension(CAPTIONS):
        Doc.set_extension(CAPTIONS, getter=_captions_getter, setter=_captions_setter)
    for name, record_cls in RECORD_EXTENSIONS.items():
        if not Doc.has_extension(name):
            getter, setter = _record_list_property(name, record_cls)
            Doc.set_extension(name, getter=getter, setter=setter)


register_extensions()
