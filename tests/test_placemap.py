"""The story's places drawn as inline SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsweave.export.placemap import MapPlace, map_places, place_map_svg
from newsweave.records import Entity

SVG = "{http://www.w3.org/2000/svg}"


def test_each_place_is_a_dot_with_a_title_inside_the_view() -> None:
    places = [
        MapPlace("plc_1", "Mansfield", 40.76, -82.52, mentions=4),
        MapPlace("plc_2", "Columbus <Ohio>", 39.96, -83.0),
    ]
    svg = ET.fromstring(place_map_svg(places))  # well-formed, names escaped
    width, height = float(svg.get("width") or 0), float(svg.get("height") or 0)
    dots = svg.findall(f".//{SVG}circle")
    assert len(dots) == 2
    for dot in dots:
        assert 0 < float(dot.get("cx") or -1) < width and 0 < float(dot.get("cy") or -1) < height
    titles = [t.text or "" for t in svg.findall(f".//{SVG}circle/{SVG}title")]
    assert titles[0].startswith("Mansfield (40.76, -82.52): named 4 times")
    assert "Columbus <Ohio>" in titles[1]
    # The more named place is the bigger dot; north is up, east is right (Mansfield lies
    # north-east of Columbus).
    first, second = dots
    assert float(first.get("r") or 0) > float(second.get("r") or 0)
    assert float(first.get("cy") or 0) < float(second.get("cy") or 0)
    assert float(first.get("cx") or 0) > float(second.get("cx") or 0)
    links = [a.get("href") for a in svg.findall(f"{SVG}a")]
    assert links == ["/entities/plc_1", "/entities/plc_2"]


def test_one_place_still_shows_its_region_and_no_place_no_map() -> None:
    svg = ET.fromstring(place_map_svg([MapPlace("p", "Kyiv", 50.45, 30.52)], href=""))
    assert svg.findall(f".//{SVG}line")  # a graticule around the dot
    assert not svg.findall(f".//{SVG}a")
    assert place_map_svg([]) == ""


def test_map_places_keeps_the_places_with_coordinates() -> None:
    kyiv = Entity(
        "plc_k",
        "Kyiv",
        "PLACE",
        attributes={"lat": 50.45, "lon": 30.52, "geonames_id": 703448, "country": "UA"},
    )
    named = [
        (kyiv, 2, 1),
        (Entity("plc_a", "Atlantis", "PLACE", attributes={"lat": None, "lon": None}), 5, 2),
        (Entity("org_u", "Ukrenergo", "ORG", attributes={"lat": 1.0, "lon": 2.0}), 3, 1),
    ]
    assert map_places(named) == [
        MapPlace("plc_k", "Kyiv", 50.45, 30.52, 2, 1, geonames_id=703448, country="UA")
    ]
