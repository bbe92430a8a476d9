"""Quote speakers linked to canonical entities, through the article's own mentions."""

from __future__ import annotations

from dataclasses import replace

from newsweave.records import ArticleAnalysis, EntityMention, Quote


def link_speakers(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The analysis with each quote's ``speaker.entity`` set from the linked mentions.

    A speaker is resolved by the quote step to a person's name ("Keir Starmer" for "the British
    prime minister"); the entity is that of the article's person mention with the same name,
    else with the same surname.
    """
    people = [m for m in analysis.entities if m.label == "PERSON" and m.entity]
    if not people or not any(q.speaker for q in analysis.quotes):
        return analysis
    return replace(analysis, quotes=tuple(_link(q, people) for q in analysis.quotes))


def _link(quote: Quote, people: list[EntityMention]) -> Quote:
    speaker = quote.speaker
    if speaker is None or speaker.entity or not (speaker.name or speaker.text):
        return quote
    wanted = (speaker.name or speaker.text).casefold()
    surname = wanted.split()[-1]
    exact = [m for m in people if (m.name or m.text).casefold() == wanted]
    partial = [m for m in people if (m.name or m.text).casefold().split()[-1] == surname]
    chosen = exact or partial
    if not chosen or len({m.entity for m in chosen}) > 1:
        return quote  # unknown or ambiguous: better no link than a wrong one
    return replace(quote, speaker=replace(speaker, entity=chosen[0].entity))
