"""The encoding each article file was read with, and whether it was guessed; search rows
hold references (an article's id) of any length on PostgreSQL, as SQLite's always did.

Articles stored before this revision have no recorded encoding (they were read as UTF-8 or
by the detector alone).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("encoding", sa.String(32)))
        batch.add_column(
            sa.Column("encoding_guessed", sa.Boolean, nullable=False, server_default=sa.false())
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_index ALTER COLUMN ref TYPE TEXT")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_index ALTER COLUMN ref TYPE VARCHAR(64)")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("encoding_guessed")
        batch.drop_column("encoding")
