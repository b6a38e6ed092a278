"""The `show` view: one article's facts rendered with rich for people.

It only draws what `extract` produced (an ArticleFacts record); no extraction
logic lives here.
"""
from __future__ import annotations

from typing import Iterable, Optional

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import CASUALTY_CATEGORIES, ArticleFacts

# Highlight styles for `show --text`, by fact type.
HIGHLIGHT_STYLES = {
    "people": "bold cyan",
    "organizations": "bold magenta",
    "places": "bold green",
    "dates": "yellow",
    "figures": "bold red",
    "quotes": "italic",
}


def _cell(value) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _table(title: str, columns: Iterable[str], rows: list[list], empty_note: str = "none found") -> Table:
    table = Table(title=title, title_justify="left", expand=True, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    if not rows:
        table.add_row(*([Text(empty_note, style="dim")] + [""] * (len(table.columns) - 1)))
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    return table


def header_panel(facts: ArticleFacts) -> Panel:
    art = facts.article
    lines = Text()
    lines.append(art.headline or "(no headline)", style="bold")
    if art.summary:
        lines.append("\n" + art.summary, style="italic")
    meta = [
        ("published", art.published), ("agency", art.agency), ("byline", art.byline),
        ("contributors", ", ".join(art.contributors) or None),
        ("dates resolved against", art.date_anchor.value if art.date_anchor else None),
    ]
    for label, value in meta:
        if value:
            lines.append(f"\n{label}: ", style="dim")
            lines.append(str(value))
    source = facts.source.path or "standard input"
    return Panel(lines, title=f"[b]{source}[/b]", subtitle=facts.extractor.model if facts.extractor else None)


def fact_tables(facts: ArticleFacts) -> list[Table]:
    casualty = set(CASUALTY_CATEGORIES)
    figures = sorted(facts.figures, key=lambda f: (f.category not in casualty, f.start))
    return [
        _table("People", ["name", "titles", "affiliation", "mentions"],
               [[p.name, p.titles, p.affiliation, len(p.mentions)] for p in facts.people]),
        _table("Places", ["name", "country", "kind", "aliases", "mentions"],
               [[p.name, p.country_code, p.kind, p.aliases, len(p.mentions)] for p in facts.places]),
        _table("Organisations", ["name", "aliases", "mentions"],
               [[o.name, o.aliases, len(o.mentions)] for o in facts.organizations]),
        _table("Dates", ["text", "value", "kind"],
               [[d.text, d.value if d.value else f"null ({d.reason})" if d.reason else None, d.kind]
                for d in facts.dates]),
        _table("Figures", ["value", "qualifier", "category", "unit", "subject", "claimed by"],
               [[f.value, f.qualifier, f.category, f.unit, f.subject, f.claimed_by] for f in figures]),
        _table("Events", ["type", "status", "date", "brokers", "parties", "evidence"],
               [[e.type, e.status, e.date, e.brokers, e.parties, e.text] for e in facts.events]),
        _table("Quotes", ["speaker", "quote"],
               [[q.speaker or "(unattributed)", q.text] for q in facts.quotes]),
    ]


def highlighted_text(facts: ArticleFacts, text: str) -> Text:
    """The input text with every fact highlighted at its offsets (so offsets are seen to be right)."""
    rendered = Text(text)
    for kind, style in HIGHLIGHT_STYLES.items():
        for item in getattr(facts, kind):
            spans = getattr(item, "mentions", None) or [item]
            for span in spans:
                rendered.stylize(style, span.start, span.end)
    return rendered


def legend() -> Text:
    out = Text("highlights: ")
    for kind, style in HIGHLIGHT_STYLES.items():
        out.append(kind, style=style)
        out.append("  ")
    return out


def render_facts(facts: ArticleFacts, *, text: Optional[str] = None, console: Optional[Console] = None) -> None:
    """Print one article's facts for people: a header panel, then a table per fact type."""
    console = console or Console()
    parts = [header_panel(facts), *fact_tables(facts)]
    console.print(Group(*parts))
    if text is not None:
        console.print(Panel(highlighted_text(facts, text), title="text", subtitle=legend()))
