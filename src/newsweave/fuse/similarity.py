"""How strongly two claim units say the same thing, for all pairs of a story at once.

The score adds three signals: the cosine of the units' sentence embeddings (meaning, across
rewordings), and idf-weighted Jaccard overlaps of the entities and of the content words they
share (what the embedding misses: the same rare names and numbers). Weighting by how many of
the story's units use a term keeps the story's ever-present names ("Russia", "Ukraine") from
making merely topical sentences look alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "Featured", "pair_scores", "weighted_jaccard"]

Matrix = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Matrix]


class Featured(Protocol):
    """What the scorer reads of a unit."""

    @property
    def text(self) -> str: ...
    @property
    def words(self) -> frozenset[str]: ...
    @property
    def entities(self) -> frozenset[str]: ...


def weighted_jaccard(sets: Sequence[frozenset[str]]) -> Matrix:
    """Pairwise idf-weighted Jaccard overlap of term sets (``len(sets)`` square)."""
    n = len(sets)
    vocab: dict[str, int] = {}
    for terms in sets:
        for term in terms:
            vocab.setdefault(term, len(vocab))
    if not vocab or n == 0:
        return np.zeros((n, n), dtype=np.float32)
    present = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, terms in enumerate(sets):
        present[row, [vocab[t] for t in terms]] = 1.0
    df = present.sum(axis=0)
    idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
    weighted = present * idf
    inter = weighted @ present.T
    mass = weighted.sum(axis=1)
    union = mass[:, None] + mass[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def pair_scores(
    units: Sequence[Featured], vectors: Matrix, *, entity_weight: float, word_weight: float
) -> Matrix:
    """The similarity of every pair of units: the cosine of their (unit-length) sentence
    ``vectors`` + weighted entity and word overlaps."""
    if not units:
        return np.zeros((0, 0), dtype=np.float32)
    score = vectors @ vectors.T
    if entity_weight:
        score = score + entity_weight * weighted_jaccard([u.entities for u in units])
    if word_weight:
        score = score + word_weight * weighted_jaccard([u.words for u in units])
    return np.asarray(score, dtype=np.float32)
