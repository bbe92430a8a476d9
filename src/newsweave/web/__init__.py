"""``newsweave serve``: web pages and an HTTP API over the store, every page with a JSON twin.

- ``app``: the application factory; ``routes``: the pages and ``POST /api/articles``;
- ``data``: what each page shows (one builder, rendered as HTML or JSON by ``pages``);
- ``highlight``: article text cut into marked pieces; ``guard``: body limit, headers;
- ``write``: articles posted over HTTP, through the same ingest as the CLI.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from newsweave.web.app import STORE_VARIABLE, TOKEN_VARIABLE, create_app

__all__ = ["create_app", "serve"]


def serve(
    store_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    write_token: str | None = None,
    log_level: str = "warning",
    workers: int = 1,
) -> None:
    """Serve the store over HTTP until interrupted; prints the address first.

    Args:
        store_url: an SQLAlchemy URL or an SQLite file path.
        host: the interface to listen on (loopback by default).
        port: the TCP port.
        write_token: enables ``POST /api/articles`` for ``Authorization: Bearer <token>``.
        log_level: uvicorn's log level.
        workers: server processes sharing the port: a page is built in Python, so one
            process answers on one core; with several, each keeps its own page cache.
    """
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    writes = "writes enabled (bearer token)" if write_token else "read-only"
    processes = f", {workers} worker processes" if workers > 1 else ""
    print(
        f"newsweave: serving on http://{shown}:{port}/ ({writes}{processes}); Ctrl-C to stop",
        flush=True,
    )
    app: FastAPI | str = "newsweave.web.app:app_from_environment"
    if workers == 1:
        app = create_app(store_url, write_token=write_token)
    else:  # worker processes start afresh: each builds the app from the environment
        os.environ[STORE_VARIABLE] = store_url
        if write_token:
            os.environ[TOKEN_VARIABLE] = write_token
        else:
            os.environ.pop(TOKEN_VARIABLE, None)
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
    )
