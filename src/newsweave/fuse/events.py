"""The story's events, each real event counted once, with every report of it.

GDELT counts an event once per article that reports it, so one summit becomes dozens of
events. Here the reports of a story are one event when they share the PLOVER code, the actor,
the target, the negation and whether it is only possible ("may attack" is not "attacked"),
parties compared by canonical entity, else by their folded names, and their dates agree: the
same date, or no date in one of them. Each event counts its reports, the articles giving them
and the independent sources behind those articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsweave.fuse.names import EntityOf, mention_key
from newsweave.fuse.sources import Sources
from newsweave.lexicon.names import norm
from newsweave.records import ArticleAnalysis, Event, Evidence, Span, StoryEvent
from newsweave.spans import covering

__all__ = ["story_events"]

_PRONOUNS = frozenset("i you he she it we they me him her us them who this that".split())  # noqa: SIM905

#: (code, actor key, target key, negated, modal): what two reports of one event share.
_Key = tuple[str | None, str | None, str | None, bool, bool]
#: Marks a party key that is this report's own (an unresolved pronoun): it never matches.
_OWN = "!"


@dataclass
class _Report:
    analysis: ArticleAnalysis
    event: Event
    actor_name: str | None  # the name the actor's mention resolves to, else its words
    target_name: str | None


@dataclass
class _Group:
    key: _Key
    date: str | None
    reports: list[_Report] = field(default_factory=list)


def story_events(
    analyses: Sequence[ArticleAnalysis], sources: Sources, *, entity_of: EntityOf | None = None
) -> list[StoryEvent]:
    """The story's events, the most widely reported first, with ids ``ev1``, ``ev2``, ...

    Args:
        analyses: the story's analyses, in story order.
        sources: independence keys and outlet names.
        entity_of: canonical entity ids from the linker (names are compared when None).
    """
    groups: list[_Group] = []
    by_key: dict[_Key, list[_Group]] = {}
    for analysis in analyses:
        for event in analysis.events:
            actor, actor_name = _party(analysis, event.actor, entity_of)
            target, target_name = _party(analysis, event.target, entity_of)
            key = (event.code, actor, target, event.negated, event.modality is not None)
            candidates = by_key.setdefault(key, [])
            group = _matching(candidates, event.time)
            if group is None:
                group = _Group(key, event.time)
                candidates.append(group)
                groups.append(group)
            group.date = group.date or event.time
            group.reports.append(_Report(analysis, event, actor_name, target_name))
    built = [_story_event(g, sources) for g in groups]
    order = sorted(range(len(built)), key=lambda i: (-built[i].sources, -len(built[i].mentions), i))
    return [_with_id(built[i], n) for n, i in enumerate(order, 1)]


def _matching(candidates: list[_Group], date: str | None) -> _Group | None:
    """The group a report joins: the one of its date, or for an undated report the largest."""
    if date is not None:
        return next((g for g in candidates if g.date in (date, None)), None)
    return max(candidates, key=lambda g: len(g.reports), default=None)


def _party(
    analysis: ArticleAnalysis, span: Span | None, entity_of: EntityOf | None
) -> tuple[str | None, str | None]:
    """The key and name of an actor or target: its entity's when it is a name (so "the Velmoran
    president" resolved to Tomas Reiden is Reiden), else its folded words."""
    if span is None:
        return None, None
    # The name it is, or a name it ends with ("the town's mayor, Tomas Keel").
    m = covering(analysis.entities, span) or next(
        (e for e in analysis.entities if e.end == span.end and e.start > span.start), None
    )
    if m is not None:
        return mention_key(analysis.article.id, m, entity_of=entity_of), m.name or m.text
    words = norm(span.text)
    if words in _PRONOUNS:  # "we" in one quote is not "we" in another: never a shared party
        return f"{_OWN}{analysis.article.id}:{span.start}", span.text
    return "~" + words, span.text


def _story_event(group: _Group, sources: Sources) -> StoryEvent:
    code, actor, target, negated, _ = group.key
    reports = group.reports
    articles = list(dict.fromkeys(r.analysis.article.id for r in reports))
    return StoryEvent(
        id="",
        code=code,
        action=_most_common(r.event.action for r in reports) or "",
        actor=_public(actor),
        actor_name=_most_common(r.actor_name for r in reports if r.actor_name),
        target=_public(target),
        target_name=_most_common(r.target_name for r in reports if r.target_name),
        date=group.date,
        place=_most_common(r.event.place.text for r in reports if r.event.place is not None),
        negated=negated,
        modality=_most_common(r.event.modality for r in reports if r.event.modality),
        mentions=tuple(
            Evidence(
                r.analysis.article.id,
                r.event.start,
                r.event.end,
                r.event.text,
                r.analysis.article.outlet,
            )
            for r in reports
        ),
        articles=len(articles),
        sources=sources.count(articles),
    )


def _public(key: str | None) -> str | None:
    return None if key is None or key.startswith(_OWN) else key


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else None


def _with_id(event: StoryEvent, n: int) -> StoryEvent:
    return replace(event, id=f"ev{n}")
