"""The entity scorer, and the floors it must keep on ECB+ (dev topics)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate.entities import b_cubed, evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared"
ECBPLUS = SHARED / "corpus" / "ecbplus"

#: Floors measured on the full dev part (see docs/evaluation-entities.md); raise, never lower.
F1_FLOOR = 0.78
MARGIN_OVER_BASELINE = 0.05
COVERAGE_FLOOR = 0.88


def test_b_cubed_perfect_and_lumped() -> None:
    mentions = [("d", 0, 1, "A", "x"), ("d", 2, 3, "A", "x"), ("d", 4, 5, "B", "y")]
    assert b_cubed(mentions, lambda m: m[4])["f1"] == 1.0
    lumped = b_cubed(mentions, lambda m: "one")
    assert lumped["recall"] == 1.0 and lumped["precision"] == pytest.approx(0.5556, abs=1e-3)


@pytest.mark.slow
def test_ecbplus_floors() -> None:
    report = evaluate(ECBPLUS)
    system, baseline = report.rows["b-cubed"], report.rows["baseline (identical strings)"]
    assert system["f1"] >= F1_FLOOR, report.rows
    assert system["f1"] - baseline["f1"] >= MARGIN_OVER_BASELINE, report.rows
    assert report.rows["mentions"]["coverage"] >= COVERAGE_FLOOR, report.rows
