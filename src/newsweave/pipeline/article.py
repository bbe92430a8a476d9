"""Per-article analysis: the steps, in order, over one parse of each article.

``analyse(articles)`` maps the language model over articles in batches and runs the steps
below on each document. It is pure: no database, no global state beyond the model, so it can
be mapped over a cluster. It is the one per-article pipeline: the CLI, the store and the
evaluations all run it (a caller that needs only some steps names them: ``steps=``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator
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


def select_steps(names: Collection[str] | None = None) -> tuple[Step, ...]:
    """The steps named (all when None) and the earlier steps they need, in ``STEPS`` order.

    Raises:
        ValueError: a name is not a step's.
    """
    if names is None:
        return STEPS
    wanted = set(names)
    unknown = wanted - {s.name for s in STEPS}
    if unknown:
        choices = ", ".join(s.name for s in STEPS)
        raise ValueError(f"no such step: {', '.join(sorted(unknown))} (choose from {choices})")
    for step in reversed(STEPS):  # a step needs only earlier ones: one pass back collects all
        if step.name in wanted:
            wanted.update(step.needs)
    return tuple(s for s in STEPS if s.name in wanted)


def analyse_doc(
    doc: Doc, article: Article, *, steps: Collection[str] | None = None
) -> ArticleAnalysis:
    """Run the steps (all, or those named and what they need) on one parsed article.

    An article without an outlet or a date first gets them inferred from its own text (and
    flagged as inferred), so that its relative dates can be resolved; this runs whatever the
    steps. Raises ``StepError`` naming the failing step.
    """
    article = _with_inferred(doc, article)
    found: dict[str, tuple[Any, ...]] = {}
    for step in select_steps(steps):
        try:
            found[step.name] = tuple(step.fn(doc, article, **{n: found[n] for n in step.needs}))
        except Exception as exc:
            name = article.source or article.id
            raise StepError(f"{name}: step {step.name!r} failed: {_reason(exc)}") from exc
    return ArticleAnalysis(article=article, **found)


def _with_inferred(doc: Doc, article: Article) -> Article:
    """The article with its outlet and date inferred from its own text where missing."""
    if article.outlet is None and (outlet := infer_outlet(article)) is not None:
        article = replace(article, outlet=outlet[0], outlet_inferred=True)
    if article.published is None and (published := infer_published(doc, article)) is not None:
        article = replace(
            article,
            published=published[0],
            published_inferred=True,
            published_evidence=published[1],
        )
    return article


def analyse(
    articles: Iterable[Article],
    *,
    model: Language | None = None,
    batch_size: int = config.BATCH_SIZE,
    steps: Collection[str] | None = None,
) -> Iterator[ArticleAnalysis | StepError]:
    """Analyse articles in order; a failing article (in the model or in a step) yields its
    ``StepError`` and the rest go on. Long articles are parsed in windows (``windows``).

    Args:
        articles: the articles, in order.
        model: the language pipeline (``nlp.load()`` when None).
        batch_size: articles parsed at once.
        steps: the names of the steps to run (with the steps they need); all when None. The
            outlet and date inference runs whatever the steps.
    """
    for _, _, result in analyse_with_parses(
        articles, model=model, batch_size=batch_size, steps=steps
    ):
        yield result


def analyse_with_parses(
    articles: Iterable[Article],
    *,
    model: Language | None = None,
    batch_size: int = config.BATCH_SIZE,
    steps: Collection[str] | None = None,
) -> Iterator[tuple[Article, Doc | None, ArticleAnalysis | StepError]]:
    """``analyse``, each result beside its article and the parse it was made from (None when
    the model failed on it): for a caller that reads the parse too, such as a scorer."""
    chosen = tuple(s.name for s in select_steps(steps))  # an unknown name fails before parsing
    language = model or nlp.load()
    pairs = ((a.text, a) for a in articles)
    for doc, article in windows.parse(language, pairs, batch_size=batch_size):
        try:
            if isinstance(doc, Exception):
                name = article.source or article.id
                raise StepError(f"{name}: the language model failed: {_reason(doc)}") from doc
            yield article, doc, analyse_doc(doc, article, steps=chosen)
        except StepError as exc:
            log.warning("%s", exc)
            yield article, doc if isinstance(doc, Doc) else None, exc


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
