"""HTML pages: main text and metadata by trafilatura (boilerplate, menus and ads dropped)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

# Fewer words than this is a menu or a caption that survived extraction, not an article.
MIN_WORDS = 5


@dataclass(frozen=True)
class ParsedPage:
    body: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def parse_html(html: str) -> ParsedPage | None:
    """Extract the article of a page; ``None`` when the page holds no article text."""
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or len(body.split()) < MIN_WORDS:
        return None
    # trafilatura separates paragraphs with single newlines; articles use blank lines.
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return ParsedPage(
        body="\n\n".join(paragraphs),
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
    )
