"""Names the model tagged as another kind than the entity they name: a person tagged as an
organisation ("Ines Kawecka" as ORG), or a surname tagged as a group or place ("Klitschko" as
NORP). Pure functions over the linker's nodes and index."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from newsweave.analyse.entities.roles import is_demonym
from newsweave.link.rules import CONTEXT_NEEDED, Cluster, Node, Verdict

__all__ = ["CROSS_KINDS", "other_label"]

#: The kinds a name may be mislabelled between.
CROSS_KINDS = frozenset({"PERSON", "ORG", "PLACE"})


def other_label(
    c: Cluster,
    *,
    nodes: Mapping[str, Node],
    index: Mapping[str, Iterable[str]],
    linked: Sequence[str],
    context: Callable[[Node], float],
) -> Verdict | None:
    """A person the model tagged as an organisation here (or the reverse), same name.

    Only for names of two or more words, or one word with shared context: "Ines Kawecka"
    tagged ORG is the person Ines Kawecka; a bare "Jordan" is not the person Jordan. A bare
    surname tagged as an organisation, place or group ("Klitschko" as NORP) is the one
    known person with that surname when the article shares context with that person.
    """
    if c.key.startswith("g:") or c.kind not in CROSS_KINDS | {"GROUP"}:
        return None
    named = [
        nodes[i] for kind in CROSS_KINDS - {c.kind} for i in index.get(f"n:{kind}:{c.key}", ())
    ]
    if not named and c.kind != "PERSON" and " " not in c.key:
        return _surname_other_label(c, nodes=nodes, index=index, linked=linked, context=context)
    if len(named) != 1 or c.kind == "GROUP":
        return None
    (node,) = named
    shared = context(node)
    if " " not in c.key and shared < 1.0:
        return None
    return Verdict(
        node,
        "same-name-other-label",
        0.8,
        f"name {c.key!r} is a known {node.kind}, tagged {c.kind} here; context {shared:.2f}",
    )


def _surname_other_label(
    c: Cluster,
    *,
    nodes: Mapping[str, Node],
    index: Mapping[str, Iterable[str]],
    linked: Sequence[str],
    context: Callable[[Node], float],
) -> Verdict | None:
    if c.kind == "GROUP" and is_demonym(c.name):
        return None
    holders = [
        nodes[i]
        for i in index.get(f"s:{c.key}", ())
        if nodes[i].kind == "PERSON" and c.key in nodes[i].surnames
    ]
    here = [h for h in holders if h.id in linked]
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
    shared = context(node)
    if shared < CONTEXT_NEEDED:
        return None
    return Verdict(
        node,
        "surname-other-label",
        0.6,
        f"surname {c.key!r} of a known PERSON, tagged {c.kind} here; context {shared:.2f}",
    )
