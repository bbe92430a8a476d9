"""Names the model tagged as another kind than the entity they name: a person tagged as an
organisation ("Ines Kawecka" as ORG), or a surname tagged as a group or place ("Varossy" as
NORP). Pure functions over the linker's nodes and index."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsweave.lexicon.countries import demonym_countries, is_demonym
from newsweave.lexicon.titles import is_title_word
from newsweave.link.rules import CONTEXT_NEEDED, Cluster, Node, Verdict

__all__ = ["CROSS_KINDS", "Known", "other_label"]

#: The kinds a name may be mislabelled between.
CROSS_KINDS = frozenset({"PERSON", "ORG", "PLACE"})


@dataclass(frozen=True)
class Known:
    """What the linker knows when it judges one cluster of an article."""

    nodes: Mapping[str, Node]  # entity id -> node
    index: Mapping[str, Iterable[str]]  # index key -> entity ids
    linked: Sequence[str]  # ids already linked in this article
    context: Callable[[Node], float]  # weight of the context this article shares with a node


def other_label(c: Cluster, known: Known) -> Verdict | None:
    """A person the model tagged as an organisation here (or the reverse), same name.

    Only for names of two or more words, or one word with shared context: "Ines Kawecka"
    tagged ORG is the person Ines Kawecka; a bare "Jordan" is not the person Jordan; a place
    tagged as a group ("Eastquay" NORP) is the place, unless the name reads as a people's. A bare
    surname tagged as an organisation, place or group ("Varossy" as NORP) is the one
    known person with that surname when the article shares context with that person.
    """
    if c.key.startswith("g:") or c.kind not in CROSS_KINDS | {"GROUP"}:
        return None
    named = [
        known.nodes[i]
        for kind in CROSS_KINDS - {c.kind}
        for i in known.index.get(f"n:{kind}:{c.key}", ())
    ]
    if not named and c.kind != "PERSON" and " " not in c.key:
        return _surname_other_label(c, known)
    if not named and c.kind != "PERSON":
        return _titled_person(c, known)
    if len(named) != 1:
        return None
    (node,) = named
    if c.kind in ("GROUP", "PLACE") and node.kind == "PERSON" and " " not in c.key:
        # The person's surname was written alone before ("Reiden" PERSON), so it is a known
        # name: still the surname rule decides, not "a people's name stays a group" or the
        # stricter context a one-word name of another kind needs.
        return _surname_other_label(c, known)
    if c.kind == "GROUP" and (node.kind != "PLACE" or is_demonym(c.name)):
        return None  # "Eastquay" tagged NORP is the place; "American" stays a people
    shared = known.context(node)
    if " " not in c.key and shared < 1.0:
        return None
    return Verdict(
        node,
        "same-name-other-label",
        0.8,
        f"name {c.key!r} is a known {node.kind}, tagged {c.kind} here; context {shared:.2f}",
    )


def _surname_other_label(c: Cluster, known: Known) -> Verdict | None:
    if c.kind == "GROUP" and is_demonym(c.name):
        return None
    holders = [
        known.nodes[i]
        for i in known.index.get(f"s:{c.key}", ())
        if known.nodes[i].kind == "PERSON" and c.key in known.nodes[i].surnames
    ]
    here = [h for h in holders if h.id in known.linked]
    if len(here) == 1:  # the person this article names in full
        return Verdict(
            here[0],
            "surname-other-label",
            0.7,
            f"surname {c.key!r} of a PERSON named in full in this article, tagged {c.kind}",
        )
    if len(holders) != 1 or c.kind == "ORG":
        # An organisation joins a person only beside the full name: a one-word company is
        # often named after a person ("Ford", "Bloomberg").
        return None
    (node,) = holders
    shared = known.context(node)
    if shared < CONTEXT_NEEDED:
        return None
    return Verdict(
        node,
        "surname-other-label",
        0.6,
        f"surname {c.key!r} of a known PERSON, tagged {c.kind} here; context {shared:.2f}",
    )


def _titled_person(c: Cluster, known: Known) -> Verdict | None:
    """ "Danish Nora Varga" or "Interior Nora Varga" tagged as an organisation: a nationality
    (one the country list knows: a surname may look like one) or title words run into a known
    person's full name are that person."""
    words = c.key.split()
    for cut in range(1, len(words) - 1):
        if not all(w in demonym_countries() or is_title_word(w) for w in words[:cut]):
            return None
        name = " ".join(words[cut:])
        people = [
            known.nodes[i]
            for i in known.index.get(f"n:PERSON:{name}", ())
            if known.nodes[i].kind == "PERSON"
        ]
        if len(people) == 1:
            detail = f"{c.name!r}, tagged {c.kind}, is {' '.join(words[:cut])!r} + {name!r}"
            return Verdict(people[0], "titled-name-other-label", 0.8, detail)
    return None
