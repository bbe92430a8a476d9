"""The analysis on several processes gives what one process gives, in order, failures included;
an ingest on processes leaves the store one process leaves."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import EXAMPLES
from newsweave import config
from newsweave.errors import StepError
from newsweave.ingest import make_article
from newsweave.pipeline import STEPS, Step, analyse, article, ingest, processes
from newsweave.pipeline.processes import MIN_PER_WORKER, analyse_in_processes
from newsweave.records import Amount, Article
from newsweave.store import open_store
from store_snapshot import first_difference, snapshot

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
    monkeypatch.setattr(processes, "_context", lambda _: multiprocessing.get_context("fork"))
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
        assert processes._context(True).get_start_method() == "forkserver"
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


def test_ingest_on_processes_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several batches, each dealt to the workers while the one before is stored."""
    monkeypatch.setattr(config, "BATCH_SIZE", 8)
    monkeypatch.setattr(processes, "MIN_PER_WORKER", 3)
    folder = tmp_path / "more"
    folder.mkdir()
    for n, town in enumerate(["Kelby", "Norrvik", "Ostra", "Lunde", "Varby", "Hamre"] * 2):
        text = f"date: 2025-05-{n + 10}\n\n{HARBOUR.format(n=n + 2).replace('Pier Post', town)}"
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    inputs = [str(EXAMPLES), str(folder)]
    dealt = []  # the batches given to the workers
    start = processes.AnalysisPool._started
    monkeypatch.setattr(
        processes.AnalysisPool, "_started", lambda pool: dealt.append(1) or start(pool)
    )
    found = {}
    for workers in (1, 2):
        with open_store(f"sqlite:///{tmp_path / f'{workers}.db'}") as store:
            found[workers] = snapshot(store, ingest(inputs, store, workers=workers))
    assert len(found[2]["report"]["stored"]) > 2 * config.BATCH_SIZE and len(dealt) >= 3
    assert first_difference(found[2], found[1]) is None
