"""Rules for numbers written as words or fractions: spoken years ("nineteen ninety-four",
"January nineteen ninety-seven"), spoken decades ("the nineties"), ordinal centuries ("the 20th
century") and durations with a half ("2 1/2 years", "a minute and a half")."""

from __future__ import annotations

import re

from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import (
    CLOCK_UNITS,
    MONTH,
    NUM_WORD,
    SEASON,
    SEASONS,
    month_number,
    number_value,
)

_SPOKEN = (
    r"(?:(?P<century>nineteen|twenty)[\s-]+(?:hundred\s+(?:and\s+)?)?"
    r"(?P<tail>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)|(?<=the\syear\s)(?P<millennium>two\s+thousand)"
    r"(?:\s+and\s+(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
#: What half a unit is, in the next smaller unit TIMEX3 writes.
_HALF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}
_UNIT_CODE = {"year": "Y", "month": "M", "day": "D", "hour": "H", "minute": "M"}


def _spoken_value(m: re.Match[str]) -> int | None:
    if m["millennium"]:
        return 2000 + (number_value(m["rest"]) or 0 if m["rest"] else 0)
    tail = number_value(m["tail"])
    if tail is None:
        return None
    return (19 if m["century"].lower() == "nineteen" else 20) * 100 + tail


def _spoken_year(m: re.Match[str]) -> Found | None:
    year = _spoken_value(m)
    if year is None:
        return None
    if m["month"]:
        return Found(m.start(), m.end(), "DATE", value=f"{year:04d}-{month_number(m['month']):02d}")
    if m["season"]:
        return Found(m.start(), m.end(), "DATE", value=f"{year:04d}-{SEASONS[m['season'].lower()]}")
    return Found(m.start(), m.end(), "DATE", value=f"{year:04d}")


def _decade(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "DATE", value=f"19{_DECADES[m['decade'].lower()]}")


def _century(m: re.Match[str]) -> Found | None:
    number = int(m["number"])
    return Found(m.start(), m.end(), "DATE", value=f"{number - 1:02d}") if number > 0 else None


def _with_half(m: re.Match[str]) -> Found | None:
    unit = m["unit"].lower()
    number = number_value(m["qty"])
    if number is None:
        return None
    code = _UNIT_CODE[unit]
    half = _HALF[unit]
    if unit in CLOCK_UNITS:
        return Found(m.start(), m.end(), "DURATION", value=f"PT{number}{code}{half}")
    return Found(m.start(), m.end(), "DURATION", value=f"P{number}{code}{half}")


_UNITS = r"(?P<unit>year|month|day|hour|minute)"

RULES: list[Rule] = [
    Rule(
        re.compile(
            rf"(?i:(?:\bthe\s+year\s+|\b(?P<month>{MONTH})\s+|\b(?:the\s+)?(?P<season>{SEASON})"
            rf"\s+of\s+)?\b{_SPOKEN}\b)"
        ),
        _spoken_year,
        re.compile(r"(?i)nineteen|twenty|thousand"),
        30,
        60,
    ),
    Rule(
        re.compile(
            r"(?i:\bthe\s+(?:(?:early|late)\s+|mid-?)?(?P<decade>twenties|thirties|forties|fifties"
            r"|sixties|seventies|eighties|nineties)\b)"
        ),
        _decade,
        re.compile(r"(?i)ties\b"),
        20,
        3,
    ),
    Rule(
        re.compile(r"(?i:\b(?:the\s+)?(?P<number>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b)"),
        _century,
        re.compile(r"(?i)century"),
        20,
        10,
    ),
    Rule(
        re.compile(
            rf"(?i:\b(?P<qty>\d{{1,3}}|{NUM_WORD})\s+(?:1/2|and\s+a\s+half)[\s-]+{_UNITS}s?\b"
            rf"|\b(?P<qty2>an?|one)\s+(?P<unit2>year|month|day|hour|minute)\s+and\s+a\s+half\b)"
        ),
        lambda m: _with_half(m) if m["qty"] else _one_and_half(m),
        re.compile(r"(?i)1/2|half"),
        40,
        20,
    ),
]


def _one_and_half(m: re.Match[str]) -> Found | None:
    unit = m["unit2"].lower()
    code, half = _UNIT_CODE[unit], _HALF[unit]
    prefix = "PT" if unit in CLOCK_UNITS else "P"
    return Found(m.start(), m.end(), "DURATION", value=f"{prefix}1{code}{half}")
