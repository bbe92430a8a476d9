"""A story's places as a small map: inline SVG drawn from their coordinates, no tiles fetched.

The map is an equirectangular view of the box around the places (a little wider, so the
outermost dots are not cut): the land drawn from the low-resolution country outlines that the
``countryinfo`` package ships, a graticule to read latitude and longitude by, and one dot per
place, sized by how often the story names it. It works offline and in the self-contained
HTML export, and every dot has a text alternative: its ``<title>`` and the list beside it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from countryinfo import all_countries

from newsweave.records import Entity

__all__ = ["PLACE_COLUMNS", "MapPlace", "map_places", "place_cells", "place_map_svg"]

_Project = Callable[[float, float], tuple[float, float]]

WIDTH, HEIGHT = 640, 360
#: The smallest view, in degrees: a story in one city still shows its region around it.
_MIN_SPAN = 2.0
#: Graticule steps to choose from, in degrees: the first that draws at most six lines.
_STEPS = (0.5, 1, 2, 5, 10, 15, 30, 45, 90)
#: Places named on the map itself; the rest are dots with a title.
_LABELLED = 8


@dataclass(frozen=True)
class MapPlace:
    """A place of a story, with where it is and how often the story names it."""

    id: str  # canonical entity id
    name: str
    lat: float
    lon: float
    mentions: int = 1
    articles: int = 1  # articles of the story naming it
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166 alpha-2
    feature: str | None = None  # city, district, region, country or continent


#: The columns of a story's list of places in the exports, ``place_cells`` their values.
PLACE_COLUMNS = (
    "place",
    "feature",
    "country",
    "latitude",
    "longitude",
    "GeoNames",
    "mentions",
    "articles",
)


def place_cells(place: MapPlace) -> list[str]:
    """A place's row of the list of places, as text (``PLACE_COLUMNS``)."""
    return [
        place.name,
        place.feature or "",
        place.country or "",
        f"{place.lat:.4f}",
        f"{place.lon:.4f}",
        str(place.geonames_id or ""),
        str(place.mentions),
        str(place.articles),
    ]


def map_places(named: Iterable[tuple[Entity, int, int]]) -> list[MapPlace]:
    """The places among a story's entities that have coordinates, in the order given.

    Args:
        named: (entity, mentions, articles) of the entities a story names, most named first
            (``Store.story_entities``).
    """
    places = []
    for entity, mentions, articles in named:
        attrs = entity.attributes
        lat, lon = attrs.get("lat"), attrs.get("lon")
        if entity.kind != "PLACE" or lat is None or lon is None:
            continue
        geonames_id = attrs.get("geonames_id")
        places.append(
            MapPlace(
                id=entity.id,
                name=entity.name,
                lat=float(lat),
                lon=float(lon),
                mentions=mentions,
                articles=articles,
                geonames_id=int(geonames_id) if geonames_id is not None else None,
                country=attrs.get("country"),
                feature=attrs.get("feature"),
            )
        )
    return places


def place_map_svg(places: Sequence[MapPlace], *, href: str = "/entities/") -> str:
    """The map of ``places`` as an ``<svg>`` element ("" for no places).

    Args:
        places: the places to draw, most named first (the first ones are labelled).
        href: the link prefix of a place's page; "" draws dots without links.
    """
    if not places:
        return ""
    south, north, west, east = _view(places)
    scale = min(WIDTH / (east - west), HEIGHT / (north - south))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - west) * scale, (north - lat) * scale

    width, height = (east - west) * scale, (north - south) * scale
    parts = [
        f'<svg class="place-map" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-label="Map of {len(places)} place{"" if len(places) == 1 else "s"} of the story">',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#eef4f8"/>',
    ]
    parts.append(_land(south, north, west, east, xy))
    parts += _graticule(south, north, west, east, xy)
    labels: list[_Box] = []
    for rank, place in enumerate(places):
        x, y = xy(place.lat, place.lon)
        radius = 3 + 2 * math.sqrt(place.mentions)
        title = (
            f"{place.name} ({place.lat:.2f}, {place.lon:.2f}): "
            f"named {place.mentions} time{'' if place.mentions == 1 else 's'}"
        )
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#2563eb" '
            f'fill-opacity="0.7" stroke="#1e3a8a"><title>{escape(title)}</title></circle>'
        )
        label = _label_box(x, y, radius, place.name, width)
        if rank < _LABELLED and not any(_overlap(label, other) for other in labels):
            labels.append(label)
            dot += (
                f'<text x="{label[0]:.1f}" y="{label[3] - 2:.1f}" font-size="11" '
                f'fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f"{escape(place.name)}</text>"
            )
        if href:
            link = escape(href + quote(place.id, safe=""))
            dot = f'<a href="{link}" data-place="{escape(place.id)}">{dot}</a>'
        parts.append(dot)
    parts.append("</svg>")
    return "".join(parts)


#: A label's left, top, right and bottom edges, in pixels.
_Box = tuple[float, float, float, float]


def _label_box(x: float, y: float, radius: float, name: str, width: float) -> _Box:
    """Where a dot's name goes: right of the dot, or left of it near the right edge."""
    text_width = 6.2 * len(name)  # about the advance of an 11 px sans-serif letter
    left = x + radius + 2
    if left + text_width > width:
        left = x - radius - 2 - text_width
    return left, y - 7, left + text_width, y + 6


def _overlap(a: _Box, b: _Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _view(places: Sequence[MapPlace]) -> tuple[float, float, float, float]:
    """South, north, west and east edges of the view around ``places``.

    The box around the places, a little wider so no dot is cut, then widened along its short
    side to the map's proportions: a story spread east to west still gets a readable map.
    """
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    lat_span = max(max(lats) - min(lats), _MIN_SPAN) * 1.3
    lon_span = max(max(lons) - min(lons), _MIN_SPAN) * 1.3
    lat_span, lon_span = (
        max(lat_span, lon_span * HEIGHT / WIDTH),
        max(lon_span, lat_span * WIDTH / HEIGHT),
    )
    south, north = _around(min(lats), max(lats), lat_span, 90.0)
    west, east = _around(min(lons), max(lons), lon_span, 180.0)
    return south, north, west, east


def _around(low: float, high: float, span: float, bound: float) -> tuple[float, float]:
    """A range of ``span`` centred on ``low``..``high``, shifted to stay inside ±``bound``."""
    span = min(span, 2 * bound)
    start = max(-bound, min((low + high - span) / 2, bound - span))
    return start, start + span


#: A country outline's ring: (longitude, latitude) points.
_Ring = tuple[tuple[float, float], ...]


@functools.cache
def _outlines() -> tuple[tuple[float, float, float, float, _Ring], ...]:
    """Every country's outline rings (about 10,000 points in all; read once), each after its
    bounds (west, east, south, north), so that a map skips the rings outside its view."""
    rings = []
    for country in all_countries():
        for feature in (country.info().get("geoJSON") or {}).get("features", []):
            geometry = feature["geometry"]
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            rings += [tuple((lon, lat) for lon, lat in ring) for poly in polygons for ring in poly]
    return tuple(
        (min(lon for lon, _ in r), max(lon for lon, _ in r),
         min(lat for _, lat in r), max(lat for _, lat in r), r)
        for r in rings
    )  # fmt: skip


def _land(south: float, north: float, west: float, east: float, xy: _Project) -> str:
    """The land inside the view as one path; points closer than a pixel apart are dropped."""
    commands = []
    for ring_west, ring_east, ring_south, ring_north, ring in _outlines():
        if ring_east < west or ring_west > east or ring_north < south or ring_south > north:
            continue
        points: list[tuple[float, float]] = []
        for lon, lat in ring:
            x, y = xy(lat, lon)
            if not points or abs(x - points[-1][0]) + abs(y - points[-1][1]) >= 1.0:
                points.append((x, y))
        if len(points) >= 3:
            commands.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    if not commands:
        return ""
    return (
        f'<path d="{"".join(commands)}" fill="#ffffff" fill-rule="evenodd" '
        'stroke="#b8c6d3" stroke-width="0.7"/>'
    )


def _graticule(south: float, north: float, west: float, east: float, xy: _Project) -> list[str]:
    """Lines of latitude and longitude across the view, labelled in degrees."""
    step = next((s for s in _STEPS if max(north - south, east - west) / s <= 6), 90)
    lines = []
    lat = math.ceil(south / step) * step
    while lat <= north:
        (x0, y), (x1, _) = xy(lat, west), xy(lat, east)
        lines.append(_line(x0, y, x1, y) + _label(x0 + 2, y - 2, f"{lat:g}°"))
        lat += step
    lon = math.ceil(west / step) * step
    while lon <= east:
        (x, y0), (_, y1) = xy(north, lon), xy(south, lon)
        lines.append(_line(x, y0, x, y1) + _label(x + 2, y1 - 2, f"{lon:g}°"))
        lon += step
    return lines


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return (
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" '
        'stroke="#c5d3de" stroke-width="1"/>'
    )


def _label(x: float, y: float, text: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="9" fill="#6b7f90">{text}</text>'
