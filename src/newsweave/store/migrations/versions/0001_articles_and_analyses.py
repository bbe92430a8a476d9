"""Articles and what the per-article analysis finds in them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _span(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_start", sa.Integer),
        sa.Column(f"{prefix}_end", sa.Integer),
        sa.Column(f"{prefix}_text", sa.Text),
    ]


def _owned(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column(
            "article_key",
            sa.String(32),
            sa.ForeignKey("articles.key", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *columns,
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(512), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("published_evidence", sa.Text),
        sa.Column("outlet", sa.String(512), index=True),
        sa.Column("outlet_inferred", sa.Boolean, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    _owned("sentences")
    _owned(
        "entity_mentions",
        sa.Column("label", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(64), index=True),
        sa.Column("name", sa.Text),
        sa.Column("role", sa.Text),
    )
    _owned(
        "quotes",
        sa.Column("kind", sa.String(16), nullable=False),
        *_span("speaker"),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_entity", sa.String(64), index=True),
        *_span("cue"),
        *_span("channel"),
    )
    _owned(
        "times",
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64)),
        sa.Column("mod", sa.String(16)),
    )
    _owned("amounts", sa.Column("value", sa.Float), sa.Column("unit", sa.Text))
    _owned(
        "events",
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("code", sa.String(32), index=True),
        *_span("actor"),
        *_span("target"),
        sa.Column("time", sa.String(64)),
        *_span("place"),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(32)),
    )


def downgrade() -> None:
    for name in (
        "events",
        "amounts",
        "times",
        "quotes",
        "entity_mentions",
        "sentences",
        "articles",
    ):
        op.drop_table(name)
