"""The direction a bare weekday or month points to, read from the tense of its clause."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll", "wo", "would", "'d"}
_MODALS = {"can", "could", "may", "might", "must", "should"}
#: Verbs whose infinitive complement is a plan: "planned to leave on Thursday".
_PLANS = {
    "plan",
    "schedule",
    "set",
    "expect",
    "intend",
    "due",
    "prepare",
    "aim",
    "hope",
    "want",
    "propose",
    "promise",
    "threaten",
    "vow",
    "decide",
    "agree",
    "seek",
    "try",
    "be",
    "go",
}
_DEADLINE = re.compile(r"(?i:\b(?:until|till|as\s+soon\s+as|as\s+early\s+as)\s+)$")
_REPORTING = {"say", "tell", "announce", "report", "state", "add", "write", "note", "declare"}


def direction_at(doc: Doc, text: str, start: int, end: int, *, default: str = "past") -> str:
    """``past``, ``future`` or ``default`` for the expression at ``text[start:end]``.

    ``text`` is the document's text, passed in because ``doc.text`` is rebuilt on each access.

    Walks from the expression up the dependency tree to the verb that governs it, then reads
    that verb's tense and auxiliaries: "met on Friday" is past, "will meet on Friday" and
    "is scheduled to close Monday" future.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return default
    if _DEADLINE.search(text, max(0, start - 14), start):
        return "future"  # "until Tuesday", "as soon as Tuesday": a deadline or a hope
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return _tense(token) or default


def _tense(verb: Token, depth: int = 0) -> str | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if "going" in words or (
        verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    ):
        return "future"
    if "to" in words and verb.dep_ in ("xcomp", "ccomp", "advcl") and depth < 3:
        # "failed to materialize on Thursday" is past; "planned to leave on Thursday" a plan.
        head_aux = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if verb.head.lemma_ in _PLANS and "had" not in head_aux:
            return "future"
        return _tense(verb.head, depth + 1)
    planned = verb.tag_ == "VBN" and verb.lemma_ in _PLANS - {"be", "go"}
    if planned and (verb.lemma_ in ("schedule", "set", "due") or words & {"is", "are", "am"}):
        return "future"  # "is scheduled to close Monday", "are planned for Friday"
    if verb.tag_ == "VBG" and verb.lemma_ in ("start", "begin") and not words:
        return "future"  # "..., starting on Wednesday": announces what is to come
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"  # "is meeting on Friday": an arrangement
    if verb.tag_ == "VB" and words & _MODALS:
        return "future"
    if verb.tag_ in ("VBZ", "VBP") and not words and verb.lemma_ not in _REPORTING | {"be"}:
        return "future"  # "meet separately Monday": news writes timetables in the present
    return None
