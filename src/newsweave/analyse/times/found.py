"""The shape every recognition rule returns, before tense and anchor are known."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from newsweave.records import RelativeTime, TimeType


class Found(NamedTuple):
    """A recognised expression: either an absolute ``value`` or an anchor-free ``relative`` form.

    A ``relative`` form may have the direction ``?``: past, future or near, to be read from the
    tense of the clause.
    """

    start: int
    end: int
    type: TimeType
    value: str | None = None
    relative: RelativeTime | None = None
    mod: str | None = None


class Rule(NamedTuple):
    """A compiled pattern and a function turning one of its matches into a Found (or None).

    A rule with a ``trigger`` (a cheap pattern for a word it cannot match without, such as a
    unit for durations) runs only in windows around the trigger's matches, from ``back``
    characters before to ``ahead`` after: an expensive pattern then reads a few short windows
    instead of the whole text.
    """

    pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], Found | None]
    trigger: re.Pattern[str] | None = None
    back: int = 0
    ahead: int = 0
