"""Rules for expressions read from a point of reference: "yesterday", "last week", "three days
ago", "the next day", "now" (durations and sets are in ``span_rules``)."""

from __future__ import annotations

import dataclasses
import re

from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import (
    CLOCK_UNITS,
    DAY_PART,
    DAY_PARTS,
    QUANTITY,
    UNIT,
    VAGUE,
    number_value,
)
from newsweave.analyse.times.offsets import offset_landing
from newsweave.analyse.times.span_rules import duration_value
from newsweave.records import RelativeTime

_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}
_SHIFTS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "this": 0,
    "current": 0,
    "coming": 1,
    "next": 1,
    "same": 0,
    "latest": 0,
}
_ANCHORLESS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "once": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
}


def _day_word(m: re.Match[str]) -> Found | None:
    word = m["word"].lower()
    relative = RelativeTime("shift", unit="day", amount=_DAY_WORDS[word])
    part = m["part"] or ("night" if word in ("tonight", "overnight") else None)
    if part:
        at_part = dataclasses.replace(relative, time=DAY_PARTS[part.lower()])
        return Found(m.start(), m.end(), "TIME", relative=at_part)
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _mid_part(m: re.Match[str], *, day: Found | None = None) -> Found | None:
    """ "mid-afternoon" (on the day the text tells of) or "mid-afternoon yesterday": mod MID."""
    if day is not None:
        return day._replace(mod="MID")
    part = DAY_PARTS[m["part"].lower()]
    relative = RelativeTime("narr", unit="day", amount=0, time=part)
    return Found(m.start(), m.end(), "TIME", relative=relative, mod="MID")


def _this_part(m: re.Match[str]) -> Found | None:
    shift = -1 if m["rel"].lower() == "last" else 0
    relative = RelativeTime("shift", unit="day", amount=shift, time=DAY_PARTS[m["part"].lower()])
    return Found(m.start(), m.end(), "TIME", relative=relative)


def _unit_shift(m: re.Match[str]) -> Found | None:
    if m["unit"][0].isupper():
        return None  # "Next Month" with a capital: a programme's title
    rel = re.sub(r"^the\s+", "", m["rel"].lower())
    unit = m["unit"].lower()
    if rel == "following" or (rel == "next" and m["rel"].lower().startswith("the")):
        relative = RelativeTime("narr", unit=unit, amount=1)  # "the next week": after the last
    elif rel == "same":
        relative = RelativeTime("narr", unit=unit, amount=0)
    elif unit == "weekend":
        relative = RelativeTime("wkend", direction=_weekend_direction(rel))
    elif rel in ("latest", "most recent") and unit == "quarter":
        relative = RelativeTime("shift", unit="quarter", amount=-1)  # the last one reported
    else:
        relative = RelativeTime("shift", unit=unit, amount=_SHIFTS[rel])
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _weekend_direction(rel: str) -> str:
    return {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel, "?")


def _ago(m: re.Match[str]) -> Found | None:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("earlier", "later") and unit in _SIGNAL_UNITS:
        # "three days later": TimeML annotates the span ("three days", a DURATION) and reads
        # "later" as a signal; only "a year earlier" of results reports is a date (the quarter).
        value = duration_value(m["qty"], unit)
        if value is None:
            return None
        end = m.end("unit") + m.string.startswith("s", m.end("unit"))
        landing = offset_landing(m["qty"], unit, sign)
        return Found(m.start(), end, "DURATION", value=value, relative=landing)
    if m["qty"].lower() in VAGUE:
        return Found(m.start(), m.end(), "DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF")
    number = number_value(m["qty"])
    if number is None or unit in CLOCK_UNITS:
        return None
    base = "narr" if direction in ("earlier", "later") else "ago"
    relative = RelativeTime(base, unit=unit, amount=sign * number)
    return Found(m.start(), m.end(), "DATE", relative=relative)


_REL_UNIT = r"(?:week(?:end)?|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)"
#: Units of "N units later/earlier" read as a duration and a signal (not years: see ``_ago``).
_SIGNAL_UNITS = {"day", "week", "month"}
_SEASONAL = {"spring", "summer", "fall", "autumn", "winter"}


def _anchorless_any(m: re.Match[str]) -> Found | None:
    word = (m["word"] or m["word2"]).lower()
    word = re.sub(r"\s+", " ", word)
    if word == "the future" and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return None  # "the future of our peoples": their fate, not a time (TimeML leaves it)
    return Found(m.start(), m.end(), "DATE", value=_ANCHORLESS[word])


def _narrative_day_any(m: re.Match[str]) -> Found | None:
    before_what = re.match(
        r"(?i)the\s+day\s+before\s+[a-z]", m[0] + m.string[m.end() : m.end() + 2]
    )
    if before_what and m.string[max(0, m.start() - 2) : m.start()].startswith(","):
        # "Oct. 12, the day before the crash": the day just named, not the one before it.
        same_day = RelativeTime("narr", unit="day", amount=0)
        return Found(m.start(), m.start() + 7, "DATE", relative=same_day)
    if re.match(r"(?i)an?\s+day\b", m[0]):
        # "a day earlier": a duration and a signal, as "three days later" (``_ago``).
        sign = -1 if m[0].lower().endswith("earlier") else 1
        landing = RelativeTime("narr", unit="day", amount=sign)
        end = m.start() + len(m[0].rsplit(None, 1)[0])
        return Found(m.start(), end, "DURATION", value="P1D", relative=landing)
    part = (m["u1"] or "").lower()
    if part == "day":
        part = ""
    for word in ("night", "morning", "evening", "afternoon"):
        if m[0].lower().endswith(word):
            part = word
    words = m[0].lower()
    shift = (
        1
        if any(w in words for w in ("next", "following", "after", "later"))
        else (-1 if any(w in words for w in ("before", "previous", "prior", "earlier")) else 0)
    )
    relative = RelativeTime("narr", unit="day", amount=shift)
    if part:
        at_part = dataclasses.replace(relative, time=DAY_PARTS[part])
        return Found(m.start(), m.end(), "TIME", relative=at_part)
    return Found(m.start(), m.end(), "DATE", relative=relative)


RULES: list[Rule] = [
    Rule(
        re.compile(
            rf"(?i:\b(?P<word>today|yesterday|tomorrow|tonight|overnight)\b(?:\s+(?P<part>{DAY_PART})\b)?)"
        ),
        _day_word,
    ),
    # "mid-afternoon yesterday"; a bare "mid-afternoon" is on the day the text is telling of.
    Rule(
        re.compile(
            rf"(?i:\bmid[\s-]?(?P<part>{DAY_PART})\b(?:\s+(?P<word>today|yesterday|tomorrow)\b)?)"
        ),
        lambda m: _mid_part(m, day=_day_word(m)) if m["word"] else _mid_part(m),
    ),
    Rule(re.compile(rf"(?i:\b(?P<rel>this|last)\s+(?P<part>{DAY_PART})\b)"), _this_part),
    Rule(
        re.compile(
            r"(?i:\b(?P<word>now|currently|nowadays|presently|at\s+present|these\s+days|right\s+now"
            r"|the\s+present|recently|lately|the\s+past|the\s+(?:near\s+)?future|the\s+near\s+term"
            r"|the\s+short\s+term))\b"
            r"|\b(?P<word2>(?i:current))\b(?!\s+(?:account|affairs|events|price|rate|s\b))"
        ),
        _anchorless_any,
    ),
    Rule(
        re.compile(
            r"(?i:\b(?P<rel>last|next|this|the\s+past|the\s+coming|the\s+previous|the\s+current|the\s+next"
            r"|the\s+following|the\s+prior|the\s+same|the\s+latest|coming|past|previous)\s+"
            rf"(?P<unit>{_REL_UNIT})\b)(?!\s*(?:'s|\u2019s)?\s+(?:worth|old)\b)"
        ),
        lambda m: None if m["unit"].lower() in _SEASONAL else _unit_shift(m),
    ),
    Rule(
        re.compile(r"(?i:\bthe\s+weekend\b)"),
        lambda m: Found(m.start(), m.end(), "DATE", relative=RelativeTime("wkend", direction="?")),
    ),
    Rule(
        re.compile(
            rf"(?i:\b(?P<qty>{QUANTITY})[\s-]+(?P<unit>{UNIT})s?\s+(?:or\s+so\s+)?"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b)(?!\s+(?:than|that|the|a|an)\b)"
        ),
        _ago,
        re.compile(r"(?i)\b(?:ago|earlier|later|from\s+now|hence)\b"),
        80,
        20,
    ),
    Rule(
        re.compile(
            r"(?i:\b(?:the\s+(?:next|following|previous|prior|same)\s+(?P<u1>day|night|morning|evening"
            r"|afternoon)|the\s+day\s+(?:before|after)|that\s+(?:same\s+)?(?:day|night|morning|evening"
            r"|afternoon)|the\s+same\s+day|(?:the\s+)?(?:a\s+)?day\s+earlier|a\s+day\s+later)\b)"
        ),
        _narrative_day_any,
    ),
]
