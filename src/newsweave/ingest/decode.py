"""Bytes to text: UTF-8 first (with or without BOM), then a charset detector, then, where the
detector cannot tell single-byte encodings apart, the one whose letters fit a language.

A text that is not UTF-8 is a guess whatever is done, so the result says which encoding was
used and whether it was proven (a BOM, valid UTF-8) or guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

# A lead byte followed by the right number of continuation bytes: proof the file meant UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# The legacy single-byte encodings news files come in, most common first (the WHATWG reads
# "latin-1" as windows-1252, and so does most of the web): the order breaks ties of fit.
SINGLE_BYTE = (
    "windows-1252",
    "iso-8859-15",
    "windows-1250",
    "iso-8859-2",
    "windows-1257",
    "windows-1254",
    "windows-1251",
    "koi8-r",
    "windows-1253",
)

# The letters beyond ASCII that each language writes. A decoding whose letters all belong to
# one language's alphabet fits; one that mixes alphabets ("grčve", "øíkají") is a wrong guess.
ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíñóúü",
    "Portuguese": "àáâãçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Dutch": "éèëïöü",
    "Nordic": "åæøäöéáíóúýðþ",
    "Polish": "ąćęłńóśźż",
    "Czech and Slovak": "áäčďéěíĺľňóôŕřšťúůýž",
    "Hungarian": "áéíóöőúüű",
    "Croatian and Slovene": "čćđšž",
    "Romanian": "ăâîșțşţ",
    "Turkish": "çğıöşüâî",
    "Baltic": "āčēģīķļņšūžąęėįųõäöü",
    "Cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѓќѕ",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
}


#: A decoding whose unusual characters are mostly not one language's letters is noise.
MIN_FIT = 0.8


class DecodeError(ValueError):
    """The bytes are not text newsweave can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True when no BOM or valid UTF-8 proved the encoding


def decode(data: bytes) -> Decoded:
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
                return Decoded(data.decode(encoding), encoding, guessed=False)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not a text article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", guessed=False)
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            # Valid UTF-8 sequences beside broken ones: a damaged UTF-8 file, not another
            # encoding. Guessing would silently corrupt the text.
            raise DecodeError(f"invalid UTF-8 at byte {exc.start}") from exc
        return _guess(data, exc)


def _guess(data: bytes, utf8_error: UnicodeDecodeError) -> Decoded:
    """A multi-byte encoding the detector finds (Shift JIS, GB18030...) is taken as it is;
    single-byte encodings all decode anything, so among them the best language fit wins."""
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and len(str(best)) < len(data) and _one_script_per_word(str(best)):
        return Decoded(str(best), codecs.lookup(best.encoding).name, guessed=True)
    candidates = []
    for rank, encoding in enumerate(SINGLE_BYTE):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        fit = language_fit(text)
        if fit >= MIN_FIT and _looks_like_text(text):
            candidates.append((-fit, rank, encoding, text))
    if not candidates:
        raise DecodeError(
            f"invalid UTF-8 at byte {utf8_error.start} and no other text encoding fits"
        ) from utf8_error
    _, _, encoding, text = min(candidates)
    return Decoded(text, encoding, guessed=True)


def language_fit(text: str) -> float:
    """The share of the letters and symbols beyond ASCII that are letters of one language's
    alphabet (1.0: all; a text with none fits perfectly). Punctuation (curly quotes, dashes)
    is left out: every encoding has it. Symbols ("¹", "±") count against: a wrong decoding
    turns letters into them."""
    unusual = [c.lower() for c in text if ord(c) > 127 and unicodedata.category(c)[0] in "LSN"]
    if not unusual:
        return 1.0
    fitting = max(sum(c in letters for c in unusual) for letters in ALPHABETS.values())
    return fitting / len(unusual)


def _mostly_utf8(data: bytes) -> bool:
    """Most bytes beyond ASCII form valid UTF-8 sequences (a few do by chance in any
    other encoding)."""
    high = sum(b >= 0x80 for b in data)
    return sum(len(m) for m in _UTF8_MULTIBYTE.findall(data)) >= 0.5 * high


def _one_script_per_word(text: str) -> bool:
    """A multi-byte decoding is text: it looks like text, and its letters beyond Latin are
    rarely glued to ASCII letters (misread Western text gives "gr鋦e")."""
    if not _looks_like_text(text):
        return False
    foreign = [i for i, c in enumerate(text) if c.isalpha() and not _latin(c)]
    glued = sum(
        1
        for i in foreign
        for j in (i - 1, i + 1)
        if 0 <= j < len(text) and text[j].isascii() and text[j].isalpha()
    )
    return glued <= 0.25 * len(foreign)


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _looks_like_text(text: str) -> bool:
    """Most characters of an article are letters, digits, spaces or punctuation."""
    if not text:
        return False
    control = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t") or 0x80 <= ord(c) < 0xA0)
    letters = sum(1 for c in text if c.isalpha())
    return control == 0 and letters >= 0.5 * len(text.replace(" ", "").replace("\n", "") or "x")
