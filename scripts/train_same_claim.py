"""Train the fast same-claim model (``newsweave.fuse.pairs.fast``) on MSRP's training part.

Usage: .venv/bin/python scripts/train_same_claim.py --corpus ../shared/corpus/msrp \
           [--claims ../shared/corpus/claims]

Deterministic, about a minute: the held-out part (``newsweave.evaluate.pairs.split_pairs``)
is never read for training; the regularisation strength and the decision threshold are chosen
by five-fold cross-validation on the training part alone, and the bias is shifted so that the
threshold is 0.5. Writes ``src/newsweave/fuse/models/same_claim.json`` and prints the fast
model's scores on both parts (``newsweave evaluate pairs`` scores it with the close reader).

MSRP pairs are paraphrases or near-misses of one sentence; the pairs a dossier asks about are
clauses of two outlets' reports, often worded apart and with a clause more on one side. With
``--claims``, the candidate pairs of the claims corpus's *tune* stories (``evaluate.claims.
PARTS``), labelled by its gold, are trained on too; its *check* story is never read.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from newsweave.embed import embed
from newsweave.evaluate.claims import candidate_pairs
from newsweave.evaluate.pairs import read_pairs, scores, split_pairs
from newsweave.fuse.pairs import MODEL_PATH, SCALARS, features

STRENGTHS = (0.01, 0.1, 1.0, 10.0)


def _matrix(records: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    pairs = [(r["a"], r["b"]) for r in records]
    x = features(pairs, embed([a for a, _ in pairs]), embed([b for _, b in pairs]))
    return x.astype(np.float64), np.array([int(r["label"]) for r in records])


def _best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    grid = np.round(np.arange(0.30, 0.80, 0.01), 2)
    return float(max(grid, key=lambda t: (((p >= t) == y).mean(), -abs(t - 0.5))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--claims", type=Path, help="a claims corpus: train on its tune part too")
    args = parser.parse_args()
    started = time.perf_counter()
    train, heldout = split_pairs(read_pairs(args.corpus))
    if args.claims:
        stories = candidate_pairs(args.claims, part="tune")
        print(f"{len(stories)} pairs of the claims corpus's tune part")
        train = train + [{"a": a, "b": b, "label": label} for a, b, label in stories]
    x, y = _matrix(train)
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(xs, y))
    best = None
    for c in STRENGTHS:
        p = np.zeros(len(y))
        for fit, held in folds:
            model = LogisticRegression(C=c, max_iter=2000).fit(xs[fit], y[fit])
            p[held] = model.predict_proba(xs[held])[:, 1]
        t = _best_threshold(p, y)
        accuracy = ((p >= t) == y).mean()
        print(f"C={c}: cross-validated accuracy {accuracy:.4f} at threshold {t}")
        if best is None or accuracy > best[0]:
            best = (accuracy, c, t)
    assert best is not None
    _, c, t = best
    model = LogisticRegression(C=c, max_iter=2000).fit(xs, y)
    bias = float(model.intercept_[0]) - float(np.log(t / (1 - t)))  # the threshold at 0.5
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    saved = {
        "about": "Logistic same-claim model over newsweave.fuse.pairs.features, trained on the "
        "MSRP training split less its held-out part by scripts/train_same_claim.py.",
        "scalars": list(SCALARS),
        "C": c,
        "cross-validated threshold": t,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "bias": round(bias, 6),
    }
    MODEL_PATH.write_text(json.dumps(saved) + "\n", encoding="utf-8")
    for name, part in (("train", train), ("heldout", heldout)):
        xp, yp = _matrix(part)
        p = model.predict_proba(scaler.transform(xp))[:, 1]
        print(name, scores(yp.tolist(), (p >= t).tolist()))
    print(f"C={c}, threshold {t}; {time.perf_counter() - started:.1f} s; wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
