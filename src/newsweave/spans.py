"""Records looked up by position: the sentence holding an offset, the name covering a span.

Every record found in an article has ``start``/``end`` offsets into its text, so these work
for sentences, entity mentions, quotes and events alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

__all__ = ["at_offset", "covering"]


class Positioned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=Positioned)


def at_offset(records: Iterable[P], offset: int) -> P | None:
    """The first record whose span holds ``offset``."""
    return next((r for r in records if r.start <= offset < r.end), None)


def covering(records: Iterable[P], span: Positioned) -> P | None:
    """The first record whose span holds all of ``span`` (a name an argument is, or lies in)."""
    return next((r for r in records if r.start <= span.start and span.end <= r.end), None)
