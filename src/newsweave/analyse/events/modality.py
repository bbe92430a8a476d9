"""How an event is stated: denied ("was not detained", "no one was detained"), with a modal
("will", "would"), held over someone ("unless ..."), and the category an intention turns it
into (the CAMEO "express intent" rule)."""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.analyse.events.lexicon import HOSTILE, INTENDING, READINESS
from newsweave.lexicon.grammar import NOMINAL_SUBJECTS

__all__ = ["conditional", "intended", "modality", "negated"]

#: Subjects that deny the event: "no one was detained", "nobody was hurt".
_NOBODY = frozenset({"nobody", "none", "noone"})
_MODALS = {"'ll": "will", "wo": "will", "ca": "can", "'d": "would"}
#: Modals that state an intention, and the categories an intention turns into AGREE or
#: THREATEN (RETREAT stays: "will withdraw" is a promise or a threat by its context).
_INTENT = frozenset({"will", "would", "shall", *READINESS, *INTENDING})
#: Modals that only threaten when the act is hostile and held over a condition: "might cut
#: off gas supplies if the debt is not paid".
_HEDGED = frozenset({"might", "may", "could"})
_COOPERATIVE = frozenset({"SUPPORT", "CONSULT", "AID", "COOPERATE", "CONCEDE"})


def intended(code: str, modality: str | None, negated: bool, *, conditional: str | None) -> str:
    """The category of an event stated as an intention ("will support", "would boycott"):
    PLOVER codes a promise of cooperation as AGREE, of a hostile act as THREATEN, and "will
    not support" as REJECT; an intention held over someone "unless" they act is a threat;
    what was done keeps its own category."""
    if modality in _HEDGED and conditional is not None and code in HOSTILE:
        return "THREATEN"
    if modality not in _INTENT:
        return code
    if conditional == "unless":
        return "THREATEN"
    if negated:
        return "REJECT" if code in _COOPERATIVE or code == "AGREE" else code
    if code in _COOPERATIVE:
        return "AGREE"
    return "THREATEN" if code in HOSTILE else code


def conditional(verb: Token) -> str | None:
    """The condition the verb holds: "unless" ("will withdraw unless talks resume": a threat
    whatever the act) or "if" ("might cut off gas if the debt is not paid": a threat when
    the act is hostile; "would meet him if he ..." is still an offer)."""
    for child in verb.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.lower_ in ("unless", "if"):
                    return mark.lower_
    return None


def negated(verb: Token) -> bool:
    """Whether the verb is denied: "was not detained", "no one was detained"."""
    return any(c.dep_ == "neg" for c in verb.children) or _denied(verb)


def _denied(verb: Token) -> bool:
    """ "No one was detained", "nobody was hurt": the subject says it did not happen."""
    for child in verb.children:
        if child.dep_ in NOMINAL_SUBJECTS:
            no_one = child.lower_ == "one" and any(t.lower_ == "no" for t in child.lefts)
            if no_one or child.lower_ in _NOBODY:
                return True
    return False


def modality(verb: Token) -> str | None:
    """The verb's modal, or that of the clause it completes: "would be ready to host"; else
    the adjective of readiness it completes, which states an intention too ("is ready to
    host")."""
    ready = None
    while True:
        for child in verb.children:
            if child.dep_ == "aux" and child.tag_ == "MD":
                word = child.lower_
                return _MODALS.get(word, word)
        if verb.lower_ in READINESS and ready is None:
            ready = verb.lower_
        if verb.lemma_.lower() in INTENDING and ready is None:
            ready = verb.lemma_.lower()  # "vowed to avenge"
        if verb.dep_ not in ("xcomp", "acomp") or verb.head == verb:
            return ready
        verb = verb.head
