"""Reading what spans articles: canonical entities, stories and their dossiers, search.

A mixin of ``Store``: it needs only ``self.engine``. It only reads: what it reads is written
by ``writes.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsweave.records import Entity, Quote
from newsweave.store import tables
from newsweave.store.rows import from_row
from newsweave.store.writes import StoryGlance, StoryRow


class CrossArticleReads:
    engine: Engine

    # -- entities --------------------------------------------------------------------------

    def entities(self, *, kind: str | None = None) -> list[Entity]:
        query = sa.select(tables.entities).order_by(tables.entities.c.name)
        if kind:
            query = query.where(tables.entities.c.kind == kind)
        with self.engine.connect() as conn:
            return [_entity(row) for row in conn.execute(query)]

    def entity(self, entity_id: str) -> Entity | None:
        e = tables.entities
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(e).where(e.c.id == entity_id)).first()
        return _entity(row) if row is not None else None

    def entity_counts(self, ids: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
        """Entity id -> (mentions, articles), for every entity or for ``ids`` only (what one
        entity's page asks: counting every entity reads every mention in the store)."""
        m = tables.entity_mentions
        query = (
            sa.select(m.c.entity, sa.func.count(), sa.func.count(sa.distinct(m.c.article_key)))
            .where(m.c.entity.is_not(None) if ids is None else m.c.entity.in_(list(ids)))
            .group_by(m.c.entity)
        )
        with self.engine.connect() as conn:
            return {row[0]: (int(row[1]), int(row[2])) for row in conn.execute(query)}

    def story_entities(
        self, story_id: str, *, kind: str | None = None
    ) -> list[tuple[Entity, int, int]]:
        """The entities a story's articles name (of one ``kind``, or all), most named first,
        each with its number of mentions and of articles naming it."""
        m, em, e = tables.story_members, tables.entity_mentions, tables.entities
        mentions = sa.func.count().label("mentions")
        counted = (
            sa.select(
                em.c.entity, mentions, sa.func.count(sa.distinct(em.c.article_key)).label("n")
            )
            .join(m, m.c.article_key == em.c.article_key)
            .where(m.c.story_id == story_id, em.c.entity.is_not(None))
            .group_by(em.c.entity)
            .subquery()
        )
        query = (
            sa.select(e, counted.c.mentions, counted.c.n)
            .join(counted, counted.c.entity == e.c.id)
            .order_by(counted.c.mentions.desc(), e.c.name)
        )
        if kind is not None:
            query = query.where(e.c.kind == kind)
        with self.engine.connect() as conn:
            return [(_entity(row), int(row.mentions), int(row.n)) for row in conn.execute(query)]

    def entity_evidence(self, entity_id: str) -> list[dict[str, Any]]:
        """Every linking decision behind an entity, with the article it was made in."""
        ev, a = tables.entity_evidence, tables.articles
        query = (
            sa.select(ev, a.c.id.label("article"), a.c.published)
            .join(a, a.c.key == ev.c.article_key)
            .where(ev.c.entity_id == entity_id)
            .order_by(a.c.published.asc().nulls_last(), a.c.id, ev.c.seq)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def quotes_by(self, entity_id: str) -> list[tuple[str, str | None, Quote]]:
        """Everything a person said: (article id, published, quote), in date order."""
        q, a = tables.quotes, tables.articles
        query = (
            sa.select(q, a.c.id.label("article_id"), a.c.published.label("article_published"))
            .join(a, a.c.key == q.c.article_key)
            .where(q.c.speaker_entity == entity_id)
            .order_by(a.c.published.asc().nulls_last(), a.c.id, q.c.seq)
        )
        with self.engine.connect() as conn:
            return [
                (r.article_id, r.article_published, from_row(Quote, r)) for r in conn.execute(query)
            ]

    # -- stories ---------------------------------------------------------------------------

    def stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Stories, newest first, optionally filtered by date range, entity or outlet."""
        s, m, a = tables.stories, tables.story_members, tables.articles
        query = sa.select(*_listing())
        if since:
            query = query.where(s.c.last_published >= since)
        if until:
            query = query.where(s.c.first_published <= until)
        if entity or outlet:
            members = sa.select(m.c.story_id).join(a, a.c.key == m.c.article_key)
            if outlet:
                members = members.where(a.c.outlet == outlet)
            if entity:
                em = tables.entity_mentions
                members = members.join(em, em.c.article_key == a.c.key).where(em.c.entity == entity)
            query = query.where(s.c.id.in_(members))
        query = query.order_by(s.c.last_published.desc().nulls_last(), s.c.id)
        with self.engine.connect() as conn:
            return [_story(row) for row in conn.execute(query.offset(offset).limit(limit))]

    def story(self, story_id: str) -> StoryRow | None:
        s = tables.stories
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*_listing()).where(s.c.id == story_id)).first()
        return _story(row) if row is not None else None

    def dossier(self, story_id: str) -> dict[str, Any] | None:
        """The stored dossier of a story (output contract form), or ``None`` if not built."""
        s = tables.stories
        with self.engine.connect() as conn:
            value = conn.scalar(sa.select(s.c.dossier).where(s.c.id == story_id))
        return dict(value) if value else None

    def story_views(self, story_id: str) -> dict[str, Any] | None:
        """What the story page shows beside the stored dossier (``export.views``), or
        ``None`` if it was not stored with it."""
        s = tables.stories
        with self.engine.connect() as conn:
            value = conn.scalar(sa.select(s.c.views).where(s.c.id == story_id))
        return dict(value) if value else None

    def story_page_json(self, story_id: str) -> bytes | None:
        """The story page's JSON twin as stored with its dossier (gzipped), or ``None`` when
        there is none or the story changed since (``stale``)."""
        s = tables.stories
        query = sa.select(s.c.page).where(s.c.id == story_id, s.c.stale.is_(False))
        with self.engine.connect() as conn:
            value = conn.scalar(query)
        return bytes(value) if value else None

    def story_members(self, story_id: str) -> list[tuple[str, str | None]]:
        """(article key, key of its original or None) of a story's members, oldest first."""
        m, a = tables.story_members, tables.articles
        query = (
            sa.select(m.c.article_key, m.c.duplicate_of)
            .join(a, a.c.key == m.c.article_key)
            .where(m.c.story_id == story_id)
            .order_by(a.c.published.asc().nulls_last(), a.c.key)
        )
        with self.engine.connect() as conn:
            return [(row[0], row[1]) for row in conn.execute(query)]

    def stories_last_grew(self, story_ids: Sequence[str]) -> dict[str, dt.datetime]:
        """When each story last took in an article: its newest member's ingest time (UTC)."""
        m, a = tables.story_members, tables.articles
        query = (
            sa.select(m.c.story_id, sa.func.max(a.c.ingested_at))
            .join(a, a.c.key == m.c.article_key)
            .where(m.c.story_id.in_(list(story_ids)))
            .group_by(m.c.story_id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all() if story_ids else []
        return {story: _utc(moment) for story, moment in rows if moment is not None}

    def story_ids(self) -> set[str]:
        """The id of every stored story."""
        with self.engine.connect() as conn:
            return set(conn.scalars(sa.select(tables.stories.c.id)))

    def stories_of_articles(self) -> dict[str, str]:
        """Article key -> the id of its story, for every article in a story."""
        m = tables.story_members
        with self.engine.connect() as conn:
            return {
                key: story for key, story in conn.execute(sa.select(m.c.article_key, m.c.story_id))
            }

    def story_of(self, article_key: str) -> str | None:
        m = tables.story_members
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(m.c.story_id).where(m.c.article_key == article_key))

    def stale_stories(self) -> list[str]:
        s = tables.stories
        with self.engine.connect() as conn:
            return list(conn.scalars(sa.select(s.c.id).where(s.c.stale.is_(True)).order_by(s.c.id)))

    def story_member_keys(self) -> set[str]:
        """Keys of every article that belongs to a story."""
        with self.engine.connect() as conn:
            return set(conn.scalars(sa.select(tables.story_members.c.article_key)))

    # -- search ----------------------------------------------------------------------------

    def search(self, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over articles and quotes: FTS5 on SQLite, tsvector on PostgreSQL.

        On PostgreSQL the best ``limit`` are chosen among the newest ``SEARCH_WINDOW`` entries
        that match, so that a common word's ranking costs the same in a large archive as in a
        small one (finding its newest matches still reads the index entry of each).
        """
        words = re.findall(r"\w+", text)
        if not words:
            return []
        a = "JOIN articles a ON a.key = s.article_key"
        if self.engine.dialect.name == "sqlite":
            # Each word quoted: user input never reaches FTS5 query syntax.
            query = sa.text(
                "SELECT s.kind, s.ref, a.id AS article, a.title, a.published, "
                "snippet(search_index, 3, '[', ']', ' … ', 16) AS snippet "
                f"FROM search_index s {a} WHERE search_index MATCH :q ORDER BY rank LIMIT :n"
            )
            params: dict[str, Any] = {"q": " ".join(f'"{w}"' for w in words), "n": limit}
        else:
            longest = max(words, key=len).lower()  # where the snippet is taken from
            near = longest[: max(3, len(longest) - 2)]  # "evacuated": "evacuat"
            query = _RANKED_AMONG_NEWEST[near.isascii()]
            params = {"q": " ".join(words), "n": limit, "window": SEARCH_WINDOW, "near": near}
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query, params)]


#: How many of the newest matching entries PostgreSQL ranks: ranking every match of a common
#: word reads every matching entry, a cost that grows with the archive (``docs/scaling.md``).
SEARCH_WINDOW = 1000

# The newest matches by entry id: the GIN index finds every match and only those are sorted.
# ``s.id + 0`` keeps the planner from walking the id index back from the newest entry and testing
# each entry's tsvector: it expects a word's matches spread evenly, but a common word's are mostly
# whole articles among many more quotes, and it read some 20 entries for each match (44 of a
# search's 51 ms of PostgreSQL time at 10,000 articles, ``docs/benchmarks.md``). Then rank those,
# then the article and a snippet for the best only; equal scores newest first, so that the order
# does not depend on the plan. ts_headline parses the whole text it is given (over whole
# articles, three quarters of a search's time): it is given 400 characters around the first
# occurrence of the query's longest word (the start of the text if it is not there as written),
# and still marks every query word in them as the full-text search sees words.


def _ranked_among_newest(ascii_word: bool) -> sa.TextClause:
    """The search, its snippet's window found in the body lowered: when the word it is found by
    is ASCII, only the body's ASCII letters are lowered (``COLLATE "C"``), a third of the time
    of the locale's lowering over whole articles and the same position (but for the few other
    letters the locale lowers to ASCII ones, such as the Kelvin sign)."""
    lowered = 'lower(b.body COLLATE "C")' if ascii_word else "lower(b.body)"
    return sa.text(
        "WITH newest AS MATERIALIZED ("
        " SELECT s.id FROM search_index s, plainto_tsquery('english', :q) q"
        " WHERE s.tsv @@ q ORDER BY s.id + 0 DESC LIMIT :window),"
        " best AS MATERIALIZED ("
        " SELECT s.id, s.article_key, s.kind, s.ref, s.body, ts_rank(s.tsv, q) AS score"
        " FROM newest JOIN search_index s ON s.id = newest.id, plainto_tsquery('english', :q) q"
        " ORDER BY score DESC, s.id DESC LIMIT :n)"
        " SELECT b.kind, b.ref, a.id AS article, a.title, a.published,"
        f" ts_headline('english', substr(b.body, greatest(1, strpos({lowered}, :near) - 150), 400),"
        " q, 'StartSel=[,StopSel=],MaxWords=24') AS snippet"
        " FROM best b JOIN articles a ON a.key = b.article_key, plainto_tsquery('english', :q) q"
        " ORDER BY b.score DESC, b.id DESC"
    )


#: The search by whether the snippet's word is ASCII.
_RANKED_AMONG_NEWEST = {
    ascii_word: _ranked_among_newest(ascii_word) for ascii_word in (False, True)
}


def _entity(row: Any) -> Entity:
    return Entity(
        id=row.id,
        name=row.name,
        kind=row.kind,
        aliases=tuple(row.aliases),
        roles=tuple(row.roles),
        attributes=dict(row.attributes),
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes for what was written in UTC: say so."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _listing() -> list[sa.Column[Any]]:
    """The stories' columns but the dossier and its page: a listing never needs them."""
    return [c for c in tables.stories.c if c.name not in ("dossier", "views", "page")]


def _story(row: Any) -> StoryRow:
    return StoryRow(
        id=row.id,
        title=row.title,
        first_published=row.first_published,
        last_published=row.last_published,
        outlets=tuple(row.outlets),
        independent_outlets=row.independent_outlets,
        article_count=row.article_count,
        glance=StoryGlance.from_dict(row.glance) if row.glance else None,
    )
