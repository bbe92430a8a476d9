"""Which place each place name of an article denotes, decided by the article as a whole.

A name alone is ambiguous ("Charleston", "Mansfield", "Georgia"); the article around it is
not. As geoparsers such as CLAVIN do, each name is read with what the rest of the article
says: a state or country written right after it ("Alexandria, La."), the countries and
states named elsewhere, and the likeliest reading of the other places. One decision is made
per name, so every "Charleston" of the article is the same place.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from newsweave.analyse.entities.keys import norm
from newsweave.places import (
    Context,
    Place,
    candidates,
    choose,
    demonym_place,
    inside,
    region_abbreviation,
)
from newsweave.records import EntityMention

__all__ = ["article_context", "embedded_place", "place_of_each"]

#: What may follow a town to name its state or country: ", " and the container's name.
_AFTER_TOWN = ", "
#: An abbreviation written after a town and the comma ("La.", "W.Va.", "N.Y.", "ID").
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,2}|[A-Z]{2}\b")
#: A town this large is meant by its name inside an organisation's ("Seattle Seahawks") even
#: when the article places it nowhere else; a smaller one only when the article names it or
#: its state.
_KNOWN_TOWN = 100_000
#: The most words a place inside an organisation's name has ("New South Wales Police").
_MAX_PLACE_WORDS = 3


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
    context = dataclasses.replace(article_context(others), within=tuple(within))
    return choose(name, candidates(name), context)


def article_context(places: Iterable[Place]) -> Context:
    """What an article's places say about where it is set."""
    listed = list(places)
    return Context(
        countries=frozenset(p["country"] for p in listed if _is_container(p)),
        regions=frozenset((p["country"], p["admin1"]) for p in listed if p["feature"] == "region"),
        nearby=frozenset((p["country"], p["admin1"]) for p in listed if p["feature"] == "city"),
    )


def embedded_place(name: str, places: Sequence[Place]) -> tuple[str, Place] | None:
    """The place an organisation's name holds, as written in it, with its gazetteer entry.

    "Mansfield Police Department" in an article that names Ohio holds Mansfield, Ohio; "The
    Washington Post" Washington; "Syrian Observatory for Human Rights" Syria. The longest,
    then first, run of capitalised words that is a country, a state, a continent, a people's
    name, a town the article places (``places``: its place mentions' entries) or a town of
    ``_KNOWN_TOWN`` people. Never the whole name (that is the organisation), and never an
    acronym read as a town's other name ("NBC").
    """
    words = [w.strip(",.;:") for w in name.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
    context = article_context(places)
    named = {p["geonames_id"] for p in places}
    for size in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
        for at in range(len(words) - size + 1):
            phrase = words[at : at + size]
            if not all(w[:1].isupper() for w in phrase):
                continue
            written = " ".join(phrase)
            place = demonym_place(written) or choose(written, candidates(written), context)
            if place is not None and _held_place(written, place, context, named):
                return written, place
    return None


def _held_place(written: str, place: Place, context: Context, named: set[int]) -> bool:
    """Whether an organisation's name plausibly holds ``place`` where it writes ``written``."""
    if place["feature"] != "city":
        return True
    if written.isupper():
        return False
    return (
        place["geonames_id"] in named
        or (place["country"], place["admin1"]) in context.regions
        or place["population"] >= _KNOWN_TOWN
    )
