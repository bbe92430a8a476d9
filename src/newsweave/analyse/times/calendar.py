"""Calendar arithmetic on TIMEX3 values: ISO weeks, quarters, shifts and nearest occurrences."""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_HALF = re.compile(r"^(\d{4})-H(\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_day(value: str | None) -> date | None:
    """The calendar day a value starts with ("2025-05-16T14:00" -> 2025-05-16), or None."""
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not make one (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_week(day: date) -> str:
    """The ISO week of a day, as TIMEX3 writes it ("2025-W20")."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(anchor: date, unit: str, amount: int) -> str:
    """The value of the ``unit`` (day, week, month, ...) ``amount`` units from ``anchor``."""
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=amount))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        return add_months(anchor, amount).strftime("%Y-%m")
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "decade":
        return f"{(anchor.year // 10 + amount):03d}"
    if unit == "century":
        return f"{(anchor.year // 100 + amount):02d}"
    return f"{anchor.year + amount:04d}"


def shift_value(value: str, unit: str, amount: int) -> str | None:
    """Shift a TIMEX3 value by whole units, keeping its granularity ("1989-Q3" -> "1988-Q3").

    Only shifts that keep the value well-formed are made; otherwise None.
    """
    day = parse_day(value)
    if day is not None:
        if unit == "year":
            moved = safe_date(day.year + amount, day.month, day.day) or safe_date(
                day.year + amount, day.month, 28
            )
            return moved.isoformat() if moved else None
        if unit in ("day", "week"):
            return (day + timedelta(days=amount * (7 if unit == "week" else 1))).isoformat()
        if unit == "month":
            moved = add_months(day, amount)
            return (safe_date(moved.year, moved.month, day.day) or moved).isoformat()
        return None
    for pattern in (_MONTH, _WEEK, _QUARTER, _HALF, _SEASON, _YEAR):
        match = pattern.match(value)
        if match:
            break
    else:
        return None
    year = int(match[1])
    if unit == "year":
        return f"{year + amount:04d}" + value[4:]
    if pattern is _MONTH and unit == "month":
        return add_months(date(year, int(match[2]), 1), amount).strftime("%Y-%m")
    if pattern is _QUARTER and unit == "quarter":
        index = year * 4 + int(match[2]) - 1 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return None


def nearest_weekday(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (1 = Monday) around ``anchor``.

    ``past``: the latest one on or before the anchor; ``future``: the next one after it (the anchor
    itself when it is that day); ``near``: whichever is closer, ties to the past; ``told``: the
    next one from the day before the anchor (what was said to come, said for this report).
    """
    back = (anchor.isoweekday() - weekday) % 7
    if direction == "before":
        return anchor - timedelta(days=back or 7)
    if direction == "after":
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
    if direction == "past":
        return anchor - timedelta(days=back)
    forward = (weekday - anchor.isoweekday()) % 7
    if direction == "future" or (direction == "told" and back > 1):
        return anchor + timedelta(days=forward)
    if direction == "told":
        return anchor - timedelta(days=back)
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)


_AHEAD_DAYS = 100
_AHEAD_MONTHS = 3


def nearest_year(anchor: date, month: int, day: int | None, direction: str) -> int:
    """The year that puts ``month`` (and ``day``) in ``direction`` of the anchor, or nearest it."""

    def distance(year: int) -> int:
        when = safe_date(year, month, day or 15) or safe_date(year, month, 28)
        assert when is not None
        return (when - anchor).days

    candidates = (anchor.year - 1, anchor.year, anchor.year + 1)
    if direction == "this":
        return anchor.year
    if direction == "before":  # "last May": the latest May before the current month
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "after":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "past":
        if day is None:
            return anchor.year if month <= anchor.month else anchor.year - 1
        return max(y for y in candidates if distance(y) <= 0)
    if direction == "future":
        if day is None:
            return anchor.year if month >= anchor.month else anchor.year + 1
        return min(y for y in candidates if distance(y) >= 0)
    # "near": news reports what happened far more than what is planned (in TempEval-3, dates
    # without a year lie up to 9 months back for every one beyond 3 months ahead), so the
    # nearest occurrence is taken with that bias: ahead only when within about three months.
    if day is None:
        ahead = (month - anchor.month) % 12
        return (
            anchor.year + (anchor.month + ahead > 12)
            if 0 < ahead <= _AHEAD_MONTHS
            else (anchor.year if month <= anchor.month else anchor.year - 1)
        )
    past = max(y for y in candidates if distance(y) <= 0)
    future = min(y for y in candidates if distance(y) >= 0)
    return future if distance(future) <= _AHEAD_DAYS else past


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def nearest_season(anchor: date, season: str, direction: str) -> str:
    """The season (SP, SU, FA, WI) around the anchor, as ``YYYY-SU``."""
    start = SEASON_START[season]
    # Winter belongs to the year it starts in; in January, "this winter" started last year.
    current_year = anchor.year - 1 if season == "WI" and anchor.month < 3 else anchor.year
    started = anchor >= date(current_year, start, 1)
    ended = anchor >= date(current_year + start // 12, start % 12 + 3, 1)
    if direction == "this":
        pass
    elif direction == "before" and not ended:
        current_year -= 1  # "last summer" said in July is a year back; in October, this year's
    elif direction == "after" and started:
        current_year += 1  # "next spring" said in January is this year's
    elif direction == "past" and not started:
        current_year -= 1
    elif direction == "future" and started and anchor.month >= start + 3:
        current_year += 1
    return f"{current_year:04d}-{season}"


def nearest_quarter(anchor: date, quarter: int, direction: str) -> str:
    """Quarter ``quarter`` of the year that puts it in ``direction`` of the anchor."""
    current = quarter_of(anchor)
    year = anchor.year
    if direction in ("future", "after") and quarter < current:
        year += 1
    elif direction != "future" and quarter > current:
        year -= 1
    return f"{year:04d}-Q{quarter}"
