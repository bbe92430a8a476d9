"""``POST /api/articles``: articles in over HTTP, in the formats the CLI reads.

The body is written to a private temporary file named for its format and handed to the same
``pipeline.ingest`` as ``newsweave ingest``, so the web adds no second way to parse articles.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from newsweave.pipeline import ingest
from newsweave.store import Store

__all__ = ["FORMATS", "WriteRefused", "check_token", "format_of", "ingest_body"]

FORMATS = {"text": ".txt", "jsonl": ".jsonl", "html": ".html"}
_BY_MEDIA_TYPE = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/json": "json",
}


class WriteRefused(Exception):
    """A write the server must refuse, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise ``WriteRefused`` unless ``authorization`` is ``Bearer <expected>``."""
    if expected is None:
        raise WriteRefused(403, "writes are disabled: start the server with --write-token")
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WriteRefused(401, "send the header 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise WriteRefused(403, "wrong write token")


def format_of(content_type: str | None, explicit: str | None) -> str:
    """The body's format: the ``format`` field if given, else from its media type."""
    if explicit:
        if explicit not in FORMATS and explicit != "json":
            raise WriteRefused(415, f"unknown format {explicit!r}: use text, jsonl or html")
        return explicit
    media = (content_type or "text/plain").split(";")[0].strip().lower()
    if media not in _BY_MEDIA_TYPE:
        raise WriteRefused(415, f"unsupported content type {media!r}: use format=text|jsonl|html")
    return _BY_MEDIA_TYPE[media]


def ingest_body(store: Store, body: bytes, *, fmt: str, name: str | None = None) -> dict[str, Any]:
    """Ingest one posted body; returns the stored articles with their stories.

    Args:
        store: where to write.
        body: the request body.
        fmt: "text", "jsonl", "html", or "json" (one object or a list, turned into JSONL).
        name: the file name the article id defaults to (as a file's name does on the CLI).
    """
    if not body.strip():
        raise WriteRefused(400, "empty body: post an article")
    if fmt == "json":
        body, fmt = _json_as_jsonl(body), "jsonl"
    stem = _safe_name(name) or "posted-" + hashlib.sha256(body).hexdigest()[:12]
    suffix = FORMATS[fmt]
    filename = stem if stem.endswith(suffix) else stem + suffix
    with tempfile.TemporaryDirectory(prefix="newsweave-post-") as folder:
        path = Path(folder) / filename
        path.write_bytes(body)
        report = ingest([str(path)], store)  # one at a time: it holds the store's writer lock
    rejected = [line.replace(str(path), filename) for line in report.rejected]
    articles = []
    for article_id in report.stored:
        article = store.article(article_id)
        story = store.story_of(article.key) if article is not None else None
        articles.append({"id": article_id, "story": story})
    return {
        "stored": articles,
        "duplicates": report.duplicates,
        "rejected": rejected,
        "stories": report.stories,
    }


def _json_as_jsonl(body: bytes) -> bytes:
    try:
        value = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise WriteRefused(400, f"the body is not JSON: {exc}") from exc
    except RecursionError as exc:
        raise WriteRefused(400, "the body is JSON nested too deeply to be an article") from exc
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) for item in items):
        raise WriteRefused(400, "post a JSON object with a 'text' field, or a list of them")
    return "\n".join(json.dumps(item, ensure_ascii=False) for item in items).encode("utf-8")


def _safe_name(name: str | None) -> str:
    """A file name from user input: no folders, no leading dots, a bounded length."""
    if not name:
        return ""
    return re.sub(r"[^\w.~-]", "_", name).lstrip(".")[:120]
