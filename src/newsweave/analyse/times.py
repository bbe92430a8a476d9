"""Time expressions resolved to TIMEX3 values (being written: see issue 5)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.records import Article, TimeRef


def find_times(doc: Doc, article: Article) -> list[TimeRef]:
    """Time expressions of the article, resolved against its publication date."""
    return []
