"""The feeds ``newsweave watch`` polls and the entries it has seen.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_success", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime(timezone=True)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("retry_after", sa.DateTime(timezone=True)),
        sa.Column("entries_stored", sa.Integer, nullable=False),
    )
    op.create_table(
        "feed_entries",
        sa.Column(
            "feed_url",
            sa.String(2048),
            sa.ForeignKey("feeds.url", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("entry_id", sa.String(512), primary_key=True),
        sa.Column("digest", sa.String(32), nullable=False),
        sa.Column("article_key", sa.String(32)),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
