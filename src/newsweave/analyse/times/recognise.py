"""Find time expressions in a text: every rule over the text once, longest match wins,
then modifiers written before or after ("late 2022", "about three years", "a week or so")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from newsweave.analyse.times import (
    calendar_rules,
    day_rules,
    financial_rules,
    relative_rules,
    span_rules,
    spoken_rules,
)
from newsweave.analyse.times.found import Found, Rule

RULES: tuple[Rule, ...] = (
    *calendar_rules.RULES,
    *day_rules.RULES,
    *relative_rules.RULES,
    *span_rules.RULES,
    *financial_rules.RULES,
    *spoken_rules.RULES,
)

_DATE_MODS = {
    "early": "START",
    "earlier": "START",
    "the beginning of": "START",
    "the start of": "START",
    "late": "END",
    "later": "END",
    "the end of": "END",
    "mid": "MID",
    "the middle of": "MID",
    "around": "APPROX",
    "about": "APPROX",
}
_DURATION_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "nearly": "APPROX",
    "almost": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS",
}
_PREFIX = re.compile(
    r"(?i:\b(?P<mod>early|earlier|late|later|mid|the\s+(?:beginning|start|end|middle)\s+of"
    r"|around|about|roughly|approximately|nearly|almost|more\s+than|over|less\s+than|under"
    r"|at\s+least|up\s+to|no\s+more\s+than|at\s+most|within)(?:\s+|-))$"
)
_SUFFIX = re.compile(r"(?i:\s+or\s+so\b)")


@functools.lru_cache(maxsize=4)
def recognise(text: str) -> tuple[Found, ...]:
    """Time expressions in ``text``, in order, without overlaps, with their modifiers.

    Cached for the last few texts: an undated article's expressions are found once to infer
    its date and again by the time step, and reading ~50 patterns over the text is most of the
    step's cost. (A pure function of the text; its results are immutable.)
    """
    candidates = []
    for rule in RULES:
        for match in _matches(rule, text):
            if match.end() > match.start():
                found = rule.build(match)
                if found is not None and found.end > found.start:
                    candidates.append(found)
    # Longest first, then earliest: "Friday, May 16, 2025" beats "Friday" and "2025".
    candidates.sort(key=lambda f: (f.start - f.end, f.start))
    taken: list[Found] = []
    used = bytearray(len(text) + 1)
    for found in candidates:
        if not any(used[found.start : found.end]):
            taken.append(found)
            used[found.start : found.end] = b"\x01" * (found.end - found.start)
    taken.sort(key=lambda f: f.start)
    return tuple(_with_modifier(text, found, used) for found in taken)


def _matches(rule: Rule, text: str) -> Iterator[re.Match[str]]:
    """The rule's matches: over the whole text, or in windows around its trigger."""
    if rule.trigger is None:
        yield from rule.pattern.finditer(text)
        return
    seen = set()
    for hit in rule.trigger.finditer(text):
        low, high = max(0, hit.start() - rule.back), min(len(text), hit.end() + rule.ahead)
        for match in rule.pattern.finditer(text, low, high):
            if match.span() not in seen:
                seen.add(match.span())
                yield match


def _with_modifier(text: str, found: Found, used: bytearray) -> Found:
    """Take a modifier word just before (or "or so" just after) the expression into it."""
    match = _PREFIX.search(text, max(0, found.start - 20), found.start)
    if match and not any(used[match.start() : found.start - 1]):
        word = re.sub(r"\s+", " ", match["mod"].lower())
        table = _DURATION_MODS if found.type == "DURATION" else _DATE_MODS
        # "talk about today": "about" before a date is a preposition, before a clock time not.
        about_date = word == "about" and found.type == "DATE"
        over_the = word == "over" and text.startswith("the", found.start)
        if word in table and not (about_date or over_the):
            found = found._replace(start=match.start(), mod=table[word])
    after = _SUFFIX.match(text, found.end)
    if after and found.mod is None:
        found = found._replace(mod="APPROX")
    return found
