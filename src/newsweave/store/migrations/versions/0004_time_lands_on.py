"""The day a narrative offset lands on ("three days later"), beside the time's TIMEX3 value.

Rows stored before this revision keep ``lands_on`` empty until their article is analysed again.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("times") as batch:
        batch.add_column(sa.Column("lands_on", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("times") as batch:
        batch.drop_column("lands_on")
