"""A story at a glance: which source reported which fact and statement, as a matrix.

One column per independent source (an outlet, or an article of no known outlet), in order of
first publication; a near-duplicate is listed under its original's column, not as one of its
own. One row per fact, grouped corroborated, conflicting, single-source and most widely
reported first, then one row per statement, grouped by speaker. A cell says whether the
column's articles report the row (with their sentences, so a page can point at them) and, for
a conflicting fact, which value they give: the value most sources give is ``reported``, every
other one ``differs``.

``story_matrix`` is pure: the web page, its JSON twin, the HTML export and the terminal all
draw the same matrix from a dossier.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from newsweave.records import Dossier, Evidence, Fact, Record, Side, Statement

__all__ = [
    "SYMBOLS",
    "Matrix",
    "MatrixCell",
    "MatrixColumn",
    "MatrixRow",
    "matrix_html",
    "story_matrix",
]

CellState = Literal["reported", "differs", "absent"]

#: How a cell reads without colour: reported, reported another value, not reported.
SYMBOLS: dict[str, str] = {"reported": "✓", "differs": "≠", "absent": "·"}

#: The order of the fact groups: what stands first, what is disputed, what rests on one source.
_STATUS_ORDER = ("corroborated", "conflicting", "single-source")


@dataclass(frozen=True)
class MatrixColumn(Record):
    """One independent source: its outlet and its articles (originals, then copies)."""

    source: str  # the independence key
    outlet: str | None
    articles: tuple[str, ...]
    copies: tuple[str, ...] = ()  # near-duplicates, listed under their original
    published: str | None = None  # the first publication date of its articles


@dataclass(frozen=True)
class MatrixCell(Record):
    state: CellState
    value: str | None = None  # for a conflicting fact: the value this source gives
    evidence: tuple[Evidence, ...] = ()  # the column's sentences stating the row


@dataclass(frozen=True)
class MatrixRow(Record):
    kind: Literal["fact", "statement"]
    id: str  # the fact's or statement's id
    text: str
    group: str  # a fact's status, a statement's speaker
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class Matrix(Record):
    columns: tuple[MatrixColumn, ...]
    facts: tuple[MatrixRow, ...] = ()
    statements: tuple[MatrixRow, ...] = ()


def story_matrix(dossier: Dossier) -> Matrix:
    """The sources × facts and sources × statements matrices of a story."""
    columns = _columns(dossier)
    column_of = {article: n for n, c in enumerate(columns) for article in c.articles + c.copies}
    facts = sorted(
        dossier.facts,
        key=lambda f: (_STATUS_ORDER.index(f.status), -f.sources, _number(f.id)),
    )
    statements = sorted(
        dossier.statements,
        key=lambda s: (s.speaker_name or s.speaker or "", _number(s.id)),
    )
    return Matrix(
        columns=columns,
        facts=tuple(_fact_row(f, column_of, len(columns)) for f in facts),
        statements=tuple(_statement_row(s, column_of, len(columns)) for s in statements),
    )


def _columns(dossier: Dossier) -> tuple[MatrixColumn, ...]:
    by_source: dict[str, list[str]] = {}
    copies: dict[str, list[str]] = {}
    outlet: dict[str, str | None] = {}
    published: dict[str, str] = {}
    for src in dossier.sources:
        outlet.setdefault(src.source, src.outlet)
        (copies if src.duplicate_of else by_source).setdefault(src.source, []).append(src.article)
        if src.published and (src.source not in published or src.published < published[src.source]):
            published[src.source] = src.published
    keys = sorted(
        dict.fromkeys([*by_source, *copies]),
        key=lambda k: (published.get(k) or "9999", k),
    )
    return tuple(
        MatrixColumn(
            source=key,
            outlet=outlet[key],
            articles=tuple(by_source.get(key, ())),
            copies=tuple(copies.get(key, ())),
            published=published.get(key),
        )
        for key in keys
    )


def _fact_row(fact: Fact, column_of: dict[str, int], width: int) -> MatrixRow:
    evidence = _by_column(fact.evidence, column_of, width)
    values: list[str | None] = [None] * width
    majority = _majority(fact.sides)
    for side in fact.sides:
        for ev in side.evidence:
            if (n := column_of.get(ev.article)) is not None:
                values[n] = side.value
    cells = []
    for n in range(width):
        if not evidence[n] and values[n] is None:
            cells.append(MatrixCell("absent"))
            continue
        state: CellState = "differs" if values[n] not in (None, majority) else "reported"
        cells.append(MatrixCell(state, values[n], tuple(evidence[n])))
    return MatrixRow("fact", fact.id, fact.text, fact.status, tuple(cells))


def _statement_row(st: Statement, column_of: dict[str, int], width: int) -> MatrixRow:
    evidence = _by_column(st.variants, column_of, width)
    cells = tuple(
        MatrixCell("reported", evidence=tuple(e)) if e else MatrixCell("absent") for e in evidence
    )
    text = st.variants[0].text if st.variants else ""
    return MatrixRow("statement", st.id, text, st.speaker_name or st.speaker or "unknown", cells)


def _by_column(
    spans: Sequence[Evidence], column_of: dict[str, int], width: int
) -> list[list[Evidence]]:
    cells: list[list[Evidence]] = [[] for _ in range(width)]
    for ev in spans:
        if (n := column_of.get(ev.article)) is not None:
            cells[n].append(ev)
    return cells


def _majority(sides: Sequence[Side]) -> str | None:
    """The value most sources give (the first side on a tie), or None without sides."""
    return max(sides, key=lambda s: len(s.outlets)).value if sides else None


def _number(row_id: str) -> int:
    """The number of an id such as "f12" or "st3", so f10 sorts after f9."""
    digits = "".join(c for c in row_id if c.isdigit())
    return int(digits) if digits else 0


def matrix_html(matrix: Matrix) -> str:
    """The matrix as HTML (every text escaped): the corroborated and conflicting facts in one
    table, the single-source facts and the statements by speaker in tables that open on
    demand, so the first one fits a printed page. Each table has a header row of sources and a
    group header before each status or speaker. The script (``web/static/matrix.js``) makes
    each cell that reports its row focusable and lights the highlights it stands for: those of
    its row's ``data-row`` in the articles of its column header's ``data-articles``."""
    shared = [r for r in matrix.facts if r.group != "single-source"]
    single = [r for r in matrix.facts if r.group == "single-source"]
    parts = [
        '<p class="matrix-legend">✓ reported · ≠ reported another value · · not reported</p>',
        _table(matrix.columns, shared, "facts reported by more than one source"),
    ]
    for rows, what in ((single, "single-source facts"), (matrix.statements, "statements")):
        if rows:
            parts.append(
                f'<details class="matrix-more"><summary>{len(rows)} {what}</summary>'
                f"{_table(matrix.columns, rows, what)}</details>"
            )
    return "".join(parts)


def _table(columns: Sequence[MatrixColumn], rows: Sequence[MatrixRow], what: str) -> str:
    heads = "".join(
        f'<th scope="col" data-source="{escape(c.source)}" '
        f'data-articles="{escape(" ".join(c.articles + c.copies))}">'
        f"{escape(c.outlet or c.articles[0])}"
        f"<br><small>{escape(c.published or 'undated')}{_copies(c)}</small></th>"
        for c in columns
    )
    parts = [
        f'<table class="matrix" aria-label="{escape(what)} by source">',
        f'<thead><tr><th scope="col">{escape(what)}</th>{heads}</tr></thead><tbody>',
    ]
    group = None
    for row in rows:
        if row.group != group:
            group = row.group
            count = sum(r.group == group for r in rows)
            title = f"{group} facts" if row.kind == "fact" else f"said by {group}"
            parts.append(
                f'<tr class="group"><th colspan="{len(columns) + 1}" scope="rowgroup">'
                f"{escape(title)} ({count})</th></tr>"
            )
        parts.append(_row_html(row))
    if not rows:
        parts.append(f'<tr><td colspan="{len(columns) + 1}">none</td></tr>')
    parts.append("</tbody></table>")
    return "".join(parts)


def _copies(column: MatrixColumn) -> str:
    n = len(column.copies)
    return f" · +{n} cop{'y' if n == 1 else 'ies'}" if n else ""


def _row_html(row: MatrixRow) -> str:
    """A row: its id and text, then a cell per column; a run of sources that do not report it
    is one cell spanning them (a 50-source story's single-source fact stays a few bytes)."""
    text = row.text if len(row.text) <= 90 else row.text[:88] + "…"
    cells = []
    for state, run in itertools.groupby(row.cells, key=lambda c: c.state == "absent"):
        if state:
            span = len(list(run))
            wide = f' colspan="{span}"' if span > 1 else ""
            cells.append(f'<td class="absent"{wide}>{SYMBOLS["absent"]}</td>')
            continue
        for cell in run:
            symbol = SYMBOLS[cell.state] + (f" {cell.value}" if cell.value else "")
            cells.append(f'<td class="{cell.state}">{escape(symbol)}</td>')
    return (
        f'<tr data-row="{escape(row.id)}" data-kind="{row.kind}"><th scope="row">'
        f'<a href="#{escape(row.id)}">{escape(row.id)}</a> {escape(text)}</th>{"".join(cells)}</tr>'
    )
