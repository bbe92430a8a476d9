"""Score story grouping against a gold partition (ECB+ sub-topics): B-cubed and pairwise.

Every document of the corpus is linked and then clustered together, in file order, by the
online grouper, as ``newsweave run`` and ``ingest`` do; the resulting stories are compared
with the gold sub-topics (each ECB+ topic holds two similar but distinct events, so a
topic-level grouping scores about 0.5 precision).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

from newsweave.evaluate.common import Counts, Report, analysed, read_corpus
from newsweave.records import ArticleAnalysis
from newsweave.stories import OnlineStories, Settings

__all__ = ["bcubed", "cluster_in_order", "evaluate", "pairwise"]

log = logging.getLogger(__name__)


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted partition against a gold one."""
    pred_sizes = Counter(predicted.values())
    gold_sizes = Counter(gold.values())
    both = Counter((predicted[d], gold[d]) for d in gold)
    p = sum(both[(predicted[d], gold[d])] / pred_sizes[predicted[d]] for d in gold) / len(gold)
    r = sum(both[(predicted[d], gold[d])] / gold_sizes[gold[d]] for d in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Counts:
    """Pairs of documents put together: true positives, false positives, false negatives."""

    def pairs(sizes: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    together = pairs(Counter((predicted[d], gold[d]) for d in gold))
    return Counts(
        tp=together,
        fp=pairs(Counter(predicted[d] for d in gold)) - together,
        fn=pairs(Counter(gold[d] for d in gold)) - together,
    )


def cluster_in_order(
    analyses: list[ArticleAnalysis], *, settings: Settings | None = None
) -> dict[str, str]:
    """Feed the articles to the online grouper in the given order: article id -> story id."""
    online = OnlineStories(settings=settings)
    online.add_many(analyses)
    online.consolidate()  # as at the end of an ingested batch
    return {story_id: summary.id for summary in online.stories() for story_id in summary.articles}


def evaluate(corpus_dir: Path, *, limit: int | None = None) -> Report:
    """Cluster every document of ``corpus_dir`` together and score against gold sub-topics."""
    from newsweave.pipeline.collection import link_all  # the language pipeline loads only here

    pairs = list(read_corpus(corpus_dir, limit=limit))
    gold = {
        article.id: str(record.get("subtopic") or record.get("topic")) for article, record in pairs
    }
    failed: list[str] = []
    analyses = [a for a, _ in analysed((article for article, _ in pairs), failed)]
    # Entities are linked first, as ``newsweave run`` and ``ingest`` do before grouping.
    predicted = cluster_in_order(link_all(analyses)[0])
    scored = {d: g for d, g in gold.items() if d in predicted}
    p, r, f1 = bcubed(predicted, scored)
    report = Report(task="stories", corpus=str(corpus_dir), documents=len(scored))
    report.rows["b-cubed"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
    report.rows["pairwise"] = pairwise(predicted, scored).as_dict()
    report.notes.append(
        f"{len(set(predicted.values()))} stories predicted, "
        f"{len(set(scored.values()))} gold sub-topics"
    )
    report.note_failures(failed)
    return report


def _errors(predicted: Mapping[str, str], gold: Mapping[str, str]) -> list[str]:
    """For reading misses: each predicted story that mixes gold sub-topics."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for d, s in predicted.items():
        by_story[s].append(d)
    return [
        f"{s}: {sorted(Counter(gold[d] for d in docs).items())}"
        for s, docs in by_story.items()
        if len({gold[d] for d in docs}) > 1
    ]
