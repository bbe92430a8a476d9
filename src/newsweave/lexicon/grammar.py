"""Closed word classes and dependency labels the analysers read a parse with."""

from __future__ import annotations

__all__ = [
    "FIRST_PERSON",
    "NOMINAL_SUBJECTS",
    "PERSONAL_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "SUBJECTS",
    "WH_PRONOUNS",
]

#: Third-person pronouns that stand for a person named before ("he said", "told her").
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Pronouns by which a speaker names themselves inside a quotation.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: Relative pronouns: "Zelenskyy, who said ..." is said by the antecedent.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
#: Words that stand for someone named elsewhere, or for no one ("what happened"): a quote
#: whose cue has one of these as its subject takes its speaker from another cue.
WH_PRONOUNS = RELATIVE_PRONOUNS | {"what", "whom", "whoever", "whatever", "whichever"}
#: Dependency labels of a subject that names who acts or speaks (spaCy's English scheme).
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Every dependency label of a subject: a clause ("What he said angered them") or an
#: expletive ("there were ...") gives a verb its own subject too.
SUBJECTS = NOMINAL_SUBJECTS | {"csubj", "csubjpass", "expl"}
