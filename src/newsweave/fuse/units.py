"""Claim units: the reported statements of an article outside its direct quotations.

A unit is a clause of a sentence with the direct quotes and every attribution ("Moravin said
in a post on X") taken out of what is compared: what the outlet itself asserts, or reports as
indirect speech. A clause that continues the one before ("... and invited the mayor") is compared
together with it, since its subject is there.
Sentences are cut at paragraph breaks (the parser sometimes runs over them) and then into
clauses at strong punctuation, contrastive conjunctions, and "and" before a second verb, and a
long piece again where the parser's clauses begin (``analyse/clauses.py``), so a sentence that
carries two claims can be corroborated for one and not the other.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsweave.analyse.quotes.cues import SPEECH_VERBS
from newsweave.fuse.names import EntityOf, mention_key
from newsweave.records import Amount, ArticleAnalysis, Quote, Sentence

__all__ = ["Unit", "capitalised", "claim_units", "content_words", "without"]

_PARAGRAPH = re.compile(r"\n\s*\n")
#: Where one clause ends and the next begins (the cut falls at the start of group 1). A
#: comparison with an earlier figure (", compared with a profit of 120 million a year
#: earlier", ", up from 9 percent") is a claim of its own about that earlier time, and so is
#: what follows a colon ("Two people were killed: a motorist ...") or a "with" clause that
#: looks ahead (", with the bridge expected to open in 2029").
_CLAUSE = re.compile(
    r"(?:;|:\s+(?=[a-z])|\s[–—]\s|,\s+(?=(?:but|while|whereas|although|though|after)\s)|\s(?=but\s)"
    r"|\s(?=and\s+(?:then\s+)?[a-z]+ed\s)|\s(?=and\s+(?:had|has|have)\s+[a-z]+\s)"
    r"|,\s+(?=adding\s+that\s)"
    r"|,\s+(?=(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s)"
    r"|,\s+(?=with\s+(?:[\w'’-]+\s+){1,4}?(?:expected|due|set|scheduled|planned|likely)\s))"
)
#: "LINDMARK, March 14 (TPA) —": where and when, not a claim.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]*[A-Z],\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?\s*(?:\([^)]*\))?\s*[—–-]?$"
)
#: "MARROWGATE - The fire killed ...": a dateline that opens the line, before the claim.
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z .'-]*[A-Z](?:,\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?)?\s*(?:\([^)]*\))?\s*[—–-]\s+"
)
_CONTINUES = re.compile(r"and\s+(?!that\s)")
#: What joins two reported clauses: ", and " before "that B" (group 1 is the conjunction).
_JOINER = re.compile(r"[\s,]*(and|but)?\s*$")
_PRONOUN = re.compile(r"(?:He|She)\s")
#: ", a teacher from the village." after an inverted attribution ("said X"): who X is.
_APPOSITION = re.compile(r",[^.;:!?\"“”\n]{1,80}(?=[.;!?])")
#: ", who sent ...": a relative clause that tells about the name before it.
_RELATIVE = re.compile(r"\s*,\s*(?:who|which)\s+")
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
        "since",  # "since the talks opened" tells when, and is a claim only with more words
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
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}
_PREPOSITIONS = frozenset(["by", "to", "from", "with", "of", "for", "on", "at"])
_AT_CUE = 3  # characters between a speaker's name and the cue of an attribution ("X said")
_LONG_PIECE = 20  # words: a piece longer than this is cut again at the parser's clauses
_MIN_CLAUSE_CONTENT = 8  # content words each part of such a cut keeps
_MIN_WORDS = 4  # a clause shorter than this rides with its neighbour
_MIN_CONTENT = 4  # a unit needs this many content words to be a claim
_MIN_STANDALONE = 3  # ... and a clause that stands alone this many ("and two are missing")


_QUOTED, _ATTRIBUTION = b"\x01", b"\x02"  # what ``blank`` marks in a text


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
    counts: frozenset[float] = frozenset()  # what the unit counts, from ``MIN_COUNT`` up


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry content (no stop words, no bare punctuation)."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP]


def capitalised(text: str) -> frozenset[str]:
    """The capitalised words of ``text`` that are not function words: names and titles."""
    return frozenset(
        w
        for w in (m.group() for m in _WORD.finditer(text))
        if w[0].isupper() and w.lower() not in _STOP
    )


def without(text: str, words: frozenset[str]) -> str:
    """``text`` without ``words``."""
    return " ".join(_WORD.sub(lambda m: "" if m.group() in words else m.group(), text).split())


def claim_units(analysis: ArticleAnalysis, *, entity_of: EntityOf | None = None) -> list[Unit]:
    """The claim units of one article, in text order."""
    text = analysis.article.text
    # 1 where a character is quoted speech (left out of the evidence span), 2 where it
    # attributes a quote, direct or indirect (inside the span, but not compared: "Moravin said"
    # asserts nothing, and would make all of one speaker's claims look alike).
    blank = bytearray(len(text))
    for quote in analysis.quotes:
        for start, end in _attribution(quote, text):
            blank[start:end] = _ATTRIBUTION * (end - start)
        if quote.kind == "direct":
            blank[quote.start : quote.end] = _QUOTED * (quote.end - quote.start)
            _blank_marks(text, blank, quote.start, quote.end)
    art = analysis.article.id
    keyed = [(m.start, m.end, mention_key(art, m, entity_of=entity_of)) for m in analysis.entities]
    people = sorted(
        (m.start, k)
        for m, (_, _, k) in zip(analysis.entities, keyed, strict=True)
        if m.label == "PERSON"
    )
    person_starts = [s for s, _ in people]
    # Where the parser's clauses begin; a participial phrase lies inside one and cuts nothing.
    cuts = sorted(c.start for c in analysis.clauses if not c.about)
    phrases = [c for c in analysis.clauses if c.about]
    utterances = _second_utterances(text, analysis.quotes, analysis.sentences)
    alone = sorted(c.start for c in analysis.clauses if c.stands_alone)
    counts = sorted(a.start for a in analysis.amounts if _is_count(a))
    numbers = sorted(a.start for a in analysis.amounts if a.value is not None)
    # Looked up by position (bisect), not scanned per unit: a very long article has thousands.
    keyed.sort()
    mention_starts = [s for s, _, _ in keyed]
    cues = sorted(q.cue.start for q in analysis.quotes if q.kind == "direct" and q.cue)
    descriptions = _descriptions(analysis.quotes, text)
    units: list[Unit] = []
    previous: str | None = None  # the last person named before this sentence
    body = _after_headline(analysis)
    for sentence in analysis.sentences:
        if sentence.end <= body:
            continue
        if sentence.start < body:  # the parser ran a headline without a full stop into the lead
            lead = body + len(text[body:]) - len(text[body:].lstrip())
            sentence = dataclasses.replace(sentence, start=lead, text=text[lead : sentence.end])
        first = len(units)
        here = keyed[_at(mention_starts, sentence.start) : _at(mention_starts, sentence.end)]
        pieces = _pieces(text, sentence.start, sentence.end, cuts, utterances, alone, counts)
        for start, end in pieces:
            # Both sides of a cut at a clause that stands alone are claims, however short, and
            # so is a whole sentence the outlet asserts or reports ("More rain is forecast for
            # Tuesday.", "Most of the children were not vaccinated, officials said."; what is
            # left of a sentence with a quotation in it is often a fragment of what was said).
            whole = (start, end) == (sentence.start, sentence.end)
            whole = whole and _QUOTED not in blank[start:end]
            # A piece that states a number is told by it ("Turnout was 61 percent, | up from
            # 54", "Two people were killed: | a motorist ...").
            counted = _some_within(numbers, start - 1, end)
            stands = whole or counted or _has(alone, start) or _has(alone, end)
            least = _MIN_STANDALONE if stands else _MIN_CONTENT
            unit = _unit(text, blank, art, start, end, here, len(units), least)
            if unit is not None and (_frames_a_quote(unit, cues) or _NO_COMMENT.search(unit.text)):
                continue
            if (
                unit is not None
                and len(units) > first
                and _CONTINUES.match(unit.text)
                and not _has(alone, start)
                and not _some_within(counts, start - 1, end)
            ):
                # "... and invited the mayor": its subject and setting are in the clause before
                # ("... and 2,400 were evacuated" has its own, and "... and forcing 2,400 from
                # their homes" is told by its count).
                unit = dataclasses.replace(unit, text=f"{units[-1].text} {unit.text}")
            if unit is not None:
                if previous and start == sentence.start and _PRONOUN.match(text, start):
                    # "He was speaking alongside ..." is about the person just named.
                    unit = dataclasses.replace(unit, entities=unit.entities | {previous})
                units.append(unit)
        for start, end in descriptions:
            if sentence.start <= start < sentence.end:
                unit = _unit(text, bytearray(len(text)), art, start, end, here, len(units))
                if unit is not None:
                    # "Ruiz, who sent 40 officers, warned ...": a claim about the speaker.
                    told = _RELATIVE.sub(" ", unit.text, count=1)
                    units.append(dataclasses.replace(unit, text=told))
        for phrase in phrases:
            if sentence.start <= phrase.start < sentence.end:
                # The noun phrase told before it adds to its words: "The levy | approved by
                # the council on Friday" is a claim.
                least = _MIN_STANDALONE
                unit = _unit(text, blank, art, phrase.start, phrase.end, here, len(units), least)
                if unit is not None:
                    # "The motion, tabled by the opposition, ...": the opposition tabled it.
                    units.append(dataclasses.replace(unit, text=f"{phrase.about} {unit.text}"))
        last = _at(person_starts, sentence.end) - 1  # the last person named in the sentence
        if last >= 0 and person_starts[last] >= sentence.start:
            previous = people[last][1]
    return [_counted(u, analysis) for u in units]


def _after_headline(analysis: ArticleAnalysis) -> int:
    """Where the body begins after a first paragraph that repeats the article's title (a
    page's headline, kept in its text): the title is not a claim of its own, as it is not for
    articles whose title comes apart from the text; 0 when there is no such paragraph."""
    title, text = analysis.article.title, analysis.article.text
    end = text.find("\n\n")
    if not title or end < 0:
        return 0
    return end if " ".join(text[:end].split()).lower() == " ".join(title.split()).lower() else 0


#: Smaller counts ("two ministers", "seven villages") are too common to tell claims apart.
MIN_COUNT = 10
#: A number without a noun still counts something when it is written with a thousands
#: separator or in words ("about 2,400 were evacuated", "two thousand fled"); "2024" may be a
#: year.
_UNITLESS_COUNT = re.compile(r"\d,\d{3}|\b(?:hundred|thousand|million)s?\b", re.IGNORECASE)


def _counted(unit: Unit, analysis: ArticleAnalysis) -> Unit:
    """``unit`` with the values of the counts in its span ("some 4,000 workers", "four
    thousand workers": 4000), so that two outlets' wordings of one count can be matched. A
    share is no count ("up 12 percent" is not "12 billion euros")."""
    counts = frozenset(
        a.value
        for a in analysis.amounts
        if _is_count(a)
        and a.value is not None
        and unit.start <= a.start < unit.end
        and a.unit != "%"
    )
    return dataclasses.replace(unit, counts=counts) if counts else unit


def _is_count(amount: Amount) -> bool:
    """Whether an amount counts something from ``MIN_COUNT`` up."""
    return (
        amount.value is not None
        and amount.value >= MIN_COUNT
        and bool(amount.unit or _UNITLESS_COUNT.search(amount.text))
    )


def _at(starts: Sequence[int], offset: int) -> int:
    """The index of the first of ``starts`` (ascending) at or after ``offset``."""
    return bisect.bisect_left(starts, offset)


#: The outlet's own unanswered call ("could not immediately reach the ministry for comment",
#: "did not respond to a request for comment"): no claim about the story, and two outlets
#: that each failed to reach someone did not report one thing.
_NO_COMMENT = re.compile(
    r"(?:\b(?:not|n't)\s+(?:immediately\s+)?(?:be\s+)?(?:reach(?:ed)?|respond(?:ed)?"
    r"|return(?:ed)?|repl(?:y|ied)|available)|\bunavailable)\b[^.;]{0,80}?\bcomment\b",
    re.IGNORECASE,
)


def _frames_a_quote(unit: Unit, cues: Sequence[int]) -> bool:
    """Whether a unit only introduces a direct quotation ("Reading a statement to reporters,
    the spokeswoman said: ..."): it ends on the quote's cue (``cues``: where the direct quotes'
    cues start, ascending) and a colon. Who the speaker is and where they spoke is not a
    claim; "confirmed the rejection and said, ..." is one."""
    at = _at(cues, unit.start)
    return unit.text.endswith(":") and at < len(cues) and cues[at] < unit.end


def _attribution(quote: Quote, text: str) -> list[tuple[int, int]]:
    """The spans that attribute a quote: its cue and channel, and its speaker when the speaker
    is the subject of the cue ("Moravin said", "Moravin, who arrived at dawn, said": who a
    speaker is, is not a claim). A speaker named as the object of something else is part of a
    claim ("the talks were agreed to by Moravin, who said ...")."""
    speaker, cue = quote.speaker, quote.cue
    if cue is not None and not _speech(cue.text):
        return []  # "his party would decide whether ...": a verb of thought is the claim's own
    spans = [(s.start, s.end) for s in (cue, quote.channel) if s is not None]
    if speaker is None:
        return spans
    if quote.kind == "direct" or (
        cue is not None
        and (
            max(cue.start - speaker.end, speaker.start - cue.end) <= _AT_CUE
            or _according_to(cue.text, text[cue.end : speaker.start])
        )
    ):
        spans.append((speaker.start, speaker.end))
        if cue is not None and cue.end <= speaker.start:
            spans.append((cue.end, speaker.start))  # "according to X": the "to"
            told = _APPOSITION.match(text, speaker.end)
            if told and quote.end <= cue.start:
                spans.append((speaker.end, told.end()))  # "said X, a teacher from Y."
    elif (
        cue is not None
        and speaker.end < cue.start
        and _described(text, speaker.start, speaker.end, cue.start)
    ):
        spans.append((speaker.start, cue.start))
    return spans


def _according_to(cue: str, between: str) -> bool:
    """Whether a cue and what lies between it and its speaker read "according to X"."""
    return cue.lower() == "according" and between.split() == ["to"]


def _descriptions(quotes: Sequence[Quote], text: str) -> list[tuple[int, int]]:
    """The spans, from the speaker to the cue, of speakers described by a relative clause
    ("Ruiz, who sent 40 officers to the harbour, warned"): the attribution is not compared,
    but what the relative clause tells about the speaker is a claim of its own. A short one
    is the speaker's role ("Ruiz, who chairs the council, said"), not a claim."""
    spans = set()
    for quote in quotes:
        speaker, cue = quote.speaker, quote.cue
        if (
            speaker is not None
            and cue is not None
            and speaker.end < cue.start
            and _described(text, speaker.start, speaker.end, cue.start)
            and (relative := _RELATIVE.match(text, speaker.end, cue.start))
            and len(content_words(text[relative.end() : cue.start])) >= _MIN_CONTENT
        ):
            spans.add((speaker.start, cue.start))
    return sorted(spans)


def _speech(cue: str) -> bool:
    """Whether a cue as written ("said", "adding", "according") is a verb of speech."""
    word = cue.lower().split()[0] if cue.strip() else ""
    word = _IRREGULAR.get(word, word)
    forms = {word, word[:-1], word[:-2], word[:-3], word[:-2] + "e", word[:-3] + "e"}
    return bool(forms & SPEECH_VERBS)


def _described(text: str, start: int, end: int, cue: int) -> bool:
    """Whether ``text[end:cue]`` describes the speaker ending at ``end`` between commas, and
    the speaker is not the object of a preposition ("by X, who ...")."""
    between = text[end:cue].strip()
    before = text[max(0, start - 6) : start].split()
    return (
        between.startswith(",")
        and between.endswith(",")
        and not (before and before[-1].lower() in _PREPOSITIONS)
    )


def _blank_marks(text: str, blank: bytearray, start: int, end: int) -> None:
    """Blank the quotation marks around a quote too, so they do not glue clauses together."""
    for i in (start - 1, end):
        if 0 <= i < len(text) and text[i] in "\"“”‘’'«»":
            blank[i] = 1


def _second_utterances(
    text: str, quotes: Sequence[Quote], sentences: Sequence[Sentence]
) -> list[int]:
    """Where a sentence's second and later reported clauses begin ("X said A and that B":
    at "and that B"), with the conjunction: each utterance is a claim of its own, whatever
    the sentence's length."""
    reported = sorted((q.start, q.end) for q in quotes if q.kind == "indirect")
    cuts = []
    sentence_starts = [s.start for s in sentences]
    for (_, end), (start, _) in itertools.pairwise(reported):
        same_sentence = bisect.bisect_right(sentence_starts, end) == bisect.bisect_right(
            sentence_starts, start
        )
        if same_sentence and end <= start:
            joiner = _JOINER.search(text, end, start)
            cuts.append(joiner.start(1) if joiner and joiner.group(1) else start)
    return cuts


def _pieces(
    text: str,
    start: int,
    end: int,
    clauses: list[int],
    utterances: list[int],
    alone: list[int],
    counts: list[int],
) -> list[tuple[int, int]]:
    """A sentence cut at paragraph breaks, clauses, second utterances and clauses that stand
    alone (``alone``, with at least ``_MIN_STANDALONE`` content words); short bits stay with a
    neighbour. A long piece (a lead sentence that carries the who, what, when and how many)
    is cut again where the parser's ``clauses`` begin, so each of its claims can be
    corroborated on its own."""
    cuts = [start, *_within(utterances, start, end)]
    standalone = list(_within(alone, start, end))
    cuts += [a for a, b in itertools.pairwise([*standalone, end]) if _enough(text, a, b)]
    for para in _PARAGRAPH.finditer(text, start, end):
        cuts.append(para.end())
    at_clause = {clause.end() for clause in _CLAUSE.finditer(text, start, end)}
    cuts = [*sorted(set(cuts) | at_clause), end]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        short = len(_WORD.findall(text[a:b])) < _MIN_WORDS
        # A clause too slight to be a claim of its own stays with the one before ("... | and
        # had found no further victims"), or it would be lost.
        slight = a in at_clause and a not in standalone and a not in utterances
        slight = slight and not _some_within(counts, a - 1, b)
        slight = slight and len(content_words(text[a:b])) < _MIN_CONTENT
        if merged and (short or slight) and not _PARAGRAPH.search(text, merged[-1][1] - 1, b):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [part for a, b in merged for part in _long_cut(text, a, b, clauses, counts)]


def _within(starts: list[int], start: int, end: int) -> Iterator[int]:
    """The ``starts`` (ascending) strictly inside ``start``..``end``."""
    return (s for s in starts[bisect.bisect_right(starts, start) :] if s < end)


def _some_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the ``starts`` lies strictly inside ``start``..``end`` (an offset may be
    0, so ``any`` of them will not do)."""
    return next(_within(starts, start, end), None) is not None


def _has(starts: list[int], offset: int) -> bool:
    at = _at(starts, offset)
    return at < len(starts) and starts[at] == offset


def _enough(text: str, start: int, end: int) -> bool:
    return len(content_words(text[start:end])) >= _MIN_STANDALONE


def _long_cut(
    text: str, start: int, end: int, clauses: list[int], counts: list[int]
) -> list[tuple[int, int]]:
    """A piece of more than ``_LONG_PIECE`` words cut where clauses begin, each part keeping
    at least ``_MIN_CLAUSE_CONTENT`` content words (a shorter one joins the part before it),
    or ``_MIN_STANDALONE`` when it states a count (``counts``: where counts start): "...,
    forcing some 2,400 residents from their homes" is what other outlets report on its own.
    """
    if len(_WORD.findall(text[start:end])) <= _LONG_PIECE:
        return [(start, end)]

    def short(a: int, b: int) -> bool:
        least = _MIN_STANDALONE if _some_within(counts, a - 1, b) else _MIN_CLAUSE_CONTENT
        return len(content_words(text[a:b])) < least

    inner = list(_within(clauses, start, end))
    parts: list[tuple[int, int]] = []
    for a, b in itertools.pairwise([start, *inner, end]):
        if parts and short(a, b):
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    # The first part names the subject: a count in it ("Halvorsen, which employs 460 people,")
    # tells about the subject, not a claim of its own.
    if len(parts) > 1 and len(content_words(text[slice(*parts[0])])) < _MIN_CLAUSE_CONTENT:
        parts[:2] = [(parts[0][0], parts[1][1])]
    return parts


def _unit(
    text: str,
    blank: bytearray,
    article: str,
    start: int,
    end: int,
    keyed: list[tuple[int, int, str]],
    order: int,
    least: int = _MIN_CONTENT,
) -> Unit | None:
    lead = _DATELINE_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    own = "".join(" " if blank[i] else text[i] for i in range(start, end))
    if len(content_words(own)) < least or _DATELINE.match(own.strip()):
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
