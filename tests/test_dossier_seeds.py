"""Acceptance on the reference articles: the seeds story's dossier against the hand-made gold.

The dossier is built the way ``newsweave analyze`` builds it: read, analyse, link entities,
group the story, date the undated article from it, fuse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from newsweave.ingest import read
from newsweave.pipeline import analyse, build_collection
from newsweave.records import ArticleAnalysis, Dossier, Evidence, Fact

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(shared_path("corpus/seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_analyses(seeds_dir: Path) -> list[ArticleAnalysis]:
    analyses = [a for a in analyse(read([str(seeds_dir)])) if isinstance(a, ArticleAnalysis)]
    assert len(analyses) == 2
    return sorted(analyses, key=lambda a: a.article.id)


@pytest.fixture(scope="module")
def dossier(seed_analyses: list[ArticleAnalysis]) -> Dossier:
    [story] = build_collection(seed_analyses).stories
    return story


def _overlaps(ev: Evidence, texts: dict[str, str], article: str, wanted: str) -> bool:
    at = texts[article].find(wanted)
    assert at >= 0, f"gold evidence not found in {article}: {wanted!r}"
    return ev.article == article and ev.start < at + len(wanted) and at < ev.end


def _supports(fact: Fact, texts: dict[str, str], article: str, wanted: list[str]) -> bool:
    return any(_overlaps(ev, texts, article, w) for ev in fact.evidence for w in wanted)


def _texts(analyses: list[ArticleAnalysis]) -> dict[str, str]:
    return {a.article.id: a.article.text for a in analyses}


def _covers(variant: str, gold_text: str) -> bool:
    """The gold rule for quotes: 80% of the words of one are in the other."""
    a, b = set(variant.lower().split()), set(gold_text.lower().split())
    return len(a & b) >= 0.8 * min(len(a), len(b))


def test_quote_alignments_are_one_statement_each(dossier: Dossier, gold: dict) -> None:
    quotes = {name: art["quotes"] for name, art in gold["articles"].items()}
    missed = []
    for pair in gold["quote_alignments"]:
        (art_a, n_a), (art_b, n_b) = pair["a"], pair["b"]
        text_a, text_b = quotes[art_a][n_a]["text"], quotes[art_b][n_b]["text"]
        found = any(
            any(v.article == art_a and _covers(v.text, text_a) for v in st.variants)
            and any(v.article == art_b and _covers(v.text, text_b) for v in st.variants)
            for st in dossier.statements
        )
        if not found:
            missed.append((text_a, text_b))
    assert not missed


def test_corroborated_facts(dossier: Dossier, gold: dict, seed_analyses) -> None:
    texts = _texts(seed_analyses)
    missed = []
    for item in gold["facts"]["corroborated"]:
        ok = any(
            f.status == "corroborated"
            and all(_supports(f, texts, art, evs) for art, evs in item["evidence"].items())
            for f in dossier.facts
        )
        if not ok:
            missed.append(item["fact"])
    assert not missed


def test_single_source_facts(dossier: Dossier, gold: dict, seed_analyses) -> None:
    texts = _texts(seed_analyses)
    right, corroborated = 0, []
    for item in gold["facts"]["single_source"]:
        ((art, evs),) = item["evidence"].items()
        touching = [f for f in dossier.facts if _supports(f, texts, art, evs)]
        if any(f.status == "corroborated" for f in touching):
            corroborated.append(item["fact"])
        if any(f.status == "single-source" and f.evidence[0].article == art for f in touching):
            right += 1
    assert not corroborated
    assert right >= 7


def test_no_fact_is_conflicting(dossier: Dossier) -> None:
    assert [f.text for f in dossier.facts if f.status == "conflicting"] == []


def test_evidence_is_anchored(dossier: Dossier, seed_analyses) -> None:
    texts = _texts(seed_analyses)
    spans = [ev for f in dossier.facts for ev in f.evidence]
    spans += [v for st in dossier.statements for v in st.variants]
    spans += [ev for entry in dossier.timeline for ev in entry.evidence]
    assert spans
    assert all(texts[ev.article][ev.start : ev.end] == ev.text for ev in spans)


def test_events_reported_by_both_outlets_are_counted_once(dossier: Dossier, gold: dict) -> None:
    """Putin's refusal to attend, written with his name by one outlet and as "the Russian
    leader" by the other, is one REJECT event with two independent sources."""
    [putin] = [name for name in gold["people"] if name.endswith("Putin")]
    [refusal] = [e for e in dossier.events if e.code == "REJECT" and e.actor_name == putin]
    assert refusal.sources == 2 and len({m.article for m in refusal.mentions}) == 2
    for event in dossier.events:
        assert event.articles == len({m.article for m in event.mentions})
        assert event.sources <= event.articles
