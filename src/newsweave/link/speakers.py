"""Quote speakers linked to canonical entities, through the article's own mentions."""

from __future__ import annotations

from dataclasses import replace

from newsweave.records import ArticleAnalysis, EntityMention, Quote


def link_speakers(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The analysis with each quote's ``speaker.entity`` set from the linked mentions.

    A speaker is resolved by the quote step to a person's name ("Keir Starmer" for "the British
    prime minister"); the entity is that of the article's person mention with the same name,
    else with the same surname. An organisation that speaks ("the union said", resolved to
    "Kell Dock Workers' Union") is the organisation mention with the same name.
    """
    people = [m for m in analysis.entities if m.label == "PERSON" and m.entity]
    organisations = [m for m in analysis.entities if m.label == "ORG" and m.entity]
    if not (people or organisations) or not any(q.speaker for q in analysis.quotes):
        return analysis
    quotes = tuple(_link(q, people, organisations) for q in analysis.quotes)
    return replace(analysis, quotes=quotes)


def _link(quote: Quote, people: list[EntityMention], organisations: list[EntityMention]) -> Quote:
    speaker = quote.speaker
    if speaker is None or speaker.entity or not (speaker.name or speaker.text):
        return quote
    wanted = (speaker.name or speaker.text).casefold()
    surname = wanted.split()[-1]
    exact = [m for m in people if _name(m) == wanted]
    partial = [m for m in people if _name(m).split()[-1] == surname]
    chosen = exact or partial or [m for m in organisations if _name(m) == wanted]
    if not chosen or len({m.entity for m in chosen}) > 1:
        return quote  # unknown or ambiguous: better no link than a wrong one
    return replace(quote, speaker=replace(speaker, entity=chosen[0].entity))


def _name(mention: EntityMention) -> str:
    return (mention.name or mention.text).casefold()
