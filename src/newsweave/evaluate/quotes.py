"""Scoring quotation extraction against PolNeAR-style attribution gold and the seeds' gold.

Overlap of two spans is counted in word tokens (runs of letters and digits, so quotation
marks and punctuation do not count): ``|shared words| / max(|predicted|, |gold|)``, the
measure of the GenderGapTracker and Citron evaluations. The quotes are the product's
(``pipeline.analyse``, its quote step and the entity step it needs). See docs/evaluation.md
for the rules.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsweave.errors import InputError
from newsweave.evaluate.common import Report, analysed, check_part, read_corpus
from newsweave.evaluate.entities import PARTS as TOPIC_PARTS
from newsweave.evaluate.entities import PERSON_TYPES, topic_of
from newsweave.ingest import read
from newsweave.records import Article, Quote, Speaker

Pair = tuple[Article, dict[str, Any]]

THRESHOLDS = (0.3, 0.8)
SEEDS_OVERLAP = 0.8
WORD = re.compile(r"\w+")

#: The development split of PolNeAR by its upstream compartment: the rules may be tuned on
#: ``train`` and are checked on ``dev``, which they never saw. ECB+ is split by topic.
PARTS = {"tune": "train", "check": "dev"}

#: How a gold source is written, by the part of speech of its head word.
WRITTEN_AS = {"PROPN": "name", "PRON": "pronoun"}  # anything else: a description


@dataclass
class Unit:
    """One attribution to match: its content words and who speaks (char spans or a name)."""

    words: frozenset[int]
    kind: str  # "direct" or "indirect"
    speakers: tuple[tuple[int, int, str], ...]  # (start, end, text) of speaker mentions
    name: str | None = None
    written_as: str = "name"  # gold only: "name", "pronoun" or "description"


def evaluate(corpus_dir: Path, *, limit: int | None = None, part: str | None = None) -> Report:
    """Score quotes in ``corpus_dir``: PolNeAR-style attributions, ECB+-style person chains
    (who a speaker mention stands for) or the seeds with their gold file.

    Args:
        corpus_dir: the corpus folder.
        limit: score only the first N documents (of the part).
        part: ``tune`` or ``check``: the PolNeAR compartment (``PARTS``) or the ECB+ topics
            (``entities.PARTS``); the whole corpus when None.
    """
    check_part(part, PARTS)
    seeds_gold = _seeds_gold(corpus_dir)
    if seeds_gold is not None:
        if part not in (None, "all"):
            raise InputError(str(corpus_dir), "the seeds have no parts")
        return evaluate_seeds(seeds_gold[0], seeds_gold[1])
    pairs = _part(corpus_dir, list(read_corpus(corpus_dir)), part)
    pairs = pairs[:limit] if limit is not None else pairs
    if pairs and "entities" in pairs[0][1]:
        return evaluate_speaker_chains(corpus_dir, pairs)
    return evaluate_attributions(corpus_dir, pairs)


def _part(corpus_dir: Path, pairs: list[Pair], part: str | None) -> list[Pair]:
    """The pairs of one part: by PolNeAR compartment or by ECB+ topic."""
    if part not in PARTS:
        return pairs
    if pairs and "entities" in pairs[0][1]:
        return [(a, r) for a, r in pairs if topic_of(r) in TOPIC_PARTS[str(part)]]
    compartment = {}
    with (corpus_dir / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                fields = json.loads(line)
                compartment[fields["id"]] = fields.get("compartment")
    return [(a, r) for a, r in pairs if compartment.get(r["id"]) == PARTS[str(part)]]


def _seeds_gold(corpus_dir: Path) -> tuple[Path, Path] | None:
    """``(articles folder, gold file)`` when ``corpus_dir`` is the seeds folder or holds it."""
    if (corpus_dir / "seeds.gold.json").is_file():
        return corpus_dir / "seeds", corpus_dir / "seeds.gold.json"
    if (corpus_dir.parent / f"{corpus_dir.name}.gold.json").is_file():
        return corpus_dir, corpus_dir.parent / f"{corpus_dir.name}.gold.json"
    return None


def analyse_quotes(
    articles: Iterable[Article], failed: list[str]
) -> Iterable[tuple[Article, Doc | None, Sequence[Quote]]]:
    """Each article with its parse and the quotes the product finds in it (``analysed``: the
    quote step and the entity step it needs); an article that fails is named in ``failed``."""
    for analysis, doc in analysed(articles, failed, steps=("quotes",)):
        yield analysis.article, doc, analysis.quotes


# --- PolNeAR-style attribution corpora -------------------------------------------------------


def evaluate_attributions(corpus_dir: Path, pairs: Sequence[Pair]) -> Report:
    """P/R/F1 of attribution content at each overlap threshold, and speaker accuracy (also
    for the quotes whose source is written as a pronoun or a description)."""
    gold_by_id = {article.id: gold for article, gold in pairs}
    tallies: Counter[str] = Counter()
    failed: list[str] = []
    for article, doc, quotes in analyse_quotes((a for a, _ in pairs), failed):
        starts = [m.start() for m in WORD.finditer(article.text)]
        predicted = predicted_units(quotes, starts, article.text)
        gold = gold_units(gold_by_id[article.id]["attributions"], starts, doc)
        for threshold in THRESHOLDS:
            _tally(tallies, predicted, gold, threshold)
    report = Report(task="quotes", corpus=str(corpus_dir), documents=len(pairs))
    report.note_failures(failed)
    for kind in ("direct", "indirect"):
        for threshold in THRESHOLDS:
            report.rows[f"{kind} @{threshold}"] = _row(tallies, kind, threshold)
        right, seen = tallies[f"{kind} speaker right"], tallies[f"{kind} speaker seen"]
        report.rows[f"{kind} speaker"] = _accuracy(right, seen)
    for written in ("pronoun", "description"):
        right, seen = tallies[f"{written} speaker right"], tallies[f"{written} speaker seen"]
        report.rows[f"speaker, source a {written}"] = _accuracy(right, seen)
    right = sum(tallies[f"{w} speaker right"] for w in ("pronoun", "description"))
    seen = sum(tallies[f"{w} speaker seen"] for w in ("pronoun", "description"))
    report.rows["speaker, source a pronoun or description"] = _accuracy(right, seen)
    report.notes.append(
        "overlap = shared word tokens / words of the longer span; one-to-one greedy matching; "
        "a prediction counts against precision only if it matches no gold attribution of any kind; "
        f"predicted-kind/gold-kind disagreements at 0.3: {tallies['cross 0.3']}"
    )
    return report


def predicted_units(quotes: Sequence[Quote], starts: list[int], text: str) -> list[Unit]:
    """Quotes grouped by cue (`"A," he said. "B."` is one attribution, as in the gold)."""
    groups: dict[object, list[Quote]] = {}
    key: object = None
    previous: Quote | None = None
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.cue is not None:
            key = (quote.cue.start, quote.speaker is None)
        elif not (
            previous is not None and previous.cue is None and _only_marks(text, previous, quote)
        ):
            key = ("alone", quote.start)  # else: one unattributed quote running on over paragraphs
        groups.setdefault(key, []).append(quote)
        previous = quote
    units = []
    for members in groups.values():
        words = frozenset().union(*(_words(starts, q.start, q.end) for q in members))
        # A partial quote is a fragment of reported speech: indirect in PolNeAR's terms.
        kind = "direct" if all(q.kind == "direct" for q in members) else "indirect"
        speaker = members[0].speaker
        spans = ((speaker.start, speaker.end, speaker.text),) if speaker else ()
        units.append(Unit(words, kind, spans, speaker.name if speaker else None))
    return units


def _only_marks(text: str, before: Quote, after: Quote) -> bool:
    """Only quotation marks, punctuation and white space lie between two quotes."""
    return not WORD.search(text[before.end : after.start])


def gold_units(
    attributions: Sequence[dict[str, Any]], starts: list[int], doc: Doc | None
) -> list[Unit]:
    """Gold attributions as units (content spans joined, sources kept as spans)."""
    units = []
    for gold in attributions:
        words = frozenset().union(*(_words(starts, s["start"], s["end"]) for s in gold["content"]))
        if not words:
            continue
        sources = tuple((s["start"], s["end"], s["text"]) for s in gold["source"])
        kind = "direct" if gold["direct"] else "indirect"
        written = written_as(doc, sources[0][0], sources[0][1]) if sources else "name"
        units.append(Unit(words, kind, sources, written_as=written))
    return units


def written_as(doc: Doc | None, start: int, end: int) -> str:
    """``name``, ``pronoun`` or ``description``: how the mention at ``[start, end)`` is written
    (``name`` when there is no parse: the model failed on the article)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return WRITTEN_AS.get(span.root.pos_, "description") if span is not None else "name"


def _words(starts: list[int], start: int, end: int) -> frozenset[int]:
    """Indices of the word tokens that begin inside ``[start, end)``."""
    return frozenset(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared words over the words of the longer of the two."""
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def match(
    predicted: Sequence[Unit], gold: Sequence[Unit], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one ``(predicted, gold)`` index pairs, best overlaps first, at or above threshold."""
    scored = sorted(
        (
            (overlap(p.words, g.words), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if p.words & g.words
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score >= threshold and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _tally(
    tallies: Counter[str], predicted: list[Unit], gold: list[Unit], threshold: float
) -> None:
    pairs = match(predicted, gold, threshold)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, p in enumerate(predicted):
        tallies[f"{p.kind} {threshold} predicted"] += 1
        tallies[f"{p.kind} {threshold} predicted right"] += i in matched_p
    for j, g in enumerate(gold):
        tallies[f"{g.kind} {threshold} gold"] += 1
        tallies[f"{g.kind} {threshold} gold found"] += j in matched_g
    if threshold != THRESHOLDS[0]:
        return
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        tallies[f"cross {threshold}"] += p.kind != g.kind
        if g.speakers:
            right = same_speaker(p, g)
            tallies[f"{g.kind} speaker seen"] += 1
            tallies[f"{g.kind} speaker right"] += right
            tallies[f"{g.written_as} speaker seen"] += 1
            tallies[f"{g.written_as} speaker right"] += right


def same_speaker(predicted: Unit, gold: Unit) -> bool:
    """The predicted mention overlaps a gold source mention, or names the same surname."""
    for start, end, _ in predicted.speakers:
        if any(start < g_end and g_start < end for g_start, g_end, _ in gold.speakers):
            return True
    if predicted.name:
        surname = predicted.name.split()[-1].lower()
        return any(
            text.split() and text.split()[-1].lower() == surname for _, _, text in gold.speakers
        )
    return False


def _accuracy(right: int, seen: int) -> dict[str, float]:
    return {"accuracy": round(right / seen, 4) if seen else 0.0, "n": seen}


def _row(tallies: Counter[str], kind: str, threshold: float) -> dict[str, float]:
    predicted = tallies[f"{kind} {threshold} predicted"]
    right = tallies[f"{kind} {threshold} predicted right"]
    gold = tallies[f"{kind} {threshold} gold"]
    found = tallies[f"{kind} {threshold} gold found"]
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": found,
        "fp": predicted - right,
        "fn": gold - found,
    }


# --- ECB+-style person chains: who a speaker mention stands for ------------------------------


def evaluate_speaker_chains(corpus_dir: Path, pairs: Sequence[Pair]) -> Report:
    """How often a speaker mention is resolved to the person the gold chain says it is.

    ECB+ links "he", "the actress" and "Mara Kovic" in one chain. A quote's speaker mention is
    scored when it overlaps a gold person mention whose chain is named in the same article
    (by a mention headed by a proper noun): it is right when the name newsweave resolved it
    to ends with the surname of one of those names. Rows are kept apart by how the mention is
    written (name, pronoun, description), as resolving "she" is another task than reading
    "Kovic".
    """
    gold_by_id = {article.id: gold for article, gold in pairs}
    tallies: Counter[str] = Counter()
    failed: list[str] = []
    for article, doc, quotes in analyse_quotes((a for a, _ in pairs), failed):
        people = [c for c in gold_by_id[article.id]["entities"] if c["type"] in PERSON_TYPES]
        speakers = {(q.speaker.start, q.speaker.end): q.speaker for q in quotes if q.speaker}
        for speaker in speakers.values():
            chain = _chain_of(speaker, people)
            names = {
                _surname(span["text"])
                for span in (chain or {}).get("spans", [])
                if written_as(doc, span["start"], span["end"]) == "name"
            }
            if names:
                written = written_as(doc, speaker.start, speaker.end)
                tallies[f"{written} seen"] += 1
                tallies[f"{written} right"] += _surname(speaker.name) in names
    report = Report(task="quotes", corpus=str(corpus_dir), documents=len(pairs))
    report.note_failures(failed)
    for written in ("name", "pronoun", "description"):
        report.rows[f"speaker resolved, mention a {written}"] = _accuracy(
            tallies[f"{written} right"], tallies[f"{written} seen"]
        )
    report.rows["speaker resolved, mention a pronoun or description"] = _accuracy(
        tallies["pronoun right"] + tallies["description right"],
        tallies["pronoun seen"] + tallies["description seen"],
    )
    report.notes.append(
        "scored: speaker mentions overlapping a gold person mention whose chain has a "
        "proper-noun mention in the same article; right: the resolved name ends with the "
        "surname of one of them"
    )
    return report


def _chain_of(speaker: Speaker, chains: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold chain with a mention overlapping the speaker mention."""
    for chain in chains:
        for span in chain["spans"]:
            if span["start"] < speaker.end and speaker.start < span["end"]:
                return chain
    return None


def _surname(name: str | None) -> str:
    """The last word of a name, without a possessive ending: "kovic" for "Mara Kovic's"."""
    words = WORD.findall(re.sub(r"[’']s?\b", "", name or ""))
    return words[-1].lower() if words else ""


# --- the seeds ------------------------------------------------------------------------------


def evaluate_seeds(folder: Path, gold_path: Path) -> Report:
    """Every gold quote found (80% word overlap either way) with the same speaker."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    canon = {
        alias.lower(): person
        for person, aliases in gold["people"].items()
        for alias in [person, *aliases]
    }
    articles = [a for a in read([str(folder)]) if isinstance(a, Article)]
    found = with_speaker = total = predicted = predicted_right = 0
    misses: list[str] = []
    failed: list[str] = []
    for article, _, quotes in analyse_quotes(articles, failed):
        name = Path(article.source or article.id).name
        expected = gold["articles"].get(name, {}).get("quotes", [])
        quoted = [q for q in quotes if q.kind != "indirect"]
        predicted += len(quoted)
        used: set[int] = set()
        for item in expected:
            total += 1
            hits = [i for i, q in enumerate(quoted) if seed_overlap(q.text, item["text"])]
            right = [i for i in hits if person_of(_name(quoted[i]), canon) == item["speaker"]]
            found += bool(hits)
            with_speaker += bool(right)
            used.update(right or hits[:1])
            if not right:
                misses.append(f"{name} #{item['n']}: {item['speaker']}: {item['text'][:60]}")
        predicted_right += len(used)
    report = Report(task="quotes", corpus=str(folder), documents=len(articles))
    report.note_failures(failed)
    report.rows["seeds quotes"] = {
        "precision": round(predicted_right / predicted, 4) if predicted else 0.0,
        "recall": round(found / total, 4) if total else 0.0,
        "n": total,
    }
    report.rows["seeds quote and speaker"] = _accuracy(with_speaker, total)
    report.notes.extend(f"missed: {m}" for m in misses)
    return report


def _name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


def seed_overlap(predicted: str, gold: str) -> bool:
    """At least 80% of either text's words are in the other (case-insensitive)."""
    p, g = Counter(WORD.findall(predicted.lower())), Counter(WORD.findall(gold.lower()))
    shared = sum((p & g).values())
    return (
        bool(p and g) and max(shared / sum(p.values()), shared / sum(g.values())) >= SEEDS_OVERLAP
    )


def person_of(name: str | None, canon: dict[str, str]) -> str | None:
    """The canonical gold person a predicted name stands for (by full name, else surname)."""
    if not name:
        return None
    if name.lower() in canon:
        return canon[name.lower()]
    surname = name.split()[-1].lower()
    people = {person for alias, person in canon.items() if alias.split()[-1] == surname}
    return people.pop() if len(people) == 1 else None
