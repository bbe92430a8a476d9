"""The records newsweave produces: frozen, typed, and anchored in the source text.

Every record found in an article carries ``start``/``end`` character offsets into
``Article.text`` (Python string indices) and the ``text`` they cover, so that
``article.text[r.start:r.end] == r.text`` can always be checked.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
FactStatus = Literal["corroborated", "single-source", "conflicting"]


def as_plain(value: Any) -> Any:
    """Turn records (and containers of them) into JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: ``as_dict()`` for export."""

    def as_dict(self) -> dict[str, Any]:
        plain = as_plain(self)
        assert isinstance(plain, dict)
        return plain


@dataclass(frozen=True)
class Span(Record):
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article(Record):
    """One news article as ingested: text plus what is known about where it came from.

    ``id`` is the human-facing identifier (file name, or the record's ``id`` in JSON Lines);
    ``key`` is derived from the content, so the same article ingested twice is stored once.
    """

    id: str
    key: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False
    published_evidence: str | None = None  # why an inferred date was chosen
    outlet: str | None = None
    outlet_inferred: bool = False
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the path (and line) it was read from


@dataclass(frozen=True)
class Sentence(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityMention(Record):
    """A named entity as written in one article."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, ...
    entity: str | None = None  # canonical entity id, once linked
    name: str | None = None  # the name without titles or roles ("Emmanuel Macron")
    role: str | None = None  # a title or role written with it ("French President")


@dataclass(frozen=True)
class Speaker(Record):
    """Who a quote is attributed to: the mention in the text and the person it resolves to."""

    start: int
    end: int
    text: str
    name: str | None = (
        None  # resolved person name ("Keir Starmer" for "the British prime minister")
    )
    entity: str | None = None  # canonical entity id, once linked


@dataclass(frozen=True)
class Quote(Record):
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None  # the reporting verb ("said", "wrote", "quoted ... as saying")
    channel: Span | None = None  # "in a post on X", "told reporters", "Sky News"


@dataclass(frozen=True)
class TimeRef(Record):
    """A time expression with its TIMEX3 type and value (``None`` when it cannot be resolved)."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None
    mod: str | None = None  # START, MID, END, APPROX, ...


@dataclass(frozen=True)
class Amount(Record):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None  # what is counted ("prisoners of war", "people", "USD")


@dataclass(frozen=True)
class Event(Record):
    """Who did what to whom, when and where, coded in PLOVER."""

    start: int
    end: int
    text: str
    action: str  # the verb as written
    code: str | None = None  # PLOVER category (AGREE, CONSULT, REJECT, ...)
    actor: Span | None = None
    target: Span | None = None
    time: str | None = None  # TIMEX3 value
    place: Span | None = None
    negated: bool = False
    modality: str | None = None  # "would", "may", ...


@dataclass(frozen=True)
class ArticleAnalysis(Record):
    """Everything found in one article. Computed by a pure function of the article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    amounts: tuple[Amount, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Entity(Record):
    """One canonical person, organisation or place across all articles."""

    id: str
    name: str
    kind: str  # PERSON, ORG, PLACE, GROUP
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict)  # geonames id, coordinates, ...


@dataclass(frozen=True)
class Evidence(Record):
    """A span of one article that supports a statement, fact or timeline entry."""

    article: str  # article id
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement(Record):
    """One utterance of one speaker, with every outlet's wording of it."""

    speaker: str | None  # canonical entity id
    variants: tuple[Evidence, ...]


@dataclass(frozen=True)
class Fact(Record):
    text: str
    status: FactStatus
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TimelineEntry(Record):
    value: str  # TIMEX3
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Story(Record):
    id: str
    title: str
    articles: tuple[str, ...]  # article ids
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
