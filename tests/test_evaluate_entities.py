"""The entity scorer, and the floors it must keep on ECB+ (dev topics)."""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsweave.evaluate.entities import REFERENCE_ROW, b_cubed, evaluate, reference_clusters

#: Floors measured on the full dev part (see docs/evaluation.md, Entities); raise, never lower.
F1_FLOOR = 0.803
MARGIN_OVER_BASELINE = 0.10
COVERAGE_FLOOR = 0.903
CHAINED_RECALL_FLOOR = 0.77
CHAINED_PRECISION_FLOOR = 0.975


def test_b_cubed_perfect_and_lumped() -> None:
    mentions = [("d", 0, 1, "A", "x"), ("d", 2, 3, "A", "x"), ("d", 4, 5, "B", "y")]
    assert b_cubed(mentions, lambda m: m[4])["f1"] == 1.0
    lumped = b_cubed(mentions, lambda m: "one")
    assert lumped["recall"] == 1.0 and lumped["precision"] == pytest.approx(0.5556, abs=1e-3)


@pytest.mark.slow
def test_ecbplus_floors() -> None:
    report = evaluate(shared_path("corpus/ecbplus"))
    system, baseline = report.rows["b-cubed"], report.rows["baseline (identical strings)"]
    assert system["f1"] >= F1_FLOOR, report.rows
    assert system["f1"] - baseline["f1"] >= MARGIN_OVER_BASELINE, report.rows
    assert report.rows["mentions"]["coverage"] >= COVERAGE_FLOOR, report.rows
    chained = report.rows["b-cubed, chained gold only"]
    assert chained["recall"] >= CHAINED_RECALL_FLOOR, report.rows
    assert chained["precision"] >= CHAINED_PRECISION_FLOOR, report.rows
    # The ceiling of a system that gets every identity right (see the report's notes).
    assert 0.89 <= report.rows[REFERENCE_ROW]["f1"] < 0.90, report.rows


def test_reference_joins_singletons_by_text_within_a_topic() -> None:
    gold = [
        ("d1", 0, 1, "Vell", "c1"),
        ("d2", 0, 1, "Vell", "SINGLETON_d2_1"),  # same topic, same text as chain c1
        ("d3", 0, 1, "Vell", "SINGLETON_d3_1"),  # another topic: stays apart from c1
        ("d3", 5, 6, "Vell", "SINGLETON_d3_2"),
        ("d2", 5, 6, "Moor", "SINGLETON_d2_2"),
    ]
    cluster = reference_clusters(gold, {"d1": "1", "d2": "1", "d3": "2"})
    assert [cluster(m) for m in gold] == ["c1", "c1", "text:2:Vell", "text:2:Vell", "text:1:Moor"]
