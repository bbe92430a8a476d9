"""Facts: the story's claim units aligned across articles, each with its support.

Two units of two articles may state one claim when their sentence embeddings are close (the
compared text leaves out quotations and attributions, so that "the mayor said" does not make
all of a mayor's claims alike). A claim is stated once per article, so a fact takes at most
one unit of each article, links are taken best first, and a fact of three or more units
keeps a mean closeness across its articles: one weak link cannot pull in a sentence about
something else. A fact reported by two or more independent sources is ``corroborated``, by
one ``single-source``, and ``conflicting`` when its sources disagree on a number, a date or
who said it (see ``conflicts``). The thresholds were chosen on the claims corpus's first two
stories and our own examples, and checked on the corpus's third story (docs/evaluation.md,
"Claims").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from newsweave.fuse.conflicts import find_conflict
from newsweave.fuse.groups import cohesive_groups
from newsweave.fuse.similarity import Embedder
from newsweave.fuse.sources import Sources
from newsweave.fuse.timeline import Dated
from newsweave.fuse.units import Unit
from newsweave.records import ArticleAnalysis, Evidence, Fact

__all__ = ["THRESHOLD", "align_facts", "link_units"]

#: The cosine from which two units of two articles may state one claim.
THRESHOLD = 0.55
#: The mean cosine a fact of three or more units keeps across its articles.
COHESION = 0.4
#: Each name two units share beyond ``COMMON_NAMES`` adds ``NAME_BONUS`` to their closeness.
COMMON_NAMES = 3
NAME_BONUS = 0.1


def link_units(
    units: Sequence[Unit], embedder: Embedder, *, threshold: float = THRESHOLD
) -> list[list[int]]:
    """Groups of unit indices that state the same claim (each group in text order)."""
    articles = sorted({u.article for u in units})
    if len(articles) < 2:  # claims align only across articles: spare the embedding
        return [[i] for i in range(len(units))]
    scores = _closeness(units, embedder([u.text for u in units]))
    columns = {a: np.array([i for i, u in enumerate(units) if u.article == a]) for a in articles}

    def links() -> Iterator[tuple[float, int, int]]:
        for article, cols in columns.items():
            block = scores[:, cols]
            best = block.argmax(axis=1)
            for i, unit in enumerate(units):
                if unit.article != article and block[i, best[i]] >= threshold:
                    yield float(block[i, best[i]]), i, int(cols[best[i]])

    articles_of = [u.article for u in units]
    one_unit_each = range(len(units))  # every unit its own passage: one per article and fact
    return cohesive_groups(articles_of, links(), scores, cohesion=COHESION, passages=one_unit_each)


def _closeness(units: Sequence[Unit], vectors: np.ndarray) -> np.ndarray:
    """The cosine of every pair of units, raised for units that name many of the same
    participants: a list of who met whom is worded as names, which the embedding weighs
    little; two or three shared names are common to claims about different things."""
    names = {k: n for n, k in enumerate({k for u in units for k in u.entities})}
    named = np.zeros((len(units), len(names)), dtype=np.float32)
    for row, unit in enumerate(units):
        named[row, [names[k] for k in unit.entities]] = 1.0
    shared = named @ named.T
    return np.asarray(vectors @ vectors.T) + NAME_BONUS * np.maximum(0.0, shared - COMMON_NAMES)


def align_facts(
    units_by_article: Mapping[str, Sequence[Unit]],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    embedder: Embedder,
    *,
    times: Mapping[str, Sequence[Dated]],
    threshold: float = THRESHOLD,
) -> list[Fact]:
    """The story's facts, best supported first, with ids ``f1``, ``f2``, ...

    Args:
        units_by_article: each article's claim units, articles in story order.
        analyses: the analyses by article id.
        sources: independence keys and outlet names.
        embedder: sentence embeddings (``newsweave.embed.embed``).
        times: each article's resolved time expressions ``(start, end, value)``.
        threshold: the similarity above which two units state the same claim.
    """
    order = {a: n for n, a in enumerate(units_by_article)}
    units = [u for us in units_by_article.values() for u in us]
    facts = []
    for group in link_units(units, embedder, threshold=threshold):
        members = sorted((units[i] for i in group), key=lambda u: (order[u.article], u.start))
        facts.append(_fact(members, analyses, sources, times))
    facts.sort(key=lambda f: (-f.sources, order[f.evidence[0].article], f.evidence[0].start))
    return [_numbered(f, n) for n, f in enumerate(facts, 1)]


def _fact(
    members: list[Unit],
    analyses: Mapping[str, ArticleAnalysis],
    sources: Sources,
    times: Mapping[str, Sequence[Dated]],
) -> Fact:
    evidence = tuple(
        Evidence(
            u.article,
            u.start,
            u.end,
            analyses[u.article].article.text[u.start : u.end],
            sources.outlet(u.article),
        )
        for u in members
    )
    articles = [u.article for u in members]
    count = sources.count(articles)
    outlets = tuple(dict.fromkeys(sources.outlet(a) for a in articles))
    conflict = find_conflict(members, analyses, sources, times) if count > 1 else None
    if conflict is not None:
        # Name the fact by what is disputed: the first side's sentence.
        return Fact(
            conflict[1][0].evidence[0].text,
            "conflicting",
            outlets,
            evidence,
            sources=count,
            conflict=conflict[0],
            sides=conflict[1],
        )
    if count > 1:
        return Fact(evidence[0].text, "corroborated", outlets, evidence, sources=count)
    return Fact(evidence[0].text, "single-source", outlets, evidence, sources=count)


def _numbered(fact: Fact, n: int) -> Fact:
    from dataclasses import replace

    return replace(fact, id=f"f{n}")
