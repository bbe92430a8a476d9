"""How the store holds up as it grows, in PostgreSQL: ingest, story pages and search at 10,000
and 100,000 articles (issue #17).

The store is synthetic: the ECB+ dev documents and the bundled examples are analysed once
(``--cache``), then renamed, re-dated copies of their analyses are linked, grouped and stored
as ``newsweave ingest`` would (``synthetic_articles.py``, ``synthetic_store.py``). At each size:

- ingest: a further ``--batch`` articles through the ingest's own steps (resuming the linker and
  the grouper from the store, linking, story placement, each article's transaction, the sweep
  and grouper save after every 32, the dossiers of the stories that changed), time per article
  and step. The language model and the sentence embeddings are not in it: they cost the same
  per article at any size (``docs/benchmarks.md``); the bench reuses the base texts' vectors;
- ``newsweave serve --workers 2`` (its own processes) under ``--clients`` concurrent clients:
  a story's JSON, the stories list and search, each two ways: one URL over and over (what
  ``bench/web_load.py`` measures: the server's 2-second page cache answers most), and a
  different URL at each request (every story, every page and filter, 400 queries: the page
  cache cannot help); p50 and p99; then the server's peak memory.

    .venv/bin/python bench/store_scale.py --cache /tmp/stories-base.pkl \\
        --vectors /tmp/store-scale-vectors.pkl            # ~1.5 h on 2 cores, first run longer
    .venv/bin/python bench/store_scale.py --sizes 2000,5000 --db postgresql://me@host/empty
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

import psycopg  # noqa: E402

import newsweave.embed  # noqa: E402
from newsweave.pipeline.incremental import CrossArticleState, IngestRun, batches  # noqa: E402
from newsweave.records import ArticleAnalysis  # noqa: E402
from newsweave.store import Store, open_store  # noqa: E402
from newsweave.stories.features import STOP_WORDS  # noqa: E402
from stories_scaling import base_analyses  # noqa: E402
from synthetic_articles import variants  # noqa: E402
from synthetic_store import BaseEmbedder, FillReport, base_embeddings, fill  # noqa: E402
from throwaway_postgres import throwaway_postgres  # noqa: E402
from web_load import _free_port, _load, _percentiles, _wait_ready, _warm  # noqa: E402

DATABASE = "newsweave_scale"
INGEST_STEPS = ("resume", "link", "group", "place", "write", "batch end", "dossiers")


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    bases = base_analyses(None, args.cache)
    random.Random(0).shuffle(bases)
    embedder = BaseEmbedder(newsweave.embed.embed, args.vectors)
    print(f"{len(bases)} base articles", flush=True)
    worker = measure_worker(list(variants(bases, 10**6, 10**6 + args.worker_sample)))
    print(
        f"one worker: analysis {worker['analysis']:.0f} ms/article, "
        f"embeddings {worker['embeddings']:.0f} ms/article "
        f"({worker['words']:.0f} words/article)",
        flush=True,
    )
    results: dict[int, dict[str, Any]] = {}
    with _database(args.db) as url, open_store(url) as store:
        stored = 0
        for size in args.sizes:
            started = time.perf_counter()
            with base_embeddings(embedder):
                report = fill(store, variants(bases, stored, size), on_chunk=_progress(started))
            embedder.save()
            stored = size
            steps = ", ".join(f"{k} {v:.0f} s" for k, v in report.seconds.items())
            print(f"filled to {size}: {time.perf_counter() - started:.0f} s ({steps})", flush=True)
            _vacuum_analyze(url)
            results[size] = {"stories": len(store.story_ids()), **_measure_web(url, store, args)}
            batch = list(variants(bases, stored, stored + args.batch))
            with base_embeddings(embedder):
                results[size]["ingest"] = measure_ingest(store, batch)
            stored += args.batch
            _print_size(size, results[size])
    _print_summary(results)
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="default: %(default)s")
    parser.add_argument("--batch", type=int, default=1000, help="articles ingested at each size")
    parser.add_argument("--db", help="an empty PostgreSQL database (default: start a server)")
    parser.add_argument("--cache", type=Path, help="the base analyses, pickled (outside the repo)")
    parser.add_argument("--vectors", type=Path, help="the base texts' embeddings, pickled")
    parser.add_argument(
        "--worker-sample", type=int, default=100, help="articles analysed for a worker's rate"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--server-workers", type=int, default=2, help="`serve --workers` (default: one per core)"
    )
    parser.add_argument("--requests", type=int, default=2000, help="per measurement")
    parser.add_argument("--seconds", type=float, default=120.0, help="per measurement, at most")
    args = parser.parse_args(argv)
    args.sizes = sorted(int(s) for s in args.sizes.split(","))
    return args


@contextlib.contextmanager
def _database(url: str | None) -> Iterator[str]:
    """The database given, or a fresh one on a throwaway server (``tests/throwaway_postgres``)."""
    if url is not None:
        yield url
        return
    with throwaway_postgres() as server:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')
        yield f"{server}/{DATABASE}"


def _progress(started: float) -> Callable[[FillReport], None]:
    """Print where the fill stands after each chunk: the seconds of each step so far."""

    def show(report: FillReport) -> None:
        steps = ", ".join(f"{k} {v:.0f}" for k, v in report.seconds.items())
        print(
            f"  {report.articles} more articles, {time.perf_counter() - started:.0f} s ({steps})",
            flush=True,
        )

    return show


def _vacuum_analyze(url: str) -> None:
    """Statistics for the planner, as autovacuum would have them after a while."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


# -- ingest ----------------------------------------------------------------------------------


def measure_worker(copies: Sequence[ArticleAnalysis]) -> dict[str, float]:
    """What one process spends per article on the work that does not touch the store: the
    language analysis (``pipeline.analyse``, model loaded first) and the sentence embeddings
    of the article's lead and sentences (what the grouper and the dossiers embed), for copies
    no run has seen (no cached vector)."""
    from newsweave.nlp import load
    from newsweave.pipeline import analyse
    from newsweave.stories.features import lead_text

    load()
    newsweave.embed.embed(["warm up"])
    started = time.perf_counter()
    analysed = list(analyse(c.article for c in copies))
    analysis = time.perf_counter() - started
    texts = [lead_text(c) for c in copies] + [s.text for c in copies for s in c.sentences]
    started = time.perf_counter()
    newsweave.embed.embed(texts)
    embeddings = time.perf_counter() - started
    assert len(analysed) == len(copies)
    return {
        "analysis": 1000 * analysis / len(copies),
        "embeddings": 1000 * embeddings / len(copies),
        "words": sum(len(c.article.text.split()) for c in copies) / len(copies),
    }


class Clock:
    """Seconds spent per step."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    @contextlib.contextmanager
    def __call__(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] += time.perf_counter() - started

    def wrap(self, step: str, function: Any) -> Any:
        """``function``, its time counted under ``step`` (and taken off the step around it)."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self(step):
                return function(*args, **kwargs)

        return timed


def measure_ingest(store: Store, analyses: Sequence[ArticleAnalysis]) -> dict[str, float]:
    """Milliseconds per article of each step of ``newsweave ingest`` for articles already
    analysed: ``IngestRun`` (``pipeline/incremental.py``) batch by batch, as ``ingest`` drives
    it, under the writer's lock; its linker and grouper timed apart."""
    clock = Clock()
    run = IngestRun(store, None)
    with store.single_writer():
        with clock("resume"):  # what the run's first article would load
            run.state = CrossArticleState(store)
        state = run.state
        state.linker.add = clock.wrap("link", state.linker.add)  # type: ignore[method-assign]
        state.stories.add = clock.wrap("group", state.stories.add)  # type: ignore[method-assign]
        for batch in batches(analyses):
            for analysis in batch:
                with clock("place"):
                    write = run.place(analysis)
                assert write is not None
                with clock("write"):
                    run.stored(store.write(write))
            with clock("batch end"):
                run.end_batch()
        with clock("dossiers"):
            run.finish()
    seconds = dict(clock.seconds)
    seconds["place"] -= seconds["link"] + seconds["group"]  # the rest of place()
    return {step: 1000 * seconds[step] / len(analyses) for step in INGEST_STEPS}


# -- the web server --------------------------------------------------------------------------


def _measure_web(url: str, store: Store, args: argparse.Namespace) -> dict[str, Any]:
    """p50/p99 (ms) of each workload against ``newsweave serve``, and its memory (MB)."""
    port = _free_port()
    command = [sys.executable, "-m", "newsweave.cli", "--db", url, "serve", "--port", str(port)]
    command += ["--workers", str(args.server_workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    measured: dict[str, Any] = {}
    try:
        _wait_ready(base, server)
        measured["rss idle"] = _memory(server.pid)["VmRSS"]
        for name, paths in _workloads(store).items():
            urls = [base + p for p in paths]
            asyncio.run(_warm(urls[0]))
            latencies, wall, failures = asyncio.run(
                _load(urls, clients=args.clients, total=args.requests, seconds=args.seconds)
            )
            p50, p99, _slowest = _percentiles(latencies)
            measured[name] = (p50, p99, len(latencies) / wall, failures)
            print(
                f"  {name:28s} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
                f"{len(latencies) / wall:6.1f} req/s  failures {failures}",
                flush=True,
            )
        memory = _memory(server.pid)
        measured["rss"], measured["rss peak"] = memory["VmRSS"], memory["VmHWM"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return measured


def _workloads(store: Store) -> dict[str, list[str]]:
    """Each workload's paths: one asked over and over, or many asked in turn."""
    shuffle = random.Random(2).shuffle
    stories = sorted(store.story_ids())
    shuffle(stories)
    biggest = max(store.stories(limit=100), key=lambda r: (r.article_count, r.id)).id
    queries = _queries(store)
    return {
        "story, one": [f"/stories/{biggest}.json"],
        "story, each another": [f"/stories/{s}.json" for s in stories],
        "stories list, first page": ["/stories.json"],
        "stories list, each another": _listing_paths(store, len(stories)),
        "search, one query": [f"/search.json?q={quote_plus(queries[0])}"],
        "search, each another": [f"/search.json?q={quote_plus(q)}" for q in queries[1:]],
    }


def _listing_paths(store: Store, stories: int) -> list[str]:
    """Every page of the stories list (25, 50 or 100 a page), and pages filtered by outlet,
    date and person: enough of them that the page cache seldom sees one twice."""
    paths = [
        f"/stories.json?limit={size}&offset={n}"
        for size in (25, 50, 100)
        for n in range(0, stories, size)
    ][:300]
    outlets = Counter(a.outlet for a in store.articles(limit=2000) if a.outlet)
    paths += [
        f"/stories.json?outlet={quote_plus(o)}&offset={n}"
        for o, _ in outlets.most_common(100)
        for n in (0, 50)
    ]
    days = sorted({r.first_published for r in store.stories(limit=500) if r.first_published})
    paths += [f"/stories.json?since={d}" for d in days[:100]]
    people = [e.id for e in store.entities(kind="PERSON")[::50][:100]]
    paths += [f"/stories.json?entity={e}" for e in people]
    random.Random(3).shuffle(paths)
    return paths


def _queries(store: Store, count: int = 400) -> list[str]:
    """Words of the newest articles, the most frequent first (the heaviest to rank), then
    pairs of them: ``count`` queries."""
    seen: Counter[str] = Counter()
    for article in store.articles(limit=500):
        seen.update({w.lower() for w in article.text.split() if w.isalpha() and len(w) > 3})
    words = [w for w, _ in seen.most_common() if w not in STOP_WORDS][: count * 3 // 4]
    pairs = [f"{a}+{b}" for a, b in zip(words[::2], words[1::2], strict=False)]
    return (words + pairs)[:count]


def _memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (the peak) of a process and its children (``serve --workers``), in MB:
    the sums over the processes."""
    fields = {"VmRSS": 0.0, "VmHWM": 0.0}
    for process in _tree(pid):
        for line in Path(f"/proc/{process}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in fields:
                fields[name] += int(value.split()[0]) / 1024
    return fields


def _tree(pid: int) -> list[int]:
    """A process and its descendants."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *(p for child in children for p in _tree(int(child)))]


# -- the report ------------------------------------------------------------------------------


def _print_size(size: int, result: dict[str, Any]) -> None:
    ingest = result["ingest"]
    steps = "  ".join(f"{k} {v:.2f}" for k, v in ingest.items())
    print(
        f"{size} articles, {result['stories']} stories. ingest ms/article: {steps}; "
        f"total {sum(ingest.values()):.2f}",
        flush=True,
    )
    print(
        f"  serve RSS idle {result['rss idle']:.0f} MB, after {result['rss']:.0f} MB, "
        f"peak {result['rss peak']:.0f} MB",
        flush=True,
    )


def _print_summary(results: dict[int, dict[str, Any]]) -> None:
    sizes = sorted(results)
    print("\n" + " | ".join(["measure", *(f"{n:,} articles" for n in sizes)]))
    rows: list[tuple[str, list[str]]] = [
        ("stories", [str(results[n]["stories"]) for n in sizes]),
        *(
            (f"ingest {step} (ms/article)", [f"{results[n]['ingest'][step]:.2f}" for n in sizes])
            for step in INGEST_STEPS
        ),
        ("ingest total (ms/article)", [f"{sum(results[n]['ingest'].values()):.2f}" for n in sizes]),
    ]
    for name in _workload_names(results[sizes[0]]):
        rows.append(
            (
                f"{name} p50 / p99 (ms)",
                [f"{results[n][name][0]:.0f} / {results[n][name][1]:.0f}" for n in sizes],
            )
        )
    rows.append(("serve peak RSS (MB)", [f"{results[n]['rss peak']:.0f}" for n in sizes]))
    for name, values in rows:
        print(" | ".join([name, *values]))
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        total = {n: sum(results[n]["ingest"].values()) for n in (small, large)}
        print(f"ingest per article, {large:,} / {small:,}: {total[large] / total[small]:.2f}")


def _workload_names(result: dict[str, Any]) -> list[str]:
    return [k for k, v in result.items() if isinstance(v, tuple)]


if __name__ == "__main__":
    sys.exit(main())
