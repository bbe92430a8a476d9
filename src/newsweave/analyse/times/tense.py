"""The direction a bare weekday or month points to, read from the tense of its clause."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsweave.analyse.times.infer import opens_text

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
#: Verbs that look ahead: a date inside their object ("warned of a shutdown in June") is to
#: come, whatever the verb's own tense.
_FORWARD = {
    "warn",
    "expect",
    "forecast",
    "predict",
    "project",
    "plan",
    "promise",
    "pledge",
    "threaten",
    "vow",
    "schedule",
    "announce",
}
#: Verbs whose past tense is their present form: tagged VBP after a singular subject, they are
#: past ("Weakness hurt the index on Friday").
_SAME_IN_PAST = {
    "hurt",
    "cut",
    "put",
    "set",
    "hit",
    "let",
    "cost",
    "shut",
    "quit",
    "spread",
    "bet",
    "cast",
    "split",
    "burst",
    "upset",
    "read",
    "bid",
    "shed",
    "slit",
    "thrust",
    "beat",
}
_REPORTING = {"say", "tell", "announce", "report", "state", "add", "write", "note", "declare"}


def direction_at(doc: Doc, text: str, start: int, end: int, *, default: str = "past") -> str:
    """``past``, ``future`` or ``default`` for the expression at ``text[start:end]``.

    ``text`` is the document's text, passed in because ``doc.text`` is rebuilt on each access.

    Walks from the expression up the dependency tree to the verb that governs it, then reads
    that verb's tense and auxiliaries: "met on Friday" is past, "will meet on Friday" and
    "is scheduled to close Monday" future.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or opens_text(text, start, end):
        # A dateline's date is the report's own day, whatever the lead's verb says.
        return default
    token = span.root
    through_noun = False
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        through_noun = through_noun or token.pos_ == "NOUN"
    if "\n\n" in text[min(token.idx, start) : max(token.idx, start)]:
        # The parser ran a headline with no full stop into the lead ("Court fines X over
        # outbreak | A court on Thursday fined X"): a verb of another paragraph tells nothing.
        return default
    if _DEADLINE.search(text, max(0, start - 14), start):
        # "until Tuesday", "as soon as Tuesday": a deadline or a hope, unless told as over
        # ("until Thursday, they had not called him a suspect"). Reported speech puts what
        # still holds in the past perfect: "said it had suspended sailings until Wednesday".
        over = _perfect_past(token) and not _reported_in_past(token)
        return "past" if over else "future"
    if through_noun and token.lemma_ in _FORWARD and not _perfect_past(token):
        return "future"  # "warned of a shutdown in June"
    tense = _tense(token)
    if text.startswith(("'s", "\u2019s"), end):
        # "Tuesday's ruling": a named event, past unless the clause looks ahead with more than
        # a bare present ("are preparing for Tuesday's vote", not "follows Tuesday's ruling").
        bare_present = token.tag_ in ("VBZ", "VBP") and not _aux_words(token)
        return "future" if tense == "future" and not bare_present else "past"
    return tense or default


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _perfect_past(verb: Token) -> bool:
    return "had" in _aux_words(verb) or "had" in _aux_words(verb.head)


def _tense(verb: Token, depth: int = 0) -> str | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & {"would", "'d"} and _reported_in_past(verb):
        # "said the river would crest on Wednesday": future when it was said. Said on a day of
        # its own ("said on Monday"), a report of the next days tells it, and the weekday is
        # the one nearest the report, either way; said with no day, it was said for the report,
        # the day before at the earliest ("told").
        return "near" if _dated(verb.head, verb) else "told"
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if "had" in words:
        return "past"  # "had been due to expire Friday": the past perfect tells of what is over
    if "going" in words or (
        verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    ):
        return "future"
    if "to" in words and verb.dep_ in ("xcomp", "ccomp", "advcl") and depth < 3:
        # "failed to materialize on Thursday" is past; "planned to leave on Thursday" a plan.
        # "had been due to expire Friday": the past perfect may sit on the head's own head.
        head_aux = _aux_words(verb.head) | _aux_words(verb.head.head)
        if verb.head.lemma_ in _PLANS and "had" not in head_aux:
            return "future"
        if verb.head.lemma_ in _PLANS and _reported_in_past(verb.head):
            # "She said both sides had agreed to return in April": reported speech puts a
            # plan made before the telling in the past perfect; what was planned may lie on
            # either side of the report.
            return "near"
        return _tense(verb.head, depth + 1)
    if verb.lemma_ in ("plan", "schedule") and verb.tag_ == "VBN" and words & {"was", "were"}:
        return "future"  # "the vote was planned for early March"
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
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_PAST and _singular_subject(verb):
        return "past"  # "the index hurt ... on Friday": "hurt" after a singular subject is past
    if verb.tag_ in ("VBZ", "VBP") and not words and verb.lemma_ not in _REPORTING | {"be"}:
        return "future"  # "meet separately Monday": news writes timetables in the present
    return None


def _reported_in_past(verb: Token) -> bool:
    """Whether ``verb`` is what someone said, in the past tense ("she said it would ...")."""
    head = verb.head
    return verb.dep_ in ("ccomp", "xcomp") and head.lemma_ in _REPORTING and head.tag_ == "VBD"


def _singular_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _dated(head: Token, skip: Token) -> bool:
    """Whether ``head`` carries a date of its own, outside its complement ``skip``."""
    return any(
        t.ent_type_ in ("DATE", "TIME") for c in head.children if c.i != skip.i for t in c.subtree
    )
