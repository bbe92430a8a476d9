"""The offline gazetteer's index: where it lives, and what it answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave import gazetteer


def test_the_index_lives_where_it_can_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path / "chosen"))
    assert gazetteer.index_path().parent == tmp_path / "chosen"
    # A cache folder that cannot be made (a file is in the way) falls back to the next one.
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gazetteer.index_path().parent == tmp_path / "xdg" / "newsweave"
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "xdg"))
    assert gazetteer.index_path().parent.parent.exists()  # the temporary directory
    assert gazetteer.index_path().name.startswith("gazetteer-")


def test_entries_by_normalised_name_most_populous_first() -> None:
    springfields = gazetteer.entries("springfield")
    assert len(springfields) > 5
    populations = [p["population"] for p in springfields]
    assert populations == sorted(populations, reverse=True)
    assert {p["country"] for p in springfields} >= {"US"}
    assert gazetteer.entries("no such place anywhere") == ()


def test_features_hold_countries_continents_and_divisions() -> None:
    countries = gazetteer.of_feature("country")
    assert len(countries) > 200 and all(p["admin1"] is None for p in countries)
    assert {p["name"] for p in gazetteer.of_feature("continent")} >= {"Europe", "Africa"}
    regions = gazetteer.of_feature("region")
    assert len(regions) > 3000  # first-level divisions of every country, not only US states
    placed = [p for p in regions if p["lat"] is not None]
    assert len(placed) > 0.9 * len(regions)


def test_countries_go_by_their_other_names() -> None:
    """Official and short names and aliases ("DPRK"); a union is placed at its continent."""
    for written, code in [("dprk", "KP"), ("republic of korea", "KR"), ("eswatini", "SZ")]:
        assert any(
            p["feature"] == "country" and p["country"] == code for p in gazetteer.entries(written)
        )
    assert any(p["feature"] == "continent" for p in gazetteer.entries("european union"))


@pytest.mark.parametrize(
    ("written", "usable"),
    [
        ("Kiev", True),
        ("NYC", True),  # the name's initials
        ("L.A.", True),
        ("LED", False),  # an airport's code that is a common word
        ("THE", False),
        ("LAX", True),  # an airport's code news writes for its city
        ("casa", False),  # a transcription from another script
        ("Kyïv", False),  # not plain ASCII, as the index's names are
    ],
)
def test_a_citys_other_names(written: str, usable: bool) -> None:
    city = {
        "LED": "Saint Petersburg",
        "THE": "Teresina",
        "NYC": "New York City",
        "LAX": "Los Angeles",
    }
    assert gazetteer._usable_alternate(written, city.get(written, "Kyiv")) is usable


def test_no_airport_code_or_common_word_names_a_city() -> None:
    for word in ("the", "inc", "led", "casa"):
        assert not [p for p in gazetteer.entries(word) if p["feature"] == "city"], word


def test_a_countrys_three_letter_code_is_no_name_of_it_unless_news_uses_it() -> None:
    assert [p["name"] for p in gazetteer.entries("usa") if p["feature"] == "country"] == [
        "United States"
    ]
    for code in ("pan", "ben", "can", "and"):
        assert not [p for p in gazetteer.entries(code) if p["feature"] == "country"], code
