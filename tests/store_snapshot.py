"""Everything an ingest leaves in a store, as plain data, and where two such differ: for the
tests that run one ingest two ways (Ray, processes) and expect the same store."""

from __future__ import annotations

import dataclasses
from typing import Any

from newsweave.export.json import article_to_json
from newsweave.pipeline import IngestReport
from newsweave.store import Store


def snapshot(store: Store, report: IngestReport) -> dict[str, Any]:
    """Everything an ingest leaves, as plain data: the report, every article's analysis (the
    output contract), the entities with their evidence, the stories with members and dossier."""
    keys = sorted(store.article_keys())
    entities = sorted((e.as_dict() for e in store.entities()), key=lambda e: str(e["id"]))
    stories = sorted(store.stories(limit=10_000), key=lambda s: s.id)
    return {
        "report": dataclasses.asdict(report),
        "articles": {a.article.key: article_to_json(a) for a in store.analyses(keys)},
        "entities": entities,
        "evidence": {e["id"]: store.entity_evidence(str(e["id"])) for e in entities},
        "stories": [
            {
                "row": dataclasses.asdict(s),
                "members": store.story_members(s.id),
                "dossier": store.dossier(s.id),
            }
            for s in stories
        ],
        "stale": store.stale_stories(),
    }


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two plain values first differ (a short message; pytest's diff of two whole
    stores would be unreadable), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a.keys() ^ b.keys(), key=str)[:5]} in one only"
        found = (first_difference(a[k], b[k], f"{path}.{k}") for k in a)
        return next((d for d in found if d), None)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        if len(a) != len(b):
            return f"{path}: {len(a)} items against {len(b)}"
        pairs = enumerate(zip(a, b, strict=True))
        found = (first_difference(x, y, f"{path}[{i}]") for i, (x, y) in pairs)
        return next((d for d in found if d), None)
    return None if a == b else f"{path}: {a!r:.200} against {b!r:.200}"
