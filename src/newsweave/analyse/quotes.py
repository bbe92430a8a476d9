"""Quotations and their speakers (being written: see issue 4)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsweave.records import Article, EntityMention, Quote


def find_quotes(doc: Doc, article: Article, *, entities: Sequence[EntityMention]) -> list[Quote]:
    """Direct, partial and indirect quotes with speaker, cue and channel."""
    return []
