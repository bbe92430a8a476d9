"""What story grouping returns: where each article went, and what each story looks like.

Story ids follow one rule, so they are the same across runs and arrival orders whenever the
grouping is: ``"s" + sha1(first member key)[:12]``, where the first member is the smallest by
``(published or "9999-99-99", key)``. When an earlier article joins, the id changes; the
assignment says which ids it replaces.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsweave.records import Record

__all__ = ["StoryAssignment", "StorySummary", "order_key", "story_id"]

UNDATED = "9999-99-99"


def order_key(published: str | None, key: str) -> tuple[str, str]:
    """The total order on articles that picks a story's first member and a copy's original."""
    return (published or UNDATED, key)


def story_id(first_member_key: str) -> str:
    """The public id of a story whose first member (by ``order_key``) has this article key."""
    return "s" + hashlib.sha1(first_member_key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class StoryAssignment(Record):
    """The story one article belongs to, and the article it copies (if it is a near-duplicate)."""

    article: str  # article id
    key: str  # article key
    story: str  # story id
    duplicate_of: str | None = None  # key of the original article
    replaces: tuple[str, ...] = ()  # story ids that this story's id now replaces (merge, rename)


@dataclass(frozen=True)
class StorySummary(Record):
    """One story: its members, title, time span and outlets."""

    id: str
    title: str
    articles: tuple[str, ...]  # article ids, first member first
    keys: tuple[str, ...]  # article keys, same order
    first_published: str | None
    last_published: str | None
    outlets: tuple[str, ...]  # each outlet once, as first written
    independent_outlets: int  # independence keys (``sources``): what the dossier counts
    duplicates: tuple[tuple[str, str], ...] = ()  # (copy key, original key)
