"""The language pipeline: loaded once per process; the only module that knows the model."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from newsweave import config
from newsweave.errors import ModelError


@functools.cache
def load(model: str | None = None) -> Language:
    """Load (once) the spaCy pipeline named by ``model`` or ``config.MODEL_NAME``."""
    name = model or config.MODEL_NAME
    try:
        language = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"language model {name!r} is not installed: run `make install` "
            f"(or pip install the package that provides it)"
        ) from exc
    _split_glued_quotes(language)
    return language


#: A quotation mark glued between punctuation and a word, as scraped pages often have it
#: (`said,“We` or `tonight,”Imrie`): the model's tokenizer keeps such a run as one token,
#: which hides both the quote's boundary and its cue.
GLUED_QUOTES = (r"(?<=\w)[,.;:!?](?=[\"“”„«»])", r"(?<=[,.;:!?])[\"“”„«»](?=\w)")


def _split_glued_quotes(language: Language) -> None:
    infixes = [*(language.Defaults.infixes or ()), *GLUED_QUOTES]
    tokenizer: Tokenizer = language.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
