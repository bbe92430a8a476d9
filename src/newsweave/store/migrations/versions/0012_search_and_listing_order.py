"""What keeps search and the stories list flat on a large PostgreSQL store
(``bench/store_scale.py``, ``docs/scaling.md``). SQLite is unchanged.

- ``search_index.id``: the entries numbered in the order they were stored, so that search ranks
  the newest matches of a common word instead of every one of them. Entries already stored are
  numbered in the order the table holds them, close to the order they were written.
- ``stories_listing``: the stories in the order they are listed (newest first, undated last),
  so that a page of them is read from an index instead of sorting every story. SQLite cannot
  declare ``NULLS LAST`` in an index.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE search_index ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        )
        op.execute("CREATE INDEX stories_listing ON stories (last_published DESC NULLS LAST, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("stories_listing", table_name="stories")
        op.execute("ALTER TABLE search_index DROP COLUMN id")
