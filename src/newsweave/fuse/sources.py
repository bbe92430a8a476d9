"""Who reports what: each article's independent source and the outlet name shown for it.

Two articles are the same source when they come from the same outlet, or when one is a
near-duplicate (a wire copy, a re-publication) of the other. An article whose outlet is unknown
is its own source, named by its id. The keys come from ``newsweave.stories.sources``, which the
story list counts with too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsweave.records import ArticleAnalysis, DossierSource
from newsweave.stories.sources import source_keys

__all__ = ["Sources", "sources_of"]


class Sources:
    """The source key and outlet label of every article of a story."""

    def __init__(self, entries: Sequence[DossierSource]) -> None:
        self.entries = tuple(entries)
        self._by_article = {e.article: e for e in entries}

    def source(self, article: str) -> str:
        """The independence key of an article: articles with the same key count once."""
        return self._by_article[article].source

    def outlet(self, article: str) -> str:
        """The name shown for an article's source: its outlet, or its id when unknown."""
        entry = self._by_article[article]
        return entry.outlet or entry.article

    def count(self, articles: Sequence[str]) -> int:
        """How many independent sources these articles are."""
        return len({self.source(a) for a in articles})


def sources_of(analyses: Sequence[ArticleAnalysis], duplicates: Mapping[str, str]) -> Sources:
    """Source keys for a story's articles; ``duplicates`` maps a copy's id to its original's."""
    keys = source_keys({a.article.id: a.article.outlet for a in analyses}, duplicates)
    entries = [
        DossierSource(
            article=a.article.id,
            outlet=a.article.outlet,
            published=a.article.published,
            title=a.article.title,
            source=keys[a.article.id],
            duplicate_of=duplicates.get(a.article.id),
        )
        for a in analyses
    ]
    return Sources(entries)
