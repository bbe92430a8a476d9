"""Canonical entities, stories with their dossiers, and full-text search.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_key() -> sa.Column:
    return sa.Column(
        "article_key",
        sa.String(32),
        sa.ForeignKey("articles.key", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    with op.batch_alter_table("times") as batch:
        batch.add_column(sa.Column("relative", sa.String(64)))
    op.create_table(
        "entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("attributes", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "entity_evidence",
        _article_key(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.String(64), nullable=False, index=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_published", sa.String(10), index=True),
        sa.Column("last_published", sa.String(10), index=True),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("independent_outlets", sa.Integer, nullable=False),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("dossier", sa.JSON),
        sa.Column("stale", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "story_members",
        _article_key(),
        sa.Column("story_id", sa.String(64), nullable=False, index=True),
        sa.Column("duplicate_of", sa.String(32)),
    )
    op.create_table(
        "grouper_state",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    _create_search_index()


def _create_search_index() -> None:
    """Full-text search: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "article_key UNINDEXED, kind UNINDEXED, ref UNINDEXED, body, "
            "tokenize='porter unicode61')"
        )
    else:
        op.execute(
            "CREATE TABLE search_index (article_key VARCHAR(32) NOT NULL "
            "REFERENCES articles(key) ON DELETE CASCADE, kind VARCHAR(16) NOT NULL, "
            "ref VARCHAR(64) NOT NULL, body TEXT NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"
        )
        op.execute("CREATE INDEX search_index_tsv ON search_index USING GIN (tsv)")
        op.execute("CREATE INDEX search_index_article ON search_index (article_key)")


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    for name in ("grouper_state", "story_members", "stories", "entity_evidence", "entities"):
        op.drop_table(name)
    with op.batch_alter_table("times") as batch:
        batch.drop_column("relative")
