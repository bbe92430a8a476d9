"""Which place each place name of an article denotes, decided by the article as a whole.

A name alone is ambiguous ("Charleston", "Mansfield", "Georgia"); the article around it is
not. As geoparsers such as CLAVIN do, each name is read with what the rest of the article
says: a state or country written right after it ("Alexandria, La."), the countries and
states named elsewhere, and the likeliest reading of the other places. One decision is made
per name, so every "Charleston" of the article is the same place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.analyse.entities.keys import norm
from newsweave.places import Context, Place, candidates, choose, inside, region_abbreviation
from newsweave.records import EntityMention

__all__ = ["place_of_each"]

#: What may follow a town to name its state or country: ", " and the container's name.
_AFTER_TOWN = ", "
#: An abbreviation written after a town and the comma ("La.", "W.Va.", "N.Y.", "ID").
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,2}|[A-Z]{2}\b")


def place_of_each(mentions: Sequence[EntityMention], text: str) -> dict[int, Place]:
    """The gazetteer entry of each place mention (by index) that the gazetteer knows.

    Args:
        mentions: the article's place mentions, in text order, with their names.
        text: the article text the mentions' offsets index into.
    """
    names = [norm(m.name or m.text) for m in mentions]
    within: dict[str, list[Place]] = {}  # a town's name -> the containers written after it
    towns: dict[str, str] = {}  # a container mention's name -> the town it follows
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        container, named = _container_after(m, following, text)
        if container:
            within.setdefault(names[i], []).extend(container)
        if named:
            towns.setdefault(names[i + 1], names[i])
    readings = {name: _alone(name, within) for name in set(names) - towns.keys()}
    for name, town in towns.items():
        readings[name] = _holding(within[town], readings.get(town))
    decided = {
        name: _decide(name, readings, within.get(name, ())) for name in set(names) - towns.keys()
    }
    for name, town in towns.items():
        decided[name] = _holding(within[town], decided.get(town))
    return {i: place for i, name in enumerate(names) if (place := decided[name]) is not None}


def _container_after(
    town: EntityMention, following: EntityMention | None, text: str
) -> tuple[list[Place], bool]:
    """The states or countries written right after ``town`` and a comma, and whether they
    are the ``following`` mention (rather than an abbreviation no mention covers)."""
    start = town.end + len(_AFTER_TOWN)
    if text[town.end : start] != _AFTER_TOWN:
        return [], False
    if following is not None and following.start == start:
        written = text[following.start : following.end]
        dotted = written + "." if text[following.end : following.end + 1] == "." else written
        state = region_abbreviation(dotted)
        found = [state] if state else [p for p in candidates(written) if _is_container(p)]
        return found, bool(found)
    match = _ABBREVIATION.match(text, start)
    state = region_abbreviation(match.group()) if match else None
    return ([state] if state else []), False


def _is_container(place: Place) -> bool:
    return place["feature"] in ("region", "country")


def _alone(name: str, within: dict[str, list[Place]]) -> Place | None:
    """The likeliest reading of ``name`` with nothing but what is written right after it."""
    return choose(name, candidates(name), Context(within=tuple(within.get(name, ()))))


def _holding(containers: list[Place], town: Place | None) -> Place:
    """The container that holds ``town`` ("Georgia" the state after "Atlanta"), or the first."""
    return next((c for c in containers if town is not None and inside(town, c)), containers[0])


def _decide(name: str, readings: dict[str, Place | None], within: Sequence[Place]) -> Place | None:
    """``name`` read with what the article's other places say."""
    others = [p for other, p in readings.items() if other != name and p is not None]
    context = Context(
        countries=frozenset(p["country"] for p in others if _is_container(p)),
        regions=frozenset((p["country"], p["admin1"]) for p in others if p["feature"] == "region"),
        nearby=frozenset((p["country"], p["admin1"]) for p in others if p["feature"] == "city"),
        within=tuple(within),
    )
    return choose(name, candidates(name), context)
