"""Who gives each side of a disagreement, and on which days: a death toll that rises from one
report to the next reads as an update once each side carries its reports' dates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsweave.records import DossierSource, Side

__all__ = ["published_by_article", "side_reporters"]


def published_by_article(sources: Iterable[DossierSource]) -> dict[str, str | None]:
    """Each source article's publication date."""
    return {s.article: s.published for s in sources}


def side_reporters(side: Side, published: Mapping[str, str | None]) -> str:
    """The side's outlets, each with the days of its reports: "Northline News (2026-10-20),
    Ostmark Wire (2026-10-21, 2026-10-22)"."""
    named = []
    for outlet in side.outlets:
        days = sorted(
            {day for e in side.evidence if e.outlet == outlet and (day := published.get(e.article))}
        )
        named.append(f"{outlet} ({', '.join(days)})" if days else outlet)
    return ", ".join(named)
