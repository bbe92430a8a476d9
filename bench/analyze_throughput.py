"""Analysis throughput next to bare spaCy on the same texts, in the same run.

Prints words per second for bare ``nlp.pipe`` and for the whole analysis (``pipeline.analyse``),
their ratio (what counts: the analysis should reach at least 0.8 of bare spaCy), the cost of
each step as a share of the model's time, and the peak memory.

    python bench/analyze_throughput.py --copies 20
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from newsweave import nlp
from newsweave.errors import InputError
from newsweave.ingest import read
from newsweave.pipeline import STEPS, analyse
from newsweave.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def load_articles(copies: int) -> list[Article]:
    base = [a for a in read([EXAMPLES]) if not isinstance(a, InputError)]
    # Distinct copies, so no cache anywhere can make later copies cheaper.
    return [
        replace(a, id=f"{a.id}#{n}", key=f"{a.key}{n}", text=f"{a.text}\n\nCopy {n}.")
        for n in range(copies)
        for a in base
    ]


def set_up(description: str) -> tuple[argparse.Namespace, list[Article], int, Language]:
    """The bench's arguments (``--copies``, ``--rounds``), its articles, their words, and the
    language model loaded and warmed up: what the throughput benches share."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument(
        "--copies", type=int, default=20, help="copies of the examples (default 20)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="best of this many rounds")
    args = parser.parse_args()
    articles = load_articles(args.copies)
    model = nlp.load()
    list(model.pipe(a.text for a in articles[:10]))  # warm up
    return args, articles, sum(len(a.text.split()) for a in articles), model


def main() -> None:
    args, articles, words, model = set_up(__doc__)

    bare, full = float("inf"), float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        docs = list(model.pipe((a.text for a in articles), batch_size=32))
        bare = min(bare, time.perf_counter() - start)
        start = time.perf_counter()
        results = list(analyse(articles, model=model))
        full = min(full, time.perf_counter() - start)
    assert len(results) == len(articles)

    step_seconds = dict.fromkeys((s.name for s in STEPS), 0.0)
    for doc, article in zip(docs, articles, strict=True):
        found: dict[str, tuple[object, ...]] = {}
        for step in STEPS:
            start = time.perf_counter()
            found[step.name] = tuple(step.fn(doc, article, **{n: found[n] for n in step.needs}))
            step_seconds[step.name] += time.perf_counter() - start

    print(f"articles {len(articles)}  words {words}  model {model.meta['name']}")
    print(f"bare nlp.pipe      {words / bare:9.0f} words/s  ({bare:.2f} s)")
    print(f"newsweave analyse  {words / full:9.0f} words/s  ({full:.2f} s)")
    print(f"ratio analyse / bare spaCy: {bare / full:.3f}  (target >= 0.80)")
    for name, seconds in step_seconds.items():
        print(f"  step {name:<10} {seconds:7.3f} s  = {100 * seconds / bare:5.1f}% of model time")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
