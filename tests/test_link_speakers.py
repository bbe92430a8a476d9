"""Speakers linked to the article's entities: people, and organisations that speak."""

from __future__ import annotations

from spacy.language import Language

from newsweave.analyse.entities import find_entities
from newsweave.analyse.quotes import find_quotes
from newsweave.ingest import make_article
from newsweave.link.speakers import link_speakers
from newsweave.records import Article, ArticleAnalysis, EntityMention, Quote, Speaker


def test_an_organisations_name_cut_short_by_the_speaker_step_is_whole(nlp: Language) -> None:
    """ "The Kell Dock Workers' Union said ...": the speaker is the union, not "Union"."""
    text = "The Kell Dock Workers' Union said it would strike on Monday."
    article = make_article({"id": "t", "text": text}, default_id="t", source="test")
    doc = nlp(article.text)
    (quote,) = find_quotes(doc, article, entities=find_entities(doc, article))
    assert quote.speaker is not None
    assert quote.speaker.name == "Kell Dock Workers' Union"


def test_an_organisation_that_speaks_is_linked_by_its_name() -> None:
    text = "The Kell Dock Workers' Union said it would strike. Its leader Ana Pop agreed."
    union = EntityMention(4, 28, text[4:28], "ORG", entity="org_1")
    pop = EntityMention(text.index("Ana"), text.index(" agreed"), "Ana Pop", "PERSON", entity="p1")
    said = Quote(34, 50, "it would strike", "indirect", Speaker(0, 28, text[:28], union.text))
    analysis = ArticleAnalysis(
        Article(id="t", key="t", text=text), entities=(union, pop), quotes=(said,)
    )
    (linked,) = link_speakers(analysis).quotes
    assert linked.speaker is not None and linked.speaker.entity == "org_1"
    # An organisation is linked by its whole name only: "Pop" may be a surname, not a union.
    other = Quote(34, 50, "it would strike", "indirect", Speaker(0, 3, "Kell", "Kell"))
    (unlinked,) = link_speakers(
        ArticleAnalysis(analysis.article, entities=(union,), quotes=(other,))
    ).quotes
    assert unlinked.speaker is not None and unlinked.speaker.entity is None
