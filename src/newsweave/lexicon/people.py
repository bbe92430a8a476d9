"""Nouns for people: the heads of titles ("minister", "actress") and a closed list of the other
nouns news uses for a person ("inmate", "teenager", "victim").

A closed list, not a suffix rule: "-er" and "-ent" also end "water" and "statement".
"""

from __future__ import annotations

from newsweave.lexicon import word_set
from newsweave.lexicon.titles import is_head

__all__ = ["PERSON_NOUNS", "is_person_noun"]

#: Nouns for people that head no title.
PERSON_NOUNS = word_set(
    """
    teen teenager boy girl child kid baby mom mum dad son daughter wife husband brother sister
    aunt uncle nephew niece cousin grandson granddaughter widow bride groom fiance fiancee
    friend star icon legend idol boss chief coach deputy inmate convict suspect victim thief
    guard cop pilot chef monk nun priest poet artist athlete mafioso mobster gangster veteran
    hero heroine rookie captain lifer
    """
)


def is_person_noun(noun: str) -> bool:
    """Whether the lower-case ``noun`` names a person: a title's head or a noun of the list."""
    return is_head(noun) or noun in PERSON_NOUNS
