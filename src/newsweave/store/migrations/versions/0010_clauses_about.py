"""The noun phrase a participial phrase tells about (``Clause.about``).

Clauses stored before this revision read as no such phrase: their dossiers compare a sentence
that carries a participial phrase as one claim, as before, until the article is analysed again.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clauses") as batch:
        batch.add_column(sa.Column("about", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("clauses") as batch:
        batch.drop_column("about")
