"""What a story's page shows beside its dossier: who reported what (the matrix of sources and
facts) and when (the coverage), as plain data.

Both follow from the dossier alone, so they are computed once, when the dossier is saved, and
stored with it: built for every request they were most of what a story page cost.
"""

from __future__ import annotations

from typing import Any

from newsweave.export.coverage import story_coverage
from newsweave.export.matrix import story_matrix
from newsweave.records import Dossier, as_plain

__all__ = ["story_views"]


def story_views(dossier: Dossier) -> dict[str, Any]:
    """The matrix and the coverage of a dossier, JSON-ready."""
    return {
        "matrix": as_plain(story_matrix(dossier)),
        "coverage": as_plain(story_coverage(dossier)),
    }
