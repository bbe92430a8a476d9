"""Place names decided by their article: a state written after a town, the states and countries
named elsewhere, and the other places' likeliest readings."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsweave.ingest import make_article
from newsweave.link import Linker
from newsweave.link.clusters import clusters_of
from newsweave.link.toponyms import embedded_place, place_of_each
from newsweave.pipeline import analyse
from newsweave.places import demonym_place, lookup, region_abbreviation
from newsweave.records import EntityMention


def _places(text: str, *names: str) -> dict[str, tuple[str, str | None, str]]:
    """Each of ``names`` (its first occurrence in ``text``, as a GPE) -> (country, admin1, name)."""
    mentions = sorted(
        (EntityMention(text.index(n), text.index(n) + len(n), n, "GPE") for n in names),
        key=lambda m: m.start,
    )
    found = place_of_each(mentions, text)
    return {mentions[i].text: (p["country"], p["admin1"], p["feature"]) for i, p in found.items()}


def _in_order(text: str, *names: str | tuple[str, str]) -> list[EntityMention]:
    """A mention of each name (a GPE, or with the label given as ``(name, label)``), each found
    after the one before, so a name written twice is two mentions."""
    mentions, at = [], 0
    for written in names:
        name, label = (written, "GPE") if isinstance(written, str) else written
        at = text.index(name, at)
        mentions.append(EntityMention(at, at + len(name), name, label))
        at += len(name)
    return mentions


@pytest.mark.parametrize(
    ("text", "names", "name", "expected"),
    [
        # A state written after the town: spelt out, AP style, or as its postal code.
        ("Flooding in Charleston, West Virginia.", ("Charleston", "West Virginia"),
         "Charleston", ("US", "WV", "city")),
        ("Police in Alexandria, La., said so.", ("Alexandria",), "Alexandria",
         ("US", "LA", "city")),
        ("Police in Alexandria, La., said so.", ("Alexandria", "La"), "La",
         ("US", "LA", "region")),
        ("A barn burned near Sussex, N.B., on Monday.", ("Sussex",), "Sussex",
         ("CA", "04", "city")),
        ("A barn burned in Old Zxq Mills, N.B., on Monday.", ("Old Zxq Mills", "N.B"), "N.B",
         ("CA", "04", "region")),
        ("A plant in Boise, ID closed.", ("Boise",), "Boise", ("US", "ID", "city")),
        # A state named elsewhere in the article.
        ("Mansfield lost its plant. Ohio lawmakers met.", ("Mansfield", "Ohio"), "Mansfield",
         ("US", "OH", "city")),
        ("A storm hit Charleston. West Virginia declared an emergency.",
         ("Charleston", "West Virginia"), "Charleston", ("US", "WV", "city")),
        # Without context, the likelier place: the town in England, the city in Egypt.
        ("Mansfield lost its plant.", ("Mansfield",), "Mansfield", ("GB", "ENG", "city")),
        ("Alexandria was hot.", ("Alexandria",), "Alexandria", ("EG", "06", "city")),
        # "Georgia": the state beside its towns, the country beside its own or alone.
        ("Georgia signed the bill in Atlanta.", ("Georgia", "Atlanta"), "Georgia",
         ("US", "GA", "region")),
        ("Georgia's leaders met in Tbilisi.", ("Georgia", "Tbilisi"), "Georgia",
         ("GE", None, "country")),
        ("Georgia voted.", ("Georgia",), "Georgia", ("GE", None, "country")),
        ("The team from Atlanta, Georgia won.", ("Atlanta", "Georgia"), "Georgia",
         ("US", "GA", "region")),
        # Provinces and counties are places of their own.
        ("A rally in Toronto, Ontario drew crowds.", ("Toronto", "Ontario"), "Ontario",
         ("CA", "08", "region")),
        ("Barrow County deputies found the car.", ("Barrow County",), "Barrow County",
         ("US", "GA", "district")),
        # A world city beats a small namesake in a country the article names, not in a
        # state it names.
        ("Police in London charged him. Montana ranchers sent money.", ("London", "Montana"),
         "London", ("GB", "ENG", "city")),
        ("London's council met. Ohio lawmakers came.", ("London", "Ohio"), "London",
         ("US", "OH", "city")),
        # A county (a second-level division) says where the article is set, as a town does.
        ("Floods hit Boston. Lincolnshire council opened shelters.", ("Boston", "Lincolnshire"),
         "Boston", ("GB", "ENG", "city")),
        ("Rain fell in Richmond. North Yorkshire roads closed.", ("Richmond", "North Yorkshire"),
         "Richmond", ("GB", "ENG", "city")),
        # A small namesake in England, far from the article's other English town, is not
        # where it is set: the capital is.
        ("Dorin Vale studied in Cambridge. A Washington lawyer objected.",
         ("Cambridge", "Washington"), "Washington", ("US", "DC", "city")),
        # A state that shares its name with a big city is the city, unless the article is set
        # in the state (a town written with it).
        ("Floods hit central Washington.", ("Washington",), "Washington", ("US", "DC", "city")),
        ("Crews left Camp Zxq, Wash., at dawn. Floods hit central Washington.",
         ("Camp Zxq", "Washington"), "Washington", ("US", "WA", "region")),
        # A division's dotted abbreviation on its own, not a town of its letters.
        ("Crews crossed the N.B. border at dawn.", ("N.B.",), "N.B.", ("CA", "04", "region")),
        ("Wildfires spread across Calif. on Monday.", ("Calif",), "Calif",
         ("US", "CA", "region")),
        # A people's name or a former country tagged as a place.
        ("The Emirati trainer won again.", ("Emirati",), "Emirati", ("AE", None, "country")),
        ("A nerve agent made in the Soviet Union.", ("Soviet Union",), "Soviet Union",
         ("RU", None, "country")),
    ],
)  # fmt: skip
def test_a_name_is_decided_by_its_article(
    text: str, names: tuple[str, ...], name: str, expected: tuple[str, str | None, str]
) -> None:
    assert _places(text, *names)[name] == expected


def test_korean_is_south_korea() -> None:
    place = demonym_place("Korean")
    assert place is not None and place["country"] == "KR"
    north = demonym_place("North Korean")
    assert north is not None and north["country"] == "KP"


def test_divisions_and_countries_have_an_id_and_coordinates() -> None:
    for name, geonames_id, south, north, west, east in [
        ("Ontario", 6093943, 41.7, 56.9, -95.2, -74.3),
        ("Ohio", 5165418, 38.4, 42.0, -84.9, -80.5),
        ("Barrow County", 4181182, 33.8, 34.2, -83.9, -83.5),
        ("France", 3017382, 41.3, 51.1, -5.2, 9.6),
    ]:
        place = lookup(name)
        assert place is not None and place["geonames_id"] == geonames_id, name
        assert south < place["lat"] < north and west < place["lon"] < east, (name, place)


def test_a_list_of_places_is_not_a_town_and_its_state() -> None:
    # "Guam, Alaska" lists two places: Guam is not in Alaska, so "Louisiana" later, after
    # "Guam, " again, is Louisiana.
    text = "Flights to Guam, Alaska and Samoa. Later Guam, Louisiana and Nevada."
    names = ["Guam", "Alaska", "Samoa", "Guam", "Louisiana", "Nevada"]
    found = place_of_each(_in_order(text, *names), text)
    assert [found[i]["name"] for i in range(len(names))] == [
        "Guam", "Alaska", "Samoa", "Guam", "Louisiana", "Nevada"
    ]  # fmt: skip


def test_a_facility_is_not_a_far_town_of_its_name() -> None:
    text = "Traffic on Street slowed. New Orleans police closed Canal Street."
    mentions = [
        EntityMention(11, 17, "Street", "FAC"),
        EntityMention(26, 37, "New Orleans", "GPE"),
        EntityMention(51, 63, "Canal Street", "FAC"),
    ]
    found = place_of_each(mentions, text)
    assert found[1]["country"] == "US" and 0 not in found  # not Street, Somerset


def test_a_river_is_not_a_town_of_its_name() -> None:
    text = "The Mansfield river burst its banks. Mansfield, Ohio, was spared."
    mentions = [
        EntityMention(4, 13, "Mansfield", "LOC"),
        EntityMention(37, 46, "Mansfield", "GPE"),
        EntityMention(48, 52, "Ohio", "GPE"),
    ]
    found = place_of_each(mentions, text)
    assert 0 not in found and found[1]["country"] == "US"


def test_a_name_written_with_its_container_and_alone_may_be_two_places() -> None:
    text = "Crews from Camp Zxq, Wash., flew to Washington, D.C. Back in Washington they rested."
    found = place_of_each(_in_order(text, "Camp Zxq", "Washington", "D.C.", "Washington"), text)
    assert (found[1]["admin1"], found[1]["feature"]) == ("DC", "city")
    assert (found[3]["admin1"], found[3]["feature"]) == ("WA", "region")


def test_one_decision_per_name() -> None:
    text = "Charleston, W.Va., flooded. In Charleston the roads closed."
    at = text.rindex("Charleston")
    mentions = [
        EntityMention(0, 10, "Charleston", "GPE"),
        EntityMention(at, at + 10, "Charleston", "GPE"),
    ]
    found = place_of_each(mentions, text)
    assert found[0]["admin1"] == found[1]["admin1"] == "WV"


@pytest.mark.parametrize(
    ("name", "named", "written", "geonames_id"),
    [
        ("Mansfield Police Department", ("Ohio",), "Mansfield", 5161723),  # placed by Ohio
        ("Slidell Police Department", ("Louisiana",), "Slidell", 4341727),
        ("The Denver Post", (), "Denver", 5419384),
        ("Kenyan Wildlife Service", (), "Kenyan", 192950),  # a people's name
        ("University of California", (), "California", 5332921),
        ("Bank of England", (), "England", 2635167),  # England as the UK
        ("EU", (), "EU", 6255148),  # a union of a continent's countries, at the continent
        ("the African Union", (), "African Union", 6255146),
    ],
)
def test_an_organisation_holds_its_place(
    name: str, named: tuple[str, ...], written: str, geonames_id: int
) -> None:
    places = [p for n in named if (p := lookup(n)) is not None]
    held = embedded_place(name, places)
    assert held is not None and (held[0], held[1]["geonames_id"]) == (written, geonames_id)


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Slidell Police Department", ()),  # a town of its size needs the article to place it
        ("NBC News", ()),  # an acronym is not a town's other name
        ("Ohio", ()),  # the whole name is the organisation's own
        ("Goldman Sachs", ()),
        ("VAT", ()),  # a country's three-letter code is more often an acronym
    ],
)
def test_an_organisation_without_a_place(name: str, named: tuple[str, ...]) -> None:
    assert embedded_place(name, [p for n in named if (p := lookup(n)) is not None]) is None


@pytest.mark.parametrize(
    ("written", "state"),
    [("La.", "Louisiana"), ("W.Va.", "West Virginia"), ("Calif.", "California"),
     ("N.Y.", "New York"), ("ID", "Idaho"), ("D.C.", "District of Columbia"),
     ("B.C.", "British Columbia"), ("Ont.", "Ontario"), ("NB", "New Brunswick")],
)  # fmt: skip
def test_state_abbreviations(written: str, state: str) -> None:
    place = region_abbreviation(written)
    assert place is not None and place["name"] == state and place["feature"] == "region"


def test_unknown_abbreviations_are_none() -> None:
    assert region_abbreviation("Xq.") is None
    assert region_abbreviation("ZZ") is None


@pytest.mark.slow
def test_the_pipeline_places_towns_by_their_state(nlp: Language) -> None:
    """The product path: the model finds the names, the linker decides them."""
    texts = {
        "alexandria": "Firefighters in Alexandria, Louisiana, put out a warehouse fire on Monday.",
        "charleston": "Rain closed schools in Charleston, West Virginia, on Tuesday.",
        "mansfield": (
            "Mansfield will lose its last steel plant, the company said. "
            "Ohio officials said they would help the 400 workers in Mansfield."
        ),
        "state": "Georgia lawmakers passed the budget in Atlanta on Friday.",
        "police": "The Mansfield Police Department arrested two men, Ohio police said.",
        "country": "Georgia's prime minister flew from Tbilisi to Brussels on Friday.",
    }
    articles = [
        make_article({"id": key, "text": text}, default_id=key, source=f"{key}.txt")
        for key, text in texts.items()
    ]
    decided: dict[str, dict[str, Any]] = {}
    for analysis in analyse(articles, model=nlp):
        linker = Linker()
        for mention, entity_id in zip(analysis.entities, linker.add(analysis), strict=True):
            entity = linker.entity(entity_id) if entity_id else None
            if entity is not None and entity.kind == "PLACE":
                decided[f"{analysis.article.id}:{mention.text}"] = entity.attributes
            elif entity is not None and "located_in" in entity.attributes:
                decided[f"{analysis.article.id}:{mention.text}"] = entity.attributes["located_in"]
    assert decided["alexandria:Alexandria"]["geonames_id"] == 4314550  # Louisiana
    assert decided["charleston:Charleston"]["geonames_id"] == 4801859  # West Virginia
    assert decided["mansfield:Mansfield"]["geonames_id"] == 5161723  # Ohio
    assert decided["state:Georgia"]["geonames_id"] == 4197000  # the US state
    police = decided["police:The Mansfield Police Department"]
    assert (police["written"], police["geonames_id"]) == ("Mansfield", 5161723)
    assert decided["country:Georgia"]["geonames_id"] == 614540  # the country
    for attributes in decided.values():
        assert attributes["lat"] is not None and attributes["lon"] is not None


def test_a_place_the_gazetteer_lacks_lies_where_its_name_says() -> None:
    """ "the Denver Riverwalk Promenade" is no gazetteer entry; it lies in Denver, and stays an
    entity of its own (not merged with Denver)."""
    text = "Crowds filled the Denver Riverwalk Promenade. Denver police closed it."
    mentions = tuple(
        EntityMention(text.rindex(n), text.rindex(n) + len(n), n, label)
        for n, label in [("Denver Riverwalk Promenade", "FAC"), ("Denver", "GPE")]
    )
    found = {c.name: c for c in clusters_of(mentions, text)}
    promenade, denver = found["Denver Riverwalk Promenade"], found["Denver"]
    assert promenade.place is None and promenade.located_in is not None
    assert promenade.located_in[0] == "Denver"
    assert denver.place is not None and denver.located_in is None
    assert promenade.located_in[1]["geonames_id"] == denver.place["geonames_id"]


@pytest.mark.parametrize(
    ("text", "lacking", "written", "country"),
    [
        ("A museum opened on Zxq Avenue in Tampa.", "Zxq Avenue", "Tampa", "US"),
        ("Racing returns to Zxq Park, Leicestershire.", "Zxq Park", "Leicestershire", "GB"),
        ("Divers surveyed Cape Zxq in Rockingham, Western Australia.", "Cape Zxq", "Rockingham",
         "AU"),
    ],
)  # fmt: skip
def test_a_place_the_gazetteer_lacks_lies_in_the_place_written_after_it(
    text: str, lacking: str, written: str, country: str
) -> None:
    names = [lacking, written]
    if "Western Australia" in text:
        names.append("Western Australia")
    mentions = tuple(
        EntityMention(text.index(n), text.index(n) + len(n), n, "FAC" if n == lacking else "GPE")
        for n in names
    )
    found = {c.name: c for c in clusters_of(mentions, text)}
    place = found[lacking]
    assert place.place is None and place.located_in is not None
    assert (place.located_in[0], place.located_in[1]["country"]) == (written, country)


def test_a_place_the_gazetteer_lacks_is_not_in_the_next_place_of_a_sentence() -> None:
    text = "Zxq Hills burned while Tampa held a parade."
    mentions = (
        EntityMention(0, 9, "Zxq Hills", "LOC"),
        EntityMention(23, 28, "Tampa", "GPE"),
    )
    found = {c.name: c for c in clusters_of(mentions, text)}
    assert found["Zxq Hills"].located_in is None  # not a facility: not in the article's town


def test_a_street_the_gazetteer_lacks_is_in_the_town_the_article_names_most() -> None:
    text = "Police in Tacoma shut Zxq Road. Seattle fans left. Tacoma council met."
    mentions = _in_order(text, "Tacoma", ("Zxq Road", "FAC"), "Seattle", "Tacoma")
    found = {c.name: c for c in clusters_of(tuple(mentions), text)}
    road = found["Zxq Road"]
    assert road.located_in is not None and road.located_in[0] == "Tacoma"
    alone = clusters_of((EntityMention(0, 8, "Zxq Road", "FAC"),), "Zxq Road was shut.")
    assert alone[0].located_in is None  # no town named: nowhere
