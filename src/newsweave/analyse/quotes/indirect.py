"""Indirect quotes: a reporting verb with a clausal complement ("Starmer said that ..."), and
the clause that "according to X" hangs on ("According to police, the man was arrested").

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
        for a, b in _reported(token):
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


def _reported(cue: Token) -> Iterator[tuple[int, int]]:
    """Token ranges of what ``cue`` reports: its complement clauses, or for "according to"
    the clause it modifies, on the longer side of the phrase."""
    if cue.lemma_.lower() == "accord":
        if cue.dep_ != "prep" or cue.head.pos_ not in ("VERB", "AUX"):
            return
        clause = cue.head
        a, b = clause.left_edge.i, clause.right_edge.i + 1
        phrase_start, phrase_end = cue.left_edge.i, cue.right_edge.i + 1
        before, after = (a, phrase_start), (phrase_end, b)
        yield after if after[1] - after[0] >= before[1] - before[0] else before
        return
    for child in cue.children:
        if child.dep_ != "ccomp":
            continue
        a, b = child.left_edge.i, child.right_edge.i + 1
        if child.i < cue.i:
            b = min(b, cue.i)
        yield a, b
