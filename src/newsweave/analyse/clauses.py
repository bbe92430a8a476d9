"""Clauses: each sentence cut where one claim ends and the next begins, from the parse.

A news sentence often carries two or three claims ("Four people died and 2,400 were
evacuated, closing the road"), and a dossier must be able to corroborate one of them and not
the others. The cuts fall at the start of a coordinated verb ("and 2,400 were evacuated"), of
an adverbial clause set off by a comma or opened by a subordinator ("when the dam overflowed",
", closing the road"), after a non-restrictive relative clause (", who ordered ...,"), which stays
with the name it tells about, and of an absolute "with" phrase (", with the berths idle").
Clauses are contiguous spans of the article text; a piece too short to be a claim stays with
its neighbour (``fuse/units.py`` decides that, as it also cuts at strong punctuation).

Some clauses state a claim of their own however short the sentence (``Clause.stands_alone``):
a coordinated clause with its own subject ("Three drivers died | and one is missing"), an
adverbial clause with its own subject opened by a factive subordinator, which presents what it
says as having happened ("Nine people were hurt | when the stand collapsed"; not "until",
"if" or "unless"), outside a relative clause or apposition, and a non-restrictive relative
clause of place or time that closes the sentence ("..., where the bridge collapsed").

A participial phrase set off by a comma tells a claim of its own about the noun phrase before
it ("The motion, tabled on Friday by the opposition, failed": the opposition tabled the
motion on Friday; "The river, swollen by a week of rain, ..."). It is returned as one more
clause inside its sentence's clauses, with that noun phrase (``Clause.about``), so that one
sentence can support two facts: the motion's failure and who tabled it.
"""

from __future__ import annotations

import itertools

from spacy import symbols
from spacy.tokens import Doc, Span, Token

from newsweave.analyse.parsed import parsed_text
from newsweave.records import Article, Clause

__all__ = ["find_clauses"]

_VERBAL = {"VERB", "AUX"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_ABSOLUTE = {"with", "without"}
_HEADS = {symbols.conj, symbols.advcl, symbols.relcl}
_FACTIVE = frozenset(
    ["when", "after", "because", "since", "as", "while", "although", "though", "whereas"]
)
_DESCRIBING = frozenset(["relcl", "acl", "appos"])
_PARTICIPLES = frozenset(["VBN", "VBG"])
_NOMINAL = frozenset(["NOUN", "PROPN"])
_SETTING = frozenset(["where", "when"])


def find_clauses(doc: Doc, article: Article) -> list[Clause]:
    """The clauses of every sentence of the article, in text order."""
    clauses = []
    whole = parsed_text(doc, article)
    for sent in doc.sents:
        for start, end, alone in _clause_spans(sent):
            text = whole[start:end]
            trimmed = text.strip()
            if trimmed:
                lead = start + len(text) - len(text.lstrip())
                clauses.append(Clause(lead, lead + len(trimmed), trimmed, stands_alone=alone))
        clauses += _participial_phrases(sent)
    return clauses


def _participial_phrases(sent: Span) -> list[Clause]:
    """The sentence's participial phrases set off by a comma after a noun phrase, each with
    that noun phrase (``Clause.about``)."""
    if sent.root.pos_ not in _VERBAL:
        return []  # no main verb: a participle is more likely the misread predicate
    found = []
    doc = sent.doc
    for token in sent:
        if token.dep != symbols.acl or token.tag_ not in _PARTICIPLES:  # the integer label first
            continue
        head, first = token.head, token.left_edge.i
        if head.pos_ not in _NOMINAL or first <= head.left_edge.i or doc[first - 1].text != ",":
            continue
        about = doc[head.left_edge.i : first - 1]
        if any(t.text == "," for t in about):
            continue  # "the minister, Ana Lobo, held ...": the parser lost the main verb
        phrase = doc[first : token.right_edge.i + 1]
        found.append(Clause(phrase.start_char, phrase.end_char, phrase.text, about=about.text))
    return found


def _clause_spans(sent: Span) -> list[tuple[int, int, bool]]:
    """Character spans of one sentence's clauses, each with whether it stands alone."""
    cuts = {sent.start_char, sent.end_char}
    alone = set()
    for token in sent:
        for cut in _cuts_at(token, sent):
            if sent.start_char < cut < sent.end_char:
                cuts.add(cut)
        if (start := _standalone_start(token, sent)) is not None:
            cuts.add(start)
            alone.add(start)
    ordered = sorted(cuts)
    return [(a, b, a in alone) for a, b in itertools.pairwise(ordered)]


def _standalone_start(token: Token, sent: Span) -> int | None:
    """Where a clause that ``token`` heads and that states a claim of its own begins."""
    if token.dep not in _HEADS or token.pos_ not in _VERBAL:  # the integer label first
        return None
    if token.dep_ == "conj" and token.head.pos_ in _VERBAL and _has_subject(token):
        cc = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.left_edge.i]
        return (cc[-1] if cc else token.left_edge).idx
    if (
        token.dep_ == "advcl"
        and _has_subject(token)
        and any(c.lower_ in _FACTIVE and c.i < token.i for c in token.children)
        and not any(a.dep_ in _DESCRIBING for a in token.ancestors)
    ):
        return token.left_edge.idx
    if (
        token.dep_ == "relcl"
        and token.left_edge.i > sent.start
        and token.doc[token.left_edge.i - 1].text == ","
        and any(c.lower_ in _SETTING for c in token.children)
        and all(t.is_punct or t.is_space for t in token.doc[token.right_edge.i + 1 : sent.end])
    ):
        return token.left_edge.idx
    return None


def _cuts_at(token: Token, sent: Span) -> list[int]:
    """Where a clause that ``token`` heads begins (and, when nested, where it ends)."""
    dep = token.dep  # the integer label: most tokens head no clause, and are let go cheaply
    if dep not in _HEADS and not (dep == symbols.prep and token.lower_ in _ABSOLUTE):
        return []
    doc = token.doc
    before = doc[token.left_edge.i - 1] if token.left_edge.i > sent.start else None
    comma_before = before is not None and before.text == ","
    if token.dep_ == "conj" and token.pos_ in _VERBAL and token.head.pos_ in _VERBAL:
        # "... died and 2,400 were evacuated": the cut takes the conjunction with it.
        first = token.left_edge
        cc = [c for c in token.head.children if c.dep_ == "cc" and c.i < first.i]
        return [(cc[-1] if cc else first).idx]
    if token.dep_ == "advcl" and token.pos_ in _VERBAL:
        marked = any(c.dep_ == "mark" or c.tag_ == "WRB" for c in token.children)
        if comma_before or (marked and _has_subject(token)):
            return [token.left_edge.idx, *_resume(token, sent)]
    if token.dep_ == "relcl" and comma_before:
        # "Mayor Holt, who ordered the closure, said ...": the relative clause stays with the
        # name it tells about (a claim with its subject), and the main clause resumes after.
        return _resume(token, sent)
    if token.lower_ in _ABSOLUTE and comma_before and token.dep_ == "prep":
        return [token.idx]
    return []


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _resume(token: Token, sent: Span) -> list[int]:
    """Where the main clause resumes after a nested clause closed by a comma."""
    after = token.right_edge.i + 1
    doc = token.doc
    if after < sent.end - 1 and doc[after].text == ",":
        return [doc[after + 1].idx]
    return []
