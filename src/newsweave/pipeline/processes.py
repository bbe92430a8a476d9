"""The per-article analysis on several processes of this machine (``analyze``, ``ingest``).

The analysis of an article is pure and CPU-bound (the language model and the steps after
it), so an ``AnalysisPool`` deals the articles in slices to worker processes, each with the
model loaded once, and gives the results back in input order: the same results as
``article.analyse`` (tests compare them), about 1.7 times as fast on two cores
(docs/benchmarks.md). ``analyse_batches`` deals the next batch while the caller stores this
one. Ray (``ray_ingest``) does the same across machines; this needs nothing but the standard
library. A few articles, or one worker, stay in this process: starting the pool costs about
as much as analysing a slice.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from spacy.language import Language

from newsweave import config, nlp
from newsweave.errors import StepError
from newsweave.pipeline.article import analyse
from newsweave.records import Article, ArticleAnalysis

__all__ = ["AnalysisPool", "analyse_in_processes", "cpu_count"]

#: Fewer articles than this per worker are analysed in this process (an ingest batch of 32
#: keeps four workers busy).
MIN_PER_WORKER = 8
#: Slices per worker: enough that a worker given long articles does not hold up the rest.
SLICES_PER_WORKER = 4

Results = list[ArticleAnalysis | StepError]


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
    with AnalysisPool(workers, batch_size=batch_size) as pool:
        yield from pool.analyse(articles)


class AnalysisPool:
    """Worker processes that analyse articles, started at the first call that has enough
    articles for them and stopped at the end of the ``with`` block.

    Args:
        workers: the number of processes (1: everything in this process).
        fork: whether the workers may be forked from this process, sharing its loaded model.
            Not from a process that holds database connections (``ingest``): a forked copy
            may close them. Even when allowed, only from a process running no other thread.
        batch_size: articles each worker parses at once.
    """

    def __init__(self, workers: int, *, fork: bool = True, batch_size: int = config.BATCH_SIZE):
        self.workers = workers
        self.fork = fork
        self.batch_size = batch_size
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def analyse(self, articles: Sequence[Article]) -> Results:
        """Every article's analysis (or its ``StepError``), in input order."""
        return self._start(articles)()

    def analyse_batches(self, batches: Iterable[Sequence[Article]]) -> Iterator[Results]:
        """Each batch's results, in order; while the caller handles one batch's results, the
        workers analyse the next (which is read from ``batches`` before that)."""
        pending: deque[Callable[[], Results]] = deque()
        for batch in batches:
            pending.append(self._start(batch))
            if len(pending) > 1:
                yield pending.popleft()()
        while pending:
            yield pending.popleft()()

    def _start(self, articles: Sequence[Article]) -> Callable[[], Results]:
        """Deal ``articles`` to the workers now; the returned call collects their results."""
        if self.workers < 2 or len(articles) < 2 * MIN_PER_WORKER:
            return lambda: list(analyse(articles, batch_size=self.batch_size))
        pool = self._started()
        workers = min(self.workers, len(articles) // MIN_PER_WORKER)
        size = min(self.batch_size, math.ceil(len(articles) / (workers * SLICES_PER_WORKER)))
        futures = [
            pool.submit(_analyse, articles[at : at + size], self.batch_size)
            for at in range(0, len(articles), size)
        ]
        return lambda: [result for future in futures for result in future.result()]

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = _context(self.fork)
            if context.get_start_method() == "fork":
                nlp.load()  # once, before the fork: the workers share its memory
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_load)
        return self._pool


def _context(fork: bool) -> multiprocessing.context.BaseContext:
    """Fork where it is allowed and safe: on Linux, from a process running no other thread (a
    thread could hold a lock the copy would never see released). Otherwise a fork server
    (Linux) or fresh processes, each loading the model (about 3 s more, once)."""
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")  # macOS forbids forking after some frameworks
    safe = fork and threading.active_count() == 1
    return multiprocessing.get_context("fork" if safe else "forkserver")


_model: Language | None = None


def _load() -> None:
    global _model
    _model = nlp.load()


def _analyse(articles: Sequence[Article], batch_size: int) -> Results:
    return list(analyse(articles, model=_model, batch_size=batch_size))
