"""Rules for calendar expressions: dates, months, years, decades, quarters, halves and
seasons (weekdays, clock times and holidays are in ``day_rules``)."""

from __future__ import annotations

import re
from datetime import date

from newsweave.analyse.times import calendar as cal
from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import (
    DIRECTIONS,
    MONTH,
    ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY,
    YEAR,
    month_number,
)
from newsweave.records import RelativeTime


def _full_date(year: str, month: int, day: str, start: int, end: int) -> Found | None:
    found = cal.safe_date(int(year), month, int(day))
    return Found(start, end, "DATE", value=found.isoformat()) if found else None


def _iso(m: re.Match[str]) -> Found | None:
    found = _full_date(m[1], int(m[2]), m[3], m.start(), m.end())
    if found and m[4]:
        return found._replace(type="TIME", value=f"{found.value}T{m[4]}:{m[5]}")
    return found


def _slashed(m: re.Match[str]) -> Found | None:
    first, second, year = int(m[1]), int(m[2]), m[3]
    if len(year) == 2:
        year = ("19" if int(year) > 30 else "20") + year
    month, day = (second, first) if first > 12 else (first, second)
    return _full_date(year, month, str(day), m.start(), m.end())


def _dotted(m: re.Match[str]) -> Found | None:
    return _full_date(m[3], int(m[2]), m[1], m.start(), m.end())


def _month_day(m: re.Match[str]) -> Found | None:
    month, day = month_number(m["month"]), m["day"]
    if not 1 <= int(day) <= 31:
        return None
    weekof = "weekof" in m.re.groupindex and m["weekof"]
    if m["year"]:
        found = _full_date(m["year"], month, day, m.start(), m.end())
        if found and weekof and found.value:
            return found._replace(value=cal.iso_week(date.fromisoformat(found.value)))
        return found
    if weekof:  # "the week of March 6"
        week_of = RelativeTime("mdw", month=month, day=int(day), direction="?")
        return Found(m.start(), m.end(), "DATE", relative=week_of)
    # "the quarter ended Oct. 31": the day is over, whatever year is nearest.
    direction = "done" if _ENDED.search(m.string, max(0, m.start() - 8), m.start()) else "?"
    on_day = RelativeTime("md", month=month, day=int(day), direction=direction)
    return Found(m.start(), m.end(), "DATE", relative=on_day)


_ENDED = re.compile(r"(?i:\bended\s+)$")


def _second_day(m: re.Match[str]) -> Found | None:
    """The second day of "April 24 and 25": a date of its own (TimeML), the first's month."""
    month, day = month_number(m["month"]), m["day"]
    if not 1 <= int(day) <= 31:
        return None
    start, end = m.start("day"), m.end("day")
    if m["year"]:
        return _full_date(m["year"], month, day, start, end)
    return Found(
        start, end, "DATE", relative=RelativeTime("md", month=month, day=int(day), direction="?")
    )


def _month_year(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "DATE", value=f"{m['year']}-{month_number(m['month']):02d}")


_A_MARCH = re.compile(r"\s+(?:for|of|against)\s+(?:the\s+)?[A-Z][a-z]")


def _month(m: re.Match[str]) -> Found | None:
    month = month_number(m["month"])
    direction = DIRECTIONS.get((m["rel"] or "").strip().lower(), "?")
    if m["month"] == "May" and not (m["rel"] or m["prep"]):
        return None  # the modal verb
    if m["month"] == "March" and _A_MARCH.match(m.string, m.end()):
        return None  # "the annual March for Life", "the March of the Mothers": a procession
    start = m.start("rel") if m["rel"] else m.start("month")
    return Found(
        start, m.end(), "DATE", relative=RelativeTime("mon", month=month, direction=direction)
    )


def _month_of_year(m: re.Match[str]) -> Found | None:
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    relative = RelativeTime("my", month=month_number(m["month"]), amount=shift)
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _year(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "DATE", value=m["year"], mod=_part_mod(m[0]))


def _decade(m: re.Match[str]) -> Found | None:
    century = m["century"] or "19"
    return Found(m.start(), m.end(), "DATE", value=f"{century}{m['decade']}", mod=_part_mod(m[0]))


def _part_mod(text: str) -> str | None:
    """The TIMEX3 mod of a leading "early", "mid" or "late" ("the late 1970s": ``END``)."""
    word = re.match(r"(?i)(?:the\s+)?(early|mid|late)\b", text)
    return {"early": "START", "mid": "MID", "late": "END"}[word[1].lower()] if word else None


def _quarter(m: re.Match[str]) -> Found | None:
    number = ORDINALS[m["ord"].lower()]
    year = m["year"] or m["year_before"]
    if year:
        return Found(m.start(), m.end(), "DATE", value=f"{year}-Q{number}")
    # "the year-ago third quarter": that quarter a year before
    relative = RelativeTime("q", number=number, direction="past", amount=-1 if m["ago"] else None)
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _half(m: re.Match[str]) -> Found | None:
    number = 2 if m["ord"].lower() == "last" else ORDINALS[m["ord"].lower()]
    if m["year"]:
        return Found(m.start(), m.end(), "DATE", value=f"{m['year']}-H{number}")
    relative = RelativeTime("shift", unit="half", amount=-1 if number == 1 else 0)
    return Found(m.start(), m.end(), "DATE", relative=relative)


# Triggers: a rule runs only near one of these (see ``Rule``).
_MONTH_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|APR|JU|AUG|SEP|OCT|NOV|DEC)"
)
_SEASON_WORD = re.compile(r"(?i)\b(?:spring|summer|fall|autumn|winter)\b")
_FOUR_DIGITS = re.compile(r"\d{4}")
_SEASON_PREFIX = re.compile(
    r"(?i:\b(?:(?P<rel>this\s+past|last|this|next|coming|past)|the|in|during|early|late|by|until"
    r"|since)\s+"
    r"|\bmid-)$"
)
_YEAR_GUARD = r"(?<![\d$£€.,/:])(?<!\d-)(?<!\$ )"
_YEAR_END = r"(?![\d%]|,\d|\.\d|-\d|\s*(?:percent|per\s+cent|%|[ap]\.?m\b))"


def _season_any(m: re.Match[str]) -> Found | None:
    """A season with a year, or one after "last", "this", "the", "in"... ("fall" is also a verb)."""
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        return Found(m.start(), m.end(), "DATE", value=f"{m['year']}-{code}")
    before = _SEASON_PREFIX.search(m.string, max(0, m.start() - 12), m.start())
    if before is None:
        return None
    rel = re.sub(r"\s+", " ", (before["rel"] or "").lower())
    start = before.start() if rel else m.start()
    relative = RelativeTime("season", name=code, direction=DIRECTIONS.get(rel, "?"))
    return Found(start, m.end(), "DATE", relative=relative)


RULES: list[Rule] = [
    Rule(re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?\b"), _iso),
    Rule(re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"), _slashed),
    Rule(re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)"), _dotted),
    Rule(
        re.compile(
            rf"(?P<weekof>\b(?i:the\s+week\s+of)\s+)?(?:\b{WEEKDAY},?\s+)?\b(?P<month>{MONTH})"
            rf"\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\b(?!:\d|\.\d|,\d{{3}})(?:,?\s+(?P<year>{YEAR})\b)?"
        ),
        _month_day,
        _MONTH_WORD,
        40,
        30,
    ),
    Rule(
        re.compile(
            rf"\b(?P<month>{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:and|or|to|through)\s+"
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{YEAR})\b)?"
            r"(?![.,]?\d|\s*(?:%|(?i:percent|per\s+cent|million|billion|cents?|points?)\b))"
        ),
        _second_day,
        _MONTH_WORD,
        40,
        40,
    ),
    Rule(
        re.compile(
            rf"(?:\b{WEEKDAY},?\s+)?(?:the\s+)?\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<month>{MONTH})(?!\w)(?:,?\s+(?P<year>{YEAR})\b)?"
        ),
        _month_day,
        _MONTH_WORD,
        40,
        30,
    ),
    Rule(
        re.compile(rf"\b(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR})\b"),
        _month_year,
        _MONTH_WORD,
        5,
        30,
    ),
    Rule(
        re.compile(rf"\b(?P<month>{MONTH})(?:\s+of)?\s+(?i:(?P<rel>last|this|next)\s+year)\b"),
        _month_of_year,
        _MONTH_WORD,
        5,
        30,
    ),
    Rule(
        re.compile(
            r"(?:(?P<prep>\b(?i:in|since|until|till|by|from|through|during|of|to|early|late|mid-?"
            r"|before|after|between|and|or)\s+)|\b(?P<rel>(?i:last|next|this|past|coming)\s+)?)"
            r"(?P<month>January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\b(?!\s+\d)"
        ),
        _month,
        _MONTH_WORD,
        20,
        30,
    ),
    Rule(
        re.compile(
            rf"(?:\b(?i:fiscal|the\s+year|calendar|(?:the\s+)?mid-?)\s*)?{_YEAR_GUARD}\b(?P<year>{YEAR})\b{_YEAR_END}"
        ),
        _year,
        _FOUR_DIGITS,
        25,
        20,
    ),
    Rule(
        re.compile(
            r"(?i:\bthe\s+)?(?:(?i:early|late|mid)[\s-]+)?(?:\b(?P<century>1[5-9]|20)|(?<!\w)')"
            r"(?P<decade>\d)0'?s\b"
        ),
        _decade,
        re.compile(r"\d0'?s\b"),
        25,
        3,
    ),
    Rule(
        re.compile(
            rf"(?i:(?:\b(?:fiscal\s+)?(?P<year_before>{YEAR})\s+)?\b(?:the\s+)?"
            rf"(?:(?:comparable\s+|same\s+)?(?P<ago>year-ago|year-earlier)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
            rf"[\s-]+quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR})\b)?)"
        ),
        _quarter,
        re.compile(r"(?i)quarter"),
        50,
        40,
    ),
    Rule(
        re.compile(
            rf"(?i:\b(?:the\s+)?(?P<ord>first|second|(?<=the\s)last(?=\s+half\s+of\s+(?:fiscal\s+)?\d))\s+half\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})\b)?)"
        ),
        _half,
    ),
    Rule(
        re.compile(rf"(?i:\b(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?P<year>{YEAR})\b)?)"),
        _season_any,
        _SEASON_WORD,
        5,
        30,
    ),
    Rule(
        re.compile(rf"(?i:\b(?:every|each)\s+)(?P<month>{MONTH})(?!\w|\s+\d)"),
        lambda m: Found(m.start(), m.end(), "SET", value=f"XXXX-{month_number(m['month']):02d}"),
        _MONTH_WORD,
        10,
        12,
    ),
]
