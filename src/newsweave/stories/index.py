"""The inverted index that finds candidate stories for an article.

Each key (an entity key or one of an article's rarest terms) lists the stories that hold it,
most recently touched last. A lookup reads at most ``per_key`` stories per key, so its cost
does not grow with the archive: a story old enough to fall off a busy key's list is also too
far in time to match (the time decay would reject it anyway).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping

__all__ = ["StoryIndex"]


class StoryIndex:
    """Key -> stories holding it (an ordered set, most recently touched last)."""

    def __init__(self, *, per_key: int = 60) -> None:
        self.per_key = per_key
        self._postings: dict[str, OrderedDict[int, None]] = {}

    def add(self, story: int, keys: Iterable[str]) -> None:
        """Record that ``story`` holds ``keys`` (and was just touched)."""
        for key in keys:
            posting = self._postings.get(key)
            if posting is None:
                posting = self._postings[key] = OrderedDict()
            posting[story] = None
            posting.move_to_end(story)

    def remove(self, story: int, keys: Iterable[str]) -> None:
        """Forget ``story`` under ``keys`` (after it was split)."""
        for key in keys:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(story, None)

    def candidates(self, weighted_keys: Mapping[str, float], *, limit: int) -> list[int]:
        """The ``limit`` stories sharing the most (weighted) keys, best first."""
        scores: dict[int, float] = {}
        for key, weight in weighted_keys.items():
            posting = self._postings.get(key)
            if not posting:
                continue
            for n, story in enumerate(reversed(posting)):
                if n >= self.per_key:
                    break
                scores[story] = scores.get(story, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [story for story, _ in ranked[:limit]]
