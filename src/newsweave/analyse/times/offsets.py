"""Where offsets land: "three days later" (from the last date the text mentioned), and "three
days after March 2" or "a week before the Nov. 5 vote" (from a written date).

TimeML annotates the span ("three days", a DURATION) and reads "later" or "after" as a signal;
the day the offset lands on is ``TimeRef.lands_on``. An offset from a written date gets the
anchor-free form ``from:day:3`` from the duration rule when "after" or "before" follows it; the
form is kept only when a date comes right after the signal, and the landing is computed once
that date has its value, so that it follows when the article is dated again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from itertools import pairwise

from newsweave.analyse.times import calendar as cal
from newsweave.analyse.times.found import Found
from newsweave.analyse.times.lexicon import CLOCK_UNITS, VAGUE, number_value
from newsweave.records import RelativeTime, TimeRef

#: Units an offset lands by as they are (weeks become days, clock units the same day).
_LANDING_UNITS = {"day", "week", "month"}
#: How many hours later (or earlier) an offset is still taken to be on the same day.
_SAME_DAY_HOURS = 6
#: Between the offset and its date: the signal, and a determiner of the date's noun phrase.
_BETWEEN = re.compile(r"(?i:\s+(?:after|before)\s+(?:the\s+)?)")


def offset_landing(quantity: str, unit: str, sign: int) -> RelativeTime | None:
    """The narrative form of where an offset lands ("three", "day", +1 -> ``narr:day:3``).

    A duration read with a signal ("three days later") keeps its TIMEX3 value; this form,
    resolved like "the next day" against the last date the text mentioned, gives the day it
    lands on (``TimeRef.lands_on``). Weeks count as seven days, so the landing is a day rather
    than an ISO week; a few hours or less ("two hours later") land on the day the text is
    telling of; vague amounts ("a few weeks later") land nowhere.
    """
    number = None if quantity.lower() in VAGUE else number_value(quantity)
    if number is None:
        return None
    if unit in CLOCK_UNITS:
        # Beyond a few hours the offset may cross midnight, and which way is not written.
        if unit == "hour" and number > _SAME_DAY_HOURS:
            return None
        return RelativeTime("narr", unit="day", amount=0)
    if unit not in _LANDING_UNITS:
        return None
    if unit == "week":
        return RelativeTime("narr", unit="day", amount=sign * 7 * number)
    return RelativeTime("narr", unit=unit, amount=sign * number)


def from_dates(text: str, found: Sequence[Found]) -> list[Found]:
    """``found`` without the ``from:`` forms of offsets that no date follows."""
    out = list(found)
    for i, item in enumerate(found):
        if not is_from_date(item.relative):
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if (
            following is None
            or following.type not in ("DATE", "TIME")
            or _BETWEEN.fullmatch(text, item.end, following.start) is None
        ):
            out[i] = item._replace(relative=None)  # "two weeks after the vote": no date
    return out


def is_from_date(relative: RelativeTime | None) -> bool:
    """Whether a relative form is an offset from the date written after it."""
    return relative is not None and relative.kind == "from"


def land_from_dates(refs: Sequence[TimeRef]) -> list[TimeRef]:
    """``refs`` with the ``lands_on`` of each ``from:`` offset set from the value of the date
    after it (None when that date has no value of a day, or of a month for months)."""
    out = list(refs)
    for i, ref in enumerate(refs[:-1]):
        offset = ref.relative_time
        if offset is None or not is_from_date(offset) or offset.unit is None:
            continue
        unit, amount = offset.unit, offset.amount or 0  # a from: form has both (``parse``)
        value = (refs[i + 1].value or "").split("T")[0]
        landed = None
        if cal.parse_day(value) is not None or (unit == "month" and value[:4].isdigit()):
            landed = cal.shift_value(value, unit, amount)
        out[i] = dataclasses.replace(ref, lands_on=landed)
    return out


def offset_anchors(times: Sequence[TimeRef]) -> set[int]:
    """The starts of the dates that only anchor an offset ("March 2" in "three days after March
    2"): the event told of is on the day the offset lands on, not on them."""
    return {
        after.start
        for before, after in pairwise(times)
        if before.type == "DURATION" and before.lands_on and is_from_date(before.relative_time)
    }


def calendar_date(t: TimeRef) -> str | None:
    """The date a time expression puts what is told on: a date's or time's value, or for a
    narrative offset ("three days later", a DURATION) the day it lands on; None for others."""
    if t.type in ("DATE", "TIME"):
        return t.value
    return t.lands_on if t.type == "DURATION" else None
