"""Cut an article's text into pieces for highlighting, each naming the marks that cover it.

The templates render the pieces with autoescaping, so the text is never trusted as markup.
Marks may overlap (a fact sentence holding a partial quote): the text is cut at every mark
boundary and each piece carries all the marks over it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mark", "Piece", "article_marks", "dossier_marks", "pieces"]


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch: its offsets, kind ("q", "f", "e", "t"), id and a label."""

    start: int
    end: int
    kind: str
    id: str = ""
    label: str = ""


@dataclass(frozen=True)
class Piece:
    """A stretch of text and the marks covering it (none for plain text)."""

    text: str
    marks: tuple[Mark, ...] = field(default=())

    def ids(self, kind: str) -> str:
        """The ids of the marks of one kind, space separated (for ``data-`` attributes)."""
        return " ".join(dict.fromkeys(m.id for m in self.marks if m.kind == kind and m.id))

    def kinds(self) -> str:
        """Class names: the kinds of the marks, then their labels (fact status, entity type)."""
        names = [m.kind for m in self.marks] + [m.label for m in self.marks if m.label]
        return " ".join(dict.fromkeys(names))


def pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """The text cut at every mark boundary; marks outside the text are dropped."""
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    out: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        cover = tuple(m for m in kept if m.start <= a and b <= m.end)
        out.append(Piece(text[a:b], cover))
    return out


def dossier_marks(dossier: Mapping[str, Any]) -> dict[str, list[Mark]]:
    """Article id -> marks of the statements' variants and the facts' evidence in it."""
    marks: dict[str, list[Mark]] = defaultdict(list)
    for st in dossier.get("statements", []):
        for v in st.get("variants", []):
            marks[v["article"]].append(Mark(v["start"], v["end"], "q", st.get("id", "")))
    for fact in dossier.get("facts", []):
        for ev in fact.get("evidence", []):
            marks[ev["article"]].append(
                Mark(ev["start"], ev["end"], "f", fact.get("id", ""), fact.get("status", ""))
            )
    return marks


def article_marks(page: Mapping[str, Any]) -> list[Mark]:
    """Marks of the entities, quotes and times of an article page's data."""
    marks = [
        Mark(e["start"], e["end"], "e", e.get("entity") or "", e.get("label", ""))
        for e in page["entities"]
    ]
    marks += [Mark(q["start"], q["end"], "q", str(i)) for i, q in enumerate(page["quotes"])]
    marks += [Mark(t["start"], t["end"], "t", t.get("value") or "") for t in page["times"]]
    return marks
