"""The clusterer's state as plain data (numbers, strings, bytes), to store and restore.

Everything a store must keep is here: the three vocabularies (terms, entities, details) with
their document frequencies, and per article its story, metadata, index keys and packed arrays
(embedding as float16; term, entity and detail vectors as int32 ids + float32 weights; MinHash
signature as uint64). Story sums, the inverted index and the LSH index are rebuilt from these
on load. A state of another version is not loaded: its stories are rebuilt from the stored
analyses (see ``pipeline.incremental``).

A partial state (``to_state(members=...)``) holds what changed since this clusterer's previous
``to_state`` or ``from_state``: the given members, and of each vocabulary only the entries that
are new or whose document frequency changed (``Space.changed``), so that a store writes per
batch what the batch changed rather than state that grows with the archive. So every state taken
must be saved (or the clusterer dropped, as ``pipeline.incremental`` does when a save fails):
the next partial state would otherwise lack what this one held.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any

import numpy as np

from newsweave.stories.cluster import StoryClusterer
from newsweave.stories.model import Member, Settings, Story
from newsweave.stories.vectors import Space, SparseVector

__all__ = ["STATE_VERSION", "from_state", "to_state"]

STATE_VERSION = 4  # 2: the details view and merges; 3: the IDF prior, the normalised cut
# and fragment sweeps (their settings are saved with the state); 4: entity keys folded by
# lexicon.names.norm (accents, hyphens; countries by their name). An older state is rebuilt.


def _spaces(c: StoryClusterer) -> dict[str, Space]:
    return {"terms": c.term_space, "entities": c.entity_space, "details": c.detail_space}


def _space(space: Space) -> dict[str, Any]:
    space.take_changed()  # all of it is written
    return {"keys": list(space.ids), "df": list(space.df), "documents": space.documents}


def _changed_space(space: Space) -> dict[str, Any]:
    """The entries of ``space`` new or changed since it was last written, as ``{"ids", "keys",
    "df", "documents"}``."""
    ids = space.take_changed()
    keys = list(space.ids)  # in id order: a key's id is its position
    return {
        "ids": ids,
        "keys": [keys[i] for i in ids],
        "df": [space.df[i] for i in ids],
        "documents": space.documents,
    }


def _member(m: Member, signature: bytes) -> dict[str, Any]:
    return {
        "key": m.key,
        "id": m.id,
        "story": m.story,
        "published": m.published,
        "outlet": m.outlet,
        "title": m.title,
        "duplicate_of": m.duplicate_of,
        "date_inferred": m.date_inferred,
        "places": sorted(m.places),
        "index_keys": list(m.index_keys),
        "embedding": m.embedding.astype(np.float16).tobytes(),
        "term_ids": m.terms.ids.tobytes(),
        "term_weights": m.terms.weights.tobytes(),
        "entity_ids": m.entities.ids.tobytes(),
        "entity_weights": m.entities.weights.tobytes(),
        "detail_ids": m.details.ids.tobytes(),
        "detail_weights": m.details.weights.tobytes(),
        "signature": signature,
    }


def to_state(
    clusterer: StoryClusterer, *, members: Collection[str] | None = None
) -> dict[str, Any]:
    """The whole state: ``{"version", "settings", "next_number", "latest", "since_sweep", "terms",
    "entities", "details" ({"keys", "df", "documents"}), "members": [per article, in arrival
    order], "stories": [{"number", "members", "settled"}]}``.

    With ``members``, a partial state, for saving what changed: only the articles with those
    keys are in ``"members"``, and each vocabulary is ``{"ids", "keys", "df", "documents"}``
    with only the entries new or changed since the clusterer's previous ``to_state`` or
    ``from_state`` (since its creation for a new one). ``from_state`` needs a whole state.
    """
    c = clusterer
    chosen = [m for m in c.members.values() if members is None or m.key in members]
    state: dict[str, Any] = {
        "version": STATE_VERSION,
        "settings": dataclasses.asdict(c.settings),
        "next_number": c.next_number,
        "latest": c.latest,
        # Where the clusterer is between two sweeps for settled stories: a resumed grouper
        # then settles stories when one that never stopped would.
        "since_sweep": c.since_sweep,
        "members": [_member(m, c.duplicates.signatures[m.key].tobytes()) for m in chosen],
    }
    for name, space in _spaces(c).items():
        state[name] = _space(space) if members is None else _changed_space(space)
    state["stories"] = [
        {"number": s.number, "members": list(s.members), "settled": s.settled}
        for s in c.stories.values()
    ]
    return state


def _load_space(raw: dict[str, Any], empty: Space) -> Space:
    """``empty`` (a new clusterer's space, with its prior) filled with the stored counts."""
    return dataclasses.replace(
        empty,
        ids={k: i for i, k in enumerate(raw["keys"])},
        df=list(raw["df"]),
        documents=int(raw["documents"]),
    )


def _vector(ids: bytes, weights: bytes) -> SparseVector:
    return SparseVector(
        np.frombuffer(ids, dtype=np.int32).copy(), np.frombuffer(weights, dtype=np.float32).copy()
    )


def from_state(state: dict[str, Any]) -> StoryClusterer:
    """Rebuild a clusterer from ``to_state``'s output."""
    if state.get("version") != STATE_VERSION:
        raise ValueError(
            f"story state version {state.get('version')!r} is not "
            f"{STATE_VERSION}: rebuild the stories from the stored analyses"
        )
    c = StoryClusterer(settings=Settings(**state["settings"]))
    c.next_number = int(state["next_number"])
    c.term_space = _load_space(state["terms"], c.term_space)
    c.entity_space = _load_space(state["entities"], c.entity_space)
    c.detail_space = _load_space(state["details"], c.detail_space)
    for raw in state["members"]:
        member = Member(
            key=raw["key"],
            id=raw["id"],
            story=int(raw["story"]),
            published=raw["published"],
            outlet=raw["outlet"],
            title=raw["title"],
            embedding=np.frombuffer(raw["embedding"], dtype=np.float16).copy(),
            terms=_vector(raw["term_ids"], raw["term_weights"]),
            entities=_vector(raw["entity_ids"], raw["entity_weights"]),
            index_keys=tuple(raw["index_keys"]),
            places=frozenset(raw["places"]),
            details=_vector(raw["detail_ids"], raw["detail_weights"]),
            duplicate_of=raw["duplicate_of"],
            date_inferred=bool(raw.get("date_inferred", False)),
        )
        c.members[member.key] = member
        c.duplicates.add(member.key, np.frombuffer(raw["signature"], dtype=np.uint64).copy())
        if member.duplicate_of is not None:
            c.copy_groups.setdefault(member.duplicate_of, set()).add(member.key)
        c.index.add(member.story, member.index_keys)
    c.latest = state.get("latest")
    c.since_sweep = int(state.get("since_sweep", 0))  # absent before: a sweep's phase was lost
    for raw in state["stories"]:
        story = Story(int(raw["number"]), members=list(raw["members"]))
        c.stories[story.number] = story
        c.rebuild(story)
        if raw.get("settled"):
            c.settle(story)
        else:
            c.active.add(story.number)
    for space in _spaces(c).values():
        space.take_changed()  # loaded as stored
    return c
