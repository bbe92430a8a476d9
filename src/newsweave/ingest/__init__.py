"""Ingest: bytes in, ``Article`` out. No NLP here.

``read(paths)`` walks files and folders and yields an ``Article`` for every article found
and an ``InputError`` for everything that could not be read, so that one bad file never
stops a batch.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsweave import config
from newsweave.errors import InputError
from newsweave.ingest.dates import parse_published
from newsweave.ingest.decode import DecodeError, decode
from newsweave.ingest.feeds import parse_feed
from newsweave.ingest.html import parse_html
from newsweave.ingest.jsonl import parse_jsonl
from newsweave.ingest.text import parse_text
from newsweave.records import Article

__all__ = ["MAX_ID_CHARS", "MAX_OUTLET_CHARS", "article_key", "make_article", "read"]

log = logging.getLogger(__name__)

ReadResult = Article | InputError

#: The longest id and outlet name stored as they are (the store's columns hold 512).
MAX_ID_CHARS = 200
MAX_OUTLET_CHARS = 200

_SKIPPED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\..*)?$", re.IGNORECASE)
_JSONL = {".jsonl", ".ndjson"}
_HTML = {".html", ".htm", ".xhtml"}
_FEED = {".rss", ".atom", ".xml"}


def read(
    paths: Iterable[str | Path], *, max_bytes: int = config.MAX_FILE_BYTES
) -> Iterator[ReadResult]:
    """Yield the articles (and the errors) found under ``paths``, files and folders alike."""
    for path in map(Path, paths):
        if not path.exists():
            yield InputError(str(path), "no such file or directory")
        elif path.is_dir():
            yield from _read_dir(path, max_bytes=max_bytes)
        else:
            yield from _read_file(path, max_bytes=max_bytes)


def _read_dir(folder: Path, *, max_bytes: int) -> Iterator[ReadResult]:
    """Every article file under ``folder``, in name order. Symbolic links to folders are
    followed, each real folder read once, so that a link back up the tree ends the walk there."""
    found = False
    seen = {os.path.realpath(folder)}
    for root, dirs, files in os.walk(folder, followlinks=True):
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            real = os.path.realpath(os.path.join(root, name))
            if real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith(".") or _SKIPPED_NAMES.match(name):
                continue
            found = True
            yield from _read_file(Path(root) / name, max_bytes=max_bytes)
    if not found:
        yield InputError(str(folder), "directory holds no article files")


def _read_file(path: Path, *, max_bytes: int) -> Iterator[ReadResult]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = f"the {_human(max_bytes)} limit (--max-bytes)"
            yield InputError(source, f"file is {_human(size)}, over {limit}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read file ({exc.strerror or exc})")
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    try:
        yield from _parse(path, data)
    except DecodeError as exc:
        yield InputError(source, str(exc))


def _kind(path: Path, data: bytes) -> str:
    """The format of a file: by its extension, else by its first bytes."""
    suffix = path.suffix.lower()
    if suffix in _JSONL:
        return "jsonl"
    if suffix in _HTML:
        return "html"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in _FEED or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _parse(path: Path, data: bytes) -> Iterator[ReadResult]:
    source, kind = str(path), _kind(path, data)
    if kind == "feed":
        entries = list(parse_feed(data, source=source))
        if not entries:
            yield InputError(source, "not an RSS/Atom feed with entries")
        for fields in entries:
            yield make_article(fields, default_id=path.name, source=source)
        return
    decoded = decode(data)
    found: dict[str, Any] = {"encoding": decoded.encoding, "encoding_guessed": decoded.guessed}
    if decoded.guessed:
        log.info("%s: not UTF-8; read as %s (guessed)", source, decoded.encoding)
    if kind == "jsonl":
        for item in parse_jsonl(decoded.text, source=source):
            if isinstance(item, InputError):
                yield item
            else:
                yield make_article({**item, **found}, default_id=path.name, source=source)
    elif kind == "html":
        page = parse_html(decoded.text)
        if page is None:
            yield InputError(source, "no article text found in the HTML page")
            return
        fields = {
            "text": page.body,
            "title": page.title,
            "published": page.published,
            "outlet": page.outlet,
            "url": page.url,
            **found,
        }
        yield make_article(fields, default_id=path.name, source=source)
    else:
        parsed = parse_text(decoded.text)
        if not parsed.body:
            yield InputError(source, "no article text after the header")
            return
        yield make_article(
            {**parsed.meta, "text": parsed.body, **found}, default_id=path.name, source=source
        )


def make_article(fields: dict[str, Any], *, default_id: str, source: str) -> Article:
    """Build an ``Article`` from raw metadata fields (ids, dates and names normalised).

    What no store can hold is made safe here, the same for every backend: NUL characters are
    removed (PostgreSQL refuses them in text), an id over ``MAX_ID_CHARS`` keeps its start and
    gets a digest of the whole, and an outlet name is cut at ``MAX_OUTLET_CHARS``.
    """
    text: str = _no_nul(fields["text"])
    outlet = _bounded(_clean(fields.get("outlet")), MAX_OUTLET_CHARS)
    explicit_id = _clean(fields.get("id"))
    published = parse_published(fields.get("published"))
    if published is None and (given := _clean(fields.get("published"))):
        # Said, not silently dropped: the article's date will be inferred from its text.
        log.warning("%s: the date %r is not a date; it is left out", source, given[:40])
    return Article(
        id=_short_id(explicit_id or default_id),
        key=article_key(text, outlet, explicit_id),
        text=text,
        published=published,
        outlet=outlet,
        title=_clean(fields.get("title")),
        url=_clean(fields.get("url")),
        source=_no_nul(fields.get("_source", source)),
        encoding=fields.get("encoding"),
        encoding_guessed=bool(fields.get("encoding_guessed")),
    )


def article_key(text: str, outlet: str | None, explicit_id: str | None = None) -> str:
    """A stable key from the content: the same text from the same outlet is one article.

    An id given by the source (a JSON Lines ``id``, a feed entry's id) is part of the key, so
    two records the publisher tells apart stay apart; a file's name is not (a copied file is
    the same article). Whitespace is normalised: other line endings change nothing.
    """
    normal = " ".join(text.split())
    digest = hashlib.sha256(f"{explicit_id or ''}\n{outlet or ''}\n{normal}".encode()).hexdigest()
    return digest[:24]


def _human(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def _clean(value: object) -> str | None:
    text = " ".join(_no_nul(str(value)).split()) if value is not None else ""
    return text or None


def _no_nul(text: str) -> str:
    return text.replace("\x00", "")


def _short_id(article_id: str) -> str:
    """An id a store can index: a long one keeps its start and gets a digest of the whole."""
    if len(article_id) <= MAX_ID_CHARS:
        return article_id
    digest = hashlib.sha256(article_id.encode()).hexdigest()[:16]
    return f"{article_id[: MAX_ID_CHARS - 17]}~{digest}"


def _bounded(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit].rstrip()
