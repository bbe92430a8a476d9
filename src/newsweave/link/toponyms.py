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

from newsweave.lexicon.countries import COUNTRY_ALIASES
from newsweave.lexicon.names import norm
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
#: A town this large is meant by its name inside an organisation's ("Boise State Broncos") even
#: when the article places it nowhere else; a smaller one only when the article names it or
#: its state.
_KNOWN_TOWN = 100_000
#: What the model calls facilities (streets, buildings, bridges), not towns: a same-named
#: town or division counts only where the article is set. (Its LOC names are more often
#: places the gazetteer holds: measured on the tune half, applying this to them placed less.)
_NOT_A_TOWN = frozenset({"FAC"})
#: A first-level division this large (its towns' people) is known by a name no other
#: country's divisions share ("California"), wherever the article is set.
_KNOWN_REGION = 1_000_000
#: The fewest letters of a country's name that an organisation is named for (``_named_for``).
_COUNTRY_NAME_LETTERS = 4
#: The most words a place inside an organisation's name has ("New South Wales Police").
_MAX_PLACE_WORDS = 3
#: A name before one of these words names a river, a lake or a mountain range ("the Oska
#: river"), which the gazetteer of towns and divisions does not hold: a town of that name is
#: another place.
_NATURAL_FEATURE = re.compile(
    r"\s+(?:river|lake|mountains|glacier|gorge|canyon|strait|pass|peninsula|delta)\b"
)


def place_of_each(mentions: Sequence[EntityMention], text: str) -> dict[int, Place]:
    """The gazetteer entry of each place mention (by index) that the gazetteer knows.

    Args:
        mentions: the article's place mentions, in text order, with their names.
        text: the article text the mentions' offsets index into.
    """
    names = [norm(m.name or m.text) for m in mentions]
    within: dict[str, list[Place]] = {}  # a town's name -> the containers written after it
    towns: dict[str, str] = {}  # a container mention's name -> the town it follows
    contained_at: set[int] = set()  # the mentions written with their container
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        container, named = _container_after(m, following, text)
        if container:
            within.setdefault(names[i], []).extend(container)
            contained_at.add(i)
        if named:
            towns.setdefault(names[i + 1], names[i])
    abbreviated = _abbreviated_regions(mentions, names, text)
    set_in = frozenset(
        (p["country"], p["admin1"]) for held in within.values() for p in held if p["admin1"]
    )
    readings = {name: _alone(name, within) for name in set(names) - towns.keys()}
    for name, town in towns.items():
        readings[name] = _holding(within[town], readings.get(town))
    readings.update(abbreviated)
    decided = {
        name: _decide(name, readings, within.get(name, ()), set_in)
        for name in set(names) - towns.keys()
    }
    for name, town in towns.items():
        decided[name] = _holding(within[town], decided.get(town))
    decided.update(abbreviated)
    # A name written once with its container and elsewhere alone may be two places: "Washington,
    # D.C." beside "Washington" in an article set in Washington state ("Camp Zxq, Wash.").
    alone = {
        name: place
        for name in within.keys() - towns.keys()
        if (place := _decide(name, readings, (), set_in)) is not None
        and place["feature"] == "region"
        and (place["country"], place["admin1"]) in set_in
    }
    for name in {n for n, m in zip(names, mentions, strict=True) if m.label in _NOT_A_TOWN}:
        place = decided[name]
        others = [p for other, p in decided.items() if other != name and p is not None]
        if place is not None and not _placed_by_article(
            name, place, others, article_context(others)
        ):
            decided[name] = None  # "Street": not a same-named town far away
    return {
        i: place
        for i, name in enumerate(names)
        if (place := decided[name] if i in contained_at else alone.get(name, decided[name]))
        is not None
        and not _NATURAL_FEATURE.match(text, mentions[i].end)
    }


def _abbreviated_regions(
    mentions: Sequence[EntityMention], names: Sequence[str], text: str
) -> dict[str, Place]:
    """The names written as a state's or province's dotted abbreviation ("N.B.", "Calif.",
    "B.C."), each with that division: news abbreviates divisions so, not towns (a town named
    like a province is never written "N.B.")."""
    found: dict[str, Place] = {}
    for name, m in zip(names, mentions, strict=True):
        written = text[m.start : m.end]
        dotted = written + "." if text[m.end : m.end + 1] == "." else written
        region = region_abbreviation(dotted) if "." in dotted else None
        if region is not None:
            found[name] = region
    return found


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
        found = _holders(town, found)
        return found, bool(found)
    match = _ABBREVIATION.match(text, start)
    state = region_abbreviation(match.group()) if match else None
    return _holders(town, [state] if state else []), False


def _holders(town: EntityMention, containers: list[Place]) -> list[Place]:
    """The ``containers`` some reading of ``town`` lies in: none in a list of places
    ("Saipan, Guam, Alaska"); all of them for a town the gazetteer lacks ("Estey's Bridge,
    N.B.")."""
    readings = candidates(town.name or town.text)
    if not readings:
        return containers
    return [c for c in containers if any(inside(t, c) for t in readings)]


def _is_container(place: Place) -> bool:
    return place["feature"] in ("region", "country")


def _alone(name: str, within: dict[str, list[Place]]) -> Place | None:
    """The likeliest reading of ``name`` with nothing but what is written right after it."""
    context = Context(within=tuple(within.get(name, ())))
    return choose(name, candidates(name), context) or demonym_place(name)


def _holding(containers: list[Place], town: Place | None) -> Place:
    """The container that holds ``town`` ("Georgia" the state after "Atlanta"), or the first."""
    return next((c for c in containers if town is not None and inside(town, c)), containers[0])


def _decide(
    name: str,
    readings: dict[str, Place | None],
    within: Sequence[Place],
    set_in: frozenset[tuple[str, str]] = frozenset(),
) -> Place | None:
    """``name`` read with what the article's other places say and the states its towns are
    written with (``set_in``)."""
    others = [p for other, p in readings.items() if other != name and p is not None]
    context = dataclasses.replace(article_context(others), within=tuple(within), set_in=set_in)
    # A people's name tagged as a place ("Emirati") stands for its country.
    return choose(name, candidates(name), context) or demonym_place(name)


def article_context(places: Iterable[Place]) -> Context:
    """What an article's places say about where it is set."""
    listed = list(places)
    return Context(
        countries=frozenset(p["country"] for p in listed if _is_container(p)),
        regions=frozenset((p["country"], p["admin1"]) for p in listed if p["feature"] == "region"),
        nearby=frozenset(
            (p["country"], p["admin1"]) for p in listed if p["feature"] in ("city", "district")
        ),
        points=frozenset(
            (p["lat"], p["lon"])
            for p in listed
            if p["feature"] in ("city", "district") and p["lat"] is not None
        ),
    )


def embedded_place(name: str, places: Sequence[Place]) -> tuple[str, Place] | None:
    """The place an organisation's name holds, as written in it, with its gazetteer entry.

    "Mansfield Police Department" in an article that names Ohio holds Mansfield, Ohio; "The
    Denver Post" Denver; "Kenyan Wildlife Service" Kenya. The longest, then first, run of
    capitalised words that is a country, a state, a continent, a people's name, a town the
    article places (``places``: its place mentions' entries) or a town of ``_KNOWN_TOWN``
    people. The whole name only when it is a country's or a continent's (an organisation named
    for them: "the EU" is placed in Europe); never an acronym read as a town's other name
    ("NBC").
    """
    words = [w.strip(",.;:") for w in name.split()]
    if words and words[0].lower() == "the":
        words = words[1:]
    whole = " ".join(words)
    named = [p for p in candidates(whole) if _named_for(whole, p)]
    if named:  # "the EU", "the African Union": an organisation of a continent's countries
        return whole, max(named, key=lambda p: p["population"])
    context = article_context(places)
    for size in range(min(_MAX_PLACE_WORDS, len(words) - 1), 0, -1):
        for at in range(len(words) - size + 1):
            phrase = words[at : at + size]
            if not all(w[:1].isupper() for w in phrase):
                continue
            written = " ".join(phrase)
            place = demonym_place(written) or choose(written, candidates(written), context)
            if place is not None and _placed_by_article(written, place, places, context):
                return written, place
    return None


def _named_for(whole: str, place: Place) -> bool:
    """Whether an organisation whose whole name is ``whole`` is named for ``place``: a
    continent ("EU", "African Union"), or a country by a name of four letters or more or a
    short form news uses ("UAE"; another short one is an acronym: "VAT", "IOT")."""
    if place["feature"] == "continent":
        return True
    short = len(whole.replace(" ", "")) < _COUNTRY_NAME_LETTERS
    return place["feature"] == "country" and (not short or norm(whole) in COUNTRY_ALIASES)


def _placed_by_article(
    written: str, place: Place, places: Sequence[Place], context: Context
) -> bool:
    """Whether a name that is not a place mention of its own (a facility, a word of an
    organisation's name) plausibly means ``place`` in an article whose places are ``places``
    (``context``, what they say):
    a country or continent always; a division when the article is set in its country, or when
    it is large and its name unique; a town when the article names it or its state, or when it
    is large, and never for an acronym (NBC is not a town's other name)."""
    if place["feature"] in ("country", "continent"):
        return True
    if place["feature"] != "city":
        if place["country"] in context.countries | {c for c, _ in context.nearby}:
            return True
        # Elsewhere only a large division whose name no other country's divisions share:
        # "University of California" holds California, "Central Lakes Clinic" no region.
        namesakes = {p["country"] for p in candidates(written) if p["feature"] == "region"}
        return namesakes == {place["country"]} and place["population"] >= _KNOWN_REGION
    if written.isupper():
        return False
    return (
        place["geonames_id"] in {p["geonames_id"] for p in places}
        or (place["country"], place["admin1"]) in context.regions
        or place["population"] >= _KNOWN_TOWN
    )
