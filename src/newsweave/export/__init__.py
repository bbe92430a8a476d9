"""Exports: the JSON output contract, Markdown and HTML dossiers, terminal renderings."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsweave.records import Dossier, from_plain

FORMATS = ("json", "md", "html")


def render_dossier_as(fmt: str, dossier: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """A stored dossier (contract form) rendered as ``json``, ``md`` or ``html``."""
    if fmt == "json":
        return json.dumps(dossier, ensure_ascii=False, indent=2)
    record = from_plain(Dossier, dossier)
    if fmt == "md":
        from newsweave.export.markdown import dossier_markdown

        return dossier_markdown(record, texts=texts)
    if fmt == "html":
        from newsweave.export.html import dossier_html

        return dossier_html(record, texts=texts)
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
