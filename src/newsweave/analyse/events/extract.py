"""Events: who did what to whom, when and where, read from the dependency parse.

A verb of the PLOVER lexicon (``lexicon.py``) is an event. Its actor is the clause's subject (or
the ``by`` agent of a passive), its target the object (or the passive subject, or the object of
"with", "against", "on", ...), its place a place name governed by "in", "at", "near", ...,
and its date the resolved time expression of its sentence nearest to it. Names come from the
entity step, so arguments are the same spans the linker turns into canonical entities; "he" and
"she" stand for the person named last before them, and "I" and "we" inside a quotation for the
person quoted. "No one was detained" is an event denied, like "was not detained".

The steps, each in its own module: the category a verb reports (``coding``), its actor and
target (``arguments``), whom it is aimed at when the clause names no party (``targets``), the
names they stand for and the event's place (``mentions``), how it is stated (``modality``) and
its date (``dates``). This module runs them verb by verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from newsweave.analyse.events.arguments import arguments
from newsweave.analyse.events.coding import carried_by_head, coded, raises
from newsweave.analyse.events.dates import dated
from newsweave.analyse.events.lexicon import CROWDS, HAZARDS, MARKETS, WEAPONS
from newsweave.analyse.events.mentions import NAMED_LABELS, Mentions, argument_span, place_of
from newsweave.analyse.events.modality import conditional, intended, modality, negated
from newsweave.analyse.events.targets import aimed_at
from newsweave.analyse.events.tree import prep_objects
from newsweave.records import Article, EntityMention, Event, Quote, Sentence, Span, TimeRef

__all__ = ["find_events"]

#: Nouns for people no one names: victims of an attack known only by where it happened.
_ANYONE = frozenset({"people", "person", "persons"})


def find_events(
    doc: Doc,
    article: Article,
    *,
    entities: Sequence[EntityMention],
    times: Sequence[TimeRef],
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """The article's coded events, in text order.

    Args:
        doc: the parsed article text.
        article: the article (its text is the doc's text).
        entities: the entity step's mentions, for argument spans and places.
        times: the time step's expressions, for each event's date.
        quotes: the quote step's quotations, so that "we" in a quote is the person quoted.
    """
    mentions = Mentions(article.text, entities, quotes)
    # By index, not by token: a Token object made for every word of every chunk cost a
    # quarter of the step.
    chunks = {i: chunk for chunk in doc.noun_chunks for i in range(chunk.start, chunk.end)}
    events = []
    for verb in doc:
        found = coded(verb)
        if found is None or carried_by_head(verb) or raises(verb):
            continue
        event = _event(article.text, verb, *found, mentions=mentions, chunks=chunks)
        if event is not None:
            sentence = verb.sent
            sentence_span = Sentence(sentence.start_char, sentence.end_char, sentence.text)
            events.append(dated(event, sentence_span, times))
    return events


def _event(
    text: str,
    verb: Token,
    code: str,
    particle: Token | None,
    noun: Token | None,
    *,
    mentions: Mentions,
    chunks: dict[int, DocSpan],
) -> Event | None:
    """The event a coded verb reports, or None when it has no actor, target or place."""
    actor_token, target_token = arguments(verb, noun, particle, code=code)
    if code == "ASSAULT" and _by_hazard(verb, actor_token):
        return None  # "the fire killed 14 workers": a disaster, not an attack
    if code == "PROTEST" and actor_token is not None and actor_token.lemma_.lower() in MARKETS:
        return None  # "government bonds rallied": a price, not a protest
    target_token = aimed_at(
        verb, code, actor_token, target_token, mentions=mentions, chunks=chunks, noun=noun
    )
    place = place_of(verb, mentions)
    if actor_token is None and target_token is None and place is None:
        return None  # "talks were held in Geneva" still tells what happened where
    words = [t for t in (verb, particle, noun) if t is not None]
    # The event's own words: a pronoun's span here, not the name it stands for.
    local = [
        s
        for s in (
            argument_span(actor_token, mentions, chunks),
            argument_span(target_token, mentions, chunks),
        )
        if s is not None
    ]
    if code == "ASSAULT" and _crowd(target_token):
        code = "COERCE"  # "troops fired on the demonstrators": violent repression, CAMEO 175
    denied = negated(verb)
    stated = modality(verb)
    code = intended(code, stated, denied, conditional=conditional(verb))
    start = min([t.idx for t in words] + [s.start for s in local])
    end = max([t.idx + len(t) for t in words] + [s.end for s in local])
    return Event(
        start=start,
        end=end,
        text=text[start:end],
        action=" ".join(t.text for t in sorted(words, key=lambda t: t.i)),
        code=code,
        actor=argument_span(actor_token, mentions, chunks, resolve=True),
        target=_aimed_at_place(
            code,
            target_token,
            argument_span(target_token, mentions, chunks, resolve=True),
            place,
        ),
        place=place,
        negated=denied,
        modality=stated,
    )


def _aimed_at_place(
    code: str, token: Token | None, target: Span | None, place: Span | None
) -> Span | None:
    """The place an event happens in, as PLOVER codes it, when the event names no party: a
    protest with no target ("dock workers rioted outside a warehouse in Velmora": Velmora's
    authorities), an attack on people no one names ("killed 12 people in Velmora")."""
    if place is None:
        return target
    if code == "PROTEST" and target is None:
        return place
    if code == "ASSAULT" and token is not None and _anonymous(token):
        return place
    return target


def _crowd(token: Token | None) -> bool:
    """Whether ``token`` is protesters or a crowd: violence against them is repression."""
    return token is not None and token.lemma_.lower() in CROWDS


def _anonymous(token: Token) -> bool:
    """Whether ``token`` is people no one names: "23 people", not "23 Velmoran people"."""
    named = any(c.ent_type_ in NAMED_LABELS for c in token.children)
    return token.lemma_.lower() in _ANYONE and not named


def _by_hazard(verb: Token, actor: Token | None) -> bool:
    """Whether the harm came from a fire, flood, crash, ... rather than from someone: "a fire
    that broke out late on Monday killed ...", "killed in an avalanche", but not "a suicide
    blast killed ..." or "artillery fire killed ..."."""
    causes = [actor] if actor is not None else []
    causes += prep_objects([verb], frozenset({"in", "by"}))
    for cause in causes:
        words = {t.lemma_.lower() for t in cause.subtree}
        if words & HAZARDS and not words & WEAPONS:
            return True
    return False
