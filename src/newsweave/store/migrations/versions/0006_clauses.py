"""Clauses: the spans of each sentence that can carry one claim (``analyse/clauses.py``).

Articles stored before this revision have no clause rows until they are analysed again; their
dossiers cut sentences into claims by punctuation alone, as before.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clauses",
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
    )


def downgrade() -> None:
    op.drop_table("clauses")
