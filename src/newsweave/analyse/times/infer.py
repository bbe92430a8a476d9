"""Publication dates inferred from the text when the article has none.

The evidence is what a page prints about itself: a full date in its dateline or header, the day
in its address ("/2025/05/16/"), a date stamp ("10:05AM GMT 14 Mar 2025"); and, once the
article's story is known, a date of another article of the story, which gives a year to this
article's partial dates ("May 16") and a week to its weekdays ("on Friday").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from newsweave.analyse.times import calendar as cal
from newsweave.analyse.times.lexicon import MONTHS
from newsweave.records import Article, TimeRef

#: A dateline: a date near the top, before any sentence, followed by a dash, colon or line end.
_DATELINE = re.compile(r"[^.!?\n]{0,60}$")
_DATELINE_END = re.compile(r"\s*(?:[-\u2013\u2014:(]|\n)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
#: A day in an address: /2013/09/09/, 2013-09-18, eight digits set apart (20081216), /2013/sep/16/.
_URL_DAYS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?i)/(?P<y>(?:19|20)\d\d)/(?P<m>[a-z]{3,9})/(?P<d>[0-3]?\d)(?!\d)"),
)
_FIRST_YEAR = 1990
#: A clock time right before or after a full date makes it a stamp: "10:05AM GMT 14 Mar
#: 2025", "March 14th, 2025, 09:12 GMT" (only spaces and punctuation between the two).
_STAMP_BEFORE = re.compile(
    r"\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,4})?[\s,|\-\u2013]*$"
)
_STAMP_AFTER = re.compile(r"[\s,|\-\u2013]*\d{1,2}[:.]\d\d(?!\d)")
#: A header above the body: a source address, a headline, a standfirst at most.
_HEADER_LINES = 3
_HEADLINE_WORDS = 30
_DATE_LINE_CHARS = 80
_DATE_LINE_PREFIX = 30  # "Last updated: Friday, "
#: How far from the story's date a partial date may be to count as evidence for this article.
_STORY_WINDOW_DAYS = 45
_WEEKDAY_WINDOW_DAYS = 6


def infer_published(
    doc: Doc, article: Article, *, times: Sequence[TimeRef] | None = None
) -> tuple[str, str] | None:
    """A publication date for an undated article, from what a page prints about itself.

    In order: a full date in the dateline; the day in the article's address; a date stamp in
    the text (a full date with a clock time beside it, "10:05AM GMT 14 Mar 2025"). Other full
    dates are not evidence on their own: with the creation time hidden, the latest full date
    a TempEval-3 text reports was the right day for none of the 15 documents it dated (a
    treaty of 1946, a bond due in 2007); they date an article only near its story's date
    (``infer_published_from_anchor``).

    Args:
        doc: the parsed article text (its time expressions are found in it).
        article: the article (its ``published`` is ignored).
        times: the article's time expressions found without a publication date, when the
            caller has them already (then they are not found again); re-resolve them with
            ``resolve_with_anchor`` once a date is inferred.

    Returns:
        ``(YYYY-MM-DD, evidence)`` or None when the text holds no such date.
    """
    from newsweave.analyse.times import find_times

    if times is None:
        times = find_times(doc, dataclasses.replace(article, published=None))
    days = [
        (r, day)
        for r in times
        if r.relative is None  # only dates written in full: the rest depend on the answer
        and r.type in ("DATE", "TIME")
        and (day := cal.parse_day(r.value)) is not None
    ]
    text = article.text
    for ref, day in days:
        if _is_dateline(text, ref):
            return day.isoformat(), f"dateline {ref.text!r}"
    from_address = url_date(article)
    if from_address is not None:
        return from_address
    for ref, day in days:
        if _STAMP_BEFORE.search(text, max(0, ref.start - 30), ref.start) or _STAMP_AFTER.match(
            text, ref.end
        ):
            return day.isoformat(), f"date stamp {ref.text!r}"
    return None


def url_date(article: Article) -> tuple[str, str] | None:
    """The day in the article's address ("/2013/09/09/", "/2013/sep/16/", "ymd=20081216"):
    its ``url``, else an address opening the text (as copied pages often start)."""
    first_line = article.text.lstrip().split("\n", 1)[0].strip()
    for address in (article.url, first_line if _URL.fullmatch(first_line) else None):
        if not address:
            continue
        for pattern in _URL_DAYS:
            for match in pattern.finditer(address):
                found = _day(match["y"], match["m"], match["d"])
                if found is not None and _FIRST_YEAR <= found.year <= date.today().year:
                    return found.isoformat(), f"address {address!r}"
    return None


def _day(year: str, month: str, day: str) -> date | None:
    """The date of an address's parts ("2013", "09" or "sep", "9"), if it is one."""
    number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    try:
        return date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def opens_text(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the date of a dateline that opens the text ("LINDMARK,
    March 13 -", "BRESKA, Nov 24 (NPA) -"): before any sentence, followed by a dash, a
    parenthesis, a colon or the line's end."""
    return bool(_DATELINE.fullmatch(text[:start].lstrip()) and _DATELINE_END.match(text, end))


def _is_dateline(text: str, ref: TimeRef) -> bool:
    """A date that opens the text (``opens_text``), or a short line of the header above the
    body: under at most a source address and a headline ("...\n\n14 NOVEMBER, 2025\n\n",
    "Updated: Friday, 14 March 2025, 09:12 GMT")."""
    if opens_text(text, ref.start, ref.end):
        return True
    line_start = text.rfind("\n", 0, ref.start) + 1
    line_end = text.find("\n", ref.end)
    line_end = len(text) if line_end < 0 else line_end
    above = [line for line in text[:line_start].split("\n") if line.strip()]
    line = text[line_start:line_end].strip()
    return (
        0 < len(above) <= _HEADER_LINES
        and all(len(words.split()) <= _HEADLINE_WORDS for words in above)
        and ref.start - line_start <= _DATE_LINE_PREFIX
        and len(line) <= _DATE_LINE_CHARS
        and not line.endswith((".", "!", "?"))  # a sentence of the body, not a date line
    )


def infer_published_from_anchor(times: Sequence[TimeRef], anchor: str) -> tuple[str, str] | None:
    """A publication date from this article's partial dates, given a date of its story.

    ``anchor`` (YYYY-MM-DD) comes from another article of the same story. Each date of this
    article written without a year ("May 16") is read with the year that puts it nearest the
    anchor, and each weekday told in the past ("met on Monday") as that weekday in the week up
    to the anchor; those within a few weeks of it (a week for weekdays), and not in a
    future-tense clause, are evidence, and the latest of them is taken as the publication date
    (a report is written on or after the last day it reports).

    Returns:
        ``(YYYY-MM-DD, evidence)`` or None when no partial or full date supports one.
    """
    from newsweave.analyse.times import resolve_with_anchor

    try:
        story_day = date.fromisoformat(anchor[:10])
    except ValueError:
        return None
    candidates = []
    for ref in resolve_with_anchor(times, anchor):
        relative = ref.relative_time
        # kind "" for a date written in full
        kind, direction = (relative.kind, relative.direction) if relative else ("", None)
        partial = kind == "md" and direction != "future"
        weekday = kind == "wd" and direction == "past"
        if kind and not (partial or weekday):
            continue
        day = cal.parse_day(ref.value)
        window = _WEEKDAY_WINDOW_DAYS if weekday else _STORY_WINDOW_DAYS
        if day is not None and abs((day - story_day).days) <= window:
            candidates.append((day, ref, kind))
    if not candidates:
        return None
    day, ref, kind = max(candidates, key=lambda c: c[0])
    how = {
        "md": f"with the year of its story's date {anchor}",
        "wd": f"as the last such day up to its story's date {anchor}",
    }.get(kind, "as written")
    return day.isoformat(), f"{ref.text!r} in the text, read {how}"
