"""Parsing in windows: any article under the size limit is parsed in bounded memory.

The language model's memory grows with the length of the text it is given (spaCy refuses
texts over ``nlp.max_length``, a million characters, and a text near it takes gigabytes), so
a long article (a transcript, a report) is parsed a window of paragraphs at a time and the
windows' parses are joined back into one ``Doc`` whose text is the article's own: every
character offset stays exact. A failure inside the model fails that one article only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The longest text parsed in one piece: news articles are not cut. The model's working
#: memory grows with the text it is given at once (about 1 GB per 100,000 characters, by
#: spaCy's own estimate), so a longer article goes alone, ``WINDOWS_AT_ONCE`` windows at a time.
WINDOW_CHARS = 20_000
WINDOWS_AT_ONCE = 3
#: Ordinary batches hold at most this much text past their first article.
BATCH_CHARS = 200_000

# Where a window may end, best first: a blank line, a line end, a sentence end, any space.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"))
_SPACE = re.compile(r"\s+")


def split_windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``size`` characters that join back into it.

    Each cut falls after the last paragraph break in the window, else the last line break,
    sentence end or space (trailing whitespace stays with the piece before it), so that no
    sentence is cut while a window holds a paragraph end.
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the window that starts at ``start`` and may reach ``limit``."""
    floor = start + (limit - start) // 2  # a cut in the first half would make tiny windows
    for pattern in (*_BREAKS, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    return limit  # one unbroken run of characters: cut it where it must be cut


def parse(
    language: Language, items: Iterable[tuple[str, T]], *, batch_size: int
) -> Iterator[tuple[Doc | Exception, T]]:
    """Parse each ``(text, context)``, in order; yields ``(doc, context)``, or the exception
    the model raised on that text in place of its doc."""
    for batch in _batches(items, batch_size):
        if len(batch) == 1 and len(batch[0][0]) > WINDOW_CHARS:
            text, context = batch[0]
            pieces = [(w, 0) for w in split_windows(text)]
            parsed = list(_through_model(language, pieces, WINDOWS_AT_ONCE))
            failure = next((d for d, _ in parsed if isinstance(d, Exception)), None)
            docs = [d for d, _ in parsed if isinstance(d, Doc)]
            yield (failure if failure is not None else _joined(docs)), context
        else:
            texts = [(text, i) for i, (text, _) in enumerate(batch)]
            for (doc, _), (_, context) in zip(
                _through_model(language, texts, batch_size), batch, strict=True
            ):
                yield doc, context


def _through_model(
    language: Language, texts: list[tuple[str, int]], batch_size: int
) -> Iterator[tuple[Doc | Exception, int]]:
    """The texts through the model in one ``pipe``; should it fail, one by one, so that only
    the texts that fail are lost."""
    try:
        docs = list(language.pipe(texts, as_tuples=True, batch_size=batch_size))
    except Exception:  # the model's own errors are not ours to name: find the one that fails
        log.debug("batch failed in the model; parsing its texts one by one", exc_info=True)
    else:
        yield from docs
        return
    for text, i in texts:
        try:
            yield language(text), i
        except Exception as exc:
            yield exc, i


def _joined(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    for doc in docs:  # the steps never read the model's vectors: do not keep them twice
        doc.tensor = np.zeros((0,), dtype="float32")
    return Doc.from_docs(docs, ensure_whitespace=False)


def _batches(
    items: Iterable[tuple[str, T]], size: int, chars: int = BATCH_CHARS
) -> Iterator[list[tuple[str, T]]]:
    """Batches of at most ``size`` texts and, past the first text, ``chars`` characters; a
    text over ``WINDOW_CHARS`` is a batch of its own."""
    batch: list[tuple[str, T]] = []
    held = 0
    for item in items:
        alone = len(item[0]) > WINDOW_CHARS or (batch and len(batch[0][0]) > WINDOW_CHARS)
        if batch and (alone or len(batch) >= size or held + len(item[0]) > chars):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += len(item[0])
    if batch:
        yield batch
