"""newsweave watch: feeds and pages served by a test server on loopback, and every way a feed
or a page can be bad or dangerous.

No test here can send a packet beyond loopback, even with the guard broken: every socket
connection and name lookup outside 127.0.0.1 fails the test (``_loopback_only``), and the tests
about other addresses run on an injected resolver and an ``httpx.MockTransport`` that records
any request it is asked to carry for a forbidden address.
"""

from __future__ import annotations

import gzip
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import EXAMPLES
from newsweave.cli import main
from newsweave.fetch import Fetcher, Limits, Policy, Refused
from newsweave.fetch.guard import check
from newsweave.ingest.text import ParsedText, parse_text
from newsweave.pipeline.watch import poll
from newsweave.store import Store, open_store
from newsweave.web import create_app

#: Quick to give up, so that a bad response costs the suite seconds, not minutes.
LIMITS = Limits(
    connect_timeout=2, read_timeout=2, deadline=2, retries=1, backoff=0.05, host_delay=0
)
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_INET_ATON = re.compile(r"(0x[0-9a-f]+|\d+)(\.(0x[0-9a-f]+|\d+)){0,3}", re.I)  # no DNS needed


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection or name lookup beyond loopback fails the test instead of leaving."""
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def only_loopback(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if host not in LOOPBACK:
                raise AssertionError(f"a test tried to connect to {address}")

    def guarded_connect(sock: socket.socket, address: object) -> None:
        only_loopback(sock, address)
        connect(sock, address)  # type: ignore[arg-type]

    def guarded_connect_ex(sock: socket.socket, address: object) -> int:
        only_loopback(sock, address)
        return connect_ex(sock, address)  # type: ignore[arg-type]

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK and not _INET_ATON.fullmatch(name):
            raise AssertionError(f"a test tried to look up {name}")
        return getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


# -- a news site on loopback -------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    """An HTTP server on 127.0.0.1: a reply per path, every request logged. A reply with an
    ``ETag`` or ``Last-Modified`` header answers a matching conditional request with 304."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.closing = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requested(self, path: str) -> list[dict[str, str]]:
        return [headers for logged, headers in self.log if logged == path]

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.log.append((self.path, dict(self.headers)))
            reply = site.routes.get(self.path, Reply(404, b"not found"))
            validators = {k: v for k, v in reply.headers.items() if k in ("ETag", "Last-Modified")}
            asked = {
                "ETag": self.headers.get("If-None-Match"),
                "Last-Modified": self.headers.get("If-Modified-Since"),
            }
            if reply.status == 200 and any(asked[k] == v for k, v in validators.items()):
                self.send_response(304)
                for name, value in validators.items():
                    self.send_header(name, value)
                self.end_headers()
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if isinstance(reply.body, bytes):
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            try:
                pieces = [reply.body] if isinstance(reply.body, bytes) else reply.body()
                for piece in pieces:
                    if site.closing.is_set():
                        break
                    self.wfile.write(piece)
                    self.wfile.flush()
            except OSError:
                pass  # the client hung up: what the limits are for

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    yield server
    server.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "watch.db")) as opened:
        yield opened


@pytest.fixture
def fetcher(site: Site) -> Iterator[Fetcher]:
    """Allowed the test server's own address and port, and nothing else private."""
    opened = Fetcher(Policy(allowed=frozenset({("127.0.0.1", site.port)})), limits=LIMITS)
    yield opened
    opened.close()


# -- feeds and pages, from our own example articles --------------------------------------------


def example(name: str) -> ParsedText:
    return parse_text((EXAMPLES / "fire" / name).read_text(encoding="utf-8"))


MARROWGATE = example("marrowgate_courier_2026-04-21.txt")
OSTERLUND = example("osterlund_herald_2026-04-21.txt")
CALDER = example("calder_evening_post_2026-04-23.txt")
SHORT = (
    "LINDHOLM - The town council of Lindholm voted on Thursday to rebuild the old ferry pier "
    "by next spring, the mayor's office said.\n\nThe repairs will cost about 2 million euros."
)


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed; each item may have id, title, link, text and date (RFC 822)."""
    entries = "".join(
        "<item>"
        + (f"<guid isPermaLink='false'>{escape(i['id'])}</guid>" if "id" in i else "")
        + f"<title>{escape(i.get('title', 'Untitled'))}</title>"
        + (f"<link>{escape(i['link'])}</link>" if "link" in i else "")
        + (f"<pubDate>{i['date']}</pubDate>" if "date" in i else "")
        + (f"<description>{escape(_paragraphs(i['text']))}</description>" if "text" in i else "")
        + "</item>"
        for i in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>https://example.org/</link>{entries}</channel></rss>"
    ).encode()


def page(article: ParsedText) -> bytes:
    """The article as a news site's HTML page."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(article.meta['title'])}</title>"
        f"<meta property='og:site_name' content='{escape(article.meta['outlet'])}'>"
        f"<meta property='article:published_time' content='{article.meta['published']}'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(article.meta['title'])}</h1>"
        f"{_paragraphs(article.body)}</article><footer>All rights reserved.</footer></body></html>"
    ).encode()


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))


HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/rss+xml"}


def serve_article(site: Site, path: str, article: ParsedText) -> str:
    site.routes[path] = Reply(body=page(article), headers=HTML)
    return site.url(path)


def serve_good_feed(site: Site) -> str:
    """A healthy feed, served beside a bad one: the rest of the round must still be stored."""
    site.routes["/good.xml"] = Reply(
        body=rss("The Lindholm Ledger", [{"id": "pier", "title": "Pier", "text": SHORT}]),
        headers=XML,
    )
    return site.url("/good.xml")


def one_line(errors: list[str]) -> str:
    assert len(errors) == 1, errors
    assert "\n" not in errors[0] and "Traceback" not in errors[0]
    return errors[0]


def stored_texts(store: Store) -> list[str]:
    return [a.text for a in store.articles()]


# -- acceptance 1: feeds and pages into stories ------------------------------------------------


def test_new_entries_become_articles_in_their_story_and_the_next_round_costs_304s(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    courier = serve_article(site, "/courier/fire.html", MARROWGATE)
    herald = serve_article(site, "/herald/fire.html", OSTERLUND)
    site.routes["/courier.rss"] = Reply(
        body=rss("The Marrowgate Courier", [{"id": "c1", "title": "Fire", "link": courier}]),
        headers={**XML, "ETag": '"v1"'},
    )
    site.routes["/herald.rss"] = Reply(
        body=rss("The Osterlund Herald", [{"id": "h1", "title": "Fire", "link": herald}]),
        headers={**XML, "Last-Modified": "Tue, 21 Apr 2026 09:00:00 GMT"},
    )
    feeds = [site.url("/courier.rss"), site.url("/herald.rss")]

    steps: list[tuple[str, int, int]] = []
    first = poll(feeds, store, fetcher, on_step=lambda *step: steps.append(step))

    assert [(r.new, r.duplicates, r.failed, r.errors) for r in first] == [(1, 0, 0, [])] * 2
    assert first[0].summary() == f"{feeds[0]}: new 1, duplicate 0, failed 0"
    assert sorted(steps) == [
        (stage, done, 2) for stage in ("feeds", "ingesting", "pages") for done in (1, 2)
    ], "progress: each feed, page and article once"
    articles = store.articles()
    assert sorted(a.outlet or "" for a in articles) == [
        "The Marrowgate Courier",
        "The Osterlund Herald",
    ]
    lead = {a.outlet: a.text for a in articles}
    assert MARROWGATE.body.split("\n")[0] in lead["The Marrowgate Courier"]
    assert OSTERLUND.body.split("\n")[0] in lead["The Osterlund Herald"], (
        "the stored text is the page's article, not the feed's one-line entry"
    )
    assert {a.url for a in articles} == {courier, herald}
    [story] = store.stories()
    assert story.article_count == 2 and story.independent_outlets == 2
    assert all(headers["User-Agent"].startswith("newsweave/") for _, headers in site.log)

    before = len(site.log)
    second = poll(feeds, store, fetcher)

    assert all(r.unchanged and r.new == r.duplicates == r.failed == 0 for r in second)
    # the feeds are asked in parallel: in either order, once each
    assert sorted(path for path, _ in site.log[before:]) == ["/courier.rss", "/herald.rss"]
    assert site.requested("/courier.rss")[-1]["If-None-Match"] == '"v1"'
    assert site.requested("/herald.rss")[-1]["If-Modified-Since"].startswith("Tue, 21 Apr")
    assert len(store.articles()) == 2
    states = {s.url: s for s in store.feed_states()}
    assert states[feeds[0]].etag == '"v1"' and states[feeds[0]].entries_stored == 1
    assert states[feeds[1]].title == "The Osterlund Herald" and states[feeds[1]].last_error is None


def test_the_stories_page_says_when_each_story_last_grew(
    site: Site, store: Store, fetcher: Fetcher, tmp_path: Path
) -> None:
    link = serve_article(site, "/courier/fire.html", MARROWGATE)
    site.routes["/courier.rss"] = Reply(
        body=rss("The Marrowgate Courier", [{"id": "c1", "link": link}]), headers=XML
    )
    poll([site.url("/courier.rss")], store, fetcher)
    with TestClient(create_app(str(tmp_path / "watch.db"))) as client:
        [listed] = client.get("/stories.json").json()["stories"]
        html = client.get("/stories").text
    grew = listed["last_grew"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", grew)
    assert f"last grew {grew}" in html


def test_an_entry_whose_page_fails_is_stored_from_the_feed_text(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    site.routes["/herald.rss"] = Reply(
        body=rss(
            "The Osterlund Herald",
            [{"id": "h1", "link": site.url("/gone.html"), "text": OSTERLUND.body}],
        ),
        headers=XML,
    )

    [result] = poll([site.url("/herald.rss")], store, fetcher)

    assert (result.new, result.failed) == (1, 0)
    assert one_line(result.errors).endswith("HTTP 404 Not Found; stored the feed's text")
    [article] = store.articles()
    assert article.text.startswith(OSTERLUND.body[:80]) and article.outlet == "The Osterlund Herald"


def test_a_changed_entry_is_stored_once_in_its_new_version(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    url = site.url("/ledger.rss")

    def publish(text: str) -> None:
        site.routes["/ledger.rss"] = Reply(
            body=rss("The Lindholm Ledger", [{"id": "pier", "title": "Pier", "text": text}]),
            headers=XML,
        )

    publish(SHORT)
    poll([url], store, fetcher)
    corrected = SHORT.replace("2 million", "2.4 million")
    publish(corrected)
    [changed] = poll([url], store, fetcher)
    [again] = poll([url], store, fetcher)

    assert (changed.new, again.new, again.duplicates) == (1, 0, 0)
    assert sorted(stored_texts(store)) == sorted([SHORT, corrected])


def test_the_same_article_in_two_feeds_is_stored_once(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    for name in ("a", "b"):
        site.routes[f"/{name}.rss"] = Reply(
            body=rss("The Lindholm Ledger", [{"id": "pier", "text": SHORT}]), headers=XML
        )

    rounds = poll([site.url("/a.rss"), site.url("/b.rss")], store, fetcher)

    assert [(r.new, r.duplicates) for r in rounds] == [(1, 0), (0, 1)]
    assert stored_texts(store) == [SHORT]


def test_robots_txt_is_respected_for_pages(site: Site, store: Store, fetcher: Fetcher) -> None:
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: newsweave\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    hidden = serve_article(site, "/private/fire.html", CALDER)
    site.routes["/post.rss"] = Reply(
        body=rss("The Calder Evening Post", [{"id": "p1", "link": hidden, "text": CALDER.body}]),
        headers=XML,
    )

    [result] = poll([site.url("/post.rss")], store, fetcher)

    assert "robots.txt does not allow" in one_line(result.errors)
    assert not site.requested("/private/fire.html")
    assert result.new == 1, "the feed's own text is stored"


# -- acceptance 2: bad feeds and pages, one line each, the rest of the round stored --------------

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]><rss version='2.0'><channel><title>&lol9;</title></channel></rss>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b"<rss version='2.0'><channel><title>&secret;</title></channel></rss>"
)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(body=BILLION_LAUGHS, headers=XML), "declares XML entities (refused"),
        (Reply(body=EXTERNAL_ENTITY, headers=XML), "refers to an external entity (refused)"),
        (Reply(body=b"<rss><channel><title>Cut off", headers=XML), "not well-formed XML"),
        (Reply(body=page(MARROWGATE), headers=HTML), "an HTML page, not an RSS or Atom feed"),
        (Reply(500, b"oops"), "HTTP 500 Internal Server Error"),
    ],
    ids=["billion-laughs", "external-entity", "invalid-xml", "html-as-feed", "http-500"],
)
def test_a_bad_feed_is_one_line_and_the_rest_of_the_round_is_stored(
    site: Site, store: Store, fetcher: Fetcher, reply: Reply, expected: str
) -> None:
    site.routes["/bad.xml"] = reply

    good, bad = poll([serve_good_feed(site), site.url("/bad.xml")], store, fetcher)

    assert good.new == 1 and not good.errors
    assert expected in one_line(bad.errors)
    assert bad.summary().startswith(f"{site.url('/bad.xml')}: not read: ")
    assert stored_texts(store) == [SHORT]
    state = store.feed_state(site.url("/bad.xml"))
    assert state is not None and state.failures == 1 and expected in (state.last_error or "")


def _endless_drip() -> Iterator[bytes]:
    yield b"<html><body><p>"
    for _ in range(600):
        time.sleep(0.05)
        yield b"a"


def _huge_page() -> Iterator[bytes]:
    yield b"<html><body><p>"
    for _ in range(50):
        yield b"x" * (1024 * 1024)  # 50 MB in all, no Content-Length: it must be cut


_BOMB = gzip.compress(b"<html><body>" + b"\0" * (200 * 1024 * 1024), compresslevel=1)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(body=_huge_page, headers=HTML), "over the 10.0 MB limit (cut off)"),
        (Reply(body=_endless_drip, headers=HTML), "took more than 2 s"),
        (Reply(body=_BOMB, headers={**HTML, "Content-Encoding": "gzip"}), "limit (cut off)"),
        (Reply(body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}), "not an HTML"),
    ],
    ids=["50-MB-page", "endless-slow-response", "gzip-bomb", "pdf"],
)
def test_a_bad_page_is_one_line_and_its_entry_falls_back_to_the_feed_text(
    site: Site, store: Store, fetcher: Fetcher, reply: Reply, expected: str
) -> None:
    site.routes["/bad.html"] = reply
    site.routes["/post.rss"] = Reply(
        body=rss(
            "The Calder Evening Post",
            [{"id": "p1", "link": site.url("/bad.html"), "text": CALDER.body}],
        ),
        headers=XML,
    )
    started = time.monotonic()

    good, post = poll([serve_good_feed(site), site.url("/post.rss")], store, fetcher)

    assert time.monotonic() - started < 60
    assert good.new == 1 and post.new == 1
    line = one_line(post.errors)
    assert expected in line and line.endswith("stored the feed's text")
    assert sorted(stored_texts(store), key=len) == [SHORT, CALDER.body]


def test_a_429_with_retry_after_is_asked_again_only_after_the_wait(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    site.routes["/busy.xml"] = Reply(429, b"slow down", {"Retry-After": "3600"})
    good_url, busy_url = serve_good_feed(site), site.url("/busy.xml")

    good, busy = poll([good_url, busy_url], store, fetcher)

    assert good.new == 1
    assert "HTTP 429" in one_line(busy.errors) and "wait 3600 s" in busy.errors[0]
    assert len(site.requested("/busy.xml")) == 1, "a long Retry-After is not slept through"
    state = store.feed_state(busy_url)
    assert state is not None and state.retry_after is not None
    assert 3500 < (state.retry_after - state.last_error_at).total_seconds() <= 3600  # type: ignore[operator]

    [later] = poll([busy_url], store, fetcher)

    assert later.waiting and len(site.requested("/busy.xml")) == 1


def test_a_short_retry_after_is_waited_for_and_the_feed_fetched(site: Site, store: Store) -> None:
    answers = iter([Reply(503, b"busy", {"Retry-After": "0"})])
    good = rss("The Lindholm Ledger", [{"id": "pier", "text": SHORT}])

    def transport(request: httpx.Request) -> httpx.Response:
        reply = next(answers, Reply(body=good, headers=XML))
        assert isinstance(reply.body, bytes)
        return streamed(reply.status, reply.headers, reply.body)

    with Fetcher(limits=LIMITS, resolver=_resolver, transport=httpx.MockTransport(transport)) as f:
        [result] = poll(["http://ledger.example/feed.xml"], store, f)

    assert (result.new, result.errors) == (1, [])


# -- acceptance 3 and 4: private addresses refused before any connection --------------------------


def test_without_allow_private_loopback_is_refused_before_connecting(
    site: Site, store: Store
) -> None:
    urls = [site.url("/feed.xml"), f"http://localhost:{site.port}/feed.xml"]
    with Fetcher(limits=LIMITS) as strict:
        rounds = poll(urls, store, strict)

    by_address, by_name = (one_line(r.errors) for r in rounds)
    assert by_address == "127.0.0.1 is a loopback address (refused: not public)"
    assert re.fullmatch(
        r"localhost resolves to (127\.0\.0\.1|::1), which is a loopback address "
        r"\(refused: not public\)",
        by_name,
    )
    assert site.log == [], "no connection may reach the server"


def test_allow_private_for_one_address_and_port_allows_that_one_only(
    site: Site, store: Store, fetcher: Fetcher
) -> None:
    other = Site()
    try:
        [result] = poll([other.url("/feed.xml")], store, fetcher)
    finally:
        other.close()
    assert "loopback address (refused" in one_line(result.errors)
    assert other.log == []


def test_the_cli_without_allow_private_refuses_loopback(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(main, ["--db", db, "watch", site.url("/feed.xml"), "--once"])
    assert result.exit_code == 2
    assert "loopback address (refused: not public)" in result.output
    assert site.log == []


#: Names the tests' resolver knows, and the public address the mock "serves" them from.
PUBLIC = "93.184.215.14"
NAMES = {"news.example": [PUBLIC], "ledger.example": [PUBLIC], "intranet.example": ["10.0.0.1"]}


def _resolver(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise Refused(f"cannot resolve {host}")
    return NAMES[host]


@dataclass
class MockNetwork:
    """What an ``httpx.MockTransport`` was asked to carry. Only the public test address
    answers; a request for any other address is recorded and fails the test."""

    routes: dict[str, tuple[int, dict[str, str], bytes]]
    forbidden: list[str] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host != PUBLIC:
            self.forbidden.append(str(request.url))
            raise AssertionError(f"the guard let a request through to {request.url}")
        return streamed(*self.routes.get(request.url.path, (404, {}, b"")))


def streamed(status: int, headers: dict[str, str], body: bytes) -> httpx.Response:
    """A fresh response whose body is still to be read, as a server's is (``content=bytes``
    would hand the client a body already read)."""
    return httpx.Response(status, headers=headers, content=iter([body]))


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        (
            "http://news.example/metadata.xml",
            "169.254.169.254 is a link-local address (refused: not public)",
        ),
        ("http://news.example/internal.xml", "10.0.0.1 is a private address (refused: not public)"),
        (
            "http://intranet.example/feed.xml",
            "intranet.example resolves to 10.0.0.1, which is a private address (refused",
        ),
        ("http://news.example/mapped.xml", "a private address (refused: not public)"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("http://news.example/to-file.xml", "only http and https URLs are fetched, not file"),
    ],
    ids=[
        "redirect-to-169.254.169.254",
        "redirect-to-10.0.0.1",
        "dns-to-10.0.0.1",
        "redirect-to-ipv4-mapped-ipv6",
        "file-url",
        "redirect-to-file-url",
    ],
)
def test_a_private_target_is_refused_and_never_reached(
    store: Store, feed: str, expected: str
) -> None:
    good = rss("The Lindholm Ledger", [{"id": "pier", "text": SHORT}])
    network = MockNetwork(
        {
            "/good.xml": (200, XML, good),
            "/metadata.xml": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/internal.xml": (301, {"Location": "http://10.0.0.1/feed"}, b""),
            "/mapped.xml": (307, {"Location": "http://[::ffff:10.0.0.1]/"}, b""),
            "/to-file.xml": (302, {"Location": "file:///etc/passwd"}, b""),
        }
    )
    transport = httpx.MockTransport(network)
    with Fetcher(limits=LIMITS, resolver=_resolver, transport=transport) as mocked:
        good_round, bad_round = poll(["http://news.example/good.xml", feed], store, mocked)

    assert good_round.new == 1 and stored_texts(store) == [SHORT]
    assert expected in one_line(bad_round.errors)
    assert network.forbidden == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fc00::1]",
        "[ff02::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:a9fe:a9fe]",
        "[64:ff9b::a00:1]",
        "[2002:a00:1::1]",
        "[2001:db8::1]",
    ],
)
def test_the_guard_refuses_every_non_public_address_form(address: str) -> None:
    with pytest.raises(Refused, match="refused: not public"):
        check(f"http://{address}/feed.xml", Policy(), _resolver)


def test_the_guard_lets_public_addresses_and_names_through() -> None:
    assert str(check("https://news.example/a", Policy(), _resolver).address) == PUBLIC
    assert str(check("http://[2606:4700::1111]/", Policy(), _resolver).address) == "2606:4700::1111"


# -- acceptance 5: kill -9 mid-round, then watch --once again: every entry stored once -------------


def test_a_round_killed_mid_way_is_completed_by_the_next_once(site: Site, tmp_path: Path) -> None:
    items = [
        {
            "id": f"berth-{n}",
            "title": f"Berth {n}",
            "text": f"Councillor Maya Orlov said the port of Vessa would add berth number {n} by "
            f"June, and the harbour master agreed on Tuesday.\n\n"
            + "Residents asked about noise and traffic at the new terminal. "
            * 30,
        }
        for n in range(60)
    ]
    items[0]["link"] = serve_article(site, "/courier/fire.html", MARROWGATE)
    site.routes["/port.rss"] = Reply(body=rss("The Vessa Tide", items), headers=XML)
    db = tmp_path / "kill.db"
    cmd = [
        sys.executable, "-m", "newsweave.cli", "--db", str(db), "watch", site.url("/port.rss"),
        "--once", "--allow-private", f"127.0.0.1:{site.port}",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.time() + 180
    while time.time() < deadline and proc.poll() is None and not stored:
        time.sleep(0.2)
        if db.exists():
            with open_store(str(db)) as store:
                stored = store.count_articles()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 60, "the round should have been killed part-way"

    rerun = subprocess.run(cmd, capture_output=True, text=True)

    assert rerun.returncode == 0, rerun.stderr
    counts = re.search(r"new (\d+), duplicate (\d+), failed 0", rerun.stdout)
    assert counts is not None and int(counts[1]) + int(counts[2]) == 60, rerun.stdout
    with open_store(str(db)) as store:
        articles = store.articles()
        assert len(articles) == 60 == len({a.key for a in articles})
        assert len(store.feed_entries(site.url("/port.rss"))) == 60
    listed = CliRunner().invoke(main, ["--db", str(db), "feeds", "--json"])
    [state] = json.loads(listed.stdout)
    assert state["url"] == site.url("/port.rss") and state["last_error"] is None
    third = subprocess.run(cmd, capture_output=True, text=True)
    assert "new 0, duplicate 0, failed 0" in third.stdout


def test_a_feed_list_file_takes_urls_and_opml(tmp_path: Path) -> None:
    from newsweave.errors import InputError
    from newsweave.ingest.feedlist import read_feed_list

    plain = tmp_path / "feeds.txt"
    plain.write_text("# world\nhttps://a.example/rss  # the A\n\nhttps://b.example/atom\n")
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" xmlUrl="https://c.example/feed"/></outline></body></opml>'
    )
    bad = tmp_path / "bad.txt"
    bad.write_text("ftp://a.example/feed\n")
    assert read_feed_list(plain) == ["https://a.example/rss", "https://b.example/atom"]
    assert read_feed_list(opml) == ["https://a.example/rss", "https://c.example/feed"]
    with pytest.raises(InputError, match=re.escape("'ftp://a.example/feed' is not an http")):
        read_feed_list(bad)
