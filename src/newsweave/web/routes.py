"""The routes: each page and its ``.json`` twin call the same data builder.

The ``.json`` routes are declared before their HTML siblings, since ``{id}`` would also
match ``x.json``.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsweave.store import Store
from newsweave.web import data
from newsweave.web.cache import PageCache
from newsweave.web.pages import Pages
from newsweave.web.write import WriteRefused, check_token, format_of, ingest_body

__all__ = ["router"]

router = APIRouter()


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


_Date = Annotated[str | None, Query(max_length=32, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
_Text = Annotated[str | None, Query(max_length=200)]
_Limit = Annotated[int, Query(ge=1, le=500)]
_Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]  # within every database's integers
_Query = Annotated[str, Query(max_length=200)]
_Build = Callable[[Store], dict[str, Any] | None]


async def _page(
    request: Request, template: str, build: _Build, *, as_json: bool, what: str = ""
) -> Response:
    """The page (or its JSON twin) of what ``build`` returns; 404 when it returns ``None``.

    Rendered pages are cached briefly, so a burst of readers of one story costs one build;
    the build runs in a worker thread since the store is synchronous.
    """

    def make() -> Response:
        page = build(request.app.state.store)
        if page is None:
            raise HTTPException(404, f"no {what} {request.path_params.get('ref', '')!r} here")
        pages: Pages = request.app.state.pages
        return pages.render(request, template, page, as_json=as_json)

    cache: PageCache = request.app.state.cache
    key = f"{request.url.path}?{request.url.query}"
    return await cache.get_or_build(key, lambda: run_in_threadpool(make))


def _story_filters(
    since: _Date = None,
    until: _Date = None,
    entity: _Text = None,
    outlet: _Text = None,
    limit: _Limit = 50,
    offset: _Offset = 0,
) -> data.StoryFilters:
    """The stories page's filters, from the query string (empty values mean no filter)."""
    return data.StoryFilters(
        since=since or None,
        until=until or None,
        entity=entity or None,
        outlet=outlet or None,
        limit=limit,
        offset=offset,
    )


_Filters = Annotated[data.StoryFilters, Depends(_story_filters)]


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/stories", status_code=307)


@router.get("/stories.json", summary="Stories, newest first (JSON)")
async def stories_json(request: Request, filters: _Filters) -> Response:
    build = partial(data.stories_page, filters=filters)
    return await _page(request, "stories.html", build, as_json=True)


@router.get("/stories", summary="Stories, newest first", response_class=Response)
async def stories_html(request: Request, filters: _Filters) -> Response:
    build = partial(data.stories_page, filters=filters)
    return await _page(request, "stories.html", build, as_json=False)


def _twin_pages(
    path: str,
    template: str,
    what: str,
    summary: str,
    build: Callable[[str], _Build],
    stored: Callable[[Store, str], bytes | None] | None = None,
) -> None:
    """Register the page ``path`` (with a ``{ref}``) and its ``.json`` twin, JSON first. With
    ``stored``, the twin is first looked up as gzipped JSON bytes kept in the store."""

    async def as_json(request: Request, ref: str) -> Response:
        if stored is not None:
            found = await run_in_threadpool(stored, _store(request), ref)
            if found is not None:
                return _gzipped_json(request, found)
        return await _page(request, template, build(ref), as_json=True, what=what)

    async def as_html(request: Request, ref: str) -> Response:
        return await _page(request, template, build(ref), as_json=False, what=what)

    router.add_api_route(f"{path}.json", as_json, methods=["GET"], summary=f"{summary} (JSON)")
    router.add_api_route(path, as_html, methods=["GET"], summary=summary, response_class=Response)


def _gzipped_json(request: Request, body: bytes) -> Response:
    """Stored gzipped JSON as it is, or unpacked for a client that does not take gzip."""
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return Response(body, media_type="application/json", headers=headers)
    return Response(gzip.decompress(body), media_type="application/json")


_twin_pages(
    "/stories/{ref}",
    "story.html",
    "story",
    "A story's dossier",
    lambda ref: partial(data.story_page, story_id=ref),
    stored=lambda store, ref: store.story_page_json(ref),
)
_twin_pages(
    "/entities/{ref}",
    "entity.html",
    "entity",
    "An entity and all it said",
    lambda ref: partial(data.entity_page, entity_id=ref),
)
_twin_pages(
    "/articles/{ref:path}",
    "article.html",
    "article",
    "An article, highlighted",
    lambda ref: partial(data.article_page, ref=ref),
)


@router.get("/search.json", summary="Full-text search over articles and quotes (JSON)")
async def search_json(request: Request, q: _Query = "") -> Response:
    build = partial(data.search_page, query=q)
    return await _page(request, "search.html", build, as_json=True)


@router.get("/search", summary="Full-text search over articles and quotes", response_class=Response)
async def search_html(request: Request, q: _Query = "") -> Response:
    build = partial(data.search_page, query=q)
    return await _page(request, "search.html", build, as_json=False)


@router.post("/api/articles", status_code=201, summary="Ingest articles (needs the write token)")
async def post_articles(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    format: Annotated[str | None, Query(pattern="^(text|jsonl|html|json)$")] = None,
    name: Annotated[str | None, Query(max_length=120)] = None,
) -> Response:
    """Ingest the body (text, JSON Lines, HTML, or a JSON object) like ``newsweave ingest``.

    The format comes from ``format`` or the Content-Type. Answers 401 without a token and 403
    with a wrong one (or when the server was started without ``--write-token``).
    """
    try:
        check_token(request.app.state.write_token, authorization)
        fmt = format_of(request.headers.get("content-type"), format)
        body = await request.body()
        result = await run_in_threadpool(ingest_body, _store(request), body, fmt=fmt, name=name)
    except WriteRefused as exc:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        raise HTTPException(exc.status, str(exc), headers=headers) from exc
    request.app.state.cache.clear()
    status = 201 if result["stored"] else (422 if result["rejected"] else 200)
    return JSONResponse(result, status_code=status)
