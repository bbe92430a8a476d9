"""The text a parse was made from, read without rebuilding it.

spaCy's ``doc.text`` joins every token's text again on each access, which costs a full pass
over the document; a step reads it once, from the article, and passes it on.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.records import Article

__all__ = ["parsed_text"]


def parsed_text(doc: Doc, article: Article) -> str:
    """The parsed text: the article's, unless the doc was made from something else."""
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) == len(article.text):
        return article.text
    return doc.text
