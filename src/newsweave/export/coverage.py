"""When each source reported a story: publication days, who reported each fact first and who
followed, and the story's dated sub-events, drawn as inline SVG with a text alternative.

``story_coverage`` is pure (a dossier in, records out); ``coverage_svg`` draws it on a day
axis: one lane per independent source with a dot per article (a near-duplicate as a ring), one
lane per fact reported by more than one source from its first report to its last, and the
dated entries of the timeline as ticks below. ``coverage_html`` adds the same as text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from newsweave.export.matrix import story_matrix
from newsweave.records import Dossier, Record

__all__ = [
    "Coverage",
    "CoverageEvent",
    "CoverageFact",
    "CoverageSource",
    "coverage_html",
    "story_coverage",
]

#: Facts drawn as lanes (and told in the text twin): the most widely reported first.
_FACT_LANES = 12
#: Dated events drawn below the lanes; the text lists them all.
_EVENTS = 15
#: Events more days than this before the first report or after the last ("the war began on
#: 1 September 1939") are told in the text only: on the axis they would stretch the reporting
#: days, which are what the picture is about, into a few pixels.
_EVENT_MARGIN = 31
_LABEL = 190  # the width of the lane labels, in pixels
_LANE = 18
_DAY_MIN = 34  # the narrowest a labelled day (or step of days) is drawn
_AXIS_MAX = 1400  # the widest the axis grows before its days are drawn narrower
_STEPS = (1, 2, 7, 14, 28, 91, 182, 364)  # days between labelled grid lines
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class CoverageSource(Record):
    source: str
    name: str  # the outlet, or the article's id when the outlet is not known
    days: tuple[str, ...]  # the publication days of its articles, in order
    copies: tuple[str, ...] = ()  # the publication days of near-duplicates listed under it


@dataclass(frozen=True)
class CoverageFact(Record):
    id: str
    text: str
    status: str
    reports: tuple[tuple[str, str], ...]  # (day, outlet or source), first report first


@dataclass(frozen=True)
class CoverageEvent(Record):
    day: str
    text: str
    fact: str | None = None


@dataclass(frozen=True)
class Coverage(Record):
    sources: tuple[CoverageSource, ...]
    facts: tuple[CoverageFact, ...] = ()
    events: tuple[CoverageEvent, ...] = ()


def story_coverage(dossier: Dossier) -> Coverage:
    """Who published when, who reported each shared fact first, and the dated sub-events."""
    published = {s.article: s.published for s in dossier.sources}
    matrix = story_matrix(dossier)
    columns = matrix.columns
    sources = tuple(
        CoverageSource(
            c.source,
            c.outlet or (c.articles or c.copies or (c.source,))[0],
            tuple(sorted(d for a in c.articles if (d := published.get(a)))),
            tuple(sorted(d for a in c.copies if (d := published.get(a)))),
        )
        for c in columns
    )
    name = {s.source: s.name for s in sources}
    source_of = {s.article: s.source for s in dossier.sources}
    facts = []
    for fact in matrix.facts:
        if fact.group == "single-source":
            continue
        first: dict[str, str] = {}  # source -> its first day reporting the fact
        for cell in fact.cells:
            for ev in cell.evidence:
                day, source = published.get(ev.article), source_of.get(ev.article)
                if day and source and (source not in first or day < first[source]):
                    first[source] = day
        reports = sorted((day, name[source]) for source, day in first.items())
        facts.append(CoverageFact(fact.id, fact.text, fact.group, tuple(reports)))
    dated = [e for e in dossier.timeline if _day(e.value[:10]) is not None]
    events = tuple(
        CoverageEvent(e.value[:10], e.text, e.fact)
        for e in sorted(dated, key=lambda e: (e.value[:10], e.text))
    )
    return Coverage(sources, tuple(facts), events)


def coverage_html(coverage: Coverage) -> str:
    """The coverage as an inline SVG and, for readers and screen readers, the same as text."""
    if not any(s.days for s in coverage.sources):
        return '<p class="meta">No publication dates: nothing to place in time.</p>'
    return _svg(coverage) + _text(coverage)


def _svg(coverage: Coverage) -> str:
    published = [_date(d) for s in coverage.sources for d in (*s.days, *s.copies)]
    near = dt.timedelta(days=_EVENT_MARGIN)
    events = [
        e for e in coverage.events if min(published) - near <= _date(e.day) <= max(published) + near
    ][:_EVENTS]
    days = published + [_date(e.day) for e in events]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    day_width = max(640 / span, min(_DAY_MIN, _AXIS_MAX / span))
    step = next((n for n in _STEPS if n * day_width >= _DAY_MIN), _STEPS[-1])
    width = _LABEL + day_width * span + 40
    facts = coverage.facts[:_FACT_LANES]
    lanes = len(coverage.sources) + len(facts)
    events_top = 28 + _LANE * lanes + 10
    height = events_top + 16 + 14 * len(events) + 8

    def x(day: str) -> float:
        return _LABEL + 20 + (_date(day) - first).days * day_width

    def y(lane: int) -> float:
        return 28 + _LANE * lane + _LANE / 2

    parts = [
        f'<svg class="coverage" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'aria-label="When each source reported the story (the same as text below)">'
    ]
    for n in range(0, span + 1, step):
        day = (first + dt.timedelta(days=n)).isoformat()
        parts.append(
            f'<line x1="{x(day):.0f}" y1="20" x2="{x(day):.0f}" y2="{events_top:.0f}" '
            f'stroke="#e3e8ee"/><text x="{x(day):.0f}" y="14" font-size="10" '
            f'text-anchor="middle" fill="#555">{day[5:] if step < 28 else day[:7]}</text>'
        )
    for lane, source in enumerate(coverage.sources):
        name = source.name
        parts.append(_label(y(lane), name, bold=True))
        parts += [_dot(x(d), y(lane), f"{name}: published {d}") for d in source.days]
        parts += [
            _dot(x(d), y(lane), f"a copy under {name}: {d}", ring=True) for d in source.copies
        ]
    for lane, fact in enumerate(facts, start=len(coverage.sources)):
        parts.append(_label(y(lane), f"{fact.id} {fact.text}"))
        if not fact.reports:
            continue
        colour = "#c2410c" if fact.status == "conflicting" else "#15803d"
        x0, x1 = x(fact.reports[0][0]), x(fact.reports[-1][0])
        parts.append(
            f'<line x1="{x0:.0f}" y1="{y(lane):.0f}" x2="{x1:.0f}" y2="{y(lane):.0f}" '
            f'stroke="{colour}" stroke-width="3" stroke-opacity="0.5"/>'
        )
        # One dot per day, however many sources reported it that day.
        for rank, (day, reports) in enumerate(itertools.groupby(fact.reports, key=lambda r: r[0])):
            how = "first" if rank == 0 else "followed"
            outlets = ", ".join(outlet for _, outlet in reports)
            parts.append(_dot(x(day), y(lane), f"{fact.id}: {how}, {outlets} ({day})", colour))
    for n, event in enumerate(events):
        at, row = x(event.day), events_top + 16 + 14 * n
        # The label runs away from the nearer edge; the triangle marks the day itself.
        right = at > width / 2
        parts.append(
            f'<path d="M{at:.0f},{row - 9:.0f} l4,7 h-8 z" fill="#6b7280"/>'
            f'<text x="{at - 7 if right else at + 7:.0f}" y="{row:.0f}" font-size="10" '
            f'text-anchor="{"end" if right else "start"}" fill="#333">{escape(event.day)} '
            f"{escape(_short(event.text, 60))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _text(coverage: Coverage) -> str:
    sources = "".join(
        f"<li>{escape(s.name)}: {escape(', '.join(s.days) or 'undated')}"
        f"{escape(' (and a copy: ' + ', '.join(s.copies) + ')') if s.copies else ''}</li>"
        for s in coverage.sources
    )
    drawn = [f for f in coverage.facts[:_FACT_LANES] if f.reports]
    facts = "".join(
        f"<li>{escape(f'{f.id} {_short(f.text, 80)}: {_first_and_rest(f.reports)}')}</li>"
        for f in drawn
    )
    if len(coverage.facts) > len(drawn):
        facts += f"<li>and {len(coverage.facts) - len(drawn)} more facts: see the matrix</li>"
    events = "".join(
        f"<li>{escape(e.day)}: {escape(_short(e.text, 100))}</li>" for e in coverage.events
    )
    return (
        '<details class="coverage-text"><summary>The same as text</summary>'
        f"<h4>Published</h4><ul>{sources}</ul><h4>First reported by</h4><ul>{facts}</ul>"
        f"<h4>Dated events</h4><ul>{events}</ul></details>"
    )


def _label(y: float, text: str, *, bold: bool = False) -> str:
    weight = ' font-weight="600"' if bold else ""
    return (
        f'<text x="4" y="{y + 4:.0f}" font-size="11"{weight} fill="#222">'
        f"{escape(_short(text, 30))}</text>"
    )


def _dot(x: float, y: float, title: str, colour: str = "#2563eb", *, ring: bool = False) -> str:
    fill = "none" if ring else colour
    return (
        f'<circle cx="{x:.0f}" cy="{y:.0f}" r="5" fill="{fill}" stroke="{colour}" '
        f'stroke-width="1.5"><title>{escape(title)}</title></circle>'
    )


def _first_and_rest(reports: Sequence[tuple[str, str]]) -> str:
    """ "first A (day); followed by B (day), C (day)", the followers counted past five (the
    matrix names them all)."""
    (day, outlet), rest = reports[0], reports[1:]
    said = f"first {outlet} ({day})"
    if rest:
        named = ", ".join(f"{o} ({d})" for d, o in rest[:5])
        more = f" and {len(rest) - 5} more, the last on {rest[-1][0]}" if len(rest) > 5 else ""
        said += f"; followed by {named}{more}"
    return said


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _date(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


def _day(value: str) -> dt.date | None:
    """The day of a TIMEX3 value, when it names one ("2026-04-20"; not "2026-W16")."""
    if not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
