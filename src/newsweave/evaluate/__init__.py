"""Scorers for gold-annotated corpora, used by ``newsweave evaluate TASK --corpus DIR``.

Each task lives in its own module (``quotes``, ``times``, ``entities``, ``stories``, ``claims``,
``pairs``, ``events``, ``places``) exposing
``evaluate(corpus_dir: Path, *, limit: int | None = None) -> Report``.
"""

TASKS = ("quotes", "times", "entities", "stories", "claims", "pairs", "events", "places")
