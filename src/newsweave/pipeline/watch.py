"""Live news: one round over the watched feeds (``newsweave watch``).

A round fetches each feed (conditionally: an unchanged feed costs a 304), finds the entries
it has not stored, or whose feed text changed since, fetches each one's page (where
robots.txt allows; the feed's text when the page fails or is not HTML), and ingests the
articles through the same path as ``newsweave ingest`` (dedup by content, stories and
dossiers updated incrementally). Only then is each feed's state saved (validators, entries
stored, health): a round cut short is repeated from the last complete state, and the articles
it had already committed are found again as duplicates, so each is stored once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from newsweave.errors import NewsweaveError
from newsweave.fetch import Fetcher, FetchError, Response, Robots
from newsweave.ingest import make_article
from newsweave.ingest.decode import DecodeError, decode
from newsweave.ingest.feeds import parse_feed
from newsweave.ingest.html import parse_html
from newsweave.pipeline.incremental import ingest_items
from newsweave.records import Article
from newsweave.store import FeedEntry, FeedState, Store

__all__ = ["FeedRound", "poll"]

_FEED_TYPES = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.8, */*;q=0.5"
)
_PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_HTML = {"text/html", "application/xhtml+xml", ""}

T = TypeVar("T")
Step = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class FeedRound:
    """What a round did with one feed; ``errors`` are one line each, naming feed or entry."""

    url: str
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    unchanged: bool = False  # the server said 304 Not Modified
    waiting: bool = False  # the server asked not to be asked again yet
    unread: bool = False  # the feed itself was not read (refused, failed, bad, or waiting)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.unread:
            return f"{self.url}: not read: {self.errors[0]}"
        if self.unchanged:
            return f"{self.url}: not modified"
        return f"{self.url}: new {self.new}, duplicate {self.duplicates}, failed {self.failed}"


@dataclass
class _Entry:
    entry_id: str
    digest: str
    fields: dict[str, Any]  # as ``ingest.feeds.parse_feed`` yields them
    article: Article | None = None


@dataclass
class _Feed:
    round: FeedRound
    state: FeedState
    response: Response | None = None
    entries: list[_Entry] = field(default_factory=list)
    skipped: bool = False  # not asked this round: its server asked to wait


def poll(
    urls: Sequence[str],
    store: Store,
    fetcher: Fetcher,
    *,
    workers: int = 4,
    on_wait: Callable[[str], None] | None = None,
    on_step: Step | None = None,
) -> list[FeedRound]:
    """One round over ``urls``; returns what it did per feed, in the order given.

    ``on_step(stage, done, total)`` follows the round: "feeds", then "pages", then
    "ingesting" (it may be called from several threads)."""
    step = on_step or (lambda _stage, _done, _total: None)
    robots = Robots(fetcher)
    feeds = [_Feed(FeedRound(url), store.feed_state(url) or FeedState(url)) for url in urls]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        _each(pool, lambda feed: _fetch_feed(feed, fetcher), feeds, "feeds", step)
        for feed in feeds:
            if feed.response is not None and feed.response.status == 200:
                feed.entries = _new_entries(feed, store)
        todo = [(feed, entry) for feed in feeds for entry in feed.entries]
        _each(pool, lambda job: _fetch_page(job[0], job[1], fetcher, robots), todo, "pages", step)
    articles = [e.article for f in feeds for e in f.entries if e.article is not None]
    known = store.known_keys(a.key for a in articles)
    ingested = itertools.count(1)
    report = ingest_items(
        articles,
        store,
        on_wait=on_wait,
        on_progress=lambda _outcome: step("ingesting", next(ingested), len(articles)),
    )
    present = store.known_keys(a.key for a in articles)
    counted: set[str] = set()  # keys already counted this round: a second copy is a duplicate
    for feed in feeds:
        _account(feed, known | counted, present, report.rejected)
        counted |= {e.article.key for e in feed.entries if e.article is not None}
        _save(feed, store, present)
    return [feed.round for feed in feeds]


def _each(
    pool: ThreadPoolExecutor, work: Callable[[T], None], jobs: list[T], stage: str, step: Step
) -> None:
    """``work`` on every job in the pool, reporting each one done."""
    done = itertools.count(1)
    lock = threading.Lock()

    def run(job: T) -> None:
        work(job)
        with lock:
            step(stage, next(done), len(jobs))

    list(pool.map(run, jobs))


def _fetch_feed(feed: _Feed, fetcher: Fetcher) -> None:
    state, now = feed.state, _now()
    if state.retry_after is not None and state.retry_after > now:
        feed.round.waiting = feed.round.unread = feed.skipped = True
        feed.round.errors.append(f"the server asked to wait until {state.retry_after:%H:%M} UTC")
        return
    try:
        feed.response = fetcher.get(
            feed.round.url, etag=state.etag, modified=state.last_modified, accept=_FEED_TYPES
        )
    except FetchError as exc:
        retry_at = None
        if exc.retry_at is not None:
            retry_at = now + dt.timedelta(seconds=exc.retry_at - fetcher.clock())
        _failed(feed, str(exc), retry_after=retry_at)
    except NewsweaveError as exc:  # refused by the guard
        _failed(feed, str(exc))
    else:
        feed.round.unchanged = feed.response.status == 304


def _new_entries(feed: _Feed, store: Store) -> list[_Entry]:
    """The feed's entries not stored yet, or changed since they were; [] for a bad feed."""
    assert feed.response is not None
    try:
        parsed = list(parse_feed(feed.response.body, source=feed.round.url, keep_empty=True))
    except DecodeError as exc:
        _failed(feed, str(exc))
        feed.response = None
        return []
    if parsed:
        feed.state = replace(feed.state, title=parsed[0].get("outlet") or feed.state.title)
    stored = store.feed_entries(feed.round.url)
    entries = []
    for fields in parsed:
        entry = _Entry(_entry_id(str(fields["id"])), _digest(fields), fields)
        if stored.get(entry.entry_id) != entry.digest:
            entries.append(entry)
    return entries


def _fetch_page(feed: _Feed, entry: _Entry, fetcher: Fetcher, robots: Robots) -> None:
    """The entry's article: its page's text, else the feed's (with a line saying why)."""
    fields, link = entry.fields, entry.fields.get("url")
    text, problem = None, None
    if not link or not str(link).startswith(("http://", "https://")):
        problem = "no page link"
    else:
        try:
            text, page = _page_text(str(link), fetcher, robots)
            fields = {
                **fields,
                "text": text,
                "title": fields.get("title") or page.get("title"),
                "published": fields.get("published") or page.get("published"),
                "outlet": fields.get("outlet") or page.get("outlet"),
                "url": page.get("url") or link,
                "_source": str(link),
            }
        except NewsweaveError as exc:
            problem = f"page {link}: {exc}"
    if text is None:
        if not (fields.get("text") or "").strip():
            feed.round.errors.append(f"entry {entry.entry_id}: {problem}, and no text in the feed")
            return
        if problem != "no page link":
            feed.round.errors.append(f"entry {entry.entry_id}: {problem}; stored the feed's text")
        fields = {**fields, "_source": f"{feed.round.url}#{entry.entry_id}"}
    entry.article = make_article(fields, default_id=entry.entry_id, source=fields["_source"])


def _page_text(url: str, fetcher: Fetcher, robots: Robots) -> tuple[str, dict[str, Any]]:
    if not robots.allowed(url):
        raise FetchError("robots.txt does not allow fetching it")
    response = fetcher.get(url, accept=_PAGE_TYPES)
    if response.content_type not in _HTML:
        raise FetchError(f"not an HTML page ({response.content_type}); skipped")
    page = parse_html(decode(response.body).text)
    if page is None:
        raise FetchError("no article text found in the page")
    found = {"title": page.title, "published": page.published, "outlet": page.outlet}
    return page.body, {**found, "url": response.url}


def _account(feed: _Feed, known: set[str], present: set[str], rejected: Iterable[str]) -> None:
    articles = [e.article for e in feed.entries if e.article is not None]
    keys = [a.key for a in articles]
    fresh = [k for k in dict.fromkeys(keys) if k in present and k not in known]
    feed.round.new = len(fresh)
    feed.round.duplicates = sum(k in present for k in keys) - len(fresh)
    feed.round.failed = len(feed.entries) - feed.round.new - feed.round.duplicates
    sources = {a.source for a in articles if a.key not in present}
    feed.round.errors += [line for line in rejected if line.split(": ", 1)[0] in sources]


def _save(feed: _Feed, store: Store, present: set[str]) -> None:
    """The feed's state after a complete round: validators of a body whose entries are all
    stored (else the next round must see the body again), and the entries stored."""
    response, state = feed.response, feed.state
    if response is None:
        if not feed.skipped:
            store.save_feed(state)  # the failure, counted
        return
    stored = [
        FeedEntry(e.entry_id, e.digest, e.article.key)
        for e in feed.entries
        if e.article is not None and e.article.key in present
    ]
    complete = len(stored) == len(feed.entries)
    validators = (
        {
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        if complete and response.status == 200
        else {}
    )
    store.save_feed(
        replace(
            state,
            **validators,
            last_success=_now(),
            last_error=feed.round.errors[-1] if feed.round.errors else None,
            last_error_at=_now() if feed.round.errors else state.last_error_at,
            failures=0,
            retry_after=None,
            entries_stored=state.entries_stored + feed.round.new,
        ),
        stored,
    )


def _failed(feed: _Feed, reason: str, *, retry_after: dt.datetime | None = None) -> None:
    feed.round.errors.append(reason)
    feed.round.unread = True
    feed.round.waiting = retry_after is not None
    feed.state = replace(
        feed.state,
        last_error=reason,
        last_error_at=_now(),
        failures=feed.state.failures + 1,
        retry_after=retry_after,
    )


def _entry_id(given: str) -> str:
    """An entry's id as stored: a very long one (some feeds use whole URLs with tracking
    parameters) by its digest."""
    return given if len(given) <= 500 else hashlib.sha256(given.encode()).hexdigest()


def _digest(fields: dict[str, Any]) -> str:
    seen = "\x00".join(str(fields.get(k) or "") for k in ("title", "url", "text"))
    return hashlib.sha256(seen.encode()).hexdigest()[:32]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
