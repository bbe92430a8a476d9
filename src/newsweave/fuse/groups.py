"""Items grouped by the links found between them (union-find), for facts and statements."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["connected_groups"]


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
