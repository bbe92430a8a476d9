"""One article's mentions grouped into clusters: one per kind and normalised name.

Places the gazetteer knows are grouped by GeoNames id, decided by the article's other places
(``toponyms``), so "the U.K." and "UK" (and "Kiev" and "Kyiv") are one cluster.
"""

from __future__ import annotations

import re
from collections import Counter

from newsweave.lexicon.names import name_words, norm, phonetic
from newsweave.lexicon.titles import role_heads
from newsweave.link.rules import Cluster
from newsweave.link.toponyms import embedded_place, place_of_each
from newsweave.places import Place, demonym_place
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
#: What joins a place the gazetteer lacks to the place it lies in: "Zxq Avenue in Tampa",
#: "Zxq Park, Hampshire".
_WITHIN = re.compile(r",\s+|\s+in\s+(?:the\s+)?")


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
    home_town = _home_town(mentions, places, text)
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
            located_in = embedded_place(name, article_places) if holds else None
            if kind == "PLACE" and place is None and located_in is None:
                located_in = _written_within(i, mentions, places, text)
            if m.label == "FAC" and place is None and located_in is None:
                located_in = home_town  # a street or a building is in the article's town
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
                located_in=located_in,
            )
        elif kind == "PERSON" and len(name_words(name)) > len(name_words(c.name)):
            words = name_words(name)
            c.name, c.given, c.forenames = name, words[0], frozenset(words[:-1])
        if m.role:
            c.roles[m.role] = None
            c.role_heads |= role_heads(m.role)
        c.mentions.append(i)
    return list(clusters.values())


def _home_town(
    mentions: tuple[EntityMention, ...], places: dict[int, Place], text: str
) -> tuple[str, Place] | None:
    """The town the article names most often (the first of equals), as first written."""
    towns = [i for i, p in places.items() if p["feature"] == "city"]
    if not towns:
        return None
    counts = Counter(places[i]["geonames_id"] for i in towns)
    first = max(towns, key=lambda i: (counts[places[i]["geonames_id"]], -i))
    first = min(i for i in towns if places[i]["geonames_id"] == places[first]["geonames_id"])
    m = mentions[first]
    return text[m.start : m.end], places[first]


def _written_within(
    at: int, mentions: tuple[EntityMention, ...], places: dict[int, Place], text: str
) -> tuple[str, Place] | None:
    """The place written right after the place mention ``at`` that says where it lies ("in",
    a comma), when the gazetteer knows it: a street, a park or a village it lacks is there."""
    following = at + 1
    if following >= len(mentions) or following not in places:
        return None
    if not _WITHIN.fullmatch(text, mentions[at].end, mentions[following].start):
        return None
    after = mentions[following]
    return text[after.start : after.end], places[following]
