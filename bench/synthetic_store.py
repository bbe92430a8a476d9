"""Filling a store fast with synthetic articles (``synthetic_articles.py``), linked and grouped
as ``newsweave ingest`` would link and group them.

The linker and the story grouper run as in the ingest: ``CrossArticleState.place`` for each
article in date order, fragments swept after every 32 articles (``consolidate``), the
grouper's state saved (``save``), then ``refresh_dossiers``. Only the way rows reach the
database differs: the articles of a chunk are written in one transaction with the functions
the ingest calls for each article (``insert_analysis``, ``apply_cross_article``), and every
entity and story the chunk touched is written once, as it stands at the chunk's end, instead
of once for each article that touched it. The stored rows are those the ingest would leave.

Sentence embeddings are the base texts' (``BaseEmbedder``): a copy's lead and claim units are
embedded as the base text they were renamed from, computed once. The embedding model costs the
same per article however large the store is; at a third of a second per lead on this shared
machine, it would make the fill take days.
"""

from __future__ import annotations

import contextlib
import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

import newsweave.embed
from newsweave import config
from newsweave.embed import DIMENSION
from newsweave.pipeline.incremental import CrossArticleState, refresh_dossiers
from newsweave.records import ArticleAnalysis, Entity
from newsweave.store import ArticleWrite, Store, StoryRow, tables
from newsweave.store.writes import (
    apply_cross_article,
    insert_analysis,
    now,
    write_story_changes,
)
from synthetic_articles import restore

__all__ = ["BaseEmbedder", "FillReport", "base_embeddings", "fill"]

Vector = npt.NDArray[np.float32]


class BaseEmbedder:
    """``newsweave.embed.embed`` for copies: each text embedded as its base's, once."""

    def __init__(self, embed: Callable[[Sequence[str]], Vector], cache: Path | None) -> None:
        self.embed = embed
        self.cache = cache
        self.vectors: dict[str, Vector] = {}
        if cache is not None and cache.is_file():
            self.vectors = pickle.loads(cache.read_bytes())
        self.computed = 0

    def __call__(self, texts: Sequence[str], **_options: Any) -> Vector:
        restored = [restore(t) for t in texts]
        missing = [t for t in dict.fromkeys(restored) if t.strip() and t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.embed(missing), strict=True))
            self.computed += len(missing)
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for i, text in enumerate(restored):
            vector = self.vectors.get(text)
            if vector is not None:
                out[i] = vector
        return out

    def save(self) -> None:
        """Keep the vectors for the next run (in the file given, outside the repository)."""
        if self.cache is not None and self.computed:
            self.cache.write_bytes(pickle.dumps(self.vectors))


@contextlib.contextmanager
def base_embeddings(embedder: BaseEmbedder) -> Iterator[None]:
    """Within the block, every caller of ``newsweave.embed.embed`` gets ``embedder``'s vectors
    (the grouper and the dossiers import it when they call it)."""
    real = newsweave.embed.embed
    newsweave.embed.embed = embedder  # type: ignore[assignment]
    try:
        yield
    finally:
        newsweave.embed.embed = real


@dataclass
class FillReport:
    """What a fill did and where its time went (seconds)."""

    articles: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds


@contextlib.contextmanager
def timed(report: FillReport, step: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        report.add(step, time.perf_counter() - started)


class _Pending:
    """The entity and story rows a chunk changed, each as it stands last."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.stories: dict[str, StoryRow] = {}
        self.removed: set[str] = set()

    def stories_changed(self, changed: Sequence[StoryRow], removed: Sequence[str]) -> None:
        for story_id in removed:
            self.stories.pop(story_id, None)
            self.removed.add(story_id)
        for story in changed:
            self.stories[story.id] = story
            self.removed.discard(story.id)


class _Deferred:
    """The store as ``CrossArticleState`` sees it, with story writes kept for the chunk's end."""

    def __init__(self, store: Store, pending: _Pending) -> None:
        self._store = store
        self._pending = pending

    def write_stories(self, changed: Sequence[StoryRow], removed: Sequence[str]) -> None:
        self._pending.stories_changed(changed, removed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def fill(
    store: Store,
    analyses: Iterator[ArticleAnalysis],
    *,
    chunk: int = 2000,
    on_chunk: Callable[[FillReport], None] | None = None,
) -> FillReport:
    """Link, group and store ``analyses`` (in the order given), then build the dossiers of
    the stories they changed. Call it inside ``base_embeddings``."""
    report = FillReport()
    pending = _Pending()
    with timed(report, "resume"):
        state = CrossArticleState(_Deferred(store, pending))  # type: ignore[arg-type]
    writes: list[ArticleWrite] = []
    for analysis in analyses:
        with timed(report, "link+group"):
            write = state.place(analysis)
        pending.stories_changed(write.stories, write.removed_stories)
        pending.entities.update((e.id, e) for e in write.entities)
        writes.append(replace(write, entities=(), stories=(), removed_stories=()))
        report.articles += 1
        if report.articles % config.BATCH_SIZE == 0:
            with timed(report, "link+group"):
                state.consolidate()
        if len(writes) >= chunk:
            _flush(store, state, writes, pending, report)
            writes, pending.entities, pending.stories, pending.removed = [], {}, {}, set()
            if on_chunk is not None:
                on_chunk(report)
    with timed(report, "link+group"):
        state.consolidate()
    _flush(store, state, writes, pending, report)
    with timed(report, "dossiers"):
        refresh_dossiers(store)
    return report


def _flush(
    store: Store,
    state: CrossArticleState,
    writes: list[ArticleWrite],
    pending: _Pending,
    report: FillReport,
) -> None:
    """One transaction: the chunk's articles, then its entities and stories as they stand;
    then the grouper's state, as the ingest saves it after a batch."""
    new_keys = {w.analysis.article.key for w in writes}
    with timed(report, "write"), store.engine.begin() as conn:
        for write in writes:
            insert_analysis(conn, write.analysis, write.analysis.article)
            apply_cross_article(conn, write, write.analysis.article)  # its linking evidence
        _write_entities(conn, list(pending.entities.values()))
        members = [
            {"article_key": key, "story_id": story.id, "duplicate_of": original}
            for story in pending.stories.values()
            for key, original in story.members
            if key in new_keys
        ]
        if members:
            conn.execute(tables.story_members.insert(), members)
        write_story_changes(conn, list(pending.stories.values()), sorted(pending.removed))
    with timed(report, "save state"):
        state.save()


def _write_entities(conn: sa.Connection, entities: list[Entity]) -> None:
    """The entities as ``apply_cross_article`` writes them: the old row replaced whole."""
    table = tables.entities
    moment = now()
    for at in range(0, len(entities), 1000):
        part = entities[at : at + 1000]
        conn.execute(table.delete().where(table.c.id.in_([e.id for e in part])))
        conn.execute(
            table.insert(),
            [
                {
                    "id": e.id,
                    "name": e.name,
                    "kind": e.kind,
                    "aliases": list(e.aliases),
                    "roles": list(e.roles),
                    "attributes": dict(e.attributes),
                    "updated_at": moment,
                }
                for e in part
            ],
        )
