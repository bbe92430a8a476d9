"""A whole collection at once, without a database: what ``newsweave analyze`` prints.

read -> analyse every article -> link entities -> group stories -> date undated articles
from their story -> build each story's dossier.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from newsweave import config
from newsweave.analyse.events import event_time
from newsweave.errors import InputError, StepError
from newsweave.fuse import build_dossier
from newsweave.ingest import make_article, read
from newsweave.link import Linker, apply_links
from newsweave.link.speakers import link_speakers
from newsweave.pipeline.processes import analyse_in_processes
from newsweave.records import Article, ArticleAnalysis, Dossier, Entity
from newsweave.stories import StorySummary, grouping
from newsweave.stories.dates import dated_from_story, story_date


@dataclass
class Collection:
    """Every article's analysis, the canonical entities, and the stories with their dossiers."""

    analyses: list[ArticleAnalysis]
    entities: list[Entity]
    stories: list[Dossier]
    rejected: list[str]  # one-line messages naming the input and the reason
    summaries: list[StorySummary] = field(default_factory=list)  # the story list, as stored


def analyze_paths(
    paths: Iterable[str], *, max_bytes: int = config.MAX_FILE_BYTES, workers: int = 1
) -> Collection:
    """Analyse all articles under ``paths`` together as one collection, the per-article
    analysis on ``workers`` processes (``processes``)."""
    articles, rejected = read_articles(paths, max_bytes=max_bytes)
    analyses, failed = analyse_all(articles, workers=workers)
    return build_collection(analyses, rejected=[*rejected, *failed])


def analyze_texts(texts: Iterable[str]) -> Collection:
    """Analyse plain texts (ids ``text-1``, ``text-2``, ...) as one collection; a text that
    fails in the analysis is named in the collection's ``rejected`` list."""
    articles = [
        make_article({"text": t}, default_id=f"text-{n}", source=f"text-{n}")
        for n, t in enumerate(texts, start=1)
    ]
    analyses, failed = analyse_all(articles)
    return build_collection(analyses, rejected=failed)


def analyse_all(
    articles: Sequence[Article], *, workers: int = 1
) -> tuple[list[ArticleAnalysis], list[str]]:
    """Every article's analysis, and the one-line messages of those that failed."""
    analyses: list[ArticleAnalysis] = []
    failed: list[str] = []
    for result in analyse_in_processes(articles, workers=workers):
        if isinstance(result, StepError):
            failed.append(str(result))
        else:
            analyses.append(result)
    return analyses, failed


def read_articles(paths: Iterable[str], *, max_bytes: int) -> tuple[list[Article], list[str]]:
    """Articles under ``paths`` (each once) and the messages of what could not be read."""
    articles: list[Article] = []
    rejected: list[str] = []
    seen: set[str] = set()
    for item in read(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            rejected.append(str(item))
        elif item.key not in seen:
            seen.add(item.key)
            articles.append(item)
    return articles, rejected


def build_collection(
    analyses: Sequence[ArticleAnalysis], *, rejected: Sequence[str] = ()
) -> Collection:
    """Link, group, date and fuse analysed articles (the cross-article stages)."""
    linked, linker = link_all(analyses)
    assignments, summaries = grouping(linked)
    story_of = {a.key: a.story for a in assignments}
    linked = date_from_stories(linked, story_of)
    by_key = {a.article.key: a for a in linked}
    dossiers = [
        dossier_of(s, by_key, {a.key: a.duplicate_of for a in assignments}) for s in summaries
    ]
    return Collection(linked, linker.entities(), dossiers, list(rejected), summaries)


def link_all(analyses: Iterable[ArticleAnalysis]) -> tuple[list[ArticleAnalysis], Linker]:
    """Link every article's entities and speakers, in order, as one collection."""
    linker = Linker()
    return [link_speakers(apply_links(a, linker.add(a))) for a in analyses], linker


def date_from_stories(
    analyses: Sequence[ArticleAnalysis], story_of: Mapping[str, str]
) -> list[ArticleAnalysis]:
    """Undated articles dated from the other articles of their story, flagged as inferred."""
    members: dict[str, list[Article]] = {}
    for a in analyses:
        members.setdefault(story_of.get(a.article.key, ""), []).append(a.article)
    dates = {story: story_date(articles) for story, articles in members.items()}
    return [date_from_story(a, dates[story_of.get(a.article.key, "")]) for a in analyses]


def date_from_story(analysis: ArticleAnalysis, anchor: str | None) -> ArticleAnalysis:
    """One undated article dated by its partial dates read against its story's date
    (``story_date``)."""
    article, times = dated_from_story(analysis.article, analysis.times, anchor)
    if article is analysis.article:
        return analysis
    events = tuple(event_time(e, analysis.sentences, times) for e in analysis.events)
    return replace(analysis, article=article, times=times, events=events)


def dossier_of(
    summary: StorySummary,
    by_key: Mapping[str, ArticleAnalysis],
    duplicate_of: Mapping[str, str | None],
) -> Dossier:
    """Build one story's dossier from its members (in publication order)."""
    members = [by_key[k] for k in summary.keys if k in by_key]
    duplicates = {
        by_key[k].article.id: by_key[o].article.id
        for k in summary.keys
        if (o := duplicate_of.get(k)) and o in by_key and k in by_key
    }
    return build_dossier(summary.id, members, title=summary.title, duplicates=duplicates)
