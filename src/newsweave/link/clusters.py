"""One article's mentions grouped into clusters: one per kind and normalised name.

Places the gazetteer knows are grouped by GeoNames id, decided by the article's other places
(``toponyms``), so "the U.K." and "UK" (and "Kiev" and "Kyiv") are one cluster.
"""

from __future__ import annotations

from newsweave.lexicon.names import name_words, norm, phonetic
from newsweave.lexicon.titles import role_heads
from newsweave.link.rules import Cluster
from newsweave.link.toponyms import embedded_place, place_of_each
from newsweave.places import demonym_place
from newsweave.records import EntityMention

__all__ = ["KINDS", "clusters_of"]

#: Mention labels -> entity kinds; other labels (dates, works, laws) are not linked.
KINDS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}


def clusters_of(mentions: tuple[EntityMention, ...], text: str) -> list[Cluster]:
    """Group one article's mentions by kind and normalised name (places by GeoNames id).

    Args:
        mentions: the article's entity mentions, in text order.
        text: the article's text, which decides what its places are.
    """
    at = [i for i, m in enumerate(mentions) if KINDS.get(m.label) == "PLACE"]
    resolved = place_of_each([mentions[i] for i in at], text)
    places = {at[k]: place for k, place in resolved.items()}
    article_places = list(resolved.values())  # what an organisation's name is read against
    clusters: dict[tuple[str, str], Cluster] = {}
    for i, m in enumerate(mentions):
        kind = KINDS.get(m.label)
        name = m.name or m.text
        if kind is None or not norm(name):
            continue
        place = places.get(i)
        key = f"g:{place['geonames_id']}" if place else norm(name)
        if kind == "GROUP":  # "Russian": the group stays a group, and carries its country
            place = demonym_place(name)
        c = clusters.get((kind, key))
        if c is None:
            # An organisation, or a place the gazetteer lacks ("the Oska River", "Talby
            # Cathedral"), lies where a place its name holds is.
            holds = kind == "ORG" or (kind == "PLACE" and place is None)
            words = name_words(name) or [norm(name)]
            c = clusters[(kind, key)] = Cluster(
                kind,
                key,
                name,
                words[0] if len(words) > 1 and kind == "PERSON" else None,
                frozenset(words[:-1]) if kind == "PERSON" else frozenset(),
                words[-1],
                phonetic(words[-1]),
                place=place,
                located_in=embedded_place(name, article_places) if holds else None,
            )
        elif kind == "PERSON" and len(name_words(name)) > len(name_words(c.name)):
            words = name_words(name)
            c.name, c.given, c.forenames = name, words[0], frozenset(words[:-1])
        if m.role:
            c.roles[m.role] = None
            c.role_heads |= role_heads(m.role)
        c.mentions.append(i)
    return list(clusters.values())
