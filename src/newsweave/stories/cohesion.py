"""How close two stories are, and how close a story's members are to each other, from the
sums each story keeps (so neither needs a comparison of every pair of members)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.stories.model import Member, Settings, Story

__all__ = ["across", "within"]


def across(a: Story, b: Story, s: Settings) -> float:
    """Mean weighted similarity between the members of two stories."""
    total = s.terms * _sum_dot(a.terms, b.terms)
    total += s.entities * _sum_dot(a.entities, b.entities)
    total += s.embedding * max(0.0, float(a.vector @ b.vector))
    total += s.details * _sum_dot(a.details, b.details)
    total /= s.terms + s.entities + s.embedding + s.details
    return total / (len(a.members) * len(b.members))


def within(story: Story, members: Sequence[Member], s: Settings) -> float | None:
    """Mean weighted similarity of two distinct members (None for a single member)."""
    n = len(members)
    if n < 2:
        return None
    # A sum's square norm counts each member with itself: 1 per non-empty vector.
    total = 0.0
    for weight, sums, views in (
        (s.terms, story.terms, [m.terms for m in members]),
        (s.entities, story.entities, [m.entities for m in members]),
        (s.details, story.details, [m.details for m in members]),
    ):
        total += weight * (_sum_dot(sums, sums) - sum(len(v.ids) > 0 for v in views))
    total += s.embedding * (float(story.vector @ story.vector) - n)
    total /= s.terms + s.entities + s.embedding + s.details
    return total / (n * (n - 1))


def _sum_dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    get = b.get
    return sum(w * get(i, 0.0) for i, w in a.items())
