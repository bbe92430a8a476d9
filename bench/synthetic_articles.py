"""Synthetic articles for the store benches: renamed, re-dated copies of analysed real ones.

A copy keeps its base's analysis (sentences, entity mentions, quotes, times, events, clauses)
and changes its words: every word of a person's, organisation's or work's name, and about two
in five of the other content words, become an invented word of the same length, so every
offset still holds and each span's text is the copy's text at its offsets. Places and
nationalities keep their names, as they recur across a real archive. Without the content
words changed, each copy would be a near-duplicate of its base (their 4-word shingles would
match) and every round would fold into one story; with them, copies share about 0.2 of their
shingles.

Copy ``i`` is of base ``i % len(bases)`` in round ``i // len(bases)``; rounds are 21 days
apart (as in ``stories_scaling.py``), so each round is a new set of distinct stories. Invented
words are drawn per era of 8 rounds: within an era a renamed person keeps their invented name
(people recur in several stories over some months); the next era brings new people. A base
without an outlet gets one of the corpus's outlets, the same for each of its copies.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from newsweave.ingest import article_key
from newsweave.records import ArticleAnalysis
from newsweave.stories.features import STOP_WORDS

__all__ = ["ERA_ROUNDS", "INVENTED", "Renamer", "base_words", "restore", "variant", "variants"]

START = date(2020, 1, 1)
ROUND_DAYS = 21
ERA_ROUNDS = 8
SHARE = 0.4  # of the other content words renamed in each copy
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_WORD = re.compile(r"[^\W\d_]+")
_STRINGS = frozenset({"name", "role", "about", "action", "unit", "title"})  # renamed as text
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Invented word -> the lowercase word it replaced ("" when two words share the form).
INVENTED: dict[str, str] = {}


class Renamer:
    """The words one copy renames, and their invented forms (same length and case pattern)."""

    def __init__(self, names: frozenset[str], round_: int) -> None:
        self.names = names
        self.round = round_
        self.era = round_ // ERA_ROUNDS

    def chosen(self, lower: str) -> bool:
        """A name word always; another content word of 4+ letters in ``SHARE`` of rounds."""
        if lower in self.names:
            return True
        if len(lower) < 4 or lower in STOP_WORDS:
            return False
        return _unit(f"{self.round}:{lower}") < SHARE

    def word(self, word: str) -> str:
        lower = word.lower()
        if len(lower) != len(word) or not self.chosen(lower):
            return word  # a letter whose lowercase is longer would move the offsets
        invented = invent(lower, self.era)
        return "".join(c.upper() if o.isupper() else c for c, o in zip(invented, word, strict=True))

    def text(self, text: str) -> str:
        return _WORD.sub(lambda m: self.word(m.group()), text)


@functools.cache
def invent(lower: str, era: int) -> str:
    """An invented word of ``len(lower)`` letters, the same for one word in one era; noted in
    ``INVENTED`` so that ``restore`` can give a copy's text back its base's words."""
    digest = hashlib.blake2b(f"{era}:{lower}".encode(), digest_size=32).digest()
    letters = "".join(_LETTERS[b % 26] for b in digest * (1 + len(lower) // 32))[: len(lower)]
    known = INVENTED.setdefault(letters, lower)
    if known != lower:
        INVENTED[letters] = ""  # two words, one invented form: not restored
    return letters


def restore(text: str) -> str:
    """``text`` with each invented word back to the word it replaced (the base's text)."""

    def back(match: re.Match[str]) -> str:
        word = match.group()
        original = INVENTED.get(word.lower())
        if not original:
            return word
        return "".join(c.upper() if o.isupper() else c for c, o in zip(original, word, strict=True))

    return _WORD.sub(back, text)


def _unit(seed: str) -> float:
    """A number in [0, 1) fixed by ``seed``."""
    return int.from_bytes(hashlib.blake2b(seed.encode(), digest_size=8).digest()) / 2**64


def base_words(base: ArticleAnalysis) -> frozenset[str]:
    """The lowercase words of the base's names of people, organisations and works (not "of"
    or "the": a function word renamed would be renamed everywhere in the text)."""
    words = (
        w.lower() for m in base.entities if m.label in _NAME_LABELS for w in _WORD.findall(m.text)
    )
    return frozenset(w for w in words if len(w) >= 3 and w not in STOP_WORDS)


def variant(
    base: ArticleAnalysis, index: int, bases: int, *, names: frozenset[str], outlet: str | None
) -> ArticleAnalysis:
    """Copy ``index`` of ``base`` (one of ``bases``): renamed, re-dated, with a new id and key."""
    round_ = index // bases
    renamer = Renamer(names, round_)
    old = base.article
    text = renamer.text(old.text)
    article_id = f"{old.id}-v{round_}"
    published = START + timedelta(days=ROUND_DAYS * round_ + index % 3)
    article = dataclasses.replace(
        old,
        id=article_id,
        key=article_key(text, outlet, article_id),
        text=text,
        title=renamer.text(old.title) if old.title else None,
        outlet=outlet,
        published=published.isoformat(),
        published_inferred=False,
        published_evidence=None,
        source="synthetic",
    )
    fields = {
        f.name: tuple(_respan(r, text, renamer.text) for r in getattr(base, f.name))
        for f in dataclasses.fields(base)
        if f.name != "article"
    }
    return ArticleAnalysis(article=article, **fields)


def _respan(record: Any, text: str, rename: Callable[[str], str]) -> Any:
    """``record`` with each span's text read from ``text`` and its names renamed."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = _respan(value, text, rename)
        elif f.name == "text" and hasattr(record, "start"):
            changes["text"] = text[record.start : record.end]
        elif f.name in _STRINGS and isinstance(value, str):
            changes[f.name] = rename(value)
    return dataclasses.replace(record, **changes)


def variants(bases: Sequence[ArticleAnalysis], start: int, stop: int) -> Iterator[ArticleAnalysis]:
    """Copies ``start`` to ``stop - 1``, in date order (the order an archive grows in)."""
    names = [base_words(b) for b in bases]
    outlets = sorted({b.article.outlet for b in bases if b.article.outlet})
    for index in range(start, stop):
        i = index % len(bases)
        base = bases[i]
        outlet = base.article.outlet or (
            outlets[int(_unit(base.article.id) * len(outlets))] if outlets else None
        )
        yield variant(base, index, len(bases), names=names[i], outlet=outlet)
