"""What ``newsweave watch`` remembers of each feed between rounds (a mixin of ``Store``).

A feed's row holds its HTTP validators and its health; its entries' rows say which entries
were stored, by a digest of their feed text. Both are written in one transaction after a
feed's articles are committed, so a round cut short (Ctrl-C, kill -9) is repeated from the
last complete state: the articles it did store are then found as duplicates by their key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsweave.store import tables
from newsweave.store.writes import now

__all__ = ["FeedEntry", "FeedState", "FeedStore"]


@dataclass(frozen=True)
class FeedState:
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_success: dt.datetime | None = None
    last_error: str | None = None
    last_error_at: dt.datetime | None = None
    failures: int = 0
    retry_after: dt.datetime | None = None
    entries_stored: int = 0


@dataclass(frozen=True)
class FeedEntry:
    entry_id: str
    digest: str  # of the entry's feed text: a change means a new version to fetch
    article_key: str | None  # the article stored for it


class FeedStore:
    engine: Engine

    def feed_states(self) -> list[FeedState]:
        """Every watched feed, by URL."""
        f = tables.feeds
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(f).order_by(f.c.url)).mappings()
            return [_aware(FeedState(**row)) for row in rows]

    def feed_state(self, url: str) -> FeedState | None:
        f = tables.feeds
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(f).where(f.c.url == url)).mappings().first()
        return _aware(FeedState(**row)) if row is not None else None

    def feed_entries(self, url: str) -> dict[str, str]:
        """The feed's stored entries: entry id -> digest of its feed text."""
        e = tables.feed_entries
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(e.c.entry_id, e.c.digest).where(e.c.feed_url == url))
            return {row.entry_id: row.digest for row in rows}

    def save_feed(self, state: FeedState, entries: Iterable[FeedEntry] = ()) -> None:
        """The feed's state and its newly stored entries, in one transaction."""
        with self.engine.begin() as conn:
            _upsert(conn, tables.feeds, {"url": state.url}, asdict(state))
            for entry in entries:
                key = {"feed_url": state.url, "entry_id": entry.entry_id}
                values = {"digest": entry.digest, "article_key": entry.article_key}
                _upsert(conn, tables.feed_entries, key, {**key, **values, "seen_at": now()})


def _upsert(
    conn: Connection, table: sa.Table, key: dict[str, str], values: dict[str, object]
) -> None:
    where = sa.and_(*(table.c[name] == value for name, value in key.items()))
    if conn.execute(table.update().where(where).values(**values)).rowcount == 0:
        conn.execute(table.insert().values(**values))


def _aware(state: FeedState) -> FeedState:
    """SQLite returns naive datetimes for what was written in UTC: say so."""
    fixed = {
        name: value.replace(tzinfo=dt.UTC)
        for name, value in asdict(state).items()
        if isinstance(value, dt.datetime) and value.tzinfo is None
    }
    return FeedState(**{**asdict(state), **fixed}) if fixed else state
