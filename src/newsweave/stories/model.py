"""What the story grouper keeps: its settings, each assigned article, and each story's sums."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsweave.stories.vectors import SparseVector

__all__ = ["Member", "Settings", "Story", "Vector"]

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Settings:
    """Weights of the four views, the threshold to join a story, and the split rule."""

    terms: float = 1.0
    entities: float = 0.5
    embedding: float = 0.5
    details: float = 0.75  # numbers, people and places: what tells two similar events apart
    threshold: float = 0.18  # weighted mean similarity (0..1) needed to join a story
    split_ratio: float = 0.75  # split when similarity across < ratio x within
    split_min: int = 6  # members each part of a split needs (small parts split by chance)
    split_max: int = 120  # larger stories are settled: not re-examined
    merge_ratio: float = 0.8  # merge two matched stories when across >= ratio x within
    fragment_size: int = 3  # a story this small merges when across >= threshold
    sigma_days: float = 3.0
    split_time_bonus: float = 0.1  # the same bonus between two members, in the split test
    time_bonus: float = 0.1  # added (times the decay) when both sides are dated
    max_gap_days: float = 10.0  # beyond this the decay is ~0: such stories are not candidates
    prior_documents: float = 1000.0  # how many articles general word frequencies count as
    candidates: int = 30
    index_terms: int = 10  # an article's rarest terms that go into the index
    settle_days: float = 30.0  # a story this far behind the newest date is settled
    settle_every: int = 1000  # articles between two sweeps for settled stories


@dataclass
class Member:
    """What is kept of one article once it is assigned (all of it plain data)."""

    key: str
    id: str
    story: int
    published: str | None
    outlet: str | None
    title: str
    embedding: npt.NDArray[np.float16]  # normalised
    terms: SparseVector
    entities: SparseVector
    index_keys: tuple[str, ...]
    places: frozenset[str] = frozenset()
    details: SparseVector = field(default_factory=SparseVector.empty)
    duplicate_of: str | None = None
    date_inferred: bool = False  # the date is a hint (inferred from the text), not metadata


@dataclass
class Story:
    """One story's running sums; rebuilt from its members whenever they change."""

    number: int
    members: list[str] = field(default_factory=list)  # article keys in arrival order
    terms: dict[int, float] = field(default_factory=dict)  # sum of member vectors
    entities: dict[int, float] = field(default_factory=dict)
    details: dict[int, float] = field(default_factory=dict)
    vector: Vector = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    first: str | None = None  # earliest and latest published date of a member (metadata)
    last: str | None = None
    hint_first: str | None = None  # the same, counting inferred dates too
    hint_last: str | None = None
    settled: bool = False  # too old to receive articles: sums and index entries released
