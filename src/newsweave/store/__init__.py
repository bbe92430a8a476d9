"""The store: the only module that writes. SQLite by default, PostgreSQL by URL, one schema.

Each article and its analysis is written in one transaction, so an interrupted run leaves
no half-written article and a re-run completes the rest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from importlib import resources
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from newsweave import config
from newsweave.errors import StoreError
from newsweave.records import (
    Amount,
    Article,
    ArticleAnalysis,
    Clause,
    EntityMention,
    Event,
    Quote,
    Sentence,
    TimeRef,
)
from newsweave.store import tables
from newsweave.store.feeds import FeedEntry, FeedState, FeedStore
from newsweave.store.grouper import GrouperStore
from newsweave.store.lock import single_writer
from newsweave.store.reads import CrossArticleReads
from newsweave.store.rows import from_row
from newsweave.store.writes import (
    ArticleWrite,
    CrossArticleWrites,
    StoryGlance,
    StoryRow,
    apply_cross_article,
    insert_analysis,
)

__all__ = [
    "ArticleWrite",
    "FeedEntry",
    "FeedState",
    "Store",
    "StoryGlance",
    "StoryRow",
    "open_store",
]

log = logging.getLogger(__name__)

_MIGRATION_LOCK = 0x6E657773  # "news": the advisory lock id migrations take on PostgreSQL

_RECORD_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "entities": EntityMention,
    "quotes": Quote,
    "times": TimeRef,
    "amounts": Amount,
    "events": Event,
    "clauses": Clause,
}


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``url`` is an SQLAlchemy URL or a plain path to an SQLite file; ``None`` means
    ``NEWSWEAVE_DB`` or ``newsweave.db`` in the current directory.
    """
    return Store(config.database_url(url))


class Store(CrossArticleReads, CrossArticleWrites, GrouperStore, FeedStore):
    """Read and write articles, their analyses, entities and stories."""

    def __init__(self, url: str) -> None:
        self.url = _driver_url(url)
        try:
            self.engine: Engine = sa.create_engine(self.url, future=True)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the database {_safe(self.url)}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from exc

    def _migrate(self, *, attempts: int = 5) -> None:
        """Bring the schema to the latest migration; safe when several processes open at once.

        PostgreSQL serialises migrations with an advisory lock. SQLite has none: a process that
        loses the race sees its DDL fail, rolls back, waits, and finds the schema up to date.
        """
        cfg = Config()
        cfg.set_main_option(
            "script_location", str(resources.files("newsweave.store") / "migrations")
        )
        for attempt in range(attempts):
            try:
                with self.engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        connection.execute(
                            sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK}
                        )
                    cfg.attributes["connection"] = connection
                    command.upgrade(cfg, "head")
                return
            except sa.exc.OperationalError:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def close(self) -> None:
        self.engine.dispose()

    def single_writer(
        self, on_wait: Callable[[str], None] | None = None
    ) -> AbstractContextManager[None]:
        """The store's writer lock (``store/lock.py``): ``with store.single_writer(): ...``."""
        return single_writer(self.engine, on_wait)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write_analysis(self, analysis: ArticleAnalysis) -> Article:
        """Store an article and its analysis alone (no entities or story)."""
        return self.write(ArticleWrite(analysis))

    def write(self, update: ArticleWrite) -> Article:
        """Store an article, its analysis and what it changed across articles, in one transaction.

        An article already stored (same key) is left as it is. When another article already
        uses the same id, this one gets its key appended to stay addressable.
        """
        with self.engine.begin() as conn:
            return self._write_in(conn, update)

    def write_batch(self, updates: Sequence[ArticleWrite]) -> list[Article]:
        """Store several articles as ``write`` does, in order, all in one transaction: a batch
        analysed elsewhere (``pipeline/ray_ingest.py``) is stored whole or not at all."""
        with self.engine.begin() as conn:
            return [self._write_in(conn, update) for update in updates]

    def _write_in(self, conn: Connection, update: ArticleWrite) -> Article:
        """``write`` inside the caller's transaction; returns the article as stored."""
        article = update.analysis.article
        if self._has_key(conn, article.key):
            return article
        taken = conn.execute(
            sa.select(tables.articles.c.key).where(tables.articles.c.id == article.id)
        ).first()
        if taken is not None:
            article = replace(article, id=f"{article.id}~{article.key[:8]}")
        insert_analysis(conn, update.analysis, article)
        apply_cross_article(conn, update, article)
        return article

    def update_dates(self, analysis: ArticleAnalysis) -> None:
        """Store a publication date inferred later (from the story), the times it resolves and
        the dates of the events."""
        a, t, e = tables.articles, tables.times, tables.events
        article = analysis.article
        with self.engine.begin() as conn:
            conn.execute(
                a.update()
                .where(a.c.key == article.key)
                .values(
                    published=article.published,
                    published_inferred=article.published_inferred,
                    published_evidence=article.published_evidence,
                )
            )
            for seq, ref in enumerate(analysis.times):
                conn.execute(
                    t.update()
                    .where(t.c.article_key == article.key, t.c.seq == seq)
                    .values(value=ref.value, lands_on=ref.lands_on)
                )
            for seq, event in enumerate(analysis.events):
                conn.execute(
                    e.update()
                    .where(e.c.article_key == article.key, e.c.seq == seq)
                    .values(time=event.time)
                )

    # -- reading ---------------------------------------------------------------------------

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` are already stored."""
        wanted = list(keys)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                found.update(
                    conn.scalars(
                        sa.select(tables.articles.c.key).where(tables.articles.c.key.in_(chunk))
                    )
                )
        return found

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(tables.articles)) or 0)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, newest publication first."""
        query = (
            sa.select(tables.articles)
            .order_by(tables.articles.c.published.desc().nulls_last(), tables.articles.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [from_row(Article, row) for row in conn.execute(query)]

    def article(self, ref: str) -> Article | None:
        """The article with id ``ref``, or whose key is or starts with ``ref``."""
        a = tables.articles
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(a).where(a.c.id == ref)).first()
            if row is None:  # a whole key, as the pages and the ingest pass: the primary key
                row = conn.execute(sa.select(a).where(a.c.key == ref)).first()
            if row is None and len(ref) >= 6:
                rows = conn.execute(
                    sa.select(a).where(a.c.key.startswith(ref, autoescape=True)).limit(2)
                ).all()
                row = rows[0] if len(rows) == 1 else None
        return from_row(Article, row) if row is not None else None

    def articles_of(self, keys: Iterable[str]) -> list[Article]:
        """The articles with these keys, in that order (unknown keys skipped): one query per
        500, where asking for each would cost a round trip per article."""
        a = tables.articles
        wanted = list(keys)
        found: dict[str, Article] = {}
        with self.engine.connect() as conn:
            for at in range(0, len(wanted), 500):
                query = sa.select(a).where(a.c.key.in_(wanted[at : at + 500]))
                found.update((row.key, from_row(Article, row)) for row in conn.execute(query))
        return [found[key] for key in wanted if key in found]

    def analysis(self, ref: str) -> ArticleAnalysis | None:
        """An article with everything the analysis found in it."""
        article = self.article(ref)
        return next(self.analyses([article.key]), None) if article is not None else None

    def analyses(self, keys: Iterable[str], *, chunk: int = 200) -> Iterator[ArticleAnalysis]:
        """The stored analyses of the articles with these keys, in that order (unknown keys
        are skipped), read a chunk of articles per query."""
        a = tables.articles
        wanted = list(keys)
        with self.engine.connect() as conn:
            for at in range(0, len(wanted), chunk):
                part = wanted[at : at + chunk]
                articles = {
                    row.key: from_row(Article, row)
                    for row in conn.execute(sa.select(a).where(a.c.key.in_(part)))
                }
                found: dict[str, dict[str, list[Any]]] = {k: {} for k in articles}
                for field, table in tables.ANALYSIS_TABLES.items():
                    query = (
                        sa.select(table)
                        .where(table.c.article_key.in_(list(articles)))
                        .order_by(table.c.article_key, table.c.seq)
                    )
                    for row in conn.execute(query):
                        record: Any = from_row(_RECORD_TYPES[field], row)
                        found[row.article_key].setdefault(field, []).append(record)
                for key in part:
                    if key in articles:
                        records = {f: tuple(found[key].get(f, ())) for f in tables.ANALYSIS_TABLES}
                        yield ArticleAnalysis(article=articles[key], **records)

    def article_keys(self) -> list[str]:
        """Keys of every stored article, newest publication first."""
        a = tables.articles
        query = sa.select(a.c.key).order_by(a.c.published.desc().nulls_last(), a.c.id)
        with self.engine.connect() as conn:
            return list(conn.scalars(query))

    @staticmethod
    def _has_key(conn: Connection, key: str) -> bool:
        return (
            conn.execute(
                sa.select(tables.articles.c.key).where(tables.articles.c.key == key)
            ).first()
            is not None
        )


def _driver_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web server) never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
