"""Indirect quotes: a reporting verb with a clausal complement ("Starmer said that ..."), and
the clause that "according to X" hangs on ("According to police, the man was arrested").

The content is the complement clause (with its "that"), outside quotation marks; a complement
that is mostly a quotation is the direct quote itself and is left to the direct pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsweave.analyse.quotes.cues import QUOTATION_ONLY, Attribution, attribute, is_cue
from newsweave.lexicon.titles import is_title_word

#: A complement at least this much inside quotation marks is a direct quote, not an indirect one.
MOSTLY_QUOTED = 0.5
MIN_TOKENS = 2


def find_indirect(doc: Doc, inside: list[bool]) -> Iterator[tuple[Attribution, int, int]]:
    """``(attribution, first token, end token)`` of every reported clause outside quotation
    marks that has a speaker (a reporting verb with none is used impersonally)."""
    for token in doc:
        if inside[token.i] or not is_cue(token) or token.lemma_.lower() in QUOTATION_ONLY:
            continue
        attribution = attribute(token, inside)
        if attribution.speaker is None:
            continue
        for a, b in _reported(token):
            b = _before_title(doc, a, _before_speaker(attribution.speaker, a, b))
            while a < b and doc[a].is_punct:
                a += 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
                b -= 1
            if b - a < MIN_TOKENS:
                continue
            quoted = sum(inside[a:b])
            if quoted > MOSTLY_QUOTED * (b - a):
                continue
            yield attribution, a, b


def _reported(cue: Token) -> Iterator[tuple[int, int]]:
    """Token ranges of what ``cue`` reports: its complement clauses (each "that" clause of
    "said that A, and that B" on its own), the clause a postposed cue hangs on ("A, police
    said"), or for "according to" the clause it modifies, on the longer side of the phrase."""
    if cue.lemma_.lower() == "accord":
        if cue.dep_ != "prep" or cue.head.pos_ not in ("VERB", "AUX"):
            return
        clause = cue.head
        a, b = clause.left_edge.i, clause.right_edge.i + 1
        phrase_start, phrase_end = cue.left_edge.i, cue.right_edge.i + 1
        before, after = (a, phrase_start), (phrase_end, b)
        yield after if after[1] - after[0] >= before[1] - before[0] else before
        return
    if (
        cue.dep_ == "parataxis"
        and cue.head.i < cue.i
        and not is_cue(cue.head)
        and _last_word(cue.right_edge) >= _last_word(cue.head.right_edge)  # the cue ends it
    ):
        # "The toll rose to 12, police said": the clause before the cue's own words.
        yield cue.head.left_edge.i, cue.left_edge.i
    if (split := _split_subject(cue)) is not None:
        yield split
    for child in cue.children:
        if child.dep_ != "ccomp":
            continue
        a, b = child.left_edge.i, child.right_edge.i + 1
        if child.i < cue.i:
            b = min(b, cue.i)
        yield from _clauses(child, a, b)


def _split_subject(cue: Token) -> tuple[int, int] | None:
    """ "About 300 people spent the night there, Keel said.": the parser made the reported
    clause (a noun with its verb) the cue's first subject and the speaker, after a comma, its
    second. Only when the speaker and the cue end the sentence."""
    # "About 40,000 litres leaked ..., the agency said": the noun may also hang as a "dep".
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "dep") and c.i < cue.i]
    if len(subjects) < 2 or subjects[-1].right_edge.i + 1 != cue.i:
        return None
    first, comma = subjects[0], subjects[-1].left_edge.i - 1
    clause = any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in first.subtree)
    ends = all(t.is_punct or t.is_space for t in cue.doc[cue.i + 1 : cue.sent.end])
    if clause and ends and cue.doc[comma].text == "," and comma > first.i:
        return first.left_edge.i, comma
    return None


def _clauses(clause: Token, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The range ``a..b`` of a complement clause, cut where a second utterance starts: a
    coordinated "that" clause ("that A, and that B") or a coordinated reporting verb the
    parser hung inside the clause ("said A, and promised that B": "promised" reports its own
    complement)."""
    for conj in clause.children:
        if conj.dep_ != "conj" or not a < conj.i < b:
            continue
        own_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        if own_that:
            yield from _clauses(conj, conj.left_edge.i, b)
        elif not _reports(conj):
            continue
        b = _before_conjunction(clause.doc, a, conj.left_edge.i)
        break
    yield a, b


def _reports(verb: Token) -> bool:
    """Whether a coordinated verb reports something of its own ("and promised that B"), not
    "and was expected to peak on Wednesday", which goes on with what is reported."""
    return is_cue(verb) and any(c.dep_ in ("ccomp", "nsubj") for c in verb.children)


def _last_word(token: Token) -> int:
    """The index of the last token up to ``token`` that is not punctuation or space."""
    i = token.i
    while i > 0 and (token.doc[i].is_punct or token.doc[i].is_space):
        i -= 1
    return i


def _before_speaker(speaker: Token, a: int, b: int) -> int:
    """``b`` cut before the speaker when the parser left them inside the clause: "Most
    families sleep in the school in Osterby, the town's mayor, Ana Pop, said" (the mayor
    hung on "Osterby" as an apposition)."""
    if speaker.dep_ != "appos" or not a < speaker.i < b:
        return b  # "which he said was ...": a speaker inside the clause is a relative's own
    top = speaker
    while top.dep_ == "appos" and top.head.dep_ == "appos" and top.head.i >= a:
        top = top.head
    return _before_conjunction(speaker.doc, a, min(top.left_edge.i, speaker.left_edge.i))


def _before_title(doc: Doc, a: int, b: int) -> int:
    """``b`` moved before the speaker's title the parser left at the end of the clause: the
    ", chief executive" of "... in Slovakia, chief executive Agathe Lind said"."""
    i = b
    while i > a and is_title_word(doc[i - 1].text):
        i -= 1
    return i - 1 if a < i < b and doc[i - 1].text == "," else b


def _before_conjunction(doc: Doc, a: int, b: int) -> int:
    """``b`` moved left over the ", and" that joins two clauses."""
    while b > a and (doc[b - 1].dep_ == "cc" or doc[b - 1].is_punct):
        b -= 1
    return b
