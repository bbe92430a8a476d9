"""An event's date: the resolved time expression of its sentence nearest to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsweave.analyse.times.offsets import calendar_date, offset_anchors
from newsweave.records import Event, Sentence, TimeRef
from newsweave.spans import at_offset

__all__ = ["dated", "event_time"]


def event_time(event: Event, sentences: Sequence[Sentence], times: Sequence[TimeRef]) -> Event:
    """``event`` with the date of its sentence's time expression nearest to it (or none).

    A narrative offset ("Three days later the ministers met") dates it by the day it lands on.

    A pure function of records, so an event is re-dated when its article's times are resolved
    again (an undated article dated from its story).
    """
    sentence = at_offset(sentences, event.start)
    return dated(event, sentence, times) if sentence is not None else event


def dated(event: Event, sentence: Sentence | None, times: Sequence[TimeRef]) -> Event:
    """``event`` dated by the time expression of ``sentence`` nearest to it."""
    anchors = offset_anchors(times)
    candidates = [
        (t, when)
        for t in times
        if sentence is not None
        and sentence.start <= t.start < sentence.end
        and t.start not in anchors
        and (when := calendar_date(t)) is not None
    ]

    def distance(candidate: tuple[TimeRef, str]) -> int:
        t = candidate[0]
        return max(0, t.start - event.end, event.start - t.end)

    best = min(candidates, key=distance, default=None)
    value = best[1] if best is not None else None
    return event if event.time == value else replace(event, time=value)
