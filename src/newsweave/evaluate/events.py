"""Score event coding against the PLOVER gold-standard records (``../shared/corpus/plover``).

Each record is one news-style sentence with its PLOVER category, its source and target actors as
written, and the words that express the event (the corpus README gives the fields). Every record
goes through the product path: an ``Article`` from ``make_article``, the per-article analysis of
``newsweave.pipeline.analyse`` (one model, in batches), and the entity linker on the record
alone, so that each actor mention has a canonical name. Then:

- **The event scored** (``choose_event``): of the events found in the record, the one whose
  action (the verb as written, its deciding particle, a light verb's noun) shares most words
  with the gold event words, function words aside; when none shares a word, the first event in
  text order (the pipeline keeps no parse from which to take the sentence's main verb, and the
  first coded verb is the main clause's in most news sentences); none when no event was found.
- **Category**: the gold name mapped to PLOVER 2021 as the corpus README says (``OLD_NAMES``).
  Accuracy is over all records: no event is wrong when the gold has one and right when it has
  none. Precision, recall and F1 per category are macro-averaged over the 16 categories
  (``PLOVER``; those present in the gold or the predictions of the part scored). Each
  category's row also counts what its gold records were coded as instead: the confusion table.
- **Actors** (``actor_matches``): the event's actor is right when its span overlaps one of the
  gold source texts found in the sentence (pieces split at "...", case and spacing ignored) or
  when its canonical name contains the head word of one (``head_word``); the target alike
  against the gold targets. Each is scored over the records whose gold has one. In a symmetric
  record ("A and B agreed") each party is the other's source and target: the actor is right
  when it names either party, the target when it names the other one.
- **Parts**: ``tune`` and ``check`` halves fixed by the record ids: within each gold category the
  records are ordered by the SHA-1 of their id and dealt alternately to tune and check, the deal
  running on from one category to the next (``parts``). The split depends on no file order, and
  every category of two records or more is in both halves, which differ by one record at most.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave import config
from newsweave.errors import InputError, StepError
from newsweave.evaluate.common import Counts, Report, check_part, read_corpus
from newsweave.records import Article, ArticleAnalysis, Event, Span

__all__ = [
    "NO_EVENT",
    "OLD_NAMES",
    "PARTS",
    "PLOVER",
    "EventReport",
    "Gold",
    "Judged",
    "actor_matches",
    "choose_event",
    "evaluate",
    "gold_record",
    "head_word",
    "judge",
    "locate",
    "parts",
    "plover_category",
    "score",
]

#: The 16 event categories of PLOVER 2021.
PLOVER = tuple(
    """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST
    ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT""".split()  # noqa: SIM905
)
#: PLOVER 0.5b1 names and their PLOVER 2021 category (the upstream CAMEO2PLOVER-2021 table).
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
PARTS = ("tune", "check")
NO_EVENT = "none"

_WORD = re.compile(r"\w+")
_NAME_WORD = re.compile(r"\w[\w'’./-]*")  # "U.S.", "SPLM/A", "Asia-Pacific", "Timor's"
_ELLIPSIS = re.compile(r"\.{2,}|…")
_FUNCTION_WORDS = frozenset(
    """a an the to of in on at for with by from upon and or not no is are was were be been being
    has have had will would shall should can could may might must did do does said says""".split()  # noqa: SIM905
)
#: Words that end the phrase holding an actor's head: "King Hal of Mordavia", "refugees who".
_AFTER_HEAD = frozenset("of in at from for on with who which that whose".split())  # noqa: SIM905


@dataclass(frozen=True)
class Gold:
    """What is scored of one gold record."""

    id: str
    category: str | None  # PLOVER 2021; None: the sentence reports no event
    words: frozenset[str] = frozenset()  # the event's words, function words aside
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    symmetric: bool = False


@dataclass(frozen=True)
class Judged:
    """One record scored; an actor verdict is None when the gold has no such actor."""

    gold: Gold
    event: Event | None
    chosen_by: str  # "gold words", "first" or "none"
    source_right: bool | None
    target_right: bool | None
    no_target_right: bool | None = None  # the gold has no target: none was given
    actor_name: str | None = None
    target_name: str | None = None

    @property
    def category(self) -> str | None:
        return plover_category(self.event.code) if self.event is not None else None


@dataclass
class EventReport(Report):
    """The report, with the verdict on every record for ``--json``."""

    records: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "records": self.records}


def plover_category(name: str | None) -> str | None:
    """A category in PLOVER 2021 names (old names mapped); None for no event."""
    upper = (name or "").strip().upper()
    return OLD_NAMES.get(upper, upper) or None


def gold_record(record: Mapping[str, Any]) -> Gold:
    """The scored fields of one ``gold.jsonl`` record; ``InputError`` on an unknown category."""
    category = plover_category(record.get("event") or record.get("event_v05"))
    if category is not None and category not in PLOVER:
        raise InputError(
            str(record["id"]), f"unknown category {category!r}: give one of {', '.join(PLOVER)}"
        )
    return Gold(
        id=str(record["id"]),
        category=category,
        words=_content_words(record.get("event_text") or ""),
        sources=tuple(record.get("source") or ()),
        targets=tuple(record.get("target") or ()),
        symmetric=bool(record.get("symmetric")),
    )


def parts(golds: Iterable[Gold]) -> dict[str, str]:
    """Each record id's part: ``tune`` or ``check`` (see the module's docstring)."""
    ordered = sorted(
        golds, key=lambda g: (g.category or "", hashlib.sha1(g.id.encode()).hexdigest())
    )
    return {g.id: PARTS[i % 2] for i, g in enumerate(ordered)}


def choose_event(events: Sequence[Event], words: frozenset[str]) -> tuple[Event | None, str]:
    """The event a record is about, and how it was chosen: "gold words", "first" or "none"."""
    if not events:
        return None, "none"
    ordered = sorted(events, key=lambda e: e.start)
    shared = [len(_content_words(e.action) & words) for e in ordered]
    best = max(range(len(ordered)), key=lambda i: (shared[i], -i))
    return (ordered[best], "gold words") if shared[best] else (ordered[0], "first")


def locate(actor: str, text: str) -> list[tuple[int, int]]:
    """Where a gold actor text is written in ``text``: every piece between "..." marks, at word
    boundaries, case and spacing ignored."""
    found = []
    for piece in _ELLIPSIS.split(actor):
        words = piece.split()
        if words:
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
            found += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return found


def head_word(actor: str) -> str | None:
    """The lower-case word an actor text is about: "Trade Minister Ada Vell" -> "vell",
    "refugees fleeing the war" -> "refugees", "King Hal of Mordavia" -> "hal"."""
    text = re.sub(r"\([^)]*\)?", " ", " ".join(_ELLIPSIS.split(actor)))  # "(ABC)", "(ABC"
    kept: list[str] = []
    for word in _NAME_WORD.findall(text):
        ends_phrase = word.lower() in _AFTER_HEAD or (word.islower() and word.endswith("ing"))
        if kept and ends_phrase:
            break
        if not ends_phrase:
            kept.append(word)
    return _bare(kept[-1]) if kept else None


def actor_matches(actor: Span | None, name: str | None, gold: Sequence[str], text: str) -> set[int]:
    """Indices of the gold actor texts a predicted actor stands for: its span overlaps where
    one is written in ``text``, or its canonical ``name`` contains that one's head word."""
    if actor is None:
        return set()
    names = {_bare(w) for w in _NAME_WORD.findall(name or "")}
    hits = set()
    for i, written in enumerate(gold):
        spans = locate(written, text)
        if any(actor.start < e and s < actor.end for s, e in spans) or head_word(written) in names:
            hits.add(i)
    return hits


def judge(
    gold: Gold, text: str, events: Sequence[Event], names: Mapping[tuple[int, int], str]
) -> Judged:
    """Score the event chosen from ``events`` for one record; ``names`` gives the canonical
    name of each entity mention, by its ``(start, end)``."""
    event, chosen_by = choose_event(events, gold.words)
    actor = event.actor if event is not None else None
    target = event.target if event is not None else None
    actor_name, target_name = _name_at(actor, names), _name_at(target, names)
    if gold.symmetric:
        parties = gold.sources + tuple(t for t in gold.targets if t not in gold.sources)
        by_actor = actor_matches(actor, actor_name, parties, text)
        by_target = actor_matches(target, target_name, parties, text)
        source_right = bool(by_actor) if parties else None
        target_right = (
            any(not by_actor or by_actor != {j} for j in by_target) if len(parties) > 1 else None
        )
        no_target_right = None
    else:
        source_right = (
            bool(actor_matches(actor, actor_name, gold.sources, text)) if gold.sources else None
        )
        target_right = (
            bool(actor_matches(target, target_name, gold.targets, text)) if gold.targets else None
        )
        no_target_right = None if gold.targets else target is None
    return Judged(
        gold, event, chosen_by, source_right, target_right, no_target_right, actor_name, target_name
    )


def score(judged: Sequence[Judged]) -> dict[str, dict[str, float]]:
    """The report's rows: category accuracy and macro scores, actors, no event, per category."""
    per = {c: Counts() for c in PLOVER}
    confused: dict[str, Counter[str]] = {c: Counter() for c in PLOVER}
    for j in judged:
        gold, predicted = j.gold.category, j.category
        if gold is not None and gold == predicted:
            per[gold].tp += 1
            continue
        if gold is not None:
            per[gold].fn += 1
            confused[gold][predicted or NO_EVENT] += 1
        if predicted in per:
            per[predicted].fp += 1
    present = [per[c] for c in PLOVER if per[c].tp + per[c].fp + per[c].fn]
    with_event = [j for j in judged if j.gold.category is not None]
    rows: dict[str, dict[str, float]] = {
        "category": _accuracy([j.category == j.gold.category for j in judged]),
        "category, macro over PLOVER": {
            "precision": _mean([c.precision for c in present]),
            "recall": _mean([c.recall for c in present]),
            "f1": _mean([c.f1 for c in present]),
            "categories": len(present),
        },
        "source actor": _accuracy([j.source_right for j in judged if j.source_right is not None]),
        "target actor": _accuracy([j.target_right for j in judged if j.target_right is not None]),
        "no target given where the gold has none": _accuracy(
            [j.no_target_right for j in judged if j.no_target_right is not None]
        ),
        "no event found, gold has one": {
            "records": sum(j.event is None for j in with_event),
            "of": len(with_event),
        },
        "no event found, gold has none": _accuracy(
            [j.event is None for j in judged if j.gold.category is None]
        ),
        "event chosen by": dict(Counter(j.chosen_by for j in judged).most_common()),
    }
    for category in PLOVER:
        rows[category] = {
            **per[category].as_dict(),
            **{f"as {other}": n for other, n in sorted(confused[category].items())},
        }
    return rows


def evaluate(corpus_dir: Path, *, limit: int | None = None, part: str | None = None) -> EventReport:
    """Run the pipeline on each PLOVER record of ``corpus_dir`` and score its events.

    Args:
        corpus_dir: a folder with ``articles.jsonl`` and ``gold.jsonl`` (the PLOVER records).
        limit: score only the first N records of the part.
        part: ``tune`` or ``check`` (``parts``); ``all`` or None for every record.
    """
    check_part(part, PARTS)
    pairs = [(article, gold_record(record)) for article, record in read_corpus(corpus_dir)]
    part_of = parts(g for _, g in pairs)
    chosen = [(a, g) for a, g in pairs if part in (None, "all") or part_of[g.id] == part]
    chosen = chosen[:limit] if limit is not None else chosen
    judged: list[Judged] = []
    failed = 0
    for (article, gold), analysis in zip(chosen, _analyse(a for a, _ in chosen), strict=True):
        if analysis is None:
            failed += 1
        events = analysis[0].events if analysis is not None else ()
        names = analysis[1] if analysis is not None else {}
        judged.append(judge(gold, article.text, events, names))
    report = EventReport(task="events", corpus=str(corpus_dir), documents=len(chosen))
    report.rows = score(judged)
    report.records = [_as_dict(j, part_of[j.gold.id]) for j in judged]
    halves = Counter(part_of.values())
    report.notes.append(
        f"part: {part or 'all'}, {len(chosen)} of {len(pairs)} records (tune {halves['tune']}, "
        f"check {halves['check']}: dealt by a hash of the record id within each category)"
    )
    report.notes.append(
        "scored event: the one whose action shares most words with the gold event words, "
        "else the first in text order; actors: span overlap with a gold actor text or the "
        "canonical name holding its head word, symmetric records in either order"
    )
    if failed:
        report.notes.append(f"{failed} records failed in the pipeline: scored as no event")
    return report


def _analyse(
    articles: Iterable[Article],
) -> Iterator[tuple[ArticleAnalysis, dict[tuple[int, int], str]] | None]:
    """Each article's analysis and its mentions' canonical names; None when it failed."""
    from newsweave import nlp
    from newsweave.link import Linker  # the language pipeline loads only here
    from newsweave.pipeline import analyse

    for analysis in analyse(articles, model=nlp.load(), batch_size=config.BATCH_SIZE):
        if isinstance(analysis, StepError):
            yield None
            continue
        linker = Linker()  # alone: the records are unrelated sentences
        names = {}
        for mention, entity_id in zip(analysis.entities, linker.add(analysis), strict=True):
            entity = linker.entity(entity_id) if entity_id is not None else None
            name = entity.name if entity is not None else mention.name
            if name:
                names[(mention.start, mention.end)] = name
        yield analysis, names


def _name_at(span: Span | None, names: Mapping[tuple[int, int], str]) -> str | None:
    """The canonical name of the mention overlapping ``span`` most."""
    if span is None:
        return None
    overlaps = {k: min(k[1], span.end) - max(k[0], span.start) for k in names}
    best = max(overlaps, key=lambda k: overlaps[k], default=None)
    return names[best] if best is not None and overlaps[best] > 0 else None


def _as_dict(j: Judged, part: str) -> dict[str, Any]:
    e = j.event
    return {
        "id": j.gold.id,
        "part": part,
        "gold": j.gold.category,
        "predicted": j.category,
        "chosen_by": j.chosen_by,
        "action": e.action if e else None,
        "negated": e.negated if e else None,
        "modality": e.modality if e else None,
        "actor": e.actor.text if e and e.actor else None,
        "actor_name": j.actor_name,
        "target": e.target.text if e and e.target else None,
        "target_name": j.target_name,
        "source_right": j.source_right,
        "target_right": j.target_right,
    }


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _FUNCTION_WORDS)


def _bare(word: str) -> str:
    """A name word in lower case, without a possessive or a sentence's full stop."""
    word = re.sub(r"['’]s$", "", word.lower())
    return word[:-1] if word.endswith(".") and word.count(".") == 1 else word


def _accuracy(verdicts: Sequence[bool | None]) -> dict[str, float]:
    right = sum(bool(v) for v in verdicts)
    scores = {"accuracy": round(right / len(verdicts), 4)} if verdicts else {}
    return {**scores, "right": right, "of": len(verdicts)}


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0
