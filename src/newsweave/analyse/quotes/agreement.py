"""Whether a person can be the "he" or "she" of a cue: the genders must not disagree.

A person whose gender is not known (``entities.genders``) agrees with either pronoun.
"""

from __future__ import annotations

from newsweave.analyse.entities.genders import Gender, gender_of

#: The gender each third-person pronoun asks of its antecedent.
PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "him": "m", "she": "f", "her": "f"}


def agrees(pronoun: str, name: str, role: str = "") -> bool:
    """Whether ``pronoun`` can stand for the person called ``name`` (with ``role``)."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    known = gender_of(name, role)
    return wanted is None or known is None or known == wanted
