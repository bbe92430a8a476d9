"""Whether a clause states a claim of its own however short its sentence (``Clause.stands_alone``).

Clauses stored before this revision read as False: their dossiers cut a short sentence only
where they did before, until the article is analysed again.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clauses") as batch:
        batch.add_column(
            sa.Column("stands_alone", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("clauses") as batch:
        batch.drop_column("stands_alone")
