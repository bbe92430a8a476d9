"""The language pipeline: loaded once per process; the only module that knows the model."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from newsweave import config
from newsweave.errors import ModelError


@functools.cache
def load(model: str | None = None) -> Language:
    """Load (once) the spaCy pipeline named by ``model`` or ``config.MODEL_NAME``."""
    name = model or config.MODEL_NAME
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"language model {name!r} is not installed: run `make install` "
            f"(or pip install the package that provides it)"
        ) from exc
