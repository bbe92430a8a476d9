"""HTTP done politely and safely: the one way newsweave fetches a feed or a page.

- every request, and every redirect (at most ``Limits.redirects``), goes to an address the
  guard checked (``guard.py``), by the address it checked;
- conditional requests (``If-None-Match``, ``If-Modified-Since``): an unchanged feed costs a
  304 and nothing else;
- a size cap counted on the *decoded* body while it streams in (gzip and deflate are decoded
  here, a bounded piece at a time, so a small compressed bomb is stopped at the cap), and a
  deadline for the whole response, so an endless or dripping response is cut;
- per host, at most ``host_connections`` requests at once and ``host_delay`` seconds between
  their starts;
- errors and 429/5xx retried with exponential backoff, honouring ``Retry-After``; a wait
  longer than ``max_wait`` is not slept through but reported (``FetchError.retry_at``), so the
  caller asks again in a later round.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version

import httpx

from newsweave.errors import NewsweaveError
from newsweave.fetch.guard import (
    Policy,
    Refused,
    Resolver,
    check,
    check_scheme,
    system_resolver,
)

__all__ = ["USER_AGENT", "FetchError", "Fetcher", "Limits", "Response"]

USER_AGENT = (
    f"newsweave/{version('newsweave')} (news research; +https://github.com/newsweave/newsweave)"
)
_RETRIED = {429, 500, 502, 503, 504}
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(NewsweaveError):
    """A fetch that failed; the message is one line. ``status`` is the HTTP status when the
    server answered; ``retry_at`` (a ``Fetcher.clock`` reading) is set when it asked to be
    left alone until then."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_at: float | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.retry_at = status, retry_at


@dataclass(frozen=True)
class Limits:
    """What one response may cost, and how politely hosts are asked."""

    max_bytes: int = 10_000_000
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # seconds for a whole response, however it trickles in
    redirects: int = 5
    retries: int = 3
    backoff: float = 2.0  # the first wait before a retry; doubled each time
    max_wait: float = 120.0  # the longest wait a fetch sleeps through
    host_delay: float = 1.0
    host_connections: int = 2


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional request answered "not modified"
    headers: httpx.Headers
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


class GuardedTransport(httpx.BaseTransport):
    """Checks every request's URL with the guard and connects to the checked address (the
    ``Host`` header and TLS server name stay the host's), so nothing else is reachable."""

    def __init__(self, inner: httpx.BaseTransport, policy: Policy, resolver: Resolver) -> None:
        self.inner, self.policy, self.resolver = inner, policy, resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        target = check(request.url, self.policy, self.resolver)
        if request.url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": target.host}
        request.url = request.url.copy_with(host=str(target.address))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@dataclass
class _Host:
    slots: threading.Semaphore  # requests to the host at once
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0  # when the next request may start


class Fetcher:
    """``get(url)`` with everything above; thread-safe, one per watch run.

    ``transport`` replaces the network (tests pass an ``httpx.MockTransport``; the guard
    still runs in front of it); ``clock`` and ``sleep`` are injectable for the same reason.
    """

    def __init__(
        self,
        policy: Policy | None = None,
        *,
        limits: Limits = Limits(),
        resolver: Resolver = system_resolver,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limits, self.clock, self.sleep = limits, clock, sleep
        inner = transport or httpx.HTTPTransport(retries=0)
        self.client = httpx.Client(
            transport=GuardedTransport(inner, policy or Policy(), resolver),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(
                limits.read_timeout, connect=limits.connect_timeout, pool=limits.deadline
            ),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the guard must see the target
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        modified: str | None = None,
        accept: str = "*/*",
        max_bytes: int | None = None,
    ) -> Response:
        """The body at ``url`` (a 304 ``Response`` when the conditions say it is unchanged);
        raises ``FetchError`` with a one-line reason, ``Refused`` for a forbidden address."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        cap = max_bytes or self.limits.max_bytes
        for attempt in range(self.limits.retries + 1):
            try:
                return self._follow(url, headers, cap)
            except _Retry as retry:
                wait = retry.after if retry.after is not None else self._backoff(attempt)
                if attempt == self.limits.retries:
                    raise FetchError(retry.reason, status=retry.status) from None
                if wait > self.limits.max_wait:
                    raise FetchError(
                        f"{retry.reason}; the server asks to wait {wait:.0f} s",
                        status=retry.status,
                        retry_at=self.clock() + wait,
                    ) from None
                self.sleep(wait)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return float(self.limits.backoff * 2**attempt)

    def _follow(self, url: str, headers: dict[str, str], cap: int) -> Response:
        current = httpx.URL(url)
        for _ in range(self.limits.redirects + 1):
            check_scheme(current)
            response = self._once(current, headers, cap)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            try:
                current = current.join(location)
            except httpx.InvalidURL as exc:
                raise FetchError(f"redirect to an invalid URL ({exc})") from exc
        raise FetchError(f"more than {self.limits.redirects} redirects")

    def _once(self, url: httpx.URL, headers: dict[str, str], cap: int) -> Response:
        host = self._host(url.host)
        with host.slots:
            with host.lock:
                now = self.clock()
                wait = host.next_start - now
                host.next_start = max(now, host.next_start) + self.limits.host_delay
            if wait > 0:
                self.sleep(wait)
            started = self.clock()
            try:
                request = self.client.build_request("GET", url, headers=headers)
                with contextlib.closing(self.client.send(request, stream=True)) as response:
                    status = response.status_code
                    if status in _RETRIED:
                        raise _Retry(_status(response), status, _retry_after(response.headers))
                    if status == 304 or status in _REDIRECTS:
                        return Response(str(url), status, response.headers)
                    if status >= 400:
                        raise FetchError(_status(response), status=status)
                    body = self._body(response, cap, started)
                    return Response(str(url), status, response.headers, body)
            except (Refused, FetchError, _Retry):
                raise
            except httpx.TimeoutException:
                raise _Retry("timed out", None, None) from None
            except httpx.TransportError as exc:
                raise _Retry(f"cannot connect ({_first_line(exc)})", None, None) from None

    def _host(self, name: str) -> _Host:
        with self._hosts_lock:
            if name not in self._hosts:
                self._hosts[name] = _Host(threading.Semaphore(self.limits.host_connections))
            return self._hosts[name]

    def _body(self, response: httpx.Response, cap: int, started: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"response is {_size(int(declared))}, over the {_size(cap)} limit")
        out = bytearray()
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        # iter_raw() without a size yields what each read brings: a dripping body is seen
        # as it drips, so the deadline is checked while it does.
        for piece in _decoded(response.iter_raw(), encoding, cap + 1):
            out += piece
            if len(out) > cap:
                raise FetchError(f"response is over the {_size(cap)} limit (cut off)")
            if self.clock() - started > self.limits.deadline:
                raise FetchError(f"response took more than {self.limits.deadline:.0f} s")
        return bytes(out)


class _Retry(Exception):
    """An answer worth asking again for: 429, a 5xx, a timeout or a lost connection."""

    def __init__(self, reason: str, status: int | None, after: float | None) -> None:
        super().__init__(reason)
        self.reason, self.status, self.after = reason, status, after


def _decoded(raw: Iterator[bytes], encoding: str, budget: int) -> Iterator[bytes]:
    """The body decoded from ``Content-Encoding``, never more than ``budget`` bytes out of
    one piece in: a bomb is inflated only as far as the cap."""
    if encoding in ("identity", ""):
        yield from raw
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported Content-Encoding {encoding!r}")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        for chunk in raw:
            data = chunk
            while data:
                yield inflater.decompress(data, budget)
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as exc:
        raise FetchError(f"the {encoding} body is corrupt ({exc})") from exc


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _status(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase}".strip()


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
