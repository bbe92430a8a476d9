"""What one article changes across the store, written in the article's own transaction; and
the story rows and dossiers written after a batch (``CrossArticleWrites``).

The pipeline computes an ``ArticleWrite`` (the analysis, the entities it touched, the story it
joined); ``apply_cross_article`` writes all of it at once, so a crash never leaves an article
stored but not linked or not assigned to a story.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsweave.records import Article, ArticleAnalysis, Entity, LinkEvidence
from newsweave.store import tables
from newsweave.store.rows import to_row


@dataclass(frozen=True)
class StoryGlance:
    """What the stories list shows of a story's dossier, stored beside it (``stories.glance``)
    so that listing 50 stories reads 50 small records instead of 50 whole dossiers."""

    facts: tuple[tuple[str, int], ...] = ()  # (status, number of facts), for each status found
    published: tuple[str | None, ...] = ()  # each source's publication date, in source order

    @classmethod
    def of(cls, dossier: Mapping[str, Any]) -> StoryGlance:
        """The glance of a dossier in its output-contract form."""
        statuses = Counter(f.get("status") for f in dossier.get("facts", ()))
        return cls(
            facts=tuple(sorted((s, n) for s, n in statuses.items() if isinstance(s, str))),
            published=tuple(s.get("published") for s in dossier.get("sources", ())),
        )

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> StoryGlance:
        return cls(tuple((s, int(n)) for s, n in raw["facts"]), tuple(raw["published"]))

    def as_dict(self) -> dict[str, Any]:
        return {"facts": [list(f) for f in self.facts], "published": list(self.published)}


@dataclass(frozen=True)
class StoryRow:
    """A story's listing data (its dossier is built and stored separately)."""

    id: str
    title: str
    first_published: str | None
    last_published: str | None
    outlets: tuple[str, ...]
    independent_outlets: int
    article_count: int
    members: tuple[tuple[str, str | None], ...] = ()  # (article key, key of its original or None)
    glance: StoryGlance | None = None  # as read back; None until the dossier is built


@dataclass(frozen=True)
class ArticleWrite:
    """Everything one new article changes, stored in one transaction."""

    analysis: ArticleAnalysis
    entities: Sequence[Entity] = ()  # entities the article created or changed
    evidence: Sequence[LinkEvidence] = ()  # the linking decisions made in the article
    stories: Sequence[StoryRow] = ()  # stories the article changed, with their whole membership
    removed_stories: Sequence[str] = ()  # story ids gone (renamed, merged or split away)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def insert_analysis(conn: Connection, analysis: ArticleAnalysis, article: Article) -> None:
    """The article row, every record found in it, and its search entries."""
    conn.execute(tables.articles.insert(), to_row(article, tables.articles, ingested_at=now()))
    for name, table in tables.ANALYSIS_TABLES.items():
        records = getattr(analysis, name)
        if records:
            rows = [to_row(r, table, article_key=article.key, seq=i) for i, r in enumerate(records)]
            conn.execute(table.insert(), rows)
    entries = [
        {
            "article_key": article.key,
            "kind": "article",
            "ref": article.id,
            "body": f"{article.title or ''}\n{article.text}",
        }
    ]
    entries += [
        {"article_key": article.key, "kind": "quote", "ref": str(i), "body": q.text}
        for i, q in enumerate(analysis.quotes)
    ]
    conn.execute(
        sa.text(
            "INSERT INTO search_index (article_key, kind, ref, body) "
            "VALUES (:article_key, :kind, :ref, :body)"
        ),
        entries,
    )


def apply_cross_article(conn: Connection, write: ArticleWrite, article: Article) -> None:
    """Entities, linking evidence, story membership and story rows touched by one article."""
    for entity in write.entities:
        conn.execute(tables.entities.delete().where(tables.entities.c.id == entity.id))
        conn.execute(
            tables.entities.insert(),
            {
                "id": entity.id,
                "name": entity.name,
                "kind": entity.kind,
                "aliases": list(entity.aliases),
                "roles": list(entity.roles),
                "attributes": dict(entity.attributes),
                "updated_at": now(),
            },
        )
    if write.evidence:
        table = tables.entity_evidence
        rows = [
            to_row(e, table, entity_id=e.entity, article_key=article.key, seq=i)
            for i, e in enumerate(write.evidence)
        ]
        conn.execute(table.insert(), rows)
    write_story_changes(conn, write.stories, write.removed_stories, new_key=article.key)


def write_story_changes(
    conn: Connection,
    changed: Sequence[StoryRow],
    removed: Sequence[str],
    *,
    new_key: str | None = None,
) -> None:
    """Story rows and their whole membership; ``new_key`` is the article joining right now."""
    stories, members = tables.stories, tables.story_members
    for old in removed:
        conn.execute(stories.delete().where(stories.c.id == old))
    for story in changed:
        upsert_story(conn, story)
        for key, original in story.members:
            values = {"story_id": story.id, "duplicate_of": original}
            if key == new_key:
                conn.execute(members.insert(), {"article_key": key, **values})
            else:
                conn.execute(members.update().where(members.c.article_key == key).values(**values))


def upsert_story(conn: Connection, story: StoryRow) -> None:
    """Write a story's listing data and mark its dossier stale (its members changed)."""
    stories = tables.stories
    values = {
        "title": story.title,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "outlets": list(story.outlets),
        "independent_outlets": story.independent_outlets,
        "article_count": story.article_count,
        "stale": True,
        "updated_at": now(),
    }
    updated = conn.execute(stories.update().where(stories.c.id == story.id).values(**values))
    if updated.rowcount == 0:
        conn.execute(stories.insert(), {"id": story.id, "dossier": None, **values})


class CrossArticleWrites:
    """What is written across articles outside an article's own transaction: stories that
    changed without a new article, and rebuilt dossiers. A mixin of ``Store``: it needs only
    ``self.engine``."""

    engine: Engine

    def save_page(self, story_id: str, page: bytes) -> None:
        """Store a story page's JSON twin (gzipped), built after its dossier was saved."""
        s = tables.stories
        with self.engine.begin() as conn:
            conn.execute(s.update().where(s.c.id == story_id).values(page=page))

    def write_stories(self, changed: Sequence[StoryRow], removed: Sequence[str]) -> None:
        """Story rows and memberships changed without a new article (a grouper that healed,
        or fragments swept into their stories)."""
        with self.engine.begin() as conn:
            write_story_changes(conn, changed, removed)

    def save_dossier(
        self, story_id: str, dossier: dict[str, Any], views: dict[str, Any] | None = None
    ) -> None:
        """Store a story's rebuilt dossier (with its glance and, when given, what its page
        shows beside it: ``export.views``) and mark it fresh."""
        s = tables.stories
        with self.engine.begin() as conn:
            conn.execute(
                s.update()
                .where(s.c.id == story_id)
                .values(
                    dossier=dossier,
                    glance=StoryGlance.of(dossier).as_dict(),
                    views=views,
                    page=None,  # the page of the dossier before: ``save_page`` writes the new
                    stale=False,
                    updated_at=now(),
                )
            )
