"""Keys that let the same person, organisation or place match across articles.

The canonical entity id wins when linking has given one; otherwise the written name's normal
form (``lexicon.names.norm``): surnames for people (so "Zelenskyy" and "Volodymyr Zelensky"
meet), and one key for a country, its short forms and its people ("French" is France, "the
U.K." is the United Kingdom), read from the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsweave.lexicon.names import name_words, norm
from newsweave.places import candidates, demonym_place
from newsweave.records import EntityMention

__all__ = ["EntityOf", "country_key", "mention_key", "same_person"]

#: ``entity_of(article_id, mention)`` -> canonical entity id or None (from the linker).
EntityOf = Callable[[str, EntityMention], "str | None"]

_PERSON_LABELS = {"PERSON"}
_COUNTRIES = frozenset({"country", "continent"})
_REPEATS = re.compile(r"(\w)\1+")


def country_key(name: str, *, label: str | None = None) -> str | None:
    """The folded name of the country or continent ``name`` is, or names the people of
    ("French", "Russians", "the U.K." -> "united kingdom"); never for a person's name."""
    written = norm(name)
    place = demonym_place(written)
    if place is None and written.endswith("s"):
        place = demonym_place(written[:-1])  # "Russians"
    if place is None and label not in _PERSON_LABELS:
        place = next((p for p in candidates(written) if p["feature"] in _COUNTRIES), None)
    return norm(place["name"]) if place is not None else None


def _surname(name: str) -> str:
    """The surname, doubled letters single: "Zelenskyy" and "Zelensky" are one spelling."""
    words = name_words(name)
    return _REPEATS.sub(r"\1", words[-1]) if words else ""


def mention_key(article: str, mention: EntityMention, *, entity_of: EntityOf | None = None) -> str:
    """The key under which a mention matches mentions of the same thing in other articles.

    Countries and their demonyms share one key first ("French" = "France"): the linker keeps
    the group and the place apart, which is right for entities but not for comparing claims.
    """
    name = (mention.name or mention.text).strip()
    if country := country_key(name, label=mention.label):
        return "~" + country
    if mention.entity:
        return mention.entity
    if entity_of is not None and (linked := entity_of(article, mention)):
        return linked
    folded = norm(name)
    if mention.label in _PERSON_LABELS and folded:
        return "~" + _surname(folded)
    return "~" + folded


def same_person(a: str, b: str) -> bool:
    """Whether two written person names can be one person: same surname, compatible first names."""
    fa, fb = name_words(a), name_words(b)
    if not fa or not fb or _surname(a) != _surname(b):
        return False
    if len(fa) > 1 and len(fb) > 1:
        return fa[0][0] == fb[0][0]
    return True
