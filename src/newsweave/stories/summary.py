"""Public story ids, titles, spans and outlets, computed from the clusterer's state."""

from __future__ import annotations

from typing import overload

import numpy as np

from newsweave.stories.cluster import StoryClusterer
from newsweave.stories.model import Member, Story
from newsweave.stories.results import StorySummary, order_key, story_id
from newsweave.stories.sources import outlet_key, source_keys

__all__ = ["public_id", "summarize", "summarize_all"]


def _ordered(clusterer: StoryClusterer, story: Story) -> list[Member]:
    members = [clusterer.members[k] for k in story.members]
    return sorted(members, key=lambda m: order_key(m.published, m.key))


@overload
def public_id(clusterer: StoryClusterer, number: int) -> str: ...
@overload
def public_id(clusterer: StoryClusterer, number: int, *, excluding: str) -> str | None: ...
def public_id(
    clusterer: StoryClusterer, number: int, *, excluding: str | None = None
) -> str | None:
    """The stable id of story ``number``: a hash of its first member's key (see ``results``).

    With ``excluding``, the id the story had without that article (None if it was alone).
    """
    keys = [k for k in clusterer.stories[number].members if k != excluding]
    if not keys:
        return None
    return story_id(min(keys, key=lambda k: order_key(clusterer.members[k].published, k)))


def summarize(clusterer: StoryClusterer, number: int) -> StorySummary:
    """Members, title, span and outlets of story ``number``.

    The title is the member headline (or lead) whose embedding is closest to the story's mean
    embedding; ties go to the first member. Outlets name each outlet once (its first spelling);
    independent outlets count the members' independence keys (``sources``), as the dossier
    does: one per outlet, a near-duplicate counting as its original.
    """
    story = clusterer.stories[number]
    members = _ordered(clusterer, story)
    centre = story.vector
    best = max(
        members, key=lambda m: (float(m.embedding.astype(np.float32) @ centre), -members.index(m))
    )
    dated = [m.published for m in members if m.published]
    named = {outlet_key(m.outlet): m.outlet for m in reversed(members) if m.outlet}
    sources = source_keys(
        {m.key: m.outlet for m in members},
        {m.key: m.duplicate_of for m in members if m.duplicate_of},
    )
    return StorySummary(
        id=story_id(members[0].key),
        title=best.title,
        articles=tuple(m.id for m in members),
        keys=tuple(m.key for m in members),
        first_published=min(dated) if dated else None,
        last_published=max(dated) if dated else None,
        outlets=tuple(sorted(named.values())),
        independent_outlets=len(set(sources.values())),
        duplicates=tuple((m.key, m.duplicate_of) for m in members if m.duplicate_of),
    )


def summarize_all(clusterer: StoryClusterer) -> list[StorySummary]:
    """Every story, largest first (ties by id)."""
    found = [summarize(clusterer, n) for n in clusterer.stories]
    return sorted(found, key=lambda s: (-len(s.articles), s.id))
