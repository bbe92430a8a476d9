"""Claim units: the reported statements of an article outside its direct quotations.

A unit is a clause of a sentence with the direct quotes and every attribution ("Zelenskyy said
in a post on X") taken out of what is compared: what the outlet itself asserts, or reports as
indirect speech. A clause that continues the one before ("... and invited Putin") is compared
together with it, since its subject is there.
Sentences are cut at paragraph breaks (the parser sometimes runs over them) and then into
clauses at strong punctuation, contrastive conjunctions, and "and" before a second verb, so a
sentence that carries two claims can be corroborated for one and not the other.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsweave.fuse.names import EntityOf, mention_key
from newsweave.records import ArticleAnalysis, Quote, Span, Speaker

__all__ = ["Unit", "claim_units", "content_words"]

_PARAGRAPH = re.compile(r"\n\s*\n")
#: Where one clause ends and the next begins (the cut falls at the start of group 1).
_CLAUSE = re.compile(
    r"(?:;|\s[–—]\s|,\s+(?=(?:but|while|whereas|although|though|after)\s)|\s(?=but\s)"
    r"|\s(?=and\s+(?:then\s+)?[a-z]+ed\s))"
)
#: "LINDMARK, March 14 (TPA) —": where and when, not a claim.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]*[A-Z],\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?\s*(?:\([^)]*\))?\s*[—–-]?$"
)
#: "MARROWGATE - The fire killed ...": a dateline that opens the line, before the claim.
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z .'-]*[A-Z](?:,\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?)?\s*(?:\([^)]*\))?\s*[—–-]\s+"
)
_CONTINUES = re.compile(r"and\s")
_PRONOUN = re.compile(r"(?:He|She)\s")
_WORD = re.compile(r"[\w][\w'’.-]*\w|\w")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "there",
        "here",
        "also",
        "would",
        "will",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "onto",
        "up",
        "down",
        "out",
        "off",
        "again",
        "once",
        "so",
        "such",
        "very",
        "just",
        "only",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "both",
        "few",
        "other",
        "said",
        "says",
        "say",
        "told",
        "added",
        "continued",
        "wrote",
        "stated",
        "noted",
    ]
)
_AT_CUE = 3  # characters between a speaker's name and the cue of an attribution ("X said")
_MIN_WORDS = 4  # a clause shorter than this rides with its neighbour
_MIN_CONTENT = 4  # a unit needs this many content words to be a claim


@dataclass(frozen=True)
class Unit:
    """One claim unit of one article (offsets into that article's text)."""

    article: str
    start: int
    end: int
    text: str  # what is compared: the span without direct quotes and attributions
    words: frozenset[str]  # content words, lower case
    entities: frozenset[str]  # entity keys named in the unit
    order: int  # position among the article's units


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry content (no stop words, no bare punctuation)."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP]


def claim_units(analysis: ArticleAnalysis, *, entity_of: EntityOf | None = None) -> list[Unit]:
    """The claim units of one article, in text order."""
    text = analysis.article.text
    # 1 where a character is quoted speech (left out of the evidence span), 2 where it
    # attributes a quote, direct or indirect (inside the span, but not compared: "Moravin said"
    # asserts nothing, and would make all of one speaker's claims look alike).
    blank = bytearray(len(text))
    for quote in analysis.quotes:
        for span in _attribution(quote):
            blank[span.start : span.end] = b"\x02" * (span.end - span.start)
        if quote.kind == "direct":
            blank[quote.start : quote.end] = b"\x01" * (quote.end - quote.start)
            _blank_marks(text, blank, quote.start, quote.end)
    art = analysis.article.id
    keyed = [(m.start, m.end, mention_key(art, m, entity_of=entity_of)) for m in analysis.entities]
    people = [
        (m.start, k)
        for m, (_, _, k) in zip(analysis.entities, keyed, strict=True)
        if m.label == "PERSON"
    ]
    units: list[Unit] = []
    previous: str | None = None  # the last person named before this sentence
    for sentence in analysis.sentences:
        first = len(units)
        for start, end in _pieces(text, sentence.start, sentence.end):
            unit = _unit(text, blank, art, start, end, keyed, len(units))
            if unit is not None and len(units) > first and _CONTINUES.match(unit.text):
                # "... and invited Putin": its subject and setting are in the clause before.
                unit = dataclasses.replace(unit, text=f"{units[-1].text} {unit.text}")
            if unit is not None:
                if previous and start == sentence.start and _PRONOUN.match(text, start):
                    # "He was speaking alongside ..." is about the person just named.
                    unit = dataclasses.replace(unit, entities=unit.entities | {previous})
                units.append(unit)
        named = [k for s, k in people if sentence.start <= s < sentence.end]
        previous = named[-1] if named else previous
    return units


def _attribution(quote: Quote) -> list[Span | Speaker]:
    """The words that attribute a quote: its cue and channel, and its speaker when named at
    the cue ("Moravin said"); a speaker named elsewhere in the sentence is part of a claim
    ("the talks were agreed to by Moravin, who said ...")."""
    spans: list[Span | Speaker] = [s for s in (quote.cue, quote.channel) if s is not None]
    speaker, cue = quote.speaker, quote.cue
    if quote.kind == "direct" or (
        speaker is not None
        and cue is not None
        and max(cue.start - speaker.end, speaker.start - cue.end) <= _AT_CUE
    ):
        spans += [speaker] if speaker is not None else []
    return spans


def _blank_marks(text: str, blank: bytearray, start: int, end: int) -> None:
    """Blank the quotation marks around a quote too, so they do not glue clauses together."""
    for i in (start - 1, end):
        if 0 <= i < len(text) and text[i] in "\"“”‘’'«»":
            blank[i] = 1


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at paragraph breaks and clauses; short bits stay with a neighbour."""
    cuts = [start]
    for para in _PARAGRAPH.finditer(text, start, end):
        cuts.append(para.end())
    for clause in _CLAUSE.finditer(text, start, end):
        cuts.append(clause.end())
    cuts = [*sorted(set(cuts)), end]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        short = len(_WORD.findall(text[a:b])) < _MIN_WORDS
        if merged and short and not _PARAGRAPH.search(text, merged[-1][1] - 1, b):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _unit(
    text: str,
    blank: bytearray,
    article: str,
    start: int,
    end: int,
    keyed: list[tuple[int, int, str]],
    order: int,
) -> Unit | None:
    lead = _DATELINE_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    own = "".join(" " if blank[i] else text[i] for i in range(start, end))
    if len(content_words(own)) < _MIN_CONTENT or _DATELINE.match(own.strip()):
        return None
    # Trim the evidence span to what is kept, so it starts and ends on the outlet's own words.
    lo, hi = start, end
    while lo < hi and (blank[lo] == 1 or not _keeps(text[lo])):
        lo += 1
    while hi > lo and (blank[hi - 1] == 1 or text[hi - 1].isspace()):
        hi -= 1
    entities = frozenset(k for s, e, k in keyed if s >= lo and e <= hi and blank[s] != 1)
    return Unit(
        article,
        lo,
        hi,
        " ".join(own.split()).strip(" ,;–—"),
        frozenset(content_words(own)),
        entities,
        order,
    )


_keeps: Callable[[str], bool] = lambda c: c.isalnum()  # noqa: E731 - a unit starts on a word
