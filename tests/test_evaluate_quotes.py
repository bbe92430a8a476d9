"""The quote scorer: overlap and matching rules, and CI floors on the gold corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from newsweave.errors import InputError
from newsweave.evaluate.quotes import Unit, evaluate, match, overlap, seed_overlap

#: PolNeAR documents scored in CI: the first 300 of 924 keep the test to a few minutes.
POLNEAR_SUBSET = 300
#: Floors a little under what was measured (docs/evaluation.md); a regression fails CI.
FLOORS = {
    ("direct @0.3", "f1"): 0.93,  # measured 0.943
    ("direct speaker", "accuracy"): 0.96,  # measured 0.970
    ("indirect @0.3", "f1"): 0.49,  # measured 0.503
    ("indirect speaker", "accuracy"): 0.91,  # measured 0.917
}


def unit(*words: int) -> Unit:
    return Unit(frozenset(words), "direct", ())


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((1, 2, 3, 4), (1, 2, 3, 4), 1.0), ((1, 2, 3, 4), (3, 4), 0.5), ((1, 2), (3, 4), 0.0)],
)
def test_overlap_is_shared_over_longer(
    a: tuple[int, ...], b: tuple[int, ...], expected: float
) -> None:
    assert overlap(frozenset(a), frozenset(b)) == expected


def test_match_is_one_to_one_best_first() -> None:
    predicted = [unit(1, 2, 3, 4), unit(1, 2)]
    gold = [unit(1, 2, 3, 4)]
    assert match(predicted, gold, 0.3) == [(0, 0)]
    assert match([unit(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)], gold, 0.8) == []


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("We will win this race.", "we will win this race", True),
        ("We will lose it all", "We will win this race, and then the next one.", False),
        ("A long answer that goes on and on and on and on", "on and on and on and on", True),
    ],
)
def test_seed_overlap(predicted: str, gold: str, expected: bool) -> None:
    assert seed_overlap(predicted, gold) is expected


@pytest.mark.slow
def test_seeds_score() -> None:
    report = evaluate(shared_path("corpus/seeds"))
    assert report.rows["seeds quote and speaker"]["accuracy"] == 1.0, report.notes


@pytest.mark.slow
def test_polnear_floors() -> None:
    report = evaluate(shared_path("corpus/polnear"), limit=POLNEAR_SUBSET)
    assert report.below(FLOORS) == {}, report.rows


def write_corpus(folder: Path, articles: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Path:
    folder.mkdir()
    for name, records in (("articles.jsonl", articles), ("gold.jsonl", gold)):
        lines = (json.dumps(r) for r in records)
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def span(text: str, words: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


def test_speaker_chains_score_who_a_pronoun_stands_for(tmp_path: Path) -> None:
    """An ECB+-style corpus: the "she" is scored against the chain that names her."""
    text = (
        "Harbour chief Agnes Mbeki met the union leader Tomas Rigg on Monday. "
        "“The strike ends tonight,” she said. “We have a deal,” Rigg said."
    )
    chains = [
        {
            "chain": "A",
            "type": "HUMAN_PART_PER",
            "spans": [span(text, "Agnes Mbeki"), span(text, "she")],
        },
        {
            "chain": "B",
            "type": "HUMAN_PART_PER",
            "spans": [span(text, "Tomas Rigg"), span(text, "Rigg", 1)],
        },
    ]
    corpus = write_corpus(
        tmp_path / "chains",
        [{"id": "1_1", "text": text}],
        [{"id": "1_1", "topic": "1", "entities": chains}],
    )
    rows = evaluate(corpus).rows
    assert rows["speaker resolved, mention a pronoun"] == {"accuracy": 1.0, "n": 1}
    assert rows["speaker resolved, mention a name"] == {"accuracy": 1.0, "n": 1}
    assert evaluate(corpus, part="check").documents == 0  # topic 1 is a tune topic


def test_attribution_parts_follow_the_compartment(tmp_path: Path) -> None:
    text = "“The bridge opens in June,” Mayor Lina Sorel said."
    content, source = span(text, "The bridge opens in June,"), span(text, "Mayor Lina Sorel")
    gold = {"attributions": [{"source": [source], "cue": [], "content": [content], "direct": True}]}
    corpus = write_corpus(
        tmp_path / "attributions",
        [{"id": f"d{i}", "text": text, "compartment": c} for i, c in enumerate(("train", "dev"))],
        [{"id": f"d{i}", **gold} for i in range(2)],
    )
    report = evaluate(corpus, part="check")
    assert report.documents == 1
    assert report.rows["direct speaker"] == {"accuracy": 1.0, "n": 1}
    assert report.rows["speaker, source a pronoun or description"]["n"] == 0
    with pytest.raises(InputError):
        evaluate(corpus, part="holdout")
