"""Events: PLOVER code, actor, target, place, date, negation and modality from the parse."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from newsweave.analyse.entities import find_entities
from newsweave.analyse.events import event_time, find_events
from newsweave.analyse.sentences import find_sentences
from newsweave.analyse.times import find_times
from newsweave.records import Article, Event

PUBLISHED = "2026-03-12"  # a Thursday


def events_of(nlp: Language, text: str, published: str | None = PUBLISHED) -> list[Event]:
    article = Article(id="t.txt", key="k", text=text, published=published)
    doc = nlp(text)
    return find_events(
        doc, article, entities=find_entities(doc, article), times=find_times(doc, article)
    )


def text_of(span: object) -> str | None:
    return getattr(span, "text", None)


@pytest.mark.parametrize(
    ("text", "code", "action", "actor", "target"),
    [
        ("Emmanuel Macron met Olaf Scholz in Berlin.", "CONSULT", "met", "Emmanuel Macron",
         "Olaf Scholz"),
        ("The foreign minister met with Chinese officials.", "CONSULT", "met",
         "The foreign minister", "Chinese officials"),
        ("The convoy was attacked by rebels near the border.", "ASSAULT", "attacked", "rebels",
         "The convoy"),
        ("Russia launched an attack on Kharkiv overnight.", "ASSAULT", "launched attack",
         "Russia", "Kharkiv"),
        ("The European Union imposed sanctions on three banks.", "SANCTION", "imposed sanctions",
         "The European Union", "three banks"),
        ("The union will call for a general strike.", "REQUEST", "call for", "The union", None),
        ("The governor appealed to Osterland for help.", "REQUEST", "appealed to",
         "The governor", "Osterland"),
        ("Osterland warned Korvath against crossing the river.", "THREATEN", "warned",
         "Osterland", "Korvath"),
        # a description with the name beside it stands for the name
        ("Lenby's mayor, Tomas Keel, accused the operator of lying.", "ACCUSE", "accused",
         "Lenby's mayor, Tomas Keel", "the operator"),
        ("Police arrested two activists.", "COERCE", "arrested", "Police", "two activists"),
        ("The mayor signed the accord.", "AGREE", "signed accord", "The mayor", None),
        # an intention: a promise of cooperation is AGREE, of a hostile act THREATEN
        ("The Osterland government said it will support the new trade plan.", "AGREE",
         "support", "The Osterland government", "the new trade plan"),
        ("Rebel leaders said they would boycott the elections.", "THREATEN", "boycott",
         "Rebel leaders", "the elections"),
        ("The ministry said it would not support the proposal.", "REJECT", "support",
         "The ministry", "the proposal"),
        # easing a restriction concedes; easing a military hold retreats
        ("The army lifted the curfew in Velmora on Monday.", "CONCEDE", "lifted curfew",
         "The army", "Velmora"),
        ("The navy eased the blockade of the port.", "RETREAT", "eased blockade", "The navy",
         None),
        ("Osterland suspended aid to Korvath.", "SANCTION", "suspended aid", "Osterland",
         "Korvath"),
        ("Police dispersed the demonstration outside parliament.", "COERCE",
         "dispersed demonstration", "Police", None),
        ("Dozens of prisoners began a hunger strike on Monday.", "PROTEST", "began strike",
         "prisoners", None),
        # what was demanded did not happen: the demand is the event
        ("The opposition demanded that the army withdraw from the capital.", "REQUEST",
         "demanded", "The opposition", None),
        ("Osterland granted asylum to two Korvathi journalists.", "AID", "granted asylum",
         "Osterland", "Korvathi"),
        # the lemmatizer reads "staged" as "stag"
        # a protest naming no party is aimed at its place
        ("Thousands of students staged demonstrations in Velmora.", "PROTEST",
         "staged demonstrations", "students", "Velmora"),
        ("Velmora offered to rebuild the old bridge.", "AGREE", "offered", "Velmora", None),
        # verbs read by their usual sense in the PLOVER/CAMEO codebook
        ("The opposition slammed the new budget.", "ACCUSE", "slammed", "The opposition",
         "the new budget"),
        ("The court pardoned two journalists.", "CONCEDE", "pardoned", "The court", None),
        ("Police apprehended the suspects.", "COERCE", "apprehended", "Police", "the suspects"),
        ("The rebels surrendered to the army.", "RETREAT", "surrendered", "The rebels",
         "the army"),
        ("Troops occupied the airport.", "ASSAULT", "occupied", "Troops", "the airport"),
        ("Regulators fined the bank.", "SANCTION", "fined", "Regulators", "the bank"),
        # a nominal event: the subject of a verb of occurrence, the object of "engage in"
        ("Violent riots against the new tax erupted in Velmora on Monday.", "PROTEST",
         "riots erupted", None, "the new tax"),
        ("Rebels are engaged in heavy fighting with the army.", "ASSAULT",
         "engaged in fighting", "Rebels", "the army"),
        ("Three unions took part in the protests.", "PROTEST", "took part protests",
         "Three unions", None),
        ("The envoy arrived in Velmora on a three-day visit.", "CONSULT", "arrived on visit",
         "The envoy", "Velmora"),
        # what is handed over decides: aid, or a deployment; a measure stands for what it counts
        ("The ministry sent food and medicine to the flooded region.", "AID", "sent food",
         "The ministry", "the flooded region"),
        ("Osterland sent 3,000 troops to the border.", "MOBILIZE", "sent troops", "Osterland",
         "the border"),
        ("The city police launched a wave of arrests.", "COERCE", "launched arrests",
         "The city police", None),
        # a statement's demand is its issuer's; a blocked road is a protest
        ("The rebel council issued a statement demanding that the government resign.",
         "REQUEST", "demanding", "The rebel council", None),
        ("The council reiterated its demand that the army withdraw from the city.", "REQUEST",
         "reiterated demand", "The council", None),
        ("Farmers blocked the main road into the capital.", "PROTEST", "blocked road",
         "Farmers", None),
        # the party inside the complement: who is urged, what relations are broken
        ("The union urged workers to end the strike.", "REQUEST", "urged", "The union",
         "workers"),
        ("Osterland threatened to break off relations with Korvath.", "THREATEN", "threatened",
         "Osterland", "Korvath"),
    ],
)  # fmt: skip
def test_codes_and_arguments(
    nlp: Language, text: str, code: str, action: str, actor: str | None, target: str | None
) -> None:
    [event] = events_of(nlp, text)
    assert (event.code, event.action) == (code, action)
    assert (text_of(event.actor), text_of(event.target)) == (actor, target)
    assert text[event.start : event.end] == event.text
    for span in (event.actor, event.target, event.place):
        assert span is None or text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "She said the weather was fine.",  # no event verb
        "She struck a conciliatory tone.",  # "strike" only as a light verb ("struck a deal")
        "The attacked convoy reached the border.",  # a participle as an adjective
        "The mill suspended production for a week.",  # a company's own business, no sanction
        "The dairy said it would appeal the fine.",  # a court's matter, no request
        "The operator had warned the town on Monday.",  # a notice, no threat
        "Government bonds rallied on Friday.",  # a price, no protest
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


def test_place_date_negation_and_modality(nlp: Language) -> None:
    [met] = events_of(nlp, "Emmanuel Macron met Olaf Scholz in Berlin on Friday.")
    assert (text_of(met.place), met.time) == ("Berlin", "2026-03-06")  # the Friday before
    [rejected] = events_of(nlp, "Germany did not reject the proposal.")
    assert rejected.negated and rejected.modality is None
    [called] = events_of(nlp, "The union would call for a general strike.")
    assert called.modality == "would" and not called.negated


def test_governing_verb_carries_the_event(nlp: Language) -> None:
    """ "agreed to sign" is one AGREE event, not an AGREE and a sign."""
    [event] = events_of(nlp, "Emmanuel Macron agreed to sign the treaty.")
    assert (event.code, event.action, text_of(event.actor)) == (
        "AGREE",
        "agreed",
        "Emmanuel Macron",
    )


def test_coordinated_verbs_share_their_subject(nlp: Language) -> None:
    events = events_of(nlp, "Rebels kidnapped an aid worker and killed two guards.")
    # kidnapping is an assault in the codebook (CAMEO 181: abduct, hijack, take hostage)
    assert [(e.code, text_of(e.actor), text_of(e.target)) for e in events] == [
        ("ASSAULT", "Rebels", "an aid worker"),
        ("ASSAULT", "Rebels", "two guards"),
    ]


def test_pronoun_actor_is_the_person_named_before(nlp: Language) -> None:
    text = "Angela Merkel arrived in Lima. She praised the mayor of the city."
    [event] = events_of(nlp, text)
    assert text_of(event.actor) == "Angela Merkel" and event.text == "She praised the mayor"


def test_undated_article_events_are_dated_when_the_article_is(nlp: Language) -> None:
    text = "Emmanuel Macron met Olaf Scholz on Friday."
    [event] = events_of(nlp, text, published=None)
    assert event.time is None  # no publication date: nothing invented
    article = Article(id="t.txt", key="k", text=text, published=PUBLISHED)
    doc = nlp(text)
    times = find_times(doc, article)
    redated = event_time(event, find_sentences(doc, article), times)
    assert redated.time == "2026-03-06" and replace(redated, time=None) == event


def test_relative_pronoun_actor_is_the_noun_it_refers_to(nlp: Language) -> None:
    [event] = events_of(nlp, "The diplomats who negotiated with Norway flew home.")
    assert (event.code, text_of(event.actor), text_of(event.target)) == (
        "CONSULT",
        "The diplomats",
        "Norway",
    )


@pytest.mark.parametrize(
    "text",
    ["The fire killed three workers.", "Two hikers were killed in an avalanche."],
)
def test_harm_from_a_disaster_is_no_assault(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    ["A suicide blast killed 30 people in the market.", "Artillery fire killed five soldiers."],
)
def test_a_blast_or_fire_from_a_weapon_is_an_assault(nlp: Language, text: str) -> None:
    assert [e.code for e in events_of(nlp, text)] == ["ASSAULT"]


def test_pronoun_target_is_the_person_named_before(nlp: Language) -> None:
    text = "Angela Merkel arrived in Lima. Police arrested her at the airport."
    [event] = events_of(nlp, text)
    assert text_of(event.target) == "Angela Merkel" and event.text == "Police arrested her"


def test_a_dateline_is_not_the_actor(nlp: Language) -> None:
    text = "LINDMARK — A blaze that began overnight killed four workers and injured nine others."
    assert events_of(nlp, text) == []


def test_a_dateline_run_into_the_subject_is_not_part_of_the_actor(nlp: Language) -> None:
    text = "TORVIK CITY - A court on Monday sentenced the former mayor to six years in prison."
    [event] = events_of(nlp, text)
    assert text_of(event.actor) == "A court"


def test_the_name_set_off_after_a_description_is_the_actor(nlp: Language) -> None:
    text = "The head of the state port operator, Ivo Marek, defended the decision on Friday."
    [event] = events_of(nlp, text)
    assert text_of(event.actor).endswith("Ivo Marek")


def test_coordinated_subjects_of_a_meeting_are_each_others_party(nlp: Language) -> None:
    [event] = events_of(nlp, "Emmanuel Macron and Olaf Scholz met in Berlin.")
    assert (text_of(event.actor), text_of(event.target)) == ("Emmanuel Macron", "Olaf Scholz")


@pytest.mark.parametrize(
    "text",
    [
        "“We will cooperate fully with the inquiry,” spokeswoman Lena Falk said on Monday.",
        "Lena Falk spoke to reporters. “We will cooperate fully with the inquiry,” she said.",
    ],
)
def test_we_in_a_quote_is_the_person_quoted(nlp: Language, text: str) -> None:
    from newsweave.analyse.quotes import find_quotes

    article = Article(id="t.txt", key="k", text=text, published=PUBLISHED)
    doc = nlp(text)
    entities = find_entities(doc, article)
    quotes = find_quotes(doc, article, entities=entities)
    (event,) = find_events(
        doc, article, entities=entities, times=find_times(doc, article), quotes=quotes
    )
    # "will cooperate" is a promise to cooperate: PLOVER's AGREE.
    assert (event.code, text_of(event.actor)) == ("AGREE", "Lena Falk")


def test_no_one_arrested_is_an_event_denied(nlp: Language) -> None:
    (event,) = events_of(nlp, "Police said that no one was arrested after the march.")
    assert event.negated


@pytest.mark.parametrize(
    "text",
    [
        "Police said the march was calm and that no one was arrested.",
        "Crews fought the blaze all night, and about 300 residents were evacuated.",
    ],
)
def test_a_clause_with_its_own_subject_does_not_borrow_an_actor(nlp: Language, text: str) -> None:
    (event,) = events_of(nlp, text)
    assert event.actor is None and event.target is not None


def test_relative_pronoun_target_is_the_noun_it_refers_to(nlp: Language) -> None:
    (event,) = events_of(nlp, "About 500 families who were evacuated on Sunday returned home.")
    assert (event.code, text_of(event.target)) == ("AID", "About 500 families")


def test_either_of_two_is_not_a_party_to_the_other(nlp: Language) -> None:
    (event,) = events_of(nlp, "Each prisoner is asked whether he or she agrees.")
    assert (event.code, text_of(event.actor), event.target) == ("AGREE", "he", None)


def test_he_is_the_person_the_paragraph_is_about(nlp: Language) -> None:
    text = (
        "Arslanov spoke to reporters. “The door remains open,” he told journalists as he left. "
        "He rejected the proposal."
    )
    events = [e for e in events_of(nlp, text) if e.code == "REJECT"]
    assert [text_of(e.actor) for e in events] == ["Arslanov"]


def test_an_intention_held_over_someone_is_a_threat(nlp: Language) -> None:
    text = "Osterland will withdraw its ambassador unless Korvath releases the sailors."
    assert events_of(nlp, text)[0].code == "THREATEN"


def test_an_intention_reaches_through_an_adjective(nlp: Language) -> None:
    """ "would be ready to host" is an offer: the modal is on "be", the event on "host"."""
    [event] = events_of(nlp, "The king said he would be ready to host the talks.")
    assert (event.code, event.modality) == ("AGREE", "would")


@pytest.mark.parametrize(
    "text",
    [
        "Engineers at the reservoir started releasing water through the sluice gates.",
        "The ministry released a report on rural poverty.",
        "The studio released the film in March.",
        "The agency released new unemployment data on Friday.",
        "The factory released toxic gas into the air.",
        "The central bank released emergency funds to the lenders.",
        "The report, released on Monday, drew little notice.",
    ],
)
def test_releasing_a_thing_is_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The rebels released twelve hostages on Friday.", "The rebels", None),
        ("The junta released Ada Vell after two years in custody.", "The junta", "Ada Vell"),
        ("The government released dozens of political prisoners.", "The government",
         "political prisoners"),
        ("Dozens of prisoners were released by the army.", "the army", "prisoners"),
        ("The hostages, who were released on Monday, flew home.", None, "The hostages"),
    ],
)  # fmt: skip
def test_releasing_people_is_a_concession(
    nlp: Language, text: str, actor: str | None, target: str | None
) -> None:
    [event] = events_of(nlp, text)
    assert (event.code, event.action) == ("CONCEDE", "released")
    assert (text_of(event.actor), text_of(event.target)) == (actor, target)


def test_releasing_them_after_an_arrest_is_a_concession(nlp: Language) -> None:
    events = events_of(nlp, "Police arrested the protesters but released them hours later.")
    assert [(e.code, e.action) for e in events] == [
        ("COERCE", "arrested"),
        ("CONCEDE", "released"),
    ]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # a topic object ("wages") is no party, but the party inside its phrase is
        (
            "The miners of Dravo are demanding higher wages from the Velmoran government.",
            "REQUEST",
            "the Velmoran government",
        ),
        # the object is what is offered; the verb's own "to" names who gets it
        ("Osterland offered its ports to the Korvath navy.", "AGREE", "the Korvath navy"),
        # the parties "between" whom the agreed event happens
        ("The mayor agreed to host talks between Korvath and Osterland.", "AGREE", "Korvath"),
        # "for" names who gets what is handed over, in a complement or not
        (
            "The council agreed on Monday to provide five million dollars of aid for Korvath.",
            "AGREE",
            "Korvath",
        ),
        ("The council sent food for Korvath.", "AID", "Korvath"),
        # the subject of the complement of what is refused
        ("The port authority refused to allow Korvath ships to dock.", "REJECT", "Korvath ships"),
        # acting on a deed is aimed at its doer
        ("Police dispersed the demonstration staged by students outside the ministry.",
         "COERCE", "students"),
        ("The prosecutor is investigating abuses by the Korvath militia against villagers.",
         "ACCUSE", "the Korvath militia"),
        # a protest is aimed at what its purpose or its stance names
        ("Thousands of nurses marched on Friday to protest against the Velmoran government's "
         "pay freeze.", "PROTEST", "the Velmoran government's pay freeze"),
        ("Dockers marched to demand higher wages from the Velmoran port authority.", "PROTEST",
         "the Velmoran port authority"),
        ("Nurses marched in defiance of the Osterland authorities.", "PROTEST",
         "the Osterland authorities"),
        # a stance phrase on the event noun
        ("Dockers began a hunger strike in protest of the Velmoran government's decision.",
         "PROTEST", "the Velmoran government's decision"),
        # an object coordinated with others can be the one that decides the category
        ("Rebels launched mortars and rocket fire against the town.", "ASSAULT", "the town"),
        # from whom what is demanded is to be taken
        ("The opposition demanded that control of the police be taken away from the Korvath "
         "governor.", "REQUEST", "the Korvath governor"),
        # a name keeps the description it is written with; the story links the name
        ("Farmers will meet Velmoran mediator Tomas Reiden on Monday.", "AGREE",
         "Velmoran mediator Tomas Reiden"),
        # the party of what an invitation or a call asks for
        ("Osterland accepted an invitation to visit Korvath.", "AGREE", "Korvath"),
        ("The union rejected a call to attend a meeting of the Velmoran council.", "REJECT",
         "the Velmoran council"),
        # withdrawing who cooperates is cutting relations; announced, a threat
        ("Osterland withdrew its ambassador from Korvath.", "SANCTION", "Korvath"),
        ("The UN will withdraw its observers from Korvath.", "THREATEN", "Korvath"),
        # withdrawing troops is a retreat
        ("The army withdrew its troops from the valley.", "RETREAT", None),
    ],
)  # fmt: skip
def test_an_events_category_and_whom_it_is_aimed_at(
    nlp: Language, text: str, code: str, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.target)) == (code, target)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The rebels have been disarmed.", "The rebels"),
        # a fraction stands for the people it counts
        ("Half of the rebel fighters in the valley have been disarmed.", "the rebel fighters"),
    ],
)
def test_who_is_disarmed_is_who_retreats(nlp: Language, text: str, actor: str) -> None:
    (event,) = events_of(nlp, text)
    assert (event.code, text_of(event.actor), event.target) == ("RETREAT", actor, None)


@pytest.mark.parametrize(
    "text",
    [
        "Osterland and Korvath have upgraded their diplomatic ties.",
        "Osterland and Korvath praised each other.",
    ],
)
def test_a_shared_or_reciprocal_object_makes_each_the_others_party(
    nlp: Language, text: str
) -> None:
    (event,) = events_of(nlp, text)
    assert (text_of(event.actor), text_of(event.target)) == ("Osterland", "Korvath")


def test_who_was_charged_and_will_resign_is_who_resigns(nlp: Language) -> None:
    events = events_of(nlp, "The mayor was charged with fraud and will resign.")
    assert [(e.action, text_of(e.actor), text_of(e.target)) for e in events] == [
        ("charged with", None, "The mayor"),
        ("resign", "The mayor", None),
    ]


def test_a_coordinated_participle_shares_its_heads_passive_subject(nlp: Language) -> None:
    events = events_of(nlp, "Two activists were arrested and deported.")
    assert [(e.action, text_of(e.target)) for e in events] == [
        ("arrested", "Two activists"),
        ("deported", "Two activists"),
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "to" names who hears a complaint; "over"/"about" whom it is about
        (
            "Osterland complained to the United Nations over Korvath's air raids.",
            "Korvath's air raids",
        ),
        ("Osterland complained to the United Nations.", "the United Nations"),
    ],
)
def test_a_complaint_is_aimed_at_what_it_is_about(nlp: Language, text: str, target: str) -> None:
    (event,) = events_of(nlp, text)
    assert (event.code, text_of(event.target)) == ("ACCUSE", target)


def test_a_second_object_after_the_event_noun_is_no_target(nlp: Language) -> None:
    """A verb has one direct object: a noun phrase after a comma is an apposition."""
    text = "The ministers held talks on Monday, the first delegation to visit the capital."
    (event, *_) = events_of(nlp, text)
    assert (event.action, text_of(event.actor), event.target) == (
        "held talks",
        "The ministers",
        None,
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The government banned the opposition party.", "COERCE"),
        ("The council banned two journalists from the hearing.", "COERCE"),
        ("The government banned imports of Korvath steel.", "SANCTION"),
    ],
)
def test_banning_people_is_coercion_banning_things_a_sanction(
    nlp: Language, text: str, code: str
) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    ("text", "code", "action"),
    [
        ("Police forced the strikers to leave the square.", "COERCE", "forced"),
        # what the army is ordered to do is an event of its own
        ("The general ordered the army to attack the town.", "ASSAULT", "attack"),
    ],
)
def test_compelling_someone_is_coercion_unless_the_complement_is_an_event(
    nlp: Language, text: str, code: str, action: str
) -> None:
    (event,) = events_of(nlp, text)
    assert (event.code, event.action) == (code, action)


@pytest.mark.parametrize(
    ("text", "code", "action", "target"),
    [
        # codebook synonyms
        ("The senator berated the Korvath envoy.", "ACCUSE", "berated", "Korvath"),
        ("Osterland ruled out new talks with Korvath.", "REJECT", "ruled out", "Korvath"),
        ("The militia looted the village.", "COERCE", "looted", "the village"),
        # the deciding preposition's object is the target
        ("The ministers looked into the deaths of two miners.", "ACCUSE", "looked into",
         "two miners"),
        # the nouns of the codebook's verbs, with a light verb
        ("The rebels announced their withdrawal from the valley.", "RETREAT",
         "announced withdrawal", None),
        ("The army carried out an invasion of Korvath.", "ASSAULT", "carried invasion",
         "Korvath"),
        ("The court ordered an investigation into the shooting.", "ACCUSE",
         "ordered investigation", None),
        ("The government declared a state of emergency in Velmora.", "COERCE",
         "declared emergency", None),
        # the verb decides the noun's sense
        ("Dockers staged a strike at the port.", "PROTEST", "staged strike", None),
        ("Nurses went on strike on Monday.", "PROTEST", "went on strike", None),
        ("Soldiers opened fire on the crowd.", "ASSAULT", "opened fire", "the crowd"),
        ("Thousands of farmers took to the streets of Velmora.", "PROTEST",
         "took to streets", "Velmora"),
        ("The army put its troops on high alert.", "MOBILIZE", "put on alert", "its troops"),
        ("Police fired tear gas at the crowd.", "COERCE", "fired gas", "the crowd"),
        ("The council held the mayor responsible for the deaths.", "ACCUSE", "held responsible",
         "the mayor"),
        ("Osterland restored diplomatic relations with Korvath.", "SUPPORT",
         "restored relations", "Korvath"),
        # what is left decides: talks halted, an agreement rejected
        ("Osterland withdrew from the talks with Korvath.", "SANCTION", "withdrew from talks",
         "Korvath"),
        ("Korvath pulled out of the arms treaty.", "REJECT", "pulled out treaty",
         None),
        # envoys expelled are cut relations, people expelled are coerced
        ("Osterland expelled two Korvath diplomats.", "SANCTION", "expelled",
         "Korvath"),
        ("The junta expelled three foreign journalists.", "COERCE", "expelled",
         "three foreign journalists"),
        # a protest told to a government is an official complaint
        ("Korvath protested to the Osterland embassy over the arrests.", "ACCUSE",
         "protested to", "Osterland"),
        ("Korvath lodged a protest with the Osterland embassy.", "ACCUSE", "lodged protest",
         "Osterland"),
        # striking a place or a military target is an attack
        ("Osterland jets struck rebel positions near the town.", "ASSAULT", "struck",
         "rebel positions"),
        ("The council reaffirmed its support for the mayor.", "SUPPORT",
         "reaffirmed support", "the mayor"),
        # a protest called off eases dissent; a law violated is defied
        ("The dockers' union called off the strike on Friday.", "CONCEDE", "called off strike",
         None),
        ("The union called a strike at the port.", "PROTEST", "called strike", None),
        ("Korvath violated the arms embargo.", "REJECT", "violated embargo", None),
        ("Osterland and Korvath held joint exercises near the border.", "COOPERATE",
         "held exercises", "Korvath"),
        ("The UN sent 500 peacekeepers to Velmora.", "AID", "sent peacekeepers", "Velmora"),
        # a complement of a kind, a military position left, a party fought
        ("Osterland charged that Korvath troops had crossed the border.", "ACCUSE", "charged",
         "Korvath"),
        ("A Velmoran court found the former minister guilty of corruption.", "ACCUSE",
         "found guilty", None),
        ("The army abandoned its positions near the river.", "RETREAT", "abandoned", None),
        ("Troops fought the rebels for control of the airport.", "ASSAULT", "fought",
         "the rebels"),
        # what is handed over decides; an event noun reached by travel or arrival
        ("Osterland handed over the suspect to the Korvath police.", "COOPERATE",
         "handed over suspect", "Korvath"),
        ("The rebels handed over their weapons.", "RETREAT", "handed over weapons", None),
        ("The two sides came to an agreement on Monday.", "AGREE", "came to agreement", None),
        ("The envoy flew to Korvath for two days of talks.", "CONSULT", "flew for talks",
         "Korvath"),
        ("Korvath troops began pulling back from the town.", "RETREAT", "pulling back",
         None),
        ("The junta shut down two independent newspapers.", "COERCE", "shut down newspapers",
         None),
        ("Workers at the mill walked off the job on Monday.", "PROTEST", "walked off job",
         None),
        # a stance held: an adjective and its preposition, a stative passive
        ("The minister was critical of the Korvath government.", "ACCUSE", "critical of",
         "Korvath"),
        ("The president received the Korvath foreign minister.", "CONSULT", "received",
         "Korvath"),
        ("Police quelled the riots in the capital.", "COERCE", "quelled riots", None),
        ("The general told the militia to leave the town.", "REQUEST", "told", "the militia"),
        ("Forty people were killed by bombs, and the government lent support to the army.",
         "ASSAULT", "killed", "Forty people"),
        # troops evacuated are pulled back, residents evacuated are helped
        ("The army evacuated its troops from the valley.", "RETREAT", "evacuated troops", None),
    ],
)  # fmt: skip
def test_codebook_synonyms_and_nouns(
    nlp: Language, text: str, code: str, action: str, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, event.action, text_of(event.target)) == (code, action, target)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Osterland is ready to host talks with Korvath.", "AGREE"),
        ("The rebels are prepared to attack the town.", "THREATEN"),
    ],
)
def test_readiness_states_an_intention(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the lemmatizer reads "raped" and "raping" as "rap", "fining" as "fin"
        ("Soldiers raped two women in the village.", "ASSAULT"),
        ("Soldiers are raping women in the villages.", "ASSAULT"),
        ("Regulators are fining the bank.", "SANCTION"),
        # no event: a thing protected, a return home
        ("The envoys returned home, and the council protected the park.", None),
        # the plural as written: "hostilities" is read as "hostility"
        ("The rebels resumed hostilities against the army.", "ASSAULT"),
    ],
)
def test_misread_lemmas_keep_their_category_and_things_are_no_party(
    nlp: Language, text: str, code: str | None
) -> None:
    assert [e.code for e in events_of(nlp, text)][:1] == ([code] if code else [])


def test_an_event_with_only_a_place_is_kept(nlp: Language) -> None:
    (event,) = events_of(nlp, "Talks were held in Geneva on Monday.")
    assert (event.code, event.actor, event.target, text_of(event.place)) == (
        "CONSULT",
        None,
        None,
        "Geneva",
    )


@pytest.mark.parametrize(
    ("text", "code", "action"),
    [
        # a verb of intention states its complement as an intention, like a modal
        ("The militia vowed to avenge the killing of its leader.", "THREATEN", "avenge"),
        ("Osterland pledged to help the flood victims.", "AGREE", "help"),
        # a hedged hostile act held over a condition is a threat; an offer stays one
        ("Korvath said it might cut off gas supplies to Osterland if the debt was not paid.",
         "THREATEN", "cut off"),
        ("The rebels said they would meet the envoy if he came alone.", "AGREE", "meet"),
        # what is not tolerated or given up is refused
        ("Osterland will not give up its claim to the islands.", "REJECT", "give up claim"),
        ("The parliament voted down the peace agreement.", "REJECT", "voted down"),
        # an act done in protest is a protest
        ("Farmers dumped potatoes outside the ministry in protest at low prices.", "PROTEST",
         "dumped in protest"),
        # what an event noun left behind; its parties "between" whom it happened
        ("Fighting between government troops and rebels left 40 dead.", "ASSAULT",
         "Fighting left"),
        ("The EU slapped sanctions on five Korvath officials.", "SANCTION",
         "slapped sanctions"),
        # protecting people is aid; returning bodies or land a concession
        ("The army protected the refugees in the valley.", "AID", "protected"),
        ("Korvath returned the bodies of the soldiers.", "CONCEDE", "returned bodies"),
    ],
)  # fmt: skip
def test_intentions_refusals_and_protests(nlp: Language, text: str, code: str, action: str) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, event.action) == (code, action)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a protest with no party named, an attack on people no one names: the place
        ("Dock workers rioted outside a warehouse in Velmora on Friday.", "Velmora"),
        ("Two gunmen killed 12 people in Velmora on Sunday.", "Velmora"),
        # named victims stay the target
        ("Two gunmen killed 12 Korvath soldiers in Velmora on Sunday.", "Korvath"),
    ],
)
def test_an_event_naming_no_party_is_aimed_at_its_place(
    nlp: Language, text: str, target: str
) -> None:
    assert text_of(events_of(nlp, text)[0].target) == target


def test_a_stance_in_the_passive_is_held_by_its_subject(nlp: Language) -> None:
    (event,) = events_of(nlp, "Osterland is opposed to the new treaty.")
    assert (event.code, text_of(event.actor)) == ("REJECT", "Osterland")


def test_a_nominal_events_owner_in_a_report_is_the_reporter(nlp: Language) -> None:
    text = "The prosecutor's office said its inquiry into the mill was continuing."
    (event,) = events_of(nlp, text)
    assert (event.code, text_of(event.actor)) == ("ACCUSE", "The prosecutor's office")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # what is handed over decides, also through an amount "in" aid
        ("Osterland contributed 3 million dollars to the relief effort.", "AID"),
        ("The Red Cross distributed blankets to the flood victims.", "AID"),
        ("The bank earmarked 40 million euros in emergency aid for Velmora.", "AID"),
        ("Osterland wrote off 80 percent of Velmora's debt.", "AID"),
        # forces moved back, home or away retreat; moved toward a place they mobilize
        ("Korvath ordered its troops back to their barracks.", "RETREAT"),
        ("Korvath began removing its tanks from the buffer zone.", "RETREAT"),
        ("The army moved tanks toward the frontier.", "MOBILIZE"),
        ("The army dismantled checkpoints on the roads into the city.", "RETREAT"),
        ("Korvath completed the withdrawal of its forces from the island.", "RETREAT"),
        # raising security or a military presence is a show of force
        ("Osterland stepped up security around government buildings.", "MOBILIZE"),
        ("Osterland increased its military presence near the islands.", "MOBILIZE"),
        ("Korvath put its armed forces on a state of alert.", "MOBILIZE"),
        ("The government called out the army.", "MOBILIZE"),
        # a show of force held with a partner, training forces: military cooperation
        ("The two navies held joint maneuvers in the gulf.", "COOPERATE"),
        ("Osterland trained Velmoran police officers.", "COOPERATE"),
        # leaving talks halts them; taking part in them is the talks
        ("The delegation walked out of the talks on Tuesday.", "SANCTION"),
        ("The rebels quit the negotiations.", "SANCTION"),
        ("Korvath suspended its participation in the peace talks.", "SANCTION"),
        # yielding: a demand given up or granted, a ban ended, a border reopened
        ("The military junta legalized the opposition party.", "CONCEDE"),
        ("Korvath dropped its demand for reparations.", "CONCEDE"),
        ("The government agreed to the strikers' demands.", "CONCEDE"),
        ("The government repealed the emergency law.", "CONCEDE"),
        ("Osterland reopened its border with Korvath.", "CONCEDE"),
    ],
)
def test_what_is_handed_over_moved_left_or_given_up(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    "text",
    [
        "The company moved its offices from the capital.",
        "The chef removed the pan from the stove.",
        "The girl left the party early.",
    ],
)
def test_things_moved_or_left_are_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # what another party must or should do, said or wanted, is demanded of it
        ("The Korvath minister said Osterland must pay for the damage.", "REQUEST",
         "The Korvath minister", "Osterland"),
        ("The union said the Velmoran government should resign.", "REQUEST", "The union",
         "the Velmoran government"),
        ("The mayor wants Korvath to rebuild the bridge.", "REQUEST", "The mayor", "Korvath"),
        ("Velmora applied for membership of the alliance.", "REQUEST", "Velmora", None),
        # an attack that says what for is one in words
        ("The newspaper attacked the minister over his handling of the strike.", "ACCUSE",
         "The newspaper", "the minister"),
        # being or coming under what a noun names: the subject undergoes it
        ("The governor is under investigation for fraud.", "ACCUSE", None, "The governor"),
        ("The convoy came under attack from the militia.", "ASSAULT", "the militia",
         "The convoy"),
        # a place seized is taken by force; weapons of crowd control turned on people
        ("The militia seized Lenby after a week of fighting.", "ASSAULT", "The militia",
         "Lenby"),
        ("Police used water cannon against the marchers.", "COERCE", "Police", "the marchers"),
        ("Jets dropped bombs on the rebel camp.", "ASSAULT", "Jets", "the rebel camp"),
    ],
)  # fmt: skip
def test_demands_words_of_attack_and_what_is_undergone(
    nlp: Language, text: str, code: str, actor: str | None, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    "text",
    [
        "The economy is under pressure.",
        "She said the weather should improve.",
        "The rebels said they must fight on.",
        "Korvath wants to win the cup.",
    ],
)
def test_obligation_of_no_party_and_pressure_are_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # forces that flee retreat; forces drafted or sent to keep the peace
        ("The rebel fighters fled the valley at dawn.", "RETREAT"),
        ("The ministry drafted thousands of reservists.", "MOBILIZE"),
        ("Osterland contributed 300 soldiers to the peacekeeping force.", "AID"),
        ("Osterland pulled its peacekeepers out of Velmora.", "SANCTION"),
        # what a weapon hits is attacked; a ban on political life restricts people
        ("Artillery shells hit the old quarter of Lenby.", "ASSAULT"),
        ("The junta banned all political activity.", "COERCE"),
        # finding guilty is a disapproval; blame laid in a reported clause an accusation
        ("The court convicted the former governor of bribery.", "ACCUSE"),
        ("Korvath said Osterland was behind the bombing of the pipeline.", "ACCUSE"),
        # a visit by a leader; a call by telephone
        ("The Korvath president travelled to Osterland on Monday.", "CONSULT"),
        ("The two foreign ministers spoke by telephone on Monday.", "CONSULT"),
        ("The council brushed aside calls for an inquiry.", "REJECT"),
    ],
)
def test_who_flees_hits_visits_or_is_blamed(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of families fled the floods.",
        "The recession hit the town hard.",
        "The students travelled to Lenby for the match.",
        "The minister said the delay was behind the rise in prices.",
    ],
)
def test_people_fleeing_a_slump_hitting_and_a_trip_are_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


def test_placed_under_arrest_keeps_who_did_it(nlp: Language) -> None:
    event = events_of(nlp, "The authorities placed the editor under house arrest.")[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (
        "COERCE",
        "The authorities",
        "the editor",
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council assented to the new budget.", "AGREE"),
        ("The bishop spoke in favour of the land reform.", "SUPPORT"),
        ("Prosecutors opened an investigation into the mayor's accounts.", "ACCUSE"),
        ("Demonstrators burned flags outside the embassy.", "PROTEST"),
        ("Osterland expressed concern over Korvath's missile tests.", "ACCUSE"),
        ("Korvath and Osterland will jointly patrol the strait.", "AGREE"),
        ("Korvath and Osterland jointly patrolled the strait.", "COOPERATE"),
    ],
)
def test_phrases_of_assent_favour_inquiry_and_concern(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


def test_an_event_noun_as_subject_is_done_by_its_owner(nlp: Language) -> None:
    event = events_of(nlp, "Korvath's raid on the camp killed 30 people.")[0]
    assert (event.code, text_of(event.actor)) == ("ASSAULT", "Korvath")


@pytest.mark.parametrize(
    ("text", "code", "actor"),
    [
        ("Students staged a sit-in at the university.", "PROTEST", "Students"),
        ("Teachers struck for higher pay on Monday.", "PROTEST", "Teachers"),
        ("Korvath declared two Osterland diplomats persona non grata.", "SANCTION", "Korvath"),
        ("Osterland ordered the Korvath diplomats to leave the country.", "SANCTION",
         "Osterland"),
        ("The last Osterland troops left Lenby on Friday.", "RETREAT",
         "The last Osterland troops"),
        ("The rebels evacuated their positions near the river.", "RETREAT", "The rebels"),
        ("Korvath ordered troops to the border.", "MOBILIZE", "Korvath"),
        ("Korvath troops were on high alert along the border.", "MOBILIZE", "Korvath troops"),
        ("Korvath increased the number of troops along the border.", "MOBILIZE", "Korvath"),
        ("Korvath held war games near the border.", "MOBILIZE", "Korvath"),
        ("The rebels declared a unilateral ceasefire.", "RETREAT", "The rebels"),
        ("The junta restored political rights to the opposition.", "CONCEDE", "The junta"),
        ("Osterland stopped all aid to Velmora.", "SANCTION", "Osterland"),
        ("Korvath hopes to sign a trade agreement with Osterland next year.", "AGREE",
         "Korvath"),
        ("Korvath and Osterland launched a joint investigation into the crash.", "COOPERATE",
         "Korvath"),
        ("The opposition objected to the new electoral law.", "REJECT", "The opposition"),
        # aid received is given by its "from" party; aid that arrives is its giver's
        ("Velmora received 5 million dollars in aid from Korvath.", "AID", "Korvath"),
        ("Aid from Korvath reached the flooded villages on Tuesday.", "AID", "Korvath"),
    ],
)  # fmt: skip
def test_strikes_truces_departures_and_aid_received(
    nlp: Language, text: str, code: str, actor: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor)) == (code, actor)


@pytest.mark.parametrize(
    "text",
    [
        "The students left the campus at noon.",
        "The company received a letter from the council.",
        "The police were on duty at the stadium.",
        "The bus driver struck a pedestrian.",
    ],
)
def test_leaving_receiving_duty_and_accidents_are_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a party named in the event's clause when no construction gives one
        ("Korvath threatened to launch an offensive in its long war with Osterland.",
         "Osterland"),
        # not a place the event happens in, nor a clause joined to it
        ("Police arrested two men in Lenby on Monday.", "two men"),
        ("The minister declined to attend and sent his aide, Tomas Reiden.", None),
    ],
)  # fmt: skip
def test_a_party_named_in_the_clause_is_the_last_resort_target(
    nlp: Language, text: str, target: str | None
) -> None:
    assert text_of(events_of(nlp, text)[0].target) == target


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The agency began airdropping food to the trapped villagers.", "AID"),
        ("Korvath will give Velmora 30 tanks.", "AGREE"),
        ("Korvath gave Velmora 30 tanks last year.", "AID"),
        ("Korvath tested a long-range missile.", "MOBILIZE"),
        ("Osterland scaled back its military presence in the region.", "RETREAT"),
        ("Jets carried out raids on rebel bases.", "ASSAULT"),
        ("Police carried out raids on the offices of the newspaper.", "COERCE"),
        ("The authorities expelled a foreign reporter.", "COERCE"),
        ("Soldiers destroyed the homes of suspected rebels.", "COERCE"),
        ("The authorities nationalized the foreign oil companies.", "COERCE"),
        ("The rebels gave the government a week to meet their demands.", "THREATEN"),
    ],
)
def test_arms_given_property_destroyed_and_ultimatums(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    "text", ["The coach gave the players a week off.", "The president dismissed the minister."]
)
def test_time_off_and_a_dismissal_are_no_event(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Soldiers fired on the demonstrators, killing four.", "COERCE"),
        ("Riot police beat protesters with batons.", "COERCE"),
        ("Gunmen fired on a crowd of shoppers.", "ASSAULT"),
    ],
)
def test_violence_against_protesters_is_repression(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


def test_it_in_a_quoted_saying_is_the_one_quoted(nlp: Language) -> None:
    text = "Korvath was quoted by the state radio as saying it would send troops to the border."
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor)) == ("THREATEN", "Korvath")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Osterland stopped providing aid to Velmora.", "SANCTION"),
        ("Korvath suspended cooperating with the inquiry.", "SANCTION"),
        ("The rebels stopped attacking the town.", "ASSAULT"),
    ],
)
def test_ceasing_to_help_cuts_relations(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Korvath provided Osterland with intelligence on the plot.", "COOPERATE"),
        ("The police of the two countries are working together to fight smuggling.",
         "COOPERATE"),
        ("Students boycotted classes to protest the arrest of their leader.", "PROTEST"),
        ("Osterland said it reserved the right to use force.", "THREATEN"),
    ],
)  # fmt: skip
def test_intelligence_shared_work_together_boycotts_and_reserved_rights(
    nlp: Language, text: str, code: str
) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("A missile fired by Korvath forces hit a hospital in Dara.", "Korvath forces",
         "a hospital"),
        ("Six villagers were killed by mines laid by the rebels.", "the rebels",
         "Six villagers"),
        # people described by a participle stay the actor
        ("Soldiers sent by Korvath attacked the village.", "Soldiers", "the village"),
    ],
)  # fmt: skip
def test_the_wielder_of_a_weapon_is_the_actor(
    nlp: Language, text: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (text_of(event.actor), text_of(event.target)) == (actor, target)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Korvath and Velmora held talks on the disputed islands.", "Korvath", "Velmora"),
        ("Osterland and Korvath reached an agreement on fishing rights.", "Osterland",
         "Korvath"),
        ("The rebels and the army clashed near the border.", "The rebels", "the army"),
        ("Velmoran and Korvath soldiers clashed on the border on Sunday.",
         "Velmoran and Korvath soldiers", "Korvath"),
        # a party named with "with" stays the target
        ("Korvath and Velmora held talks with leaders of the Osterland government.",
         "Korvath", "the Osterland government"),
    ],
)  # fmt: skip
def test_coordinated_parties_are_each_others_target_over_a_topic(
    nlp: Language, text: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (text_of(event.actor), text_of(event.target)) == (actor, target)


def test_a_name_misread_as_a_product_is_a_party(nlp: Language) -> None:
    event = events_of(nlp, "The head of the Korvath army threatened to invade Velmora.")[0]
    assert (event.code, text_of(event.target)) == ("THREATEN", "Velmora")


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        ("Korvath is alleged to have attacked a convoy near Dara.", "ASSAULT", "Korvath",
         "a convoy"),
        ("The rebels are said to have seized the town of Dara.", "ASSAULT", "The rebels",
         "Dara"),
        # with an agent the report is an accusation of its own
        ("Korvath was accused by Velmora of sheltering the rebels.", "ACCUSE", "Velmora",
         "Korvath"),
    ],
)  # fmt: skip
def test_a_passive_report_leaves_the_event_to_its_infinitive(
    nlp: Language, text: str, code: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Hundreds of people protested outside the Korvath embassy in Lenby.",
         "the Korvath embassy"),
        # a building no party owns: the town stands for its authorities
        ("Dock workers rioted outside a warehouse in Lenby.", "Lenby"),
        ("Osterland offered to mediate between Korvath and Velmora.", "Korvath"),
        ("A Velmoran court ordered the release of two Korvath sailors.", "two Korvath sailors"),
    ],
)  # fmt: skip
def test_targets_of_owned_places_mediation_and_misread_names(
    nlp: Language, text: str, target: str
) -> None:
    assert text_of(events_of(nlp, text)[0].target) == target


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("About 300 farmers blocked roads in the capital city of Lenby demanding lower taxes.",
         "Lenby"),
        ("Gunmen killed 12 people in the town of Dara on Monday.", "Dara"),
        ("Students marched through the streets of Lenby.", "Lenby"),
    ],
)  # fmt: skip
def test_a_place_named_by_an_of_phrase_or_walked_through(
    nlp: Language, text: str, place: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (text_of(event.place), text_of(event.target)) == (place, place)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ivo Marek said he would meet the rebel leaders on Friday.", "Ivo Marek",
         "the rebel leaders"),
        ("The Korvath army said its forces had killed 20 rebels.", "The Korvath army",
         "20 rebels"),
        ("The leaders of Korvath and Velmora met in Geneva on Monday.", "The leaders",
         "Velmora"),
        ("Korvath, Velmora and Osterland signed a security pact.", "Korvath", "Velmora"),
        ("Korvath's decision to expel the envoy angered Velmora.", "Korvath", "the envoy"),
    ],
)  # fmt: skip
def test_speakers_pronouns_coordinated_owners_and_deciders(
    nlp: Language, text: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (text_of(event.actor), text_of(event.target)) == (actor, target)


def test_a_main_verb_read_as_a_participle_takes_the_root_noun(nlp: Language) -> None:
    text = "An official Velmoran newspaper called Thursday on Korvath to withdraw its troops."
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (
        "REQUEST",
        "An official Velmoran newspaper",
        "Korvath",
    )


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Korvath said it would not meet the kidnappers' demands.", "the kidnappers' demands"),
        ("The government rejected the strikers' demands for higher pay.", "the strikers' demands"),
    ],
)
def test_the_owner_of_what_is_refused_is_the_target(nlp: Language, text: str, target: str) -> None:
    assert text_of(events_of(nlp, text)[0].target) == target


def test_a_name_read_as_an_adverbial_of_a_subjectless_verb_is_its_actor(nlp: Language) -> None:
    event = events_of(nlp, "Korvath massed tanks near the Velmoran border.")[0]
    assert (event.code, text_of(event.actor)) == ("MOBILIZE", "Korvath")


# Session 26: constructions written for the purpose, with invented names.
@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # the "of" phrase hung on the one warned still says what the warning is of
        ("Brenmark warned Talsovia of serious consequences.", "THREATEN", "Brenmark",
         "Talsovia"),
        ("The army handed power to a civilian government.", "CONCEDE", "The army",
         "a civilian government"),
        ("Brenmark came out in support of the Talsovian proposal.", "SUPPORT", "Brenmark",
         "the Talsovian proposal"),
        ("Roderu sat down with opposition leaders on Monday.", "CONSULT", "Roderu",
         "opposition leaders"),
        ("The militia handed in its weapons.", "RETREAT", "The militia", None),
        ("Talsovia closed its airspace to Brenmark airlines.", "SANCTION", "Talsovia",
         "Brenmark"),
        ("Brenmark suspended Talsovia from the trade bloc.", "SANCTION", "Brenmark",
         "Talsovia"),
        ("Brenmark evacuated its garrison from Dorvik.", "RETREAT", "Brenmark", "Dorvik"),
        ("Talsovia moved artillery closer to the frontier.", "MOBILIZE", "Talsovia", None),
        ("Brenmark launched missiles at Talsovian cities.", "ASSAULT", "Brenmark",
         "Talsovian cities"),
        ("Snipers targeted civilians in Dorvik.", "ASSAULT", "Snipers", "civilians"),
        ("A car bomb exploded outside the Brenmark consulate.", "ASSAULT", "A car bomb", None),
        ("Roderu hosted the Brenmark president at his residence.", "CONSULT", "Roderu",
         "Brenmark"),
    ],
)  # fmt: skip
def test_warnings_stances_weapons_fired_and_parties_shut_out(
    nlp: Language, text: str, code: str, actor: str, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    "text",
    [
        "Brenmark will host the athletics championship.",
        "The gas tank exploded in the garage.",
        "The space agency launched a rocket into orbit.",
        "The campaign targeted young voters.",
        "The club suspended its coach for two games.",
        "The weather in Quellan was mild for the season.",
        "Shares of the mining company fell sharply on Monday.",
        "The report was released on Tuesday by the statistics office.",
    ],
)
def test_no_event_where_nothing_was_done_to_a_party(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        ("Witnesses said Brenmark soldiers had beaten several villagers.", "ASSAULT",
         "Brenmark soldiers", "several villagers"),
        ("Brenmark backed out of the deal.", "REJECT", "Brenmark", None),
        ("Brenmark put an embargo on Talsovian oil.", "SANCTION", "Brenmark", "Talsovian oil"),
        # whom one trains is the party worked with, not a topic
        ("Brenmark trained Talsovian soldiers.", "COOPERATE", "Brenmark", "Talsovian soldiers"),
    ],
)  # fmt: skip
def test_people_beaten_deals_backed_out_of_embargoes_put_and_forces_trained(
    nlp: Language, text: str, code: str, actor: str, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Brenmark beat Talsovia 2-1 in the final.", []),
        ("The champions were beaten in the second round.", []),
        ("The striker scored twice in the final.", []),
        ("Brenmark backed the plan.", ["SUPPORT"]),  # backing, not backing out
    ],
)
def test_no_attack_in_a_game(nlp: Language, text: str, codes: list[str]) -> None:
    assert [e.code for e in events_of(nlp, text)] == codes


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # what the subject draws, faces, wins or receives is done to it by its "from" party
        ("Talsovia's plan drew sharp criticism from Brenmark.", "ACCUSE", "Brenmark",
         "Talsovia"),
        ("The minister faced criticism from opposition lawmakers.", "ACCUSE",
         "opposition lawmakers", "The minister"),
        ("The plan won the backing of the Brenmark government.", "SUPPORT",
         "the Brenmark government", "The plan"),
        ("Roderu received a visit from the Brenmark envoy.", "CONSULT", "the Brenmark envoy",
         "Roderu"),
        ("Talsovia received humanitarian aid from Brenmark.", "AID", "Brenmark", "Talsovia"),
        # "there is" an event between parties
        ("There were clashes between police and rebels in Dorvik.", "ASSAULT", "police",
         "rebels"),
        # being in talks or at war with a party, the target of an attack, under fire over
        ("Talsovia is in talks with Brenmark over the pipeline.", "CONSULT", "Talsovia",
         "Brenmark"),
        ("Talsovia has been at war with Brenmark since 1994.", "ASSAULT", "Talsovia",
         "Brenmark"),
        ("The convoy was the target of an attack by rebels.", "ASSAULT", "rebels",
         "The convoy"),
        ("Talsovia came under fire from Brenmark over its human rights record.", "ACCUSE",
         "Brenmark", "Talsovia"),
        # fighting back an assault is fighting its doers
        ("Talsovian troops repelled a rebel assault on the town.", "ASSAULT",
         "Talsovian troops", "a rebel assault"),
    ],
)  # fmt: skip
def test_events_undergone_stated_with_there_or_a_state(
    nlp: Language, text: str, code: str, actor: str, target: str | None
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    "text",
    [
        "There is a ban on smoking in restaurants.",
        "There was a fire at the factory.",
        "There is a war museum in the old town.",
        "The team won the match in extra time.",
        "The film drew large crowds on its opening weekend.",
        "She is in love with the city.",
        "The roof was the target of a renovation.",
    ],
)
def test_no_event_undergone_by_things_or_stated_of_nobody(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # a clause before the verb that denies it was told as done
        ("Brenmark on Monday accused neighbouring Talsovia of massing troops on their common "
         "border, a charge Quellan denied.", "ACCUSE", "Brenmark", "neighbouring Talsovia"),
        # a main verb misread as a reported clause keeps the subject; the object of the last
        # of two verbs is the first one's too
        ("Gunmen believed to be members of the Freedom Front shot and killed a Talsovian army "
         "officer in Quellan on Sunday.", "ASSAULT", "Gunmen", "a Talsovian army officer"),
        # harm with no agent, done "when" someone attacked
        ("At least 14 people were killed when Brenmark warplanes bombed a market.", "ASSAULT",
         "Brenmark warplanes", "At least 14 people"),
        ("Tens of thousands of opposition supporters poured into the streets of Quellan on "
         "Sunday.", "PROTEST", "opposition supporters", "Quellan"),
    ],
)  # fmt: skip
def test_newswire_clauses_denied_after_misread_reports_and_harm_done_when(
    nlp: Language, text: str, code: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # the codebook's smaller classes: human shields (184), weapons used against a party,
        # property returned (0842), mediation ended (165), people expelled (174),
        # peacekeepers deployed (074), an irregular past form
        ("The rebels used villagers as human shields.", "ASSAULT", "The rebels", "villagers"),
        ("Brenmark used chemical weapons against Talsovian troops.", "ASSAULT", "Brenmark",
         "Talsovian troops"),
        ("Brenmark returned the seized fishing boats to Talsovia.", "CONCEDE", "Brenmark",
         "Talsovia"),
        ("Brenmark ended its mediation between Talsovia and the rebels.", "SANCTION",
         "Brenmark", "Talsovia"),
        ("Brenmark expelled thousands of ethnic Talsovians.", "COERCE", "Brenmark",
         "ethnic Talsovians"),
        ("Brenmark deployed peacekeepers to Talsovia.", "AID", "Brenmark", "Talsovia"),
        ("Brenmark forgave Talsovia for the border incident.", "SUPPORT", "Brenmark",
         "Talsovia"),
    ],
)  # fmt: skip
def test_codebook_classes_shields_weapons_returns_and_expulsions(
    nlp: Language, text: str, code: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The chef used fresh herbs in the soup.", []),
        ("She returned the book to the library.", []),
        ("The soldiers returned fire.", ["ASSAULT"]),
    ],
)
def test_things_used_or_returned_are_no_event(nlp: Language, text: str, codes: list[str]) -> None:
    assert [e.code for e in events_of(nlp, text)] == codes


@pytest.mark.parametrize(
    ("text", "code", "actor", "target"),
    [
        # a quoted demand of a party the entity step may miss; the sailors are people freed
        ('"Brenmark must release our sailors immediately," Roderu said.', "REQUEST", "Roderu",
         "Brenmark"),
        # the one asked is the target, not the people its task is about
        ("The families asked the government to find the missing sailors.", "REQUEST",
         "The families", "the government"),
        ("Talsovia freed the Brenmark fishermen.", "CONCEDE", "Talsovia", "Brenmark"),
    ],
)  # fmt: skip
def test_quoted_demands_and_the_party_asked(
    nlp: Language, text: str, code: str, actor: str, target: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor), text_of(event.target)) == (code, actor, target)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a sanction weighed is a threat; weighing a budget is nothing
        ("Brenmark is considering sanctions against Talsovia.", ["THREATEN"]),
        ("Brenmark is considering imposing sanctions on Talsovia.", ["THREATEN"]),
        ("The committee is considering the new budget.", []),
    ],
)
def test_sanctions_considered_are_threats(nlp: Language, text: str, codes: list[str]) -> None:
    assert [e.code for e in events_of(nlp, text)] == codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Brenmark signaled its readiness to resume talks with Talsovia.", "AGREE"),
        ("Talsovia said no to Brenmark's demands.", "REJECT"),
        ("Students occupied the university to protest tuition fees.", "PROTEST"),
        ("Dockers refused to unload Talsovian ships in protest.", "PROTEST"),
    ],
)
def test_readiness_signaled_refusals_and_occupations_in_protest(
    nlp: Language, text: str, code: str
) -> None:
    assert events_of(nlp, text)[0].code == code


@pytest.mark.parametrize(
    "text",
    [
        "She said no to a second helping of dessert.",
        "The company signaled a change in strategy.",
        "The children pelted each other with snowballs.",
    ],
)
def test_no_refusal_or_protest_in_private_life(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code", "actor"),
    [
        ("Talsovian artillery hammered rebel positions overnight.", "ASSAULT",
         "Talsovian artillery"),
        ("Brenmark jets violated Talsovian airspace and struck a radar station.", "ASSAULT",
         "Brenmark jets"),
        ("Fighting erupted between Talsovian and Brenmark troops along the border.", "ASSAULT",
         "Talsovian and Brenmark troops"),
        ("The junta dissolved parliament and suspended the constitution.", "COERCE",
         "The junta"),
        ("The regime put the opposition leader on trial.", "ACCUSE", "The regime"),
        ("Talsovia reduced its embassy staff in Brenmark.", "SANCTION", "Talsovia"),
        ("Brenmark imposed visa restrictions on Talsovian officials.", "SANCTION", "Brenmark"),
        ("Brenmark forces raided a rebel camp across the border.", "ASSAULT", "Brenmark forces"),
        ("A roadside bomb ripped through a Brenmark army truck.", "ASSAULT", "A roadside bomb"),
        ("The government blocked access to foreign news websites.", "COERCE", "The government"),
    ],
)  # fmt: skip
def test_force_by_weapons_bodies_dissolved_and_trials(
    nlp: Language, text: str, code: str, actor: str
) -> None:
    event = events_of(nlp, text)[0]
    assert (event.code, text_of(event.actor)) == (code, actor)


@pytest.mark.parametrize(
    "text",
    [
        "A fire tore through the old warehouse.",
        "The storm battered the coast for two days.",
        "The company hammered out a new pricing plan.",
        "Lightning struck a church tower.",
        "The company dissolved its board.",
    ],
)
def test_no_attack_by_weather_or_business(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The two presidents exchanged views on the crisis.", "CONSULT"),
        ("Talsovia deported the fugitive to Brenmark at its request.", "COOPERATE"),
        ("Talsovia deported two foreign reporters.", "COERCE"),
    ],
)
def test_views_exchanged_and_fugitives_deported(nlp: Language, text: str, code: str) -> None:
    assert events_of(nlp, text)[0].code == code


def test_a_refusal_joined_to_another_clause_shares_no_object(nlp: Language) -> None:
    # "appointed" is a clause of its own: its object is no target of the refusal
    text = "The Talsovian leader declined to attend and appointed his aide, Ivo Marek."
    refusal = next(e for e in events_of(nlp, text) if e.code == "REJECT")
    assert text_of(refusal.target) is None
