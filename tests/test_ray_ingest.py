"""The Ray ingest (``pipeline/ray_ingest.py``): the store it leaves is the ordinary ingest's,
on SQLite and PostgreSQL; a run killed after a batch is completed by running it again, each
article stored once; a cluster that is not there is one line, not a traceback.

One local Ray of 2 CPUs serves the whole module; each ingest starts its own actors on it.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, shared_path
from newsweave import config
from newsweave.cli import main
from newsweave.errors import InputError
from newsweave.ingest import read
from newsweave.pipeline import ingest
from newsweave.pipeline.ray_ingest import ingest_on_ray, ray_session
from newsweave.store import open_store
from store_snapshot import first_difference, snapshot

#: Small batches, so that a run has several and both actors get some.
BATCH = 8
#: Articles taken from the start of the shared corpus.
SLICE = 20

BIN = Path(sys.executable).parent

#: A Ray ingest that joins the module's Ray and dies (SIGKILL) as soon as its first batch is
#: committed, before the grouper's state is saved or any dossier is built.
KILLED_AFTER_FIRST_BATCH = """
import os, signal, sys
from newsweave import config
from newsweave.pipeline.ray_ingest import ingest_on_ray
from newsweave.store import open_store

config.BATCH_SIZE = 4

def die_once_stored(outcome):
    if outcome == "stored":
        os.kill(os.getpid(), signal.SIGKILL)

db, address, *paths = sys.argv[1:]
ingest_on_ray(paths, open_store(db), address=address, workers=1, on_progress=die_once_stored)
"""


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    """A local Ray of 2 CPUs for the module's tests; yields its address, for a second process
    to join."""
    saved = dict(os.environ)
    with ray_session(cpus=2):
        import ray

        yield ray.get_runtime_context().gcs_address
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="module")
def small_batches() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "BATCH_SIZE", BATCH)
        yield


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The examples folder and the first articles of a shared corpus (copied to a temporary
    file, never into the project)."""
    corpus = shared_path("corpus/polnear/articles.jsonl")
    part = tmp_path_factory.mktemp("corpus") / "polnear-slice.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        part.write_text("".join(itertools.islice(lines, SLICE)), encoding="utf-8")
    return [str(EXAMPLES), str(part)]


@pytest.fixture(scope="module")
def references() -> dict[str, dict[str, Any]]:
    """What the ordinary, single-process ingest stored, by database kind (each is computed
    once: PostgreSQL lists an undated article after the dated ones, SQLite before them)."""
    return {}


def reference(url: str, inputs: list[str], found: dict[str, dict[str, Any]], tmp: Path) -> Any:
    """What the ordinary ingest stores from ``inputs`` in a fresh database of ``url``'s kind."""
    kind = url.split(":", 1)[0]
    if kind not in found:
        with open_store(another_database(url, tmp)) as store:
            found[kind] = snapshot(store, ingest(inputs, store))
    return found[kind]


def another_database(url: str, tmp: Path) -> str:
    """A fresh database of ``url``'s kind: an SQLite file in ``tmp``, or a new PostgreSQL
    database on the same server."""
    if url.startswith("sqlite"):
        return f"sqlite:///{tmp / 'reference.db'}"
    import psycopg

    server = url.rsplit("/", 1)[0]
    name = f"reference_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def test_ray_stores_what_the_ordinary_ingest_stores(
    inputs: list[str],
    references: dict[str, dict[str, Any]],
    ray_address: str,
    small_batches: None,
    store_url: str,
    tmp_path: Path,
) -> None:
    expected = reference(store_url, inputs, references, tmp_path)
    with open_store(store_url) as store:
        report = ingest_on_ray(inputs, store, workers=2)
        found = snapshot(store, report)
    assert len(report.stored) == 10 + SLICE and len(report.stories) > 2
    assert first_difference(found, expected) is None


def test_a_killed_ray_ingest_is_completed_by_running_it_again(
    ray_address: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "news.db")
    # As for joining any cluster: the module's Ray asks for its token (~/.ray/auth_token);
    # and it listens on 127.0.0.1 only, which the second process then keeps to.
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_FIRST_BATCH, db, ray_address, str(EXAMPLES)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with open_store(db) as store:
        assert store.count_articles() == 4  # the first batch, whole, and nothing else
        assert store.grouper_state() is None  # killed before the grouper's state was saved

    args = ["--db", db, "ingest", str(EXAMPLES), "--ray", "--workers", "1", "--json"]
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert (summary["stored"], summary["duplicates"], summary["total_articles"]) == (6, 4, 10)

    expected = {a.key for a in read([EXAMPLES]) if not isinstance(a, InputError)}
    with open_store(db) as store:
        articles = store.articles()
        assert sorted(a.key for a in articles) == sorted(expected)
        assert len({a.id for a in articles}) == 10 and not any("~" in a.id for a in articles)
        stories = store.stories()
        assert sorted(s.article_count for s in stories) == [5, 5]
        assert sorted(store.stories_of_articles()) == sorted(expected)
        assert store.stale_stories() == []
        saved = store.grouper_state()
        assert saved is not None and sorted(m.key for m in saved.members) == sorted(expected)


def test_an_unreachable_cluster_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as s:  # a loopback port free right now: nothing listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = str(tmp_path / "news.db")
    command = [str(BIN / "newsweave"), "--db", db, "ingest", str(EXAMPLES), "--ray"]
    result = subprocess.run(
        [*command, f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: cannot reach a Ray cluster at 127.0.0.1:{port}: Connection refused "
        "(start one with `ray start --head` and give the address it prints)"
    )
    with open_store(db) as store:
        assert store.count_articles() == 0


def test_a_path_taken_for_the_address_is_one_line(ray_address: str, tmp_path: Path) -> None:
    args = ["--db", str(tmp_path / "news.db"), "ingest", "--ray", str(EXAMPLES), str(EXAMPLES)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "not a Ray address" in result.stderr and "put --ray after the paths" in result.stderr
    assert "Traceback" not in result.output


def test_importing_newsweave_does_not_import_ray() -> None:
    code = (
        "import sys, newsweave, newsweave.cli, newsweave.pipeline.ray_ingest; "
        "sys.exit('ray' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
