"""The story grouper's vocabularies in rows of their own.

A state saved before this revision is split further: each vocabulary's keys and document
frequencies move to ``grouper_terms`` rows, and the record keeps the document count.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

# The stored form as of this revision (frozen, so a later format cannot change what it does).
from newsweave.store.migrations.state_v1 import decode as _decode
from newsweave.store.migrations.state_v1 import encode as _encode

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SPACES = ("terms", "entities", "details")


def upgrade() -> None:
    terms = op.create_table(
        "grouper_terms",
        sa.Column("space", sa.String(16), primary_key=True),
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("df", sa.Integer, nullable=False),
    )
    bind = op.get_bind()
    saved = bind.execute(sa.text("SELECT data FROM grouper_state WHERE name = 'stories'")).first()
    if saved is None:
        return
    state = _decode(saved[0])
    for name in SPACES:
        space = state.get(name)
        if not isinstance(space, dict) or "keys" not in space:
            continue
        rows = [
            {"space": name, "id": i, "key": key, "df": df}
            for i, (key, df) in enumerate(zip(space["keys"], space["df"], strict=True))
        ]
        for start in range(0, len(rows), 5000):
            op.bulk_insert(terms, rows[start : start + 5000])
        state[name] = {"documents": space["documents"]}
    _save(state)


def downgrade() -> None:
    bind = op.get_bind()
    saved = bind.execute(sa.text("SELECT data FROM grouper_state WHERE name = 'stories'")).first()
    if saved is not None:
        state = _decode(saved[0])
        for name in SPACES:
            space = state.get(name)
            if not isinstance(space, dict) or "keys" in space:
                continue
            query = sa.text("SELECT key, df FROM grouper_terms WHERE space = :s ORDER BY id")
            rows = bind.execute(query, {"s": name}).all()
            state[name] = {
                "keys": [row[0] for row in rows],
                "df": [row[1] for row in rows],
                "documents": space["documents"],
            }
        _save(state)
    op.drop_table("grouper_terms")


def _save(state: dict[str, Any]) -> None:
    op.get_bind().execute(
        sa.text("UPDATE grouper_state SET data = :data WHERE name = 'stories'"),
        {"data": _encode(state)},
    )
