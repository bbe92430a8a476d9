"""Entity mentions within one article: clean spans, names, roles, short names, descriptions."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.analyse.entities import find_entities
from newsweave.records import Article, EntityMention


def _mentions(nlp: Language, text: str) -> list[EntityMention]:
    return find_entities(nlp(text), Article(id="t", key="t", text=text))


def _find(mentions: list[EntityMention], text: str) -> EntityMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[-1]


# (sentence we wrote, mention text, label, name, role)
CASES = [
    (
        "Yesterday [Finnish President Sauli] Niinisto refused to comment.",
        "Niinisto",
        "PERSON",
        "Sauli Niinisto",
        "Finnish President",
    ),
    (
        "She thanked Prime Ministers Starmer and Tusk for their help on Tuesday.",
        "Starmer",
        "PERSON",
        "Starmer",
        "Prime Minister",
    ),
    (
        "She thanked Prime Ministers Starmer and Tusk for their help on Tuesday.",
        "Tusk",
        "PERSON",
        "Tusk",
        "Prime Minister",
    ),
    (
        "French President Emmanuel Macron met Federal Chancellor Merz in Berlin.",
        "Emmanuel Macron",
        "PERSON",
        "Emmanuel Macron",
        "French President",
    ),
    (
        "French President Emmanuel Macron met Federal Chancellor Merz in Berlin.",
        "Merz",
        "PERSON",
        "Merz",
        "Federal Chancellor",
    ),
    (
        "Secretary of State Marco Rubio and Defense Minister Rustem Umerov met in Geneva.",
        "Marco Rubio",
        "PERSON",
        "Marco Rubio",
        "Secretary of State",
    ),
    (
        "Secretary of State Marco Rubio and Defense Minister Rustem Umerov met in Geneva.",
        "Rustem Umerov",
        "PERSON",
        "Rustem Umerov",
        "Defense Minister",
    ),
    (
        "Ukrainian President Volodymyr Zelensky spoke by phone. Aides said Zelensky was pleased.",
        "Zelensky",
        "PERSON",
        "Volodymyr Zelensky",
        None,
    ),
    (
        "German Chancellor Friedrich Merz arrived late. Reporters asked Merz about the budget.",
        "Merz",
        "PERSON",
        "Friedrich Merz",
        None,
    ),
    (
        "Canadian Prime Minister Mark Carney arrived in Ottawa on Monday. Later, the Canadian "
        "prime minister spoke to reporters.",
        "the Canadian prime minister",
        "PERSON",
        "Mark Carney",
        "Canadian prime minister",
    ),
]


@pytest.mark.parametrize(("text", "mention", "label", "name", "role"), CASES)
def test_names_and_roles(
    nlp: Language, text: str, mention: str, label: str, name: str, role: str | None
) -> None:
    found = _find(_mentions(nlp, text), mention)
    assert (found.label, found.name, found.role) == (label, name, role)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor announced the plan in a post on X. Critics were unimpressed.",
        "Yesterday [Finnish President Sauli] Niinisto refused to comment.",
        "Donald Trump spoke to Donald Tusk. Trump and Tusk then left for the U.K.",
    ],
)
def test_spans_are_exact_and_clean(nlp: Language, text: str) -> None:
    mentions = _mentions(nlp, text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert not m.text.endswith((".", ",", "]")) or m.text.endswith("U.K.")
        assert "[" not in m.text and "]" not in m.text
    assert not any(m.text.startswith("X") for m in mentions)


def test_short_names_keep_their_own_person(nlp: Language) -> None:
    mentions = _mentions(nlp, "Donald Trump spoke to Donald Tusk. Trump and Tusk then left.")
    assert _find(mentions, "Trump").name == "Donald Trump"
    assert _find(mentions, "Tusk").name == "Donald Tusk"


def test_a_vague_description_is_left_alone(nlp: Language) -> None:
    mentions = _mentions(nlp, "Mark Carney arrived. Later, the president spoke to reporters.")
    assert not any(m.text.startswith("the president") for m in mentions)
