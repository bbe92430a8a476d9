"""The JSON output contract, version 1 (documented in docs/output-contract.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsweave.records import ArticleAnalysis, Dossier, Entity

VERSION = 1


def article_to_json(analysis: ArticleAnalysis) -> dict[str, Any]:
    """One article of the contract: its metadata and every record found in it."""
    article = analysis.article.as_dict()
    return {
        **article,
        "entities": [e.as_dict() for e in analysis.entities],
        "quotes": [q.as_dict() for q in analysis.quotes],
        "times": [t.as_dict() for t in analysis.times],
        "amounts": [a.as_dict() for a in analysis.amounts],
        "events": [e.as_dict() for e in analysis.events],
        "sentences": [s.as_dict() for s in analysis.sentences],
        "clauses": [c.as_dict() for c in analysis.clauses],
    }


def collection_to_json(
    analyses: Iterable[ArticleAnalysis],
    entities: Iterable[Entity] = (),
    stories: Iterable[Dossier] = (),
) -> dict[str, Any]:
    """The whole output object: articles, canonical entities and stories with their dossiers."""
    return {
        "version": VERSION,
        "articles": [article_to_json(a) for a in analyses],
        "entities": [e.as_dict() for e in entities],
        "stories": [s.as_dict() for s in stories],
    }
