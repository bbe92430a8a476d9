"""Pairing quotation marks into quoted segments, paragraph by paragraph.

A segment is the text between an opening and a closing double quotation mark (straight or
curly). Marks are paired within a paragraph; a paragraph that ends inside an open quote goes on
in the next paragraph when that one opens with a quotation mark (the newspaper convention for
quotes that run over several paragraphs). Marks that do not pair up are dropped one by one, so a
stray mark never hides the quotes around it. Apostrophes and single marks are not quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
MARKS = re.compile(r'["“”„«»]')
PARAGRAPH = re.compile(r"[^\n]+")

#: Characters after which a straight mark opens a quote rather than closing one.
_OPEN_CONTEXT = frozenset(" \t([{—–-/:;,")


@dataclass(frozen=True)
class Segment:
    """The characters between one pair of quotation marks (``start``/``end`` exclude the marks).

    ``continues`` is true when the quote goes on in the next paragraph; ``continued`` when this
    segment carries on a quote left open at the end of the paragraph before.
    """

    start: int
    end: int
    paragraph: int
    open_mark: int
    close_mark: int | None
    continues: bool = False
    continued: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty line: news paragraphs are separated by newlines."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def find_segments(text: str) -> list[Segment]:
    """Every quoted segment of ``text``, in order, with its paragraph index."""
    spans = paragraphs(text)
    segments: list[Segment] = []
    carried = False  # the previous paragraph ended inside an open quote
    for number, (start, end) in enumerate(spans):
        found, left_open = _pair(text, start, end)
        opens_with_mark = bool(found) and found[0][0] == _first_visible(text, start, end)
        if carried and not opens_with_mark and segments and segments[-1].continues:
            # The quote left open did not go on: it was a stray mark after all.
            segments.pop()
        for i, (open_mark, close_mark) in enumerate(found):
            content_end = close_mark if close_mark is not None else end
            segments.append(
                Segment(
                    *_trim(text, open_mark + 1, content_end),
                    paragraph=number,
                    open_mark=open_mark,
                    close_mark=close_mark,
                    continues=close_mark is None,
                    continued=carried and opens_with_mark and i == 0,
                )
            )
        carried = left_open
    if segments and segments[-1].continues and carried:
        segments.pop()  # the article ends inside an open quote: a stray mark
    return [s for s in segments if s.end > s.start]


def _pair(text: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], bool]:
    """Pairs of (open, close) mark offsets in one paragraph; the last may be left open."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    nested_until = -1
    for match in MARKS.finditer(text, start, end):
        pos, mark = match.start(), match.group()
        if pos <= nested_until or (mark == STRAIGHT and _stray(text, pos, start, end)):
            continue
        if open_at is not None and (inner := _nested(text, open_at, pos, end)) is not None:
            nested_until = inner  # a quotation inside the quote, in the other style of marks
            continue
        if open_at is None:
            if mark in OPENERS or (mark == STRAIGHT and _opens(text, pos, start)):
                open_at = pos
        elif mark in CLOSERS or mark == STRAIGHT or _typed_as_closer(text, pos, end):
            pairs.append((open_at, pos))
            open_at = None
        else:
            # A second opening mark before a close: the first lost its partner; start again.
            open_at = pos
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs, open_at is not None


def _nested(text: str, open_at: int, pos: int, end: int) -> int | None:
    """The closing mark of a quotation inside a quote when it is written in the other style
    (`"It is not about “Equal Terms” anymore," she said`, or curly outside and straight
    inside): the inner pair closes before the mark of the outer quote's style that closes it.
    """
    outer, mark = text[open_at], text[pos]
    if not (outer == STRAIGHT and mark in OPENERS) or pos == open_at + 1:
        return None  # `"“`: a doubled mark, not a quotation inside a quote
    close = next((i for i in range(pos + 1, end) if text[i] in CLOSERS), None)
    if close is None:
        return None
    # The outer quote closes later in the paragraph, or opens it (and may run on).
    opens_paragraph = open_at == 0 or text[open_at - 1] == "\n"
    return close if opens_paragraph or STRAIGHT in text[close + 1 : end] else None


def _typed_as_closer(text: str, pos: int, end: int) -> bool:
    """An opening mark that stands where a closing one belongs, glued to the word before (or
    after a quote inside the quote and a space, as ``_stray`` allows for straight marks) and
    followed by a space: `“It is unusual,“ said Lamb`, `“He said, ‘Go,’ “ Lamb said` (a slip
    of typing or of a converter)."""
    glued = pos > 0 and not text[pos - 1].isspace()
    nested = pos > 1 and text[pos - 1] == " " and text[pos - 2] in "'’"
    return (glued or nested) and (pos + 1 >= end or text[pos + 1].isspace())


def _stray(text: str, pos: int, start: int, end: int) -> bool:
    """A straight mark with space on both sides belongs to neither word: ignore it.

    Not after a single quote and a space: `'... it matters,' " Vance said` closes a quote that
    ends with a quote inside it (the space keeps the two marks apart on the page).
    """
    left = pos == start or text[pos - 1].isspace()
    right = pos + 1 >= end or text[pos + 1].isspace()
    nested = pos - 2 >= start and text[pos - 1] == " " and text[pos - 2] in "'’"
    return left and right and not nested


def _opens(text: str, pos: int, paragraph_start: int) -> bool:
    """A straight mark opens when it starts the paragraph or follows a space (a no-break one
    too) or bracket."""
    before = text[pos - 1] if pos > paragraph_start else ""
    return not before or before in _OPEN_CONTEXT or before in OPENERS or before.isspace()


def _first_visible(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of a paragraph."""
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
