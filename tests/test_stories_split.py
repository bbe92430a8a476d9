"""The split test of a story: which two groups it proposes and when it splits."""

from __future__ import annotations

import numpy as np

from newsweave.stories.split import bisect, should_split


def _similarity(blocks: list[int], within: float, across: float, seed: int = 0) -> np.ndarray:
    """Members in groups of the given sizes, ``within`` alike inside a group and ``across``
    between groups, with a little noise."""
    labels = np.repeat(np.arange(len(blocks)), blocks)
    matrix = np.where(labels[:, None] == labels[None, :], within, across)
    noise = np.random.default_rng(seed).uniform(-0.03, 0.03, matrix.shape)
    matrix = matrix + (noise + noise.T) / 2
    np.fill_diagonal(matrix, 1.0)
    return matrix


def test_two_events_are_cut_apart_not_a_lone_outlier() -> None:
    # Two events of eight reports, and one report weakly tied to everything: the plain
    # Laplacian's cut isolates that report; the normalised cut separates the events.
    matrix = _similarity([8, 8, 1], within=0.45, across=0.22)
    matrix[16, :16] = matrix[:16, 16] = 0.06
    first, second = bisect(matrix)
    assert {frozenset(first) - {16}, frozenset(second) - {16}} == {
        frozenset(range(8)),
        frozenset(range(8, 16)),
    }
    assert should_split(matrix, ratio=0.72, min_size=6) is not None


def test_one_event_is_not_split() -> None:
    matrix = _similarity([16], within=0.4, across=0.4)
    assert should_split(matrix, ratio=0.72, min_size=6) is None


def test_a_group_too_small_is_no_reason_to_split() -> None:
    matrix = _similarity([12, 3], within=0.45, across=0.1)
    assert should_split(matrix, ratio=0.72, min_size=6) is None


def test_the_first_member_stays_in_the_first_group() -> None:
    matrix = _similarity([6, 6], within=0.5, across=0.1)
    order = [7, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11]  # a second-event member first
    first, _ = bisect(matrix[np.ix_(order, order)])
    assert 0 in first
