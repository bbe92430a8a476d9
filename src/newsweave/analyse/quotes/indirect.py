"""Indirect quotes: a reporting verb with a clausal complement ("Starmer said that ...").

The content is the complement clause (with its "that"), outside quotation marks; a complement
that is mostly a quotation is the direct quote itself and is left to the direct pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsweave.analyse.quotes.cues import is_cue

#: A complement at least this much inside quotation marks is a direct quote, not an indirect one.
MOSTLY_QUOTED = 0.5
MIN_TOKENS = 2


def find_indirect(doc: Doc, inside: list[bool]) -> Iterator[tuple[Token, int, int]]:
    """``(cue, first token, end token)`` of every reported clause outside quotation marks."""
    for token in doc:
        if inside[token.i] or not is_cue(token):
            continue
        for child in token.children:
            if child.dep_ != "ccomp":
                continue
            a, b = child.left_edge.i, child.right_edge.i + 1
            if child.i < token.i:
                b = min(b, token.i)
            while a < b and doc[a].is_punct:
                a += 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
                b -= 1
            if b - a < MIN_TOKENS:
                continue
            quoted = sum(inside[a:b])
            if quoted > MOSTLY_QUOTED * (b - a):
                continue
            yield token, a, b
