"""The records newsweave produces: frozen, typed, and anchored in the source text.

Every record found in an article carries ``start``/``end`` character offsets into
``Article.text`` (Python string indices) and the ``text`` they cover, so that
``article.text[r.start:r.end] == r.text`` can always be checked.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

QuoteKind = Literal["direct", "partial", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
FactStatus = Literal["corroborated", "single-source", "conflicting"]
R = TypeVar("R")


def as_plain(value: Any) -> Any:
    """Turn records (and containers of them) into JSON-ready dicts and lists."""
    kind: Any = type(value)
    if kind in _PLAIN:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: as_plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    return value


_PLAIN = frozenset([str, int, float, bool, type(None)])


@functools.cache
def _field_names(kind: Any) -> tuple[str, ...] | None:
    """A record class's field names (None for anything else), looked up once per class: a
    story page's matrix is hundreds of thousands of small values."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return tuple(f.name for f in dataclasses.fields(kind))
    return None


def from_plain(cls: type[R], data: Mapping[str, Any]) -> R:
    """Rebuild a record from ``as_dict()`` output (nested records and tuples included).

    Keys the record does not know are ignored, so older stored JSON still loads.
    """
    record_type: Any = cls  # a class is hashable; the type checker cannot see it of type[R]
    fields = _fields_of(record_type)
    return cls(**{name: convert(data[name]) for name, convert in fields if name in data})


@functools.cache
def _fields_of(cls: Any) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """A record's field names, each with the function that rebuilds its value, made once per
    class: resolving annotations per value is what rebuilding a large dossier spent its time
    on."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


@functools.cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """How a plain value of type ``hint`` becomes a record field's value."""
    if isinstance(hint, types.UnionType):
        options = [o for o in typing.get_args(hint) if o is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _same
    if dataclasses.is_dataclass(hint):
        record = hint

        def rebuild(value: Any) -> Any:
            return from_plain(record, value) if isinstance(value, Mapping) else value  # type: ignore[arg-type]

        return _unless_none(rebuild)
    if typing.get_origin(hint) is tuple:
        item = _converter(typing.get_args(hint)[0])
        return _unless_none(lambda value: tuple(item(v) for v in value))
    return _same


def _unless_none(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _same(value: Any) -> Any:
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
    encoding: str | None = None  # the encoding the file was read with ("utf-8", "windows-1252")
    encoding_guessed: bool = False  # no BOM or valid UTF-8 proved it: detected by fit


@dataclass(frozen=True)
class Sentence(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Clause(Record):
    """A span of a sentence that can carry one claim (``analyse/clauses.py``)."""

    start: int
    end: int
    text: str
    # Whether the clause states a claim of its own however short its sentence: a coordinated
    # clause with its own subject ("and two are missing"), a factive adverbial clause with its
    # own subject ("when the dam overflowed"), or a closing ", where ..." relative clause.
    stands_alone: bool = False
    # For a participial phrase set off by a comma ("The motion, tabled on Friday by the
    # opposition, failed"): the noun phrase it tells about ("The motion"). Such a clause lies
    # inside another one and states a claim of its own about that noun phrase.
    about: str = ""


@dataclass(frozen=True)
class EntityMention(Record):
    """A named entity as written in one article."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, ...
    entity: str | None = None  # canonical entity id, once linked
    name: str | None = None  # the name without titles or roles ("Emmanuel Macron")
    role: str | None = None  # a title or role written with it ("Velmoran President")


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
    channel: Span | None = None  # "in a post on X", "told reporters", "Osterlund Radio"


@dataclass(frozen=True)
class TimeRef(Record):
    """A time expression with its TIMEX3 type and value (``None`` when it cannot be resolved)."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None
    mod: str | None = None  # START, MID, END, APPROX, ...
    # Anchor-free form of a relative expression ("wd:5:past", "day:-1", "md:05-16:past"), so
    # it can be re-resolved against another publication date without the parse: a
    # ``RelativeTime`` as stored and exported (read it with ``relative_time``).
    relative: str | None = None
    # The day a narrative offset lands on ("three days later" -> "2025-05-19"): TimeML keeps
    # such a span a DURATION (value "P3D"), but a timeline and an event need the date.
    lands_on: str | None = None

    @property
    def relative_time(self) -> RelativeTime | None:
        """The anchor-free form, read; None for an expression written in full."""
        return None if self.relative is None else RelativeTime.parse(self.relative)


#: The units a ``shift`` form counts from the anchor ("day:-1": yesterday).
SHIFT_UNITS = frozenset(
    {"day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"}
)
#: The fields each kind of relative form writes after its head, in order (``month_day`` is
#: ``MM-DD``; a trailing ``?`` marks one that may be left out).
_RELATIVE_FIELDS: dict[str, tuple[str, ...]] = {
    "shift": ("amount",),
    "ago": ("unit", "amount"),
    "narr": ("unit", "amount"),
    "from": ("unit", "amount"),
    "wd": ("number", "direction"),
    "mon": ("month", "direction"),
    "my": ("month", "amount"),
    "md": ("month_day", "direction"),
    "mdw": ("month_day", "direction"),
    "season": ("name", "direction"),
    "hol": ("name", "direction"),
    "q": ("number", "direction", "amount?"),
    "qy": ("number", "amount"),
    "nq": ("amount",),
    "nqy": ("number",),
    "ny": ("amount",),
    "wkend": ("direction",),
}


@dataclass(frozen=True)
class RelativeTime:
    """What a relative time expression says, before a date to count from is known.

    Kept in ``TimeRef.relative`` as a short string, ``kind:field:...[@time]`` ("wd:5:past",
    "narr:day:3", "md:05-16:?@T14:00"; a ``shift`` writes its unit as its head: "day:-1"):
    ``parse`` reads it and ``format`` writes it. The kinds and what each resolves to are
    listed in ``newsweave.analyse.times.resolve``.
    """

    kind: str  # shift, ago, narr, from, wd, mon, my, md, mdw, season, hol, q, qy, nq, nqy, ...
    unit: str | None = None  # shift, ago, narr, from: day, week, month, year, ...
    amount: int | None = None  # units from the reference (years for my, q and qy)
    month: int | None = None  # mon, my, md, mdw
    day: int | None = None  # md, mdw: the day of the month
    number: int | None = None  # wd: ISO weekday; q, qy: quarter; nqy: year
    name: str | None = None  # season ("SU") or holiday ("TG")
    # past, future, near; before, after, this ("last", "next", "this" Friday); done ("the
    # quarter ended Oct. 31"); "?" until the tense of the clause is read
    direction: str | None = None
    time: str | None = None  # a time of day on the day found: "TEV", "T14:00"

    @classmethod
    def parse(cls, text: str) -> RelativeTime:
        """The record of a stored form; ValueError when ``text`` is not one."""
        form, _, time = text.partition("@")
        head, *args = form.split(":")
        kind = "shift" if head in SHIFT_UNITS else head
        names = _RELATIVE_FIELDS.get(kind, ())
        required = sum(not n.endswith("?") for n in names)
        values: dict[str, Any] = {"unit": head} if kind == "shift" else {}
        try:
            if not names:
                raise ValueError(f"no kind {head!r}")
            if not required <= len(args) <= len(names):
                raise ValueError(f"{kind} takes {required} to {len(names)} fields")
            for field_name, arg in zip((n.rstrip("?") for n in names), args, strict=False):
                if field_name == "month_day":
                    month, day = arg.split("-")
                    values.update(month=int(month), day=int(day))
                elif field_name in ("unit", "name", "direction"):
                    values[field_name] = arg
                else:
                    values[field_name] = int(arg)
        except ValueError as exc:
            raise ValueError(f"not a relative time form: {text!r} ({exc})") from exc
        return cls(kind, time=time or None, **values)

    def format(self) -> str:
        """The stored form (``parse`` reads it back)."""
        parts = [str(self.unit) if self.kind == "shift" else self.kind]
        for field_name in (n.rstrip("?") for n in _RELATIVE_FIELDS[self.kind]):
            if field_name == "month_day":
                parts.append(f"{self.month:02d}-{self.day:02d}")
            elif field_name == "month":
                parts.append(f"{self.month:02d}")
            elif (value := getattr(self, field_name)) is not None:
                parts.append(str(value))
        form = ":".join(parts)
        return f"{form}@{self.time}" if self.time else form


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
    clauses: tuple[Clause, ...] = ()  # empty for analyses stored before clauses were found


@dataclass(frozen=True)
class Entity(Record):
    """One canonical person, organisation or place across all articles."""

    id: str
    name: str
    kind: str  # PERSON, ORG, PLACE, GROUP
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    # What the output contract documents (docs/output-contract.md, "Entity"): a place's
    # gazetteer entry, and of every entity the counts the linker resumes from.
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LinkEvidence(Record):
    """Why a cluster of mentions in one article was given an entity id (one linking decision,
    as the linker makes it and the store keeps it)."""

    entity: str  # canonical entity id
    article: str  # article id
    start: int
    end: int
    text: str  # the fullest mention of the cluster
    rule: str  # "new-entity", "same-name", "spelling-variant+given-name", ...
    score: float
    detail: str


@dataclass(frozen=True)
class Evidence(Record):
    """A span of one article that supports a statement, fact or timeline entry."""

    article: str  # article id
    start: int
    end: int
    text: str
    outlet: str | None = None  # the publishing outlet (None when unknown)


@dataclass(frozen=True)
class Statement(Record):
    """One utterance of one speaker, with every outlet's wording of it."""

    speaker: str | None  # canonical entity id
    variants: tuple[Evidence, ...]
    id: str = ""  # stable within the story ("st1", ...): links highlights to statements
    speaker_name: str | None = None  # the person's best name
    differences: tuple[Difference, ...] = ()  # word-level changes of each variant vs the first


@dataclass(frozen=True)
class Fact(Record):
    text: str
    status: FactStatus
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    id: str = ""  # "f1", ...
    sources: int = 0  # independent sources (one outlet and near-duplicates count once)
    conflict: str | None = None  # what disagrees: "number", "date", "place" or "actor"
    sides: tuple[Side, ...] = ()  # for conflicting facts: each value with its outlets


@dataclass(frozen=True)
class TimelineEntry(Record):
    value: str  # TIMEX3
    text: str
    evidence: tuple[Evidence, ...]
    fact: str | None = None  # id of the fact this dated entry comes from


@dataclass(frozen=True)
class Difference(Record):
    """How one variant of a statement words a stretch differently from the first variant."""

    variant: int  # index of the variant in Statement.variants (never 0)
    op: str  # "replace", "insert" or "delete"
    base: str  # the words of the first variant ("" for an insertion)
    other: str  # the words of this variant ("" for a deletion)


@dataclass(frozen=True)
class Side(Record):
    """One side of a disagreement: the value some outlets give, with their evidence."""

    value: str  # as written ("1,200 prisoners", "2026-04-20", "Marrowgate")
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class CastMember(Record):
    """A person or organisation of a story: who they are, how often named, what they said."""

    id: str  # canonical entity id, or a name key ("~donald trump") when not linked
    name: str
    kind: str  # PERSON or ORG
    roles: tuple[str, ...] = ()
    mentions: int = 0
    articles: tuple[str, ...] = ()  # article ids naming them
    quotes: int = 0  # quotes attributed to them
    statements: tuple[str, ...] = ()  # ids of their statements


@dataclass(frozen=True)
class StoryEvent(Record):
    """One real event of a story, counted once however many articles report it."""

    id: str  # "ev1", ... in order of support
    code: str | None  # PLOVER category
    action: str  # the verb as most reports write it
    actor: str | None  # canonical entity id, or a name key ("~police") when not linked
    actor_name: str | None
    target: str | None
    target_name: str | None
    date: str | None  # TIMEX3 value the reports agree on, or None when none gives one
    place: str | None  # the place name, when a report gives one
    negated: bool
    mentions: tuple[Evidence, ...]  # every report of it
    modality: str | None = None  # "may", "would", ...: only possible, not (yet) done
    articles: int = 0  # articles reporting it
    sources: int = 0  # independent sources reporting it


@dataclass(frozen=True)
class DossierSource(Record):
    """One article of a story as a source: its outlet and whether it copies another."""

    article: str  # article id
    outlet: str | None
    published: str | None
    title: str | None
    source: str  # independence key: the outlet, or the article id when the outlet is unknown
    duplicate_of: str | None = None  # article id of the original, for a near-duplicate


@dataclass(frozen=True)
class Dossier(Record):
    """A story with what its sources say: the ``stories`` object of the output contract v1."""

    id: str
    title: str
    articles: tuple[str, ...]
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    cast: tuple[CastMember, ...] = ()
    sources: tuple[DossierSource, ...] = ()
    events: tuple[StoryEvent, ...] = ()
