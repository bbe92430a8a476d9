"""Articles into the store as they arrive: analyse, link, assign to a story, then refresh the
dossiers of the stories that changed. Nothing is recomputed from scratch.

Each article, with the entities it touched and its story membership, is committed in one
transaction; dossiers are rebuilt after the batch, for the stories marked stale (a re-run
rebuilds any that an interrupted run left stale). ``IngestRun`` is a run batch by batch:
``ray_ingest.py`` goes through it too, with the analysis on Ray and a transaction per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from newsweave import config
from newsweave.errors import InputError, StepError
from newsweave.export.views import story_views
from newsweave.fuse import build_dossier
from newsweave.ingest import read
from newsweave.link import Linker, apply_links
from newsweave.link.speakers import link_speakers
from newsweave.pipeline.collection import date_from_stories
from newsweave.pipeline.pages import compressed_json, story_page
from newsweave.pipeline.processes import AnalysisPool
from newsweave.records import Article, ArticleAnalysis
from newsweave.store import ArticleWrite, Store, StoryRow
from newsweave.stories import OnlineStories, StoryChanges, StorySummary, order_key

T = TypeVar("T")


@dataclass
class IngestReport:
    """What an ingest run did: articles stored, duplicates skipped, inputs rejected."""

    stored: list[str]
    duplicates: int
    rejected: list[str]  # one-line messages naming the file and the reason
    stories: list[str]  # stories whose dossier was rebuilt


class CrossArticleState:
    """The linker and the story grouper, resumed from the store.

    The grouper's state is saved after each batch (``save``), writing only the members of the
    stories that changed. Should a run stop between an article's commit and that save, the
    articles the saved state lacks are re-added from their stored analyses when the state is
    next loaded, so the grouping heals itself. A state saved by another version of the grouper
    is not loaded: the stories are rebuilt from the stored analyses instead.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.linker = Linker.from_entities(store.entities())
        saved = store.grouper_state()  # None too for another version's: rebuilt below
        self.stories = OnlineStories.from_state(saved) if saved else OnlineStories()
        # Keys of the members changed since the last save; None: save them all (a new state).
        self.unsaved: set[str] | None = set() if saved else None
        missing = store.story_member_keys() - set(self.stories.clusterer.members)
        if missing:
            self._add_stored(missing, rebuilding=saved is None)

    def _add_stored(self, keys: set[str], *, rebuilding: bool) -> None:
        """Add stored articles the grouper lacks, in publication order, and store the stories
        that changed; after a rebuild, stories that no longer exist are removed."""
        found = sorted(
            self.store.analyses(keys), key=lambda a: order_key(a.article.published, a.article.key)
        )
        for analysis in found:
            self.stories.add(analysis)
        changes = self._take_changes()
        removed = set(changes.removed)
        if rebuilding:
            removed |= self.store.story_ids() - {s.id for s in changes.updated}
        self.store.write_stories([_story_row(s) for s in changes.updated], sorted(removed))

    def place(self, analysis: ArticleAnalysis) -> ArticleWrite:
        """Link one new article and assign it to a story; returns what to store."""
        ids = self.linker.add(analysis)
        linked = link_speakers(apply_links(analysis, ids))
        self.stories.add(linked)
        changes = self._take_changes()
        touched = sorted({i for i in ids if i})
        evidence = [
            e for i in touched for e in self.linker.evidence(i) if e.article == analysis.article.id
        ]
        return ArticleWrite(
            linked,
            entities=[e for i in touched if (e := self.linker.entity(i)) is not None],
            evidence=evidence,
            stories=[_story_row(s) for s in changes.updated],
            removed_stories=changes.removed,
        )

    def consolidate(self) -> None:
        """Let fragments join their stories once a batch is in, and store what moved."""
        self.stories.consolidate()
        changes = self._take_changes()
        if changes.updated or changes.removed:
            self.store.write_stories([_story_row(s) for s in changes.updated], changes.removed)

    def save(self) -> None:
        if self.unsaved == set():
            return  # nothing joined or moved since the last save
        state = self.stories.to_state(members=self.unsaved)
        self.store.save_grouper_state(state)
        self.stories.mark_saved(state)
        self.unsaved = set()

    def _take_changes(self) -> StoryChanges:
        changes = self.stories.take_changes()
        if self.unsaved is not None:
            self.unsaved.update(key for story in changes.updated for key in story.keys)
        return changes


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    max_bytes: int = config.MAX_FILE_BYTES,
    on_progress: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Read, analyse, link, group and store every article under ``paths``.

    Articles already stored are skipped, so an interrupted run is completed by running it
    again. ``on_progress`` is called with each outcome ("stored", "duplicate", "rejected").
    One writer at a time: while another process ingests into the store, this one waits
    (``on_wait`` is told) and then goes on from the stories that one stored. The analysis
    runs on ``workers`` processes (``processes``), the next batch while this one is stored.
    """
    items = read(paths, max_bytes=max_bytes)
    return ingest_items(items, store, on_progress=on_progress, on_wait=on_wait, workers=workers)


def ingest_items(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    on_progress: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """``ingest`` for articles already read (``newsweave watch`` fetches its own); an
    ``InputError`` among them is reported as rejected."""
    with store.single_writer(on_wait):
        return _ingest(items, store, on_progress=on_progress, workers=workers)


def _ingest(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    on_progress: Callable[[str], None] | None,
    workers: int,
) -> IngestReport:
    run = IngestRun(store, on_progress)

    def admitted() -> Iterator[list[Article]]:
        for batch in batches(items):  # as without workers: the store ends up the same
            taken = run.admit(batch)
            run.count(taken)
            yield taken.articles

    # The store's connections stay in this process: workers are never forked from it.
    with AnalysisPool(workers, fork=False) as pool:
        for results in pool.analyse_batches(admitted()):
            for result in results:
                if (update := run.place(result)) is not None:
                    run.stored(store.write(update))
            run.end_batch()
    return run.finish()


@dataclass(frozen=True)
class Admitted:
    """A batch's new articles, and what was turned away before the analysis."""

    articles: list[Article]
    rejected: list[str]
    duplicates: int


class IngestRun:
    """One ingest run, batch by batch: what the ordinary ingest and the Ray ingest
    (``ray_ingest.py``) share, so that both store the same thing whoever analyses.

    Per batch: ``admit`` (drop what was seen or stored), ``count`` what was turned away, then
    for each analysis ``place`` (link, assign a story) and ``stored`` once it is written,
    ``end_batch`` (fragments join their stories, the grouper's state is saved); ``finish``
    rebuilds the stale dossiers.
    """

    def __init__(self, store: Store, on_progress: Callable[[str], None] | None) -> None:
        self.store = store
        self.report = IngestReport(stored=[], duplicates=0, rejected=[], stories=[])
        self.notify = on_progress or (lambda _outcome: None)
        self.seen: set[str] = set()
        self.state: CrossArticleState | None = None  # loaded with the first new article

    def admit(self, batch: Iterable[Article | InputError]) -> Admitted:
        """The articles of ``batch`` neither seen in this run nor stored, in order."""
        rejected: list[str] = []
        articles: list[Article] = []
        duplicates = 0
        for item in batch:
            if isinstance(item, InputError):
                rejected.append(str(item))
            elif item.key in self.seen:
                duplicates += 1
            else:
                self.seen.add(item.key)
                articles.append(item)
        known = self.store.known_keys(a.key for a in articles)
        fresh = [a for a in articles if a.key not in known]
        return Admitted(fresh, rejected, duplicates + len(known))

    def count(self, admitted: Admitted) -> None:
        """Report what ``admit`` turned away."""
        for message in admitted.rejected:
            self.report.rejected.append(message)
            self.notify("rejected")
        self.report.duplicates += admitted.duplicates
        for _ in range(admitted.duplicates):
            self.notify("duplicate")

    def place(self, result: ArticleAnalysis | StepError) -> ArticleWrite | None:
        """What to store for one analysed article (None, and reported, when it failed)."""
        if isinstance(result, StepError):
            self.report.rejected.append(str(result))
            self.notify("rejected")
            return None
        self.state = self.state or CrossArticleState(self.store)
        return self.state.place(result)

    def stored(self, article: Article) -> None:
        """Report an article once its transaction is committed."""
        self.report.stored.append(article.id)
        self.notify("stored")

    def end_batch(self) -> None:
        """Let fragments join their stories and save the grouper's state (a batch is in)."""
        if self.state is not None:
            self.state.consolidate()
            self.state.save()

    def finish(self) -> IngestReport:
        """Rebuild the stale dossiers; the run's report."""
        self.report.stories = refresh_dossiers(self.store)
        return self.report


def refresh_dossiers(store: Store, story_ids: Iterable[str] | None = None) -> list[str]:
    """Rebuild the dossiers of stale stories (or of ``story_ids``); returns their ids.

    Undated members are dated from the story first (and stored so), then the dossier is built
    from the members in publication order.
    """
    rebuilt = []
    for story_id in list(story_ids) if story_ids is not None else store.stale_stories():
        row = store.story(story_id)
        members = store.story_members(story_id)
        analyses = [a for key, _ in members if (a := store.analysis(key)) is not None]
        if row is None or not analyses:
            continue
        dated = date_from_stories(
            analyses, dict.fromkeys((a.article.key for a in analyses), story_id)
        )
        for before, after in zip(analyses, dated, strict=True):
            if after is not before:
                store.update_dates(after)
        ids = {a.article.key: a.article.id for a in dated}
        duplicates = {ids[k]: _id_of(store, o, ids) for k, o in members if o and k in ids}
        dossier = build_dossier(story_id, dated, title=row.title, duplicates=duplicates)
        store.save_dossier(story_id, dossier.as_dict(), story_views(dossier))
        if (page := story_page(store, story_id)) is not None:
            store.save_page(story_id, compressed_json(page))
        rebuilt.append(story_id)
    return rebuilt


def _id_of(store: Store, key: str, ids: Mapping[str, str]) -> str:
    """The id of the article with ``key``: a member's, or that of an original in another story
    (its copies here then count once, as the story list counts them)."""
    if key in ids:
        return ids[key]
    article = store.article(key)
    return article.id if article is not None else key


def _story_row(summary: StorySummary) -> StoryRow:
    originals = dict(summary.duplicates)
    return StoryRow(
        id=summary.id,
        title=summary.title,
        first_published=summary.first_published,
        last_published=summary.last_published,
        outlets=summary.outlets,
        independent_outlets=summary.independent_outlets,
        article_count=len(summary.articles),
        members=tuple((key, originals.get(key)) for key in summary.keys),
    )


def batches(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (``config.BATCH_SIZE``, read when called)."""
    size = size or config.BATCH_SIZE
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = [
    "Admitted",
    "CrossArticleState",
    "IngestReport",
    "IngestRun",
    "batches",
    "ingest",
    "ingest_items",
    "refresh_dossiers",
]
