"""One writer at a time per store.

Two processes writing one store at once would each resume the story grouper from the same
saved state and save over each other's stories. A writer therefore holds the store's lock for
its whole run: for SQLite, a lock file beside the database (``news.db.lock``); for PostgreSQL,
a session advisory lock held on a connection of its own. A second writer waits, and is told so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import filelock
import sqlalchemy as sa
from sqlalchemy.engine import Engine

__all__ = ["WRITER_LOCK", "single_writer"]

WRITER_LOCK = 0x6E657778  # "newx": the advisory lock id writers take on PostgreSQL

Waiting = Callable[[str], None]


@contextlib.contextmanager
def single_writer(engine: Engine, on_wait: Waiting | None = None) -> Iterator[None]:
    """Hold the writer lock of the store behind ``engine`` until the block ends.

    When another writer holds it, ``on_wait`` is called once with a line saying so, and this
    one waits for it to finish.
    """
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, on_wait):
            yield
    elif engine.url.database and engine.url.database != ":memory:":
        with _file_lock(f"{engine.url.database}.lock", on_wait):
            yield
    else:
        yield  # an in-memory database: only this process can see it


@contextlib.contextmanager
def _file_lock(path: str, on_wait: Waiting | None) -> Iterator[None]:
    lock = filelock.FileLock(path, is_singleton=False)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        if on_wait is not None:
            on_wait(f"another newsweave process is writing to this store ({path}); waiting")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def _advisory_lock(engine: Engine, on_wait: Waiting | None) -> Iterator[None]:
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        free = conn.scalar(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": WRITER_LOCK})
        if not free:
            if on_wait is not None:
                on_wait("another newsweave process is writing to this store; waiting")
            conn.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": WRITER_LOCK})
        try:
            yield
        finally:
            conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": WRITER_LOCK})
