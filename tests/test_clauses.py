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
    assert [c.text for c in clauses] == expected
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_clauses_cover_every_sentence(nlp: Language) -> None:
    text = "The road reopened. Crews cleared the debris and the trains ran again."
    clauses = find_clauses(nlp(text), Article(id="x", key="x", text=text))
    assert " ".join(c.text for c in clauses) == text
