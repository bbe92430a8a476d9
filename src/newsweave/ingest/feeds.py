"""RSS and Atom feeds: each entry becomes an article (the linked page is not fetched)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br")


def parse_feed(data: bytes, *, source: str) -> Iterator[dict[str, Any]]:
    """Yield article fields for every entry with text."""
    feed = feedparser.parse(data)
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        html = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        body = html_to_text(html)
        if not body:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield {
            "id": entry.get("id") or entry.get("link") or f"{source.rsplit('/', 1)[-1]}#{n}",
            "text": body,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "outlet": outlet,
            "published": dt.date(*stamp[:3]).isoformat() if stamp else None,
            "_source": f"{source}#{n}",
            "encoding": feed.get("encoding"),
        }


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one blank line between blocks."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
