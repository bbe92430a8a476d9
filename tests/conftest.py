"""Shared fixtures: the language model (loaded once), the shared corpora, and databases.

The gold corpora live in ``../shared`` beside the checkout (``NEWSWEAVE_SHARED`` points
elsewhere). A test reaches them only through ``shared_path``: when a corpus is missing the
test is skipped with one line naming it, or fails when ``CI`` is set, so CI never passes on
skipped gold.

``store_url`` runs a test once against SQLite and once against a real PostgreSQL server
that this suite starts from the installed binaries (throwaway data directory, loopback only).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import newsweave.nlp
from throwaway_postgres import MISSING, free_port, server_bindir, throwaway_postgres

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED") or ROOT.parent / "shared")
EXAMPLES = ROOT / "examples"
SCREENSHOTS = ROOT / "docs" / "screenshots"

#: Debian's Chromium, driven by Playwright; never a browser Playwright downloads.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return newsweave.nlp.load()


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off")


def shared_path(relative: str) -> Path:
    """``relative`` under ../shared; skips the calling test when it is missing (fails under CI).

    Call it inside a test or fixture, never at import time: collection must not need ../shared.
    """
    __tracebackhide__ = True  # the skip is reported at the caller's line, not here
    path = SHARED / relative
    if not path.exists():
        message = (
            f"gold corpus missing: {path} "
            "(put ../shared beside the checkout, or set NEWSWEAVE_SHARED)"
        )
        if _in_ci():
            pytest.fail(f"{message}; CI is set, so it fails instead of skipping", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store of the examples, ingested once through the CLI; tests only read it."""
    from click.testing import CliRunner

    from newsweave.cli import main

    store = str(tmp_path_factory.mktemp("examples") / "news.db")
    ingested = CliRunner().invoke(main, ["--db", store, "ingest", str(EXAMPLES)])
    assert ingested.exit_code == 0, ingested.output
    return store


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("corpus/seeds")


@contextlib.contextmanager
def serving(store_url: str) -> Iterator[str]:
    """The web application over ``store_url`` in a uvicorn thread on a free loopback port:
    its base URL while the block runs."""
    import uvicorn

    from newsweave.web import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store_url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def require_chromium() -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Debian chromium is missing: apt-get install chromium")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1 (``throwaway_postgres.py``); yields its base
    URL."""
    if server_bindir() is None:
        pytest.fail(MISSING)
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: an SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    import psycopg

    base = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"
