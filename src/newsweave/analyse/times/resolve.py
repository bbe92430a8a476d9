"""Turn anchor-free relative forms into TIMEX3 values, given the publication date.

A relative form is a ``RelativeTime`` (``newsweave.records``), kept in ``TimeRef.relative`` as
a small string so that an expression can be resolved again later against another date without
the parse. Its kinds, as stored (``RelativeTime.format``; the kind ``shift`` writes its unit):

=====================  ===================================================================
``day:-1``             ``shift``: the day, week, weekend, month, quarter, half, year, decade or
``week:0`` ...         century that many units from the anchor ("yesterday", "this week")
``wd:5:past``          weekday 5 (Friday) before (``past``), after (``future``) or nearest
``mon:10:past``        a month without a year
``my:06:-1``           a month of the year before, this or next ("June last year")
``md:05-16:past``      a month and day without a year: the nearest year, ahead of the anchor
                       only within about three months (the tense is kept for inference);
                       ``md:10-31:done`` ("the quarter ended Oct. 31"): on or before it;
                       ``mdw:03-06:near``: the ISO week of that day ("the week of March 6")
``season:SU:past``     a season without a year
``q:3:past``           a quarter without a year; ``q:3:past:-1``: a year before that
                       ("the year-ago third quarter")
``ago:year:-1``        that many units before the anchor ("a year ago")
``nq:-4``              the quarter the narrative is about, shifted ("the year-ago quarter")
``nqy:1988``           that quarter in another year ("the 1988 period"), else the year
``qy:3:-1``            a quarter of the year before, this or next ("last year's third quarter")
``ny:0``               the year of the last date mentioned ("that year")
``narr:day:1``         a shift from the last date mentioned ("the next day", "a year earlier");
                       on a DURATION ("three days later", ``narr:day:3``) it gives the day
                       the offset lands on (``TimeRef.lands_on``), not its value
``from:day:3``         on a DURATION: that shift from the date written just after it
                       ("three days after March 2"), resolved in ``offsets``
``wkend:past``         the weekend before, after or around the anchor
``hol:TG:past``        Thanksgiving (fourth Thursday of November)
=====================  ===================================================================

Any of them may end in ``@TEV`` or ``@T14:00``: a time of day on the day found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.analyse.times import calendar as cal
from newsweave.records import RelativeTime


@dataclass
class Narrative:
    """What the text last talked about: the reference for "the next day" and "a year earlier"."""

    day: date | None = None
    value: str | None = None
    quarter: str | None = None

    def note(self, value: str | None, relative: RelativeTime | None = None) -> None:
        """Remember a resolved date value as the latest reference point.

        Only a quarter named as such ("the third quarter", not "the year-ago quarter") becomes
        the quarter the text is about.
        """
        if not value or not value[:4].isdigit():
            return
        day = cal.parse_day(value)
        if day is not None:
            self.day = day
        self.value = value.split("T")[0]
        if "-Q" in value and (
            relative is None
            or relative.kind == "q"
            or (relative.kind == "nq" and relative.amount == 0 and relative.time is None)
        ):
            self.quarter = value


def resolve(relative: RelativeTime, anchor: date, narrative: Narrative) -> str | None:
    """The TIMEX3 value of a relative form, or None when it cannot be resolved."""
    value = _resolve_date(relative, anchor, narrative)
    if value is None or not relative.time:
        return value
    if cal.parse_day(value) is None or len(value) != 10:
        return value
    return value + relative.time


def _resolve_date(r: RelativeTime, anchor: date, narrative: Narrative) -> str | None:
    # The fields a kind has are set (``RelativeTime.parse`` requires them); the type checker
    # cannot know which, hence the ``or`` defaults, never used.
    kind, unit, amount, direction = r.kind, r.unit or "", r.amount or 0, r.direction or ""
    if kind == "shift":
        return cal.shift(anchor, unit, amount)
    if kind == "wd":
        return cal.nearest_weekday(anchor, r.number or 0, direction).isoformat()
    if kind == "mon":
        month = r.month or 0
        return f"{cal.nearest_year(anchor, month, None, direction):04d}-{month:02d}"
    if kind == "my":
        return f"{anchor.year + amount:04d}-{r.month or 0:02d}"
    if kind in ("md", "mdw"):
        month, day = r.month or 0, r.day or 0
        year = cal.nearest_year(anchor, month, day, "past" if direction == "done" else "near")
        found = cal.safe_date(year, month, day)
        if found is None:
            return None
        return cal.iso_week(found) if kind == "mdw" else found.isoformat()
    if kind == "season":
        return cal.nearest_season(anchor, r.name or "", direction)
    if kind == "q":
        quarter = cal.nearest_quarter(anchor, r.number or 0, direction)
        return cal.shift_value(quarter, "year", r.amount) if r.amount is not None else quarter
    if kind == "wkend":
        return _weekend(anchor, direction)
    if kind == "hol":
        return _thanksgiving(anchor, direction)
    if kind == "nq":
        base = narrative.quarter or cal.shift(anchor, "quarter", -1)
        return cal.shift_value(base, "quarter", amount)
    if kind == "nqy":
        return f"{r.number}-Q{narrative.quarter[-1]}" if narrative.quarter else str(r.number)
    if kind == "qy":
        return f"{anchor.year + amount:04d}-Q{r.number}"
    if kind == "ny":
        base = narrative.value[:4] if narrative.value else f"{anchor.year:04d}"
        return f"{int(base) + amount:04d}"
    if kind == "ago":
        if unit == "year" and narrative.quarter:
            # In a results report "a year ago" is the same quarter a year before.
            return cal.shift_value(narrative.quarter, "quarter", 4 * amount)
        return cal.shift(anchor, unit, amount)
    if kind == "narr":
        if unit == "year" and narrative.quarter and amount < 0:
            return cal.shift_value(narrative.quarter, "quarter", 4 * amount)
        if unit in ("day", "week"):
            return cal.shift(narrative.day or anchor, unit, amount)
        base = narrative.value or anchor.isoformat()
        if unit == "year" and len(base) == 10:
            # "a year earlier" speaks of the year, unless the text is about a quarter.
            base = base[:4]
        return cal.shift_value(base, unit, amount) or cal.shift(anchor, unit, amount)
    return None


def _weekend(anchor: date, direction: str) -> str:
    """The weekend before (``past``) or after the anchor; on a weekend day, that weekend."""
    if anchor.isoweekday() >= 6:
        return cal.iso_week(anchor) + "-WE"
    return cal.shift(anchor, "weekend", -1 if direction == "past" else 0)


def _thanksgiving(anchor: date, direction: str) -> str:
    def of(year: int) -> date:
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)

    days = [of(year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        return max(d for d in days if d <= anchor).isoformat()
    if direction == "future":
        return min(d for d in days if d >= anchor).isoformat()
    return min(days, key=lambda d: abs((d - anchor).days)).isoformat()
