"""How story grouping scales: time per article and memory at 1,000 / 10,000 / 100,000 articles.

The articles are synthesised from real ones: the ECB+ dev documents (and the bundled examples)
are analysed and embedded once; each synthetic article is a variant of one of them with its
entities and rarest words renamed, a fresh MinHash signature and a date shifted by a few weeks
per variant, so that many distinct stories exist, as in a real archive. Articles arrive in
date order, and fragments are swept into their stories after every batch of 32, as
`newsweave ingest` does. The language pipeline and the embedding model are not timed: only
grouping is.

    .venv/bin/python bench/stories_scaling.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
import random
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from newsweave import config
from newsweave.embed import embed
from newsweave.ingest import read
from newsweave.records import Article, ArticleAnalysis
from newsweave.stories import StoryClusterer
from newsweave.stories.duplicates import NUM_PERM
from newsweave.stories.features import ArticleFeatures, features

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
EXAMPLES = ROOT / "examples"


def base_analyses(limit: int | None, cache: Path | None) -> list[ArticleAnalysis]:
    """Analyse the real documents once (optionally cached in a file outside the repository)."""
    if cache is not None and cache.is_file():
        loaded: list[ArticleAnalysis] = pickle.loads(cache.read_bytes())
        return loaded
    from newsweave.evaluate.common import read_corpus
    from newsweave.pipeline import analyse

    articles = [a for a, _ in read_corpus(ECBPLUS, limit=limit)]
    articles += [a for a in read([EXAMPLES]) if isinstance(a, Article)]
    analyses = [a for a in analyse(articles) if isinstance(a, ArticleAnalysis)]
    if cache is not None:
        cache.write_bytes(pickle.dumps(analyses))
    return analyses


def variants(
    bases: list[tuple[ArticleFeatures, np.ndarray]],
    n: int,
    *,
    seed: int = 7,
) -> Iterator[tuple[ArticleFeatures, np.ndarray, np.ndarray]]:
    """``n`` synthetic articles in date order: (features, embedding, MinHash signature)."""
    rng = np.random.default_rng(seed)
    start = date(2020, 1, 1)
    per_round = len(bases)
    for i in range(n):
        round_, (f, vector) = divmod(i, per_round)[0], bases[i % per_round]
        tag = f"v{round_}"
        # Rename what makes a story distinct (its main entities and a few rare words), so the
        # vocabulary grows by a few keys per article as a real archive's does.
        rare = set(sorted(f.terms, key=lambda t: (f.terms[t], t))[:5])
        main = set(sorted(f.entities, key=lambda k: (-f.entities[k], k))[:3])
        terms = {(f"{t}_{tag}" if t in rare else t): c for t, c in f.terms.items()}
        entities = {(f"{k}_{tag}" if k in main else k): c for k, c in f.entities.items()}
        details = {
            (f"{k}_{tag}" if k in main or k[1:] in rare else k): c for k, c in f.details.items()
        }
        published = (start + timedelta(days=21 * round_ + (i % 3))).isoformat()
        yield (
            replace(
                f,
                key=f"{f.key}-{tag}",
                id=f"{f.id}-{tag}",
                published=published,
                date_inferred=False,  # a synthetic metadata date, not an inference
                terms=terms,
                entities=entities,
                details=details,
                places=frozenset(f"{p}_{tag}" for p in f.places),
            ),
            vector,
            rng.integers(0, 2**32 - 1, size=NUM_PERM, dtype=np.uint64),
        )


def run(bases: list[tuple[ArticleFeatures, np.ndarray]], n: int) -> tuple[float, int]:
    """CPU seconds to group ``n`` synthetic articles, and the number of stories.

    CPU time of this process rather than wall time: other jobs on a shared machine then
    barely move the growth exponent.
    """
    clusterer = StoryClusterer()
    items = list(variants(bases, n))
    started = time.process_time()
    for i, (f, vector, sig) in enumerate(items, start=1):
        clusterer.add(f, vector, text="", signature_values=sig)
        if i % config.BATCH_SIZE == 0:  # as ``newsweave ingest`` ends each batch
            clusterer.absorb_fragments()
    return time.process_time() - started, len(clusterer.stories)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated article counts (default: %(default)s)",
    )
    parser.add_argument(
        "--base-limit",
        type=int,
        default=None,
        help="analyse only the first N ECB+ documents as bases",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="pickle the base analyses here (outside the repository)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    analyses = base_analyses(args.base_limit, args.cache)
    found = [features(a) for a in analyses]
    vectors = embed([f.lead for f in found])
    bases = list(zip(found, vectors, strict=True))
    random.Random(0).shuffle(bases)
    print(f"{len(bases)} base articles; baseline peak RSS {peak_rss_mb():.0f} MB")
    print(f"{'articles':>9} {'stories':>8} {'cpu s':>8} {'ms/article':>11} {'peak RSS MB':>12}")
    per_article: dict[int, float] = {}
    for n in sizes:
        seconds, stories = run(bases, n)
        per_article[n] = seconds / n
        print(
            f"{n:>9} {stories:>8} {seconds:>8.1f} {1000 * seconds / n:>11.3f} "
            f"{peak_rss_mb():>12.0f}",
            flush=True,
        )
    done = sorted(per_article)
    for small, large in itertools.pairwise(done):
        # Total time ~ n^k: k = 1 + log(per-article ratio) / log(size ratio).
        k = 1 + math.log(per_article[large] / per_article[small]) / math.log(large / small)
        print(f"growth exponent {small} -> {large}: {k:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
