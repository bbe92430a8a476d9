"""What each page shows, as plain JSON-ready data: one builder per page, two renderers.

The HTML templates and the ``.json`` twins both render the dicts built here, so a page and
its twin cannot drift apart. A builder returns ``None`` when the thing asked for is unknown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from newsweave.pipeline.pages import story_page, story_summary
from newsweave.records import as_plain
from newsweave.store import Store

__all__ = [
    "StoryFilters",
    "article_page",
    "entity_page",
    "search_page",
    "stories_page",
    "story_page",
]


@dataclass(frozen=True)
class StoryFilters:
    """The filters of the stories list (all optional)."""

    since: str | None = None
    until: str | None = None
    entity: str | None = None
    outlet: str | None = None
    limit: int = 50
    offset: int = 0


def stories_page(store: Store, filters: StoryFilters) -> dict[str, Any]:
    """Stories newest first, each with its dates, counts and fact statuses."""
    rows = store.stories(
        since=filters.since,
        until=filters.until,
        entity=filters.entity,
        outlet=filters.outlet,
        limit=filters.limit,
        offset=filters.offset,
    )
    grew = store.stories_last_grew([row.id for row in rows])
    return {
        "filters": as_plain(filters),
        "stories": [
            {**story_summary(row, row.glance), "last_grew": _minute(grew.get(row.id))}
            for row in rows
        ],
    }


def entity_page(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity: its names and roles, the stories naming it, and all it said in date order."""
    entity = store.entity(entity_id)
    if entity is None:
        return None
    mentions, articles = store.entity_counts([entity_id]).get(entity_id, (0, 0))
    said = [
        {"article": article_id, "published": published, "quote": as_plain(quote)}
        for article_id, published, quote in store.quotes_by(entity_id)
    ]
    return {
        "entity": {
            "id": entity.id,
            "name": entity.name,
            "kind": entity.kind,
            "aliases": list(entity.aliases),
            "roles": list(entity.roles),
            "mentions": mentions,
            "articles": articles,
        },
        "stories": [story_summary(row, None) for row in store.stories(entity=entity_id)],
        "quotes": said,
    }


def article_page(store: Store, ref: str) -> dict[str, Any] | None:
    """An article with the entities, quotes and times found in it, and its story."""
    analysis = store.analysis(ref)
    if analysis is None:
        return None
    article = analysis.article
    return {
        "article": as_plain(article),
        "story": store.story_of(article.key),
        "entities": [as_plain(m) for m in analysis.entities],
        "quotes": [as_plain(q) for q in analysis.quotes],
        "times": [as_plain(t) for t in analysis.times],
    }


def search_page(store: Store, query: str, *, limit: int = 50) -> dict[str, Any]:
    """Full-text hits over articles and quotes; the snippet marks matches with ``[`` ``]``."""
    hits = store.search(query, limit=limit) if query.strip() else []
    return {"query": query, "results": hits}


def _minute(moment: dt.datetime | None) -> str | None:
    """A moment as the page shows it: to the minute, in UTC."""
    return f"{moment.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if moment is not None else None
