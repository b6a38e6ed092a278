"""`show` draws the same facts `extract` gives, for people."""
from __future__ import annotations

import io

from rich.console import Console

from karabakh_extract.records import (
    Article, ArticleFacts, Event, Extractor, Figure, Mention, Person, Quote, Source,
)
from karabakh_extract.view import highlighted_text, render_facts

TEXT = "Ceasefire holds\n\nMinister Ana Ruiz said 12 people were killed."


def _facts() -> ArticleFacts:
    return ArticleFacts(
        source=Source(path="story.txt"),
        extractor=Extractor(version="0", model="test-model"),
        article=Article(headline="Ceasefire holds", agency="AP", contributors=["Jo Reporter"], published="2024-05-01"),
        people=[Person(name="Ana Ruiz", titles=["Minister"], mentions=[Mention(start=26, end=34, text="Ana Ruiz")])],
        figures=[Figure(text="12", start=40, end=42, value=12, category="killed", claimed_by="Ana Ruiz")],
        events=[Event(type="ceasefire", status="took_effect", text="Ceasefire holds", start=0, end=15)],
        quotes=[Quote(text="We will hold", speaker=None, start=0, end=0)],
    )


def _render(**kwargs) -> str:
    out = io.StringIO()
    render_facts(_facts(), console=Console(file=out, width=120, color_system=None), **kwargs)
    return out.getvalue()


def test_show_renders_header_and_every_table():
    screen = _render()
    for expected in ("Ceasefire holds", "AP", "Jo Reporter", "2024-05-01", "People", "Ana Ruiz", "Minister",
                     "Figures", "killed", "Events", "took_effect", "Quotes", "(unattributed)", "Places", "none found"):
        assert expected in screen, expected


def test_show_text_only_when_asked():
    assert "highlights:" not in _render()
    assert "highlights:" in _render(text=TEXT)


def test_highlights_sit_on_the_fact_offsets():
    rendered = highlighted_text(_facts(), TEXT)
    styled = {TEXT[span.start:span.end] for span in rendered.spans}
    assert {"Ana Ruiz", "12"} <= styled
