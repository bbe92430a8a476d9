"""Time expressions resolved to TIMEX3 values, and publication dates inferred when missing.

Recognition is rule-based (in the manner of HeidelTime): precompiled patterns run once over the
text (``recognise``), each giving an absolute value or an anchor-free relative form; the tense
of the clause, read from the parse, fixes the direction of bare weekdays and months; the forms
are then resolved in reading order against the publication date and the last date the
narrative mentioned (``resolve``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from newsweave.analyse.times.found import Found
from newsweave.analyse.times.infer import (
    infer_published,
    infer_published_from_anchor,
)
from newsweave.analyse.times.offsets import from_dates, is_from_date, land_from_dates
from newsweave.analyse.times.recognise import recognise
from newsweave.analyse.times.resolve import Narrative, resolve
from newsweave.analyse.times.tense import direction_at
from newsweave.records import Article, TimeRef

__all__ = ["find_times", "infer_published", "infer_published_from_anchor", "resolve_with_anchor"]

#: Direction when the clause has no readable tense: news reports mostly what has happened.
_DEFAULTS = {
    "wd": "past",
    "wkend": "past",
    "mon": "near",
    "md": "near",
    "season": "near",
    "hol": "near",
}
#: Whether the day an offset lands on ("three days later") becomes the narrative's last date:
#: "a day later" after it then counts from there. Same TempEval-3 value F1 either way (0.825).
_OFFSETS_MOVE_NARRATIVE = True


def find_times(doc: Doc, article: Article) -> list[TimeRef]:
    """Time expressions of the article, resolved against its publication date.

    Args:
        doc: the parsed article text (used only for the tense of bare weekdays and months).
        article: the article; ``article.published`` (YYYY-MM-DD or None) is the anchor.

    Returns:
        One ``TimeRef`` per expression, in text order. Relative expressions get ``value``
        None when the article has no publication date. An offset TimeML keeps a DURATION
        ("three days later", "a day earlier", "three days after March 2") gets ``lands_on``,
        the day it lands on.
    """
    found = [_with_tense(doc, article.text, f) for f in recognise(article.text)]
    found = from_dates(article.text, found)
    return _resolve_found(article.text, found, article.published)


def resolve_with_anchor(times: Sequence[TimeRef], published: str | None) -> list[TimeRef]:
    """The same expressions resolved again against another publication date, without the parse.

    Uses ``TimeRef.relative``, the anchor-free form ``find_times`` records (tense included);
    expressions without one keep their value. A narrative offset ("three days later") keeps its
    duration value: its form gives ``lands_on``, the day it lands on, which then becomes the
    last date the narrative mentioned, as a resolved date does; an offset from a written date
    ("three days after March 2") lands from that date's value (``offsets``).
    """
    anchor = _parse_anchor(published)
    narrative = Narrative()
    resolved = []
    for ref in times:
        relative = ref.relative_time
        value, lands_on = ref.value, ref.lands_on
        if is_from_date(relative):
            lands_on = None  # landed from the date after it, once that has its value
        elif relative is not None:
            found = resolve(relative, anchor, narrative) if anchor else None
            if ref.type == "DURATION":
                lands_on = found  # "three days later": the span stays a duration (TimeML)
            else:
                value = found
        if ref.type in ("DATE", "TIME"):
            narrative.note(value, relative)
        elif _OFFSETS_MOVE_NARRATIVE and lands_on is not None:
            narrative.note(lands_on, relative)
        resolved.append(dataclasses.replace(ref, value=value, lands_on=lands_on))
    return land_from_dates(resolved)


def _with_tense(doc: Doc, text: str, found: Found) -> Found:
    if found.relative is None or found.relative.direction != "?":
        return found
    default = _DEFAULTS.get(found.relative.kind, "near")
    direction = direction_at(doc, text, found.start, found.end, default=default)
    return found._replace(relative=dataclasses.replace(found.relative, direction=direction))


def _resolve_found(text: str, found: list[Found], published: str | None) -> list[TimeRef]:
    refs = [
        TimeRef(
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=item.type,
            value=item.value,
            mod=item.mod,
            relative=None if item.relative is None else item.relative.format(),
        )
        for item in found
    ]
    return resolve_with_anchor(refs, published)


def _parse_anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
