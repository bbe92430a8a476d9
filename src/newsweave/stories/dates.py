"""A story's date: the day an undated article of the story is read against.

An article that carries no date of its own ("on Monday", "May 16") is dated from its story
(``newsweave.pipeline.collection.date_from_story``), and the dossier's timeline resolves its
relative dates the same way (``newsweave.fuse.timeline``); both ask ``story_date``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsweave.records import Article

__all__ = ["story_date"]


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
