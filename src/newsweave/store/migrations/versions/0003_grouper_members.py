"""The story grouper's members in rows of their own.

A state saved as one record before this revision is split: its members move to rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import sqlalchemy as sa
from alembic import op

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


# The stored form as of this revision (zlib-compressed JSON, bytes as {"$b64": ...}), copied
# here so that a later change of format cannot change what this revision does.
def _encode(state: dict[str, Any]) -> bytes:
    def bytes_as_text(value: object) -> object:
        if isinstance(value, bytes):
            return {"$b64": base64.b64encode(value).decode("ascii")}
        raise TypeError(f"cannot store {type(value).__name__}")

    return zlib.compress(json.dumps(state, default=bytes_as_text).encode("utf-8"))


def _decode(data: bytes) -> dict[str, Any]:
    def text_as_bytes(obj: dict[str, Any]) -> object:
        return base64.b64decode(obj["$b64"]) if obj.keys() == {"$b64"} else obj

    state: dict[str, Any] = json.loads(zlib.decompress(data), object_hook=text_as_bytes)
    return state
