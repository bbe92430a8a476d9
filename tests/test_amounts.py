"""Amounts: the value of a number however it is written (two outlets' wordings of one count
must be one value for the dossier to match them)."""

from __future__ import annotations

import pytest

from newsweave.analyse.amounts import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,250", 1250.0),
        ("about 3.5 million", 3_500_000.0),
        ("$2.1 billion", 2_100_000_000.0),
        ("seven", 7.0),
        ("some three thousand six hundred", 3600.0),
        ("two hundred thousand", 200_000.0),
        ("one hundred and forty", 140.0),
        ("sixty-two", 62.0),
        ("a dozen", 12.0),
        ("hundreds", 100.0),
        ("several", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value
