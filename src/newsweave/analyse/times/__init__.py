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


def find_times(doc: Doc, article: Article) -> list[TimeRef]:
    """Time expressions of the article, resolved against its publication date.

    Args:
        doc: the parsed article text (used only for the tense of bare weekdays and months).
        article: the article; ``article.published`` (YYYY-MM-DD or None) is the anchor.

    Returns:
        One ``TimeRef`` per expression, in text order. Relative expressions get ``value``
        None when the article has no publication date.
    """
    found = [_with_tense(doc, article.text, f) for f in recognise(article.text)]
    return _resolve_found(article.text, found, article.published)


def resolve_with_anchor(times: Sequence[TimeRef], published: str | None) -> list[TimeRef]:
    """The same expressions resolved again against another publication date, without the parse.

    Uses ``TimeRef.relative``, the anchor-free form ``find_times`` records (tense included);
    expressions without one keep their value.
    """
    anchor = _parse_anchor(published)
    narrative = Narrative()
    resolved = []
    for ref in times:
        relative = relative_of(ref)
        value = ref.value
        if relative is not None:
            value = resolve(relative, anchor, narrative) if anchor else None
        if ref.type in ("DATE", "TIME"):
            narrative.note(value, relative)
        resolved.append(dataclasses.replace(ref, value=value))
    return resolved


def relative_of(ref: TimeRef) -> str | None:
    """The anchor-free form of a time expression, or None for an absolute one."""
    return ref.relative


def _with_tense(doc: Doc, text: str, found: Found) -> Found:
    if found.relative is None or "?" not in found.relative:
        return found
    kind = found.relative.split(":", 1)[0]
    default = _DEFAULTS.get(kind, "near")
    direction = direction_at(doc, text, found.start, found.end, default=default)
    return found._replace(relative=found.relative.replace("?", direction, 1))


def _resolve_found(text: str, found: list[Found], published: str | None) -> list[TimeRef]:
    refs = [
        TimeRef(
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=item.type,
            value=item.value,
            mod=item.mod,
            relative=item.relative,
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
