"""What a story page shows beside its dossier, stored with it (``stories.views``).

The matrix of sources and facts and the coverage are computed from the dossier alone; built
for every request they were most of a story page's cost. Stories whose dossier was saved
before this revision have none: their page computes them, as before, until the dossier is
rebuilt.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("views", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("views")
