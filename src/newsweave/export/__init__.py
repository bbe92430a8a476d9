"""Exports: the JSON output contract, Markdown and HTML dossiers, terminal renderings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from json import dumps  # not `import json`: the submodule newsweave.export.json shadows it
from typing import Any

from newsweave.export.matrix import story_matrix
from newsweave.export.placemap import MapPlace
from newsweave.records import Dossier, as_plain, from_plain

FORMATS = ("json", "md", "html")


def render_dossier_as(
    fmt: str,
    dossier: Mapping[str, Any],
    texts: Mapping[str, str],
    places: Sequence[MapPlace] = (),
) -> str:
    """A stored dossier (contract form) rendered as ``json``, ``md`` or ``html``, with who
    reported what (``story_matrix``) and the story's places and their coordinates
    (``Store.story_entities`` through ``map_places``)."""
    record = from_plain(Dossier, dossier)
    if fmt == "json":
        whole = {**dossier, "matrix": as_plain(story_matrix(record)), "places": as_plain(places)}
        return dumps(whole, ensure_ascii=False, indent=2)
    if fmt == "md":
        from newsweave.export.markdown import dossier_markdown

        return dossier_markdown(record, texts=texts, places=places)
    if fmt == "html":
        from newsweave.export.html import dossier_html

        return dossier_html(record, texts=texts, places=places)
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
