"""Rules for the periods of results reports: "the year", "the fiscal year", "this year's third
quarter", "the 1988 period", "last year's quarter", "the corresponding period last year".

A report compares one period with the same period a year before; which period "the quarter"
or "the year-ago period" is depends on what the text last named (``nq``, see ``resolve``).
"""

from __future__ import annotations

import re

from newsweave.analyse.times.found import Found, Rule
from newsweave.analyse.times.lexicon import ORDINALS, YEAR
from newsweave.records import RelativeTime

_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def _the_year(m: re.Match[str]) -> Found | None:
    """ "The year ended June 30" is a span of a year; "for the year", "the full year" this one."""
    if m.group("year")[0].isupper():
        return None  # a title: "Player of the Year", "Book of the Year"
    if m.group("ended"):
        return Found(m.start(), m.end("year"), "DURATION", value="P1Y")
    if m.group("that"):
        return Found(m.start(), m.end("year"), "DATE", relative=RelativeTime("ny", amount=0))
    this_year = RelativeTime("shift", unit="year", amount=0)
    return Found(m.start(), m.end("year"), "DATE", relative=this_year)


def _year_quarter(m: re.Match[str]) -> Found | None:
    """ "This year's third quarter", "next year's first quarter"."""
    shift = _YEAR_SHIFT[m["rel"].lower()]
    relative = RelativeTime("qy", number=ORDINALS[m["ord"].lower()], amount=shift)
    return Found(m.start(), m.end(), "DATE", relative=relative)


def _period_of_year(m: re.Match[str]) -> Found | None:
    """ "The 1988 quarter", "the 1989 period": the quarter the report is about, in that year."""
    return Found(m.start(), m.end(), "DATE", relative=RelativeTime("nqy", number=int(m["year"])))


def _year_ago_period(m: re.Match[str]) -> Found | None:
    """ "Last year's quarter", "the corresponding period last year", "the quarter a year ago"."""
    return Found(m.start(), m.end(), "DATE", relative=RelativeTime("nq", amount=-4))


def _year_ago_months(m: re.Match[str]) -> Found | None:
    """ "The year-earlier nine months": the span of the comparison, as long as it is."""
    months = {"three": 3, "six": 6, "nine": 9, "3": 3, "6": 6, "9": 9}[m["months"].lower()]
    return Found(m.start(), m.end(), "DURATION", value=f"P{months}M")


def _financial(m: re.Match[str]) -> Found | None:
    """ "The quarter", "the latest period", "the year-ago quarter", "the previous quarter"."""
    rel = (m["rel"] or m["rel2"] or "").lower()
    shift = -4 if rel.startswith("year") else (-1 if rel in ("previous", "prior") else 0)
    return Found(m.start(), m.end(), "DATE", relative=RelativeTime("nq", amount=shift))


_QUARTER_WORD = re.compile(r"(?i)\b(?:quarter|period|year)")

RULES: list[Rule] = [
    Rule(
        re.compile(
            r"(?i:\b(?:the|(?P<that>that))\s+(?:(?:current|full|fiscal|calendar)\s+){0,2}"
            r"(?P<year>year)\b(?![-]|\s+(?:\d|two|before|earlier|after|ago|later|or)\b)"
            r"(?P<ended>\s+end(?:ed|ing)\b)?)"
        ),
        _the_year,
        re.compile(r"(?i)\byear\b"),
        30,
        20,
    ),
    Rule(
        re.compile(
            r"(?i:\b(?P<rel>last|this|next)\s+year['\u2019]s\s+(?:fiscal\s+)?"
            r"(?P<ord>first|second|third|fourth)[\s-]+quarter\b)"
        ),
        _year_quarter,
        _QUARTER_WORD,
        40,
        10,
    ),
    Rule(
        re.compile(rf"(?i:\bthe\s+(?P<year>{YEAR})\s+(?:quarter|period)\b)"),
        _period_of_year,
        _QUARTER_WORD,
        15,
        10,
    ),
    Rule(
        re.compile(
            r"(?i:\blast\s+year['\u2019]s\s+(?:quarter|period)\b"
            r"|\bthe\s+(?:corresponding|comparable|same)\s+(?:quarter|period)\s+(?:of\s+)?last\s+year\b"
            r"|\bthe\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)\b)"
        ),
        _year_ago_period,
        _QUARTER_WORD,
        40,
        40,
    ),
    Rule(
        re.compile(
            r"(?i:\bthe\s+(?:comparable\s+)?(?:year-ago|year-earlier)\s+(?:first\s+)?"
            r"(?P<months>three|six|nine|3|6|9)\s+months\b)"
        ),
        _year_ago_months,
        _QUARTER_WORD,
        10,
        40,
    ),
    Rule(
        re.compile(
            r"(?i:\bthe\s+(?:(?:comparable|corresponding|same)\s+)?(?:(?P<rel>latest|current"
            r"|most\s+recent|year-ago|year-earlier|previous|prior|same)\s+)?(?:quarter|period)\b"
            r"(?!\s+(?:of|to)\b)|\b(?P<rel2>year-ago|year-earlier)\b)"
        ),
        _financial,
        _QUARTER_WORD,
        40,
        30,
    ),
]
