"""A headline that gives its speaker before a colon: "Osei: The bridge will not reopen before
spring", "EU: no deal without a border plan".

Only the article's first line counts, only when it reads as a headline (short), and only when
what stands before the colon is a person or an organisation the entity step found ("Update:",
"Live:" and a place, "Ukraine: ...", are labels, not speakers). "Osei camp:" speaks for
Osei's side; the name is the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsweave.records import EntityMention

__all__ = ["headline_claim"]

MAX_HEADLINE_WORDS = 30
MAX_SPEAKER_WORDS = 5
MIN_CLAIM_WORDS = 3
_SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
#: Words after a name that still make it the speaker: "Osei camp:", "Osei aides:".
_SIDE_WORDS = frozenset({"camp", "campaign", "aide", "aides", "allies", "spokesman", "spokeswoman"})
_COLON = re.compile(r"\s*:\s+")


def headline_claim(
    doc: Doc, text: str, entities: Sequence[EntityMention]
) -> tuple[Token, Token, int, int, str] | None:
    """``(colon, speaker, first token, end token, speaker's name)`` of the headline's claim."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    headline = text[:line_end]
    colon = _COLON.search(headline)
    if colon is None or len(headline.split()) > MAX_HEADLINE_WORDS:
        return None
    opening = len(headline) - len(headline.lstrip())
    words = headline[opening : colon.start()].split()
    if not 0 < len(words) <= MAX_SPEAKER_WORDS:
        return None
    name_end = colon.start()
    if words[-1].lower() in _SIDE_WORDS:
        name_end = headline.rindex(words[-1], 0, colon.start()) - 1
    speaker = next(
        (
            e
            for e in entities
            if e.label in _SPEAKER_LABELS and e.start == opening and e.end >= name_end
        ),
        None,
    )
    if speaker is None:
        return None
    claim = doc.char_span(colon.end(), len(headline.rstrip(" .")), alignment_mode="expand")
    mark = doc.char_span(colon.start(), colon.end(), alignment_mode="expand")
    named = doc.char_span(speaker.start, speaker.end)
    if claim is None or mark is None or named is None or len(claim) < MIN_CLAIM_WORDS:
        return None
    colon_token = next((t for t in mark if t.text == ":"), mark[0])
    return colon_token, named.root, claim.start, claim.end, speaker.name or speaker.text
