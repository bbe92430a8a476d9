"""Bytes to text: UTF-8 first (with or without BOM), then a real charset detector."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# A lead byte followed by the right number of continuation bytes: proof the file meant UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class DecodeError(ValueError):
    """The bytes are not text newsweave can read; the message says why."""


def decode(data: bytes) -> str:
    """Decode an article file's bytes, or raise ``DecodeError`` with a one-line reason."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            # Valid UTF-8 sequences beside broken ones: a damaged UTF-8 file, not another
            # encoding. Guessing would silently corrupt the text.
            raise DecodeError(f"invalid UTF-8 at byte {exc.start}") from exc
        return _detect(data, exc)


def _detect(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    best = charset_normalizer.from_bytes(data).best()
    text = str(best) if best is not None else None
    if text is None or not _looks_like_text(text):
        raise DecodeError(
            f"invalid UTF-8 at byte {utf8_error.start} and no other text encoding fits"
        ) from utf8_error
    return text


def _looks_like_text(text: str) -> bool:
    """Most characters of an article are letters, digits, spaces or punctuation."""
    if not text:
        return False
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
    letters = sum(1 for c in text if c.isalpha())
    return control == 0 and letters >= 0.5 * len(text.replace(" ", "").replace("\n", "") or "x")
