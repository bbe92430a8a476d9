"""The story's dated sub-events: its facts placed on the calendar by their time expressions.

A fact whose evidence holds a resolved date ("on Friday" -> 2025-05-16) becomes a timeline
entry for that date, with the evidence that dates it; a narrative offset ("three days later")
dates it by the day it lands on. An undated article's relative dates (and offsets) are
resolved again against the publication date inferred for it from the story's date
(``newsweave.stories.dates``, as ``newsweave analyze`` dates it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from newsweave.analyse.times.offsets import calendar_date, offset_anchors
from newsweave.records import ArticleAnalysis, Evidence, Fact, TimelineEntry, TimeRef
from newsweave.stories.dates import dated_from_story, story_date

__all__ = ["Dated", "calendar_span", "dates_within", "resolved_times", "sort_key", "timeline"]

#: A resolved time expression: start, end, TIMEX3 value, and whether it was written in full.
Dated = tuple[int, int, str, bool]

#: Values that place an event on the calendar (days, weeks, months, seasons, years).
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?")


def resolved_times(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[Dated]]:
    """Each article's calendar-valued time expressions as ``(start, end, value, written)``.

    ``written`` is true for a date written out in full ("March 12, 2026", or "21 March", whose
    year alone is inferred), false for one resolved from a relative expression ("on
    Wednesday") or a narrative offset ("three days later", valued by the day it lands on),
    whose value may be a guess.
    """
    anchor = story_date(a.article for a in analyses)
    out: dict[str, list[Dated]] = {}
    for analysis in analyses:
        _, times = dated_from_story(analysis.article, analysis.times, anchor)
        anchors = offset_anchors(times)
        out[analysis.article.id] = [
            (t.start, t.end, value, _written(t))
            for t in times
            if t.start not in anchors and (value := _calendar_value(t)) is not None
        ]
    return out


def _written(t: TimeRef) -> bool:
    """Whether a date is written in full, or but for its year ("21 March")."""
    relative = t.relative_time
    return relative is None or relative.kind == "md"


def _calendar_value(t: TimeRef) -> str | None:
    """Where a time expression sits on the calendar (``calendar_date``), when it is a date."""
    value = calendar_date(t)
    return value if value and _CALENDAR.match(value) else None


def timeline(facts: Sequence[Fact], times: Mapping[str, Sequence[Dated]]) -> list[TimelineEntry]:
    """Timeline entries of the facts, in calendar order (best supported first within a date)."""
    entries = []
    for fact in facts:
        dated: dict[str, list[int]] = {}
        for n, ev in enumerate(fact.evidence):
            for value in _dates_of(ev, times.get(ev.article, ())):
                dated.setdefault(value, []).append(n)
        for value, indices in dated.items():
            evidence = tuple(fact.evidence[i] for i in dict.fromkeys(indices))
            # The entry reads as the sentence that gives the date, not as the fact's first one.
            entries.append(TimelineEntry(value, evidence[0].text, evidence, fact=fact.id))
    entries.sort(key=lambda e: (sort_key(e.value), -len(e.evidence)))
    return entries


#: Just before a time expression: it dates the telling ("officials said on Sunday", "the
#: ministry told reporters on Monday"), not what is told.
_TELLING = re.compile(
    r"\b(?:said|says|told(?: [\w']+){1,2}|added|confirmed|reported|announced)"
    r"(?: in a statement)?\s+(?:late |early )?(?:on |this |last )?$"
)


def _dates_of(evidence: Evidence, times: Sequence[Dated]) -> list[str]:
    """The days one piece of evidence dates its fact to: the day it was told only when it
    gives no other ("the spillway was opened on Saturday, officials said on Sunday" dates the
    opening, not the telling), and a year or month only when it gives no day within it ("on
    Thursday, its third increase this year" is dated by the Thursday)."""
    told, other = dates_within(evidence.text, evidence.start, times)
    dates = [_day_part(v) for v in other or told]
    return [d for d in dates if not any(o != d and o.startswith(f"{d}-") for o in dates)]


def dates_within(text: str, start: int, times: Sequence[Dated]) -> tuple[list[str], list[str]]:
    """The values of the ``times`` inside ``text`` (which starts at ``start`` in its article):
    those that date the telling ("officials said on Sunday"), and the others."""
    told: list[str] = []
    other: list[str] = []
    for at, _, value, _ in times:
        if start <= at < start + len(text):
            telling = _TELLING.search(text, max(0, at - start - 40), at - start)
            (told if telling else other).append(value)
    return told, other


def sort_key(value: str) -> tuple[date, int]:
    """Where a TIMEX3 value starts on the calendar, finer values first on the same day."""
    if not value[:4].isdigit():
        return date.max, 9  # not on the calendar (PRESENT_REF, XXXX-...): last
    year = int(value[:4])
    rest = value[5:]
    if re.fullmatch(r"\d{2}-\d{2}", rest[:5]):
        return date(year, int(rest[:2]), int(rest[3:5])), 0
    week = re.match(r"W(\d{1,2})", rest)
    if week:
        return date.fromisocalendar(year, max(1, min(int(week.group(1)), 52)), 1), 1
    if re.fullmatch(r"\d{2}", rest):
        return date(year, int(rest), 1), 2
    quarter = {
        "Q1": 1,
        "Q2": 4,
        "Q3": 7,
        "Q4": 10,
        "H1": 1,
        "H2": 7,
        "WI": 1,
        "SP": 3,
        "SU": 6,
        "FA": 9,
    }
    return date(year, quarter.get(rest[:2], 1), 1), 3


def calendar_span(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 value covers ("2026-03" is March 2026), or None for a
    value not on the calendar."""
    if not value[:4].isdigit():
        return None
    first, fineness = sort_key(value)
    rest = value[5:]
    if fineness == 0:
        return first, first
    if fineness == 1:
        return first, first + timedelta(days=6)
    if fineness == 2:
        return first, _months_on(first, 1) - timedelta(days=1)
    if rest[:1] == "H":
        months = 6
    elif rest[:1] == "Q" or rest[:2] in _SEASONS:
        months = 3
    else:
        months = 12  # a year (or a part of it that is not named)
    return first, _months_on(first, months) - timedelta(days=1)


_SEASONS = frozenset(["SP", "SU", "FA", "WI"])


def _months_on(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _day_part(value: str) -> str:
    """A time's day ("2025-05-16T14:00" -> "2025-05-16"): the timeline is kept by day."""
    match = _CALENDAR.match(value)
    return match.group() if match else value
