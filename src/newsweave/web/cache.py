"""A short-lived cache of rendered pages, so many clients reading one story cost one build.

Pages are kept ``ttl`` seconds (writes through this server clear it at once; writes by another
process, such as ``newsweave ingest``, show within ``ttl``). Concurrent requests for a page
being built wait for that build instead of starting their own.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi.responses import Response

__all__ = ["PageCache"]


@dataclass(frozen=True)
class _Entry:
    body: bytes
    media_type: str | None
    expires: float


class PageCache:
    """Rendered successful answers by key, at most ``size`` of them, each for ``ttl`` seconds."""

    def __init__(self, *, ttl: float = 2.0, size: int = 256) -> None:
        self.ttl = ttl
        self.size = size
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._building: dict[str, asyncio.Future[Response]] = {}

    async def get_or_build(self, key: str, build: Callable[[], Awaitable[Response]]) -> Response:
        """The cached answer for ``key``, or the one ``build`` makes (cached if status 200)."""
        entry = self._entries.get(key)
        if entry is not None and entry.expires > time.monotonic():
            self._entries.move_to_end(key)
            return Response(entry.body, media_type=entry.media_type)
        pending = self._building.get(key)
        if pending is not None:
            return _copy(await asyncio.shield(pending))
        future: asyncio.Future[Response] = asyncio.get_running_loop().create_future()
        self._building[key] = future
        try:
            response = await build()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # consumed here: no "never retrieved" warning when none wait
            raise
        finally:
            self._building.pop(key, None)
        future.set_result(response)
        if response.status_code == 200 and self.ttl > 0:
            self._store(key, response)
        return response

    def clear(self) -> None:
        """Forget every page (after a write)."""
        self._entries.clear()

    def _store(self, key: str, response: Response) -> None:
        self._entries[key] = _Entry(
            bytes(response.body), response.media_type, time.monotonic() + self.ttl
        )
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


def _copy(response: Response) -> Response:
    return Response(
        bytes(response.body), status_code=response.status_code, media_type=response.media_type
    )
