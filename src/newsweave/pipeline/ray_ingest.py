"""``newsweave ingest --ray``: the per-article analysis on a pool of Ray actors, the rest as
``ingest`` does it.

Only ``analyse`` runs on the actors: it is pure and costs most of an ingest's CPU. Each actor
loads the language model, and the tables the steps read, once in ``__init__``. Reading,
deduplication, linking, story grouping and the dossiers stay in this process and go through the
ordinary ingest's ``IngestRun``, in the same batches and order, so the store ends up the
same. Each batch's articles are written in one transaction, so a run killed midway leaves
whole batches only, and running it again skips them by content key and goes on.

Ray is imported here only, inside functions, so ``import newsweave`` never imports it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import tee
from typing import Any

from newsweave import config, nlp
from newsweave.errors import ClusterError, InputError, StepError
from newsweave.ingest import make_article, read
from newsweave.pipeline.article import analyse
from newsweave.pipeline.incremental import IngestReport, IngestRun, batches
from newsweave.records import Article, ArticleAnalysis
from newsweave.store import Store

__all__ = ["LOCAL", "Analyser", "AnalyserPool", "ingest_on_ray", "ingest_with_pool", "ray_session"]

log = logging.getLogger(__name__)

#: ``--ray`` without an address: start a Ray of our own on this machine (Ray's word for it).
LOCAL = "local"

Result = ArticleAnalysis | StepError

#: Written for this module. Analysing it makes an actor load, before its first batch, the
#: tables the steps read on first use (the gazetteer, the given names).
_WARM_UP = (
    "Anna Novak, the mayor of Lyon, said on Monday that 12 French workers were hurt. "
    '"We will rebuild the plant by May," she told reporters in Paris.'
)


class Analyser:
    """One Ray actor's analysis: the model and the tables are loaded once, at creation."""

    def __init__(self, model: str) -> None:
        self.model = nlp.load(model)
        warm_up = make_article({"text": _WARM_UP}, default_id="warm-up", source="warm-up")
        list(analyse([warm_up], model=self.model))

    def ready(self) -> bool:
        """Answers once ``__init__`` is done, so that a model that fails to load fails now."""
        return True

    def analyse(self, batch: list[Article]) -> list[Result]:
        """Each article's analysis, or its ``StepError``, in order."""
        return list(analyse(batch, model=self.model))


class AnalyserPool:
    """Ray actors analysing batches of articles; results come back in the batches' order."""

    def __init__(self, workers: int, *, model: str | None = None) -> None:
        import ray

        remote = ray.remote(num_cpus=1)(Analyser)
        self.actors: list[Any] = [remote.remote(model or config.MODEL_NAME) for _ in range(workers)]
        try:
            _get([actor.ready.remote() for actor in self.actors])
        except ClusterError:
            self.close()
            raise

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Analyse ``batches`` in order. Each actor has up to two queued, so that it already
        holds its next batch while this process stores the last one."""
        in_flight: deque[Any] = deque()
        for n, batch in enumerate(batches):
            in_flight.append(self.actors[n % len(self.actors)].analyse.remote(batch))
            if len(in_flight) >= 2 * len(self.actors):
                yield _get(in_flight.popleft())
        while in_flight:
            yield _get(in_flight.popleft())

    def close(self) -> None:
        """Stop the actors, giving their CPUs back to the cluster."""
        import ray

        for actor in self.actors:
            ray.kill(actor)


def ingest_on_ray(
    paths: Iterable[str],
    store: Store,
    *,
    address: str = LOCAL,
    workers: int | None = None,
    max_bytes: int = config.MAX_FILE_BYTES,
    on_progress: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """``pipeline.ingest`` with the analysis on Ray; the same report and the same store.

    Args:
        paths: files and folders, read as ``ingest`` reads them.
        store: where the articles go; only this process writes to it.
        address: ``"local"`` to start a Ray on this machine for the run, else the
            ``HOST:PORT`` of a cluster's head (``ray start --head``), or ``"auto"``.
        workers: actors analysing at once; by default one per CPU Ray has free.
        max_bytes: files larger than this are rejected.
        on_progress: told each outcome, as by ``ingest``.
        on_wait: told when another process is writing to the store.

    Raises:
        ClusterError: Ray cannot be started or reached, or a worker died (what was stored
            stays: running it again completes the run).
    """
    with (
        ray_session(address, cpus=workers) as free,
        _pool(workers or free) as pool,
    ):
        items = read(paths, max_bytes=max_bytes)
        return ingest_with_pool(items, store, pool, on_progress=on_progress, on_wait=on_wait)


def ingest_with_pool(
    items: Iterable[Article | InputError],
    store: Store,
    pool: AnalyserPool,
    *,
    on_progress: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:
    """The Ray ingest of articles already read, over a pool already started: the batches
    analysed ahead, stored in order, each in one transaction."""
    with store.single_writer(on_wait):
        run = IngestRun(store, on_progress)
        admitted, to_analyse = tee(run.admit(batch) for batch in batches(items))
        analysed = pool.map(batch.articles for batch in to_analyse)
        for batch, results in zip(admitted, analysed, strict=True):
            run.count(batch)
            updates = [update for r in results if (update := run.place(r)) is not None]
            for article in store.write_batch(updates):
                run.stored(article)
            run.end_batch()
        return run.finish()


@contextlib.contextmanager
def ray_session(address: str = LOCAL, *, cpus: int | None = None) -> Iterator[int]:
    """Ray for the block; yields the CPUs it has free.

    ``"local"`` starts a Ray of ``cpus`` CPUs (all by default) on the loopback interface only;
    any other address joins that cluster. A process already connected keeps its Ray, left
    running after the block (a test or a notebook starts it once).
    """
    if address not in (LOCAL, "auto"):
        _host_port(address)  # a malformed address fails even where Ray is running already
    ray = _import_ray(local=address == LOCAL)
    if ray.is_initialized():
        yield _free_cpus(ray)
        return
    _start(ray, address, cpus)
    try:
        yield _free_cpus(ray)
    finally:
        ray.shutdown()


def _import_ray(*, local: bool) -> Any:
    """Ray, imported with usage stats off; for a local Ray, kept to 127.0.0.1 too: Ray's ports
    have no authentication and nothing outside needs them. (Ray reads these settings when
    first imported, hence here.)"""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    if local:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
    except ImportError as exc:
        raise ClusterError("Ray is not installed: run `make install`") from exc
    return ray


def _start(ray: Any, address: str, cpus: int | None) -> None:
    """``ray.init``, with a failure said in one line."""
    options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address == LOCAL:
        options.update(num_cpus=cpus or os.cpu_count() or 1, include_dashboard=False)
    else:
        _check_reachable(address)
    try:
        ray.init(address=address, **options)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
        hint = ""
        if address != LOCAL and os.environ.get("RAY_AUTH_MODE") != "token":
            hint = (
                " (a cluster that `ray start` made asks for its token: set RAY_AUTH_MODE=token, "
                "with the token in ~/.ray/auth_token or RAY_AUTH_TOKEN)"
            )
        raise ClusterError(f"cannot {_what(address)}: {_first_line(exc)}{hint}") from exc
    log.info("ray: %s", ray.get_runtime_context().gcs_address)


def _what(address: str) -> str:
    if address == LOCAL:
        return "start a local Ray"
    return "find a Ray cluster" if address == "auto" else f"join the Ray cluster at {address}"


def _check_reachable(address: str) -> None:
    """Fail at once on an address nothing answers at: Ray itself would retry for minutes."""
    if address == "auto":
        return  # Ray finds the cluster this machine runs, or says it has none
    host, port = _host_port(address)
    try:
        with socket.create_connection((host, port), timeout=5):
            pass
    except OSError as exc:
        raise ClusterError(
            f"cannot reach a Ray cluster at {address}: {exc.strerror or exc} "
            "(start one with `ray start --head` and give the address it prints)"
        ) from exc


def _host_port(address: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:6379`` for IPv6) split, or a one-line error saying the form."""
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    if address.startswith("ray://"):
        raise ClusterError(
            f"{address}: Ray Client addresses are not supported; give the HOST:PORT of the "
            "cluster's head (`ray start --head` prints it; port 6379 by default)"
        )
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ClusterError(
            f"not a Ray address: {address!r}: give HOST:PORT (`ray start --head` prints it; "
            "port 6379 by default) or auto; for a local Ray, put --ray after the paths"
        )
    return host, int(port)


def _free_cpus(ray: Any) -> int:
    return max(1, int(ray.available_resources().get("CPU", 1)))


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[AnalyserPool]:
    pool = AnalyserPool(workers)
    try:
        yield pool
    finally:
        pool.close()


def _get(refs: Any) -> Any:
    """``ray.get``, with a worker that died or failed said in one line."""
    import ray

    try:
        return ray.get(refs)
    except ray.exceptions.RayError as exc:
        raise ClusterError(
            f"a Ray worker failed: {_first_line(exc)} (what was stored stays: "
            "run the ingest again to complete it)"
        ) from exc


def _first_line(exc: BaseException) -> str:
    """An exception's message in one line: its last line that names an error, else its first
    (Ray's messages carry the worker's traceback, the error itself last)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    named = [line for line in lines if "Error:" in line or "Exception:" in line]
    return (named or lines or [type(exc).__name__])[-1 if named else 0]
