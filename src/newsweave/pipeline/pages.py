"""A story's page as the web shows it and its JSON twin serves it, built from the store; and
that JSON, compressed, stored when the story's dossier is rebuilt.

A story page is read far more often than its story changes: its JSON twin is rendered once,
when ``refresh_dossiers`` saves the dossier, and served as stored bytes while the story is not
stale (``web/routes.py``). What can change without a rebuild is small: the canonical name or
coordinates of a place the story names, when later articles link to it.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from newsweave.export.glance import articles_per_day
from newsweave.export.placemap import map_places
from newsweave.export.views import story_views
from newsweave.records import Dossier, as_plain, from_plain
from newsweave.store import Store, StoryGlance, StoryRow

__all__ = ["compressed_json", "story_page", "story_summary"]

_STATUSES = ("corroborated", "single-source", "conflicting")


def story_page(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story's dossier, the full text of each source (what the highlights index into), who
    reported what (the matrix of sources and facts) and when (the coverage), and the places it
    names with their coordinates (what its map draws)."""
    row = store.story(story_id)
    if row is None:
        return None
    dossier = store.dossier(story_id) or {}
    keys = [key for key, _original in store.story_members(story_id)]
    texts = {article.id: article.text for article in store.articles_of(keys)}
    # Stored with the dossier; a dossier saved before they were, or none yet (a story stored
    # by an ingest still running: its page shows the rest), has them computed here.
    views = store.story_views(story_id) if dossier else None
    if views is None:
        views = story_views(
            from_plain(Dossier, dossier) if dossier else Dossier(story_id, row.title, ())
        )
    return {
        "story": story_summary(row, StoryGlance.of(dossier)),
        "dossier": dossier,
        "texts": texts,
        "matrix": views["matrix"],
        "coverage": views["coverage"],
        "places": as_plain(map_places(store.story_entities(story_id, kind="PLACE"))),
    }


def compressed_json(page: dict[str, Any]) -> bytes:
    """A page as its JSON twin answers it (compact, UTF-8, as Starlette's ``JSONResponse``
    writes it), gzipped."""
    text = json.dumps(page, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=6)


def story_summary(row: StoryRow, glance: StoryGlance | None) -> dict[str, Any]:
    """A story's listing data; with its dossier's glance, the facts by status and the sources
    per day too."""
    summary: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "first_published": row.first_published,
        "last_published": row.last_published,
        "outlets": list(row.outlets),
        "independent_outlets": row.independent_outlets,
        "article_count": row.article_count,
    }
    if glance is not None:
        counts = dict(glance.facts)
        summary["facts"] = {status: counts.get(status, 0) for status in _STATUSES}
        summary["per_day"] = articles_per_day(glance.published)
    return summary
