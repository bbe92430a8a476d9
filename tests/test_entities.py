"""Entity mentions within one article: clean spans, names, roles, short names, descriptions."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from newsweave.analyse.entities import _named, find_entities
from newsweave.analyse.entities.clean import Draft
from newsweave.analyse.entities.labels import (
    add_abbreviated_containers,
    add_datelines,
    add_places_after_prepositions,
    add_untagged_demonyms,
    relabel_organisations,
    relabel_outlet,
    split_places_and_containers,
    unify_labels,
)
from newsweave.analyse.entities.names import resolve_names, trim_headline_words
from newsweave.analyse.entities.runons import split_run_ons
from newsweave.records import Article, EntityMention


def _mentions(nlp: Language, text: str) -> list[EntityMention]:
    return find_entities(nlp(text), Article(id="t", key="t", text=text))


def _find(mentions: list[EntityMention], text: str) -> EntityMention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[-1]


# (sentence we wrote, mention text, label, name, role)
CASES = [
    (
        "His lawyer, Petra Lind, said he would appeal.",
        "Petra Lind",
        "PERSON",
        "Petra Lind",
        "lawyer",
    ),
    (
        "Yesterday [Finnish President Sauli] Niinisto refused to comment.",
        "Niinisto",
        "PERSON",
        "Sauli Niinisto",
        "Finnish President",
    ),
    (
        "She thanked Prime Ministers Starmer and Tusk for their help on Tuesday.",
        "Starmer",
        "PERSON",
        "Starmer",
        "Prime Minister",
    ),
    (
        "She thanked Prime Ministers Starmer and Tusk for their help on Tuesday.",
        "Tusk",
        "PERSON",
        "Tusk",
        "Prime Minister",
    ),
    (
        "French President Emmanuel Macron met Federal Chancellor Merz in Berlin.",
        "Emmanuel Macron",
        "PERSON",
        "Emmanuel Macron",
        "French President",
    ),
    (
        "French President Emmanuel Macron met Federal Chancellor Merz in Berlin.",
        "Merz",
        "PERSON",
        "Merz",
        "Federal Chancellor",
    ),
    (
        "Secretary of State Marco Rubio and Defense Minister Rustem Umerov met in Geneva.",
        "Marco Rubio",
        "PERSON",
        "Marco Rubio",
        "Secretary of State",
    ),
    (
        "Secretary of State Marco Rubio and Defense Minister Rustem Umerov met in Geneva.",
        "Rustem Umerov",
        "PERSON",
        "Rustem Umerov",
        "Defense Minister",
    ),
    (
        "Ukrainian President Volodymyr Zelensky spoke by phone. Aides said Zelensky was pleased.",
        "Zelensky",
        "PERSON",
        "Volodymyr Zelensky",
        None,
    ),
    (
        "German Chancellor Friedrich Merz arrived late. Reporters asked Merz about the budget.",
        "Merz",
        "PERSON",
        "Friedrich Merz",
        None,
    ),
    (
        "Canadian Prime Minister Mark Carney arrived in Ottawa on Monday. Later, the Canadian "
        "prime minister spoke to reporters.",
        "the Canadian prime minister",
        "PERSON",
        "Mark Carney",
        "Canadian prime minister",
    ),
]


@pytest.mark.parametrize(("text", "mention", "label", "name", "role"), CASES)
def test_names_and_roles(
    nlp: Language, text: str, mention: str, label: str, name: str, role: str | None
) -> None:
    found = _find(_mentions(nlp, text), mention)
    assert (found.label, found.name, found.role) == (label, name, role)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor announced the plan in a post on X. Critics were unimpressed.",
        "Yesterday [Finnish President Sauli] Niinisto refused to comment.",
        "Donald Trump spoke to Donald Tusk. Trump and Tusk then left for the U.K.",
    ],
)
def test_spans_are_exact_and_clean(nlp: Language, text: str) -> None:
    mentions = _mentions(nlp, text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert not m.text.endswith((".", ",", "]")) or m.text.endswith("U.K.")
        assert "[" not in m.text and "]" not in m.text
    assert not any(m.text.startswith("X") for m in mentions)


def test_short_names_keep_their_own_person(nlp: Language) -> None:
    mentions = _mentions(nlp, "Donald Trump spoke to Donald Tusk. Trump and Tusk then left.")
    assert _find(mentions, "Trump").name == "Donald Trump"
    assert _find(mentions, "Tusk").name == "Donald Tusk"


def test_a_vague_description_is_left_alone(nlp: Language) -> None:
    mentions = _mentions(nlp, "Mark Carney arrived. Later, the president spoke to reporters.")
    assert not any(m.text.startswith("the president") for m in mentions)


def _people(mentions: list[EntityMention]) -> list[str]:
    return [m.text for m in mentions if m.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Title-case headlines run into the name; the article's other names show its edges.
        ("Nora Varga Dies At 91\n\nNora Varga, the swimmer, died on Monday.", "Nora Varga"),
        (
            "Council Hires Tomas Reiden As Coach\n\nTomas Reiden was hired on Monday.",
            "Tomas Reiden",
        ),
        # A dateline's clock runs into the first name of the story.
        (
            "Updated 22:46 GMT Tomas Reiden won again on Saturday. Reiden was pleased.",
            "Tomas Reiden",
        ),
    ],
)
def test_headline_and_dateline_words_are_cut(nlp: Language, text: str, person: str) -> None:
    people = _people(_mentions(nlp, text))
    assert people and people[0] == person, people


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        (
            "A fire tore through the Halvorsen Polymers plant overnight.",
            "Halvorsen Polymers",
            "ORG",
        ),
        ("Troops withdrew from Zaporizhzhia, and Kherson on Monday.", "Zaporizhzhia", "GPE"),
    ],
)
def test_model_labels_repaired(nlp: Language, text: str, mention: str, label: str) -> None:
    assert _find(_mentions(nlp, text), mention).label == label


def _drafts(text: str, *spans: tuple[str, str]) -> list[Draft]:
    """One draft per (written text, label), found in order in ``text``."""
    found, at = [], 0
    for written, label in spans:
        at = text.index(written, at)
        found.append(Draft(at, at + len(written), label))
        at += len(written)
    return found


def test_run_ons_split_on_the_article_names() -> None:
    text = "Lena Moor To Meet Arno Vitt\n\nLena Moor and Arno Vitt met. Moor Speaks Out."
    drafts = _drafts(
        text,
        ("Lena Moor To Meet Arno Vitt", "ORG"),
        ("Lena Moor", "PERSON"),
        ("Arno Vitt", "PERSON"),
        ("Moor Speaks Out", "PERSON"),
    )
    split = split_run_ons(text, drafts)
    assert [(text[d.start : d.end], d.label) for d in split] == [
        ("Lena Moor", "PERSON"),
        ("Arno Vitt", "PERSON"),
        ("Lena Moor", "PERSON"),
        ("Arno Vitt", "PERSON"),
        ("Moor", "PERSON"),  # the surname of a full name ends the name
    ]


def test_a_full_name_beside_a_bare_given_name_stays_whole() -> None:
    text = "Tara Vell arrived. Later Tara left."
    drafts = _drafts(text, ("Tara Vell", "PERSON"), ("Tara", "PERSON"))
    assert [text[d.start : d.end] for d in split_run_ons(text, drafts)] == ["Tara Vell", "Tara"]


def test_organisation_words_keep_a_name_whole() -> None:
    text = "Betty Vell Center opened. Betty Vell spoke."
    drafts = _drafts(text, ("Betty Vell Center", "PERSON"), ("Betty Vell", "PERSON"))
    relabel_organisations(text, drafts)
    split = split_run_ons(text, drafts)
    assert [(text[d.start : d.end], d.label) for d in split] == [
        ("Betty Vell Center", "ORG"),
        ("Betty Vell", "PERSON"),
    ]


def test_an_untagged_peoples_name_before_a_noun_is_a_group() -> None:
    text = "Danish ferry operator Zxq said so, in Danish. Tara Vell spoke Danish fluently."
    drafts = add_untagged_demonyms(text, _drafts(text, ("Tara Vell", "PERSON")))
    assert [(text[d.start : d.end], d.label) for d in drafts] == [
        ("Danish", "NORP"),
        ("Tara Vell", "PERSON"),
    ]  # the language is no group


def test_a_state_abbreviated_after_a_town_is_a_place() -> None:
    text = "ZXQ FALLS, Calif. -- Tara Vell, of Zxq Falls, La., spoke. Vell, Tara and Mr. Orne came."
    drafts = add_abbreviated_containers(text, _drafts(text, ("ZXQ FALLS", "GPE")))
    assert [(text[d.start : d.end], d.label) for d in drafts] == [
        ("ZXQ FALLS", "GPE"),
        ("Calif.", "GPE"),
        ("La.", "GPE"),
    ]  # not "Mr."


@pytest.mark.parametrize(
    ("written", "label", "expected"),
    [
        ("Zxq Park, Hampshire", "FAC", [("Zxq Park", "FAC"), ("Hampshire", "GPE")]),
        ("Boise, Calif", "GPE", [("Boise", "GPE"), ("Calif", "GPE")]),
        ("Lyon, France", "GPE", [("Lyon", "GPE"), ("France", "GPE")]),
        ("Vell, Tara and Sons", "ORG", [("Vell, Tara and Sons", "ORG")]),  # not a place
        ("Zxq Park, Zorvath", "FAC", [("Zxq Park, Zorvath", "FAC")]),  # no container
    ],
)
def test_a_place_and_its_container_tagged_as_one_are_two(
    written: str, label: str, expected: list[tuple[str, str]]
) -> None:
    text = f"Racing moves to {written}. on Monday."
    drafts = split_places_and_containers(text, _drafts(text, (written, label)))
    assert [(text[d.start : d.end], d.label) for d in drafts] == expected


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Seattle Mariners", "ORG"),  # a team named for its town
        ("Ontario Provincial Patrol", "ORG"),  # a force named for its province
        ("Miami Courier", "ORG"),
        ("Jordan Vell", "PERSON"),  # people commonly bear the name "Jordan"
        ("Paris Vell", "PERSON"),
        ("Tara Vell", "PERSON"),  # no place
        ("Seattle", "PERSON"),  # the place alone is left to the labels' other rules
    ],
)
def test_a_person_named_for_a_place_is_an_organisation(name: str, label: str) -> None:
    text = f"Officials said {name} had won."
    drafts = _drafts(text, (name, "PERSON"))
    relabel_organisations(text, drafts)
    assert drafts[0].label == label


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # "Vellmor" tagged a place twice and a person once is a person throughout.
        (("GPE", "PERSON", "GPE"), ("PERSON", "PERSON", "PERSON")),
        # More often an organisation than a person: the model's labels stand.
        (("ORG", "ORG", "PERSON"), ("ORG", "ORG", "PERSON")),
    ],
)
def test_one_label_per_name(labels: tuple[str, ...], expected: tuple[str, ...]) -> None:
    text = "Vellmor said. Vellmor left. Vellmor came back."
    drafts = _drafts(text, *(("Vellmor", label) for label in labels))
    unify_labels(text, drafts)
    assert tuple(d.label for d in drafts) == expected


def test_a_known_place_keeps_its_labels() -> None:
    text = "Jordan said. Jordan left."
    drafts = _drafts(text, ("Jordan", "PERSON"), ("Jordan", "GPE"))
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["PERSON", "GPE"]


def test_a_surname_that_is_also_a_place_word_stays_a_person(nlp: Language) -> None:
    text = "Singer Lauryn Hill will tour in May. Hill said she was ready."
    found = find_entities(nlp(text), Article(id="h.txt", key="h", text=text))
    assert {(m.text, m.label) for m in found if "Hill" in m.text} == {
        ("Lauryn Hill", "PERSON"),
        ("Hill", "PERSON"),
    }


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Ben Carson visited Carson City on Monday.", "Carson City", "GPE"),
        ("Jeffrey Sachs criticised Goldman Sachs on Monday.", "Goldman Sachs", "ORG"),
        ("Shirley Temple sang in Paris in 1936.", "Shirley Temple", "PERSON"),
        ("Climbers reached the top of Mt Hood on Monday.", "Mt Hood", None),
    ],
)
def test_names_that_share_words_keep_their_kind(
    nlp: Language, text: str, name: str, label: str | None
) -> None:
    found = find_entities(nlp(text), Article(id="k.txt", key="k", text=text))
    kinds = {m.text: m.label for m in found}
    assert name in kinds and (label is None or kinds[name] == label), kinds


def test_a_name_whose_people_are_named_is_a_place(nlp: Language) -> None:
    text = "Velmora rejected the offer. Velmoran officials said Velmora would wait."
    found = find_entities(nlp(text), Article(id="v.txt", key="v", text=text))
    assert {m.label for m in found if m.text == "Velmora"} == {"GPE"}


# (text we wrote, the description as written, the person it names)
DESCRIBED = [
    (
        "Tributes for Singer\n\nThe actress and singer Mara Velde died on Sunday. Velde was a "
        "singer for forty years.",
        "Singer",
        "Mara Velde",
    ),
    (
        "Driver Charged After Crash\n\nPolice charged Tomas Reed, a delivery driver, on Friday. "
        "The driver was released on bail.",
        "The driver",
        "Tomas Reed",
    ),
    (
        "Oren Falk was named coach of the Harbor City team on Monday. The coach said he was "
        "honoured.",
        "The coach",
        "Oren Falk",
    ),
]


@pytest.mark.parametrize(("text", "written", "person"), DESCRIBED)
def test_a_noun_the_article_uses_for_one_person_names_that_person(
    nlp: Language, text: str, written: str, person: str
) -> None:
    mention = _find(_mentions(nlp, text), written)
    assert (mention.label, mention.name) == ("PERSON", person)


def test_a_noun_used_for_two_people_names_nobody(nlp: Language) -> None:
    text = (
        "Ana Brik, a driver for the firm, and Leo Marsh, a driver for its rival, were both "
        "questioned. The driver said nothing."
    )
    assert not [m for m in _mentions(nlp, text) if m.text == "The driver"]


def test_a_headline_name_the_model_missed_is_found_whole(nlp: Language) -> None:
    text = (
        "Why the Board Picked Maria Lopez As Chair\n\nThe board chose Maria Lopez on Tuesday. "
        "Lopez, 52, thanked the members."
    )
    headline = text.index("Maria")
    mentions = _mentions(nlp, text)
    assert any(m.start == headline and m.name == "Maria Lopez" for m in mentions)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # "Osei" is a person twice: "Nadia Osei" tagged ORG is that person.
        ("Nadia Osei won. Osei spoke. Osei left.", "Nadia Osei", "PERSON"),
        # "New" is written in lower case too, so "New Moon" is no given name and surname.
        ("New Moon is a film. Moon spoke. Moon left. A new one.", "New Moon", "ORG"),
        # A place before a surname: a team.
        ("Jacksonville Jaguars won. Jaguars cheered. Jaguars left.", "Jacksonville Jaguars", "ORG"),
    ],
)
def test_a_name_ending_with_a_persons_surname(text: str, name: str, label: str) -> None:
    surname = name.split()[1]
    drafts = _drafts(text, (name, "ORG"), (surname, "PERSON"), (surname, "PERSON"))
    unify_labels(text, drafts)
    assert drafts[0].label == label


def test_a_one_word_nickname_stays_in_the_name(nlp: Language) -> None:
    text = 'Deputy Luis Andres "Andy" Ferro was shot on Friday. Ferro was 35.'
    assert _find(_mentions(nlp, text), "Ferro").name == 'Luis Andres "Andy" Ferro'


def test_a_title_before_a_name_is_no_mention_of_its_own(nlp: Language) -> None:
    text = "Chief Fire Officer Aleksei Moravin said the fire was out. The chief left at noon."
    mentions = _mentions(nlp, text)
    assert not [m for m in mentions if m.text == "Chief"]
    assert _find(mentions, "The chief").name == "Aleksei Moravin"


def test_a_country_and_its_peoples_name_whatever_the_model_said() -> None:
    text = "Tarvania sent troops. Tarvanian officials said. Tarvanian soldiers left."
    drafts = _drafts(text, ("Tarvania", "ORG"), ("Tarvanian", "ORG"), ("Tarvanian", "NORP"))
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["GPE", "NORP", "NORP"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Floods hit the province of Varnholt. Varnholt officials met.", "Varnholt"),
        ("Smoke rose over the Brennick industrial district. Brennick residents left.", "Brennick"),
        ("KESSLOW, May 3 (TPA) — Kesslow reopened its port on Friday.", "Kesslow"),
        ("They met at the Dorvin border crossing. Dorvin, about 40 km north of it.", "Dorvin"),
        ("Lenby's mayor closed the bridge. Water reached Lenby at noon.", "Lenby"),
        ("The residents of Lenby left. Lenby was empty by noon.", "Lenby"),
        ("Storms hit Lenby on Monday. Lenby's governor closed the roads.", "Lenby"),
        ("Snow closed the Vettel pass on Monday. Vettel was cut off.", "Vettel"),
        ("Two climbers fell on the Ormen glacier. Ormen guides searched.", "Ormen"),
        ("Floods hit the provinces of Darsk and Mellin. Mellin was cut off.", "Mellin"),
        ("The people of Tavria voted on Sunday. Tavria waited for results.", "Tavria"),
        ("Tavria's presidential election went to a runoff. Tavria waited.", "Tavria"),
        ("Jobs go at its plant in Oskby. Oskby's council met.", "Oskby"),
    ],
)
def test_a_name_written_as_a_place_is_a_place(text: str, name: str) -> None:
    written = [m for m in re.finditer(name, text, flags=re.IGNORECASE)]
    drafts = [Draft(m.start(), m.end(), "ORG") for m in written]
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["GPE"] * len(drafts)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The DPRK said it would talk. Envoys of the DPRK met on Friday.", "DPRK", "GPE"),
        ("North Korea said it would talk. North Korea sent envoys.", "North Korea", "GPE"),
        ("The UAE said it would talk. The UAE sent envoys.", "UAE", "GPE"),  # a short form
        ("The VAT rose on Friday. The VAT hits the poor.", "VAT", "ORG"),  # a country's code
    ],
)
def test_an_organisation_named_as_a_country_is_the_country(
    text: str, name: str, label: str
) -> None:
    drafts = [Draft(m.start(), m.end(), "ORG") for m in re.finditer(name, text)]
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == [label] * len(drafts)


@pytest.mark.parametrize(
    "text",
    [
        "Talvik Power, the company that runs the plant, said it was safe. Talvik Power left.",
        "The grain came from Ormsby Hale, a trading firm based in the port. Ormsby Hale said no.",
    ],
)
def test_a_name_described_as_an_organisation_is_one(text: str) -> None:
    name = text.split(",")[0].split("from ")[-1]
    drafts = [Draft(m.start(), m.end(), "PERSON") for m in re.finditer(name, text)]
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["ORG", "ORG"]


def test_a_dateline_and_its_lead_are_two_things(nlp: Language) -> None:
    text = "KORMISH - Storms have cut power to 40,000 homes in the north, officials said."
    assert "KORMISH" in [m.text for m in _mentions(nlp, text)]


def test_the_articles_outlet_is_an_organisation() -> None:
    """The outlet by its full name, and without its media word in a dateline's brackets; the
    place it is named after stays a place elsewhere."""
    text = (
        "TALLOW, May 2 (Brenmoor) - Brenmoor's governor told the Brenmoor Wire that the dam held."
    )
    drafts = _drafts(text, ("Brenmoor", "GPE"), ("Brenmoor", "GPE"), ("Brenmoor Wire", "GPE"))
    relabel_outlet(text, drafts, "The Brenmoor Wire")
    assert [d.label for d in drafts] == ["ORG", "GPE", "ORG"]
    # Its media word after "the": "she told the Wire"; a Wire named otherwise stays.
    text = "Mayor Ana Pop told the Wire that Wire Street would close."
    drafts = _drafts(text, ("Wire", "PERSON"), ("Wire Street", "FAC"))
    relabel_outlet(text, drafts, "The Brenmoor Wire")
    assert [d.label for d in drafts] == ["ORG", "FAC"]


def test_an_organisations_first_word_alone_is_its_short_name() -> None:
    text = "Auditors faulted Tarrow Systems. Tarrow said it had followed every rule."
    drafts = _drafts(text, ("Tarrow Systems", "ORG"), ("Tarrow", "PERSON"))
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["ORG", "ORG"]


def test_an_organisations_first_word_alone_names_it() -> None:
    text = (
        "Pellam Biotech said on Monday that it would close its plant in Lenby. Pellam "
        "employs 400 people there. Boston Scientific and Boston were named too."
    )
    drafts = _drafts(
        text,
        ("Pellam Biotech", "ORG"),
        ("Pellam", "ORG"),
        ("Boston Scientific", "ORG"),
        ("Boston", "ORG"),  # a well-known place keeps its own name
    )
    resolve_names(text, drafts)
    assert [d.name for d in drafts] == [
        "Pellam Biotech",
        "Pellam Biotech",
        "Boston Scientific",
        "Boston",
    ]


def test_a_sentence_case_title_is_no_mention_of_its_own(nlp: Language) -> None:
    text = (
        "Chief executive Rosa Kettle said no customer had been harmed. Tarrow's chief "
        "executive, Rosa Kettle, told reporters the plant would reopen."
    )
    people = [(m.text, m.label, m.role) for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people == [
        ("Rosa Kettle", "PERSON", "Chief executive"),
        ("Rosa Kettle", "PERSON", "chief executive"),
    ]


def test_a_persons_surname_that_opens_a_company_name_stays_a_person() -> None:
    text = "Ada Tarrow founded Tarrow Systems. Tarrow said it had followed every rule."
    drafts = _drafts(
        text, ("Ada Tarrow", "PERSON"), ("Tarrow Systems", "ORG"), ("Tarrow", "PERSON")
    )
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["PERSON", "ORG", "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Varno, a 31-year-old machine operator, was hurt. Ilse Varno left.",
        "Ilse Varno, the party leader, spoke. Ilse Varno left.",
    ],
)
def test_a_person_described_by_a_job_stays_a_person(text: str) -> None:
    drafts = [Draft(m.start(), m.end(), "PERSON") for m in re.finditer("Ilse Varno", text)]
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["PERSON", "PERSON"]


def test_the_noun_an_article_describes_one_organisation_with_is_it(nlp: Language) -> None:
    text = (
        "Talvik Power, the company that runs the plant, cut output on Monday. "
        "The company said the turbines were safe."
    )
    described = _find(_mentions(nlp, text), "The company")
    assert (described.label, described.name) == ("ORG", "Talvik Power")


@pytest.mark.parametrize(
    ("text", "noun", "name"),
    [
        (  # the head of an institution's name
            "The Coastal Fisheries Board closed the bay on Monday. The board said the water "
            "was unsafe.",
            "The board",
            "Coastal Fisheries Board",
        ),
        (
            "The Ministry of Roads reopened the pass. The ministry said the road was clear.",
            "The ministry",
            "Ministry of Roads",
        ),
        (  # what the organisation is called beside its name
            "The ferry operator, Nordvik Lines, cancelled every crossing. The operator said "
            "the storm would pass by Friday.",
            "The operator",
            "Nordvik Lines",
        ),
    ],
)
def test_an_organisation_is_called_by_its_head_or_its_role(
    nlp: Language, text: str, noun: str, name: str
) -> None:
    described = _find(_mentions(nlp, text), noun)
    assert (described.label, described.name) == ("ORG", name)


def test_a_head_two_organisations_share_names_neither(nlp: Language) -> None:
    text = (
        "The Dock Workers' Union and the Rail Workers' Union met on Monday. The union said "
        "talks would go on."
    )
    assert not [m for m in _mentions(nlp, text) if m.text == "The union"]


def test_an_organisation_noun_beside_a_name_is_no_person(nlp: Language) -> None:
    text = "Talvik Power, the company that runs the plant, cut output. The company said so."
    assert not [m for m in _mentions(nlp, text) if m.label == "PERSON"]


def test_a_headline_word_after_a_name_used_alone_is_cut() -> None:
    text = "Varga Overturns Port Rule\n\nPresident Varga on Monday reversed it. Varga said so."
    drafts = _drafts(text, ("Varga Overturns", "PERSON"), ("Varga", "PERSON"), ("Varga", "PERSON"))
    trim_headline_words(text, drafts)
    assert [text[d.start : d.end] for d in drafts] == ["Varga"] * 3


def test_a_full_name_in_a_sentence_is_not_cut_to_its_given_name() -> None:
    text = "Tara Vell arrived on Monday. Tara left. Tara smiled."
    drafts = _drafts(text, ("Tara Vell", "PERSON"), ("Tara", "PERSON"), ("Tara", "PERSON"))
    trim_headline_words(text, drafts)
    assert text[drafts[0].start : drafts[0].end] == "Tara Vell"


def test_a_surname_written_alone_is_its_person_whatever_the_model_said() -> None:
    """ "Al-Rashidi, 61, denied" beside "Tarek Al-Rashidi" (a hyphen folds to a space), but
    not "Velk" beside "Velk Motors" and "Ana Velk"."""
    text = (
        "Tarek Al-Rashidi was jailed. Al-Rashidi denied it. Ana Velk joined Velk Motors. Velk won."
    )
    drafts = _drafts(
        text,
        ("Tarek Al-Rashidi", "PERSON"),
        ("Al-Rashidi", "ORG"),
        ("Ana Velk", "PERSON"),
        ("Velk Motors", "ORG"),
        ("Velk", "ORG"),
    )
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["PERSON", "PERSON", "PERSON", "ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # an organisation noun right before the name
        ("Two managers of the construction firm Vellin Works were jailed.", "Vellin Works", "ORG"),
        ("The deal went to the state utility Harlo Energie on Monday.", "Harlo Energie", "ORG"),
    ],
)
def test_a_name_is_read_by_the_noun_beside_it(text: str, name: str, label: str) -> None:
    drafts = _drafts(text, (name, "LOC"))
    unify_labels(text, drafts)
    assert drafts[0].label == label


def test_an_acronym_defined_in_brackets_is_its_organisation(nlp: Language) -> None:
    text = (
        "The State Audit Office (SAO) opened an inquiry on Monday. The SAO said it would "
        "report in May."
    )
    acronyms = [m for m in _mentions(nlp, text) if m.text == "SAO"]
    assert len(acronyms) == 2
    assert {(m.label, m.name) for m in acronyms} == {("ORG", "State Audit Office")}


def test_a_number_word_or_a_portfolio_is_no_entity(nlp: Language) -> None:
    """The model takes a number opening a sentence, and a minister's portfolio, for
    organisations: "Eleven" and "Transport" are no organisations."""
    text = (
        "Eleven tank cars jump the rails at Brenholm\n\nEleven tank cars left the track on "
        "Monday. Inspectors will look at the cause of the collision, Transport Minister Ada "
        "Quell said on Tuesday."
    )
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert not {name for name, _ in found} & {"Eleven", "Transport"}
    assert ("Ada Quell", "PERSON") in found


def test_a_name_the_model_is_unsure_of_after_in_is_a_place(nlp: Language) -> None:
    """One name tagged a person once and an organisation once, written "in X": a place,
    even one the gazetteer also knows."""
    text = (
        "Health officials in Ostrand closed three primary schools on Tuesday after 46 children "
        "fell ill with measles.\n\nVaccination rates in Ostrand have fallen to 81 percent."
    )
    labels = {m.label for m in _mentions(nlp, text) if m.text == "Ostrand"}
    assert labels == {"GPE"}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("CAIRO (TPA) - Officials said the port reopened.", (), [("CAIRO", "GPE")]),
        ("LYON & GENEVA, May 2, 2026 -- Two firms merged.", (),
         [("LYON", "GPE"), ("GENEVA", "GPE")]),
        ("By Ana Lutz, The Wire.  OSAKA — Rain fell.", (), [("OSAKA", "GPE")]),
        ("NEW DELHI: A court asked for answers.", (), [("NEW DELHI", "GPE")]),
        # The model ran the dateline into what follows.
        ("DENVER Harlen Foods said it would close.", (("DENVER Harlen Foods", "ORG"),),
         [("DENVER", "GPE"), ("Harlen Foods", "ORG")]),
        ("DENVER (TPA) Officials said no.", (("DENVER (TPA) Officials", "ORG"),),
         [("DENVER", "GPE")]),
        # Capitals that are no place the gazetteer knows, or no dateline.
        ("KORMISH ZQX - Storms hit.", (), []),
        ("Rain fell.\nFLOODS HIT THE NORTH - Roads closed.", (), []),
        ("Rain fell.\nCAIRO Officials said no.", (), []),  # run into the lead below the top
    ],
)  # fmt: skip
def test_datelines_are_places(
    text: str, spans: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    drafts = add_datelines(text, _drafts(text, *spans))
    assert [(text[d.start : d.end], d.label) for d in drafts] == expected


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Shops closed in Leeds on Monday. Leeds traders were angry.", "Leeds", "GPE"),
        ("Flights to Harare resume. Harare welcomed the news.", "Harare", "GPE"),
        ("Ties between Harare and Oslo thawed. Harare said so.", "Harare", "GPE"),
        ("Aid reached Zorvath from Kelmark Trust.", "Kelmark Trust", "ORG"),  # no known place
        ("The plan came from BP on Monday.", "BP", "ORG"),  # an acronym
        ("She went to the White House. The White House said no.", "the White House", "ORG"),
    ],
)
def test_a_known_place_after_a_preposition_of_place_is_a_place(
    text: str, name: str, label: str
) -> None:
    drafts = [Draft(m.start(), m.end(), "ORG") for m in re.finditer(name, text, re.IGNORECASE)]
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == [label] * len(drafts)


def test_a_peoples_name_tagged_as_a_person_is_a_people() -> None:
    text = "It was built by the noted Slovak engineer Ana Brezik. Slovak papers praised it."
    drafts = _drafts(text, ("Slovak", "PERSON"), ("Ana Brezik", "PERSON"), ("Slovak", "PERSON"))
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["NORP", "PERSON", "NORP"]


def test_a_surname_that_is_a_peoples_name_stays_a_person() -> None:
    text = "Maya English spoke first. English said the plan was sound."
    drafts = _drafts(text, ("Maya English", "PERSON"), ("English", "PERSON"))
    unify_labels(text, drafts)
    assert [d.label for d in drafts] == ["PERSON", "PERSON"]


def test_a_known_place_listed_beside_a_place_is_a_place() -> None:
    text = "It sold its stores in Zorvath, Leeds and Kelmark. Leeds staff were told first."
    drafts = _drafts(
        text, ("Zorvath", "GPE"), ("Leeds", "ORG"), ("Kelmark", "ORG"), ("Leeds", "ORG")
    )
    unify_labels(text, drafts)
    # Leeds is a place the gazetteer knows well; Kelmark is not one.
    assert [d.label for d in drafts] == ["GPE", "GPE", "ORG", "GPE"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("She was born in Leeds and moved away.", (), ["Leeds"]),
        ("Talks moved from Harare to Zorvath.", (), ["Harare"]),  # Zorvath: no known place
        ("The vote is in March.", (), []),  # a month
        ("He passed to Jackson. Tom Jackson scored.", (("Tom Jackson", "PERSON"),),
         ["Tom Jackson"]),  # a person's name
        ("She flew to Leeds Bradford Airport.", (), []),  # run into a longer name
    ],
)  # fmt: skip
def test_an_untagged_known_place_after_a_preposition_is_a_place(
    text: str, spans: tuple[tuple[str, str], ...], expected: list[str]
) -> None:
    drafts = add_places_after_prepositions(text, _drafts(text, *spans))
    assert [text[d.start : d.end] for d in drafts] == expected


@pytest.mark.parametrize(
    ("written", "label", "named"),
    [("meth", "GPE", False), ("red states", "GPE", False), ("Leeds", "GPE", True),
     ("the Netherlands", "GPE", True), ("iPhone", "PRODUCT", True), ("meth", "ORG", True)],
)  # fmt: skip
def test_a_place_is_written_as_a_name(written: str, label: str, named: bool) -> None:
    assert _named(written, Draft(0, len(written), label)) is named


def test_a_common_noun_opening_a_sentence_is_no_name(nlp: Language) -> None:
    text = "Schools will stay closed until at least next Monday, officials said."
    assert [m.text for m in _mentions(nlp, text)] == []
