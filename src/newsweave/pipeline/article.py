"""Per-article analysis: the steps, in order, over one parse of each article.

``analyse(articles)`` maps the language model over articles in batches and runs the steps
below on each document. It is pure: no database, no global state beyond the model, so it can
be mapped over a cluster.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsweave import config, nlp
from newsweave.analyse.amounts import find_amounts
from newsweave.analyse.clauses import find_clauses
from newsweave.analyse.entities import find_entities
from newsweave.analyse.events import find_events
from newsweave.analyse.outlet import infer_outlet
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.sentences import find_sentences
from newsweave.analyse.times import find_times, infer_published
from newsweave.errors import StepError
from newsweave.pipeline import windows
from newsweave.records import Article, ArticleAnalysis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    """One analysis step: ``fn(doc, article, **{need: earlier_output})`` -> records."""

    name: str
    fn: Callable[..., Iterable[Any]]
    needs: tuple[str, ...] = ()


#: The analysis, in order. Each step's output is stored under its name in ArticleAnalysis.
STEPS: tuple[Step, ...] = (
    Step("sentences", find_sentences),
    Step("entities", find_entities),
    Step("times", find_times),
    Step("quotes", find_quotes, needs=("entities",)),
    Step("amounts", find_amounts),
    Step("events", find_events, needs=("entities", "times", "quotes")),
    Step("clauses", find_clauses),
)


def analyse_doc(doc: Doc, article: Article, *, steps: tuple[Step, ...] = STEPS) -> ArticleAnalysis:
    """Run every step on one parsed article. Raises ``StepError`` naming the failing step.

    An article without an outlet or a date first gets them inferred from its own text (and
    flagged as inferred), so that its relative dates can be resolved.
    """
    if article.outlet is None and (outlet := infer_outlet(article)) is not None:
        article = replace(article, outlet=outlet[0], outlet_inferred=True)
    if article.published is None:
        inferred = infer_published(doc, article)
        if inferred is not None:
            article = replace(
                article,
                published=inferred[0],
                published_inferred=True,
                published_evidence=inferred[1],
            )
    found: dict[str, tuple[Any, ...]] = {}
    for step in steps:
        try:
            found[step.name] = tuple(step.fn(doc, article, **{n: found[n] for n in step.needs}))
        except Exception as exc:
            name = article.source or article.id
            raise StepError(f"{name}: step {step.name!r} failed: {_reason(exc)}") from exc
    return ArticleAnalysis(article=article, **found)


def analyse(
    articles: Iterable[Article],
    *,
    model: Language | None = None,
    batch_size: int = config.BATCH_SIZE,
) -> Iterator[ArticleAnalysis | StepError]:
    """Analyse articles in order; a failing article (in the model or in a step) yields its
    ``StepError`` and the rest go on. Long articles are parsed in windows (``windows``)."""
    language = model or nlp.load()
    pairs = ((a.text, a) for a in articles)
    for doc, article in windows.parse(language, pairs, batch_size=batch_size):
        try:
            if isinstance(doc, Exception):
                name = article.source or article.id
                raise StepError(f"{name}: the language model failed: {_reason(doc)}") from doc
            yield analyse_doc(doc, article)
        except StepError as exc:
            log.warning("%s", exc)
            yield exc


def _reason(exc: Exception) -> str:
    """An exception as one line: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def analyse_one(article: Article) -> ArticleAnalysis:
    """Analyse a single article (raises ``StepError`` if a step fails)."""
    result = next(analyse([article]))
    if isinstance(result, StepError):
        raise result
    return result
