"""How two wordings of one statement differ, word by word."""

from __future__ import annotations

import difflib
import re

from newsweave.records import Difference

__all__ = ["differences", "sentences_of", "word_containment"]

_WORD = re.compile(r"\S+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[“\"'‘A-Z0-9\[])")
_EDGE = "\"'“”‘’.,;:!?()[]"


def _norm(word: str) -> str:
    return word.strip(_EDGE).lower().replace("’", "'")


def differences(base: str, other: str, *, variant: int) -> list[Difference]:
    """The word-level changes that turn ``base`` into ``other`` (punctuation and case ignored)."""
    a, b = _WORD.findall(base), _WORD.findall(other)
    matcher = difflib.SequenceMatcher(
        a=[_norm(w) for w in a], b=[_norm(w) for w in b], autojunk=False
    )
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out.append(Difference(variant, op, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def sentences_of(text: str) -> list[str]:
    """A quotation cut into its sentences (a statement may be quoted one sentence at a time)."""
    return [s for s in _SENTENCE.split(text.strip()) if s.strip()]


def word_containment(part: str, whole: str) -> float:
    """The share of ``part``'s words that ``whole`` also has (1.0 for a fragment of it)."""
    words = [_norm(w) for w in _WORD.findall(part)]
    words = [w for w in words if w]
    if not words:
        return 0.0
    have = {_norm(w) for w in _WORD.findall(whole)}
    return sum(w in have for w in words) / len(words)
