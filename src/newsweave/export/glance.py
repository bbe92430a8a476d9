"""Stories at a glance: a bar of a story's facts by status and a sparkline of its articles per
day, both small inline SVG with their figures as text (``<title>`` and ``aria-label``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape

__all__ = ["articles_per_day", "facts_bar_svg", "sparkline_svg"]

#: Statuses in the order the bar draws them, with their colours (the same as the badges').
_STATUS_COLOURS = {"corroborated": "#15803d", "conflicting": "#c2410c", "single-source": "#9ca3af"}
#: The longest run of days a sparkline draws (the most recent ones).
_MAX_DAYS = 60


def articles_per_day(published: Iterable[str | None]) -> list[tuple[str, int]]:
    """(day, articles) for every day from the first publication to the last, zeros included."""
    counts = Counter(day for day in published if day)
    if not counts:
        return []
    first, last = dt.date.fromisoformat(min(counts)), dt.date.fromisoformat(max(counts))
    days = [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    return [(day, counts.get(day, 0)) for day in days[-_MAX_DAYS:]]


def facts_bar_svg(counts: Mapping[str, int], *, width: int = 120, height: int = 10) -> str:
    """One bar split by fact status ("" when the story has no facts)."""
    total = sum(counts.get(s, 0) for s in _STATUS_COLOURS)
    if not total:
        return ""
    said = ", ".join(f"{counts.get(s, 0)} {s}" for s in _STATUS_COLOURS)
    parts = [
        f'<svg class="facts-bar" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="facts: {escape(said)}">'
        f"<title>facts: {escape(said)}</title>"
    ]
    x = 0.0
    for status, colour in _STATUS_COLOURS.items():
        share = width * counts.get(status, 0) / total
        if share:
            parts.append(
                f'<rect x="{x:.1f}" width="{share:.1f}" height="{height}" fill="{colour}"/>'
            )
        x += share
    parts.append("</svg>")
    return "".join(parts)


def sparkline_svg(per_day: Sequence[tuple[str, int]], *, width: int = 120, height: int = 24) -> str:
    """A bar per day, as tall as its number of articles ("" for no dated article)."""
    if not per_day:
        return ""
    most = max(n for _, n in per_day) or 1
    step = width / len(per_day)
    total = sum(n for _, n in per_day)
    label = f"{total} articles over {len(per_day)} days, {per_day[0][0]} to {per_day[-1][0]}"
    parts = [
        f'<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    ]
    for n, (day, articles) in enumerate(per_day):
        tall = (height - 2) * articles / most
        if articles:
            parts.append(
                f'<rect x="{n * step:.1f}" y="{height - tall:.1f}" width="{max(step - 1, 1):.1f}" '
                f'height="{tall:.1f}" fill="#2563eb"><title>{escape(day)}: {articles} '
                f"article{'' if articles == 1 else 's'}</title></rect>"
            )
    parts.append(
        f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" stroke="#c5d3de"/>'
    )
    parts.append("</svg>")
    return "".join(parts)
