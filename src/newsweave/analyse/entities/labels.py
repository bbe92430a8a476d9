"""One label per name: organisations the model took for people, and names it tags two ways.

"Kell Industries" or "Eastquay Medical Center" tagged as a person ends with a word only an
organisation or a facility ends with. "Varga" tagged as a person once and as a place four times
in one article is one person; "Zaporizhzhia" alone tagged as a person, a large place in the
gazetteer and no word of any person named in the article, is a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsweave.analyse.entities.clean import Draft
from newsweave.analyse.entities.genders import given_names, is_common_given_name
from newsweave.lexicon.countries import COUNTRY_ALIASES, is_demonym, names_people_of
from newsweave.lexicon.names import norm
from newsweave.places import demonym_place, known_place, lookup, region_abbreviation

#: Last words of a business's name ("Kestrel Systems", "Brellis Foods"): an article that names
#: one such organisation means it by "the company".
BUSINESS_ENDINGS = frozenset(
    """company co corp corporation inc ltd llc plc group holdings airlines airways motors
    industries chemicals pharmaceuticals foods systems technologies partners""".split()  # noqa: SIM905
)

#: Last words of organisation and facility names ("Kell Industries", "Eastquay Medical Center").
#: Words that are also common surnames (Hill, Hall, Park, Church, Temple, Steel, Court, ...)
#: are left out: "Nadia Hill" and "Piet Temple" are people.
ORG_HEADS = BUSINESS_ENDINGS | frozenset(
    """
    center centre clinic hospital university college school academy institute foundation fund
    trust association society bank oil gas energy capital media network agency department
    ministry bureau council committee commission party cathedral mosque museum gallery library
    stadium arena airport station prison jail hotel restaurant club plaza mall administration
    memorial prize award awards festival recovery treatment rehab office times journal herald
    tribune news gazette review press magazine radio tv television
    """.split()  # noqa: SIM905
)

#: Labels the model gives a person by mistake, and a person's name by mistake.
_NOT_PERSON = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
#: Words that say the name next to them is a place: "the province of X", "X's port district".
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:city|town|village|province|region|district|county|port|island|capital)(?:s|es)?"
    r"|cities|mayor|governor|residents|outskirts|people|citizens) of\s+"
    r"(?:[A-Z][\w-]*(?:,\s+|\s+and\s+))*$"  # "the provinces of Darva and Mellek"
    r"|\b(?:plant|plants|factory|factories|mill|mine|warehouse|headquarters|offices) in\s+$"
)
_PLACE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:district|province|region|county|suburb|neighbou?rhood)\b"
    r"|\s+(?:pass|glacier|valley|river|lake|mountains|peninsula|gorge|plateau|coast|delta"
    r"|strait|canyon|basin)\b"
    r"|(?:'s|’s)\s+(?:mayor|governor|residents|outskirts|capital|presidential\s+election)\b"
    r"|\s+border\s+(?:crossing|town|post)\b"
    r"|\s+(?:town|city)\s+(?:hall|council|centre|center)\b"
    r"|,\s+(?:about\s+|some\s+)?\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:north|south|east|west)"
)
#: A name described as an organisation right after it: "Corran Hydro, the company that runs
#: the dam", "Tellis, a logistics firm based in ...". The noun must end the description ("the
#: party leader" describes a person); nouns also used for people ("operator", "producer",
#: "publisher") are no ``ORGANISATION_NOUNS``.
ORGANISATION_NOUNS = frozenset(
    """company firm agency utility group charity organisation organization manufacturer insurer
    lender retailer union party ministry authority regulator watchdog consortium conglomerate
    subsidiary startup bank""".split()  # noqa: SIM905
)
_ORG_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(ORGANISATION_NOUNS)) + ")"
    r"(?=\s*[,.;:)]|\s+(?:that|which|whose|based|in|of|from|with|owned|run|and|for)\b)"
)
#: An organisation noun right before a name: "the construction firm Portal Build".
_ORG_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ORGANISATION_NOUNS)) + r")\s+$")
#: What the model takes a company's name for.
_MISREAD_ORGANISATION = frozenset({"PERSON", "LOC", "FAC"})
#: The labels of places.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A preposition of place right before a name: "in Dewsbury", "flights to Harare".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|from|to|near|outside|around|across|into|between)\s+$")
#: A capitalised name of up to three words after a preposition of place, not run into more.
_UNTAGGED_PLACE = re.compile(
    r"\b(?:in|from|to|near|outside|around|across|into|between)\s+"
    r"([A-Z][a-z]+(?:[-\s][A-Z][a-z]+){0,2})\b(?![-\s]?[A-Z]|['’]s\s+[A-Z])"
)
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
#: What joins the names of a list: "Lindau, Wexby and Orne".
_LIST_JOIN = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
#: A dateline: the place in capitals opening a line, before a dash ("MARROWGATE, April 22 —").
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*)(?:,[^\n—–]{0,40})?\s+[—–-]\s")
#: A dateline's places in capitals, opening the text, a line or the sentence after a byline
#: ("Ostmark Wire. KESSLOW (TPA) -"), before a bracket, a comma, a colon or a dash, or at the start
#: before the lead ("OSTBY Officials said"); several joined by "&" or "/" ("OSTBY & VARN,").
_PLACE_CAPS = r"[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.])*"
_DATELINE_PLACES = re.compile(
    rf"(?:^|(?<=\n)|(?<=\. )|(?<=\.  ))({_PLACE_CAPS}(?:\s*[&/]\s*{_PLACE_CAPS})*)"
    r"(?=([,:]|\s+\(|\s*[—–]|\s+-|--)|\s+[A-Z][a-z])"
)
_DATELINE_PLACE = re.compile(_PLACE_CAPS)
_NAME_AFTER_DATELINE = re.compile(r"\s+(?=[A-Z][a-z])")
#: The fewest letters of a country's name that makes a name tagged as an organisation a place
#: (and of a name a preposition of place makes one: ``_gone_to``).
_COUNTRY_NAME_LETTERS = 4
#: A place this large tagged as a person is a place, unless the article names such a person.
_PLACE_POPULATION = 500_000


def relabel_organisations(text: str, drafts: list[Draft]) -> None:
    """A name of two or more words ending with an organisation word that the model took for
    a person, a law or a work ("The National Anti-Corruption Bureau" as a LAW) is an ORG, and
    so is a "person" named for a place (``_named_for_place``: "Norvik Mariners")."""
    for d in drafts:
        if d.label not in ("PERSON", "LAW", "WORK_OF_ART", "PRODUCT") or d.role:
            continue
        words = text[d.start : d.end].split()
        headed = len(words) > 1 and norm(words[-1]) in ORG_HEADS and words[-1][:1].isupper()
        if headed or (d.label == "PERSON" and _named_for_place(words)):
            d.label = "ORG"


def _named_for_place(words: list[str]) -> bool:
    """Whether a name the model took for a person opens with a well-known place's own name and
    goes on ("Norvik Mariners", "Ontario Provincial Patrol", "Leeds Herald"): a team, a force or a
    paper named for its town, unless people commonly bear the first word as a given name
    ("Jordan Vell", "Paris Lenk")."""
    if len(words) < 2 or is_common_given_name(words[0]):
        return False
    leading = (norm(" ".join(words[:n])) for n in (2, 1) if n < len(words))
    return any(_place_named(key, known_place) for key in leading)


#: Words that end an outlet's name after the name proper ("Northline News", "the Ostmark
#: Wire"): the name proper alone is the outlet too ("(Northline) -" in a dateline).
_MEDIA_WORDS = frozenset(
    """news wire times post herald tribune gazette journal press daily weekly agency radio tv
    television online today express mail telegraph chronicle courier observer""".split()  # noqa: SIM905
)


def add_places_after_prepositions(text: str, drafts: list[Draft]) -> list[Draft]:
    """A well-known place the model left untagged after a preposition of place ("born in
    Leeds", "flights to Harare"): a run of up to three capitalised words the gazetteer knows
    as a country, a state or a town of 15,000 or more, that is no month or weekday ("in
    March") and no word of a person the article names."""
    person_words = {
        w for d in drafts if d.label == "PERSON" for w in norm(text[d.start : d.end]).split()
    }
    added = []
    for match in _UNTAGGED_PLACE.finditer(text):
        start, end = match.span(1)
        key = norm(match[1])
        if key in _CALENDAR_WORDS or set(key.split()) & person_words:
            continue
        if any(d.start < end and start < d.end for d in drafts):
            continue
        if known_place(key) is not None:
            added.append(Draft(start, end, "GPE"))
    return sorted([*drafts, *added], key=lambda d: d.start)


def split_places_and_containers(text: str, drafts: list[Draft]) -> list[Draft]:
    """A place tagged together with the state, county or country written after it and a comma
    ("Zxq Park, Hampshire", "Boise, Idaho") is two places, as the reader counts them; the
    second keeps its abbreviation's dot."""
    split = []
    for d in drafts:
        at = text.rfind(", ", d.start, d.end)
        if d.label not in _PLACE_LABELS or at < 0:
            split.append(d)
            continue
        written = text[at + 2 : d.end]
        dotted = written + "." if text[d.end : d.end + 1] == "." else written
        if region_abbreviation(dotted) is None and not _is_container(written):
            split.append(d)
            continue
        split += [Draft(d.start, at, d.label), Draft(at + 2, d.end, "GPE")]
    return split


def _is_container(name: str) -> bool:
    """Whether ``name`` is read as a state, county or country on its own."""
    place = lookup(name)
    return place is not None and place["feature"] in ("region", "district", "country")


#: A state's or province's dotted abbreviation after a town and a comma: "Zxq Falls, La.",
#: "ZXQ CITY, N.C. (TPA)", "Zxq Mills, Calif."
_ABBREVIATED_CONTAINER = re.compile(r"(?<=[A-Za-z], )((?:[A-Z][a-z]{0,4}\.){1,2})")


def add_abbreviated_containers(text: str, drafts: list[Draft]) -> list[Draft]:
    """The state or province abbreviated after a town ("Zxq Falls, La."), which the model often
    leaves untagged: a place of its own, as the reader counts it."""
    added = []
    for match in _ABBREVIATED_CONTAINER.finditer(text):
        start, end = match.span(1)
        if any(d.start < end and start < d.end for d in drafts):
            continue
        if region_abbreviation(match[1]) is not None:
            added.append(Draft(start, end, "GPE"))
    return sorted([*drafts, *added], key=lambda d: d.start)


#: A capitalised word used as an adjective, before a lower-case word ("Danish ferry
#: operator", "the Danish-German border").
_ADJECTIVE = re.compile(r"\b([A-Z][a-z]+)\s+(?=[a-z])")
#: What says a people's name is their language: "in Danish", "speaks Danish fluently".
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|speaks?|spoke|speaking|learn(?:s|ed|ing)?)\s+$")


def add_untagged_demonyms(text: str, drafts: list[Draft]) -> list[Draft]:
    """A people's name the model left untagged where it qualifies a noun ("Danish ferry
    operator"): a group, which carries its country; not a language ("in Danish")."""
    added = []
    for match in _ADJECTIVE.finditer(text):
        if demonym_place(match[1]) is None:  # first: most capitalised words are no people's
            continue
        start, end = match.span(1)
        if any(d.start < end and start < d.end for d in drafts):
            continue
        if not _LANGUAGE_BEFORE.search(text, max(0, start - 20), start):
            added.append(Draft(start, end, "NORP"))
    return sorted([*drafts, *added], key=lambda d: d.start)


def add_datelines(text: str, drafts: list[Draft]) -> list[Draft]:
    """The places of a dateline ("OSTBY (TPA) - Officials said"), as places, when the gazetteer
    knows them as a country, a state or a town of 15,000 or more.

    The model often leaves them untagged, or runs them into what follows ("OSTBY Harlen
    Foods", "OSTBY (TPA) Officials"): such a draft keeps the capitalised name after the
    dateline, and is dropped when nothing but brackets follow it.
    """
    added, dropped = [], set()
    for match in _DATELINE_PLACES.finditer(text):
        if match[2] is None and match.start() > 0:
            continue  # a line in capitals run into the next is a dateline only at the top
        for place in _DATELINE_PLACE.finditer(text, match.start(1), match.end(1)):
            start, end = place.start(), place.end() - place[0].endswith(".")
            if known_place(text[start:end]) is None:
                continue
            added.append(Draft(start, end, "GPE"))
            for k, d in enumerate(drafts):
                if d.start < end and start < d.end:
                    rest = _NAME_AFTER_DATELINE.match(text, end, d.end)
                    if d.start == start and d.end > end and rest:
                        d.start = rest.end()  # "OSTBY Harlen Foods": Harlen Foods
                    else:
                        dropped.add(k)
    kept = [d for k, d in enumerate(drafts) if k not in dropped]
    return sorted([*kept, *added], key=lambda d: d.start)


def relabel_outlet(text: str, drafts: list[Draft], outlet: str | None) -> None:
    """The article's own outlet named in its text ("he told the Ostmark Wire") is an
    organisation, and so is its name without the media word in a dateline's brackets
    ("RUSKOVO, Oct 20 (Northline) -"): an outlet's name is often a made-up place's name and a
    media word, which the model reads as a place. Elsewhere the name alone may be that place
    ("the Osterlund Herald" reports from "the province of Osterlund"). So is its media word
    after "the" ("she told the Herald", in The Northern Herald), which the model may read as a
    person."""
    if not outlet:
        return
    words = norm(outlet).split()
    # Where the media words begin: "northern | herald", "ostmark | wire".
    splits = [k for k in range(1, len(words)) if all(w in _MEDIA_WORDS for w in words[k:])]
    shortened = {" ".join(words[:k]) for k in splits}
    media = {" ".join(words[k:]) for k in splits}
    for d in drafts:
        name = norm(text[d.start : d.end])
        bracketed = text[d.start - 1 : d.start] == "(" and text[d.end : d.end + 1] == ")"
        called = name in media and text[max(0, d.start - 4) : d.start].lower() == "the "
        if name == " ".join(words) or (bracketed and name in shortened) or called:
            d.label = "ORG"


def unify_labels(text: str, drafts: list[Draft]) -> None:
    """Give every draft of one name the same label where the model disagrees with itself.

    A one-word name whose people the article names ("Velmora" beside "Velmoran") is a place, and
    so is a name tagged only as an organisation that is a country's ("the DPRK said"). A
    name tagged as a person at least once (and at least as often as an organisation or a
    group) is a person, unless the gazetteer knows it as a place (Jordan, Washington): then
    the model's labels stand. A one-word "person" that is a large place and no word of any
    person name in the article becomes a place.
    """
    groups: dict[str, list[Draft]] = {}
    person_words: set[str] = set()
    for d in drafts:
        key = norm(text[d.start : d.end])
        groups.setdefault(key, []).append(d)
        if d.label == "PERSON" and " " in key:
            person_words.update(key.split())
    # Any one-word name may be a people's name: the model tags "Velmoran" NORP, ORG or PERSON.
    demonyms = {key for key in groups if " " not in key}
    for key, group in groups.items():
        labels = [d.label for d in group]
        if not key:
            continue
        if " " not in key and key not in person_words and _has_demonym(key, demonyms):
            for d in group:  # "Velmora" beside "Velmoran": a country, whatever the model said
                d.label = "GPE"
            continue
        if set(labels) == {"ORG"} and _names_country(key):
            for d in group:  # "the DPRK said": a country acting, not an organisation
                d.label = "GPE"
            continue
        if "PERSON" not in labels:
            continue
        if " " not in key and key not in person_words and demonym_place(key) is not None:
            for d in group:  # "the prominent Slovak architect": a people's name, not a person
                if d.label == "PERSON" and not d.role:
                    d.label = "NORP"
            continue
        place = known_place(key)
        if len(set(labels)) == 1:
            if _looks_like_place(key, group, place, person_words):
                for d in group:
                    d.label = "GPE"
            continue
        if " " not in key and key not in person_words and any(_in(text, d) for d in group):
            for d in group:  # the model unsure between a person and more, "officials in X"
                d.label = "GPE"
            continue
        if place is not None:
            continue
        if "NORP" in labels and is_demonym(text[group[0].start : group[0].end]):
            continue  # "American" tagged as a person once is still "American"
        if labels.count("PERSON") >= labels.count("ORG") + labels.count("NORP"):
            for d in group:
                if d.label in _NOT_PERSON:
                    d.label = "PERSON"
    _places_by_context(text, groups, person_words)
    _organisations_by_context(text, groups)
    _organisations_short_names(groups, person_words)
    _surnames_alone(groups)
    _peoples_names(groups)
    _people_by_surname(text, groups, known_place)


def _places_by_context(text: str, groups: dict[str, list[Draft]], person_words: set[str]) -> None:
    """A name the article writes as a place is a place wherever the model tagged it otherwise:
    "the province of Osterlund", "the Eastquay industrial district", a dateline "MARROWGATE —".
    """
    datelines = {norm(m[1]) for m in _DATELINE.finditer(text)}
    places = [d for group in groups.values() for d in group if d.label == "GPE"]
    for key, group in groups.items():
        if key in person_words or all(d.label in ("GPE", "LOC", "FAC") for d in group):
            continue
        if (
            key in datelines
            or any(_place_cue(text, d) for d in group)
            or _gone_to(text, key, group, places)
        ):
            for d in group:
                if d.label in ("ORG", "NORP", "PERSON"):
                    d.label = "GPE"


def _organisations_by_context(text: str, groups: dict[str, list[Draft]]) -> None:
    """A name the article describes as an organisation ("X, the company that runs the dam",
    "the construction firm X") is one wherever the model took it for a person or a place: a
    company's name is often two words that look like a given name and a surname, or like a
    place's."""
    for group in groups.values():
        if any(d.label in _MISREAD_ORGANISATION for d in group) and any(
            _ORG_AFTER.match(text, d.end) or _ORG_BEFORE.search(text, max(0, d.start - 40), d.start)
            for d in group
        ):
            for d in group:
                if d.label in _MISREAD_ORGANISATION and not d.role:
                    d.label = "ORG"


def _organisations_short_names(groups: dict[str, list[Draft]], person_words: set[str]) -> None:
    """ "Kestrel said in a statement" beside "Kestrel Systems": the first word of an
    organisation's name, written alone, is its short name, not a person, unless it is also a
    word of a person's name in the article ("Tarrow" beside "Ada Tarrow") or a name people
    bear (a given name: "Maren" beside "Maren Foods" may be a person)."""
    firsts = {
        key.split()[0]
        for key, group in groups.items()
        if " " in key and any(d.label == "ORG" for d in group)
    }
    for key, group in groups.items():
        if " " in key or key not in firsts or key in person_words or key in given_names():
            continue
        for d in group:
            if d.label == "PERSON" and not d.role:
                d.label = "ORG"


def _surnames_alone(groups: dict[str, list[Draft]]) -> None:
    """ "Al-Rashidi, 61, denied the charges" beside "Mohammed Al-Rashidi": the last word of a
    person's full name in the article, written alone and never tagged a person, is that
    person, unless it also opens an organisation's name ("Velk" beside "Velk Motors") or the
    gazetteer knows it as a place."""
    surnames = {  # "rashidi" and "al rashidi" (a hyphen folds to a space) of the full name
        " ".join(words[k:])
        for key, group in groups.items()
        if all(d.label == "PERSON" for d in group)
        for words in [key.split()]
        for k in range(1, len(words))
    }
    org_words = {
        word
        for key, group in groups.items()
        if " " in key and key not in surnames and any(d.label == "ORG" for d in group)
        for word in key.split()
    }
    for key, group in groups.items():
        if key not in surnames or org_words & set(key.split()) or known_place(key) is not None:
            continue
        if all(d.label in ("ORG", "NORP", "PRODUCT", "WORK_OF_ART") for d in group):
            for d in group:
                d.label = "PERSON"


_IN = re.compile(r"\b(?:in|near)\s+$")


def _in(text: str, d: Draft) -> bool:
    """Whether a name follows "in" or "near" and is no possessive ("in Vellmar", not "in
    Ruiz's view")."""
    return bool(_IN.search(text, max(0, d.start - 6), d.start)) and not text.startswith(
        ("'s", "’s"), d.end
    )


def _gone_to(text: str, key: str, group: list[Draft], places: list[Draft]) -> bool:
    """Whether a name the gazetteer knows well is written after a preposition of place ("in
    Dewsbury", "flights to Harare") or in a list beside a place ("Lindau, Leeds and Orne"): a
    town, not the organisation or person the model saw.
    Not an acronym ("from BP"), nor a name written with "the" that is only a town's other name
    ("to the White House")."""
    if len(key.replace(" ", "")) < _COUNTRY_NAME_LETTERS:  # "from BP": an acronym
        return False
    cued = any(_LOCATIVE_BEFORE.search(text, max(0, d.start - 12), d.start) for d in group)
    if not cued and not any(_listed_with(text, d, places) for d in group):
        return False
    place = known_place(key)
    if place is None:
        return False
    # "to the White House": a town's name takes no article, a country's or a region's may.
    article = any(text[d.start : d.start + 4].lower() == "the " for d in group)
    return not article or place["feature"] in ("country", "region")


def _listed_with(text: str, d: Draft, places: list[Draft]) -> bool:
    """Whether ``d`` stands in a list beside a place ("stores in Lindau, Wexby and Orne")."""
    return any(
        _LIST_JOIN.fullmatch(text, p.end, d.start) or _LIST_JOIN.fullmatch(text, d.end, p.start)
        for p in places
        if p.end <= d.start or d.end <= p.start
    )


def _place_cue(text: str, d: Draft) -> bool:
    before = _PLACE_BEFORE.search(text, max(0, d.start - 30), d.start)
    return before is not None or _PLACE_AFTER.match(text, d.end) is not None


def _peoples_names(groups: dict[str, list[Draft]]) -> None:
    """ "Velmoran" beside the place "Velmora" is its people's name, whatever the model said."""
    places = {
        key
        for key, group in groups.items()
        if " " not in key and any(d.label in ("GPE", "LOC") for d in group)
    }
    for key, group in groups.items():
        if " " in key or key in places or not any(names_people_of(key, p) for p in places):
            continue
        for d in group:
            if d.label in ("ORG", "GPE", "LOC", "PERSON"):
                d.label = "NORP"


def _people_by_surname(
    text: str,
    groups: dict[str, list[Draft]],
    lookup: Callable[[str], dict[str, object] | None],
) -> None:
    """ "Nadia Osei" tagged ORG (or "Ines Kawecka" a place) beside "Osei" tagged as a person.

    Two capitalised words ending with a surname the article uses alone for a person, at least
    twice or also after another given name, are that person's name, unless the first word is
    also written in lower case ("Harvest Moon", "People"), is a place ("Marrowgate Mariners") or
    a people's name, or the gazetteer knows the whole.
    """
    alone: dict[str, int] = {}
    last: set[str] = set()
    for key, group in groups.items():
        people = sum(d.label == "PERSON" for d in group)
        if " " not in key:
            alone[key] = people
        elif people:
            last.add(key.split()[-1])
    lower_words = set(_LOWER_WORD.findall(text))
    for key, group in groups.items():
        words = key.split()
        if len(words) != 2 or group[0].label == "PERSON" or words[0] in lower_words:
            continue
        if alone.get(words[1], 0) < (1 if words[1] in last else 2):
            continue
        if is_demonym(words[0].title()) or _place_named(words[0], lookup) or lookup(key):
            continue
        for d in group:
            if d.label in _NOT_PERSON:
                d.label = "PERSON"


def _place_named(word: str, lookup: Callable[[str], dict[str, object] | None]) -> bool:
    """Whether ``word`` is a place's own name ("Jacksonville"), not one of its other names."""
    place = lookup(word)
    return place is not None and norm(str(place.get("name", ""))) == word


def _names_country(key: str) -> bool:
    """Whether ``key`` is one of a country's names ("dprk", "north korea"), of four letters or
    more or a short form news uses ("UAE"): a three-letter code is more often an acronym
    ("VAT", "IOT")."""
    if len(key.replace(" ", "")) < _COUNTRY_NAME_LETTERS and key not in COUNTRY_ALIASES:
        return False
    place = known_place(key)
    return place is not None and place["feature"] == "country"


def _has_demonym(key: str, demonyms: set[str]) -> bool:
    """Whether the article names the people of ``key`` ("Velmoran", "Korvathi", "Aldenian")."""
    return any(names_people_of(n, key) for n in demonyms)


def _looks_like_place(
    key: str, group: list[Draft], place: dict[str, object] | None, person_words: set[str]
) -> bool:
    if place is None or " " in key or key in person_words or any(d.role for d in group):
        return False
    population = place.get("population")
    large = isinstance(population, int) and population >= _PLACE_POPULATION
    return large or place.get("feature") in {"country", "region"}
