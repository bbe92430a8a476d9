"""The ``newsweave`` command: thin commands over library functions, one module per subject.

Library errors become a one-line message and a non-zero exit here, and only here.
"""

from newsweave.cli import articles, entities, stories, tables, tools, watch  # noqa: F401  (they register)
from newsweave.cli.app import main

__all__ = ["main"]
