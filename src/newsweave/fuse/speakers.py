"""Who said it: one key per person across the story's articles, and the best name for it.

The linker's canonical entity id wins. A name the linker left alone ("Okafor" in an article
the linker saw no full name in) takes the id of the one linked speaker it can be. Otherwise
written names are grouped when they can be the same person ("Zelenskyy", "Volodymyr
Zelensky") and kept apart otherwise ("Marta Szabo", "Marta Linde").
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.fuse.names import EntityOf, same_person
from newsweave.lexicon.names import norm
from newsweave.records import ArticleAnalysis, EntityMention, Quote

__all__ = ["SpeakerKeys", "speaker_keys"]


class SpeakerKeys:
    """The person key and display name of each attributed quote of a story."""

    def __init__(self, keys: dict[tuple[str, int], str], names: dict[str, str]) -> None:
        self._keys = keys
        self.names = names

    def key(self, article: str, quote: Quote) -> str | None:
        """The speaker key of a quote, or None when it has no resolved speaker."""
        return self._keys.get((article, quote.start))

    def name(self, key: str) -> str:
        """The fullest name seen for a speaker key."""
        return self.names.get(key, key.lstrip("~"))


def speaker_keys(
    analyses: Sequence[ArticleAnalysis], *, entity_of: EntityOf | None = None
) -> SpeakerKeys:
    """Person keys for every quote with a resolved speaker across a story's articles."""
    written: list[tuple[str, Quote, str | None]] = []
    for analysis in analyses:
        art = analysis.article.id
        for quote in analysis.quotes:
            speaker = quote.speaker
            if speaker is None or not (speaker.name or speaker.entity):
                continue
            linked = speaker.entity
            if linked is None and entity_of is not None:
                mention = EntityMention(
                    speaker.start, speaker.end, speaker.text, "PERSON", name=speaker.name
                )
                linked = entity_of(art, mention)
            written.append((art, quote, linked))
    adopted = _adopted(written)
    groups: list[list[str]] = []  # groups of unlinked written names that are one person
    for _, quote, linked in written:
        name = quote.speaker.name if quote.speaker else None
        if linked is None and name and name not in adopted and not any(name in g for g in groups):
            home = next((g for g in groups if all(same_person(name, n) for n in g)), None)
            if home is None:
                groups.append([name])
            else:
                home.append(name)
    key_of_name = {}
    names: dict[str, str] = {}
    for group in groups:
        best = max(group, key=lambda n: (len(n.split()), len(n)))
        key = "~" + norm(best)
        names[key] = best
        for name in group:
            key_of_name[name] = key
    keys: dict[tuple[str, int], str] = {}
    for art, quote, linked in written:
        name = quote.speaker.name if quote.speaker else None
        if linked is not None:
            keys[(art, quote.start)] = linked
            if name and (linked not in names or len(name) > len(names[linked])):
                names[linked] = name
        elif name:
            keys[(art, quote.start)] = adopted.get(name) or key_of_name[name]
    return SpeakerKeys(keys, names)


def _adopted(written: Sequence[tuple[str, Quote, str | None]]) -> dict[str, str]:
    """Unlinked speaker names that can be one linked speaker only -> that speaker's id."""
    linked_names: dict[str, set[str]] = {}
    for _, quote, linked in written:
        if linked is not None and quote.speaker and quote.speaker.name:
            linked_names.setdefault(linked, set()).add(quote.speaker.name)
    adopted = {}
    for _, quote, linked in written:
        name = quote.speaker.name if quote.speaker else None
        if linked is None and name:
            homes = [k for k, ns in linked_names.items() if any(same_person(name, n) for n in ns)]
            if len(homes) == 1:
                adopted[name] = homes[0]
    return adopted
