"""The text knowledge every stage shares (``newsweave.lexicon``)."""

from __future__ import annotations

import pytest

from newsweave.lexicon.countries import (
    COUNTRY_ALIASES,
    demonym_countries,
    is_demonym,
    names_people_of,
)
from newsweave.lexicon.names import given_names_agree, norm, phonetic, surname
from newsweave.lexicon.titles import is_name_title, is_title_word, role_heads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin", "kremlin"),
        ("Café Núñez", "cafe nunez"),
        ("Putin's", "putin"),
        ("the U.K.", "uk"),
        ("Jean-Pierre", "jean pierre"),
    ],
)
def test_norm(text: str, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sergey", "Sergei", True),
        ("Bob", "Robert", True),
        ("G.", "George", True),
        ("Ann", "Eve", False),
    ],
)
def test_given_names_agree(a: str, b: str, expected: bool) -> None:
    assert given_names_agree(norm(a), norm(b)) is expected


def test_surname_and_sound_key() -> None:
    assert surname("John Paul Varga Jr.") == "varga"
    assert phonetic("Zelenskyy") == phonetic("Zelensky")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Ukrainian", True),
        ("French", True),
        ("U.S.", True),
        ("Velmoran", True),
        ("Minister", False),
    ],
)
def test_is_demonym(word: str, expected: bool) -> None:
    assert is_demonym(word) is expected


@pytest.mark.parametrize(
    ("word", "place", "expected"),
    [
        ("velmoran", "velmora", True),
        ("korvathi", "korvath", True),
        ("aldenian", "alden", True),
        ("velmora", "velmora", False),
        ("varga", "velmora", False),
    ],
)
def test_names_people_of(word: str, place: str, expected: bool) -> None:
    assert names_people_of(word, place) is expected


def test_countries_by_demonym_and_short_form() -> None:
    assert "FR" in demonym_countries()["french"]
    assert "US" in demonym_countries()["american"]
    assert all(alias == norm(alias) for alias in COUNTRY_ALIASES)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Sen.", True),
        ("Sen", True),
        ("Mr", True),
        ("Prime", True),
        ("candidate", True),
        ("Councillor", True),
        ("Coroner", True),
        ("Presiding", True),
        ("Reiden", False),
        ("Dean", False),  # a given name as often as a title
        ("Constable", False),  # a surname as often as a rank
    ],
)
def test_is_name_title(word: str, expected: bool) -> None:
    assert is_name_title(word) is expected


def test_honorifics_are_no_role() -> None:
    assert not is_title_word("Mr.")
    assert role_heads("British Prime Ministers") == frozenset({"prime minister"})
