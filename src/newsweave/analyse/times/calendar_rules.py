"""Rules for calendar expressions: dates, months, years, decades, quarters, seasons, weekdays,
holidays and clock times."""

from __future__ import annotations

import re

from newsweave.analyse.times import calendar as cal
from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import (
    DAY_PART,
    DAY_PARTS,
    MONTH,
    ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY,
    YEAR,
    month_number,
    number_value,
    weekday_number,
)

#: "last Friday" is strictly before the anchor, "next Friday" strictly after.
_DIRECTION = {
    "last": "before",
    "past": "before",
    "next": "after",
    "coming": "future",
    "this": "this",
}
_PART = rf"(?:\s+(?P<part>{DAY_PART}))?"
_TZ = r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET)\)?)?"
_CLOCK = (
    r"(?P<clock>(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?P<ampm>[ap])\.?\s?m\b\.?"
    rf"(?:\s+in\s+the\s+{DAY_PART})?|(?P<named>noon|midnight|midday)){_TZ}"
)


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
    if m["year"]:
        return _full_date(m["year"], month, day, m.start(), m.end())
    return Found(m.start(), m.end(), "DATE", relative=f"md:{month:02d}-{int(day):02d}:?")


def _month_year(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "DATE", value=f"{m['year']}-{month_number(m['month']):02d}")


def _month(m: re.Match[str]) -> Found | None:
    month = month_number(m["month"])
    direction = _DIRECTION.get((m["rel"] or "").strip().lower(), "?")
    if m["month"] == "May" and not (m["rel"] or m["prep"]):
        return None  # the modal verb
    start = m.start("rel") if m["rel"] else m.start("month")
    return Found(start, m.end(), "DATE", relative=f"mon:{month:02d}:{direction}")


def _month_of_year(m: re.Match[str]) -> Found | None:
    shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return Found(m.start(), m.end(), "DATE", relative=f"my:{month_number(m['month']):02d}:{shift}")


def _year(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), "DATE", value=m["year"])


def _decade(m: re.Match[str]) -> Found | None:
    century = m["century"] or "19"
    return Found(m.start(), m.end(), "DATE", value=f"{century}{m['decade']}")


def _quarter(m: re.Match[str]) -> Found | None:
    number = ORDINALS[m["ord"].lower()]
    year = m["year"] or m["year_before"]
    if year:
        return Found(m.start(), m.end(), "DATE", value=f"{year}-Q{number}")
    shift = ":-1" if m["ago"] else ""
    return Found(m.start(), m.end(), "DATE", relative=f"q:{number}:past{shift}")


def _spoken_year(m: re.Match[str]) -> Found | None:
    if m["millennium"]:
        year = 2000 + (number_value(m["rest"]) or 0 if m["rest"] else 0)
    else:
        tail = number_value(m["tail"])
        if tail is None:
            return None
        year = (19 if m["century"].lower() == "nineteen" else 20) * 100 + tail
    return Found(m.start(), m.end(), "DATE", value=f"{year:04d}")


def _half(m: re.Match[str]) -> Found | None:
    number = ORDINALS[m["ord"].lower()]
    if m["year"]:
        return Found(m.start(), m.end(), "DATE", value=f"{m['year']}-H{number}")
    return Found(m.start(), m.end(), "DATE", relative=f"half:{'-1' if number == 1 else '0'}")


def _weekday(m: re.Match[str]) -> Found | None:
    day = weekday_number(m["weekday"])
    direction = _DIRECTION.get((m["rel"] or "").strip().lower(), "?")
    relative = f"wd:{day}:{direction}"
    if m["part"]:
        return Found(
            m.start(), m.end(), "TIME", relative=f"{relative}@{DAY_PARTS[m['part'].lower()]}"
        )
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


def _clock(m: re.Match[str]) -> Found | None:
    if m["hour"] and not 1 <= int(m["hour"]) <= 12:
        return None
    time = clock_value(m)
    if m["on_md"]:
        month, day = month_number(m["on_month"]), int(m["on_md"])
        return Found(m.start(), m.end(), "TIME", relative=f"md:{month:02d}-{day:02d}:?@{time}")
    if m["on_weekday"]:
        day = weekday_number(m["on_weekday"])
        return Found(m.start(), m.end(), "TIME", relative=f"wd:{day}:?@{time}")
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get((m["on_rel"] or "").lower())
    if shift is not None:
        return Found(m.start(), m.end(), "TIME", relative=f"day:{shift}@{time}")
    return Found(m.start(), m.end(), "TIME", relative=f"narr:day:0@{time}")


_HOLIDAYS = {
    "christmas eve": "12-24",
    "christmas day": "12-25",
    "christmas": "12-25",
    "new year's eve": "12-31",
    "new year's day": "01-01",
    "halloween": "10-31",
    "independence day": "07-04",
    "valentine's day": "02-14",
}


def _holiday(m: re.Match[str]) -> Found | None:
    name = m["name"].lower().replace("\u2019", "'")
    if name.startswith("thanksgiving"):
        return Found(m.start(), m.end(), "DATE", relative="hol:TG:?")
    return Found(m.start(), m.end(), "DATE", relative=f"md:{_HOLIDAYS[name]}:?")


# Triggers: a rule runs only near one of these (see ``Rule``).
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WEEKDAY_WORD = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)")
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
    return Found(start, m.end(), "DATE", relative=f"season:{code}:{_DIRECTION.get(rel, '?')}")


def _weekdays_any(m: re.Match[str]) -> Found | None:
    if m["weekday2"]:
        day = weekday_number(m["weekday2"])
        part = DAY_PARTS.get((m["part"] or "").lower(), "")
        return Found(m.start(), m.end(), "SET", value=f"XXXX-WXX-{day}{part}")
    return _weekdays(m)


RULES: list[Rule] = [
    Rule(re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?\b"), _iso),
    Rule(re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"), _slashed),
    Rule(re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)"), _dotted),
    Rule(
        re.compile(
            rf"(?:\b{WEEKDAY},?\s+)?\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\b(?!:\d|\.\d|,\d{{3}})(?:,?\s+(?P<year>{YEAR})\b)?"
        ),
        _month_day,
        _MONTH_WORD,
        40,
        30,
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
            r"(?i:(?:\bthe\s+year\s+)?\b(?:(?P<century>nineteen|twenty)[\s-]+(?:hundred\s+(?:and\s+)?)?"
            r"(?P<tail>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
            r"|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            r"|seventeen|eighteen|nineteen)|(?<=the\syear\s)(?P<millennium>two\s+thousand)"
            r"(?:\s+and\s+(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten))?)\b)"
        ),
        _spoken_year,
        re.compile(r"(?i)nineteen|twenty|thousand"),
        20,
        60,
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
            rf"(?i:\b(?:the\s+)?(?P<ord>first|second)\s+half\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})\b)?)"
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
            rf"(?i:{_PART})"
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
