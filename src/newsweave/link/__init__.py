"""Canonical entities across articles: one person, organisation or place per real one.

``Linker.add(analysis)`` links one article at a time; ``apply_links`` writes the ids into the
analysis; ``Linker.entities()`` and ``Linker.evidence(id)`` are what to store and show.
"""

from __future__ import annotations

from newsweave.link.clusters import KINDS
from newsweave.link.linker import Linker, apply_links, kind_of
from newsweave.records import LinkEvidence

__all__ = ["KINDS", "LinkEvidence", "Linker", "apply_links", "kind_of"]
