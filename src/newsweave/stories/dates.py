"""A story's date: the day an undated article of the story is read against.

An article that carries no date of its own ("on Monday", "May 16") is dated from its story
(``newsweave.pipeline.collection.date_from_story``), and the dossier's timeline resolves its
relative dates the same way (``newsweave.fuse.timeline``); both ask ``story_date`` and
``dated_from_story``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsweave.analyse.times import infer_published_from_anchor, resolve_with_anchor
from newsweave.records import Article, TimeRef

__all__ = ["dated_from_story", "story_date"]


def story_date(articles: Iterable[Article]) -> str | None:
    """The publication date most of a story's articles carry (the earliest of a tie).

    Dates from the articles' metadata count; dates inferred from a text count only when no
    article has one, since an inferred date may itself come from the story.

    Returns:
        ``YYYY-MM-DD``, or None when no article is dated.
    """
    given: Counter[str] = Counter()
    inferred: Counter[str] = Counter()
    for article in articles:
        if article.published:
            (inferred if article.published_inferred else given)[article.published[:10]] += 1
    counts = given or inferred
    if not counts:
        return None
    return min(counts, key=lambda day: (-counts[day], day))


def dated_from_story(
    article: Article, times: Sequence[TimeRef], anchor: str | None
) -> tuple[Article, tuple[TimeRef, ...]]:
    """An undated article dated from its story, with its time expressions read again.

    Its partial dates ("May 16") and weekdays ("on Monday") are read against the story's date
    (``infer_published_from_anchor``); the date they give becomes the article's, flagged as
    inferred, and its relative expressions are resolved again against it.

    Args:
        article: the article; one that carries a date keeps it.
        times: its time expressions, as found without a publication date.
        anchor: the story's date (``story_date``), or None when no article of it is dated.

    Returns:
        The dated article and its times resolved again; ``article`` and ``times`` as they are
        when it has a date or nothing in its text dates it.
    """
    if article.published is not None or anchor is None:
        return article, tuple(times)
    inferred = infer_published_from_anchor(times, anchor)
    if inferred is None:
        return article, tuple(times)
    published, evidence = inferred
    dated = replace(
        article,
        published=published,
        published_inferred=True,
        published_evidence=f"{evidence}; story date {anchor}",
    )
    return dated, tuple(resolve_with_anchor(times, published))
