"""Score the same-claim decision (``fuse/pairs.py``) on labelled sentence pairs (MSRP).

The corpus is split once, by a fixed rule, into a part the model is trained on and a part it
never sees (``split_pairs``): pairs are grouped by the sentences they share, so no sentence
of a held-out pair was seen in training, and every fifth group (by a hash of its smallest
sentence id) is held out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.evaluate.common import Counts, Report

__all__ = ["evaluate", "read_pairs", "split_pairs"]

ANCHORS = (
    "Anchors on the official MSRP test split (accuracy / F1 of label 1): majority class "
    "66.5 / 79.9; Mihalcea et al. 2006 70.3 / 81.3; Wan et al. 2006 75.6 / 83.0; fine-tuned "
    "large transformers about 90 / 93."
)


def read_pairs(corpus_dir: Path) -> list[dict[str, Any]]:
    """The labelled pairs of ``corpus_dir/pairs.jsonl`` (fields id, a, b, label)."""
    path = corpus_dir / "pairs.jsonl"
    if not path.is_file():
        raise InputError(str(path), "missing: a pairs corpus holds pairs.jsonl")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def split_pairs(
    records: Sequence[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, heldout): whole groups of pairs linked by a shared sentence id, one in five
    held out, chosen by a hash so the split never depends on the file order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for record in records:
        a, _, b = record["id"].partition("-")
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for record in records:
        a = record["id"].partition("-")[0]
        groups.setdefault(find(a), []).append(a)
    held = {
        root
        for root, ids in groups.items()
        if int(hashlib.sha1(min(ids).encode()).hexdigest(), 16) % 5 == 0
    }
    train = [r for r in records if find(r["id"].partition("-")[0]) not in held]
    heldout = [r for r in records if find(r["id"].partition("-")[0]) in held]
    return train, heldout


def scores(labels: Iterable[int], predicted: Iterable[bool]) -> dict[str, float]:
    """Accuracy, and precision, recall and F1 of label 1."""
    counts, right, total = Counts(), 0, 0
    for gold, said in zip(labels, predicted, strict=True):
        total += 1
        right += int(gold == int(said))
        counts.tp += int(gold == 1 and said)
        counts.fp += int(gold == 0 and said)
        counts.fn += int(gold == 1 and not said)
    row = counts.as_dict()
    return {
        "accuracy": round(right / total, 4) if total else 0.0,
        "precision": row["precision"],
        "recall": row["recall"],
        "f1": row["f1"],
        "pairs": total,
    }


def evaluate(corpus_dir: Path, *, limit: int | None = None, part: str = "heldout") -> Report:
    """Score the same-claim decision on one part of a pairs corpus (heldout, train or all)."""
    from newsweave.fuse.pairs import same_claim, threshold

    records = read_pairs(corpus_dir)
    train, heldout = split_pairs(records)
    chosen = {"heldout": heldout, "train": train, "all": records}.get(part)
    if chosen is None:
        raise InputError(part, "no such part: choose heldout, train or all")
    chosen = chosen[:limit] if limit else chosen
    probabilities = same_claim([(r["a"], r["b"]) for r in chosen])
    report = Report(task="pairs", corpus=str(corpus_dir), documents=len(chosen))
    bar = threshold()
    report.rows[f"same claim ({part})"] = scores(
        (int(r["label"]) for r in chosen), (bool(p >= bar) for p in probabilities)
    )
    majority = max(0.5, sum(int(r["label"]) for r in chosen) / max(len(chosen), 1))
    report.rows["majority class"] = {"accuracy": round(majority, 4)}
    report.notes.append(ANCHORS)
    return report
