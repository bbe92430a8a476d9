"""The story grouper's members in rows of their own.

A state saved as one record before this revision is split: its members move to rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newsweave.store.reads import decode_state, encode_state

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    members = op.create_table(
        "grouper_members",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, index=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    bind = op.get_bind()
    saved = bind.execute(sa.text("SELECT data FROM grouper_state WHERE name = 'stories'")).first()
    if saved is None:
        return
    state = decode_state(saved[0])
    rows = [
        {"key": raw["key"], "seq": seq, "data": encode_state(raw)}
        for seq, raw in enumerate(state.pop("members", []))
    ]
    if rows:
        op.bulk_insert(members, rows)
    bind.execute(
        sa.text("UPDATE grouper_state SET data = :data WHERE name = 'stories'"),
        {"data": encode_state(state)},
    )


def downgrade() -> None:
    op.drop_table("grouper_members")
