"""Sentences, as the parser splits them, with offsets into the article text."""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.analyse.parsed import parsed_text
from newsweave.records import Article, Sentence


def find_sentences(doc: Doc, article: Article) -> list[Sentence]:
    """The article's sentences, whitespace trimmed from their edges."""
    whole = parsed_text(doc, article)
    sentences = []
    for sent in doc.sents:
        written = whole[sent.start_char : sent.end_char]
        text = written.strip()
        if text:
            start = sent.start_char + (len(written) - len(written.lstrip()))
            sentences.append(Sentence(start, start + len(text), text))
    return sentences
