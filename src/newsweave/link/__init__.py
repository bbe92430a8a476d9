"""Canonical entities across articles: one person, organisation or place per real one.

``Linker.add(analysis)`` links one article at a time; ``apply_links`` writes the ids into the
analysis; ``Linker.entities()`` and ``Linker.evidence(id)`` are what to store and show.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsweave.link.clusters import KINDS
from newsweave.link.linker import Linker, LinkEvidence, apply_links
from newsweave.records import ArticleAnalysis

__all__ = ["KINDS", "LinkEvidence", "Linker", "apply_links", "link_all"]


def link_all(
    analyses: Iterable[ArticleAnalysis], *, linker: Linker | None = None
) -> tuple[list[ArticleAnalysis], Linker]:
    """Link analyses in order; returns them with entity ids set, and the linker that holds
    the canonical entities (a new one unless ``linker`` is given)."""
    linker = linker or Linker()
    return [apply_links(a, linker.add(a)) for a in analyses], linker
