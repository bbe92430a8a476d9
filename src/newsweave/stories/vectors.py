"""Sparse TF-IDF vectors with incremental document frequencies, stored compactly.

A member's vector is weighted once, when it arrives (sublinear term frequency times the IDF
known then), normalised, and kept as two small arrays (ids, weights). A story keeps the sum of
its members' vectors, so the mean cosine of an article with every member (average link) is a
single sparse dot product divided by the member count.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = ["Space", "SparseVector", "add_into", "dot", "similarity_matrix"]

Ids = npt.NDArray[np.int32]
Weights = npt.NDArray[np.float32]


@dataclass(frozen=True)
class SparseVector:
    """A normalised vector: parallel arrays of vocabulary ids and weights."""

    ids: Ids
    weights: Weights

    @staticmethod
    def empty() -> SparseVector:
        return SparseVector(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


@dataclass
class Space:
    """A vocabulary with document frequencies: turns counts into TF-IDF vectors.

    With a ``prior`` (key -> expected share of documents holding it), the frequencies start
    from ``prior_documents`` imagined documents, so the first documents are weighted sensibly.
    """

    ids: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    documents: int = 0
    # Ids whose frequency changed (or that are new) since a state holding them was marked
    # saved (``stories.state.mark_saved``): what a store that keeps the vocabulary as rows
    # must write.
    changed: set[int] = field(default_factory=set)
    prior: Callable[[str], float] | None = None
    prior_documents: float = 0.0
    # The prior's share of each id, looked up once per key (``idf`` runs for every term).
    shares: array[float] = field(default_factory=lambda: array("f"))

    def __post_init__(self) -> None:
        keys = sorted(self.ids, key=self.ids.__getitem__)[len(self.shares) :]
        self.shares.extend(self._share(key) for key in keys)

    def _share(self, key: str) -> float:
        return self.prior(key) if self.prior is not None else 0.0

    def add_document(self, counts: Mapping[str, int]) -> None:
        """Count one more document holding ``counts``' keys."""
        self.documents += 1
        for key in counts:
            i = self.ids.get(key)
            if i is None:
                i = self.ids[sys.intern(key)] = len(self.df)
                self.df.append(0)
                self.shares.append(self._share(key))
            self.df[i] += 1
            self.changed.add(i)

    def idf(self, key: str) -> float:
        """Smoothed IDF, ``log((N + 1) / (df + 1)) + 1`` (unseen keys weigh most), where N and
        df include the prior's imagined documents."""
        i = self.ids.get(key)
        share = self.shares[i] if i is not None else self._share(key)
        df = (self.df[i] if i is not None else 0) + self.prior_documents * share
        documents = self.documents + (self.prior_documents if self.prior is not None else 0.0)
        return math.log((documents + 1) / (df + 1)) + 1.0

    def vector(self, counts: Mapping[str, int]) -> SparseVector:
        """The normalised TF-IDF vector of ``counts`` (keys must have been added)."""
        pairs = [
            (self.ids[k], (1.0 + math.log(c)) * self.idf(k))
            for k, c in counts.items()
            if c > 0 and k in self.ids
        ]
        if not pairs:
            return SparseVector.empty()
        pairs.sort()
        ids = np.fromiter((i for i, _ in pairs), dtype=np.int32, count=len(pairs))
        weights = np.fromiter((w for _, w in pairs), dtype=np.float32, count=len(pairs))
        norm = float(np.linalg.norm(weights))
        return SparseVector(ids, weights / norm if norm else weights)


def dot(vector: SparseVector, total: Mapping[int, float]) -> float:
    """The dot product of a sparse vector with a summed (dict) vector."""
    get = total.get
    return float(
        sum(
            w * get(i, 0.0)
            for i, w in zip(vector.ids.tolist(), vector.weights.tolist(), strict=True)
        )
    )


def add_into(total: dict[int, float], vector: SparseVector, *, sign: float = 1.0) -> None:
    """Add (or with ``sign=-1`` subtract) ``vector`` into the summed vector ``total``."""
    for i, w in zip(vector.ids.tolist(), vector.weights.tolist(), strict=True):
        total[i] = total.get(i, 0.0) + sign * w


def similarity_matrix(vectors: Sequence[SparseVector]) -> npt.NDArray[np.float64]:
    """Pairwise cosines of normalised sparse vectors (a dense ``n x n`` array)."""
    if not vectors:
        return np.zeros((0, 0))
    indptr = np.cumsum([0, *(len(v.ids) for v in vectors)])
    width = 1 + max((int(v.ids.max()) for v in vectors if len(v.ids)), default=0)
    matrix = sparse.csr_matrix(
        (
            np.concatenate([v.weights for v in vectors]),
            np.concatenate([v.ids for v in vectors]),
            indptr,
        ),
        shape=(len(vectors), width),
    )
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)
