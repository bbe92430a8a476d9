"""Speakers and their names: an organisation that speaks keeps its whole name."""

from __future__ import annotations

from spacy.language import Language

from newsweave.analyse.entities import find_entities
from newsweave.analyse.quotes import find_quotes
from newsweave.ingest import make_article


def test_an_organisations_name_cut_short_by_the_speaker_step_is_whole(nlp: Language) -> None:
    """ "The Kell Dock Workers' Union said ...": the speaker is the union, not "Union"."""
    text = "The Kell Dock Workers' Union said it would strike on Monday."
    article = make_article({"id": "t", "text": text}, default_id="t", source="test")
    doc = nlp(article.text)
    (quote,) = find_quotes(doc, article, entities=find_entities(doc, article))
    assert quote.speaker is not None
    assert quote.speaker.name == "Kell Dock Workers' Union"
