"""Plain-text articles, with or without a header.

Three header forms are understood:

* the inline prefix `` date 2025-05-16 `` followed by the body on the same line;
* a ``key: value`` block (date, outlet, title, url, ...) ended by a blank line;
* the same block without colons (``date 2025-05-16``, ``outlet The Valley Post``), when one of
  its lines is a date: a first paragraph that only looks like one ("Source close to ...")
  stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DAY_AND_TIME = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
_INLINE_DATE = re.compile(rf"\A\s*date\s+({_DAY_AND_TIME})\s+")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)\s*:\s*(.*?)\s*$")
_BARE_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]+(\S.*?)\s*$")
_DATE = re.compile(rf"^{_DAY_AND_TIME}$")

# Header keys and the metadata field each feeds.
HEADER_KEYS = {
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "pub_date": "published",
    "published_at": "published",
    "publication_date": "published",
    "date_publish": "published",  # news-please
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "source_domain": "outlet",  # news-please
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
    "id": "id",
}


@dataclass(frozen=True)
class ParsedText:
    body: str
    meta: dict[str, str]


def parse_text(raw: str) -> ParsedText:
    """Split header metadata from the body; the body is what offsets index into."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    meta, body_start = _header_block(raw, _HEADER_LINE)
    if not meta:
        meta, body_start = _header_block(raw, _BARE_HEADER_LINE)
        if not _DATE.match(meta.get("published", "")):
            meta, body_start = {}, 0
    if not meta and (inline := _INLINE_DATE.match(raw)):
        return ParsedText(raw[inline.end() :].strip(), {"published": inline.group(1)})
    return ParsedText(raw[body_start:].strip(), meta)


def _header_block(raw: str, line_form: re.Pattern[str]) -> tuple[dict[str, str], int]:
    """Metadata of a leading block of header lines and where the body starts (0 if none)."""
    meta: dict[str, str] = {}
    offset = 0
    for line in raw.split("\n"):
        if not line.strip():
            return (meta, offset + len(line) + 1) if meta else ({}, 0)
        match = line_form.match(line)
        field = HEADER_KEYS.get(match.group(1).lower()) if match else None
        if match is None or field is None:
            return {}, 0  # not a header: the text starts right away
        meta[field] = match.group(2)
        offset += len(line) + 1
    return {}, 0  # a file of header lines only has no body
