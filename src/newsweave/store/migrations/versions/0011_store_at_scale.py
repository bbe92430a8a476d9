"""What keeps reading a large store flat (``bench/store_scale.py``, ``docs/scaling.md``).

- ``stories.glance``: what the stories list shows of a dossier (fact counts by status, the
  sources' dates), so that a page of 50 stories no longer reads 50 whole dossiers. Filled here
  for every dossier already built.
- ``articles_key_prefix`` (PostgreSQL): an article asked for by the start of its key is found
  through an index; ``LIKE 'abc%'`` cannot use the primary key under a non-C collation.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("glance", sa.JSON))
    _fill_glances()
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "articles_key_prefix",
            "articles",
            ["key"],
            postgresql_ops={"key": "varchar_pattern_ops"},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("articles_key_prefix", table_name="articles")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("glance")


def _fill_glances() -> None:
    """The glance of every dossier already built, a hundred stories at a time."""
    bind = op.get_bind()
    stories = sa.table("stories", sa.column("id"), sa.column("dossier", sa.JSON))
    glance = sa.table("stories", sa.column("id"), sa.column("glance", sa.JSON))
    ids = list(bind.scalars(sa.select(stories.c.id).where(stories.c.dossier.is_not(None))))
    for start in range(0, len(ids), 100):
        query = sa.select(stories.c.id, stories.c.dossier).where(
            stories.c.id.in_(ids[start : start + 100])
        )
        for story_id, dossier in bind.execute(query).all():
            if dossier:  # not yet built: JSON null
                values = {"glance": _glance(dossier)}
                bind.execute(glance.update().where(glance.c.id == story_id).values(**values))


def _glance(dossier: dict[str, Any]) -> dict[str, Any]:
    """``StoryGlance.of(dossier).as_dict()`` as of this revision (frozen here, so that a later
    change to the glance cannot change what this migration wrote)."""
    statuses = Counter(f.get("status") for f in dossier.get("facts", ()))
    return {
        "facts": sorted([s, n] for s, n in statuses.items() if isinstance(s, str)),
        "published": [s.get("published") for s in dossier.get("sources", ())],
    }
