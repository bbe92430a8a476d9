"""Stories: articles about the same real-world event grouped together, and copies recognised.

``group_stories(analyses)`` groups a collection in one go (for ``newsweave analyze``);
``OnlineStories`` takes articles one at a time as they are ingested and keeps state that can
be saved with ``to_state()`` (a ``GrouperState`` record; ``mark_saved()`` once it is stored)
and restored with ``from_state()``.
"""

from __future__ import annotations

from newsweave.stories.cluster import StoryClusterer
from newsweave.stories.model import Settings
from newsweave.stories.online import OnlineStories, StoryChanges, group_stories, grouping
from newsweave.stories.results import StoryAssignment, StorySummary, order_key, story_id

__all__ = [
    "OnlineStories",
    "Settings",
    "StoryAssignment",
    "StoryChanges",
    "StoryClusterer",
    "StorySummary",
    "group_stories",
    "grouping",
    "order_key",
    "story_id",
]
