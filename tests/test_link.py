"""Canonical entities across articles, and places in the gazetteer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import shared_path
from newsweave.ingest import read
from newsweave.link import Linker, apply_links
from newsweave.pipeline import analyse
from newsweave.places import lookup
from newsweave.records import Article, ArticleAnalysis, EntityMention


def _analysis(
    article_id: str, *mentions: tuple[str, str] | tuple[str, str, str]
) -> ArticleAnalysis:
    """An analysis whose text is the mentions joined by spaces: (text, label[, name])."""
    text, found = "", []
    for text_label_name in mentions:
        written, label = text_label_name[0], text_label_name[1]
        name = text_label_name[2] if len(text_label_name) > 2 else written
        start = len(text)
        text += written + " "
        found.append(EntityMention(start, start + len(written), written, label, name=name))
    return ArticleAnalysis(Article(article_id, article_id, text), entities=tuple(found))


def _ids(linker: Linker, analysis: ArticleAnalysis) -> dict[str, str | None]:
    return {m.text: i for m, i in zip(analysis.entities, linker.add(analysis), strict=True)}


def test_spelling_variants_merge_with_the_same_given_name() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Volodymyr Zelenskyy", "PERSON"), ("Kyiv", "GPE")))
    b = _ids(linker, _analysis("b", ("Volodymyr Zelensky", "PERSON")))
    c = _ids(linker, _analysis("c", ("Zelenskiy", "PERSON"), ("Kyiv", "GPE")))
    assert a["Volodymyr Zelenskyy"] == b["Volodymyr Zelensky"] == c["Zelenskiy"]
    rules = {e.rule for e in linker.evidence(a["Volodymyr Zelenskyy"] or "")}
    assert rules == {"new-entity", "spelling-variant+given-name", "spelling-variant+shared"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Donald Trump", "Donald Tusk"),
        ("Vladimir Putin", "Vladimir Medinsky"),
        ("Wladimir Klitschko", "Vitali Klitschko"),
    ],
)
def test_different_people_never_merge(first: str, second: str) -> None:
    linker = Linker()
    one = _ids(linker, _analysis("a", (first, "PERSON"), ("Russia", "GPE")))
    two = _ids(linker, _analysis("b", (second, "PERSON"), ("Russia", "GPE")))
    assert one[first] != two[second]


def test_an_organisations_short_name_links_across_articles_in_either_order() -> None:
    for first, second in (("Pellam", "Pellam Biotech"), ("Pellam Biotech", "Pellam")):
        linker = Linker()
        one = _ids(linker, _analysis("a", (first, "ORG"), ("Lenby", "GPE")))[first]
        two = _ids(linker, _analysis("b", (second, "ORG"), ("Lenby", "GPE")))[second]
        assert one == two
        assert linker.entity(one or "").name == "Pellam Biotech"  # type: ignore[union-attr]
        rules = {e.rule for e in linker.evidence(one or "")}
        assert "organisation-short-name" in rules
    linker = Linker()  # nothing else in common: perhaps another organisation of that name
    one = _ids(linker, _analysis("a", ("Pellam Biotech", "ORG"), ("Lenby", "GPE")))
    two = _ids(linker, _analysis("b", ("Pellam", "ORG"), ("Osterby", "GPE")))
    assert one["Pellam Biotech"] != two["Pellam"]
    linker = Linker()  # a word that opens two organisations' names says neither
    _ids(linker, _analysis("a", ("Garrow Motors", "ORG"), ("Garrow Foundation", "ORG")))
    alone = _ids(linker, _analysis("b", ("Garrow", "ORG")))["Garrow"]
    assert linker.entity(alone or "").name == "Garrow"  # type: ignore[union-attr]


def test_a_better_name_keeps_the_id() -> None:
    linker = Linker()
    first = _ids(linker, _analysis("a", ("Zelensky", "PERSON")))["Zelensky"]
    assert first is not None and linker.entity(first).name == "Zelensky"  # type: ignore[union-attr]
    later = _ids(linker, _analysis("b", ("Volodymyr Zelensky", "PERSON")))["Volodymyr Zelensky"]
    assert later == first
    assert linker.entity(first).name == "Volodymyr Zelensky"  # type: ignore[union-attr]


def test_ids_are_stable_across_runs_and_rebuilds() -> None:
    docs = [_analysis("a", ("Donald Trump", "PERSON")), _analysis("b", ("Trump", "PERSON"))]
    one, two = Linker(), Linker()
    assert [one.add(d) for d in docs] == [two.add(d) for d in docs]
    rebuilt = Linker.from_entities(
        one.entities(), [e for x in one.entities() for e in one.evidence(x.id)]
    )
    again = _analysis("c", ("President Trump", "PERSON", "Trump"))
    assert rebuilt.add(again) == one.add(again)
    assert rebuilt.evidence(one.add(again)[0] or "")


def test_the_uk_is_one_place_with_a_geonames_id() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("the U.K.", "GPE", "U.K.")))
    b = _ids(linker, _analysis("b", ("the UK", "GPE", "UK")))
    assert a["the U.K."] == b["the UK"]
    place = linker.entity(a["the U.K."] or "")
    assert place is not None and place.kind == "PLACE"
    assert place.attributes["geonames_id"] == 2635167 and place.attributes["country"] == "GB"


def _documented_entity_fields() -> set[str]:
    """The names written in code style in the output contract's "Entity" section."""
    contract = Path(__file__).resolve().parents[1] / "docs" / "output-contract.md"
    section = contract.read_text(encoding="utf-8").split("\n## Entity\n")[1].split("\n## ")[0]
    return set(re.findall(r"`(\w+)`", section))


def test_entity_attributes_hold_only_what_the_contract_documents() -> None:
    linker = Linker()
    _ids(linker, _analysis("a", ("Russia", "GPE"), ("Helena Brandt", "PERSON")))
    _ids(linker, _analysis("b", ("Russian", "NORP"), ("Brandt", "PERSON"), ("Kyiv", "GPE")))
    documented = _documented_entity_fields()
    for entity in linker.entities():
        assert set(entity.attributes) <= documented, entity.name
        assert {"names", "mentions", "articles", "context"} <= set(entity.attributes)
    rebuilt = Linker.from_entities(linker.entities())
    assert [e.attributes for e in rebuilt.entities()] == [e.attributes for e in linker.entities()]


def test_apply_links_fills_the_mentions() -> None:
    linker = Linker()
    analysis = _analysis("a", ("Istanbul", "GPE"), ("March", "DATE"))
    linked = apply_links(analysis, linker.add(analysis))
    assert linked.entities[0].entity is not None and linked.entities[1].entity is None


@pytest.mark.parametrize(
    ("name", "countries", "geonames_id", "country"),
    [
        ("Istanbul", (), 745044, "TR"),
        ("Tirana", (), 3183875, "AL"),
        ("Kyiv", (), 703448, "UA"),
        ("Kiev", (), 703448, "UA"),
        ("the U.K.", (), 2635167, "GB"),
        ("Donetsk", ("UA",), 709717, "UA"),
        # A country named in the article favours its towns, but not over a world city ten
        # times larger: "Donetsk" beside Russia is still the Ukrainian city.
        ("Donetsk", ("RU",), 709717, "UA"),
        ("Mansfield", ("US",), 4709013, "US"),
        ("Mansfield", (), 2643097, "GB"),
        ("New York", (), 5128581, "US"),  # the city, not the state
        ("Washington", (), 4140963, "US"),  # the capital, not the state
    ],
)
def test_gazetteer(name: str, countries: tuple[str, ...], geonames_id: int, country: str) -> None:
    place = lookup(name, countries=countries)
    assert place is not None
    assert (place["geonames_id"], place["country"]) == (geonames_id, country)


@pytest.mark.parametrize(
    ("name", "feature", "near"),
    [
        ("France", "country", (46.0, 2.0)),  # GeoNames' centre, not Paris
        ("Ukraine", "country", (49.0, 32.0)),
        ("Louisiana", "region", (31.0, -92.0)),
        ("Ohio", "region", (40.25, -82.75)),
        ("Florida", "region", (28.75, -82.5)),  # the state, not the town in Cuba
    ],
)
def test_countries_and_states_have_a_centre(
    name: str, feature: str, near: tuple[float, float]
) -> None:
    place = lookup(name)
    assert place is not None and place["feature"] == feature
    assert place["lat"] is not None and place["lon"] is not None
    assert abs(place["lat"] - near[0]) < 1.5 and abs(place["lon"] - near[1]) < 1.5


def test_gazetteer_misses() -> None:
    assert lookup("Marrowgate-on-Sea") is None


# -- acceptance on the two reference articles ---------------------------------------------


@pytest.fixture(scope="module")
def seeds_linked(seeds_dir: Path) -> tuple[list[ArticleAnalysis], Linker]:
    articles = [a for a in read([seeds_dir]) if isinstance(a, Article)]
    analyses = [a for a in analyse(articles) if isinstance(a, ArticleAnalysis)]
    linker = Linker()
    return [apply_links(a, linker.add(a)) for a in analyses], linker


def _seeds_gold() -> dict[str, object]:
    return json.loads(shared_path("corpus/seeds.gold.json").read_text(encoding="utf-8"))


def _entity_at(analysis: ArticleAnalysis, start: int, end: int) -> str | None:
    """The entity of the person (else any) mention overlapping start..end."""
    overlapping = [m for m in analysis.entities if m.start < end and start < m.end and m.entity]
    overlapping.sort(key=lambda m: (m.label != "PERSON", m.start))
    return overlapping[0].entity if overlapping else None


def _ids_of(spellings: list[str], linked: list[ArticleAnalysis]) -> set[str | None]:
    """The entity at every whole-word occurrence of each spelling in the articles."""
    found = set()
    for analysis in linked:
        text = analysis.article.text
        for spelling in spellings:
            at = text.find(spelling)
            while at >= 0:
                after = text[at + len(spelling) : at + len(spelling) + 1]
                if not (after.isalpha() or text[at - 1 : at].isalpha()):
                    found.add(_entity_at(analysis, at, at + len(spelling)))
                at = text.find(spelling, at + 1)
    return found


@pytest.mark.slow
def test_seeds_people_are_one_entity_each(
    seeds_linked: tuple[list[ArticleAnalysis], Linker],
) -> None:
    linked, linker = seeds_linked
    people = _seeds_gold()["people"]
    assert isinstance(people, dict)
    for person, spellings in people.items():
        ids = _ids_of(spellings, linked)
        assert len(ids) == 1 and None not in ids, f"{person}: {ids}"
        entity = linker.entity(ids.pop() or "")
        assert entity is not None and entity.kind == "PERSON"
        occurring = [s for s in spellings if any(s in a.article.text for a in linked)]
        assert set(occurring) <= set(entity.aliases) | {entity.name}, person


@pytest.mark.slow
def test_seeds_must_not_merge(seeds_linked: tuple[list[ArticleAnalysis], Linker]) -> None:
    linked, _ = seeds_linked
    gold = _seeds_gold()
    people, pairs = gold["people"], gold["must_not_merge"]
    assert isinstance(people, dict) and isinstance(pairs, list)
    for a, b in pairs:
        assert not (_ids_of(people[a], linked) & _ids_of(people[b], linked)), (a, b)


@pytest.mark.slow
def test_seeds_places(seeds_linked: tuple[list[ArticleAnalysis], Linker]) -> None:
    linked, linker = seeds_linked
    uk = _ids_of(["U.K.", "UK"], linked)
    assert len(uk) == 1 and None not in uk
    expected = {"Istanbul": 745044, "Tirana": 3183875}
    for name, geonames_id in expected.items():
        (entity_id,) = _ids_of([name], linked)
        entity = linker.entity(entity_id or "")
        assert entity is not None and entity.attributes["geonames_id"] == geonames_id
    kyiv = lookup("Kyiv", countries=["UA"])  # only in "Kyiv Independent"
    assert kyiv is not None and kyiv["geonames_id"] == 703448


def test_adding_an_article_again_changes_nothing() -> None:
    linker = Linker()
    analysis = _analysis("a", ("Donald Trump", "PERSON"), ("Ankara", "GPE"))
    first = linker.add(analysis)
    before = {e.id: e.attributes["mentions"] for e in linker.entities()}
    assert linker.add(analysis) == first
    assert {e.id: e.attributes["mentions"] for e in linker.entities()} == before
    assert len(linker.evidence(first[0] or "")) == 1


def test_evidence_explains_each_decision() -> None:
    linker = Linker()
    linker.add(_analysis("a", ("Wladimir Klitschko", "PERSON"), ("Kyiv", "GPE")))
    ids = linker.add(_analysis("b", ("Klitschko", "PERSON"), ("Kyiv", "GPE")))
    (decision,) = [e for e in linker.evidence(ids[0] or "") if e.article == "b"]
    assert decision.rule.startswith("surname") and "klitschko" in decision.detail
    assert decision.text == "Klitschko" and decision.start == 0


def test_a_surname_tagged_as_a_group_joins_the_known_person() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Tomas Reiden", "PERSON"), ("Velmora Sound", "LOC")))
    b = _ids(linker, _analysis("b", ("Reiden", "NORP"), ("Velmora Sound", "LOC")))
    assert a["Tomas Reiden"] == b["Reiden"]
    assert "surname-other-label" in {e.rule for e in linker.evidence(b["Reiden"] or "")}


def test_a_surname_tagged_as_a_group_beside_the_full_name_joins_it() -> None:
    """In the article that first names him, the group-tagged surname waits for the person."""
    linker = Linker()
    linker.add(_analysis("0", ("Velmora Sound", "LOC")))
    a = _ids(
        linker,
        _analysis("a", ("Reiden", "NORP"), ("Tomas Reiden", "PERSON"), ("Velmora Sound", "LOC")),
    )
    assert a["Reiden"] == a["Tomas Reiden"]


def test_a_one_word_company_named_like_a_person_stays_a_company() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Henrik Halvorsen", "PERSON"), ("Marrowgate", "GPE")))
    b = _ids(linker, _analysis("b", ("Halvorsen", "ORG"), ("Marrowgate", "GPE")))
    assert a["Henrik Halvorsen"] != b["Halvorsen"]


def test_a_surname_tagged_as_an_organisation_beside_the_full_name_joins_it() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Ines Kawecka", "PERSON"), ("Kawecka", "ORG")))
    assert a["Kawecka"] == a["Ines Kawecka"]


def test_a_surname_tagged_as_a_group_without_context_stays_apart() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Tomas Reiden", "PERSON"), ("Velmora Sound", "LOC")))
    b = _ids(linker, _analysis("b", ("Reiden", "NORP"), ("Korvath Bay", "LOC")))
    assert a["Tomas Reiden"] != b["Reiden"]


def test_a_place_tagged_as_a_group_joins_the_place_but_a_people_does_not() -> None:
    linker = Linker()
    context = (("Helena Brandt", "PERSON"), ("Piet Varossy", "PERSON"))
    a = _ids(linker, _analysis("a", ("Eastquay", "GPE"), ("Velmora", "GPE"), *context))
    b = _ids(linker, _analysis("b", ("Eastquay", "NORP"), ("Velmoran", "NORP"), *context))
    assert a["Eastquay"] == b["Eastquay"]
    assert b["Velmoran"] != a["Velmora"]


def test_a_demonym_stays_a_group_and_carries_its_country() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Russia", "GPE"), ("Helena Brandt", "PERSON")))
    b = _ids(linker, _analysis("b", ("Russian", "NORP"), ("Velmoran", "NORP")))
    assert b["Russian"] != a["Russia"]
    russian, russia = linker.entity(b["Russian"]), linker.entity(a["Russia"])
    assert russian is not None and russia is not None and russian.kind == "GROUP"
    assert russian.attributes["geonames_id"] == russia.attributes["geonames_id"]
    assert russian.attributes["country"] == "RU" and russian.attributes["lat"] is not None
    velmoran = linker.entity(b["Velmoran"])
    assert velmoran is not None and "geonames_id" not in velmoran.attributes  # no such country


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Katie Jennet", "Kathryn Jennet", True),  # a short form and another spelling
        ("Sergey Orlov", "Sergei Orlov", True),
        ("Vitali Orlov", "Wladimir Orlov", False),
        ("Bettie Marsh", "Betty Marsh", True),  # the final vowel spelt two ways
        ("Al Dillard", "Albert Dillard", True),  # a short form of several names
        ("Al Dillard", "Martin Dillard", False),
        ('Luis Andres "Andy" Ferro', "Andy Ferro", True),  # a nickname kept in the name
    ],
)
def test_given_name_forms(first: str, second: str, same: bool) -> None:
    linker = Linker()
    one = _ids(linker, _analysis("a", (first, "PERSON")))
    two = _ids(linker, _analysis("b", (second, "PERSON")))
    assert (one[first] == two[second]) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Dzhamshid Tursunov", "Jamshid Tursunov", True),  # romanisations of one name
        ("Aleksandr Dvornik", "Alexander Dvornik", True),
        ("Mohammed Haddad", "Muhammad Haddad", True),
        ("Yevgeny Sorokin", "Evgeny Sorokin", True),
        ("Yusuf Demir", "Youssef Demir", True),
        ("Jamshid Tursunov", "Jamshid Karimov", False),  # one given name, two people
        ("Jamshid Tursunov", "Rustam Tursunov", False),  # one surname, two people
        ("Ivan Sorokin", "Yana Sorokin", False),
    ],
)
def test_transliterations_merge_and_namesakes_stay_apart(
    first: str, second: str, same: bool
) -> None:
    linker = Linker()
    one = _ids(linker, _analysis("a", (first, "PERSON")))
    two = _ids(linker, _analysis("b", (second, "PERSON")))
    assert (one[first] == two[second]) is same


def test_a_nationality_or_title_run_into_a_known_name_is_that_person() -> None:
    linker = Linker()
    a = _ids(linker, _analysis("a", ("Nora Varga", "PERSON"), ("Nora Lind", "PERSON")))
    b = _ids(
        linker,
        _analysis("b", ("Danish Nora Varga", "ORG"), ("Interior Nora Lind", "ORG")),
    )
    assert b["Danish Nora Varga"] == a["Nora Varga"]
    assert b["Interior Nora Lind"] == a["Nora Lind"]
    # Neither a title nor a nationality (though shaped like one): another organisation.
    c = _ids(linker, _analysis("c", ("Halvorsen Nora Varga", "ORG"), ("Orsolan Nora Lind", "ORG")))
    assert c["Halvorsen Nora Varga"] != a["Nora Varga"]
    assert c["Orsolan Nora Lind"] != a["Nora Lind"]


@pytest.mark.parametrize("label", ["NORP", "GPE"])
def test_a_surname_tagged_as_a_group_or_place_joins_the_person_also_known_by_it_alone(
    label: str,
) -> None:
    linker = Linker()
    places = (("Velmora Sound", "LOC"), ("Korvath Bay", "LOC"))
    a = _ids(linker, _analysis("a", ("Piet Varossy", "PERSON"), *places))
    _ids(linker, _analysis("b", ("Varossy", "PERSON"), *places))  # his surname alone
    c = _ids(linker, _analysis("c", *places, ("Varossy", label)))
    assert c["Varossy"] == a["Piet Varossy"]
    # Two people of that surname: the surname tagged otherwise says neither.
    _ids(linker, _analysis("d", ("Lena Varossy", "PERSON"), *places))
    e = _ids(linker, _analysis("e", *places, ("Varossy", label)))
    assert e["Varossy"] not in (a["Piet Varossy"], c["Varossy"])


@pytest.mark.parametrize(
    ("one", "two", "same"),
    [
        (("Nora Halvorsen", "PERSON"), ("Havlorsen", "PERSON"), True),  # two letters swapped
        (("Nora Halvorsen", "PERSON"), ("Nora Halvosren", "PERSON"), True),
        (("Nora Halvorsen", "PERSON"), ("Ana Havlorsen", "PERSON"), False),  # another given name
        (("Nora Halvorsen", "PERSON"), ("Hlavosren", "PERSON"), False),  # two swaps
        (("Piet Brant", "PERSON"), ("Bratn", "PERSON"), False),  # too short to tell
    ],
)
def test_a_surname_misspelt_by_two_swapped_letters(
    one: tuple[str, str], two: tuple[str, str], same: bool
) -> None:
    linker = Linker()
    places = (("Velmora Sound", "LOC"), ("Korvath Bay", "LOC"))
    a = _ids(linker, _analysis("a", one, *places))
    b = _ids(linker, _analysis("b", two, *places))
    assert (a[one[0]] == b[two[0]]) is same
