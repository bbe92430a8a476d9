"""Quotations and their speakers: direct, partial and indirect, with cue and channel.

The steps, each in its own module: pair the quotation marks (``marks``), find the cue of every
quoted segment (``attribution``) and what speaks through it (``cues``), find reported clauses
(``indirect``), then settle segments with no cue of their own by their paragraph and resolve
every speaker mention to a person (``resolve``; a he or she by ``salience``); a headline may
name its speaker before a colon (``headline``). Everything works from the parse the pipeline
already has: one pass over the tokens per step, no second model.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsweave.analyse.appositions import named_after_of
from newsweave.analyse.parsed import parsed_text
from newsweave.analyse.quotes.agreement import agrees
from newsweave.analyse.quotes.attribution import DASHES, char_before, find_cue, quoted_tokens
from newsweave.analyse.quotes.cues import Attribution, mention_range
from newsweave.analyse.quotes.headline import headline_claim
from newsweave.analyse.quotes.indirect import MOSTLY_QUOTED, find_indirect
from newsweave.analyse.quotes.marks import Segment, find_segments, paragraphs
from newsweave.analyse.quotes.resolve import People, Person, collect_people, mention_name
from newsweave.analyse.quotes.salience import salient_person
from newsweave.lexicon.grammar import PERSONAL_PRONOUNS
from newsweave.records import Article, EntityMention, Quote, Span, Speaker

__all__ = ["find_quotes"]

#: What a signature line opens with (`- Orla Brennan.`, `—Orla Brennan`).
DASH_CHARS = frozenset("-–—")
#: Third-person pronouns that stand for a person named before them.
#: A paragraph this many paragraphs after the last speaker still continues their "he".
PRONOUN_REACH = 2
#: How many clauses up a pronoun speaker's clause the subject that names it may be.
GOVERNING_REACH = 4
#: A speaker described by age: "the 45-year-old" (the tokens of the words, joined by spaces).
AGED = re.compile(r"(\d{1,3}) - year - old")
#: How a clause hangs on the one above it: reported, adverbial, coordinated or open.
_EMBEDDED = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp"})


@dataclass
class _Item:
    """A quote being assembled: its content, kind, and the attribution it takes."""

    start: int
    end: int
    kind: str
    paragraph: int
    attribution: Attribution | None
    segment: Segment | None = None


def find_quotes(
    doc: Doc, article: Article, *, entities: Sequence[EntityMention], min_words: int = 4
) -> list[Quote]:
    """Direct, partial and indirect quotes with speaker, cue and channel.

    Args:
        doc: the parsed article text.
        article: the article (its text is the one ``doc`` was parsed from).
        entities: entity mentions found in the article, used to learn full names and roles.
        min_words: a quotation with no speaker is kept only from this many words up (shorter
            ones are titles, nicknames or scare quotes).

    Returns:
        Quotes in text order; offsets exclude the quotation marks.
    """
    text = parsed_text(doc, article)
    segments = find_segments(text)
    inside = quoted_tokens(doc, segments)
    starts = [start for start, _ in paragraphs(text)]

    def paragraph_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    items = [_segment_item(doc, text, seg, inside) for seg in segments]
    _inherit(items)
    for attribution, a, b in find_indirect(doc, inside):
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        items.append(_Item(start, end, "indirect", paragraph_of(start), attribution))
    _add_headline_claim(doc, text, entities, inside, items)
    _sign_from_paragraph_after(doc, items, starts)
    _inherit_from_paragraph_before(items, text)
    people = collect_people(doc, entities, inside)
    speakers = _resolve(doc, items, people, paragraph_of, inside)
    speakers = {key: _described(speaker, entities, people) for key, speaker in speakers.items()}
    quotes = []
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        speaker = speakers.get(_key(item.attribution))
        if speaker is None and (
            item.kind == "partial" or len(text[item.start : item.end].split()) < min_words
        ):
            continue
        quotes.append(_quote(doc, text, item, speaker))
    return quotes


def _described(speaker: Speaker, entities: Sequence[EntityMention], people: People) -> Speaker:
    """A speaker with no name that the entity step resolved as a description of one
    organisation ("the company said", with the article's one company) or of one person ("the
    minister said", with the article's one minister, also one written `X was appointed
    minister`, a role no title before a name gives) takes its name, in full; and an
    organisation's name the speaker step cut short ("Union" of "The Kell Dock Workers'
    Union") the whole name."""
    for mention in entities:
        if mention.end != speaker.end or mention.label not in ("ORG", "PERSON"):
            continue
        if not speaker.name and mention.start == speaker.start and mention.name:
            return dataclasses.replace(speaker, name=people.full_name(mention.name, speaker.start))
        whole = mention.name or mention.text
        cut = bool(speaker.name) and len(whole) > len(speaker.name or "")
        if mention.label == "ORG" and cut and speaker.start <= mention.start:
            return dataclasses.replace(speaker, name=whole)
    return speaker


def _segment_item(doc: Doc, text: str, seg: Segment, inside: list[bool]) -> _Item:
    """A quoted segment with the cue found around it (if any) and its kind."""
    attribution, trailing = find_cue(doc, text, seg, inside)
    before = char_before(text, seg.open_mark, space=" \t\xa0")
    opens_sentence = before in ("", "\n") or before in '.?!:,"”' or seg.continued
    closes_clause = trailing and text[seg.end - 1] in ",?!—–"
    kind = "direct" if opens_sentence or closes_clause else "partial"
    return _Item(seg.start, seg.end, kind, seg.paragraph, attribution, seg)


def _inherit(items: list[_Item]) -> None:
    """Segments with no cue take one from the quote they continue or from their paragraph.

    In order: the segment this one continues; an earlier quote of the same paragraph
    (`"A," he said. "B."`); the segment that continues this one into the next paragraph (its
    cue comes after the quote's end); a later quote of the same paragraph.
    """
    for i, item in enumerate(items):
        seg = item.segment
        if item.attribution is not None or seg is None:
            continue
        same = [o for o in items if o.paragraph == item.paragraph and o.attribution is not None]
        earlier = [o for o in same if o.start < item.start]
        later = [o for o in same if o.start > item.start]
        closing = _closing_attribution(items, i)
        if seg.continued and i and items[i - 1].attribution is not None:
            item.attribution = items[i - 1].attribution
        elif closing is not None and not seg.continued:
            # `"A," she said. "B <new paragraph> "C," she added.`: B and C are one quotation,
            # which the cue after it closes (also across paragraphs between them).
            item.attribution = closing
        elif earlier:
            item.attribution = earlier[-1].attribution
        elif closing is not None:
            item.attribution = closing
        elif later:
            item.attribution = later[0].attribution


def _closing_attribution(items: list[_Item], i: int) -> Attribution | None:
    """The cue of the first later segment of the quotation that item ``i`` continues into the
    next paragraph: a quote over three paragraphs or more is often closed by its only cue."""
    j = i
    while j + 1 < len(items) and (seg := items[j].segment) is not None and seg.continues:
        j += 1
        if items[j].attribution is not None:
            return items[j].attribution
    return None


def _add_headline_claim(
    doc: Doc,
    text: str,
    entities: Sequence[EntityMention],
    inside: list[bool],
    items: list[_Item],
) -> None:
    """ "Osei: The bridge will not reopen before spring": Osei's claim (``headline``); a
    headline claim in quotation marks is the direct quote already found there."""
    found = headline_claim(doc, text, entities)
    if found is None:
        return
    colon, speaker, a, b, name = found
    attribution = Attribution(colon, speaker, None, name)
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    if sum(inside[a:b]) > MOSTLY_QUOTED * (b - a):
        for item in items:
            if item.attribution is None and start <= item.start < end:
                item.attribution = attribution
        return
    items.append(_Item(start, end, "indirect", 0, attribution))


def _inherit_from_paragraph_before(items: list[_Item], text: str) -> None:
    """A paragraph that is only a quote continues the last speaker of the paragraph before."""
    last_by_paragraph: dict[int, _Item] = {}
    for item in sorted(items, key=lambda i: i.start):
        if item.attribution is not None:
            last_by_paragraph[item.paragraph] = item
    for item in sorted(items, key=lambda i: i.start):
        seg = item.segment
        if item.attribution is not None or seg is None:
            continue
        if (
            char_before(text, seg.open_mark, space=" \t\xa0") not in ("", "\n")
            and not seg.continued
        ):
            continue  # not at the start of its paragraph
        if _words_after(text, seg):
            continue  # `"...," a voice-over states.`: the paragraph says who, if anyone
        before = last_by_paragraph.get(item.paragraph - 1)
        if before is not None:
            item.attribution = before.attribution
            # A quote running over three paragraphs or more passes the speaker on.
            last = last_by_paragraph.get(item.paragraph)
            if seg.continues and (last is None or last.start < item.start):
                last_by_paragraph[item.paragraph] = item


def _sign_from_paragraph_after(doc: Doc, items: list[_Item], starts: list[int]) -> None:
    """A quote paragraph signed by the next one, as fact checks print them: the quote, then a
    paragraph of a dash and the name (`- Orla Brennan.`), perhaps with where or how after a
    comma (`-Orla Brennan, Eastquay.`)."""
    for item in items:
        if item.attribution is not None or item.segment is None:
            continue
        following = item.paragraph + 1
        if following >= len(starts):
            continue
        first = doc.char_span(starts[following], starts[following] + 1, alignment_mode="expand")
        if first is None or first[0].text[:1] not in DASH_CHARS:
            continue
        glued = first[0].text not in DASHES  # `-Orla`: the tokenizer kept the dash on the name
        words = []
        for token in doc[first.start + (0 if glued else 1) :]:
            if "\n" in token.text or token.text in ".;,":
                break
            words.append(token)
        if 1 <= len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
            name = " ".join(t.text for t in words).lstrip("".join(DASH_CHARS)) if glued else None
            item.attribution = Attribution(first[0], words[-1], None, name)


def _words_after(text: str, seg: Segment) -> bool:
    """Whether words follow the segment's closing mark in its paragraph."""
    if seg.close_mark is None:
        return False
    end = text.find("\n", seg.close_mark)
    return any(c.isalnum() for c in text[seg.close_mark + 1 : end if end >= 0 else len(text)])


def _key(attribution: Attribution | None) -> int | None:
    return attribution.cue.i if attribution is not None else None


def _resolve(
    doc: Doc,
    items: list[_Item],
    people: People,
    paragraph_of: Callable[[int], int],
    inside: Sequence[bool] = (),
) -> dict[int | None, Speaker]:
    """One ``Speaker`` per cue, resolving names, descriptions and pronouns in text order."""
    cues = {at.cue.i: at for item in items if (at := item.attribution) is not None}
    speakers: dict[int | None, Speaker] = {}
    last: tuple[int, int, str] | None = None  # (offset, paragraph, name) of the last speaker
    resolved: dict[int, str] = {}  # speaker token -> name, for the pronouns after it

    def name_of(subject: Token) -> str | None:
        return _name(doc, subject, *mention_range(subject), people)

    for key in sorted(cues, key=lambda k: _position(cues[k])):
        token = cues[key].speaker
        assert token is not None
        a, b = mention_range(token)
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        paragraph = paragraph_of(start)
        known = cues[key].name
        name = people.full_name(known, start) if known else _name(doc, token, a, b, people)
        if token.lower_ in PERSONAL_PRONOUNS:
            name = (
                _governing_subject(doc, token, people, inside)
                or salient_person(token, people, inside, resolved, name_of, paragraph_of)
                or _antecedent(token.lower_, start, paragraph, last, people)
            )
        if name:
            last = (start, paragraph, name)
            resolved[token.i] = name
        speakers[key] = Speaker(start, end, str(doc[a:b].text), name)
    return speakers


def _antecedent(
    pronoun: str, start: int, paragraph: int, last: tuple[int, int, str] | None, people: People
) -> str | None:
    """The person a "he" or "she" stands for: the nearer of the last speaker and the last name
    that agree with it in gender (the pronoun's speaker stays unknown when none does)."""

    def fits(person: Person) -> bool:
        return agrees(pronoun, person.name, person.role)

    person = people.nearest(start, fits)
    recent = last is not None and paragraph - last[1] <= PRONOUN_REACH
    nearer = last is not None and (person is None or last[0] >= person.start)
    if last is not None and recent and nearer and agrees(pronoun, last[2], people.role_of(last[2])):
        return last[2]
    if person is None:  # no one the model labelled a person agrees: a name it labelled otherwise
        person = people.nearest(start, fits, sure=False)
    return person.name if person is not None else None


def _governing_subject(
    doc: Doc, pronoun: Token, people: People, inside: Sequence[bool]
) -> str | None:
    """The named subject of a clause the pronoun's clause depends on, when it agrees: the
    "she" of `Pop told the host she believed ...` or `Pop backed the plan, saying she ...` is
    Pop, the subject above it, not the nearer name of whom she spoke to."""
    verb = pronoun.head
    for _ in range(GOVERNING_REACH):
        if verb.dep_ not in _EMBEDDED or verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ != "PROPN":
            continue
        if subject.ent_type_ not in ("PERSON", "") or (inside and inside[subject.i]):
            return None  # an organisation, a group, or a word of the quote
        if "\n" in doc[min(subject.i, pronoun.i) : max(subject.i, pronoun.i)].text:
            return None  # the parser ran the paragraph before on into the pronoun's
        a, b = mention_range(subject)
        name = _name(doc, subject, a, b, people)
        if name and agrees(pronoun.lower_, name, people.role_of(name)):
            return name
        return None  # the nearest subject above does not agree: leave it to the text order
    return None


def _position(attribution: Attribution) -> int:
    return attribution.speaker.i if attribution.speaker is not None else attribution.cue.i


def _name(doc: Doc, token: Token, a: int, b: int, people: People) -> str | None:
    """The full name a speaker mention stands for, if the article makes it known."""
    if token.pos_ == "PROPN":
        name = mention_name(token)
        return people.full_name(name, token.idx) if name else None
    for child in (*token.children, *named_after_of(token)):
        # "the harbour master, Ivan Petrov,"; not a name the parser ran on into the next paragraph.
        apart = "\n" in doc[min(token.i, child.i) : max(token.i, child.i)].text
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not apart:
            name = mention_name(child)
            return people.full_name(name, child.idx) if name else None
    if token.pos_ in ("NOUN", "ADJ"):
        # The description's own words: not its determiner nor whose it is ("the mayor's publicist").
        owner = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
        words = " ".join(
            t.lower_ for t in doc[a:b] if t.dep_ not in ("det", "case") and t.i not in owner
        )
        age = AGED.fullmatch(words)
        return people.by_age(doc, age[1], token.idx) if age else people.by_role(words, token.idx)
    return None


def _quote(doc: Doc, text: str, item: _Item, speaker: Speaker | None) -> Quote:
    """The record for an item, with cue and channel spans."""
    cue = channel = None
    if item.attribution is not None:
        token = item.attribution.cue
        cue = Span(token.idx, token.idx + len(token), token.text)
        if item.attribution.channel is not None:
            a, b = item.attribution.channel
            start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
            channel = Span(start, end, text[start:end])
    kind = item.kind
    assert kind in ("direct", "partial", "indirect")
    return Quote(item.start, item.end, text[item.start : item.end], kind, speaker, cue, channel)  # type: ignore[arg-type]
