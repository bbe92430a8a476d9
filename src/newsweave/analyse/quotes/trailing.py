"""Cues after a quote's closing mark, the way a reader looks for "said" after it:
`"...," he said`, `"...," said Smith`, `"...," Smith, a spokesman for the group, said`, and a
speaker described at more length than that (`"...," Vik, the nurse who ran the ward, said`).

The parser often hangs these words on the quote itself, so the tokens after the mark are read in
order, with the slips of the tagger in mind (a name read as a verb, a speech verb read as a
noun, an inverted cue read as a participle).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsweave.analyse.quotes.cues import (
    SPEECH_VERBS,
    Attribution,
    attribute,
    is_cue,
    spoken_form,
    spoken_past,
    uttered_by,
)
from newsweave.analyse.quotes.marks import Segment
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS, WH_PRONOUNS

#: How far (in tokens) a trailing cue may sit from the closing mark.
TRAILING_WINDOW = 16
#: How many tokens after an inverted cue (`said Edward Lamb`) the speaker's name may run.
NAME_WINDOW = 6
#: How far (in tokens) a cue may sit after a speaker set off by a comma and described at length
#: (`"...," Vik, a nurse who ran the ward for a decade, said`).
DESCRIPTION_WINDOW = 40
SENTENCE_END = frozenset(".?!")
#: How the words of a title before a name hang on it (`deputy mayor Ivo Lind`).
TITLE_DEPS = frozenset({"compound", "amod"})
#: Words that start another clause after a quote: no cue of the quote lies beyond them.
_CLAUSE_LINKS = frozenset({"and", "but", "while", "because", "as", "though", "although"})
#: Dashes that set a signature off a quote (`"..." — Ana Pop`).
_DASHES = frozenset({"-", "–", "—", "--"})
#: What a speaker's noun phrase right after a closing mark is made of.
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def trailing_cue(
    doc: Doc, text: str, seg: Segment, b: int, inside: list[bool]
) -> Attribution | None:
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
        if inside[i] or "\n" in token.text or token.text in SENTENCE_END:
            return None
        if token.lower_ == "per" and token.i == first and ends_open:
            return _per(doc, token)  # `"...," per a statement from the board`: "according to"
        if token.i == first and token.text in _DASHES and (name := _dash_name(doc, token)):
            return Attribution(token, name, None)  # `"..." — Ana Pop, mayor of Osterby`
        if token.pos_ == "VERB" and token.dep_ in ("nsubj", "compound") and token.is_title:
            pass  # a name the tagger took for a verb: `"...," Trump shot back`
        elif token.pos_ == "VERB" and token.dep_ == "amod" and token.i > first:
            pass  # a participle in the speaker's description: `Vik, a retired nurse, said`
        elif token.pos_ == "VERB" and not is_cue(token) and _heard(token):
            pass  # `"...?" a clerk is heard asking`: the participle after it is the cue
        elif _mistagged_title(doc, token, start=first):
            pass  # `"...," ferryman Ivo Lind wrote`: the title before a name read as a verb
        elif _untagged_cue(doc, token, ends_open=ends_open, start=first):
            # `"...," the editorial read.`: a speech verb the tagger took for a noun.
            speaker = _first_noun(doc, first, token.i) or _last_word(doc, first, token.i)
            return Attribution(token, speaker, None) if speaker is not None else None
        elif token.pos_ == "VERB":
            if not ends_open and _reports_own_clause(token, inside):
                return None  # `"... is over." Kolar said the vote would wait`: a new sentence
            if text[seg.end - 1] == "." and _has_object(token):
                return None  # `"... is over." Kolar announced three new ferries`: a new sentence
            if not is_cue(token) and ends_open and not has_subject(token):
                # `"...," Smith barked`: the parser made the name a compound of the verb.
                speaker = _bare_name(doc, first, token.i)
                return Attribution(token, speaker, None) if speaker is not None else None
            if not is_cue(token) and not (ends_open and has_subject(token)):
                return None
            if not is_cue(token) and _between_dashes(doc, text, seg, first):
                # `When Pop wrapped up — "I will win!" — the lights went out`: a quotation set
                # into a sentence between dashes; the verb after it is the sentence's own.
                return None
            if not is_cue(token) and _new_sentence(text, seg, doc[first]):
                return None  # `"... I love sailors!" Former rival Ed Bors shared the post`
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


def _between_dashes(doc: Doc, text: str, seg: Segment, first: int) -> bool:
    """Whether the quote is set off by a dash on either side inside its sentence."""
    before = text[: seg.open_mark].rstrip(" \xa0")
    return bool(before) and before[-1] in "—–" and doc[first].text in _DASHES


def _dash_name(doc: Doc, dash: Token) -> Token | None:
    """The name after a dash that signs a quote on its own line: a run of proper nouns that
    ends the paragraph or is followed by a comma and who the person is (`— Ana Pop, mayor of
    Osterby`), not a clause (`— Pop said`)."""
    i = dash.i + 1
    while i < len(doc) and i - dash.i <= 4 and doc[i].pos_ == "PROPN":
        i += 1
    if i == dash.i + 1 or i - dash.i > 4 or doc[i - 1].ent_type_ not in ("PERSON", ""):
        return None
    ends = i >= len(doc) or "\n" in doc[i].text or doc[i].text in (",", ".")
    if ends and i < len(doc) and doc[i].text == "." and i + 1 < len(doc):
        ends = "\n" in doc[i + 1].text  # `— Ana Pop.` ending the paragraph
    return doc[i - 1] if ends else None


def _per(doc: Doc, per: Token) -> Attribution | None:
    """`"...," per Ana Pop` / `per a statement from her office`: the source after "per" speaks
    (whom a statement came from, when it says)."""
    source = next((c for c in per.children if c.dep_ == "pobj"), None)
    if source is None:
        source = _first_noun(doc, per.i + 1, min(len(doc), per.i + 1 + NAME_WINDOW))
    if source is None:
        return None
    return Attribution(per, uttered_by(source) or source, None)


def _new_sentence(text: str, seg: Segment, first: Token) -> bool:
    """A quote that ends a sentence (`?`, `!`) followed by a word capitalised for opening the
    next one, not a name (`"...!" Former rival Ed Bors shared the post`)."""
    opener = first.pos_ in ("DET", "ADJ", "ADV", "ADP", "SCONJ", "CCONJ")
    return text[seg.end - 1] in "?!" and first.is_title and opener


def _heard(verb: Token) -> bool:
    """A verb followed by a reporting participle it governs (`heard asking`, `seen telling`)."""
    return any(c.i == verb.i + 1 and c.tag_ == "VBG" and is_cue(c) for c in verb.children)


def _mistagged_title(doc: Doc, token: Token, *, start: int) -> bool:
    """A word right after the closing mark, tagged as a verb that is no cue, with a name after
    it (perhaps behind a title) and a reporting verb after the name: a title or a name the
    tagger read as a verb (`"...," ferryman Ivo Lind wrote`, `"...," Osterby deputy mayor Ivo
    Lind admitted`)."""
    if token.i != start or token.pos_ != "VERB" or is_cue(token) or spoken_form(token.text):
        return False
    if not (token.is_lower or token.is_title):
        return False
    i = token.i + 1
    while i < len(doc) and i - token.i <= NAME_WINDOW and _in_title(doc[i]):
        i += 1
    named = i > token.i + 1 and doc[i - 1].pos_ == "PROPN"
    return named and i < len(doc) and is_cue(doc[i])


def _in_title(token: Token) -> bool:
    """A word of a name or of the title before it (`deputy mayor Ivo Lind`)."""
    return token.pos_ == "PROPN" or (token.pos_ in ("ADJ", "NOUN") and token.dep_ in TITLE_DEPS)


def _reports_own_clause(verb: Token, inside: list[bool]) -> bool:
    """A verb followed by a clause of its own outside the quote (`said the vote would wait`)."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and not inside[c.i] for c in verb.children)


def _has_object(verb: Token) -> bool:
    """A verb with a direct object of its own (`announced three new ferries`)."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _joins_nouns(token: Token, *, start: int) -> bool:
    """An "and" inside the speaker's description, not between clauses: `"...," the senator and
    candidate said`."""
    return token.dep_ == "cc" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i >= start


def described_cue(
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
        if inside[i] or "\n" in token.text or token.text in SENTENCE_END:
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
        if token.pos_ == "NUM" and _ends_phrase(doc, i + 1):
            return token  # `"...," read one.`, `said one of the marchers`
        # Modifiers before the head: "the", "former", "retired" (a participle the tagger
        # read as a verb).
        modifier = token.pos_ in ("DET", "ADJ", "PUNCT") or token.dep_ in ("amod", "compound")
        if not (modifier or _mistagged_title(doc, token, start=start)):
            return None
    return None


def _ends_phrase(doc: Doc, i: int) -> bool:
    """Whether a noun phrase ends before token ``i`` (a stop or comma, "of" or the end; not
    the hyphen of "61-year-old")."""
    return i >= len(doc) or doc[i].text in (".", ",", ";", ":", "of")


def _name_goes_on(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i`` carries on the name before it: another of its words, or a title
    between two names (`Osterby spokesman Ivo Lind`: the spokesman, not the town)."""
    token = doc[i]
    if token.pos_ == "PROPN" or _mistagged_name(token):
        return True
    # The title may run over several words: `Osterby deputy mayor Ivo Lind`.
    j = i
    while j < end and doc[j].pos_ in ("ADJ", "NOUN") and doc[j].dep_ in TITLE_DEPS:
        j += 1
    return j > i and j < end and doc[j].pos_ == "PROPN"


def _age_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The adjective that stands for a person in `the 43-year-old` (the tagger's head word)."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if len(words) < 2 or words[-1].lower_ != "old" or words[0].pos_ != "DET":
        return None
    aged = all(t.like_num or t.lower_ in ("year", "years") for t in words[1:-1])
    return words[-1] if aged else None


def _mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb, a verb or a modal (`said Quelly`,
    `"...," May wrote`), not a word capitalised for opening the sentence."""
    return (
        token.is_title
        and token.pos_ in ("ADV", "VERB", "AUX", "ADJ", "X")
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


def has_subject(token: Token) -> bool:
    """Whether the verb has a nominal subject of its own."""
    return any(c.dep_ == "nsubj" for c in token.children)
