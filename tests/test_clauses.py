"""Clauses: a sentence cut where one claim ends and the next begins."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.analyse.clauses import find_clauses
from newsweave.records import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three workers were injured and about 500 residents were moved out of the "
            "district, halting traffic on the ring road.",
            [
                "Three workers were injured",
                "and about 500 residents were moved out of the district,",
                "halting traffic on the ring road.",
            ],
        ),
        (
            "Nine people were killed when a bus left the road near Karsby.",
            ["Nine people were killed", "when a bus left the road near Karsby."],
        ),
        (
            "The ferry service was suspended on Friday, with both terminals closed.",
            ["The ferry service was suspended on Friday,", "with both terminals closed."],
        ),
        (
            "The walkout, organised by the drivers' union, began on Monday and is due to end "
            "on Thursday.",
            [
                "The walkout, organised by the drivers' union, began on Monday",
                "and is due to end on Thursday.",
            ],
        ),
        (
            "The council said the levy would rise by 3 percent.",
            ["The council said the levy would rise by 3 percent."],
        ),
    ],
)
def test_clauses(nlp: Language, text: str, expected: list[str]) -> None:
    clauses = find_clauses(nlp(text), Article(id="x", key="x", text=text))
    assert [c.text for c in clauses if not c.about] == expected
    assert all(text[c.start : c.end] == c.text for c in clauses)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # A participial phrase set off by a comma tells a claim about the noun phrase before.
        (
            "The walkout, organised by the drivers' union, began on Monday.",
            [("The walkout", "organised by the drivers' union")],
        ),
        (
            "The new levy, approved by the council on Friday, takes effect in May.",
            [("The new levy", "approved by the council on Friday")],
        ),
        # Without a comma the participle restricts its noun: no claim of its own.
        ("The walkout organised by the drivers' union began on Monday.", []),
        # A verb the parser hangs under a name and its apposition is the main verb.
        ("The mayor, Ana Ruiz, opened the bridge on Monday.", []),
    ],
)
def test_participial_phrases(nlp: Language, text: str, phrases: list[tuple[str, str]]) -> None:
    clauses = find_clauses(nlp(text), Article(id="x", key="x", text=text))
    assert [(c.about, c.text) for c in clauses if c.about] == phrases
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_clauses_cover_every_sentence(nlp: Language) -> None:
    text = "The road reopened. Crews cleared the debris and the trains ran again."
    clauses = find_clauses(nlp(text), Article(id="x", key="x", text=text))
    assert " ".join(c.text for c in clauses) == text


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # A coordinated clause with its own subject states a claim of its own ...
        ("Two drivers died and one is still missing.", ["and one is still missing."]),
        # ... a coordinated verb that shares the subject does not stand alone.
        ("The lorry left the road and overturned.", []),
        # A factive adverbial clause with its own subject ...
        ("Five people were hurt when the stand collapsed.", ["when the stand collapsed."]),
        # ... but not one that is only a condition or a limit.
        ("The road stays shut until the engineers finish.", []),
        # A closing relative clause of place.
        (
            "The worst damage was in Kelby, near the coast, where the pier gave way.",
            ["where the pier gave way."],
        ),
        # An adverbial clause inside a description of someone stays with it.
        ("Ana Ruiz, who arrived when the fire started, said little.", []),
    ],
)
def test_clauses_that_stand_alone(nlp: Language, text: str, alone: list[str]) -> None:
    clauses = find_clauses(nlp(text), Article(id="x", key="x", text=text))
    assert [c.text for c in clauses if c.stands_alone] == alone
    assert all(text[c.start : c.end] == c.text for c in clauses)
