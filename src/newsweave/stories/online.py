"""Stories from analysed articles: the online grouper and the one-shot batch function."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsweave.records import ArticleAnalysis
from newsweave.stories.cluster import StoryClusterer
from newsweave.stories.features import ArticleFeatures, features
from newsweave.stories.model import Settings
from newsweave.stories.results import StoryAssignment, StorySummary, order_key, story_id
from newsweave.stories.state import GrouperState, from_state, mark_saved, to_state
from newsweave.stories.summary import public_id, summarize, summarize_all

__all__ = ["Embedder", "OnlineStories", "StoryChanges", "group_stories", "grouping"]

Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]


def _default_embedder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    from newsweave.embed import embed

    return embed(texts)


@dataclass(frozen=True)
class StoryChanges:
    """What a store must write after a batch: the changed stories and the ids now gone."""

    updated: list[StorySummary]
    removed: list[str]


class OnlineStories:
    """Articles in, story assignments out, one at a time (or a batch at a time).

    Args:
        settings: similarity weights and thresholds.
        embedder: texts -> normalised embedding rows; the bundled sentence model by default.
    """

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        clusterer: StoryClusterer | None = None,
    ) -> None:
        self.clusterer = clusterer or StoryClusterer(settings=settings)
        self.embedder = embedder or _default_embedder
        self._ids: dict[int, str] = {}  # story number -> public id at the last take_changes

    def add(self, analysis: ArticleAnalysis) -> StoryAssignment:
        """Assign one analysed article to a story (an existing one or a new one)."""
        return self.add_many([analysis])[0]

    def add_many(self, analyses: Sequence[ArticleAnalysis]) -> list[StoryAssignment]:
        """Assign articles in the given order; their leads are embedded in one batch."""
        if not analyses:
            return []
        found = [features(a) for a in analyses]
        vectors = self.embedder([f.lead for f in found])
        return [
            self._add(f, a.article.text, vectors[i])
            for i, (f, a) in enumerate(zip(found, analyses, strict=True))
        ]

    def _add(
        self, f: ArticleFeatures, text: str, vector: npt.NDArray[np.float32]
    ) -> StoryAssignment:
        c = self.clusterer
        known = f.key in c.members
        number = c.add(f, vector, text=text)
        after = public_id(c, number)
        # The id changes only when the new article is now the story's first member.
        before = public_id(c, number, excluding=f.key)
        # A story the article's story absorbed is gone too.
        gone = {story_id(k) for k in c.absorbed} | ({before} if before else set())
        old = gone - {after}
        member = c.members[f.key]
        return StoryAssignment(
            article=f.id,
            key=f.key,
            story=after,
            duplicate_of=member.duplicate_of,
            replaces=() if known else tuple(sorted(old)),
        )

    def consolidate(self) -> None:
        """Let fragments join the stories they belong to, once a batch is in (see
        ``StoryClusterer.absorb_fragments``); ``take_changes`` then reports what moved."""
        self.clusterer.absorb_fragments()

    def take_changes(self) -> StoryChanges:
        """The stories changed since the last call (joined, split or renamed), for a store.

        Write every ``updated`` summary (its membership replaces the stored one) and delete
        the ``removed`` ids: an id disappears when an earlier article became a story's first
        member, when a split moved articles to a new story, or when a story was merged into
        another (its number is then gone).
        """
        c = self.clusterer
        c.drop_empty()
        live = sorted(n for n in c.touched if n in c.stories)
        updated = [summarize(c, n) for n in live]
        new_ids = {n: s.id for n, s in zip(live, updated, strict=True)}
        # A story whose last members moved away is gone (its number is not in ``stories``).
        removed = sorted(
            {self._ids[n] for n in c.touched if n in self._ids and self._ids[n] != new_ids.get(n)}
            - set(new_ids.values())
        )
        for n in c.touched - c.stories.keys():
            self._ids.pop(n, None)
        self._ids.update(new_ids)
        c.touched.clear()
        return StoryChanges(updated=updated, removed=removed)

    def to_state(self, *, members: Collection[str] | None = None) -> GrouperState:
        """The grouper's state (see ``newsweave.stories.state``); with ``members``, only those
        articles' part of it and what changed since the last ``mark_saved``."""
        return to_state(self.clusterer, members=members)

    def mark_saved(self, state: GrouperState) -> None:
        """Note that ``state`` is stored: the next partial state leaves out what it held."""
        mark_saved(self.clusterer, state)

    @classmethod
    def from_state(cls, state: GrouperState, *, embedder: Embedder | None = None) -> OnlineStories:
        """A grouper that continues from a saved state."""
        online = cls(clusterer=from_state(state), embedder=embedder)
        online._ids = {n: public_id(online.clusterer, n) for n in online.clusterer.stories}
        return online

    def stories(self) -> list[StorySummary]:
        """Every story so far, largest first."""
        return summarize_all(self.clusterer)

    def story(self, story_id: str) -> StorySummary | None:
        """One story by its public id."""
        for number in self.clusterer.stories:
            if public_id(self.clusterer, number) == story_id:
                return summarize(self.clusterer, number)
        return None


def grouping(
    analyses: Iterable[ArticleAnalysis],
    *,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
) -> tuple[list[StoryAssignment], list[StorySummary]]:
    """Group a whole collection: assignments (in input order) and the stories.

    Articles are added in publication order (undated last, ties by key), which makes the
    result independent of the order the collection was read in.
    """
    items = list(analyses)
    online = OnlineStories(settings=settings, embedder=embedder)
    ordered = sorted(items, key=lambda a: order_key(a.article.published, a.article.key))
    online.add_many(ordered)
    online.consolidate()
    c = online.clusterer
    ids = {n: public_id(c, n) for n in c.stories}
    assignments = []
    for a in items:
        member = c.members[a.article.key]
        assignments.append(
            StoryAssignment(
                article=a.article.id,
                key=a.article.key,
                story=ids[member.story],
                duplicate_of=member.duplicate_of,
            )
        )
    return assignments, online.stories()


def group_stories(
    analyses: Iterable[ArticleAnalysis],
    *,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
) -> list[StoryAssignment]:
    """The story of every article of a collection, in input order (see ``grouping``)."""
    return grouping(analyses, settings=settings, embedder=embedder)[0]
