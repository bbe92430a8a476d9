"""The story grouper's saved state in the database: the one place that lays a ``GrouperState``
out in rows and reads it back.

A mixin of ``Store``: it needs only ``self.engine``. Members (one row each, their vectors and
MinHash signature) and vocabulary keys (one row each, with the document frequency) are written
per batch as they change; the rest is one compressed JSON record, the header: ``{"version",
"settings", "next_number", "latest", "since_sweep", "terms", "entities", "details" (each
``{"documents"}``), "stories": [{"number", "members", "settled"}]}``. A member row holds the
fields of a ``SavedMember``.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsweave.store import tables

# The grouper's state is stored in format 1 (see ``state_v1``).
from newsweave.store.migrations.state_v1 import decode as decode_state
from newsweave.store.migrations.state_v1 import encode as encode_state
from newsweave.store.writes import now

if TYPE_CHECKING:
    from newsweave.stories.state import GrouperState, SavedMember, SavedVocabulary

__all__ = ["GrouperStore", "decode_state", "encode_state", "stored_state"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class GrouperStore:
    engine: Engine

    def grouper_state(self) -> GrouperState | None:
        """The story grouper's saved state, whole; ``None`` before the first story, or when
        another version of the grouper saved it (its stories are then rebuilt)."""
        with self.engine.connect() as conn:
            header = _stored_header(conn)
            return _state(header, _stored_members(conn)) if header is not None else None

    def save_grouper_state(self, state: GrouperState) -> None:
        """Save the story grouper's state in one transaction.

        A whole state replaces every row. A partial one (``state.partial``) writes only the
        members and vocabulary entries it holds (a new member after the others, a changed one
        in its place) and leaves the other rows as they are, so that a batch writes what it
        changed rather than the whole archive.
        """
        g, m, t = tables.grouper_state, tables.grouper_members, tables.grouper_terms
        with self.engine.begin() as conn:
            if not state.partial:
                conn.execute(m.delete())
                conn.execute(t.delete())
            last = conn.scalar(sa.select(sa.func.max(m.c.seq)))
            next_seq = -1 if last is None else int(last)
            for chunk in _chunks(list(state.members), 500):
                keys = [member.key for member in chunk]
                query = sa.select(m.c.key, m.c.seq).where(m.c.key.in_(keys))
                known = {key: seq for key, seq in conn.execute(query)}
                rows = []
                for member in chunk:
                    if member.key not in known:
                        next_seq += 1
                    seq = known.get(member.key, next_seq)
                    rows.append({"key": member.key, "seq": seq, "data": _member_data(member)})
                conn.execute(m.delete().where(m.c.key.in_(keys)))
                conn.execute(m.insert(), rows)
            for name, vocabulary in state.vocabularies().items():
                _write_vocabulary(conn, name, vocabulary)
            conn.execute(g.delete().where(g.c.name == "stories"))
            conn.execute(
                g.insert(),
                {"name": "stories", "data": encode_state(_header(state)), "updated_at": now()},
            )


def stored_state(conn: sa.Connection) -> dict[str, Any] | None:
    """The saved state as stored, whatever its version, reassembled whole from its rows: the
    header with ``"members"`` (in arrival order) and each vocabulary as ``{"keys", "df",
    "documents"}``; ``None`` before the first save."""
    header = _stored_header(conn)
    return {**header, "members": list(_stored_members(conn))} if header is not None else None


def _stored_header(conn: sa.Connection) -> dict[str, Any] | None:
    """The header, each vocabulary's keys read back into it from their rows."""
    g = tables.grouper_state
    data = conn.scalar(sa.select(g.c.data).where(g.c.name == "stories"))
    if data is None:
        return None
    header = decode_state(data)
    for name in _SPACES:
        space = header.get(name)
        if isinstance(space, dict) and "keys" not in space:
            header[name] = {**_vocabulary(conn, name), "documents": space["documents"]}
    return header


def _stored_members(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    """The member rows, in arrival order."""
    m = tables.grouper_members
    for row in conn.scalars(sa.select(m.c.data).order_by(m.c.seq)):
        yield decode_state(row)


_SPACES = ("terms", "entities", "details")  # the grouper's vocabularies


def _header(state: GrouperState) -> dict[str, Any]:
    """What the one record holds: everything but the members and the vocabularies' keys."""
    return {
        "version": state.version,
        "settings": dataclasses.asdict(state.settings),
        "next_number": state.next_number,
        "latest": state.latest,
        "since_sweep": state.since_sweep,
        **{name: {"documents": v.documents} for name, v in state.vocabularies().items()},
        "stories": [
            {"number": s.number, "members": list(s.members), "settled": s.settled}
            for s in state.stories
        ],
    }


def _member_data(member: SavedMember) -> bytes:
    record: Any = type(member)  # a class is hashable; the type checker cannot see it of type[...]
    return encode_state({name: getattr(member, name) for name in _field_names(record)})


@functools.cache
def _field_names(record: Any) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record))


def _state(stored: dict[str, Any], members: Iterable[dict[str, Any]]) -> GrouperState | None:
    """The record of a stored header and its members; ``None`` for another version's."""
    # Loaded here, not with the store: a store opened to read stories need not load the
    # grouper's libraries (datasketch, scipy, wordfreq take seconds).
    from newsweave.stories import state as saved
    from newsweave.stories.model import Settings

    if stored.get("version") != saved.STATE_VERSION:
        log.info(
            "the saved story state is of version %r, not %d: not loaded",
            stored.get("version"),
            saved.STATE_VERSION,
        )
        return None

    def vocabulary(raw: dict[str, Any]) -> SavedVocabulary:
        return saved.SavedVocabulary(tuple(raw["keys"]), tuple(raw["df"]), int(raw["documents"]))

    return saved.GrouperState(
        settings=Settings(**stored["settings"]),
        next_number=int(stored["next_number"]),
        latest=stored.get("latest"),
        since_sweep=int(stored.get("since_sweep", 0)),  # absent before: a sweep's phase was lost
        terms=vocabulary(stored["terms"]),
        entities=vocabulary(stored["entities"]),
        details=vocabulary(stored["details"]),
        members=tuple(_member(raw, saved.SavedMember) for raw in members),
        stories=tuple(
            saved.SavedStory(int(raw["number"]), tuple(raw["members"]), bool(raw.get("settled")))
            for raw in stored["stories"]
        ),
        version=int(stored["version"]),
    )


def _member(raw: dict[str, Any], record: type[SavedMember]) -> SavedMember:
    # In field order, positionally: a store loads thousands of members at once.
    return record(
        raw["key"],
        raw["id"],
        raw["story"],
        raw["published"],
        raw["outlet"],
        raw["title"],
        raw["duplicate_of"],
        raw.get("date_inferred", False),
        tuple(raw["places"]),
        tuple(raw["index_keys"]),
        raw["embedding"],
        raw["term_ids"],
        raw["term_weights"],
        raw["entity_ids"],
        raw["entity_weights"],
        raw["detail_ids"],
        raw["detail_weights"],
        raw["signature"],
    )


def _write_vocabulary(conn: sa.Connection, name: str, vocabulary: SavedVocabulary) -> None:
    """Write the entries of one vocabulary: upsert those of a partial one, or replace all of
    its rows with a whole one."""
    t = tables.grouper_terms
    ids = vocabulary.ids
    rows = [
        {"space": name, "id": i, "key": key, "df": df}
        for i, key, df in zip(
            range(len(vocabulary.keys)) if ids is None else ids,
            vocabulary.keys,
            vocabulary.df,
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
