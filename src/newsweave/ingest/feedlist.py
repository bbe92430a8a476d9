"""The feeds a user follows, as a file: one URL per line (``#`` starts a comment), or the OPML
export every feed reader writes (each ``outline`` with an ``xmlUrl``)."""

from __future__ import annotations

from pathlib import Path

import defusedxml
import defusedxml.ElementTree

from newsweave.errors import InputError

__all__ = ["read_feed_list"]


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs in ``path``, in order, each once; ``InputError`` (naming the file) for a
    file that is neither form or names no feed."""
    data = path.read_bytes()
    if data.lstrip()[:5] in (b"<?xml", b"<opml"):
        urls = _opml(data, path)
    else:
        lines = (line.split("#", 1)[0].strip() for line in _text(data, path).splitlines())
        urls = [line for line in lines if line]
        bad = next((u for u in urls if not u.startswith(("http://", "https://"))), None)
        if bad is not None:
            raise InputError(str(path), f"{bad[:80]!r} is not an http(s) URL")
    if not urls:
        raise InputError(str(path), "no feed URLs in it")
    return list(dict.fromkeys(urls))


def _opml(data: bytes, path: Path) -> list[str]:
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except (defusedxml.DefusedXmlException, SyntaxError) as exc:
        raise InputError(str(path), f"not a readable OPML file ({exc})") from None
    return [url for node in root.iter("outline") if (url := (node.get("xmlUrl") or "").strip())]


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
