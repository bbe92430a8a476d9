"""A story page's JSON twin, gzipped, stored with its dossier (``stories.page``).

Rendered when the dossier is rebuilt and served as stored while the story is not stale
(``pipeline/pages.py``). Stories whose dossier was saved before this revision have none: their
page is built at each request, as before, until the dossier is rebuilt.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("page", sa.LargeBinary))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("page")
