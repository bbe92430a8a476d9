"""Finding the cue of each quoted segment, the way a reader looks for "said" around a quote.

In order: a reporting verb the quote hangs from in the parse; a cue right after the closing mark
(`"...," he said`); a cue before an opening mark that follows a comma or colon (`said: "..."`);
the nearest cue outside quotes in the same sentence. Segments with no cue of their own are
settled later, by the paragraph they sit in (see ``__init__``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsweave.analyse.quotes.cues import (
    CHANNEL_NOUNS,
    SPEECH_VERBS,
    Attribution,
    attribute,
    is_cue,
    spoken_form,
    spoken_past,
)
from newsweave.analyse.quotes.marks import Segment
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS, WH_PRONOUNS

#: How far (in tokens) a trailing or leading cue may sit from the quotation mark.
TRAILING_WINDOW = 16
LEADING_WINDOW = 25
#: How many tokens after an inverted cue (`said Edward Lamb`) the speaker's name may run.
NAME_WINDOW = 6
_SENTENCE_END = frozenset(".?!")
DASHES = frozenset({"-", "–", "—", "--"})
#: What comes before a quote that opens a sentence; such a quote takes no cue from further on
#: in the sentence (the paragraph's other quotes settle it).
_OPENERS = frozenset({"", ".", "?", "!", "”", '"'})
#: Words that start another clause after a quote: no cue of the quote lies beyond them.
_CLAUSE_LINKS = frozenset({"and", "but", "while", "because", "as", "though", "although"})
#: Nouns for what someone said or wrote: whose they are speaks (`Ruiz's reply was: "..."`).
WORDS_NOUNS = CHANNEL_NOUNS | {
    "response",
    "reply",
    "answer",
    "words",
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
#: Whose words a pronoun can say: not "my question" (the writer's own).
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "their", "its"})
#: Verbs that introduce the quote after them with nothing reported of their own: "Ruiz said
#: in a statement.", "Ruiz agreed." (the quote is what was agreed).
_BARE_CUES = SPEECH_VERBS | {"agree"}
#: How far (in tokens) a cue may sit after a speaker set off by a comma and described at length
#: (`"...," Vik, a nurse who ran the ward for a decade, said`).
DESCRIPTION_WINDOW = 40
#: What a speaker's noun phrase right after a closing mark is made of.
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


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
    closed = seg.end > seg.start and text[seg.end - 1] in _SENTENCE_END
    # `Kawecka said: "... family." She said that ...`: a whole sentence quoted after a colon
    # belongs to what introduced it; the cue after it starts a sentence of its own.
    # So is one after a comma (`Moya said, "... family." The judge recalled ...`).
    introduced = closed and char_before(text, seg.open_mark) in (":", ",")
    trailing = None if introduced else _trailing(doc, text, seg, b, inside)
    if trailing is None and not introduced:
        trailing = _after_description(doc, text, seg, b, inside)
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
        if found.speaker is not None and found.speaker.lower_ not in WH_PRONOUNS:
            return found, False
    return _whose_words(doc, text, seg, a, inside), False


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
        if token.text in _SENTENCE_END and token.idx < seg.open_mark - 1:
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
    parser slip, not the quote's cue: `"... recruits." Fact-checkers noted that ...`.
    """
    found = []
    for token in doc[a:b]:
        head = token.head
        if a <= head.i < b:
            continue
        for _ in range(3):
            if not inside[head.i] and is_cue(head):
                if head.i < a or not (closed or _newline_between(doc, b, head.i)):
                    found.append(head)
                break
            if head.head is head:
                break
            head = head.head
    return found


def _trailing(doc: Doc, text: str, seg: Segment, b: int, inside: list[bool]) -> Attribution | None:
    """A cue right after the closing mark: `"...," he said`, `"...," said Smith`,
    `"...," Smith, a spokesman for the group, said`."""
    if seg.close_mark is None:
        return None
    ends_open = text[seg.end - 1] in ",?!—–-" if seg.end > seg.start else False
    i = b
    while i < len(doc) and (
        doc[i].idx <= seg.close_mark or (doc[i].is_space and "\n" not in doc[i].text)
    ):
        i += 1  # past the mark and a space token of its own (`,”\xa0added Ruiz`)
    first, seen = i, 0
    while i < len(doc) and seen < TRAILING_WINDOW:
        token = doc[i]
        if inside[i] or "\n" in token.text or token.text in _SENTENCE_END:
            return None
        if token.pos_ == "VERB" and token.dep_ in ("nsubj", "compound") and token.is_title:
            pass  # a name the tagger took for a verb: `"...," Trump shot back`
        elif token.pos_ == "VERB" and token.dep_ == "amod" and token.i > first:
            pass  # a participle in the speaker's description: `Vik, a retired nurse, said`
        elif _untagged_cue(doc, token, ends_open=ends_open, start=first):
            # `"...," the editorial read.`: a speech verb the tagger took for a noun.
            speaker = _first_noun(doc, first, token.i) or _last_word(doc, first, token.i)
            return Attribution(token, speaker, None) if speaker is not None else None
        elif token.pos_ == "VERB":
            if not ends_open and _reports_own_clause(token, inside):
                return None  # `"... is over." Kolar said the vote would wait`: a new sentence
            if not is_cue(token) and ends_open and not _has_subject(token):
                # `"...," Smith barked`: the parser made the name a compound of the verb.
                speaker = _bare_name(doc, first, token.i)
                return Attribution(token, speaker, None) if speaker is not None else None
            if not is_cue(token) and not (ends_open and _has_subject(token)):
                return None
            found = attribute(token, inside)
            speaker = found.speaker
            if (
                speaker is not None
                and not inside[speaker.i]
                and speaker.lower_ not in WH_PRONOUNS  # `"...," who proceeded to sing`
                and _adjacent(doc, token, start=first)
            ):
                return found
            if not is_cue(token):
                return None
            # The subject between the mark and the verb, else right after it (`"The risk,"
            # said Edward Lamb, an economist, "is ..."`: the parser hangs the name elsewhere).
            speaker = _first_noun(doc, first, token.i) or _age_noun(doc, first, token.i)
            if speaker is None and token.i == first:
                speaker = _first_noun(doc, token.i + 1, min(len(doc), token.i + 1 + NAME_WINDOW))
            return Attribution(token, speaker, found.channel) if speaker is not None else None
        if token.text in _CLAUSE_LINKS and not _joins_nouns(token, start=first):
            return None
        if not token.is_punct:
            seen += 1
        i += 1
    return None


def _reports_own_clause(verb: Token, inside: list[bool]) -> bool:
    """A verb followed by a clause of its own outside the quote (`said the vote would wait`)."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and not inside[c.i] for c in verb.children)


def _joins_nouns(token: Token, *, start: int) -> bool:
    """An "and" inside the speaker's description, not between clauses: `"...," the senator and
    candidate said`."""
    return token.dep_ == "cc" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= start


def _after_description(
    doc: Doc, text: str, seg: Segment, b: int, inside: list[bool]
) -> Attribution | None:
    """`"...," Vik, the nurse who ran the ward for a decade, said`: a speaker named right after
    a quote that ends open, set off by a comma and described at more length (or with more verbs)
    than the trailing window allows; the cue is the first reporting verb after the description,
    in the same sentence and paragraph."""
    if seg.close_mark is None or seg.end <= seg.start or text[seg.end - 1] not in ",?!—–-":
        return None
    first = b
    while first < len(doc) and (doc[first].idx <= seg.close_mark or doc[first].is_space):
        if "\n" in doc[first].text:
            return None  # the paragraph ends with the quote
        first += 1
    head = _phrase_before_comma(doc, first)
    if head is None:
        return None
    for i in range(head.i + 1, min(len(doc), first + DESCRIPTION_WINDOW)):
        token = doc[i]
        if inside[i] or "\n" in token.text or token.text in _SENTENCE_END:
            return None
        if token.pos_ == "VERB" and is_cue(token):
            return Attribution(token, head, attribute(token, inside).channel)
    return None


def _phrase_before_comma(doc: Doc, start: int) -> Token | None:
    """The head of a short noun phrase at ``start`` that a comma closes (`Vik,`, `an aide,`)."""
    end = start
    while end < len(doc) and end - start < 6 and doc[end].pos_ in _PHRASE_TAGS:
        end += 1
    if end == start or end >= len(doc) or doc[end].text != ",":
        return None
    head = doc[end - 1]
    return head if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in WH_PRONOUNS else None


def _untagged_cue(doc: Doc, token: Token, *, ends_open: bool, start: int) -> bool:
    """A speech verb tagged as a noun or adjective after a speaker's noun phrase, ending the
    clause: `"...," the editorial read.`, `"...," the ministry states in the report`."""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        ends_open
        and token.i > start
        and token.pos_ in ("NOUN", "ADJ", "PROPN")
        and not token.is_title
        and (spoken_form(token.text) or _plural_present(token))
        and (after is None or after.is_punct or after.is_space or after.pos_ in ("ADP", "ADV"))
    )


def _plural_present(token: Token) -> bool:
    """A speech verb's bare form after a plural subject (`the two write`, `the ministers
    state`), which the tagger read as a noun: the plural before it is what makes it a verb."""
    before = token.doc[token.i - 1] if token.i else None
    return (
        token.lower_ in SPEECH_VERBS and before is not None and before.tag_ in ("NNS", "NNPS", "CD")
    )


def _last_word(doc: Doc, start: int, end: int) -> Token | None:
    """The last word of ``doc[start:end]`` when it can head a noun phrase (`the editorial`,
    `the two`: the tagger read them as an adjective or a number)."""
    words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    return words[-1] if words and words[-1].pos_ in ("ADJ", "NUM", "NOUN", "PROPN") else None


def _bare_name(doc: Doc, start: int, end: int) -> Token | None:
    """The last word of ``doc[start:end]`` when it is all one short capitalised name."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if not 1 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words):
        return None
    return words[-1]


def _has_subject(token: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in token.children)


def _first_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the noun phrase opening ``doc[start:end]`` (the last of a name's words)."""
    for i in range(start, end):
        token = doc[i]
        if token.lower_ in WH_PRONOUNS:
            return None  # `"...," that is plainly wrong, Ruiz said`: the quote's own clause
        named = token.pos_ == "PROPN" or _mistagged_name(token)
        if named or token.pos_ in ("PRON", "NOUN"):
            while named and i + 1 < end and _name_goes_on(doc, i + 1, end):
                i += 1
                token = doc[i]
            return token
        # Modifiers before the head: "the", "former", "retired" (a participle the tagger
        # read as a verb).
        if token.pos_ not in ("DET", "ADJ", "PUNCT") and token.dep_ not in ("amod", "compound"):
            return None
    return None


def _name_goes_on(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i`` carries on the name before it: another of its words, or a title
    between two names (`Osterby spokesman Ivo Lind`: the spokesman, not the town)."""
    token = doc[i]
    if token.pos_ == "PROPN" or _mistagged_name(token):
        return True
    titled = token.pos_ == "NOUN" and token.dep_ == "compound"
    return titled and i + 1 < end and doc[i + 1].pos_ == "PROPN"


def _age_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The adjective that stands for a person in `the 43-year-old` (the tagger's head word)."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if len(words) < 2 or words[-1].lower_ != "old" or words[0].pos_ != "DET":
        return None
    aged = all(t.like_num or t.lower_ in ("year", "years") for t in words[1:-1])
    return words[-1] if aged else None


def _mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb or a verb (`said Quelly`), not a word
    capitalised for opening the sentence."""
    return (
        token.is_title
        and token.pos_ in ("ADV", "VERB", "ADJ", "X")
        and not token.is_sent_start
        and not spoken_past(token.text)
    )


def _adjacent(doc: Doc, verb: Token, *, start: int) -> bool:
    """Whether the words between the closing mark and ``verb`` are all its subject."""
    words = [t for t in doc[start : verb.i] if not t.is_punct]
    if not words:
        return True
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)
    if subject is None:
        return False
    return all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in words)


def _leading(doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]) -> list[Token]:
    """Cues before an opening mark that follows a comma or colon (`he said, "..."`), nearest first.

    After a colon, any verb with a subject counts (`Cruz called them on it: "..."`), and the
    colon may end the paragraph before the quote's.
    """
    before = char_before(text, seg.open_mark)
    if before not in (",", ":"):
        return []
    colon = before == ":"
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
        if "\n" in token.text or (token.text in _SENTENCE_END and token.idx < seg.open_mark - 1):
            break
        if is_cue(token):
            cues.append(token)
        elif token.pos_ == "VERB" and _has_subject(token) and (colon or _issues(token)):
            others.append(token)
        i -= 1
    return cues + others


def _said_before(doc: Doc, text: str, seg: Segment, a: int, inside: list[bool]) -> list[Token]:
    """A reporting verb with nothing reported in the sentence before a quote that opens its
    own: `Ruiz said in a statement. "The count is final."`. The sentence may end the paragraph
    before one the quote opens when its main verb is the cue (`Ruiz said in a statement.` or
    `The board issued a statement on Friday.`, then the quote's paragraph)."""
    if char_before(text, seg.open_mark) not in _SENTENCE_END:
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
        if (not breaks or t.dep_ == "ROOT") and (_bare_cue(t) or (breaks and _issues(t)))
    ][::-1]


def _bare_cue(verb: Token) -> bool:
    """A reporting verb with nothing reported after it: `Ruiz said in a statement.`"""
    return (
        verb.lemma_.lower() in _BARE_CUES
        and is_cue(verb)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
    )


def _opens_paragraph(text: str, seg: Segment) -> bool:
    """Whether the segment's opening mark is the first thing on its line."""
    return char_before(text, seg.open_mark, space=" \t\xa0") in ("", "\n")


def _issues(verb: Token) -> bool:
    """A verb whose object is a statement, post or the like: `Ruiz issued a statement, "..."`."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CHANNEL_NOUNS for c in verb.children)


def _in_sentence(
    doc: Doc, a: int, b: int, inside: list[bool], *, after: bool = True
) -> list[Token]:
    """Cues outside quotes in the quote's sentence: those before it (nearest first), then after."""
    sent = doc[a].sent
    before = [t for t in doc[sent.start : a] if not inside[t.i] and is_cue(t)]
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
    if i < 1 or doc[i].text not in (":", "):") or inside[i - 1]:
        return None
    # `Senator Ana Pop (Unity):` (the tokenizer may keep "):" whole).
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
    if doc[i].text not in (")", "):"):
        return i
    for j in range(i - 1, max(i - 8, 0), -1):
        if doc[j].text == "(":
            return j - 1 if j > 0 else i
    return i
