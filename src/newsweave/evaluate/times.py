"""Score time expressions against TIMEX3 gold (TempEval-3): spans, types, values.

The measures are those of TempEval-3 (UzZaman et al., 2013): strict span P/R/F1 (same
characters), relaxed span P/R/F1 (any overlap, one-to-one), and, over the relaxed matches, type
and value: value F1 counts a system expression as correct when it overlaps a gold one and has
the same value, so precision is over all system expressions and recall over all gold ones.

The expressions are the product's (``pipeline.analyse``, its time step: no other step feeds
it), each document given its creation time as its publication date, as a user's
``Published:`` header line gives it. The publication date inferred with that time hidden is
the product's inference too (``pipeline.analyse_doc`` with no steps, on the same parse).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.evaluate.common import Counts, Report, analysed, read_corpus
from newsweave.records import Article, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Gold", "Scores", "evaluate", "match", "misses", "run", "same_value", "score_document"]

#: Some gold values write one-digit ISO weeks unpadded ("2000-W7").
_WEEK = re.compile(r"-W(\d)(?!\d)")


@dataclass(frozen=True)
class Gold:
    """One gold TIMEX3."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class Scores:
    """Running counts over documents."""

    strict: Counts
    relaxed: Counts
    value: Counts
    type_f1: Counts
    typed: int = 0  # relaxed matches with the gold type
    valued: int = 0  # relaxed matches with the gold value
    modded: int = 0  # relaxed matches with the gold mod (None = None)
    # The publication date inferred with the document creation time hidden: tp = the right
    # day, fp = a wrong one, fn = a dated document not dated right; ``near`` = within a day.
    published: Counts = field(default_factory=Counts)
    published_near: int = 0

    @classmethod
    def empty(cls) -> Scores:
        return cls(Counts(), Counts(), Counts(), Counts())

    def add_published(self, inferred: str | None, gold: str | None) -> None:
        """Count one document's inferred publication date against its creation time."""
        if not gold:
            return
        right = inferred == gold[:10]
        self.published.tp += right
        self.published.fp += inferred is not None and not right
        self.published.fn += not right
        self.published_near += inferred is not None and _days_apart(inferred, gold) <= 1


def match(system: Sequence[TimeRef], gold: Sequence[Gold]) -> list[tuple[TimeRef, Gold]]:
    """One-to-one pairs of overlapping system and gold expressions, largest overlap first."""
    pairs = []
    for s in system:
        for g in gold:
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > 0:
                pairs.append((overlap, s, g))
    pairs.sort(key=lambda p: -p[0])
    used_s: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, s, g in pairs:
        if id(s) not in used_s and id(g) not in used_g:
            used_s.add(id(s))
            used_g.add(id(g))
            matched.append((s, g))
    return matched


def same_value(system: str | None, gold: str) -> bool:
    """Whether two TIMEX3 values are the same; week numbers compare unpadded ("2000-W7")."""
    return system is not None and _WEEK.sub(r"-W0\1", system) == _WEEK.sub(r"-W0\1", gold)


def score_document(system: Sequence[TimeRef], gold: Sequence[Gold], scores: Scores) -> None:
    """Add one document's counts to ``scores``."""
    exact = {(g.start, g.end) for g in gold}
    strict_tp = sum(1 for s in system if (s.start, s.end) in exact)
    scores.strict.tp += strict_tp
    scores.strict.fp += len(system) - strict_tp
    scores.strict.fn += len(gold) - strict_tp
    matched = match(system, gold)
    scores.relaxed.tp += len(matched)
    scores.relaxed.fp += len(system) - len(matched)
    scores.relaxed.fn += len(gold) - len(matched)
    good_value = sum(1 for s, g in matched if same_value(s.value, g.value))
    good_type = sum(1 for s, g in matched if s.type == g.type)
    scores.typed += good_type
    scores.valued += good_value
    scores.modded += sum(1 for s, g in matched if s.mod == g.mod)
    for counts, good in ((scores.value, good_value), (scores.type_f1, good_type)):
        counts.tp += good
        counts.fp += len(system) - good
        counts.fn += len(gold) - good


def gold_of(record: dict[str, Any]) -> list[Gold]:
    """The gold TIMEX3s of one ``gold.jsonl`` record."""
    return [
        Gold(
            t["span"]["start"],
            t["span"]["end"],
            t["span"]["text"],
            t["type"],
            t["value"],
            t.get("mod"),
        )
        for t in record["timexes"]
    ]


def evaluate(corpus_dir: Path, *, limit: int | None = None) -> Report:
    """Find and resolve time expressions in every article of ``corpus_dir`` and score them."""
    failed: list[str] = []
    scores, documents = run(corpus_dir, limit=limit, failed=failed)
    report = report_of(scores, corpus_dir, documents=len(documents))
    report.note_failures(failed)
    return report


def run(
    corpus_dir: Path, *, limit: int | None = None, failed: list[str] | None = None
) -> tuple[Scores, list[tuple[str, list[TimeRef], list[Gold]]]]:
    """Counts over the corpus, and each document's system and gold expressions (for misses);
    the messages of the articles that failed in the analysis go to ``failed``."""
    pairs = list(read_corpus(corpus_dir, limit=limit))
    failed = [] if failed is None else failed
    scores = Scores.empty()
    documents = []
    results = analysed((a for a, _ in pairs), failed, steps=("times",))
    for (analysis, doc), (article, record) in zip(results, pairs, strict=True):
        system = list(analysis.times)
        gold = gold_of(record)
        score_document(system, gold, scores)
        scores.add_published(_date_hidden(doc, article), article.published)
        documents.append((article.id, system, gold))
    return scores, documents


def _date_hidden(doc: Doc | None, article: Article) -> str | None:
    """The publication date the product infers from the article's text, its own withheld."""
    from newsweave.pipeline import analyse_doc  # the language pipeline loads only here

    if doc is None:
        return None
    return analyse_doc(doc, replace(article, published=None), steps=()).article.published


def report_of(scores: Scores, corpus_dir: Path, *, documents: int) -> Report:
    """The printable report of the counts."""
    matched = scores.relaxed.tp
    report = Report(task="times", corpus=str(corpus_dir), documents=documents)
    report.rows["strict span"] = scores.strict.as_dict()
    report.rows["relaxed span"] = scores.relaxed.as_dict()
    report.rows["type"] = {
        **scores.type_f1.as_dict(),
        "accuracy": round(scores.typed / matched, 4) if matched else 0.0,
    }
    report.rows["value"] = {
        **scores.value.as_dict(),
        "accuracy": round(scores.valued / matched, 4) if matched else 0.0,
    }
    report.rows["mod"] = {"accuracy": round(scores.modded / matched, 4) if matched else 0.0}
    dated = scores.published.tp + scores.published.fn
    report.rows["publication date, hidden"] = {
        **scores.published.as_dict(),
        "within 1 day": round(scores.published_near / dated, 4) if dated else 0.0,
    }
    report.notes.append(
        "TempEval-3 measures; type and value accuracy are over relaxed matches. "
        "For comparison on the TempEval-3 platinum test: HeidelTime value F1 "
        "0.776, relaxed F1 0.903; SUTime value F1 0.674. Values compare as strings, except "
        "that one-digit ISO weeks match padded ones (gold writes both 2000-W7 and 2000-W07). "
        "Publication date, hidden: each document's creation time is withheld and inferred from "
        "its text (precision over the documents dated, recall over all; within 1 day: share "
        "of all documents dated at most a day off)."
    )
    return report


def misses(documents: Iterable[tuple[str, list[TimeRef], list[Gold]]]) -> Iterable[str]:
    """Lines describing every disagreement, for reading errors by hand."""
    for doc_id, system, gold in documents:
        matched = match(system, gold)
        seen_s = {id(s) for s, _ in matched}
        seen_g = {id(g) for _, g in matched}
        for s, g in matched:
            if not same_value(s.value, g.value) or s.type != g.type:
                yield (
                    f"VAL {doc_id}: {g.text!r} gold {g.type} {g.value} | "
                    f"ours {s.text!r} {s.type} {s.value}"
                )
        for g in gold:
            if id(g) not in seen_g:
                yield f"FN  {doc_id}: {g.text!r} {g.type} {g.value}"
        for s in system:
            if id(s) not in seen_s:
                yield f"FP  {doc_id}: {s.text!r} {s.type} {s.value}"


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 10**6
