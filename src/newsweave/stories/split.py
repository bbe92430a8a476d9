"""Split a story that has grown over two distinct events.

An online clusterer must decide at once whether an article joins a story. The first report
of a second, similar event (another earthquake in the same region) is often close enough to
join the first event's story. Once the second event has a few reports, the story's members
fall into two groups that are more similar within than across: a spectral bisection of the
members' similarity matrix finds the groups, and the story is split when the mean similarity
across is clearly lower than within each group.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["bisect", "should_split"]

Matrix = npt.NDArray[np.float64]


def bisect(similarity: Matrix) -> tuple[list[int], list[int]]:
    """Two groups of rows: the normalised cut of the similarity graph (Shi and Malik, 2000).

    The plain Laplacian's Fiedler vector tends to cut off the one member least tied to the
    rest (a cut is cheap when it severs few weights), so two events mixed in one story were
    left together with a lone outlier proposed as the second group. Normalising by each
    member's total similarity weighs a cut against the size of what it separates.
    """
    weights = np.clip(similarity, 0.0, None)
    np.fill_diagonal(weights, 0.0)
    scale = 1.0 / np.sqrt(np.maximum(weights.sum(axis=1), 1e-12))
    laplacian = np.eye(len(weights)) - scale[:, None] * weights * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    fiedler = scale * vectors[:, 1]
    # The eigenvector's sign is arbitrary: orient it so the first row is always in group one.
    if fiedler[0] < 0:
        fiedler = -fiedler
    side = fiedler >= 0
    return _refine(similarity, side)


def _refine(
    similarity: Matrix,
    side: npt.NDArray[np.bool_],
    *,
    rounds: int = 3,
) -> tuple[list[int], list[int]]:
    """Move each row to the group it is closer to on average (the sign cut is coarse)."""
    n = len(side)
    for _ in range(rounds):
        inside = side.astype(np.float64)
        count_in, count_out = inside.sum(), n - inside.sum()
        if count_in < 2 or count_out < 2:
            break
        to_first = (similarity @ inside - np.diag(similarity) * inside) / (count_in - inside)
        to_second = (similarity @ (1 - inside) - np.diag(similarity) * (1 - inside)) / (
            count_out - (1 - inside)
        )
        moved = to_first >= to_second
        moved[0] = True  # row 0 anchors group one
        if np.array_equal(moved, side):
            break
        side = moved
    return [i for i in range(n) if side[i]], [i for i in range(n) if not side[i]]


def _mean_within(similarity: Matrix, rows: list[int]) -> float:
    block = similarity[np.ix_(rows, rows)]
    n = len(rows)
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))


def should_split(
    similarity: Matrix, *, ratio: float, min_size: int
) -> tuple[list[int], list[int]] | None:
    """The two groups to split into, or None when the story is one event.

    Args:
        similarity: the members' pairwise similarities.
        ratio: split when mean similarity across < ``ratio`` x the lower mean within.
        min_size: each group needs at least this many members.
    """
    if len(similarity) < 2 * min_size:
        return None
    first, second = bisect(similarity)
    if len(first) < min_size or len(second) < min_size:
        return None
    across = float(similarity[np.ix_(first, second)].mean())
    within = min(_mean_within(similarity, first), _mean_within(similarity, second))
    return (first, second) if across < ratio * within else None
