"""Keys that let the same person, organisation or place match across articles.

The canonical entity id wins when linking has given one; otherwise a folded form of the written
name: surnames for people (so "Zelenskyy" and "Volodymyr Zelensky" meet), countries for their
demonyms ("French" is France), and the usual short forms of a few countries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from newsweave.records import EntityMention

__all__ = ["EntityOf", "fold", "mention_key", "same_person"]

#: ``entity_of(article_id, mention)`` -> canonical entity id or None (from the linker).
EntityOf = Callable[[str, EntityMention], "str | None"]

#: Demonyms and short forms news text uses for a country: all fold to one key.
_COUNTRY = {
    "french": "france",
    "german": "germany",
    "british": "uk",
    "u.k.": "uk",
    "uk": "uk",
    "britain": "uk",
    "united kingdom": "uk",
    "great britain": "uk",
    "english": "uk",
    "polish": "poland",
    "russian": "russia",
    "russians": "russia",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "american": "us",
    "americans": "us",
    "u.s.": "us",
    "us": "us",
    "usa": "us",
    "united states": "us",
    "america": "us",
    "italian": "italy",
    "spanish": "spain",
    "chinese": "china",
    "japanese": "japan",
    "turkish": "turkey",
    "türkiye": "turkey",
    "turkiye": "turkey",
    "israeli": "israel",
    "iranian": "iran",
    "indian": "india",
    "canadian": "canada",
    "dutch": "netherlands",
    "belgian": "belgium",
    "swedish": "sweden",
    "finnish": "finland",
    "norwegian": "norway",
    "danish": "denmark",
    "european": "europe",
    "europeans": "europe",
    "albanian": "albania",
    "emirati": "uae",
    "u.a.e.": "uae",
    "united arab emirates": "uae",
    "greek": "greece",
    "swiss": "switzerland",
    "austrian": "austria",
    "czech": "czechia",
    "hungarian": "hungary",
    "romanian": "romania",
    "palestinian": "palestine",
    "egyptian": "egypt",
    "syrian": "syria",
    "korean": "korea",
    "mexican": "mexico",
    "brazilian": "brazil",
    "australian": "australia",
}
#: The countries themselves, as folded names ("France" -> "france").
_COUNTRY_NAMES = frozenset(_COUNTRY.values())
_PERSON_LABELS = {"PERSON"}


def fold(text: str) -> str:
    """Lower case, accents, a leading "the" and punctuation off."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^the\s+|['’]s$", "", text.strip())
    return " ".join(re.sub(r"[^\w\s.-]", "", text).split())


def _surname(name: str) -> str:
    """The last word, doubled letters single: "Zelenskyy" and "Zelensky" are one spelling."""
    return re.sub(r"(\w)\1+", r"\1", name.split()[-1].rstrip("."))


def mention_key(article: str, mention: EntityMention, *, entity_of: EntityOf | None = None) -> str:
    """The key under which a mention matches mentions of the same thing in other articles.

    Countries and their demonyms share one key first ("French" = "France"): the linker keeps
    the group and the place apart, which is right for entities but not for comparing claims.
    """
    name = (mention.name or mention.text).strip()
    lowered = " ".join(name.lower().split()).removeprefix("the ")
    if lowered in _COUNTRY:
        return "~" + _COUNTRY[lowered]
    if fold(name) in _COUNTRY_NAMES:
        return "~" + fold(name)
    if mention.entity:
        return mention.entity
    if entity_of is not None and (linked := entity_of(article, mention)):
        return linked
    folded = fold(name)
    if mention.label in _PERSON_LABELS and folded:
        return "~" + _surname(folded)
    return "~" + folded


def same_person(a: str, b: str) -> bool:
    """Whether two written person names can be one person: same surname, compatible first names."""
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb or _surname(fa[-1]) != _surname(fb[-1]):
        return False
    if len(fa) > 1 and len(fb) > 1:
        return fa[0][0] == fb[0][0]
    return True
