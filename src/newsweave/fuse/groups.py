"""Items grouped by the links found between them: union-find for statements, and a cohesive
variant for facts."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["Similarity", "cohesive_groups", "connected_groups", "from_matrix"]

Indices = npt.NDArray[np.intp]
#: The similarity of items ``rows`` with items ``cols``, as a ``len(rows) x len(cols)`` block:
#: computed when asked, since a story with a very long article has too many items for the
#: whole matrix.
Similarity = Callable[[Indices, Indices], npt.NDArray[np.floating]]


def from_matrix(matrix: npt.NDArray[np.floating]) -> Similarity:
    """The ``Similarity`` of a matrix already computed."""
    return lambda rows, cols: matrix[np.ix_(rows, cols)]


def connected_groups(count: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The indices ``0 .. count-1`` grouped by ``links`` (pairs of indices said to be one);
    each group ascending, groups in the order of their first index."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def cohesive_groups(
    parts: Sequence[Hashable],
    links: Iterable[tuple[float, int, int]],
    similarity: Similarity,
    *,
    cohesion: float,
    passages: Sequence[Hashable] | None = None,
    accept: Callable[[float, int, int], bool] | None = None,
) -> list[list[int]]:
    """The indices of ``parts`` grouped along scored ``links``, best first; a group of more
    than two grows only while its items, across parts, keep a mean ``similarity`` of at least
    ``cohesion``, and with ``passages`` (each item's passage of its part) takes the items
    of one passage of each part only. Groups ascending, in the order of their first index.

    A link says two items (sentences of two articles) state one claim. Links alone chain (A
    like B, B like C), and a whole topic ("the mayor said ...", "the mayor visited ...") would
    become one group; the mean keeps a group to one claim, while a claim one part spreads over
    two items still joins. ``passages`` is for what a part states in one place (a speaker's
    utterance, quoted in one or two pieces in one article): the best link then wins, and a
    look-alike from elsewhere in the same part cannot ride along on it. ``accept`` is a
    costly last check of a link: asked only about the links that would join two groups.
    """
    part_of = np.array([hash(p) for p in parts])
    members = {i: [i] for i in range(len(parts))}
    owner = list(range(len(parts)))
    for score, i, j in sorted(links, key=lambda link: -link[0]):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        if passages is not None and _two_passages(members[a], members[b], parts, passages):
            continue
        if len(members[a]) + len(members[b]) > 2:
            rows, cols = np.array(members[a]), np.array(members[b])
            across = part_of[rows][:, None] != part_of[cols][None, :]
            if not across.any() or similarity(rows, cols)[across].mean() < cohesion:
                continue
        if accept is not None and not accept(score, i, j):
            continue
        for k in members[b]:
            owner[k] = a
        members[a] += members.pop(b)
    return [sorted(group) for group in sorted(members.values(), key=min)]


def _two_passages(
    a: list[int], b: list[int], parts: Sequence[Hashable], passages: Sequence[Hashable]
) -> bool:
    """Whether joining groups ``a`` and ``b`` would take two passages of one part."""
    taken = {parts[i]: passages[i] for i in a}
    return any(taken.get(parts[j], passages[j]) != passages[j] for j in b)
