"""Amounts: the value of a number however it is written (two outlets' wordings of one count
must be one value for the dossier to match them)."""

from __future__ import annotations

import pytest
from spacy.language import Language

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


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        # The model may end a number in words early, or begin the span on another word.
        ("The storm cut power across the valley on Monday, closing schools and leaving some "
         "three thousand two hundred households without heat.", 3200, "households"),
        ("By nightfall some 2,400 people had been moved to safety.", 2400, "people"),
        ("The agreement covers 1,500 prisoners.", 1500, "prisoners"),
        # a number in digits the model tagged as nothing
        ("Velden Air will cut 900 jobs, about 8 percent of its workforce.", 900, "jobs"),
        # A part of a counted whole counts what the whole counts.
        ("The operator opened three of its five floodgates on Tuesday.", 3, "floodgates"),
        ("Two of the injured miners were flown to the capital.", 2, "miners"),
        # a capitalised number word the model tagged as nothing
        ("The ferry sank near the harbour. Eleven passengers are still missing.", 11,
         "passengers"),
    ],
)  # fmt: skip
def test_amounts_take_the_whole_number_and_what_it_counts(
    nlp: Language, sentence: str, value: float, unit: str
) -> None:
    from newsweave.analyse.amounts import find_amounts
    from newsweave.records import Article

    found = find_amounts(nlp(sentence), Article(id="a", text=sentence, key="a"))
    assert (value, unit) in {(a.value, a.unit) for a in found}
    for amount in found:
        assert sentence[amount.start : amount.end] == amount.text


def test_a_time_of_day_is_no_amount(nlp: Language) -> None:
    from newsweave.analyse.amounts import find_amounts
    from newsweave.records import Article

    sentence = "The tremor struck at 4:12 local time and damaged 40 houses."
    found = find_amounts(nlp(sentence), Article(id="a", text=sentence, key="a"))
    assert [a.text for a in found] == ["40"]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("A court sentenced the former mayor Ivo Brandl to seven years in prison.", (7, "years")),
        ("Brandl's lawyers appealed against his six-year prison sentence.", (6, "years")),
        ("The smuggler was jailed for 18 months on Monday.", (18, "months")),
        # a term risked or asked for is none handed down
        ("Brandl faces up to 15 years in prison if convicted.", None),
        ("Prosecutors had asked for ten years in prison.", None),
        ("The drought has lasted three years.", None),
    ],
)
def test_a_prison_sentence_is_a_count_of_years(
    nlp: Language, sentence: str, term: tuple[int, str] | None
) -> None:
    from newsweave.analyse.amounts import find_amounts
    from newsweave.records import Article

    found = find_amounts(nlp(sentence), Article(id="a", text=sentence, key="a"))
    terms = [(a.value, a.unit) for a in found if a.unit and a.unit.endswith(" in prison")]
    assert terms == ([] if term is None else [(term[0], f"{term[1]} in prison")])


def test_the_first_end_of_a_range_takes_the_scale_of_the_second(nlp: Language) -> None:
    """ "between 12 and 12.5 billion euros": the first end is 12 billion euros, not 12; "rose 12
    percent to 412 million" is no range."""
    text = (
        "The group raised its sales forecast to between 12 and 12.5 billion euros. "
        "Profit rose 12 percent to 412 million euros."
    )
    from newsweave.analyse.amounts import find_amounts
    from newsweave.records import Article

    found = find_amounts(nlp(text), Article(id="a", text=text, key="a"))
    read = {a.text: (a.value, a.unit) for a in found}
    assert read["between 12"] == (12e9, "euros")
    assert read["12 percent"] == (12.0, "%")
