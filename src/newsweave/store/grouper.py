"""The story grouper's saved state: members and vocabularies in rows, the rest in a record.

A mixin of ``Store``: it needs only ``self.engine``. Members (one row each, their vectors and
MinHash signature) and vocabulary keys (one row each, with the document frequency) are written
per batch as they change; the settings and story lists are one compressed JSON record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsweave.store import tables

# The grouper's state is stored in format 1 (see ``state_v1``).
from newsweave.store.migrations.state_v1 import decode as decode_state
from newsweave.store.migrations.state_v1 import encode as encode_state
from newsweave.store.writes import now

__all__ = ["GrouperState", "decode_state", "encode_state"]

T = TypeVar("T")


class GrouperState:
    engine: Engine

    def grouper_state(self) -> dict[str, Any] | None:
        """The story grouper's saved state, or ``None`` before the first story.

        Reassembled whole from its rows: the members in arrival order and each vocabulary as
        ``{"keys", "df", "documents"}``.
        """
        g, m = tables.grouper_state, tables.grouper_members
        with self.engine.connect() as conn:
            data = conn.scalar(sa.select(g.c.data).where(g.c.name == "stories"))
            if data is None:
                return None
            state = decode_state(data)
            rows = conn.scalars(sa.select(m.c.data).order_by(m.c.seq))
            state["members"] = [decode_state(row) for row in rows]
            for name in _SPACES:
                space = state.get(name)
                if isinstance(space, dict) and "keys" not in space:
                    state[name] = {**_vocabulary(conn, name), "documents": space["documents"]}
        return state

    def save_grouper_state(self, state: dict[str, Any], *, partial: bool = False) -> None:
        """Save the story grouper's state in one transaction.

        ``state["members"]`` (dicts with a ``"key"``, in arrival order) are kept in rows of
        their own, each vocabulary (``"terms"``, ``"entities"``, ``"details"``) in rows of one
        key each, the rest (settings, story lists) in one record. With ``partial``,
        ``state["members"]`` holds only the members added or changed since the last save, and
        a vocabulary given as ``{"ids", "keys", "df", "documents"}`` only its new or changed
        entries: those rows are written (new members after the others) and the rest stay, so a
        batch writes what it changed rather than the whole archive. Without ``partial``, the
        members and vocabularies replace all rows.
        """
        g, m, t = tables.grouper_state, tables.grouper_members, tables.grouper_terms
        header = {k: v for k, v in state.items() if k != "members"}
        vocabularies = {}
        for name in _SPACES:
            space = header.get(name)
            if isinstance(space, dict) and "keys" in space:
                vocabularies[name] = space
                header[name] = {"documents": space["documents"]}
        members = list(state.get("members", ()))
        with self.engine.begin() as conn:
            if not partial:
                conn.execute(m.delete())
                conn.execute(t.delete())
            last = conn.scalar(sa.select(sa.func.max(m.c.seq)))
            next_seq = -1 if last is None else int(last)
            for chunk in _chunks(members, 500):
                keys = [raw["key"] for raw in chunk]
                query = sa.select(m.c.key, m.c.seq).where(m.c.key.in_(keys))
                known = {key: seq for key, seq in conn.execute(query)}
                rows = []
                for raw in chunk:
                    if raw["key"] not in known:
                        next_seq += 1
                    seq = known.get(raw["key"], next_seq)
                    rows.append({"key": raw["key"], "seq": seq, "data": encode_state(raw)})
                conn.execute(m.delete().where(m.c.key.in_(keys)))
                conn.execute(m.insert(), rows)
            for name, space in vocabularies.items():
                _write_vocabulary(conn, name, space)
            conn.execute(g.delete().where(g.c.name == "stories"))
            conn.execute(
                g.insert(), {"name": "stories", "data": encode_state(header), "updated_at": now()}
            )


_SPACES = ("terms", "entities", "details")  # the grouper's vocabularies


def _write_vocabulary(conn: sa.Connection, name: str, space: dict[str, Any]) -> None:
    """Write the entries of one vocabulary: upsert those of ``space["ids"]``, or replace all
    of its rows when it has no ``"ids"``."""
    t = tables.grouper_terms
    ids = space.get("ids")
    rows = [
        {"space": name, "id": i, "key": key, "df": df}
        for i, key, df in zip(
            range(len(space["keys"])) if ids is None else ids,
            space["keys"],
            space["df"],
            strict=True,
        )
    ]
    if ids is None:
        conn.execute(t.delete().where(t.c.space == name))
        for chunk in _chunks(rows, 5000):
            conn.execute(t.insert(), chunk)
    elif rows:
        # One statement for the batch, the same on SQLite (3.24+) and PostgreSQL: a batch
        # counts thousands of keys again, and a delete-then-insert per chunk costs twice that.
        conn.execute(_UPSERT_TERM, rows)


_UPSERT_TERM = sa.text(
    "INSERT INTO grouper_terms (space, id, key, df) VALUES (:space, :id, :key, :df) "
    "ON CONFLICT (space, id) DO UPDATE SET key = excluded.key, df = excluded.df"
)


def _vocabulary(conn: sa.Connection, name: str) -> dict[str, list[Any]]:
    """One vocabulary's keys and document frequencies, in id order."""
    t = tables.grouper_terms
    query = sa.select(t.c.id, t.c.key, t.c.df).where(t.c.space == name).order_by(t.c.id)
    keys: list[str] = []
    df: list[int] = []
    for i, key, count in conn.execute(query):
        if i != len(keys):
            raise ValueError(f"the grouper's {name} vocabulary lacks id {len(keys)}")
        keys.append(key)
        df.append(count)
    return {"keys": keys, "df": df}


def _chunks(rows: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
