"""How long building one story's dossier takes, for a story of N articles.

The story is made of copies of the bundled examples (both stories, as one large story), each
copy with its outlet renamed and every sentence made distinct (a copy number is written into
it), so no embedding is found in the cache: the figure is the cold case. The analysis of the
articles is done first and not timed; the embedding model is loaded first and not timed.

Usage: .venv/bin/python bench/dossier_build.py [--articles 50]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import time
from pathlib import Path

from newsweave import embed
from newsweave.fuse import build_dossier
from newsweave.ingest import read
from newsweave.pipeline import analyse
from newsweave.records import Article, ArticleAnalysis

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _copies(articles: list[Article], count: int) -> list[Article]:
    out = []
    for n in range(count):
        base = articles[n % len(articles)]
        copy = n // len(articles)
        # "in copy 3" before every full stop: each sentence differs from its original.
        text = re.sub(r"\.(\s)", f" in copy {copy}.\\1", base.text) if copy else base.text
        out.append(
            dataclasses.replace(
                base,
                id=f"{base.id}#{copy}",
                key=f"{base.key}{copy}",
                text=text,
                outlet=f"{base.outlet or base.id} {copy}",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    originals = [a for a in read([str(EXAMPLES)]) if isinstance(a, Article)]
    analyses = [
        a for a in analyse(_copies(originals, args.articles)) if isinstance(a, ArticleAnalysis)
    ]
    embed.load()
    started = time.perf_counter()
    dossier = build_dossier("bench", analyses)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    build_dossier("bench", analyses)
    warm = time.perf_counter() - started
    words = sum(len(a.article.text.split()) for a in analyses)
    print(
        f"{len(analyses)} articles, {words} words: dossier built in {cold:.2f} s cold "
        f"({warm:.2f} s with embeddings cached); {len(dossier.statements)} statements, "
        f"{len(dossier.facts)} facts, {len(dossier.timeline)} timeline entries"
    )


if __name__ == "__main__":
    main()
