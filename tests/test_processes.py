"""The analysis on several processes gives what one process gives, in order, failures included."""

from __future__ import annotations

import multiprocessing
import threading

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsweave.errors import StepError
from newsweave.ingest import make_article
from newsweave.pipeline import STEPS, Step, analyse, article, processes
from newsweave.pipeline.processes import MIN_PER_WORKER, analyse_in_processes
from newsweave.records import Amount, Article

# Written for these tests.
HARBOUR = (
    "Mayor Lina Sorel said on Friday that the harbour bridge would open in June. "
    '"We have waited {n} years for this," she told the Pier Post. About {n}00 people watched.'
)


def _articles(count: int) -> list[Article]:
    return [
        make_article({"text": HARBOUR.format(n=n + 2)}, default_id=f"a{n}", source=f"a{n}")
        for n in range(count)
    ]


def _plain(results: list[object]) -> list[object]:
    return [r.as_dict() if not isinstance(r, StepError) else str(r) for r in results]  # type: ignore[attr-defined]


def test_two_workers_give_the_results_of_one_in_order(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    def amounts(doc: Doc, _: Article) -> list[Amount]:
        if "waited 7 years" in doc.text:
            raise RuntimeError("no amounts here")
        return []

    steps = tuple(Step(s.name, amounts) if s.name == "amounts" else s for s in STEPS)
    monkeypatch.setattr(article, "STEPS", steps)  # forked workers inherit it
    monkeypatch.setattr(processes, "_context", lambda: multiprocessing.get_context("fork"))
    articles = _articles(2 * MIN_PER_WORKER + 3)
    alone = list(analyse(articles, model=nlp))
    shared = list(analyse_in_processes(articles, workers=2))
    assert _plain(shared) == _plain(alone)
    failed = [n for n, r in enumerate(shared) if isinstance(r, StepError)]
    assert failed == [5] and "a5" in str(shared[5])


def test_with_another_thread_running_the_workers_are_started_fresh(nlp: Language) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert processes._context().get_start_method() == "forkserver"
        articles = _articles(2 * MIN_PER_WORKER)
        shared = list(analyse_in_processes(articles, workers=2))
    finally:
        stop.set()
        other.join()
    assert _plain(shared) == _plain(list(analyse(articles, model=nlp)))


def test_a_few_articles_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(processes, "ProcessPoolExecutor", no_pool)
    results = list(analyse_in_processes(_articles(3), workers=4))
    assert [r.article.id for r in results if not isinstance(r, StepError)] == ["a0", "a1", "a2"]
