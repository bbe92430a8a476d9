"""Score the story dossiers against a claims corpus: facts, statuses, statements, sources.

The corpus (``../shared/corpus/claims``: its README gives the format) is a folder ``articles/``
of multi-outlet reports and ``claims.gold.json``, in which every factual clause is annotated
with its claim. Everything goes through the product path, as ``newsweave analyze`` does: read,
analyse, link, group into stories, build each story's dossier. Then:

- **pairs**: every cross-article pair of evidence spans that a fact joins is correct when both
  spans state one gold claim (a span states the claims whose gold evidence it overlaps by half
  of the shorter of the two); recall is over the gold claims' cross-article pairs;
- **status**: each gold claim takes the status of the fact that covers most of its articles;
- **hard negatives**: gold pairs of look-alike clauses of different claims, joined or not;
- **statements**: the gold quote alignments (same utterance, any kind) found in one statement;
- **sources**: a near-duplicate shares its original's independence key.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.evaluate.common import Counts, Report, check_part
from newsweave.evaluate.stories import bcubed
from newsweave.records import Article, Dossier, Evidence

__all__ = ["PARTS", "Span", "candidate_pairs", "evaluate", "gold_key", "overlaps"]

_STATUSES = ("corroborated", "single-source", "conflicting")


@dataclass(frozen=True)
class Span:
    """A character span of one article, by its gold key."""

    key: str
    start: int
    end: int


def gold_key(article: Article) -> str:
    """The corpus key of an article: its file name, or ``file#id`` for a JSON Lines record."""
    source = article.source or article.id
    path, _, line = source.rpartition(":")
    if path.endswith(".jsonl") and line.isdigit():
        return f"{Path(path).name}#{article.id}"
    return Path(source).name


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans of one article share at least half of the shorter one."""
    if a.key != b.key:
        return False
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and 2 * shared >= min(a.end - a.start, b.end - b.start)


#: The development split: the settings are tuned on the first two stories (a strike, a
#: flood) and checked on the third (a vote), which they never saw.
PARTS = {"tune": (0, 1), "check": (2,)}


def evaluate(corpus_dir: Path, *, limit: int | None = None, part: str | None = None) -> Report:
    """Run the product on ``corpus_dir/articles`` and score its dossiers against the gold.

    Args:
        corpus_dir: the corpus folder (``claims.gold.json`` and ``articles/``).
        limit: unused (the articles of a story are scored together).
        part: ``tune`` or ``check`` to score only those gold stories (``PARTS``); all when None.
    """
    from newsweave.pipeline import analyze_paths  # the language pipeline loads only here

    gold_path = corpus_dir / "claims.gold.json"
    if not gold_path.is_file() or not (corpus_dir / "articles").is_dir():
        raise InputError(str(corpus_dir), "not a claims corpus: no claims.gold.json and articles/")
    check_part(part, PARTS)
    gold = _part(json.loads(gold_path.read_text(encoding="utf-8")), part)
    collection = analyze_paths([str(corpus_dir / "articles")])
    keys = {a.article.id: gold_key(a.article) for a in collection.analyses}
    texts = {keys[a.article.id]: a.article.text for a in collection.analyses}
    located = _Locator(texts)
    claims = {
        c["id"]: [located.span(k, s) for k, strings in c["evidence"].items() for s in strings]
        for c in gold["claims"]
    }
    dossiers = [
        d for d in collection.stories if any(keys[a] in gold["articles"] for a in d.articles)
    ]
    report = Report(task="claims", corpus=str(corpus_dir), documents=len(gold["articles"]))
    report.rows["fact pairs"] = _fact_pairs(dossiers, keys, claims).as_dict()
    report.rows.update(_statuses(dossiers, keys, claims, gold["claims"]))
    report.rows["hard negatives"] = _hard_negatives(dossiers, keys, located, gold)
    report.rows["statements"] = _statements(dossiers, keys, located, gold).as_dict()
    report.rows["sources"] = _duplicates(dossiers, keys, gold)
    story_of = {keys[a]: d.id for d in dossiers for a in d.articles}
    gold_story = {k: str(n) for n, story in enumerate(gold["stories"]) for k in story}
    scored = {k: s for k, s in gold_story.items() if k in story_of}
    p, r, f1 = bcubed({k: story_of[k] for k in scored}, scored)
    report.rows["stories"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
    if located.missing:
        report.notes.append(f"{located.missing} gold strings not found in the article texts")
    return report


def _part(gold: dict[str, Any], part: str | None) -> dict[str, Any]:
    """The gold of the chosen stories only (claims, quotes, pairs and copies among them)."""
    if part in (None, "all"):
        return gold
    stories = [gold["stories"][n] for n in PARTS[str(part)]]
    keys = {k for story in stories for k in story}
    return {
        **gold,
        "stories": stories,
        "articles": {k: v for k, v in gold["articles"].items() if k in keys},
        "claims": [c for c in gold["claims"] if set(c["evidence"]) <= keys],
        "hard_negatives": [h for h in gold["hard_negatives"] if h["a"][0] in keys],
        "quote_alignments": [q for q in gold["quote_alignments"] if q["a"][0] in keys],
        "near_duplicates": [d for d in gold["near_duplicates"] if d[0] in keys],
    }


class _Locator:
    """Gold substrings found in the texts the product read (the first occurrence)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.missing = 0

    def span(self, key: str, text: str) -> Span:
        start = self.texts.get(key, "").find(text)
        if start < 0:
            self.missing += 1
            return Span(key, -1, -1)
        return Span(key, start, start + len(text))


def _spans(evidence: Iterable[Evidence], keys: Mapping[str, str]) -> list[Span]:
    return [Span(keys[e.article], e.start, e.end) for e in evidence]


def _claims_of(span: Span, claims: Mapping[str, Sequence[Span]]) -> set[str]:
    return {c for c, spans in claims.items() if any(overlaps(span, g) for g in spans)}


def _fact_pairs(
    dossiers: Sequence[Dossier], keys: Mapping[str, str], claims: Mapping[str, Sequence[Span]]
) -> Counts:
    """Cross-article pairs a fact joins, against the gold claims' cross-article pairs."""
    counts = Counts()
    joined: set[tuple[str, str, str]] = set()  # (claim, key, key) pairs some fact joins
    for dossier in dossiers:
        for fact in dossier.facts:
            stated = [(s, _claims_of(s, claims)) for s in _spans(fact.evidence, keys)]
            for (a, ca), (b, cb) in combinations(stated, 2):
                if a.key == b.key:
                    continue
                if ca & cb:
                    counts.tp += 1
                else:
                    counts.fp += 1
                first, second = sorted((a.key, b.key))
                joined.update((c, first, second) for c in ca & cb)
    for claim, spans in claims.items():
        articles = sorted({s.key for s in spans})
        counts.fn += sum((claim, a, b) not in joined for a, b in combinations(articles, 2))
    return counts


def _statuses(
    dossiers: Sequence[Dossier],
    keys: Mapping[str, str],
    claims: Mapping[str, Sequence[Span]],
    gold_claims: Sequence[Mapping[str, Any]],
) -> dict[str, dict[str, float]]:
    """Accuracy of the status of each gold claim, overall and per gold status."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for claim in gold_claims:
        best, covered = None, 0
        for fact in (f for d in dossiers for f in d.facts):
            spans = _spans(fact.evidence, keys)
            articles = {s.key for s in spans if claim["id"] in _claims_of(s, claims)}
            if len(articles) > covered:
                best, covered = fact, len(articles)
        status = claim["status"]
        total[status] += 1
        right[status] += best is not None and best.status == status
    rows = {"status": _accuracy(sum(right.values()), sum(total.values()))}
    for status in _STATUSES:
        rows[f"status: {status}"] = _accuracy(right[status], total[status])
    return rows


def _accuracy(right: int, total: int) -> dict[str, float]:
    return {"accuracy": round(right / total, 4) if total else 0.0, "right": right, "of": total}


def _hard_negatives(
    dossiers: Sequence[Dossier],
    keys: Mapping[str, str],
    located: _Locator,
    gold: Mapping[str, Any],
) -> dict[str, float]:
    """How many gold look-alike pairs of different claims one fact joins (0 is right)."""
    facts = [_spans(f.evidence, keys) for d in dossiers for f in d.facts]
    joined = 0
    negatives = gold["hard_negatives"]
    for negative in negatives:
        a, b = located.span(*negative["a"]), located.span(*negative["b"])
        joined += any(
            any(overlaps(s, a) for s in spans) and any(overlaps(s, b) for s in spans)
            for spans in facts
        )
    return {"joined": joined, "of": len(negatives)}


def _statements(
    dossiers: Sequence[Dossier],
    keys: Mapping[str, str],
    located: _Locator,
    gold: Mapping[str, Any],
) -> Counts:
    """Gold quote alignments found in one statement; precision over variants of gold quotes."""
    quotes = {
        (key, q["n"]): located.span(key, q["text"])
        for key, article in gold["articles"].items()
        for q in article["quotes"]
    }
    aligned = {frozenset((tuple(p["a"]), tuple(p["b"]))) for p in gold["quote_alignments"]}
    found: set[frozenset[tuple[str, int]]] = set()
    counts = Counts()
    for statement in (s for d in dossiers for s in d.statements):
        variants = [
            {q for q, g in quotes.items() if overlaps(v, g)}
            for v in _spans(statement.variants, keys)
        ]
        for qa, qb in combinations(variants, 2):
            pairs = {frozenset((a, b)) for a in qa for b in qb if a[0] != b[0]}
            if not pairs:
                continue
            if pairs & aligned:
                found |= pairs & aligned
            else:
                counts.fp += 1
    counts.tp = len(found)
    counts.fn = len(aligned - found)
    return counts


def _duplicates(
    dossiers: Sequence[Dossier], keys: Mapping[str, str], gold: Mapping[str, Any]
) -> dict[str, float]:
    """Near-duplicates that share their original's independence key (not a second source)."""
    source_of = {keys[s.article]: s.source for d in dossiers for s in d.sources}
    pairs = gold["near_duplicates"]
    right = sum(
        a in source_of and b in source_of and source_of[a] == source_of[b] for a, b in pairs
    )
    return {"near-duplicates counted once": right, "of": len(pairs)}


def candidate_pairs(corpus_dir: Path, *, part: str = "tune") -> list[tuple[str, str, int]]:
    """The cross-article unit pairs a dossier asks the same-claim model about, in the gold
    stories of ``part``, labelled 1 when the two units state one gold claim: training pairs of
    the kind the model meets in a story, for ``scripts/train_same_claim.py``."""
    import numpy as np

    from newsweave.embed import embed
    from newsweave.fuse.units import claim_units
    from newsweave.pipeline import analyze_paths

    gold = _part(json.loads((corpus_dir / "claims.gold.json").read_text(encoding="utf-8")), part)
    collection = analyze_paths([str(corpus_dir / "articles")])
    keys = {a.article.id: gold_key(a.article) for a in collection.analyses}
    located = _Locator({keys[a.article.id]: a.article.text for a in collection.analyses})
    claims = {
        c["id"]: [located.span(k, s) for k, strings in c["evidence"].items() for s in strings]
        for c in gold["claims"]
    }
    by_id = {a.article.id: a for a in collection.analyses}
    out = []
    for dossier in collection.stories:
        if not any(keys[a] in gold["articles"] for a in dossier.articles):
            continue
        units = [u for a in dossier.articles for u in claim_units(by_id[a])]
        vectors = embed([u.text for u in units])
        for i, j in _candidates([u.article for u in units], np.asarray(vectors @ vectors.T)):
            a, b = units[i], units[j]
            stated_a = _claims_of(Span(keys[a.article], a.start, a.end), claims)
            stated_b = _claims_of(Span(keys[b.article], b.start, b.end), claims)
            out.append((a.text, b.text, int(bool(stated_a & stated_b))))
    return out


def _candidates(articles: Sequence[str], cosine: Any) -> list[tuple[int, int]]:
    """Pairs ``i < j`` of units of different articles, each unit with its 6 closest units of
    other articles by cosine (at least 0.4): the pairs an aligner would judge."""
    import numpy as np

    owner = np.array(articles)
    masked = np.where(owner[:, None] != owner[None, :], cosine, -1.0)
    pairs: set[tuple[int, int]] = set()
    for i in range(len(articles)):
        for j in np.argsort(-masked[i])[:6]:
            if masked[i, j] >= 0.4:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return sorted(pairs)
