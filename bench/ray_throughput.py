"""The analysis on Ray with 1 and 2 workers, next to the single-process analysis and bare spaCy,
on the same texts in the same run.

Prints words per second for bare ``nlp.pipe``, ``pipeline.analyse`` in this process, and the
actor pool of ``newsweave ingest --ray`` (``pipeline/ray_ingest.py``) with 1 and 2 workers on
a local Ray, then the ratio of 2 workers to 1 (target: at least 1.5 on a 2-core machine). The
texts are ``bench/analyze_throughput.py``'s. An actor's start-up (the model and the tables
loaded once) is paid once per ingest, so it is timed apart. The cores the actors kept busy,
and the load average before and after, tell whether other work on a shared machine took
cores from them.

    python bench/ray_throughput.py --copies 20
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from analyze_throughput import set_up
from newsweave.pipeline import analyse
from newsweave.pipeline.incremental import batches
from newsweave.pipeline.ray_ingest import AnalyserPool, ray_session


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """The shortest of ``rounds`` timings of ``run``: the one least disturbed by other work."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def ray_seconds(workers: int, articles: list, rounds: int) -> tuple[float, float, float]:
    """Seconds for ``workers`` actors to start and to analyse ``articles`` (best of rounds),
    and the cores they kept busy meanwhile (their CPU time over the wall time): below
    ``workers`` when other work on the machine takes cores."""
    start = time.perf_counter()
    pool = AnalyserPool(workers)
    started = time.perf_counter() - start
    try:
        before = actor_cpu(pool)
        start = time.perf_counter()
        seconds = best_of(rounds, lambda: list(pool.map(batches(articles))))
        cores = (actor_cpu(pool) - before) / (time.perf_counter() - start)
        return started, seconds, cores
    finally:
        pool.close()


def actor_cpu(pool: AnalyserPool) -> float:
    """The CPU seconds the pool's actors have used so far."""
    import ray

    return sum(ray.get([a.__ray_call__.remote(lambda _: time.process_time()) for a in pool.actors]))


def main() -> None:
    args, articles, words, model = set_up(__doc__)
    print(f"articles {len(articles)}  words {words}  model {model.meta['name']}")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    texts = [a.text for a in articles]
    bare = best_of(args.rounds, lambda: list(model.pipe(texts, batch_size=32)))
    full = best_of(args.rounds, lambda: list(analyse(articles, model=model)))
    print(f"bare nlp.pipe            {words / bare:9.0f} words/s  ({bare:.2f} s)")
    print(f"newsweave analyse        {words / full:9.0f} words/s  ({full:.2f} s)")
    seconds = {}
    with ray_session(cpus=2):
        for workers in (1, 2):
            started, seconds[workers], cores = ray_seconds(workers, articles, args.rounds)
            rate = words / seconds[workers]
            print(
                f"ray, {workers} worker{'s' if workers > 1 else ' '}       {rate:9.0f} words/s  "
                f"({seconds[workers]:.2f} s; start-up {started:.1f} s; {cores:.2f} cores busy)"
            )
    print(f"ratio 2 workers / 1 worker: {seconds[1] / seconds[2]:.2f}  (target >= 1.50)")
    print(f"ratio 1 worker / newsweave analyse: {full / seconds[1]:.2f}")
    print("load average after:  {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
