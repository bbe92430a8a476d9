"""The schema, in SQLAlchemy Core. One table per record type; spans as start/end/text columns.

Nested spans (a quote's speaker, cue and channel) are flattened into prefixed columns
(``speaker_start``, ``speaker_text``, ...). Changing a table needs a new Alembic migration
in ``migrations/versions``; ``tests/test_store.py`` checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _span(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_start", Integer),
        Column(f"{prefix}_end", Integer),
        Column(f"{prefix}_text", Text),
    ]


def _owned(name: str, *columns: Column) -> Table:
    """A table of records found in one article, in the order they were found."""
    return Table(
        name,
        metadata,
        Column(
            "article_key",
            String(32),
            ForeignKey("articles.key", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("seq", Integer, primary_key=True),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        *columns,
    )


articles = Table(
    "articles",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("id", String(512), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("published", String(10), index=True),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("published_evidence", Text),
    Column("outlet", String(512), index=True),
    Column("outlet_inferred", Boolean, nullable=False, default=False),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("encoding", String(32)),
    Column("encoding_guessed", Boolean, nullable=False, default=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
# On PostgreSQL only, migration 0011 adds ``articles_key_prefix`` (the key with pattern
# operators): ``LIKE 'abc%'`` (``Store.article``) cannot use the primary key under a collation
# other than C. Like ``search_index``, it is written in the migration alone; so is
# ``stories_listing`` below.

sentences = _owned("sentences")
clauses = _owned(
    "clauses",
    Column("stands_alone", Boolean, nullable=False, default=False),
    Column("about", Text, nullable=False, default=""),
)

entity_mentions = _owned(
    "entity_mentions",
    Column("label", String(32), nullable=False),
    Column("entity", String(64), index=True),
    Column("name", Text),
    Column("role", Text),
)

quotes = _owned(
    "quotes",
    Column("kind", String(16), nullable=False),
    *_span("speaker"),
    Column("speaker_name", Text),
    Column("speaker_entity", String(64), index=True),
    *_span("cue"),
    *_span("channel"),
)

times = _owned(
    "times",
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("mod", String(16)),
    Column("relative", String(64)),
    Column("lands_on", String(16)),
)

amounts = _owned(
    "amounts",
    Column("value", Float),
    Column("unit", Text),
)

events = _owned(
    "events",
    Column("action", Text, nullable=False),
    Column("code", String(32), index=True),
    *_span("actor"),
    *_span("target"),
    Column("time", String(64)),
    *_span("place"),
    Column("negated", Boolean, nullable=False, default=False),
    Column("modality", String(32)),
)

# -- across articles -------------------------------------------------------------------------

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False, index=True),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("attributes", JSON, nullable=False),  # gazetteer data and the linker's own state
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Why mentions were put into an entity: one row per linking decision.
entity_evidence = Table(
    "entity_evidence",
    metadata,
    Column(
        "article_key", String(32), ForeignKey("articles.key", ondelete="CASCADE"), primary_key=True
    ),
    Column("seq", Integer, primary_key=True),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("detail", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_published", String(10), index=True),
    Column("last_published", String(10), index=True),
    Column("outlets", JSON, nullable=False),
    Column("independent_outlets", Integer, nullable=False),
    Column("article_count", Integer, nullable=False),
    Column("dossier", JSON),  # the story's dossier as in the output contract; null until built
    Column("glance", JSON),  # what the stories list shows of the dossier (``StoryGlance``)
    Column("views", JSON),  # what the story page shows beside it (``export.views``)
    Column("page", LargeBinary),  # the story page's JSON twin, gzipped (``pipeline.pages``)
    Column("stale", Boolean, nullable=False),  # members changed since the dossier was built
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# On PostgreSQL, migration 0012 adds ``stories_listing``: (last_published DESC NULLS LAST, id),
# the order ``Store.stories`` lists them in, so that a page is read off an index.

story_members = Table(
    "story_members",
    metadata,
    Column(
        "article_key", String(32), ForeignKey("articles.key", ondelete="CASCADE"), primary_key=True
    ),
    Column("story_id", String(64), nullable=False, index=True),
    Column("duplicate_of", String(32)),  # key of the original when this is a near-duplicate
)

# The online story grouper's state, saved after each batch (see pipeline/incremental.py).
grouper_state = Table(
    "grouper_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("data", LargeBinary, nullable=False),  # zlib-compressed JSON
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# One row per article the grouper holds (its vectors and signature, compressed JSON), so that
# a batch writes the members it added or moved, not the whole archive.
grouper_members = Table(
    "grouper_members",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # arrival order
    Column("data", LargeBinary, nullable=False),
)

# The grouper's vocabularies (terms, entities, details), one row per key with its document
# frequency, so that a batch writes the keys it added or counted again, not every key.
grouper_terms = Table(
    "grouper_terms",
    metadata,
    Column("space", String(16), primary_key=True),
    Column("id", Integer, primary_key=True, autoincrement=False),  # the key's vector index
    Column("key", Text, nullable=False),
    Column("df", Integer, nullable=False),  # documents holding the key
)

# The feeds ``newsweave watch`` polls: what the last round learnt, so that a restart resumes
# with conditional requests and without fetching a page twice.
feeds = Table(
    "feeds",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("title", Text),
    Column("etag", Text),  # validators of the last feed body whose entries were all stored
    Column("last_modified", Text),
    Column("last_success", DateTime(timezone=True)),
    Column("last_error", Text),  # one line; null once a round succeeds again
    Column("last_error_at", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False),  # rounds failed in a row
    Column("retry_after", DateTime(timezone=True)),  # the server asked not to be asked before
    Column("entries_stored", Integer, nullable=False),
)

# Each feed entry seen, with a digest of the feed's text of it: an unchanged entry is not
# fetched again; a changed one is, and its new version stored once.
feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", String(2048), ForeignKey("feeds.url", ondelete="CASCADE"), primary_key=True),
    Column("entry_id", String(512), primary_key=True),
    Column("digest", String(32), nullable=False),
    Column("article_key", String(32)),  # the article stored for its latest version
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

#: ArticleAnalysis field -> the table its records go to.
ANALYSIS_TABLES: dict[str, Table] = {
    "sentences": sentences,
    "entities": entity_mentions,
    "quotes": quotes,
    "times": times,
    "amounts": amounts,
    "events": events,
    "clauses": clauses,
}

__all__ = ["ANALYSIS_TABLES", "articles", "entities", "metadata", "stories"]
