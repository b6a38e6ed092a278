"""The karabakh_dates component: every temporal expression in the story, resolved to ISO.

Finding and resolving are text rules in `temporal.py` (no spaCy there). This component
adds what only the model knows: its DATE/TIME entities (evidence that a bare "1994" or
"September" is a date, and a net for expressions the rules do not cover, kept with a
null value) and its sentence boundaries (how far back "will meet on Monday" may look).

The anchor is `doc._.kx_published` as given: an ISO date, or a datetime, whose hour tells an
evening story ("will take effect Tuesday" published Tuesday night is next Tuesday).

Durations and sets: `temporal` gives them ISO periods ("P1M", "P1W"). The contract's
`value` is a calendar value (YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Www) and the evaluation
counts every non-null value, so by default the period goes to `period` and `value` stays
null; `periods_in_value=True` puts the period in `value` as well.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..records import DateFact
from ..temporal import TemporalExpression, looks_temporal, tag

MODEL_LABELS = ("DATE", "TIME")
UNRESOLVED_ENTITY = "the model's date the rules do not resolve"
PERIOD_NOT_VALUE = "a length of time or a recurrence, not a calendar value: see period"
PERIOD_KINDS = ("duration", "set")


class DateResolver:
    """Writes doc._.kx_dates: DateFacts in text order, offsets into the input."""

    def __init__(self, nlp: Language, name: str, periods_in_value: bool = False) -> None:
        self.name = name
        self.periods_in_value = periods_in_value

    def __call__(self, doc: Doc) -> Doc:
        expressions = self.find(doc)
        setattr(doc._, ext.DATES, [self.to_fact(e) for e in expressions])
        return doc

    def find(self, doc: Doc) -> list[TemporalExpression]:
        """The rules' expressions, plus the model's DATE/TIME spans they do not touch."""
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in MODEL_LABELS]
        sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else []
        found = tag(doc.text, getattr(doc._, ext.PUBLISHED), sentence_starts=sentence_starts,
                    ner_spans=[(start, end) for start, end, _ in entities])
        return sorted(found + self.unresolved_entities(doc.text, entities, found), key=lambda e: e.start)

    @staticmethod
    def unresolved_entities(text: str, entities: list[tuple[int, int, str]],
                            found: list[TemporalExpression]) -> list[TemporalExpression]:
        """Model spans that name time ("the first week") but no rule matched: kept, value null.
        Spans without a time word ("41", an age the model calls DATE) are dropped."""
        extra = []
        for start, end, label in entities:
            if any(e.start < end and start < e.end for e in found):
                continue
            span = text[start:end]
            if not looks_temporal(span):
                continue
            kind = "time" if label == "TIME" else "date"
            extra.append(TemporalExpression(start, end, span, kind, None, None, UNRESOLVED_ENTITY))
        return extra

    def to_fact(self, expression: TemporalExpression) -> DateFact:
        value, reason, period = expression.value, expression.reason, None
        if expression.kind in PERIOD_KINDS and value is not None:
            period = value
            if not self.periods_in_value:
                value, reason = None, PERIOD_NOT_VALUE
        return DateFact(text=expression.text, start=expression.start, end=expression.end, value=value,
                        kind=expression.kind, qualifier=expression.qualifier, reason=reason, period=period)


@Language.factory("karabakh_dates", assigns=[f"doc._.{ext.DATES}"], default_config={"periods_in_value": False})
def make_date_resolver(nlp: Language, name: str, periods_in_value: bool) -> DateResolver:
    ext.register_extensions()
    return DateResolver(nlp, name, periods_in_value)
