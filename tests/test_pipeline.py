"""The one per-article pipeline: choosing steps, inference whatever the steps, failures named."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsweave.ingest import article_key
from newsweave.pipeline import STEPS, Step, analyse, analyze_texts, article, select_steps
from newsweave.records import Amount, Article

# Written for these tests: it names its outlet and prints a date stamp.
TEXT = (
    "The Pier Post has learned that the harbour talks ended. 10:05AM GMT 14 Mar 2025 "
    'Mayor Lina Sorel said on Friday: "The bridge opens in June."'
)


def _names(steps: Iterable[Step]) -> list[str]:
    return [s.name for s in steps]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (None, _names(STEPS)),
        ((), []),
        (("times",), ["times"]),
        (("quotes",), ["entities", "quotes"]),
        (("events", "sentences"), ["sentences", "entities", "times", "quotes", "events"]),
    ],
)
def test_select_steps_adds_what_a_step_needs_in_order(
    names: tuple[str, ...] | None, expected: list[str]
) -> None:
    assert _names(select_steps(names)) == expected


def test_select_steps_refuses_an_unknown_name() -> None:
    with pytest.raises(ValueError, match="no such step: quote"):
        select_steps(("quote",))


def test_steps_run_only_those_named_and_inference_always(nlp: Language) -> None:
    undated = Article(id="a", key=article_key(TEXT, None), text=TEXT)
    (result,) = analyse([undated], model=nlp, steps=("times",))
    assert not isinstance(result, Exception)
    assert result.times and not result.entities and not result.quotes and not result.sentences
    assert (result.article.outlet, result.article.outlet_inferred) == ("Pier Post", True)
    assert (result.article.published, result.article.published_inferred) == ("2025-03-14", True)


def test_analyze_texts_names_a_failed_text(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def amounts(doc: Doc, _: Article) -> list[Amount]:
        if "BOOM" in doc.text:
            raise RuntimeError("no amounts here")
        return []

    steps = tuple(Step(s.name, amounts) if s.name == "amounts" else s for s in STEPS)
    monkeypatch.setattr(article, "STEPS", steps)
    collection = analyze_texts([TEXT, "BOOM. The harbour talks ended on Friday."])
    assert [a.article.id for a in collection.analyses] == ["text-1"]
    assert len(collection.rejected) == 1
    assert "text-2" in collection.rejected[0] and "'amounts'" in collection.rejected[0]
