"""Rules for days and times of day: weekdays, weekday sets, clock times and holidays."""

from __future__ import annotations

import dataclasses
import re

from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import (
    DAY_PART,
    DAY_PARTS,
    DIRECTIONS,
    MONTH,
    WEEKDAY,
    month_number,
    weekday_number,
)
from newsweave.records import RelativeTime

_PART = rf"(?:\s+(?P<part>{DAY_PART}))?"
_TZ = r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET)\)?)?"
_CLOCK = (
    r"(?P<clock>(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?P<ampm>[ap])\.?\s?m\b\.?"
    rf"(?:\s+in\s+the\s+{DAY_PART})?|(?P<named>noon|midnight|midday)){_TZ}"
)
_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)")


def _weekday(m: re.Match[str]) -> Found | None:
    day = weekday_number(m["weekday"])
    direction = DIRECTIONS.get((m["rel"] or "").strip().lower(), "?")
    relative = RelativeTime("wd", number=day, direction=direction)
    if m["part"]:
        at_part = dataclasses.replace(relative, time=DAY_PARTS[m["part"].lower()])
        return Found(m.start(), m.end(), "TIME", relative=at_part)
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _weekdays(m: re.Match[str]) -> Found | None:
    day = weekday_number(m["weekday"].rstrip("s"))
    part = DAY_PARTS.get((m["part"] or "").lower().rstrip("s"), "")
    return Found(m.start(), m.end(), "SET", value=f"XXXX-WXX-{day}{part}")


def clock_value(m: re.Match[str]) -> str:
    """The ``THH:MM`` part of a clock-time match (named groups of ``_CLOCK``)."""
    if m["named"]:
        return DAY_PARTS[m["named"].lower()]
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower() == "p" else 0)
    return f"T{hour:02d}:{m['minute'] or '00'}"


_HIGH = re.compile(r"(?i:\bhigh\s+)$")


def _clock(m: re.Match[str]) -> Found | None:
    if m["hour"] and not 1 <= int(m["hour"]) <= 12:
        return None
    if m["named"] and _HIGH.search(m.string, max(0, m.start() - 6), m.start("named")):
        return None  # "high noon": a showdown (or the film), not twelve o'clock
    time = clock_value(m)
    if m["on_md"]:
        month, day = month_number(m["on_month"]), int(m["on_md"])
        on_day = RelativeTime("md", month=month, day=day, direction="?", time=time)
        return Found(m.start(), m.end(), "TIME", relative=on_day)
    if m["on_weekday"]:
        day = weekday_number(m["on_weekday"])
        on_weekday = RelativeTime("wd", number=day, direction="?", time=time)
        return Found(m.start(), m.end(), "TIME", relative=on_weekday)
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get((m["on_rel"] or "").lower())
    if shift is not None:
        on_shift = RelativeTime("shift", unit="day", amount=shift, time=time)
        return Found(m.start(), m.end(), "TIME", relative=on_shift)
    # on the day the text is telling of
    on_narrative = RelativeTime("narr", unit="day", amount=0, time=time)
    return Found(m.start(), m.end(), "TIME", relative=on_narrative)


#: Holidays on a fixed day: month, day.
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "valentine's day": (2, 14),
}


def _holiday(m: re.Match[str]) -> Found | None:
    name = m["name"].lower().replace("\u2019", "'")
    if name.startswith("thanksgiving"):
        thanksgiving = RelativeTime("hol", name="TG", direction="?")
        return Found(m.start(), m.end(), "DATE", relative=thanksgiving)
    month, day = _HOLIDAYS[name]
    on_day = RelativeTime("md", month=month, day=day, direction="?")
    return Found(m.start(), m.end(), "DATE", relative=on_day)


def _weekdays_any(m: re.Match[str]) -> Found | None:
    if m["weekday3"]:  # "Tuesday nights"
        day = weekday_number(m["weekday3"])
        part = DAY_PARTS[m["parts"].lower().rstrip("s")]
        return Found(m.start(), m.end(), "SET", value=f"XXXX-WXX-{day}{part}")
    if m["weekday2"]:
        day = weekday_number(m["weekday2"])
        part = DAY_PARTS.get((m["part"] or "").lower(), "")
        return Found(m.start(), m.end(), "SET", value=f"XXXX-WXX-{day}{part}")
    return _weekdays(m)


RULES: list[Rule] = [
    Rule(
        re.compile(
            rf"(?:\b(?P<rel>(?i:last|next|this|coming))\s+)?\b(?P<weekday>{WEEKDAY})(?!\w)"
            rf"(?!,?\s+(?:{MONTH})\s+\d)(?i:{_PART})"
        ),
        _weekday,
        _WEEKDAY_WORD,
        20,
        30,
    ),
    Rule(
        re.compile(
            rf"(?i:\b(?:every|each)\s+)?\b(?P<weekday>(?:Monday|Tuesday|Wednesday|Thursday|Friday"
            rf"|Saturday|Sunday)s)\b|(?i:\b(?:every|each)\s+)(?P<weekday2>{WEEKDAY})(?!\w)"
            rf"(?i:{_PART})|\b(?P<weekday3>{WEEKDAY})\s+(?P<parts>(?i:morning|afternoon|evening"
            rf"|night)s)\b"
        ),
        _weekdays_any,
        _WEEKDAY_WORD,
        20,
        30,
    ),
    Rule(
        re.compile(
            rf"(?i:\b{_CLOCK}"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<on_weekday>{WEEKDAY})|(?P<on_rel>today|yesterday|tomorrow)"
            rf"|(?P<on_month>{MONTH})\s+(?P<on_md>\d{{1,2}})\b))?)"
        ),
        _clock,
    ),
    Rule(
        re.compile(
            r"\b(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['\u2019]s\s+(?:Eve|Day)|Halloween"
            r"|Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine['\u2019]s\s+Day)\b"
        ),
        _holiday,
    ),
]
