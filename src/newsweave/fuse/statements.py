"""Statements: the quotes of one speaker across the story's articles that are one utterance.

Two quotes of the same speaker in different articles are one statement when one is a fragment
of the other (most of its words are in the other), or when they are close in meaning (sentence
embeddings: outlets translate, trim and report in indirect speech what another quotes). A
speaker's utterance appears once per article, so each quote joins the closest quote of the
other article, best pairs first, and a look-alike of the same speaker stays apart. The
thresholds were chosen on the claims corpus's first two stories and checked on the third
(docs/evaluation.md). Each statement lists every variant with its outlet and span, and the
word-level differences of each variant from the first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.fuse.groups import cohesive_groups
from newsweave.fuse.pairs import numbers_in, same_claim
from newsweave.fuse.similarity import Embedder
from newsweave.fuse.sources import Sources
from newsweave.fuse.speakers import SpeakerKeys
from newsweave.fuse.wording import differences, sentences_of, word_containment
from newsweave.records import ArticleAnalysis, Evidence, Quote, Statement

__all__ = ["align_statements"]

#: Two quotes of one speaker in two articles this close in meaning may be one utterance; each
#: quote goes with its closest match of the other article only (``cohesive_groups``).
THRESHOLD = 0.44
COHESION = 0.4  # the mean closeness a statement of three or more quotes keeps
PASSAGE_GAP = 40  # characters between two pieces of one quotation: an attribution at most
FRAGMENT_SHARE = 0.8  # a quote with this share of its words in another is a fragment of it
#: Under this closeness, two quotes of one speaker are one utterance only if the same-claim
#: reader (``fuse/pairs.py``) finds, for the whole quotes or for a sentence of each, at least
#: ``DIFFERENT`` chance that they state one claim: one speaker's quotes share the speaker's
#: subject, so the embedding finds "two firefighters were treated for burns" close to "the
#: crews had finished searching the ruins". Both chosen on the tune stories and our examples.
SURE = 0.70
DIFFERENT = 0.2
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
    threshold: float = THRESHOLD,
) -> list[Statement]:
    """The story's statements, most widely reported first, with ids ``st1``, ``st2``, ...

    Args:
        analyses: the story's analyses, in story order.
        sources: independence keys and outlet names.
        speakers: the speaker key of each quote (``speakers.speaker_keys``).
        embedder: sentence embeddings (``newsweave.embed.embed``).
        threshold: the closeness (``_scores``) from which two quotes may be one utterance.
    """
    items = _items(analyses, speakers)
    closeness = _Closeness(items, embedder)
    articles = [item.article for item in items]
    grouped = cohesive_groups(
        articles,
        (link for link in _links(items, closeness) if link[0] >= threshold),
        closeness,
        cohesion=COHESION,
        passages=_passages(items),
        accept=lambda score, i, j: score >= SURE or _one_claim(items[i], items[j]),
    )
    groups = [[items[i] for i in group] for group in grouped]
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
    """One of two overlapping quotes that stand for one utterance: an indirect quote that is
    mostly quotation marks (the quoted words are the statement), or a quotation that is a
    piece of an indirect quote around it ("warned that she would not let the city be "held
    to ransom"": the indirect quote says it all)."""
    if quote.kind == "indirect":
        inner = [o for o in quotes if o.kind != "indirect" and _overlap(o, quote)]
        quoted = sum(len(o.text.split()) for o in inner)
        return bool(inner) and 2 * quoted >= len(quote.text.split())
    return any(
        other.kind == "indirect" and _overlap(other, quote) and not _framing(other, quotes)
        for other in quotes
    )


def _overlap(a: Quote, b: Quote) -> bool:
    return a is not b and a.start < b.end and b.start < a.end


def _fragment(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short.split()) >= _MIN_FRAGMENT_WORDS
        and word_containment(short, long) >= FRAGMENT_SHARE
    )


def _passages(items: Sequence[_Item]) -> list[tuple[str, int]]:
    """Each quote's passage: consecutive quotes of one speaker in one article with no more
    between them than an attribution ("... ," he added. "...") are pieces of one utterance."""
    passages: list[tuple[str, int]] = []
    last: dict[tuple[str, str], tuple[int, int]] = {}  # (article, speaker) -> (end, passage)
    for n, item in enumerate(items):
        key = (item.article, item.speaker)
        end, passage = last.get(key, (-1, n))
        if end < 0 or item.quote.start - end > PASSAGE_GAP:
            passage = n
        last[key] = (item.quote.end, passage)
        passages.append((item.article, passage))
    return passages


def _links(items: Sequence[_Item], closeness: _Closeness) -> list[tuple[float, int, int]]:
    """Every pair of one speaker's quotes in two articles, scored: 1.0 when one is a fragment
    of the other, else their closeness. In index order (ties then break the same way)."""
    quoted: dict[str, dict[str, list[int]]] = {}
    for n, item in enumerate(items):
        quoted.setdefault(item.speaker, {}).setdefault(item.article, []).append(n)
    links = []
    for by_article in quoted.values():
        groups = list(by_article.values())
        for x, these in enumerate(groups):
            for those in groups[x + 1 :]:
                block = closeness(np.array(these), np.array(those))
                for p, i in enumerate(these):
                    for q, j in enumerate(those):
                        a, b = items[i].quote.text, items[j].quote.text
                        score = 1.0 if _fragment(a, b) else float(block[p, q])
                        links.append((score, min(i, j), max(i, j)))
    links.sort(key=lambda link: link[1:])
    return links


def _one_claim(a: _Item, b: _Item) -> bool:
    """Whether the same-claim reader finds, for the whole quotes or a sentence of each, at
    least ``DIFFERENT`` chance that two quotes state one claim, or both state the same numbers
    (the reader weighs a count little: "a loss of three million a week" / "every week costs
    the yard €3 million")."""
    if _same_numbers(a, b):
        return True
    pairs = list(itertools.product(_pieces(a), _pieces(b)))
    return float(same_claim(pairs).max()) >= DIFFERENT


def _pieces(item: _Item) -> list[str]:
    """The quote and each of its sentences: an outlet may report one sentence of a quote."""
    return list(dict.fromkeys([item.quote.text, *sentences_of(item.quote.text)]))


def _same_numbers(a: _Item, b: _Item) -> bool:
    numbers = numbers_in(a.quote.text)
    return bool(numbers) and numbers == numbers_in(b.quote.text)


#: Where a quoted sentence joins a second clause with a subject of its own ("... far too high
#: and we will not hesitate"): an outlet may quote only that clause.
_SECOND_CLAUSE = re.compile(
    r";\s+|,?\s+(?:and|but)\s+(?=(?:we|i|he|she|they|it|this|there)\s)", re.IGNORECASE
)
_MIN_CLAUSE_WORDS = 4


def _clauses(quote: str) -> list[str]:
    """A quotation's sentences, and the clauses of a sentence that has two."""
    pieces = []
    for sentence in sentences_of(quote):
        pieces.append(sentence)
        parts = [p for p in _SECOND_CLAUSE.split(sentence) if p.strip()]
        if len(parts) > 1:
            pieces += [p for p in parts if len(p.split()) >= _MIN_CLAUSE_WORDS]
    return list(dict.fromkeys(pieces))


class _Closeness:
    """How close two quotes are in meaning: the higher of the cosine of the whole quotes and
    the best cosine of a sentence of one with a sentence of the other (one outlet may quote in
    full what another reports of it in a clause). Only quotes of speakers quoted in two or
    more articles can be in a statement with another, so only theirs are embedded (the others
    score 0). A ``Similarity`` (``groups``): blocks are computed when asked."""

    def __init__(self, items: Sequence[_Item], embedder: Embedder) -> None:
        spread: dict[str, set[str]] = {}
        for item in items:
            spread.setdefault(item.speaker, set()).add(item.article)
        texts: list[str] = []
        self.texts: dict[int, range] = {}  # item -> its rows of ``vectors``
        for n, item in enumerate(items):
            if len(spread[item.speaker]) > 1:
                pieces = [item.quote.text, *_clauses(item.quote.text)]
                self.texts[n] = range(len(texts), len(texts) + len(pieces))
                texts += pieces
        self.vectors = embedder(texts) if texts else np.zeros((0, 1), dtype=np.float32)

    def __call__(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        out = np.zeros((len(rows), len(cols)), dtype=np.float32)
        r = [k for k, n in enumerate(rows) if int(n) in self.texts]
        c = [k for k, n in enumerate(cols) if int(n) in self.texts]
        if r and c:
            r_rows, r_starts = self._rows([int(rows[k]) for k in r])
            c_rows, c_starts = self._rows([int(cols[k]) for k in c])
            cosine = self.vectors[r_rows] @ self.vectors[c_rows].T
            best = np.maximum.reduceat(np.maximum.reduceat(cosine, r_starts, axis=0), c_starts, 1)
            out[np.ix_(r, c)] = best
        return out

    def _rows(self, items: list[int]) -> tuple[list[int], list[int]]:
        """The vector rows of these items, one after the other, and where each item's start."""
        rows: list[int] = []
        starts = []
        for n in items:
            starts.append(len(rows))
            rows.extend(self.texts[n])
        return rows, starts


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
