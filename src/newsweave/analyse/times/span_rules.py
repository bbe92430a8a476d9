"""Rules for spans and repetitions of time: durations ("three years", "the past few months",
"for decades") and sets ("every week", "daily"). They come after ``relative_rules``, whose
"three days ago" must win over the duration inside it."""

from __future__ import annotations

import dataclasses
import re

from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import CLOCK_UNITS, QUANTITY, UNIT, UNITS, VAGUE, number_value
from newsweave.analyse.times.offsets import offset_landing

_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P1Q",
    "nightly": "P1D",
}


def duration_value(quantity: str, unit: str) -> str | None:
    """The ISO 8601 duration of a quantity of units ("three", "year" -> "P3Y"), X when vague."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if quantity.lower() in VAGUE:
        amount = "X"
    else:
        number = number_value(quantity)
        if number is None:
            return None
        amount = str(number)
    code = UNITS[unit]
    if unit == "decade" and amount != "X":
        return f"P{int(amount) * 10}Y"
    if unit == "century" and amount != "X":
        return f"P{int(amount) * 100}Y"
    return f"PT{amount}{code}" if unit in CLOCK_UNITS else f"P{amount}{code}"


def _vague_period(m: re.Match[str]) -> Found | None:
    """ "recent years", "the past few months", "coming weeks": the past or the future at large."""
    rel = m["rel"].lower()
    unit = m[0].split()[-1].lower()
    if rel in ("recent", "coming") and not m[0].lower().startswith("the") and unit in _PLURALS:
        # "in recent weeks": an unknown number of weeks up to now (TIMEX3 ``PXW``).
        return Found(m.start(), m.end(), "DURATION", value=f"PX{_PLURALS[unit]}")
    value = "FUTURE_REF" if rel in ("coming", "next", "following") else "PAST_REF"
    return Found(m.start(), m.end(), "DATE", value=value)


def _duration(m: re.Match[str]) -> Found | None:
    if m["unit"][0].isupper() and m["qty"][0].isdigit():
        return None  # "60 Minutes", a programme's title
    if m["unit"].lower() == "quarter" and m[0].lower().endswith("quarters") and "-" in m[0]:
        return None  # "three-quarters": a fraction
    if m["unit"].lower() == "second" and m["qty"].lower() in ("a", "an") and m[0][-1] != "s":
        return None  # "for a second time": an ordinal
    value = duration_value(m["qty"], m["unit"])
    if value is None:
        return None
    # The determiner and adjective before are part of it ("the past three months"); matched
    # here, not in the pattern, as an optional prefix would be tried at every character.
    prefix = _DURATION_PREFIX.search(m.string, max(0, m.start() - 30), m.start())
    landing = None
    signal = _SIGNAL_AFTER.match(m.string, m.end())
    if signal and prefix is None and not _WORKING_DAYS.search(m[0]):
        # "Three days later the ministers met": a signal the ``_ago`` rule leaves to this one
        # (it stops before "the"); "two business days later" is not a count of calendar days.
        # "three days after March 2": from the date after it, if one follows (``offsets``).
        direction = (signal["dir"] or signal["dir2"]).lower()
        sign = -1 if direction in ("earlier", "before") else 1
        landing = offset_landing(m["qty"], m["unit"].lower(), sign)
        if landing is not None and direction in ("after", "before"):
            landing = dataclasses.replace(landing, kind="from")
    start = prefix.start() if prefix else m.start()
    return Found(start, m.end(), "DURATION", value=value, relative=landing)


def _bare_plural(m: re.Match[str]) -> Found | None:
    value = duration_value("several", m["unit"])
    return Found(m.start("unit"), m.end("unit"), "DURATION", value=value)


def _set_word(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "SET", value=_SET_WORDS[m["word"].lower()])


def _every(m: re.Match[str]) -> Found | None:
    unit = m["unit"].lower()
    if unit == "night" or unit == "morning":
        return Found(m.start(), m.end(), "SET", value="P1D")
    amount = "2" if m["other"] else "1"
    value = f"PT{amount}H" if unit == "hour" else f"P{amount}{UNITS[unit]}"
    return Found(m.start(), m.end(), "SET", value=value)


def _every_any(m: re.Match[str]) -> Found | None:
    unit = m["unit2"] or m["unit3"]
    if unit:
        return Found(m.start(), m.end(), "SET", value=f"P1{UNITS[unit.lower()]}")
    return _every(m)


_UNIT_WORD = re.compile(r"(?i)\b(?:second|minute|hour|day|week|month|quarter|year|decade|centur)")
_DURATION_PREFIX = re.compile(
    r"(?i:\b(?:the|a|an|its|their|his|her)\s+(?:(?:past|last|next|first|coming|previous"
    r"|following|final|latest|remaining|initial|same|entire|full|whole)\s+)?)$"
)
_PLURALS = {"days": "D", "weeks": "W", "months": "M"}
_SIGNAL_AFTER = re.compile(
    r"(?i:\s+(?P<dir>later|earlier)\b(?!\s+than\b)|\s+(?P<dir2>after|before)\s)"
)
_WORKING_DAYS = re.compile(r"(?i:\b(?:trading|business)\b)")


RULES: list[Rule] = [
    # Before durations: in "$2 million a year", "a year" is a rate, not a span of time.
    Rule(
        re.compile(
            r"(?i:\b(?:every|each|per)\s+(?P<other>other\s+)?(?P<unit>day|week|month|year|quarter"
            r"|hour|night|morning)\b)|(?<=\d\s)(?i:\b(?:a|an)\s+(?P<unit2>day|week|month|year)\b)"
            r"|(?<=(?:ars|nts|ion|ent)\s)(?i:\b(?:a|an)\s+(?P<unit3>day|week|month|year)\b)"
        ),
        _every_any,
    ),
    Rule(
        re.compile(
            rf"(?i:\b(?P<qty>{QUANTITY})[\s-]+(?:(?:more|full|straight|consecutive|long|trading|business"
            rf"|calendar)[\s-]+)?(?P<unit>{UNIT})s?\b(?:\s+or\s+so\b)?)(?![\s-]+old\b)"
        ),
        _duration,
        _UNIT_WORD,
        60,
        40,
    ),
    Rule(
        re.compile(
            r"(?i:\b(?:for|in|over|within|by|about|take|took|takes|taken)\s+(?P<unit>years|months|weeks"
            r"|days|decades|hours|minutes|centuries)\b)"
        ),
        _bare_plural,
    ),
    Rule(
        re.compile(
            r"(?i:\b(?:the\s+)?(?P<rel>recent|coming|past|last|next|previous|following)\s+"
            r"(?:(?:few|several|many)\s+)?(?:years|months|weeks|days|decades|quarters)\b)"
        ),
        _vague_period,
    ),
    Rule(
        re.compile(r"(?i:\b(?<=for\s)a\s+(?:little\s+)?while\b)"),
        lambda m: Found(m.start(), m.end(), "DURATION", value="PXX"),
    ),
    Rule(re.compile(r"(?i:\b(?P<word>daily|weekly|monthly|yearly|hourly|nightly)\b)"), _set_word),
]
