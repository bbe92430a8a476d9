"""The same-claim decision: do two sentences of two outlets state one claim?

Two readers, trained on news sentence pairs (MSRP: clusters of reports of one event, each
pair labelled "same meaning" or not, most negatives sharing many words):

- a **fast** logistic model over what separates a rewording from a different claim about the
  same people: the cosine of the two sentence embeddings (which the dossier computes anyway),
  how many content words, word pairs and names each shares with the other in both directions
  (one sentence may add a clause the other lacks), whether their numbers agree, whether one
  denies what the other states. It costs microseconds a pair.
- a **close** reader (``fuse/reader.py``), a cross-encoder that reads both sentences together,
  asked only about the pairs the fast model leaves in doubt (a probability between ``DOUBT``'s
  bounds): about 20 ms a pair on two cores.

Measured by ``newsweave evaluate pairs``. The dossier's facts do not use it: wired in, it
joined fewer of the reference articles' loosely worded corroborations than the embedding
cosine the dossier uses (MSRP's "same meaning" is stricter than "the same claim";
docs/evaluation.md, "Claims"). Statements ask it about one speaker's quotes that the
embedding finds only fairly close (``fuse/statements.py``): there it tells two things one
person said from one thing said twice.

Both are trained by ``scripts/train_same_claim.py`` and ``scripts/train_reader.py``
(deterministic, on MSRP's training part only); the weights ship in ``fuse/models``. Answers
are cached by pair, so a dossier rebuilt when an article joins asks only about new pairs.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import re
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsweave.errors import ModelError
from newsweave.fuse.units import content_words

__all__ = [
    "DOUBT",
    "MODEL_PATH",
    "SCALARS",
    "fast",
    "features",
    "numbers_in",
    "same_claim",
    "threshold",
]

MODEL_PATH = Path(__file__).with_name("models") / "same_claim.json"
#: The fast model's probabilities between which the close reader decides instead.
DOUBT = (0.15, 0.9)
_CACHE_SIZE = 50_000
_cache: OrderedDict[str, float] = OrderedDict()

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = frozenset(["not", "no", "never", "nobody", "none", "nothing", "without", "n't"])
_SPELLED = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
}
#: The names of the scalar features, in the order ``scalar_features`` returns them.
SCALARS = (
    "cosine",
    "content overlap (min)",
    "content overlap (max)",
    "word jaccard",
    "bigram jaccard",
    "names shared (min)",
    "names missing",
    "numbers in both",
    "numbers agree",
    "numbers missing",
    "negation differs",
    "length ratio",
)


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 1.0


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _numbers(words: list[str]) -> set[str]:
    out = set()
    for w in words:
        if _NUMBER.fullmatch(w):
            out.add(w.replace(",", ""))
        elif w in _SPELLED:
            out.add(_SPELLED[w])
    return out


def numbers_in(text: str) -> set[str]:
    """The numbers a text states, in digits ("two million" -> {"2", "1000000"})."""
    return _numbers(_words(text))


def _names(text: str) -> set[str]:
    """Capitalised words after the first: the people, places and bodies a sentence names."""
    tokens = _WORD.findall(text)
    return {t.lower() for t in tokens[1:] if t[:1].isupper()}


def scalar_features(a: str, b: str, cosine: float) -> list[float]:
    """The order-free scalar features of a pair (``SCALARS`` names them)."""
    wa, wb = _words(a), _words(b)
    ca, cb = set(content_words(a)), set(content_words(b))
    share = sorted((_share(ca, cb), _share(cb, ca)))
    bigrams_a, bigrams_b = set(itertools.pairwise(wa)), set(itertools.pairwise(wb))
    na, nb = _names(a), _names(b)
    names = sorted((_share(na, nb), _share(nb, na)))
    xa, xb = _numbers(wa), _numbers(wb)
    both = bool(xa and xb)
    return [
        cosine,
        share[0],
        share[1],
        _jaccard(set(wa), set(wb)),
        _jaccard({" ".join(g) for g in bigrams_a}, {" ".join(g) for g in bigrams_b}),
        names[0],
        float(len(na ^ nb)),
        float(both),
        float(both and xa == xb),
        float(len(xa ^ xb)),
        float(bool(_NEGATION & set(wa)) != bool(_NEGATION & set(wb))),
        min(len(wa), len(wb)) / max(len(wa), len(wb), 1),
    ]


def features(
    pairs: Sequence[tuple[str, str]], va: npt.NDArray[np.float32], vb: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """The fast model's input for each pair (``SCALARS`` names the columns)."""
    cosine = (va * vb).sum(axis=1)
    rows = [scalar_features(a, b, float(c)) for (a, b), c in zip(pairs, cosine, strict=True)]
    return np.array(rows, dtype=np.float32).reshape(len(pairs), len(SCALARS))


@functools.cache
def _model() -> tuple[npt.NDArray[np.float64], float]:
    """The fast model's weights and bias, on unscaled features; 0.5 is its decision bar."""
    try:
        saved = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"{MODEL_PATH}: the same-claim model is missing or unreadable: "
            "train it with scripts/train_same_claim.py"
        ) from exc
    weights = np.array(saved["weights"]) / np.array(saved["scale"])
    return weights, float(saved["bias"]) - float(weights @ np.array(saved["mean"]))


def threshold() -> float:
    """The probability from which a pair states one claim."""
    return 0.5


def fast(pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
    """The fast model's probability that each pair states one claim."""
    from newsweave.embed import embed

    weights, bias = _model()
    x = features(pairs, embed([a for a, _ in pairs]), embed([b for _, b in pairs]))
    return (1.0 / (1.0 + np.exp(-(x.astype(np.float64) @ weights + bias)))).astype(np.float32)


def same_claim(pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
    """The probability that each pair of sentences states one claim (order does not matter)."""
    out = np.zeros(len(pairs), dtype=np.float32)
    todo: dict[str, list[int]] = {}
    for i, (a, b) in enumerate(pairs):
        key = _key(a, b)
        if (hit := _cache.get(key)) is not None:
            out[i] = hit
        else:
            todo.setdefault(key, []).append(i)
    if todo:
        asked = [_ordered(*pairs[rows[0]]) for rows in todo.values()]
        answers = fast(asked)
        doubt = [n for n, p in enumerate(answers) if DOUBT[0] <= p <= DOUBT[1]]
        if doubt:
            from newsweave.fuse.reader import read

            answers[doubt] = read([asked[n] for n in doubt])
        for (key, rows), p in zip(todo.items(), answers, strict=True):
            out[rows] = p
            _cache[key] = float(p)
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return out


def _ordered(a: str, b: str) -> tuple[str, str]:
    """One order for a pair, so that (a, b) and (b, a) are asked and cached alike."""
    return (a, b) if a <= b else (b, a)


def _key(a: str, b: str) -> str:
    first, second = _ordered(a, b)
    return hashlib.sha1(f"{first}\x00{second}".encode()).hexdigest()
