"""The story grouper's members in rows of their own.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "grouper_members",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, index=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("grouper_members")
