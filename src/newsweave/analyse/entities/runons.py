"""Names run into the words around them: "Tomas Reiden Dies", "Hire Piet Varossy".

Title-case headlines make the model tag such phrases, or "Reiden To Nominate Marta Szabo",
as one name. The words of the article's other person names show where each real name starts
and ends; the words that belong to no name are dropped.
"""

from __future__ import annotations

import re

from newsweave.analyse.entities.clean import Draft
from newsweave.analyse.entities.labels import ORG_HEADS
from newsweave.lexicon.names import norm

_WORD = re.compile(r"\S+")
#: Labels whose spans may hold a person's name run together with other words. Places are left
#: out: "Carson City" or "Jackson Hole" beside a person of that surname is still a place.
_SPLIT_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART"})
#: The headline words that run names together ("Reiden To Nominate Marta Szabo"): a span
#: that is not a person is cut only where one of these joins the names, so "Halvorsen Marks"
#: beside a Lena Marks stays a company.
_HEADLINE_WORDS = frozenset(
    """
    to as of for at and with says said dies died wins won hires hired names named nominate
    nominates nominated picks picked taps tapped fires fired quits joins leaves meets visits
    checks enters arrested charged sentenced
    """.split()  # noqa: SIM905
)


def split_run_ons(text: str, drafts: list[Draft]) -> list[Draft]:
    """Drafts with the words around a person's name cut off (see the module docstring).

    A draft is cut only where a word that belongs to no other person name of the article
    meets the first or last word of one, and never when it holds an organisation word.
    """
    words_of = {id(d): [norm(w) for w in text[d.start : d.end].split()] for d in drafts}
    names = _NameWords()
    for d in drafts:
        if d.label == "PERSON" and words_of[id(d)]:
            names.add(words_of[id(d)], 1)
    if not names.any:
        return drafts
    result = []
    for d in drafts:
        keys = words_of[id(d)]
        pieces = None
        if d.label in _SPLIT_LABELS and len(keys) > 1 and not ORG_HEADS.intersection(keys):
            if d.label == "PERSON":
                names.add(keys, -1)  # the draft's own words say nothing about itself
                pieces = _trimmed(text, d, keys, names)
                names.add(keys, 1)
            else:
                pieces = _runs(text, d, keys, names)
        result.extend(pieces if pieces is not None else [d])
    return result


class _NameWords:
    """How often each word is written in the article's person drafts: anywhere, alone, and
    first or last in a name of two or more words."""

    def __init__(self) -> None:
        self.any: dict[str, int] = {}
        self.alone: dict[str, int] = {}
        self.first: dict[str, int] = {}
        self.last: dict[str, int] = {}

    def add(self, keys: list[str], n: int) -> None:
        for k in set(keys):
            self.any[k] = self.any.get(k, 0) + n
        if len(keys) == 1:
            self.alone[keys[0]] = self.alone.get(keys[0], 0) + n
        else:
            self.first[keys[0]] = self.first.get(keys[0], 0) + n
            self.last[keys[-1]] = self.last.get(keys[-1], 0) + n

    def named(self, key: str) -> bool:
        return self.any.get(key, 0) > 0

    def ends(self, key: str) -> bool:
        """A surname: last in a full name, or written alone and never first in one."""
        return self.last.get(key, 0) > 0 or (
            self.alone.get(key, 0) > 0 and self.first.get(key, 0) <= 0
        )


def _spans(text: str, d: Draft) -> list[tuple[int, int]]:
    return [(m.start() + d.start, m.end() + d.start) for m in _WORD.finditer(text[d.start : d.end])]


def _trimmed(text: str, d: Draft, keys: list[str], names: _NameWords) -> list[Draft] | None:
    """ "Tomas Reiden Dies" -> "Tomas Reiden"; "Hire Piet Varossy" -> "Piet Varossy".

    The name ends at a word written last in another full name, all words after it unknown ("Tara
    Reid" stays whole beside a bare "Tara"); it starts at a word written first in another full
    name, before a full name ("Nora Varga Wins" keeps "Nora", which may be written nowhere else).
    """
    spans = _spans(text, d)
    if len(spans) != len(keys):
        return None
    named = [names.named(k) and text[s].isupper() for k, (s, _) in zip(keys, spans, strict=True)]
    last = len(keys) - 1
    for i in range(len(keys) - 2, -1, -1):
        if named[i + 1]:
            break
        if names.last.get(keys[i], 0) > 0 and named[i]:
            last = i
            break
    first = 0
    for i in range(0, last):
        if named[i]:
            if names.first.get(keys[i], 0) > 0 and sum(named[i : last + 1]) >= 2 and i > 0:
                first = i
            break
    if (first, last) == (0, len(keys) - 1):
        return None
    d.start, d.end = spans[first][0], spans[last][1]
    return [d]


def _runs(text: str, d: Draft, keys: list[str], names: _NameWords) -> list[Draft] | None:
    """ "Reiden To Nominate Marta Szabo" (an ORG) -> "Reiden", "Marta Szabo" (people)."""
    spans = _spans(text, d)
    if len(spans) != len(keys):
        return None
    named = [names.named(k) and text[s].isupper() for k, (s, _) in zip(keys, spans, strict=True)]
    if all(named) or not any(named):
        return None
    if not any(k in _HEADLINE_WORDS for k, is_name in zip(keys, named, strict=True) if not is_name):
        return None
    pieces, run = [], []
    for i, is_name in enumerate([*named, False]):
        if is_name:
            run.append(i)
            continue
        if run and (len(run) > 1 or names.ends(keys[run[0]])):
            start, end = spans[run[0]][0], spans[run[-1]][1]
            pieces.append(Draft(start, end, "PERSON", role=d.role, given=d.given))
        run = []
    return pieces or None
