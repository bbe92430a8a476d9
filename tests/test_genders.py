"""Genders of names (role word, else given name) and their agreement with "he"/"she"."""

from __future__ import annotations

import pytest

from newsweave.analyse.entities.genders import gender_of
from newsweave.analyse.quotes.agreement import agrees


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [
        ("Agnes Mbeki", "", "f"),
        ("Tomas Rigg", "", "m"),
        ("Olena Savchuk", "", "f"),  # the table is international, not only English names
        ("Jordan Hale", "", None),  # borne by women and men alike: unknown
        ("Jordan Hale", "spokeswoman", "f"),  # a role that says it decides
        ("Jordan Hale", "mr.", "m"),
        ("Quorvath", "", None),  # not a given name at all
        ("", "", None),
    ],
)
def test_gender_of(name: str, role: str, expected: str | None) -> None:
    assert gender_of(name, role) == expected


def test_an_unknown_gender_agrees_with_either_pronoun() -> None:
    assert agrees("she", "Agnes Mbeki") and not agrees("he", "Agnes Mbeki")
    assert agrees("he", "Jordan Hale") and agrees("she", "Jordan Hale")
    assert agrees("they", "Tomas Rigg")  # no gender asked
