"""The story dossier: what a story's sources say, aligned, with the support of every claim.

``build_dossier(story_id, analyses)`` is pure (no database): given the analyses of a story's
articles it returns the ``Dossier`` — statements aligned across outlets (``statements``), facts
marked corroborated, single-source or conflicting (``facts``), the dated timeline
(``timeline``), the cast (``cast``) and the coded events, each counted once (``events``).
Independence: articles of one outlet count once, and so do near-duplicates (``duplicates``
maps a copy's article id to its original's).

Updating incrementally: a dossier is a pure function of its story's analyses, so when an
article joins a story only that story's dossier is rebuilt; sentence embeddings are cached by
text (``newsweave.embed``), so the rebuild embeds only the new article's sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsweave.fuse.cast import cast
from newsweave.fuse.events import story_events
from newsweave.fuse.facts import align_facts
from newsweave.fuse.names import EntityOf
from newsweave.fuse.similarity import Embedder
from newsweave.fuse.sources import sources_of
from newsweave.fuse.speakers import speaker_keys
from newsweave.fuse.statements import align_statements
from newsweave.fuse.timeline import resolved_times, timeline
from newsweave.fuse.units import claim_units
from newsweave.records import ArticleAnalysis, Dossier

__all__ = ["build_dossier"]

_NO_DUPLICATES: Mapping[str, str] = {}


def build_dossier(
    story_id: str,
    analyses: Sequence[ArticleAnalysis],
    *,
    title: str | None = None,
    duplicates: Mapping[str, str] = _NO_DUPLICATES,
    entity_of: EntityOf | None = None,
    embedder: Embedder | None = None,
) -> Dossier:
    """The dossier of one story.

    Args:
        story_id: the story's id.
        analyses: the analyses of the story's articles (their order is the order of columns
            and evidence; publication order is a good one).
        title: the story's title; the first article's title or first sentence when None.
        duplicates: article id of a near-duplicate -> article id of its original.
        entity_of: ``entity_of(article_id, mention)`` -> canonical entity id, from the linker;
            without it, names are matched by their written form.
        embedder: sentence embeddings; ``newsweave.embed.embed`` when None.

    Returns:
        A ``Dossier`` whose ``as_dict()`` is the story object of the output contract v1.
    """
    if embedder is None:
        from newsweave.embed import embed

        embedder = embed
    analyses = list(analyses)
    sources = sources_of(analyses, duplicates)
    by_id = {a.article.id: a for a in analyses}
    times = resolved_times(analyses)
    units = {a.article.id: claim_units(a, entity_of=entity_of) for a in analyses}
    facts = align_facts(units, by_id, sources, embedder, times=times)
    speakers = speaker_keys(analyses, entity_of=entity_of)
    statements = align_statements(analyses, sources, speakers, embedder)
    return Dossier(
        id=story_id,
        title=title or _title(analyses),
        articles=tuple(by_id),
        statements=tuple(statements),
        facts=tuple(facts),
        timeline=tuple(timeline(facts, times)),
        cast=tuple(cast(analyses, statements, speakers, entity_of=entity_of)),
        sources=sources.entries,
        events=tuple(story_events(analyses, sources, entity_of=entity_of)),
    )


def _title(analyses: Sequence[ArticleAnalysis]) -> str:
    for analysis in analyses:
        if analysis.article.title:
            return analysis.article.title
    for analysis in analyses:
        if analysis.sentences:
            return analysis.sentences[0].text[:120]
    return ""
