"""Words of time: month, weekday, season and number names, and the regex fragments built on them.

Kept apart from the rules so that a new spelling ("Sept.", "Thur") is added in one place.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name] = _number

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: Parts of the day and their TIMEX3 codes.
DAY_PARTS = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "overnight": "TNI",
    "midday": "T12:00",
    "noon": "T12:00",
    "midnight": "T24:00",
}

UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    # TimeBank's unit letters for "decades" (PXE) and "centuries" (PXC); counted ones are
    # written in years ("two decades": P20Y), as the TempEval-3 gold mostly does.
    "decade": "E",
    "century": "C",
}
CLOCK_UNITS = {"second", "minute", "hour"}

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update(
    {
        "a": 1,
        "an": 1,
        "one": 1,
        "a hundred": 100,
        "hundred": 100,
        "a thousand": 1000,
        "thousand": 1000,
        "two thousand": 2000,
        "a couple of": 2,
        "a couple": 2,
        "half a": 0,
        "dozen": 12,
        "a dozen": 12,
    }
)
#: Vague quantities: the amount is unknown (TIMEX3 ``X``).
VAGUE = {"several", "a few", "few", "some", "many", "numerous", "a number of"}


def number_value(words: str) -> int | None:
    """The integer a written number stands for ("twenty four", "24", "a couple of"), or None."""
    text = re.sub(r"[\s-]+", " ", words.lower().replace(",", "")).strip()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split(" ")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL[1:10]:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _alt(words: list[str] | set[str] | dict[str, object]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Regex fragments (used with re.IGNORECASE unless the rule says otherwise).
#: Month names are matched with their case ("May" is a month, "may" a verb); datelines in
#: capitals ("27 NOVEMBER, 2005") have their own spelling, but not MAY and MARCH (headline verbs).
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
    r"|JANUARY|FEBRUARY|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
DAY_PART = r"(?:morning|afternoon|evening|night)"
NUM_WORD = (
    rf"(?:(?:{_alt(_TENS)})(?:[- ](?:{_alt(_SMALL[1:10])}))?|{_alt(_SMALL[1:])}"
    r"|\d{1,3}(?:,\d{3})*|(?:a |one |two )?(?:hundred|thousand)|a dozen|dozen)"
)
QUANTITY = rf"(?:{NUM_WORD}|a couple of|a couple|an?|several|a few|few|some|many|a number of)"
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"


def month_number(name: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    """The ISO weekday number of a weekday name or abbreviation ("Thurs." -> 4)."""
    return WEEKDAYS[name.lower().rstrip(".")]


#: "last Friday" is strictly before the anchor, "next Friday" strictly after.
DIRECTIONS = {
    "last": "before",
    "past": "before",
    "next": "after",
    "coming": "future",
    "this": "this",
}
