"""Finding the cue of each quoted segment, the way a reader looks for "said" around a quote.

In order: a cue right after the closing mark (`"...," he said`, read in ``trailing``); a name
before the colon that opens the quote; a cue before an opening mark that follows a comma or colon
(`said: "..."`); a reporting verb the quote hangs from in the parse; the nearest cue outside
quotes in the same sentence; a bare cue in the sentence before; last, whose reply or post the
words before the quote are. Segments with no cue of their own are settled later, by the
paragraph they sit in (see ``__init__``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsweave.analyse.quotes.cues import (
    CHANNEL_NOUNS,
    QUOTATION_ONLY,
    SPEECH_VERBS,
    Attribution,
    attribute,
    is_cue,
    spoken_form,
    spoken_past,
)
from newsweave.analyse.quotes.marks import Segment
from newsweave.analyse.quotes.trailing import SENTENCE_END, described_cue, has_subject, trailing_cue
from newsweave.lexicon.grammar import FIRST_PERSON, NOMINAL_SUBJECTS, WH_PRONOUNS

#: How far (in tokens) a leading cue may sit from the opening mark.
LEADING_WINDOW = 25
DASHES = frozenset({"-", "–", "—", "--"})
#: What comes before a quote that opens a sentence; such a quote takes no cue from further on
#: in the sentence (the paragraph's other quotes settle it).
_OPENERS = frozenset({"", ".", "?", "!", "”", '"'})
#: Nouns for what someone said or wrote: whose they are speaks (`Ruiz's reply was: "..."`).
WORDS_NOUNS = CHANNEL_NOUNS | {
    "response",
    "reply",
    "answer",
    "words",
    "word",
    "dictum",
    "comment",
    "remark",
    "retort",
    "message",
    "quote",
    "question",
    "warning",
    "advice",
    "explanation",
    "motto",
    "slogan",
    "verdict",
}
#: Documents that can be quoted from: `From the ruling: "..."`.
DOCUMENT_NOUNS = frozenset(
    {"report", "ruling", "decision", "complaint", "lawsuit", "indictment", "memo", "filing"}
    | {"transcript", "order", "opinion", "study", "survey", "book", "article", "editorial"}
)
#: Whose words a pronoun can say: not "my question" (the writer's own).
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "their", "its"})
#: Tags of a finite verb: a clause of its own, not a description or a participle.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Verbs that introduce the quote after them with nothing reported of their own: "Ruiz said
#: in a statement.", "Ruiz agreed." (the quote is what was agreed).
_BARE_CUES = SPEECH_VERBS | {"agree"}


def char_before(text: str, pos: int, *, space: str = " \t\n\r\xa0") -> str:
    """The first character before ``pos`` that is not in ``space`` ("" at the start)."""
    i = pos - 1
    while i >= 0 and text[i] in space:
        i -= 1
    return text[i] if i >= 0 else ""


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens covering characters ``start..end`` (expanded to whole tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # only whitespace: an empty range at the right place
        span = doc.char_span(start, start, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def quoted_tokens(doc: Doc, segments: Sequence[Segment]) -> list[bool]:
    """For every token, whether it lies inside quotation marks (the marks included)."""
    inside = [False] * len(doc)
    for seg in segments:
        end = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        a, b = token_range(doc, seg.open_mark, end)
        for i in range(a, b):
            inside[i] = True
    return inside


def find_cue(
    doc: Doc, text: str, seg: Segment, inside: list[bool]
) -> tuple[Attribution | None, bool]:
    """The attribution of a segment, and whether its cue trails it (`"...," she said`).

    Candidate cues are tried in order of how tightly they bind to the quote; the first one with
    a speaker wins.
    """
    a, b = token_range(doc, seg.start, seg.end)
    if a >= b:
        return None, False
    closed = seg.end > seg.start and text[seg.end - 1] in SENTENCE_END
    # `Kawecka said: "... family." She said that ...`: a whole sentence quoted after a colon
    # belongs to what introduced it; the cue after it starts a sentence of its own.
    # So is one after a comma (`Moya said, "... family." The judge recalled ...`).
    # Not when the sentence goes on in lower case (`...: "Why?" a reporter asked`).
    introduced = (
        closed and char_before(text, seg.open_mark) in (":", ",") and not _goes_on(text, seg)
    )
    trailing = None if introduced else trailing_cue(doc, text, seg, b, inside)
    if trailing is None and not introduced:
        trailing = described_cue(doc, text, seg, b, inside)
    if trailing is not None:
        return trailing, True
    named = _colon_name(doc, text, seg, a, inside)
    if named is not None:
        return named, False
    candidates = [
        *_leading(doc, text, seg, a, inside),
        *_governor(doc, a, b, inside, closed=closed),
        *_in_sentence(doc, a, b, inside, after=char_before(text, seg.open_mark) not in _OPENERS),
        *_said_before(doc, text, seg, a, inside),
    ]
    for cue in candidates:
        found = attribute(cue, inside)
        if found.speaker is None or found.speaker.lower_ in WH_PRONOUNS or _aside(found):
            continue
        return found, False
    if char_before(text, seg.open_mark) == ":" and (label := _colon_label(doc, seg, a)):
        return label, False
    return _whose_words(doc, text, seg, a, inside), False


def _colon_label(doc: Doc, seg: Segment, a: int) -> Attribution | None:
    """What the words before a colon that opens the quote name as its source, when no verb of
    the parse reports it: a speech verb the tagger read as a noun (`Section 4 states:`), `Here's
    Ruiz at the hearing:` and `From the ruling:`."""
    i = a - 1
    while i >= 0 and (doc[i].idx >= seg.open_mark or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].text != ":":
        return None
    start = i - 1
    while start > 0 and doc[start - 1].text not in SENTENCE_END and "\n" not in doc[start - 1].text:
        start -= 1
    last = doc[i - 1]
    if last.pos_ in ("NOUN", "PROPN", "ADJ") and spoken_form(last.text) and not last.is_title:
        subject = next((c for c in last.children if c.dep_ in NOMINAL_SUBJECTS), None)
        before = doc[last.i - 1]
        if subject is None and before.pos_ in ("NOUN", "PROPN") and before.i >= start:
            subject = before
        return Attribution(last, subject, None) if subject is not None else None
    if (follows := _as_follows(doc, start, i)) is not None:
        return follows
    if (topic := _name_on_topic(doc, start, i)) is not None:
        return topic
    if (described := _name_described(doc, start, i)) is not None:
        return described
    first = doc[start]
    if first.lower_ == "here" and start + 2 < i and doc[start + 1].lower_ in ("'s", "’s", "is"):
        name = doc[start + 2]
        while name.i + 1 < i and doc[name.i + 1].pos_ == "PROPN":
            name = doc[name.i + 1]
        named = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.is_title)
        return Attribution(doc[start + 1], name, None) if named else None
    if first.lower_ == "from" and start + 1 < i:
        source = doc[i - 1]
        named = source.pos_ == "PROPN" or source.lemma_.lower() in WORDS_NOUNS | DOCUMENT_NOUNS
        plain = all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in doc[start + 1 : i])
        return Attribution(first, source, None) if named and plain else None
    return None


def _as_follows(doc: Doc, start: int, colon: int) -> Attribution | None:
    """`Partial transcript as follows:`, `Her full statement follows:`: the words that follow
    are the transcript's or the statement's (or the person's, when a name stands there)."""
    verb = doc[colon - 1]
    if verb.lower_ not in ("follows", "follow") or colon - 2 < start:
        return None
    j = colon - 2
    if doc[j].lower_ == "as" and j > start:
        j -= 1
    source = doc[j]
    named = source.pos_ == "PROPN" or source.lemma_.lower() in WORDS_NOUNS | DOCUMENT_NOUNS
    return Attribution(verb, source, None) if named and source.pos_ in ("NOUN", "PROPN") else None


def _name_on_topic(doc: Doc, start: int, colon: int) -> Attribution | None:
    """`Ana Pop on the port: "..."`, as headlines and live blogs introduce what someone said
    about something: a name, "on" and a plain noun phrase, then the colon."""
    j = start
    while j < colon and doc[j].pos_ == "PROPN":
        j += 1
    if j == start or j + 1 >= colon or doc[j].lower_ != "on":
        return None
    if not all(
        t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART") for t in doc[j + 1 : colon]
    ):
        return None
    name = doc[j - 1]
    if name.ent_type_ not in ("PERSON", "ORG", ""):
        return None
    return Attribution(doc[colon], name, None)


def _name_described(doc: Doc, start: int, colon: int) -> Attribution | None:
    """`Ana Pop, harbour engineer: "..."`, `ANA POP, MAYOR:` (as transcripts label their
    speakers) and `Ana Pop, speaking to the crowd on Monday: "..."`: a name opening the
    sentence, set off by a comma and followed by who the person is or what they were doing,
    with no finite verb before the colon (that verb would be the cue)."""
    j = start
    while j < colon and doc[j].pos_ == "PROPN":
        j += 1
    if j == start or j + 1 >= colon or doc[j].text != ",":
        return None
    if doc[j + 1].ent_type_ in ("DATE", "TIME"):
        return None  # a dateline: `Osterby, Monday:`
    name = doc[j - 1]
    if name.ent_type_ not in ("PERSON", "ORG", "") or not doc[start].text[:1].isupper():
        return None
    if any(t.tag_ in _FINITE and t.dep_ != "acl" for t in doc[j + 1 : colon]):
        return None  # (`Ana Pop, asked about it:`: a participle the tagger read as a past)
    return Attribution(doc[colon], name, None)


def _aside(found: Attribution) -> bool:
    """The writer's "and I quote" before someone else's words: no cue of its own."""
    speaker = found.speaker
    return (
        found.cue.lemma_.lower() == "quote"
        and speaker is not None
        and (speaker.lower_ in FIRST_PERSON)
    )


def _goes_on(text: str, seg: Segment) -> bool:
    """Whether a lower-case word follows the closing mark (the quote's sentence goes on)."""
    if seg.close_mark is None:
        return False
    rest = text[seg.close_mark + 1 : seg.close_mark + 40].lstrip(" \xa0")
    return rest[:1].islower()


def _whose_words(
    doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]
) -> Attribution | None:
    """`Ruiz's reply was: "..."`, `From Ruiz's post: "..."`: no reporting verb, but the words
    before the colon or comma are someone's reply, post or statement; that someone speaks."""
    if char_before(text, seg.open_mark) not in (",", ":"):
        return None
    i = a - 1
    while i >= 0 and a - i <= LEADING_WINDOW:
        token = doc[i]
        if (inside[i] and token.idx < seg.open_mark) or "\n" in token.text:
            return None
        if token.text in SENTENCE_END and token.idx < seg.open_mark - 1:
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in WORDS_NOUNS:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and (
                owner.pos_ == "PROPN" or owner.lower_ in THIRD_PERSON_POSSESSIVES
            ):
                return Attribution(token, owner, None)
        i -= 1
    return None


def _governor(doc: Doc, a: int, b: int, inside: list[bool], *, closed: bool) -> list[Token]:
    """Cue verbs the quoted words depend on, found by walking up the parse.

    A verb after a quote that is a whole sentence (``closed``) or in the next paragraph is a
    parser slip, not the quote's cue: `"... recruits." Fact-checkers noted that ...`; so is one
    in the paragraph before, unless a colon ends it (``_leading`` reads `Imrie stated:`).
    """
    found = []
    for token in doc[a:b]:
        head = token.head
        if a <= head.i < b:
            continue
        for _ in range(3):
            if not inside[head.i] and is_cue(head):
                if head.i < a and _newline_between(doc, head.i + 1, a):
                    break  # the parser ran the paragraph before on into the quote's
                if head.i < a or not (closed or _newline_between(doc, b, head.i)):
                    found.append(head)
                break
            if head.head is head:
                break
            head = head.head
    return found


def _leading(doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]) -> list[Token]:
    """Cues before an opening mark that follows a comma or colon (`he said, "..."`), nearest first.

    After a colon, any verb with a subject counts (`Cruz called them on it: "..."`), and the
    colon may end the paragraph before the quote's.
    """
    before = char_before(text, seg.open_mark)
    if before not in (",", ":", "—", "–"):
        return []
    # After a colon, or a dash that sets the quote into the sentence (`When Pop wrapped up —
    # "I will win!" — ...`), the verb before it with its subject introduces it.
    colon = before in (":", "—", "–")
    cues, others = [], []
    i = a - 1
    while colon and i >= 0 and (doc[i].is_space or doc[i].idx >= seg.open_mark):
        # `Imrie stated:` ending the paragraph before: the colon carries over the break (and
        # over the opening mark, a token of its own).
        i -= 1
    while i >= 0 and a - i <= LEADING_WINDOW:
        token = doc[i]
        if inside[i] and token.idx < seg.open_mark:
            break
        if "\n" in token.text or (token.text in SENTENCE_END and token.idx < seg.open_mark - 1):
            break
        if is_cue(token):
            cues.append(token)
        elif _clause_verb(token) and has_subject(token) and (colon or _issues(token)):
            others.append(token)
        i -= 1
    return cues + others


def _clause_verb(token: Token) -> bool:
    """A verb, or the "was" of a main clause (`The board was blunt in its report: "..."`),
    also when the parser hung that clause on the quote; not the "was" of a relative clause,
    nor that of someone's words (`Kolar's reply was: "..."`: Kolar speaks, ``_whose_words``)."""
    if token.pos_ != "AUX":
        return token.pos_ == "VERB"
    words = any(c.dep_ == "nsubj" and c.lemma_.lower() in WORDS_NOUNS for c in token.children)
    return token.dep_ in ("ROOT", "ccomp") and not words


def _said_before(doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]) -> list[Token]:
    """A reporting verb with nothing reported in the sentence before a quote that opens its
    own: `Ruiz said in a statement. "The count is final."`. The sentence may end the paragraph
    before one the quote opens when its main verb is the cue (`Ruiz said in a statement.` or
    `The board issued a statement on Friday.`, then the quote's paragraph)."""
    if char_before(text, seg.open_mark) not in SENTENCE_END:
        return []
    i = a - 1
    breaks = 0
    while i >= 0 and (doc[i].idx >= seg.open_mark or doc[i].is_space or doc[i].is_punct):
        breaks += "\n" in doc[i].text
        i -= 1
    if i < 0 or inside[i] or breaks > 1 or (breaks and not _opens_paragraph(text, seg)):
        return []
    sent = doc[i].sent
    if any(inside[sent.start : i + 1]):
        return []  # `"A," she said. "B."`: B goes on with A (``__init__._inherit``)
    return [
        t
        for t in doc[sent.start : i + 1]
        if (not breaks or t.dep_ == "ROOT")
        and (_bare_cue(t) or (breaks and _issues(t)) or (not breaks and _speech(t)))
    ][::-1]


def _bare_cue(verb: Token) -> bool:
    """A reporting verb with nothing reported after it: `Ruiz said in a statement.`"""
    return (
        verb.lemma_.lower() in _BARE_CUES
        and is_cue(verb)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
    )


def _speech(verb: Token) -> bool:
    """The main verb of its sentence, a speech verb (not one of thought, nor one that only
    frames a quotation) with a subject: `Ruiz mentioned that ...`."""
    lemma = verb.lemma_.lower()
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    speech = lemma in SPEECH_VERBS and lemma not in QUOTATION_ONLY
    return main and speech and is_cue(verb) and has_subject(verb)


def _opens_paragraph(text: str, seg: Segment) -> bool:
    """Whether the segment's opening mark is the first thing on its line."""
    return char_before(text, seg.open_mark, space=" \t\xa0") in ("", "\n")


def _issues(verb: Token) -> bool:
    """A verb whose object is a statement, post, question or the like: `Ruiz issued a
    statement, "..."`, `Ruiz put a question to the workers.`"""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in WORDS_NOUNS for c in verb.children)


def _in_sentence(
    doc: Doc, a: int, b: int, inside: list[bool], *, after: bool = True
) -> list[Token]:
    """Cues outside quotes in the quote's sentence: those before it (nearest first), then after."""
    sent = doc[a].sent
    start = sent.start
    for t in doc[sent.start : a]:
        if "\n" in t.text_with_ws:
            start = t.i + 1  # the parser ran the paragraph before on into the quote's
    before = [t for t in doc[start:a] if not inside[t.i] and is_cue(t)]
    if not after:
        return before[::-1]
    later = []
    for t in doc[b : doc[b - 1].sent.end]:
        if "\n" in t.text_with_ws:
            break  # the parser ran the sentence on into the next paragraph
        if not inside[t.i] and is_cue(t):
            later.append(t)
    return before[::-1] + later


def _newline_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a line break lies among tokens ``start..end`` (a paragraph boundary)."""
    return any("\n" in t.text_with_ws for t in doc[max(start - 1, 0) : end])


def _colon_name(
    doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]
) -> Attribution | None:
    """A name right before the colon that opens the quote: `- Jane Roe: "..."`.

    Not when the name is what a cue verb governs (`he told Smith: "..."`): that is the listener.
    """
    if char_before(text, seg.open_mark) != ":":
        return None
    i = a - 1
    while i >= 0 and (doc[i].idx >= seg.open_mark or doc[i].is_space):
        i -= 1
    if i < 1 or not (doc[i].text == ":" or doc[i].text.endswith("):")) or inside[i - 1]:
        return None
    # `Senator Ana Pop (Unity):` (the tokenizer may keep "):" whole, or glue it to an
    # abbreviation: `(U-E.Q.):`).
    j = _before_brackets(doc, i - 1 if doc[i].text == ":" else i)
    name = doc[j]
    if name.pos_ != "PROPN" or not name.text[0].isupper():
        return None
    if name.ent_type_ not in ("PERSON", "ORG", ""):
        return None
    start = j
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if spoken_past(doc[start].text) and start < j:
        # `Stated Imrie:` / `Added Kole:`: the tagger read the inverted verb as a name.
        return Attribution(doc[start], name, None, doc[start + 1 : j + 1].text)
    if start > 0 and doc[start - 1].text in DASHES:
        return Attribution(doc[i], name, None)  # a byline: "Polls moved - Jane Roe: ..."
    if name.dep_ == "pobj" and name.head.lower_ == "to" and name.head.head.i < name.i:
        return None  # whom it was said to: `Ruiz sent a short note to Lind: "..."`
    head = name.head
    for _ in range(3):
        if head.i < name.i and _newline_between(doc, head.i + 1, name.i):
            break  # the parser ran a sentence on: `Who told you that?"` / `Ana Pop:"We ..."`
        if head.lemma_.lower() in SPEECH_VERBS and head.i < name.i:
            return None
        if head.head is head:
            break
        head = head.head
    return Attribution(doc[i], name, None)


def _before_brackets(doc: Doc, i: int) -> int:
    """The token before a bracketed label ending at ``i`` (`Ana Pop (Unity)`), else ``i``."""
    if not doc[i].text.endswith((")", "):")):
        return i
    for j in range(i - 1, max(i - 8, 0), -1):
        if doc[j].text == "(":
            return j - 1 if j > 0 else i
    return i
