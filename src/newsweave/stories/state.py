"""The clusterer's state as a record of plain data (numbers, strings, bytes), to store and restore.

Everything a store must keep is in a ``GrouperState``: the three vocabularies (terms, entities,
details) with their document frequencies, and per article its story, metadata, index keys and
packed arrays (embedding as float16; term, entity and detail vectors as int32 ids + float32
weights; MinHash signature as uint64). Story sums, the inverted index and the LSH index are
rebuilt from these on load. A state of another version is not loaded: its stories are rebuilt
from the stored analyses (see ``pipeline.incremental``). How the record is laid out in a
database is ``store/grouper.py``'s business alone.

A partial state (``to_state(members=...)``) holds the given members and, of each vocabulary,
only the entries new or changed since the state last marked saved (``mark_saved``), so that a
store writes per batch what the batch changed rather than state that grows with the archive.
Taking a state changes nothing: a state that is never saved (a failed write) is simply taken
again, larger, the next time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from newsweave.stories.cluster import StoryClusterer
from newsweave.stories.model import Member, Settings, Story
from newsweave.stories.vectors import Space, SparseVector

__all__ = [
    "STATE_VERSION",
    "GrouperState",
    "SavedMember",
    "SavedStory",
    "SavedVocabulary",
    "from_state",
    "mark_saved",
    "to_state",
]

STATE_VERSION = 4  # 2: the details view and merges; 3: the IDF prior, the normalised cut
# and fragment sweeps (their settings are saved with the state); 4: entity keys folded by
# lexicon.names.norm (accents, hyphens; countries by their name). An older state is rebuilt.


@dataclass(frozen=True)
class SavedVocabulary:
    """One vocabulary's keys with their document frequencies.

    Whole (``ids`` is ``None``): every key, in id order (a key's id is its position). Partial:
    only the entries new or changed since the last ``mark_saved``, ``ids`` giving their ids.
    """

    keys: tuple[str, ...]
    df: tuple[int, ...]
    documents: int  # documents counted, the ``N`` of the IDF
    ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)  # slots: a store loads thousands at once
class SavedMember:
    """One article the grouper holds, its arrays packed as bytes."""

    key: str
    id: str
    story: int
    published: str | None
    outlet: str | None
    title: str
    duplicate_of: str | None
    date_inferred: bool
    places: tuple[str, ...]  # sorted
    index_keys: tuple[str, ...]
    embedding: bytes  # float16
    term_ids: bytes  # int32; the weights float32, and likewise for entities and details
    term_weights: bytes
    entity_ids: bytes
    entity_weights: bytes
    detail_ids: bytes
    detail_weights: bytes
    signature: bytes  # MinHash, uint64


@dataclass(frozen=True)
class SavedStory:
    """A story's members (article keys in arrival order) and whether it is settled."""

    number: int
    members: tuple[str, ...]
    settled: bool


@dataclass(frozen=True)
class GrouperState:
    """The grouper's state, whole or partial (``partial``: only what changed, see the module).

    ``since_sweep`` is where the clusterer is between two sweeps for settled stories: a resumed
    grouper then settles stories when one that never stopped would.
    """

    settings: Settings
    next_number: int
    latest: str | None
    since_sweep: int
    terms: SavedVocabulary
    entities: SavedVocabulary
    details: SavedVocabulary
    members: tuple[SavedMember, ...]  # in arrival order
    stories: tuple[SavedStory, ...]
    partial: bool = False
    version: int = STATE_VERSION

    def vocabularies(self) -> dict[str, SavedVocabulary]:
        """The three vocabularies by name (``"terms"``, ``"entities"``, ``"details"``)."""
        return {"terms": self.terms, "entities": self.entities, "details": self.details}


def _spaces(c: StoryClusterer) -> dict[str, Space]:
    return {"terms": c.term_space, "entities": c.entity_space, "details": c.detail_space}


def _whole(space: Space) -> SavedVocabulary:
    return SavedVocabulary(tuple(space.ids), tuple(space.df), space.documents)


def _changed(space: Space) -> SavedVocabulary:
    """The entries of ``space`` new or changed since they were last marked saved."""
    ids = tuple(sorted(space.changed))
    keys = list(space.ids)  # in id order: a key's id is its position
    return SavedVocabulary(
        tuple(keys[i] for i in ids), tuple(space.df[i] for i in ids), space.documents, ids
    )


def _member(m: Member, signature: bytes) -> SavedMember:
    return SavedMember(
        key=m.key,
        id=m.id,
        story=m.story,
        published=m.published,
        outlet=m.outlet,
        title=m.title,
        duplicate_of=m.duplicate_of,
        date_inferred=m.date_inferred,
        places=tuple(sorted(m.places)),
        index_keys=tuple(m.index_keys),
        embedding=m.embedding.astype(np.float16).tobytes(),
        term_ids=m.terms.ids.tobytes(),
        term_weights=m.terms.weights.tobytes(),
        entity_ids=m.entities.ids.tobytes(),
        entity_weights=m.entities.weights.tobytes(),
        detail_ids=m.details.ids.tobytes(),
        detail_weights=m.details.weights.tobytes(),
        signature=signature,
    )


def to_state(clusterer: StoryClusterer, *, members: Collection[str] | None = None) -> GrouperState:
    """The clusterer's whole state; with ``members``, a partial one, for saving what changed.

    A partial state holds only the articles with those keys and, of each vocabulary, the
    entries new or changed since the last ``mark_saved`` (since the clusterer's creation or
    ``from_state`` if never). ``from_state`` needs a whole state. The clusterer is not changed:
    call ``mark_saved`` once the state is stored.
    """
    c = clusterer
    chosen = [m for m in c.members.values() if members is None or m.key in members]
    vocabulary = _whole if members is None else _changed
    return GrouperState(
        settings=c.settings,
        next_number=c.next_number,
        latest=c.latest,
        since_sweep=c.since_sweep,
        terms=vocabulary(c.term_space),
        entities=vocabulary(c.entity_space),
        details=vocabulary(c.detail_space),
        members=tuple(_member(m, c.duplicates.signatures[m.key].tobytes()) for m in chosen),
        stories=tuple(
            SavedStory(s.number, tuple(s.members), s.settled) for s in c.stories.values()
        ),
        partial=members is not None,
    )


def mark_saved(clusterer: StoryClusterer, state: GrouperState) -> None:
    """Note that ``state`` (taken from ``clusterer``) is stored: the next partial state then
    leaves out the vocabulary entries it held, unless they change again."""
    spaces = _spaces(clusterer)
    for name, saved in state.vocabularies().items():
        space = spaces[name]
        ids = range(len(saved.keys)) if saved.ids is None else saved.ids
        # An entry counted again since the state was taken stays changed.
        stored = (i for i, df in zip(ids, saved.df, strict=True) if space.df[i] == df)
        space.changed.difference_update(stored)


def _load_space(saved: SavedVocabulary, empty: Space) -> Space:
    """``empty`` (a new clusterer's space, with its prior) filled with the stored counts."""
    return dataclasses.replace(
        empty,
        ids={k: i for i, k in enumerate(saved.keys)},
        df=list(saved.df),
        documents=saved.documents,
    )


def _vector(ids: bytes, weights: bytes) -> SparseVector:
    return SparseVector(
        np.frombuffer(ids, dtype=np.int32).copy(), np.frombuffer(weights, dtype=np.float32).copy()
    )


def _loaded(saved: SavedMember) -> Member:
    return Member(
        key=saved.key,
        id=saved.id,
        story=saved.story,
        published=saved.published,
        outlet=saved.outlet,
        title=saved.title,
        embedding=np.frombuffer(saved.embedding, dtype=np.float16).copy(),
        terms=_vector(saved.term_ids, saved.term_weights),
        entities=_vector(saved.entity_ids, saved.entity_weights),
        index_keys=saved.index_keys,
        places=frozenset(saved.places),
        details=_vector(saved.detail_ids, saved.detail_weights),
        duplicate_of=saved.duplicate_of,
        date_inferred=saved.date_inferred,
    )


def from_state(state: GrouperState) -> StoryClusterer:
    """Rebuild a clusterer from a whole state (``to_state``'s output without ``members``)."""
    if state.version != STATE_VERSION:
        raise ValueError(
            f"story state version {state.version!r} is not "
            f"{STATE_VERSION}: rebuild the stories from the stored analyses"
        )
    if state.partial:
        raise ValueError("a partial story state cannot be loaded: load the whole state")
    c = StoryClusterer(settings=state.settings)
    c.next_number = state.next_number
    c.term_space = _load_space(state.terms, c.term_space)
    c.entity_space = _load_space(state.entities, c.entity_space)
    c.detail_space = _load_space(state.details, c.detail_space)
    for saved in state.members:
        member = _loaded(saved)
        c.members[member.key] = member
        c.duplicates.add(member.key, np.frombuffer(saved.signature, dtype=np.uint64).copy())
        if member.duplicate_of is not None:
            c.copy_groups.setdefault(member.duplicate_of, set()).add(member.key)
        c.index.add(member.story, member.index_keys)
    c.latest = state.latest
    c.since_sweep = state.since_sweep
    for raw in state.stories:
        story = Story(raw.number, members=list(raw.members))
        c.stories[story.number] = story
        c.rebuild(story)
        if raw.settled:
            c.settle(story)
        else:
            c.active.add(story.number)
    for space in _spaces(c).values():
        space.changed.clear()  # loaded as stored
    return c
