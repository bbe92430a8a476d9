"""The per-article analysis on several processes of this machine (``newsweave analyze``).

The analysis of an article is pure and CPU-bound (the language model and the steps after
it), so ``analyse_in_processes`` deals the articles in slices to a pool of worker processes,
each with the model loaded once, and yields the results in input order: the same results as
``article.analyse`` (tests compare them), about 1.7 times as fast on two cores
(docs/benchmarks.md). Ray (``ray_ingest``) does the same across machines; this needs nothing
but the standard library. A few articles, or one worker, stay in this process: starting the
pool costs about as much as analysing a slice.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from newsweave import config, nlp
from newsweave.errors import StepError
from newsweave.pipeline.article import analyse
from newsweave.records import Article, ArticleAnalysis

__all__ = ["analyse_in_processes", "cpu_count"]

#: Fewer articles than this per worker are analysed in this process.
MIN_PER_WORKER = 16
#: Slices per worker: enough that a worker given long articles does not hold up the rest.
SLICES_PER_WORKER = 4


def cpu_count() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def analyse_in_processes(
    articles: Sequence[Article], *, workers: int, batch_size: int = config.BATCH_SIZE
) -> Iterator[ArticleAnalysis | StepError]:
    """``analyse(articles)`` on ``workers`` processes, in input order.

    Args:
        articles: the articles, in order.
        workers: the number of processes (1: this one only).
        batch_size: articles each worker parses at once.
    """
    if workers < 2 or len(articles) < 2 * MIN_PER_WORKER:
        yield from analyse(articles, batch_size=batch_size)
        return
    workers = min(workers, len(articles) // MIN_PER_WORKER)
    size = min(batch_size, math.ceil(len(articles) / (workers * SLICES_PER_WORKER)))
    slices = [articles[at : at + size] for at in range(0, len(articles), size)]
    context = _context()
    if context.get_start_method() == "fork":
        nlp.load()  # once, before the fork: the workers share its memory
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load) as pool:
        for results in pool.map(_analyse, slices, [batch_size] * len(slices)):
            yield from results


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe: on Linux, from a process running no other thread (a thread
    could hold a lock the copy would never see released); the workers then share the loaded
    model. Otherwise a fork server (Linux) or fresh processes, each loading the model, which
    costs about 3 s more on 120 articles."""
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")  # macOS forbids forking after some frameworks
    return multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")


_model: Language | None = None


def _load() -> None:
    global _model
    _model = nlp.load()


def _analyse(articles: Sequence[Article], batch_size: int) -> list[ArticleAnalysis | StepError]:
    return list(analyse(articles, model=_model, batch_size=batch_size))
