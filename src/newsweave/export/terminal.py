"""Dossiers and articles rendered in the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from newsweave.export.markdown import dossier_markdown
from newsweave.export.matrix import SYMBOLS, Matrix, story_matrix
from newsweave.records import ArticleAnalysis, Dossier, Span, from_plain

_ENTITY_STYLES = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green"}


def render_dossier(console: Console, dossier: dict[str, Any]) -> None:
    """A story's dossier: who reported what, then statements, facts by status, timeline and
    cast."""
    record = from_plain(Dossier, dossier)
    console.print(matrix_table(story_matrix(record)))
    console.print(Markdown(dossier_markdown(record)))


_CELL_STYLES = {"reported": "green", "differs": "bold dark_orange", "absent": "dim"}


def matrix_table(matrix: Matrix) -> Table:
    """The matrix as a table: ✓ reported, ≠ and the value for another value, · not reported."""
    # Sources are numbered, named under the title: the claims get the room, so a row stays a
    # line or two in an 80-column terminal however many outlets reported the story.
    names = [
        f"{n} {column.outlet or column.articles[0]}"
        + (
            f" (and {len(column.copies)} cop{'y' if len(column.copies) == 1 else 'ies'})"
            if column.copies
            else ""
        )
        for n, column in enumerate(matrix.columns, start=1)
    ]
    table = Table(
        title="Who reported what (✓ reported · ≠ another value · · not reported)\n"
        + " · ".join(names)
    )
    table.add_column("fact or statement", overflow="fold", max_width=60)
    for n in range(1, len(matrix.columns) + 1):
        table.add_column(str(n), justify="center", max_width=9)
    group = None
    for row in (*matrix.facts, *matrix.statements):
        if row.group != group:
            group = row.group
            table.add_section()
            title = group if row.kind == "fact" else f"said by {group}"
            table.add_row(Text(title, style="bold"))
        text = row.text if len(row.text) <= 60 else row.text[:58] + "…"
        cells = [
            Text(SYMBOLS[c.state] + (f" {c.value}" if c.value else ""), style=_CELL_STYLES[c.state])
            for c in row.cells
        ]
        table.add_row(f"{row.id} {text}", *cells)
    return table


def render_article(console: Console, analysis: ArticleAnalysis) -> None:
    """An article's text with quotes, entities and times highlighted, then its events."""
    a = analysis.article
    inferred = " (inferred)" if a.published_inferred else ""
    encoding = f"  read as {a.encoding} (guessed)" if a.encoding_guessed else ""
    console.print(
        f"[bold]{a.title or a.id}[/bold]  {a.outlet or ''}  {a.published or ''}{inferred}{encoding}"
    )
    text = Text(a.text)
    for q in analysis.quotes:
        text.stylize("italic yellow", q.start, q.end)
    for t in analysis.times:
        text.stylize("underline blue", t.start, t.end)
    for e in analysis.entities:
        text.stylize(_ENTITY_STYLES.get(e.label, "underline"), e.start, e.end)
    console.print(text)
    if analysis.events:
        table = Table("code", "actor", "action", "target", "place", "date", title="Events")
        for ev in analysis.events:
            action = ("not " if ev.negated else "") + (f"{ev.modality} " if ev.modality else "")
            table.add_row(
                ev.code or "",
                _text(ev.actor),
                action + ev.action,
                _text(ev.target),
                _text(ev.place),
                ev.time or "",
            )
        console.print(table)


def _text(span: Span | None) -> str:
    return span.text if span is not None else ""
