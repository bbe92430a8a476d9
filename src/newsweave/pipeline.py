"""The one place where the analysis steps are composed.

``analyse(articles)`` maps the language model over articles in batches and runs the steps
below on each document, in order. It is pure: no database, no global state beyond the model,
so it can be mapped over a cluster.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsweave import config, nlp
from newsweave.analyse.amounts import find_amounts
from newsweave.analyse.entities import find_entities
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.sentences import find_sentences
from newsweave.analyse.times import find_times
from newsweave.errors import InputError, StepError
from newsweave.ingest import read
from newsweave.records import Article, ArticleAnalysis
from newsweave.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")


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
)


def analyse_doc(doc: Doc, article: Article, *, steps: tuple[Step, ...] = STEPS) -> ArticleAnalysis:
    """Run every step on one parsed article. Raises ``StepError`` naming the failing step."""
    found: dict[str, tuple[Any, ...]] = {}
    for step in steps:
        try:
            found[step.name] = tuple(step.fn(doc, article, **{n: found[n] for n in step.needs}))
        except Exception as exc:
            raise StepError(
                f"{article.source or article.id}: step {step.name!r} failed: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
    return ArticleAnalysis(article=article, **found)


def analyse(
    articles: Iterable[Article],
    *,
    model: Language | None = None,
    batch_size: int = config.BATCH_SIZE,
) -> Iterator[ArticleAnalysis | StepError]:
    """Analyse articles in order; a failing article yields its ``StepError`` and the rest go on."""
    language = model or nlp.load()
    pairs = ((a.text, a) for a in articles)
    for doc, article in language.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield analyse_doc(doc, article)
        except StepError as exc:
            log.warning("%s", exc)
            yield exc


def analyse_one(article: Article) -> ArticleAnalysis:
    """Analyse a single article (raises ``StepError`` if a step fails)."""
    result = next(analyse([article]))
    if isinstance(result, StepError):
        raise result
    return result


@dataclass
class IngestReport:
    """What an ingest run did: articles stored, duplicates skipped, inputs rejected."""

    stored: list[str]
    duplicates: int
    rejected: list[str]  # one-line messages naming the file and the reason


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    max_bytes: int = config.MAX_FILE_BYTES,
    on_progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; skip what is stored already.

    Each article is committed on its own, so an interrupted run can simply be run again.
    ``on_progress`` is called with each outcome ("stored", "duplicate", "rejected").
    """
    report = IngestReport(stored=[], duplicates=0, rejected=[])
    notify = on_progress or (lambda _outcome: None)
    seen: set[str] = set()
    for batch in _batches(read(paths, max_bytes=max_bytes), config.BATCH_SIZE):
        articles = []
        for item in batch:
            if isinstance(item, InputError):
                report.rejected.append(str(item))
                notify("rejected")
            elif item.key in seen:
                report.duplicates += 1
                notify("duplicate")
            else:
                seen.add(item.key)
                articles.append(item)
        known = store.known_keys(a.key for a in articles)
        report.duplicates += len(known)
        for _ in known:
            notify("duplicate")
        for result in analyse(a for a in articles if a.key not in known):
            if isinstance(result, StepError):
                report.rejected.append(str(result))
                notify("rejected")
            else:
                report.stored.append(store.write_analysis(result).id)
                notify("stored")
    return report


@dataclass
class Collection:
    """The one-shot result of ``analyze``: every article's analysis, nothing stored."""

    analyses: list[ArticleAnalysis]
    rejected: list[str]


def analyze_paths(paths: Iterable[str], *, max_bytes: int = config.MAX_FILE_BYTES) -> Collection:
    """Analyse all articles under ``paths`` together as one collection, without a database."""
    articles, rejected, seen = [], [], set()
    for item in read(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            rejected.append(str(item))
        elif item.key not in seen:
            seen.add(item.key)
            articles.append(item)
    analyses = []
    for result in analyse(articles):
        if isinstance(result, StepError):
            rejected.append(str(result))
        else:
            analyses.append(result)
    return Collection(analyses, rejected)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
