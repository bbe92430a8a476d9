"""What every scorer shares: reading a corpus, running the product's analysis on it,
counting, and a printable report."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.errors import InputError, StepError
from newsweave.ingest import make_article
from newsweave.records import Article, ArticleAnalysis

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Counts:
    """True positives, false positives and false negatives, and what follows from them."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    """Rows of named scores (one row per measure) plus free-form notes."""

    task: str
    corpus: str
    documents: int
    rows: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "corpus": self.corpus,
            "documents": self.documents,
            "scores": self.rows,
            "notes": self.notes,
        }

    def note_failures(self, failed: list[str]) -> None:
        """Say in the notes which articles failed in the analysis (scored as finding nothing)."""
        if failed:
            self.notes.append(
                f"{len(failed)} article(s) failed in the analysis and count as finding nothing: "
                + "; ".join(failed)
            )

    def below(self, floors: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
        """The (row, measure) scores under their floor: what a pinned evaluation reports failing."""
        return {
            (row, measure): self.rows[row][measure]
            for (row, measure), floor in floors.items()
            if self.rows[row][measure] < floor
        }


def check_part(part: str | None, parts: Collection[str]) -> None:
    """Refuse a ``--part`` the corpus does not have (None and ``all`` mean the whole corpus)."""
    if part not in (None, "all", *parts):
        raise InputError(part or "", f"no such part: choose one of {', '.join(parts)}")


def read_corpus(
    corpus: Path, *, limit: int | None = None
) -> Iterator[tuple[Article, dict[str, Any]]]:
    """Pairs of (article, gold record) from ``articles.jsonl`` and ``gold.jsonl`` in ``corpus``.

    Article texts are taken as they are (no stripping), so gold offsets index into them.
    """
    articles_path, gold_path = corpus / "articles.jsonl", corpus / "gold.jsonl"
    for path in (articles_path, gold_path):
        if not path.is_file():
            raise InputError(
                str(path), "missing: a corpus folder holds articles.jsonl and gold.jsonl"
            )
    gold = {}
    with gold_path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                gold[record["id"]] = record
    count = 0
    with articles_path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            fields = json.loads(line)
            if fields["id"] not in gold:
                continue
            yield (
                make_article(fields, default_id=fields["id"], source=str(articles_path)),
                gold[fields["id"]],
            )
            count += 1
            if limit is not None and count >= limit:
                return


def analysed(
    articles: Iterable[Article], failed: list[str], *, steps: Collection[str] | None = None
) -> Iterator[tuple[ArticleAnalysis, Doc | None]]:
    """The product's analysis of each article, in order, with the parse it was made from.

    This is ``pipeline.analyse`` (outlet and date inference included), so a score measures
    what users run; ``steps`` names the steps a scorer reads (with those they need). An article
    that fails yields an empty analysis (nothing found) and its message goes to ``failed``.
    """
    from newsweave.pipeline import analyse_with_parses  # the language pipeline loads only here

    for article, doc, result in analyse_with_parses(articles, steps=steps):
        if isinstance(result, StepError):
            failed.append(str(result))
            yield ArticleAnalysis(article), doc
        else:
            yield result, doc
