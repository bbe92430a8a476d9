"""The names an event's arguments stand for: the entity step's mention at an argument token
(else its noun phrase), the person a pronoun or a quoted "we" stands for, and the place named
in the verb's clause."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from newsweave.analyse.appositions import named_after_of
from newsweave.lexicon.grammar import FIRST_PERSON, PERSONAL_PRONOUNS
from newsweave.records import EntityMention, Quote, Span

__all__ = ["NAMED_LABELS", "Mentions", "argument_span", "place_of"]

_SPACED_DASH = re.compile(r"\s[-–—]\s")
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "through", "throughout", "around"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class Mentions:
    """The entity step's mentions, looked up by a character offset inside them."""

    def __init__(
        self, text: str, entities: Sequence[EntityMention], quotes: Sequence[Quote] = ()
    ) -> None:
        self.text = text
        self.entities = sorted(entities, key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self.labels = {(e.start, e.end): e.label for e in self.entities}
        self.quotes = [q for q in quotes if q.kind == "direct" and q.speaker is not None]

    def speaker_of(self, token: Token) -> Span | None:
        """The person a quotation holding ``token`` is attributed to: the speaker's name, or
        for "she said" the person named before it."""
        for quote in self.quotes:
            speaker = quote.speaker
            if speaker is None or not quote.start <= token.idx < quote.end:
                continue
            for e in self.entities:  # "spokeswoman Ines Kawecka": the name inside
                if e.label == "PERSON" and speaker.start <= e.start and e.end <= speaker.end:
                    return Span(e.start, e.end, e.text)
            written = token.doc.char_span(speaker.start, speaker.end)
            if written is not None and written.root.lower_ in PERSONAL_PRONOUNS:
                return self.person_before(written.root)
            return Span(speaker.start, speaker.end, speaker.text)
        return None

    def at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.entities[i].end:
            e = self.entities[i]
            return Span(e.start, e.end, e.text)
        return None

    def named(self, span: Span | None) -> bool:
        """Whether ``span`` is a name, or a description ending with one ("U.N. mediator Ada
        Vell")."""
        if span is None:
            return False
        last = self.at(span.end - 1)
        if last is None or last.end != span.end or last.start < span.start:
            return False
        return self.labels.get((last.start, last.end)) in NAMED_LABELS

    def is_place(self, span: Span) -> bool:
        return self.labels.get((span.start, span.end)) in _PLACE_LABELS

    def person_before(self, token: Token) -> Span | None:
        """The person named last before ``token``, in its paragraph or the sentence before."""
        sentence = token.sent
        earliest = sentence.start_char
        if sentence.start > 0:
            earliest = token.doc[sentence.start - 1].sent.start_char
        # A paragraph keeps its subject: "Arslanov said ... "...," he told journalists. He ..."
        earliest = min(earliest, self.text.rfind("\n", 0, token.idx) + 1)
        people = [
            e
            for e in self.entities
            if e.label == "PERSON" and earliest <= e.start and e.end <= token.idx
        ]
        return Span(people[-1].start, people[-1].end, people[-1].text) if people else None


def argument_span(
    token: Token | None,
    mentions: Mentions,
    chunks: dict[int, DocSpan],
    *,
    resolve: bool = False,
) -> Span | None:
    """The span an argument token stands for: its name, else its noun phrase."""
    if token is None:
        return None
    if resolve and token.lower_ in PERSONAL_PRONOUNS:
        antecedent = mentions.person_before(token)
        if antecedent is not None:
            return antecedent
    if resolve and token.lower_ in FIRST_PERSON:
        speaker = mentions.speaker_of(token)
        if speaker is not None:
            return speaker
    named = mentions.at(token.idx)
    chunk = chunks.get(token.i)
    if named is not None:
        if chunk is not None and chunk.end_char == named.end and chunk.start_char < named.start:
            # "U.N. mediator Ada Vell", "Velmoran President Tomas Reiden": the description
            # the name is written with, ending with the name (which the story's events link)
            return Span(chunk.start_char, named.end, mentions.text[chunk.start_char : named.end])
        return named
    start, end = (
        (chunk.start_char, chunk.end_char) if chunk else (token.idx, token.idx + len(token))
    )
    for dash in _SPACED_DASH.finditer(mentions.text, start, token.idx):
        start = dash.end()  # "MERIDA CITY - A court": a dateline run into the subject
    for child in (*token.children, *named_after_of(token)):
        appositive = mentions.at(child.idx) if child.dep_ == "appos" else None
        if appositive is not None and mentions.named(appositive) and appositive.end > end:
            # "the town's mayor, Tomas Keel, accused ...", "The head of the dam operator, Ana
            # Ruiz, defended ...": the words and the name they give
            end = appositive.end
    return Span(start, end, mentions.text[start:end])


def place_of(verb: Token, mentions: Mentions) -> Span | None:
    """The first place name in the clause governed by "in", "at", "near", ..., or named by the
    "of" phrase of what it governs ("in the capital city of Algiers", "near the town of Dara")."""
    for prep in verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for place in (pobj, *_of_phrase(pobj)):
                    named = mentions.at(place.idx)
                    if named is not None and mentions.is_place(named):
                        return named
    return None


def _of_phrase(noun: Token) -> list[Token]:
    """The objects of ``noun``'s "of" phrases: "the town of Dara"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
