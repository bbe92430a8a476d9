"""Sentences, as the parser splits them, with offsets into the article text."""

from __future__ import annotations

from spacy.tokens import Doc

from newsweave.records import Article, Sentence


def find_sentences(doc: Doc, article: Article) -> list[Sentence]:
    """The article's sentences, whitespace trimmed from their edges."""
    sentences = []
    for sent in doc.sents:
        text = sent.text.strip()
        if text:
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(start, start + len(text), text))
    return sentences
