"""Countries as news writes them: short forms, demonyms and the shape of a nationality word.

Which country a demonym names comes from ``countryinfo`` (a pinned PyPI package, read once);
which gazetteer entry a country is, and so its population, is ``newsweave.places``' business.
"""

from __future__ import annotations

import functools
import re

from countryinfo import all_countries
from countryinfo.exceptions import CountryNotFoundError

from newsweave.lexicon import word_set
from newsweave.lexicon.names import norm

__all__ = [
    "CONTINENT_ALIASES",
    "COUNTRY_ALIASES",
    "DEMONYM_ALIASES",
    "DEMONYM_ENDINGS",
    "continent_adjective",
    "demonym_countries",
    "is_demonym",
    "names_people_of",
]

#: Short forms news writers use for a country that GeoNames does not list as its names, keyed
#: as ``norm`` leaves them ("the U.K." -> "uk"), with the country's ISO code.
COUNTRY_ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "us": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uae": "AE",
    "drc": "CD",
    "south korea": "KR",
    "north korea": "KP",
    "russian federation": "RU",
    "czech republic": "CZ",
    "holland": "NL",
    "netherlands": "NL",
    "ivory coast": "CI",
    "burma": "MM",
    "vatican": "VA",
    "turkiye": "TR",
    "palestine": "PS",
    "soviet union": "RU",  # a former country read as its successor, as GeoNames places it
    "ussr": "RU",
}

#: People's names that news uses for one country although ``countryinfo`` gives them to none
#: ("Korean" for South Korea, whose people countryinfo calls "South Korean"), keyed as ``norm``
#: leaves them.
DEMONYM_ALIASES = {
    "korean": "KR",
}

#: Unions of a continent's countries, placed where their continent is ("EU" -> Europe), keyed as
#: ``norm`` leaves them, with the continent's name.
CONTINENT_ALIASES = {
    "eu": "Europe",
    "european union": "Europe",
    "african union": "Africa",
}

#: How a people's name ends after its country's stem: Velmor-an, Korvath-i, Alden-ian, Chin-ese.
DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i")

#: Nationality words that do not have a demonym's shape, and the unions and countries written
#: as one ("U.S. President", "EU Commissioner"): with the shape, what heads a role.
_IRREGULAR_DEMONYMS = word_set(
    """
    french dutch greek thai swiss british irish welsh scottish english danish swedish finnish
    polish turkish spanish czech slovak kazakh uzbek iraqi israeli pakistani saudi qatari
    kuwaiti omani yemeni emirati afghan european western eastern chinese japanese vietnamese
    portuguese lebanese sudanese senegalese us u.s. uk u.k. eu un nato american mexican german
    african moroccan kenyan cuban venezuelan jamaican dominican ugandan tibetan afghan
    bangladeshi somali kuwaiti bahraini azerbaijani
    """
)
_DEMONYM_SHAPE = re.compile(rf"^[A-Z][a-z]+(?:{'|'.join(DEMONYM_ENDINGS)})$")


def is_demonym(word: str) -> bool:
    """Whether ``word`` reads as a nationality adjective ("Ukrainian", "French", "U.S.")."""
    return word.lower() in _IRREGULAR_DEMONYMS or bool(_DEMONYM_SHAPE.match(word))


def names_people_of(word: str, place: str) -> bool:
    """Whether ``word`` is the people's name of ``place`` (both as ``norm`` leaves them):
    Velmor-an, Korvath-i, Alden-ian, for countries no list knows."""
    stem = place[:-1] if place[-1:] in ("a", "e", "i", "o", "u", "y") else place
    return word != place and word.startswith(stem) and word[len(stem) :] in DEMONYM_ENDINGS


@functools.cache
def demonym_countries() -> dict[str, tuple[str, ...]]:
    """Normalised demonym -> the ISO codes of the countries that use it ("american" -> US, ...)."""
    found: dict[str, tuple[str, ...]] = {}
    for info in all_countries():
        try:
            demonym, code = info.demonym(), info.iso(2)
        except (CountryNotFoundError, KeyError, ValueError):
            continue
        if demonym and isinstance(code, str):
            found[norm(demonym)] = (*found.get(norm(demonym), ()), code)
    for demonym, code in DEMONYM_ALIASES.items():
        found.setdefault(demonym, (code,))
    return found


def continent_adjective(continent: str) -> str:
    """A continent's adjective as English forms it: "-a" takes "n", "-e" takes "an"."""
    return continent + ("an" if continent.endswith("e") else "n")
