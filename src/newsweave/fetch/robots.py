"""robots.txt, read the way RFC 9309 says: a missing file (4xx) allows everything, a file
that cannot be fetched (5xx, no connection) allows nothing until it can be."""

from __future__ import annotations

import threading
import urllib.robotparser

import httpx

from newsweave.fetch.client import Fetcher, FetchError

__all__ = ["AGENT", "Robots"]

#: The product token robots.txt rules name us by.
AGENT = "newsweave"
_MAX_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB must be read
_TTL = 3600.0

#: An origin's rules: parsed from its file, or one answer for every path (no usable file).
Rules = urllib.robotparser.RobotFileParser | bool


class Robots:
    """``allowed(url)``: whether robots.txt lets us fetch a page; one file per origin,
    fetched once an hour at most. ``Refused`` (the origin's address is not allowed) goes to
    the caller: the page is refused for the same reason."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._rules: dict[str, tuple[float, Rules]] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        with self._lock:
            cached = self._rules.get(origin)
        now = self.fetcher.clock()
        if cached is None or now - cached[0] > _TTL:
            cached = (now, self._fetch(origin))
            with self._lock:
                self._rules[origin] = cached
        rules = cached[1]
        return rules if isinstance(rules, bool) else rules.can_fetch(AGENT, url)

    def _fetch(self, origin: str) -> Rules:
        try:
            response = self.fetcher.get(
                f"{origin}/robots.txt", accept="text/plain", max_bytes=_MAX_BYTES
            )
        except FetchError as exc:
            return exc.status is not None and 400 <= exc.status < 500 and exc.status != 429
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules
