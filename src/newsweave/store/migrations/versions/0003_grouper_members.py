"""The story grouper's members in rows of their own.

A state saved as one record before this revision is split: its members move to rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The stored form as of this revision (frozen, so a later format cannot change what it does).
from newsweave.store.migrations.state_v1 import decode as _decode
from newsweave.store.migrations.state_v1 import encode as _encode

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
    state = _decode(saved[0])
    rows = [
        {"key": raw["key"], "seq": seq, "data": _encode(raw)}
        for seq, raw in enumerate(state.pop("members", []))
    ]
    if rows:
        op.bulk_insert(members, rows)
    bind.execute(
        sa.text("UPDATE grouper_state SET data = :data WHERE name = 'stories'"),
        {"data": _encode(state)},
    )


def downgrade() -> None:
    bind = op.get_bind()
    saved = bind.execute(sa.text("SELECT data FROM grouper_state WHERE name = 'stories'")).first()
    if saved is not None:
        state = _decode(saved[0])
        rows = bind.execute(sa.text("SELECT data FROM grouper_members ORDER BY seq"))
        state["members"] = [_decode(row[0]) for row in rows]
        bind.execute(
            sa.text("UPDATE grouper_state SET data = :data WHERE name = 'stories'"),
            {"data": _encode(state)},
        )
    op.drop_table("grouper_members")
