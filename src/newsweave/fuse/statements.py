"""Statements: the quotes of one speaker across the story's articles that are one utterance.

Two quotes of the same speaker in different articles are one statement when one is a fragment
of the other (most of its words are in the other), or when some sentence of one means what a
sentence of the other means (sentence embeddings: outlets translate and trim differently, and
one may quote in two pieces what another quotes in one). Each statement lists every variant
with its outlet and span, and the word-level differences of each variant from the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.fuse.groups import connected_groups
from newsweave.fuse.similarity import Embedder
from newsweave.fuse.sources import Sources
from newsweave.fuse.speakers import SpeakerKeys
from newsweave.fuse.wording import differences, sentences_of, word_containment
from newsweave.records import ArticleAnalysis, Evidence, Quote, Statement

__all__ = ["align_statements"]

SENTENCE_THRESHOLD = 0.8  # a sentence pair this close is the same sentence reworded
FRAGMENT_SHARE = 0.8  # a quote with this share of its words in another is a fragment of it
_MIN_FRAGMENT_WORDS = 3  # one or two words ("unacceptable") prove nothing


@dataclass(frozen=True)
class _Item:
    article: str
    order: int  # the article's position in the story
    quote: Quote
    speaker: str


def align_statements(
    analyses: Sequence[ArticleAnalysis],
    sources: Sources,
    speakers: SpeakerKeys,
    embedder: Embedder,
    *,
    threshold: float = SENTENCE_THRESHOLD,
) -> list[Statement]:
    """The story's statements, most widely reported first, with ids ``st1``, ``st2``, ...

    Args:
        analyses: the story's analyses, in story order.
        sources: independence keys and outlet names.
        speakers: the speaker key of each quote (``speakers.speaker_keys``).
        embedder: sentence embeddings (``newsweave.embed.embed``).
        threshold: the cosine above which two quoted sentences are one sentence reworded.
    """
    items = _items(analyses, speakers)
    # Only speakers quoted in two or more articles can have a statement to align: embed theirs.
    spread: dict[str, set[str]] = {}
    for item in items:
        spread.setdefault(item.speaker, set()).add(item.article)
    sentences = [
        (n, s)
        for n, item in enumerate(items)
        if len(spread[item.speaker]) > 1
        for s in sentences_of(item.quote.text)
    ]
    vectors = embedder([s for _, s in sentences]) if sentences else np.zeros((0, 1))
    rows: dict[int, list[int]] = {}
    for row, (n, _) in enumerate(sentences):
        rows.setdefault(n, []).append(row)
    links = [
        (i, j)
        for i, a in enumerate(items)
        for j in range(i + 1, len(items))
        if items[j].speaker == a.speaker
        and items[j].article != a.article
        and (
            _fragment(a.quote.text, items[j].quote.text)
            or _close(vectors, rows.get(i, []), rows.get(j, []), threshold)
        )
    ]
    groups = [[items[i] for i in group] for group in connected_groups(len(items), links)]
    built = [_statement(g, sources, speakers) for g in groups]
    built.sort(key=lambda s: (-sources.count([v.article for v in s[1].variants]), s[0]))
    return [_with_id(s, n) for n, (_, s) in enumerate(built, 1)]


def _items(analyses: Sequence[ArticleAnalysis], speakers: SpeakerKeys) -> list[_Item]:
    """Attributed quotes, without an indirect quote that merely frames a quoted one."""
    items = []
    for order, analysis in enumerate(analyses):
        art = analysis.article.id
        quotes = analysis.quotes
        for quote in quotes:
            key = speakers.key(art, quote)
            if key is None or _framing(quote, quotes):
                continue
            items.append(_Item(art, order, quote, key))
    return items


def _framing(quote: Quote, quotes: Sequence[Quote]) -> bool:
    """An indirect quote around a quoted passage, or a word or two inside an indirect quote."""
    for other in quotes:
        if other is quote or not (other.start < quote.end and quote.start < other.end):
            continue
        words = len(other.text.split())
        if quote.kind == "indirect" and other.kind != "indirect" and words >= _MIN_FRAGMENT_WORDS:
            return True
        if (
            quote.kind == "partial"
            and other.kind == "indirect"
            and len(quote.text.split()) < _MIN_FRAGMENT_WORDS
        ):
            return True
    return False


def _fragment(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short.split()) >= _MIN_FRAGMENT_WORDS
        and word_containment(short, long) >= FRAGMENT_SHARE
    )


def _close(vectors: np.ndarray, rows_a: list[int], rows_b: list[int], threshold: float) -> bool:
    if not rows_a or not rows_b:
        return False
    return bool((vectors[rows_a] @ vectors[rows_b].T).max() >= threshold)


def _statement(
    group: list[_Item], sources: Sources, speakers: SpeakerKeys
) -> tuple[tuple[int, int], Statement]:
    group.sort(key=lambda it: (it.order, it.quote.start))
    variants = tuple(
        Evidence(
            it.article, it.quote.start, it.quote.end, it.quote.text, sources.outlet(it.article)
        )
        for it in group
    )
    changes = [
        d
        for n, v in enumerate(variants[1:], 1)
        for d in differences(variants[0].text, v.text, variant=n)
    ]
    speaker = group[0].speaker
    statement = Statement(
        speaker=speaker,
        variants=variants,
        speaker_name=speakers.name(speaker),
        differences=tuple(changes),
    )
    return (group[0].order, group[0].quote.start), statement


def _with_id(statement: Statement, n: int) -> Statement:
    from dataclasses import replace

    return replace(statement, id=f"st{n}")
