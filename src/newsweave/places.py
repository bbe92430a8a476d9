"""Places by name: which GeoNames entry a toponym denotes, in the context of its article.

A name can denote several places (Donetsk in Ukraine and in Russia; Moscow, Russia and Moscow,
Idaho): ``candidates`` lists them from the offline gazetteer (``newsweave.gazetteer``) and
``choose`` picks one in a ``Context``, what the article says around the name
(``link.toponyms`` builds it), then by population.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave import gazetteer
from newsweave.gazetteer import Place
from newsweave.lexicon.countries import continent_adjective, demonym_countries
from newsweave.lexicon.names import norm

__all__ = [
    "Context",
    "Place",
    "candidates",
    "choose",
    "demonym_place",
    "distance_km",
    "inside",
    "known_place",
    "lookup",
    "region_abbreviation",
]

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

#: Canadian provinces and territories as Canadian news style abbreviates them ("Nelson, B.C.").
_PROVINCE_ABBREVIATIONS = {
    "alta": "AB", "bc": "BC", "man": "MB", "nb": "NB", "nfld": "NL", "nl": "NL", "ns": "NS",
    "nwt": "NT", "ont": "ON", "pei": "PE", "que": "QC", "sask": "SK", "yt": "YT",
}  # fmt: skip

#: A state or town this large is well known (``known_place``).
_WELL_KNOWN = 15_000

#: How many times larger a world city must be to win over a town the article's country suggests.
_FAME = 10

#: A city this large is meant by its name rather than a same-named region of its country.
_BIG_CITY = 500_000

#: A town this close to one of the article's other towns is where the article is set, even
#: when its first-level division is as large as England.
_NEAR_KM = 250.0


@dataclass(frozen=True)
class Context:
    """What the rest of an article says about where a name lies.

    Attributes:
        countries: ISO codes of the countries the article names, or of the states it names.
        regions: ``(country, admin1)`` of the first-level divisions it names ("Ohio").
        nearby: ``(country, admin1)`` of its other towns' and counties' likeliest readings (a
            weaker hint: "Atlanta" suggests Georgia, US; "Lincolnshire" England).
        within: what the text writes right after the name ("Alexandria, La."): the name is
            one of the places inside it, when the gazetteer has one.
        points: (latitude, longitude) of those other towns and counties.
        set_in: ``(country, admin1)`` of the states written after the article's towns
            ("Camp Zxq, Wash."): the article is set there.
    """

    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()
    nearby: frozenset[tuple[str, str | None]] = frozenset()
    within: tuple[Place, ...] = ()
    points: frozenset[tuple[float, float]] = frozenset()
    set_in: frozenset[tuple[str, str]] = frozenset()


def candidates(name: str) -> list[Place]:
    """Every gazetteer entry ``name`` may denote (empty when the gazetteer has none)."""
    return list(gazetteer.entries(norm(name)))


def inside(place: Place, container: Place) -> bool:
    """Whether ``place`` lies in ``container`` (a country or a first-level division)."""
    same = (place["feature"], place["geonames_id"]) == (
        container["feature"],
        container["geonames_id"],
    )
    if same or place["country"] != container["country"]:
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
    set_in = (best["country"], best["admin1"]) in context.set_in
    if best["feature"] == "region" and not contained and not set_in:
        # A region that shares its name with a big city of its country: news means the city
        # unless it writes "the state" or is set in it ("Camp Zxq, Wash.").
        cities = [
            p
            for p in pool
            if p["feature"] == "city"
            and p["country"] == best["country"]
            and p["population"] >= _BIG_CITY
        ]
        best = max(cities, key=rank, default=best)
    local = bool(contained) or _near_the_article(best, context)
    if best["feature"] in ("city", "district") and not local:
        # A country named in the article is weaker evidence than a world city's fame: "London"
        # in a story that names Montana is still London, England, unless Montana's towns are
        # named too; and so is a town far from the article's other towns in a division as large
        # as England ("Washington" beside "Cambridge" is the capital, not the English town).
        world = [
            p
            for p in pool
            if p["feature"] == "city"
            and p["population"] >= max(_BIG_CITY, _FAME * best["population"])
        ]
        best = max(world, key=rank, default=best)
    return best


def _near_the_article(place: Place, context: Context) -> bool:
    """Whether the article is set where ``place`` is: in a state it names, or in the division
    of its other towns and near one of them."""
    where = (place["country"], place["admin1"])
    if where in context.regions:
        return True
    if where not in context.nearby:
        return False
    if place["lat"] is None or not context.points:
        return True
    return any(
        distance_km((place["lat"], place["lon"]), point) <= _NEAR_KM for point in context.points
    )


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def lookup(name: str, *, countries: Iterable[str] = ()) -> Place | None:
    """The place ``name`` most likely denotes, or ``None`` when the gazetteer has no such name.

    Args:
        name: the place as written ("the U.K.", "Kyiv", "Donetsk").
        countries: ISO codes of the countries the article mentions; a candidate in one of
            them wins over a more populous one elsewhere.
    """
    return choose(name, candidates(name), Context(countries=frozenset(countries)))


def known_place(name: str) -> Place | None:
    """The well-known place ``name`` most likely denotes: a country, a continent, or a state or
    town of at least 15,000 people, or ``None``.

    What the entity step asks to tell a place from a person: the full gazetteer holds so many
    villages and districts that nearly every given name and surname is one somewhere.
    """
    return choose(name, [p for p in candidates(name) if _well_known(p)])


def _well_known(place: Place) -> bool:
    if place["feature"] in ("country", "continent"):
        return True
    return place["feature"] in ("region", "city") and place["population"] >= _WELL_KNOWN


def region_abbreviation(written: str) -> Place | None:
    """The US state or Canadian province an abbreviation written after a town stands for
    ("La.", "W.Va.", "ID", "B.C.", "Ont.", "NB")."""
    key = norm(written)
    codes = {"US": _STATE_ABBREVIATIONS.get(key), "CA": _PROVINCE_ABBREVIATIONS.get(key)}
    if not any(codes.values()) and len(written) == 2 and written.isupper():
        codes = {"US": written, "CA": written}  # a postal code
    regions = _regions_by_code()
    found = (regions.get(f"{country}-{code}") for country, code in codes.items() if code)
    return next((p for p in found if p is not None), None)


@functools.cache
def _regions_by_code() -> dict[str, Place]:
    """ISO 3166-2 code ("US-OH", "CA-ON") -> the first-level division."""
    return {p["code"]: p for p in gazetteer.of_feature("region") if p["code"]}


@functools.cache
def _demonyms() -> dict[str, Place]:
    """Normalised demonym -> its country (the most populous one that uses it) or continent."""
    countries = {p["country"]: p for p in gazetteer.of_feature("country")}
    found: dict[str, Place] = {}
    for demonym, codes in demonym_countries().items():
        places = [countries[code] for code in codes if code in countries]
        if places:
            found[demonym] = max(places, key=lambda p: p["population"])
    for place in gazetteer.of_feature("continent"):
        found.setdefault(norm(continent_adjective(place["name"])), place)
    return found


def demonym_place(name: str) -> Place | None:
    """The country or continent a demonym names ("Russian" -> Russia), or ``None``."""
    return _demonyms().get(norm(name))
