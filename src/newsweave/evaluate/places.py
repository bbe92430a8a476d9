"""Score toponyms against GeoWebNews (``../shared/corpus/gwn``): found, and put on the map.

Every article goes through the product path: an ``Article`` from ``make_article``, the
per-article analysis of ``newsweave.pipeline.analyse`` and the entity linker on the article
alone, which gives each place mention its gazetteer entry (GeoNames id and coordinates) as the
dossier and the exports carry it. Then:

- **Recognition**: a place mention is right when its span overlaps a gold toponym's; each gold
  toponym is matched once, in text order. A place mention is one the linker treats as a place
  (GPE, LOC, FAC), a demonym it gives its country or continent ("Russian", "European"), or the
  place an organisation's name holds ("Mansfield" in "Mansfield Police Department"). A place
  mention the gazetteer lacks is placed where the place its name holds is ("the Tijuana
  River": Tijuana), as the linker records it (``located_in``). The
  gold toponyms are the corpus's ``toponyms`` (those with coordinates: literal, metonymic,
  mixed, modifier, embedded and coercion types); a mention overlapping none of them is a false
  positive, a gold toponym no mention overlaps a false negative.
- **Resolution** of the matched toponyms: the great-circle distance between the mention's
  coordinates and the gold's; accuracy@161 km (100 miles, the field's usual bar) over the
  found toponyms and over all gold toponyms; GeoNames id agreement where the gold has an id;
  and the AUC of the log error of Gritta et al. (2018): each found toponym's error scaled as
  ln(1 + km) / ln(20039), 1 for a toponym found but not placed, averaged (lower is better).
- **Parts**: ``tune`` and ``check`` halves fixed by the article ids (ordered by the SHA-1 of
  their id and dealt alternately), independent of file order.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave import config
from newsweave.errors import StepError
from newsweave.evaluate.common import Counts, Report, check_part, read_corpus
from newsweave.places import distance_km
from newsweave.records import Article

__all__ = ["PARTS", "Placed", "distance_km", "evaluate", "parts", "score"]

PARTS = ("tune", "check")
#: Half the Earth's circumference: the largest error a place can have.
MAX_ERROR_KM = 20039.0
#: A toponym is placed right within this distance of its gold coordinates (100 miles).
RIGHT_WITHIN_KM = 161.0
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Placed:
    """One place mention as the product gives it: its span and its gazetteer entry."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None


def parts(ids: Iterable[str]) -> dict[str, str]:
    """Each article id's part: ordered by SHA-1 of the id, dealt alternately."""
    ordered = sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    return {i: PARTS[n % 2] for n, i in enumerate(ordered)}


def score(articles: Iterable[tuple[Sequence[Placed], Sequence[dict[str, Any]]]]) -> dict[str, Any]:
    """The rows of the report from each article's (place mentions, gold toponyms)."""
    found = Counts()
    gold_total = right = placed_total = 0
    ids = Counts()  # tp: same id; fn: different or none (only gold toponyms with an id)
    scaled: list[float] = []
    for mentions, gold in articles:
        gold_total += len(gold)
        unmatched = list(gold)
        for m in sorted(mentions, key=lambda p: p.start):
            g = next((g for g in unmatched if m.start < g["end"] and g["start"] < m.end), None)
            if g is None:
                found.fp += 1
                continue
            unmatched.remove(g)
            found.tp += 1
            error = MAX_ERROR_KM
            if m.lat is not None and m.lon is not None:
                placed_total += 1
                error = distance_km((m.lat, m.lon), (g["lat"], g["lon"]))
            right += error <= RIGHT_WITHIN_KM
            scaled.append(math.log1p(error) / math.log1p(MAX_ERROR_KM))
            if g.get("geonames_id") is not None:
                if m.geonames_id == g["geonames_id"]:
                    ids.tp += 1
                else:
                    ids.fn += 1
        found.fn += len(unmatched)
    return {
        "toponyms found": found.as_dict(),
        "accuracy@161km of found": _share(right, found.tp),
        "accuracy@161km of all gold": _share(right, gold_total),
        "found and given coordinates": _share(placed_total, found.tp),
        "geonames id of found": _share(ids.tp, ids.tp + ids.fn),
        "AUC of log error (lower is better)": {
            "value": round(sum(scaled) / len(scaled), 4) if scaled else 0.0,
            "n": len(scaled),
        },
    }


def evaluate(corpus_dir: Path, *, limit: int | None = None, part: str | None = None) -> Report:
    """Run the pipeline on each GeoWebNews article of ``corpus_dir`` and score its places.

    Args:
        corpus_dir: a folder with ``articles.jsonl`` and ``gold.jsonl``.
        limit: score only the first N articles of the part.
        part: ``tune`` or ``check`` (``parts``); ``all`` or None for every article.
    """
    check_part(part, PARTS)
    pairs = list(read_corpus(corpus_dir))
    part_of = parts(a.id for a, _ in pairs)
    chosen = [(a, g) for a, g in pairs if part in (None, "all") or part_of[a.id] == part]
    chosen = chosen[:limit] if limit is not None else chosen
    failed = 0
    scored = []
    for (_, gold), placed in zip(chosen, _places(a for a, _ in chosen), strict=True):
        failed += placed is None
        scored.append((placed or (), gold["toponyms"]))
    report = Report(task="places", corpus=str(corpus_dir), documents=len(chosen))
    report.rows = score(scored)
    report.notes.append(
        f"part: {part or 'all'}, {len(chosen)} of {len(pairs)} articles "
        "(halves dealt by a hash of the article id)"
    )
    report.notes.append(
        "gold: the toponyms with coordinates; a place mention is found when it overlaps one; "
        f"right when placed within {RIGHT_WITHIN_KM:.0f} km"
    )
    if failed:
        report.notes.append(f"{failed} articles failed in the pipeline: scored as no places")
    return report


def _share(part: float, whole: float) -> dict[str, float]:
    return {"value": round(part / whole, 4) if whole else 0.0, "n": whole}


def _places(articles: Iterable[Article]) -> Iterator[list[Placed] | None]:
    """Each article's place mentions with their linked coordinates; None when it failed."""
    from newsweave import nlp
    from newsweave.link import Linker  # the language pipeline loads only here
    from newsweave.pipeline import analyse

    for analysis in analyse(articles, model=nlp.load(), batch_size=config.BATCH_SIZE):
        if isinstance(analysis, StepError):
            yield None
            continue
        linker = Linker()  # alone: the articles are unrelated
        placed = []
        for mention, entity_id in zip(analysis.entities, linker.add(analysis), strict=True):
            entity = linker.entity(entity_id) if entity_id is not None else None
            attributes = entity.attributes if entity is not None else {}
            located = attributes.get("located_in")
            if mention.label in _PLACE_LABELS or "geonames_id" in attributes:
                # A place the gazetteer lacks is where the place its name holds is.
                where = attributes if "geonames_id" in attributes else located or {}
                placed.append(_placed(mention.start, mention.end, where))
            elif located:  # "Mansfield" in "Mansfield Police Department"
                at = analysis.article.text.find(located["written"], mention.start, mention.end)
                if at >= 0:
                    placed.append(_placed(at, at + len(located["written"]), located))
        yield placed


def _placed(start: int, end: int, attributes: dict[str, Any]) -> Placed:
    return Placed(
        start, end, attributes.get("lat"), attributes.get("lon"), attributes.get("geonames_id")
    )
