"""The story scorer: B-cubed and pairwise counts, and the floor on ECB+ sub-topics."""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsweave.evaluate.stories import bcubed, evaluate, pairwise

#: Measured on the whole ECB+ dev part, entities linked first as in the product: B-cubed F1
#: 0.951, pairwise F1 0.925 (see the Stories section of docs/evaluation.md). The B-cubed floor
#: is the issue's target itself: a change that loses it fails CI.
BCUBED_F1_FLOOR = 0.95
PAIRWISE_F1_FLOOR = 0.92

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        (GOLD, (1.0, 1.0, 1.0)),
        ({d: "one" for d in GOLD}, (13 / 25, 1.0, 2 * 13 / 25 / (1 + 13 / 25))),
        ({d: d for d in GOLD}, (1.0, 0.2 * (3 * 1 / 3 + 2 * 1 / 2), None)),
    ],
)
def test_bcubed(predicted: dict[str, str], expected: tuple[float, float, float | None]) -> None:
    p, r, f1 = bcubed(predicted, GOLD)
    assert p == pytest.approx(expected[0])
    assert r == pytest.approx(expected[1])
    if expected[2] is not None:
        assert f1 == pytest.approx(expected[2])


def test_pairwise() -> None:
    counts = pairwise({"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}, GOLD)
    # predicted pairs: ab, cd, ce, de; gold pairs: ab, ac, bc, de
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 2)


@pytest.mark.slow
def test_ecbplus_floor() -> None:
    report = evaluate(shared_path("corpus/ecbplus"))
    assert report.documents == 772
    assert report.rows["b-cubed"]["f1"] >= BCUBED_F1_FLOOR
    assert report.rows["pairwise"]["f1"] >= PAIRWISE_F1_FLOOR
