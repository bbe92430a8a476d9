"""When a mention of one article is the same entity as a known one: the rules, and their scores.

Each rule names the evidence it used, so that every merge can be explained later. The rules
never merge on a shared given name, title or country alone: a surname (exact or a spelling
variant) must agree first, and a different given name always vetoes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsweave.lexicon.names import given_names_agree

#: Context weight needed before a surname alone (or a spelling variant) may merge.
CONTEXT_NEEDED = 0.5


@dataclass
class Cluster:
    """The mentions of one name in one article, with what the article says about it."""

    kind: str
    key: str  # normalised name, or "g:<geonames id>" for a place found in the gazetteer
    name: str  # the fullest name written in the article
    given: str | None
    forenames: frozenset[str]  # every word before the surname ("arcade", "joseph")
    surname: str
    phonetic: str
    roles: dict[str, None] = field(default_factory=dict)  # as written (a set varies by run)
    role_heads: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # indexes into ArticleAnalysis.entities
    place: dict[str, object] | None = None
    located_in: tuple[str, dict[str, object]] | None = None  # an organisation's place, or an
    # unplaced place's ("the Denver Riverwalk"), as written


@dataclass
class Node:
    """The linker's working view of one canonical entity."""

    id: str
    kind: str
    names: dict[str, int]  # clean names -> how often written
    aliases: dict[str, None] = field(default_factory=dict)  # every written form, in order seen
    roles: dict[str, None] = field(default_factory=dict)
    # Tuples rather than sets: the garbage collector stops tracking tuples of strings.
    role_heads: tuple[str, ...] = ()
    givens: tuple[str, ...] = ()
    forenames: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    phonetics: tuple[str, ...] = ()
    context: dict[str, int] = field(default_factory=dict)  # co-occurring entity id -> articles
    mentions: int = 0
    articles: int = 0
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """A candidate accepted by a rule: its score and why."""

    node: Node
    rule: str
    score: float
    detail: str


def judge_person(c: Cluster, node: Node, context: float, *, unique: bool) -> Verdict | None:
    """Whether the person cluster ``c`` is ``node``; ``context`` is the shared-context weight."""
    if c.given and node.givens and not _forenames_agree(c, node):
        return None  # Marta Linde is not Ana Linde
    exact = c.surname in node.surnames
    variant = not exact and (
        c.phonetic in node.phonetics or any(swapped(c.surname, s) for s in node.surnames)
    )
    if not (exact or variant):
        return None
    given_agrees = bool(c.given and node.givens)
    role_agrees = bool(c.role_heads.intersection(node.role_heads))
    bonus = min(context, 3.0) / 10
    how = "by sound" if c.phonetic in node.phonetics else "by two swapped letters"
    why = f"surname {c.surname!r}" + ("" if exact else f" ~ {sorted(node.surnames)} {how}")
    if given_agrees:
        score = (1.0 if exact else 0.85) + bonus
        return Verdict(
            node,
            "same-name" if exact else "spelling-variant+given-name",
            score,
            f"{why}; given name {c.given!r} agrees",
        )
    evidence = []
    if role_agrees:
        evidence.append(f"role {sorted(c.role_heads.intersection(node.role_heads))}")
    if context >= CONTEXT_NEEDED:
        evidence.append(f"shared context {context:.2f}")
    if evidence:
        rule = (
            ("surname" if exact else "spelling-variant")
            + "+"
            + "+".join(e.split()[0] for e in evidence)
        )
        return Verdict(
            node,
            rule,
            (0.7 if exact else 0.6) + bonus + 0.1 * role_agrees,
            f"{why}; {'; '.join(evidence)}",
        )
    if exact and unique:
        return Verdict(node, "surname-unique", 0.5, f"{why}; the only known entity with it")
    return None


def swapped(one: str, other: str) -> bool:
    """Two surnames of six letters or more that differ by two neighbouring letters swapped
    ("Halvorsen" / "Havlorsen"): a misspelling."""
    if len(one) != len(other) or len(one) < 6 or one == other:
        return False
    at = [i for i in range(len(one)) if one[i] != other[i]]
    return (
        len(at) == 2
        and at[1] == at[0] + 1
        and one[at[0]] == other[at[1]]
        and one[at[1]] == other[at[0]]
    )


def grow(known: tuple[str, ...], new: Iterable[str]) -> tuple[str, ...]:
    """``known`` with the items of ``new`` it lacks appended."""
    added = tuple(dict.fromkeys(n for n in new if n not in known))
    return known + added if added else known


def _forenames_agree(c: Cluster, node: Node) -> bool:
    """ "Paul Varga" ~ "John Paul Varga": the given name is among the other's."""
    return any(given_names_agree(c.given or "", f) for f in node.forenames) or any(
        given_names_agree(g, f) for g in node.givens for f in c.forenames
    )


def judge_other(c: Cluster, node: Node, context: float) -> Verdict:
    """Organisations, places and groups found by their normalised name or GeoNames id."""
    if c.key.startswith("g:"):
        return Verdict(node, "same-geonames-id", 1.0, f"GeoNames {c.key[2:]} ({c.name!r})")
    return Verdict(node, "same-name", 1.0 + min(context, 3.0) / 10, f"name {c.key!r}")
