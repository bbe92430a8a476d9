"""RSS and Atom feeds: each entry becomes an article (here the linked page is not fetched;
``newsweave watch`` fetches it, ``pipeline/watch.py``).

A feed is parsed only once it has proved to be well-formed XML without entity declarations
(defusedxml): entity expansion ("billion laughs") and external entities are refused before
feedparser, which is lenient by design, ever sees the bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import defusedxml
import defusedxml.ElementTree
import feedparser
import lxml.html

from newsweave.ingest.decode import DecodeError

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br")


_FEED_ROOTS = {"rss", "feed", "RDF"}
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def check_feed(data: bytes) -> None:
    """Raise ``DecodeError`` (one line) unless ``data`` is a safe, well-formed RSS or Atom
    document."""
    if _HTML_START.match(data[:1024]):
        raise DecodeError("an HTML page, not an RSS or Atom feed")
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=False)
    except defusedxml.EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            raise DecodeError("the feed refers to an external entity (refused)") from None
        raise DecodeError("the feed declares XML entities (refused: entity expansion)") from None
    except defusedxml.ExternalReferenceForbidden:
        raise DecodeError("the feed refers to an external entity (refused)") from None
    except defusedxml.DefusedXmlException as exc:
        raise DecodeError(f"the feed is refused ({exc})") from None
    except SyntaxError as exc:  # ElementTree.ParseError
        raise DecodeError(f"not well-formed XML ({exc})") from None
    name = root.tag.rsplit("}", 1)[-1]
    if name not in _FEED_ROOTS:
        raise DecodeError(f"not an RSS or Atom feed (the document is <{name}>)")


def parse_feed(data: bytes, *, source: str, keep_empty: bool = False) -> Iterator[dict[str, Any]]:
    """Yield article fields for every entry with text (with ``keep_empty``, for every entry:
    its page may hold the text); ``DecodeError`` for an unsafe or malformed feed
    (``check_feed``)."""
    check_feed(data)
    feed = feedparser.parse(data)
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        html = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        body = html_to_text(html)
        if not body and not keep_empty:
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
