"""The few exceptions newsweave raises. Messages say what is wrong and how to fix it."""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class: the CLI turns these into a one-line message and a non-zero exit."""


class InputError(NewsweaveError):
    """An input could not be read as an article. ``source`` names the file (and line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(NewsweaveError):
    """The database could not be opened, migrated or written."""


class ModelError(NewsweaveError):
    """The language model is not installed or cannot be loaded."""


class StepError(NewsweaveError):
    """A pipeline step failed on an article; names the step and the article."""


class ClusterError(NewsweaveError):
    """Ray could not be started or reached, or one of its workers died."""
