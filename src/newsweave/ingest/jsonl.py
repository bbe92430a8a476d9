"""JSON Lines: one article per line with ``id``, ``text`` and optional metadata.

The text may also be under ``body``, ``content``, ``maintext`` (news-please) or
``article``. The metadata keys are those of a plain-text header (``ingest/text.py``):
``published`` or ``date`` / ``published_at`` / ``date_publish``, ``outlet`` or ``source`` /
``publisher``, ``title`` or ``headline``, ``url`` or ``link``, in any case; a canonical key
wins over its other names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.text import HEADER_KEYS


def parse_jsonl(text: str, *, source: str) -> Iterator[dict[str, Any] | InputError]:
    """Yield each line's fields, or an ``InputError`` naming the line, and go on."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"line {lineno} is not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield InputError(where, f"line {lineno} is JSON nested too deeply to be an article")
            continue
        if not isinstance(record, dict):
            yield InputError(where, f"line {lineno} is not a JSON object")
            continue
        record = _named(record)
        text_value = record.get("text")
        if not isinstance(text_value, str) or not text_value.strip():
            yield InputError(where, f"line {lineno} has no 'text' (or 'body', 'content') string")
            continue
        record.setdefault("id", f"{source.rsplit('/', 1)[-1]}:{lineno}")
        record["id"] = str(record["id"])
        record["_source"] = where
        yield record


#: Other names of the article's text in exported news data.
_TEXT_KEYS = {name: "text" for name in ("body", "content", "maintext", "article", "full_text")}


def _named(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with each metadata key under the name the article takes (``date`` ->
    ``published``), unless the record also has that name itself."""
    named = dict(record)
    for key, value in record.items():
        field = HEADER_KEYS.get(key.lower()) or _TEXT_KEYS.get(key.lower())
        if field is not None and field not in record:
            named.setdefault(field, value)
    return named
