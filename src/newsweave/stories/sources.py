"""Who reported a story: the independence key of each of its articles.

Two articles are one source when they come from the same outlet, however its name is written
("The Wrenfield Herald", "wrenfield herald"), or when one is a near-duplicate of the other (a
wire copy, a re-publication): a copy counts as its original. An article whose outlet is
unknown is its own source. The story list (``summary``) and the dossier
(``newsweave.fuse.sources``) both key their articles with ``source_keys``, so they count the
same sources.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsweave.lexicon.names import norm

__all__ = ["outlet_key", "source_keys"]


def outlet_key(name: str) -> str:
    """One key per outlet however it is written ("The Wrenfield Herald", "wrenfield herald.").

    The name's normal form (``lexicon.names.norm``: case, accents, dots, apostrophes and a
    leading article set aside), or the name in lower case when nothing of it is a word.
    """
    return norm(name) or " ".join(name.lower().split())


def source_keys(outlets: Mapping[str, str | None], duplicates: Mapping[str, str]) -> dict[str, str]:
    """The independence key of every article of a story: articles with one key count once.

    A copy takes its original's key. A copy whose original is in another story (a copy group
    may span stories) stands for that original here: keyed by its own outlet, or by the
    original's name when its outlet is unknown, so that copies of one original count once.

    Args:
        outlets: each article of the story (by a name unique in the story, such as its id or
            key) -> its outlet, None when unknown.
        duplicates: a copy's name -> its original's, in the same naming.

    Returns:
        Each article's name -> ``"outlet:<outlet_key>"``, or ``"article:<name>"`` for an
        article (or copy group) of unknown outlet.
    """
    keys = {}
    for article, outlet in outlets.items():
        original = _root(article, duplicates)
        if original in outlets:
            outlet = outlets[original]
        keys[article] = "outlet:" + outlet_key(outlet) if outlet else "article:" + original
    return keys


def _root(article: str, duplicates: Mapping[str, str]) -> str:
    """The original a copy leads back to (itself when it copies nothing)."""
    seen = {article}
    while article in duplicates and duplicates[article] not in seen:
        article = duplicates[article]
        seen.add(article)
    return article
