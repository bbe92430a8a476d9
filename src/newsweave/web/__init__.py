"""``newsweave serve``: web pages and an HTTP API over the store, every page with a JSON twin.

- ``app``: the application factory; ``routes``: the pages and ``POST /api/articles``;
- ``data``: what each page shows (one builder, rendered as HTML or JSON by ``pages``);
- ``highlight``: article text cut into marked pieces; ``guard``: body limit, headers;
- ``write``: articles posted over HTTP, through the same ingest as the CLI.
"""

from __future__ import annotations

from newsweave.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(
    store_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    write_token: str | None = None,
    log_level: str = "warning",
) -> None:
    """Serve the store over HTTP until interrupted; prints the address first.

    Args:
        store_url: an SQLAlchemy URL or an SQLite file path.
        host: the interface to listen on (loopback by default).
        port: the TCP port.
        write_token: enables ``POST /api/articles`` for ``Authorization: Bearer <token>``.
        log_level: uvicorn's log level.
    """
    import uvicorn

    app = create_app(store_url, write_token=write_token)
    shown = f"[{host}]" if ":" in host else host
    writes = "writes enabled (bearer token)" if write_token else "read-only"
    print(f"newsweave: serving on http://{shown}:{port}/ ({writes}); Ctrl-C to stop", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
