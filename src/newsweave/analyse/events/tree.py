"""Lookups in the dependency parse shared by the event steps: a verb's subject, the objects
of the prepositions hanging on a word, the people a count stands for."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsweave.analyse.events.lexicon import QUANTITIES

__all__ = ["counted", "prep_objects", "subject"]


def prep_objects(heads: Iterable[Token], preps: frozenset[str]) -> list[Token]:
    """The objects of the ``preps`` phrases ("with", "against", ...) hanging on ``heads``."""
    return [
        pobj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def subject(verb: Token) -> Token | None:
    """The subject nearest before the verb ("MARROWGATE — A fire ... killed": the fire)."""
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "csubj")]
    return subjects[-1] if subjects else None


def counted(token: Token | None) -> Token | None:
    """The people a count stands for: "tens of thousands of students" -> students, "a group of
    refugees" -> refugees, "200 of the strikers" -> strikers."""
    while token is not None and (token.lemma_.lower() in QUANTITIES or token.pos_ == "NUM"):
        pobjs = prep_objects([token], frozenset({"of"}))
        if not pobjs:
            break
        token = pobjs[0]
    return token
