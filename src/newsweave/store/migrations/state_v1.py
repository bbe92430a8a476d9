"""The story grouper's saved state, format 1: zlib-compressed JSON, ``bytes`` as
``{"$b64": "..."}``.

Frozen: the migrations that read or write this format import it, so it must never change. A
new format is a new module (``state_v2``) and a migration that converts; the store then points
``encode_state``/``decode_state`` at the new one.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

__all__ = ["decode", "encode"]


def encode(state: dict[str, Any]) -> bytes:
    """Plain data with ``bytes`` inside, as compressed JSON (bytes become base64 strings)."""

    def bytes_as_text(value: object) -> object:
        if isinstance(value, bytes):
            return {"$b64": base64.b64encode(value).decode("ascii")}
        raise TypeError(f"cannot store {type(value).__name__}")

    return zlib.compress(json.dumps(state, default=bytes_as_text).encode("utf-8"))


def decode(data: bytes) -> dict[str, Any]:
    """The plain data ``encode`` stored."""

    def text_as_bytes(obj: dict[str, Any]) -> object:
        return base64.b64decode(obj["$b64"]) if obj.keys() == {"$b64"} else obj

    state: dict[str, Any] = json.loads(zlib.decompress(data), object_hook=text_as_bytes)
    return state
