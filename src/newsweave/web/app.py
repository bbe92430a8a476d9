"""The web application: pages and their JSON twins over one store, read-only unless a write
token is given.
"""

from __future__ import annotations

import os
from importlib import metadata, resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount

from newsweave import config
from newsweave.store import open_store
from newsweave.web.cache import PageCache
from newsweave.web.guard import Guard
from newsweave.web.methods import Methods
from newsweave.web.pages import Pages
from newsweave.web.routes import router

__all__ = ["STORE_VARIABLE", "TOKEN_VARIABLE", "app_from_environment", "create_app"]

#: Where ``serve`` with several worker processes tells each of them the store and the token.
STORE_VARIABLE = "NEWSWEAVE_SERVE_STORE"
TOKEN_VARIABLE = "NEWSWEAVE_WRITE_TOKEN"  # the variable ``newsweave serve --write-token`` reads


def create_app(
    store_url: str,
    *,
    write_token: str | None = None,
    max_bytes: int = config.MAX_FILE_BYTES,
    cache_seconds: float = 2.0,
) -> FastAPI:
    """Build the application over the store at ``store_url``.

    Args:
        store_url: an SQLAlchemy URL or an SQLite file path.
        write_token: the bearer token ``POST /api/articles`` requires; ``None`` refuses writes.
        max_bytes: the largest request body accepted (larger ones get 413).
        cache_seconds: how long a rendered page is reused (writes made through this server
            clear the cache; those of other processes show after this delay). 0 disables it.

    Returns:
        The FastAPI application (OpenAPI description at ``/openapi.json``).
    """
    app = FastAPI(
        title="newsweave",
        version=metadata.version("newsweave"),
        description="Stories across outlets, their dossiers, entities, articles and search.",
        docs_url=None,  # the interactive docs load scripts from a CDN: keep the server offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    pages = Pages()
    app.state.store = open_store(store_url)
    app.state.pages = pages
    app.state.write_token = write_token or None
    app.state.cache = PageCache(ttl=cache_seconds)
    app.include_router(router)
    static = resources.files("newsweave.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_error_handlers(app, pages)
    # The router's own routes (the app wraps an included router in one route without methods).
    routes = [*router.routes, *(r for r in app.routes if isinstance(r, Mount))]
    app.add_middleware(Methods, routes=routes)
    # Pages of large stories are mostly repeated markup: compressed, a 50-source story's page
    # is a tenth of its size on the wire (docs/benchmarks.md). Level 6, not Starlette's 9:
    # on story pages it compresses as well (0.139 of the size against 0.137) in half the time
    # (2.8 against 6.1 ms for 213 KB), which was half of what a stored page cost to serve.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(Guard, max_bytes=max_bytes, pages=pages)  # outermost: sees every answer
    return app


def app_from_environment() -> FastAPI:
    """The application of a worker process started by ``serve(..., workers=N)``."""
    return create_app(os.environ[STORE_VARIABLE], write_token=os.environ.get(TOKEN_VARIABLE))


def _add_error_handlers(app: FastAPI, pages: Pages) -> None:
    """One error path for refusals, HTML or JSON by the request (failures: ``Guard``)."""

    def answer(request: Request, status: int, message: str) -> Response:
        response = pages.error(request.url.path, request.headers.get("accept", ""), status, message)
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        response = answer(request, exc.status_code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return answer(request, 422, problems or "invalid request")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
