"""What the project knows about words, in one place below every stage.

- ``names``: the normal form of a name, its words, surname and sound key, and whether two
  given names agree ("the U.K." -> "uk", "Sergey" ~ "Sergei");
- ``countries``: the short forms news writes for countries ("UK", "Türkiye"), demonyms
  ("French" -> FR) and the shape of a nationality word;
- ``titles``: the words of titles and roles ("Prime Minister", "Sen.", "Mr.");
- ``people``: nouns for people ("inmate", "teenager", a title's head);
- ``grammar``: pronoun sets and the dependency labels of a subject.

Every module of the package uses these; none of them imports anything of the package but the
standard library, ``countryinfo`` and ``word_set`` here.
"""

from __future__ import annotations

__all__ = ["word_set"]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a long literal, as a set."""
    return frozenset(text.split())
