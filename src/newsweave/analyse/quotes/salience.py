"""Whom a "he" or "she" speaker stands for by salience, not by distance.

A news paragraph keeps the person it is about as the subject of its sentences, and a pronoun
continues that subject: in `Lind blamed Berg for the delay. "It was avoidable," he said.` the
speaker is Lind, though Berg is nearer. So the sentences before the pronoun are read back, the
nearest first, and in each the people who agree with the pronoun are ranked as a reader ranks
them: subjects first (a main clause's before an embedded one's: `Pop, who replaced Velk after
Velk resigned, ...` is about Pop; but whom a subject asked answers: `Hale asked Pop whether
...`), then the other people named in it. A sentence whose subject is an unresolved pronoun of
the same gender (`He praised Berg.`) continues someone named earlier, so its other names are
passed over. An organisation or a place is never a candidate: only names the article gives a
person, and speakers already resolved, are.

The walk stays within the pronoun's paragraph and the one before, and reads a few sentences;
when it finds no one, the caller falls back to text order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.symbols import nsubj, nsubjpass
from spacy.tokens import Span, Token

from newsweave.analyse.quotes.agreement import PRONOUN_GENDER, agrees
from newsweave.analyse.quotes.resolve import People
from newsweave.lexicon.grammar import PERSONAL_PRONOUNS

#: The nominal subject labels as integers (comparing them is cheaper than reading labels).
_SUBJECT_IDS = frozenset({nsubj, nsubjpass})
#: Sentences read back from the pronoun's own, at most.
SENTENCE_REACH = 4
#: Paragraphs before the pronoun's that the walk may enter.
PARAGRAPH_REACH = 1
#: Verbs whose object, not their subject, is who answers next (`Hale asked Pop whether ...`).
ASKING = frozenset({"ask", "question", "interview", "quiz", "press"})


@dataclass(frozen=True)
class _Reader:
    """What the walk reads each sentence with."""

    pronoun: str
    people: People
    inside: Sequence[bool]
    resolved: Mapping[int, str]
    name_of: Callable[[Token], str | None]

    def fits(self, name: str | None) -> bool:
        """A person of the article's who agrees with the pronoun."""
        return (
            bool(name)
            and name in self.people.names
            and agrees(self.pronoun, str(name), self.people.role_of(str(name)))
        )


def salient_person(
    pronoun: Token,
    people: People,
    inside: Sequence[bool],
    resolved: Mapping[int, str],
    name_of: Callable[[Token], str | None],
    paragraph_of: Callable[[int], int],
) -> str | None:
    """The most salient person before ``pronoun`` who agrees with it, or None.

    Args:
        pronoun: the "he" or "she" speaker token.
        people: the article's people (``resolve.collect_people``).
        inside: which tokens are inside quotation marks (never candidates).
        resolved: token index -> name of the speaker mentions resolved so far.
        name_of: the full name a subject token stands for (a name, an apposition, a role).
        paragraph_of: the paragraph index of a character offset.
    """
    reader = _Reader(pronoun.lower_, people, inside, resolved, name_of)
    first = paragraph_of(pronoun.idx) - PARAGRAPH_REACH
    sentence, end = pronoun.sent, pronoun.i
    for _ in range(SENTENCE_REACH):
        found, goes_on = _in_sentence(reader, sentence, end)
        if found is not None or not goes_on or sentence.start == 0:
            return found
        sentence = sentence.doc[sentence.start - 1].sent
        end = sentence.end
        if paragraph_of(sentence.doc[sentence.start].idx) < first:
            return None
    return None


def _in_sentence(reader: _Reader, sentence: Span, end: int) -> tuple[str | None, bool]:
    """``(person, go on)``: the best agreeing person of the sentence before token ``end``, and
    whether to read the sentence before when there is none."""
    for subject in _subjects(sentence, end, reader.inside):
        name = reader.resolved.get(subject.i)
        if name is None and subject.lower_ in PERSONAL_PRONOUNS:
            if PRONOUN_GENDER[subject.lower_] == PRONOUN_GENDER[reader.pronoun]:
                return None, True  # the same person goes on: whom it stands for is earlier
            continue
        asked = [c for c in subject.head.children if c.dep_ == "dobj" and _may_be_person(c)]
        if subject.head.lemma_ in ASKING and asked and reader.fits(reader.name_of(asked[0])):
            return reader.name_of(asked[0]), False  # the one asked answers
        name = name or reader.name_of(subject)
        if reader.fits(name):
            return name, False
    if end <= sentence.start:
        return None, True
    doc, people = sentence.doc, reader.people
    first, last = doc[sentence.start].idx, doc[end - 1].idx
    named = [p for p in people.persons if p.sure and first <= p.start <= last]
    for person in reversed(named):  # the nearest first, as text order has it
        name = people.full_name(person.name, person.start)
        if reader.fits(name):
            return name, False
    return None, True


def _may_be_person(token: Token) -> bool:
    """Not a word the model labelled an organisation, a place or a group (`asked the Court`).
    (Only for whom a subject asked: a subject the model mislabelled is still found among the
    article's people by its name.)"""
    return token.ent_type_ in ("PERSON", "")


def _subjects(sentence: Span, end: int, inside: Sequence[bool]) -> Iterator[Token]:
    """The nominal subjects of the sentence before token ``end`` and outside quotation marks,
    main clauses first (fewest steps up to the sentence's root), then in text order."""
    found = [
        t
        for t in sentence.doc[sentence.start : end]
        if t.dep in _SUBJECT_IDS and not (inside and inside[t.i])
    ]
    yield from sorted(found, key=lambda t: (_depth(t, sentence), t.i))


def _depth(token: Token, sentence: Span) -> int:
    """Steps from the token up to its sentence's root."""
    steps = 0
    while token.head.i != token.i and sentence.start <= token.head.i < sentence.end and steps < 50:
        token = token.head
        steps += 1
    return steps
