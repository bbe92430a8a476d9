"""The dossier's parts: names, wordings, sources, claim units, and conflicts on the examples."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsweave.fuse import build_dossier
from newsweave.fuse.conflicts import find_conflict
from newsweave.fuse.events import story_events
from newsweave.fuse.facts import (
    COUNT_BONUS,
    DAY_BONUS,
    THRESHOLD,
    Closeness,
    _own_days,
    link_units,
)
from newsweave.fuse.groups import cohesive_groups, from_matrix
from newsweave.fuse.names import country_key, same_person
from newsweave.fuse.sources import sources_of
from newsweave.fuse.speakers import speaker_keys
from newsweave.fuse.statements import _framing
from newsweave.fuse.timeline import calendar_span, sort_key, timeline
from newsweave.fuse.units import Unit, claim_units, content_words
from newsweave.fuse.wording import differences, sentences_of, word_containment
from newsweave.ingest import read
from newsweave.pipeline import analyse
from newsweave.records import (
    Amount,
    Article,
    ArticleAnalysis,
    Clause,
    Dossier,
    EntityMention,
    Event,
    Evidence,
    Fact,
    Quote,
    Sentence,
    Span,
    Speaker,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Zelenskyy", "Volodymyr Zelensky", True),
        ("Dmitriy Arslanov", "Dmitry Arslanov", True),
        ("Donald Trump", "Donald Tusk", False),
        ("Marta Szabo", "Marta Linde", False),
        ("Aleksei Moravin", "Alexei Moravin", True),
    ],
)
def test_same_person(a: str, b: str, expected: bool) -> None:
    assert same_person(a, b) is expected


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("French", "NORP", "france"),
        ("France", "GPE", "france"),
        ("the U.K.", "GPE", "united kingdom"),
        ("British", "NORP", "united kingdom"),
        ("Russians", "NORP", "russia"),
        ("Türkiye", "GPE", "turkey"),
        ("Europeans", "NORP", "europe"),
        ("Jordan", "PERSON", None),
        ("Kremlin", "ORG", None),
    ],
)
def test_country_key(name: str, label: str, expected: str | None) -> None:
    """A country, its short forms and its people share one key; a person's name is no country."""
    assert country_key(name, label=label) == expected


@pytest.mark.parametrize(
    ("base", "other", "ops"),
    [
        ("We will open the gate today", "We will open the gate today.", []),
        ("We will open the gate today", "We open the gate today", [("delete", "will", "")]),
        (
            "a strong stance",
            "strong positions",
            [("delete", "a", ""), ("replace", "stance", "positions")],
        ),
    ],
)
def test_differences(base: str, other: str, ops: list[tuple[str, str, str]]) -> None:
    assert [(d.op, d.base, d.other) for d in differences(base, other, variant=1)] == ops


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ("buy time by waiting", "They only want to buy time by waiting.", 1.0),
        ("sell the house", "They only want to buy time.", 0.0),
    ],
)
def test_word_containment(part: str, whole: str, expected: float) -> None:
    assert word_containment(part, whole) == expected


def test_sentences_of() -> None:
    assert sentences_of("We came. We saw it all! “Then we left.”") == [
        "We came.",
        "We saw it all!",
        "“Then we left.”",
    ]


@pytest.mark.parametrize(
    ("value", "before"),
    [
        ("2025-05-15", "2025-05-16"),
        ("2025-W19", "2025-05-16"),
        ("2022", "2022-03"),
        ("2025-05", "2025-05-02"),
    ],
)
def test_sort_key(value: str, before: str) -> None:
    assert sort_key(value) < sort_key(before)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2026-03-12", "2026-03-12", "2026-03-12"),
        ("2026-03-12TEV", "2026-03-12", "2026-03-12"),
        ("2026-W11", "2026-03-09", "2026-03-15"),
        ("2026-12", "2026-12-01", "2026-12-31"),
        ("2024-Q4", "2024-10-01", "2024-12-31"),
        ("2024-H1", "2024-01-01", "2024-06-30"),
        ("2024-SU", "2024-06-01", "2024-08-31"),
        ("2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_calendar_span(value: str, first: str, last: str) -> None:
    assert calendar_span(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert calendar_span("PRESENT_REF") is None


def _article(art_id: str, outlet: str | None) -> ArticleAnalysis:
    return ArticleAnalysis(article=Article(id=art_id, key=art_id, text="x", outlet=outlet))


def test_independent_sources() -> None:
    analyses = [
        _article("a", "Ledger"),
        _article("b", "The  ledger"),
        _article("c", None),
        _article("d", None),
        _article("e", "Post"),
    ]
    sources = sources_of(analyses, {"d": "c"})
    assert sources.count(["a", "b"]) == 1  # one outlet
    assert sources.count(["c", "d"]) == 1  # a copy counts with its original
    assert sources.count(["a", "c", "e"]) == 3
    assert sources.outlet("c") == "c"  # unknown outlet: named by the article id


@pytest.fixture(scope="module")
def example_dossiers() -> dict[str, Dossier]:
    analyses = [a for a in analyse(read([str(EXAMPLES)])) if isinstance(a, ArticleAnalysis)]
    fire = ("tpa-2026-04", "calder", "marrowgate", "osterlund", "wire")
    stories = {
        "fire": [a for a in analyses if a.article.id.startswith(fire)],
        "summit": [a for a in analyses if not a.article.id.startswith(fire)],
    }
    return {name: build_dossier(name, group) for name, group in stories.items()}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("story", "values", "lone"),
    [
        ("summit", {"1,200 prisoners", "1,500 prisoners"}, "The Daily Meridian"),
        ("fire", {"14 workers killed", "17 workers killed"}, "The Osterlund Herald"),
    ],
)
def test_planted_numbers_conflict(example_dossiers, story, values, lone) -> None:
    conflicts = [f for f in example_dossiers[story].facts if f.status == "conflicting"]
    assert len(conflicts) == 1
    (fact,) = conflicts
    assert fact.conflict == "number"
    assert {s.value for s in fact.sides} == values
    assert any(s.outlets == (lone,) for s in fact.sides)
    assert all(s.evidence for s in fact.sides)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "others"),
    [
        (
            "on the scene within seven minutes",
            ["how quickly the building was lost", "almost no time", "searching the ruins"],
        ),
        ("The blaze started late on Monday night", ["began three days of mourning"]),
        ("overnight killed 14 workers", ["began three days of mourning", "funerals"]),
        ("sons, daughters, neighbours", ["the city was still in shock", "attended the service"]),
        ("too little, far too late", ["a down payment on silence"]),
        ("visited the site early", ["spoke to reporters at a cordon", "attended the service"]),
        ("employs about 460 people", ["fined Halvorsen Polymers", "has suspended production"]),
    ],
)
def test_different_claims_of_one_person_or_place_are_not_one_fact(
    example_dossiers, claim: str, others: list[str]
) -> None:
    """The false corroborations an earlier aligner made on the examples: each pair shares a
    speaker, a place or a day, but states something else."""
    holding = [
        f for f in example_dossiers["fire"].facts if any(claim in e.text for e in f.evidence)
    ]
    assert holding  # the claim is in the dossier
    for fact in holding:
        texts = [e.text for e in fact.evidence]
        assert not [o for o in others if any(o in t for t in texts)], fact.id


@pytest.mark.slow
def test_a_sentence_that_introduces_a_quotation_is_no_fact(example_dossiers) -> None:
    evidence = [e.text for f in example_dossiers["fire"].facts for e in f.evidence]
    assert not [t for t in evidence if t.startswith("Reading a short statement")]


@pytest.mark.slow
def test_examples_statements_align_rewordings(example_dossiers) -> None:
    widest: dict[str | None, int] = {}
    for d in example_dossiers.values():
        for st in d.statements:
            outlets = len({v.outlet or v.article for v in st.variants})
            widest[st.speaker_name] = max(widest.get(st.speaker_name, 0), outlets)
    assert widest["Tomas Reiden"] >= 4
    assert widest["Ines Kawecka"] >= 3
    names = {st.speaker_name for d in example_dossiers.values() for st in d.statements}
    assert not {"Marta Szabo", "Marta Linde"} - names  # two Martas, kept apart


def _reporting(
    article_id: str, outlet: str, text: str, events: list[tuple[str, str, str, str | None]]
) -> ArticleAnalysis:
    """An article whose events are (code, actor name, verb, date); names link by entity id."""
    ids = {"Ana Ruiz": "per-ruiz", "the minister": "per-ruiz", "Tomas Berg": "per-berg"}
    entities, found = [], []
    for code, actor, verb, date in events:
        start = text.index(actor)
        entities.append(
            EntityMention(start, start + len(actor), actor, "PERSON", entity=ids[actor])
        )
        end = text.index(verb, start) + len(verb)
        found.append(
            Event(
                start,
                end,
                text[start:end],
                action=verb,
                code=code,
                actor=Span(start, start + len(actor), actor),
                time=date,
            )
        )
    article = Article(id=article_id, key=article_id, text=text, outlet=outlet)
    return ArticleAnalysis(article, entities=tuple(entities), events=tuple(found))


def test_story_events_count_one_real_event_once() -> None:
    first = _reporting(
        "a",
        "River News",
        "Ana Ruiz resigned on Monday. Tomas Berg resigned a week later.",
        [("CONCEDE", "Ana Ruiz", "resigned", "2026-03-09"),
         ("CONCEDE", "Tomas Berg", "resigned", "2026-03-16")],
    )  # fmt: skip
    second = _reporting(
        "b",
        "Hill Courier",
        "the minister resigned.",
        [("CONCEDE", "the minister", "resigned", None)],
    )
    copy = _reporting(
        "c", "Copy Wire", "Ana Ruiz resigned.", [("CONCEDE", "Ana Ruiz", "resigned", "2026-03-09")]
    )
    events = story_events([first, second, copy], sources_of([first, second, copy], {"c": "a"}))
    ruiz, berg = events
    assert (ruiz.id, ruiz.actor, ruiz.date, ruiz.articles, ruiz.sources) == (
        "ev1",
        "per-ruiz",
        "2026-03-09",
        3,
        2,  # the copy is not an independent source
    )
    assert [m.article for m in ruiz.mentions] == ["a", "b", "c"]
    assert (berg.actor, berg.date, len(berg.mentions)) == ("per-berg", "2026-03-16", 1)


def test_story_events_on_different_days_stay_apart() -> None:
    first = _reporting(
        "a", "River News", "Ana Ruiz resigned.", [("CONCEDE", "Ana Ruiz", "resigned", "2026-03-09")]
    )
    second = _reporting(
        "b",
        "Hill Courier",
        "Ana Ruiz resigned.",
        [("CONCEDE", "Ana Ruiz", "resigned", "2027-01-04")],
    )
    events = story_events([first, second], sources_of([first, second], {}))
    assert sorted(e.date or "" for e in events) == ["2026-03-09", "2027-01-04"]


def test_a_possible_event_is_not_the_event_done() -> None:
    done = _reporting(
        "a", "River News", "Ana Ruiz resigned.", [("CONCEDE", "Ana Ruiz", "resigned", None)]
    )
    maybe = _reporting(
        "b", "Hill Courier", "Ana Ruiz may resign.", [("CONCEDE", "Ana Ruiz", "resign", None)]
    )
    maybe = replace(maybe, events=(replace(maybe.events[0], modality="may"),))
    events = story_events([done, maybe], sources_of([done, maybe], {}))
    assert sorted((e.modality or "", e.sources) for e in events) == [("", 1), ("may", 1)]


def test_linked_sentences_do_not_chain_into_one_fact() -> None:
    """A ~ B and B ~ C, but A and C mean different things: C stays out of A and B's fact."""
    cosine = np.array([[1.0, 0.8, 0.2], [0.8, 1.0, 0.55], [0.2, 0.55, 1.0]])
    links = iter([(1.5, 0, 1), (1.2, 1, 2)])
    assert cohesive_groups(["a", "b", "c"], links, from_matrix(cosine), cohesion=0.5) == [
        [0, 1],
        [2],
    ]


def test_a_claim_in_two_sentences_joins_its_match() -> None:
    cosine = np.array([[1.0, 0.3, 0.7], [0.3, 1.0, 0.6], [0.7, 0.6, 1.0]])
    links = iter([(1.5, 0, 2), (1.1, 1, 2)])  # two sentences of "a" state what "b" does
    assert cohesive_groups(["a", "a", "b"], links, from_matrix(cosine), cohesion=0.5) == [[0, 1, 2]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("story", "said", "others"),
    [
        ("fire", "treated for burns", ["almost no time", "searching the ruins"]),
        ("fire", "within seven minutes", ["almost no time"]),
        ("fire", "darkest night", ["the city was still in shock"]),
        ("fire", "pay for a single funeral", ["memorial ceremony", "one family standing"]),
        ("summit", "37 Korvathi artillery strikes", ["no plans to pull back"]),
        ("summit", "not closing any doors", ["would not discuss a ceasefire line"]),
    ],
)
def test_different_things_one_speaker_said_are_not_one_statement(
    example_dossiers, story: str, said: str, others: list[str]
) -> None:
    """One speaker's quotes share the speaker's subject, so their embeddings are close; the
    same-claim reader keeps what the speaker said about different things apart."""
    holding = [
        st for st in example_dossiers[story].statements if any(said in v.text for v in st.variants)
    ]
    for statement in holding:
        texts = [v.text for v in statement.variants]
        assert not [o for o in others if any(o in t for t in texts)], statement.id


def test_a_costly_check_is_asked_only_about_links_that_would_join() -> None:
    """``accept`` is asked about the links that would join two groups, best first: not about
    a link inside a group already, and a refused link leaves the items apart."""
    cosine = np.array([[1.0, 0.9, 0.8], [0.9, 1.0, 0.6], [0.8, 0.6, 1.0]])
    asked: list[tuple[int, int]] = []

    def accept(score: float, i: int, j: int) -> bool:
        asked.append((i, j))
        return score > 0.7

    links = [(0.9, 0, 1), (0.8, 0, 2), (0.6, 1, 2)]
    groups = cohesive_groups(
        ["a", "b", "c"], iter(links), from_matrix(cosine), cohesion=0.4, accept=accept
    )
    assert groups == [[0, 1, 2]]
    assert asked == [(0, 1), (0, 2)]  # (1, 2) is inside the group by then
    refused = cohesive_groups(
        ["a", "b", "c"], iter(links), from_matrix(cosine), cohesion=0.4, accept=lambda *_: False
    )
    assert refused == [[0], [1], [2]]


def test_passages_keep_a_look_alike_of_the_same_article_out() -> None:
    """Items 0 and 1 are two different things "a" says; item 2 of "b" is like both, more like 0.
    With passages, 2 joins 0 only; pieces of one passage of "a" (3 and 4) join "b" together."""
    cosine = np.array(
        [
            [1.0, 0.5, 0.8, 0.0, 0.0],
            [0.5, 1.0, 0.7, 0.0, 0.0],
            [0.8, 0.7, 1.0, 0.7, 0.6],
            [0.0, 0.0, 0.7, 1.0, 0.5],
            [0.0, 0.0, 0.6, 0.5, 1.0],
        ]
    )
    parts = ["a", "a", "b", "c", "c"]
    links = [(0.8, 0, 2), (0.7, 1, 2)]
    assert cohesive_groups(parts[:3], iter(links), from_matrix(cosine[:3, :3]), cohesion=0.4) == [
        [0, 1, 2]
    ]
    one_each = cohesive_groups(
        parts[:3], iter(links), from_matrix(cosine[:3, :3]), cohesion=0.4, passages=[0, 1, 2]
    )
    assert one_each == [[0, 2], [1]]
    pieces = cohesive_groups(
        ["b", "c", "c"],
        iter([(0.7, 0, 1), (0.6, 0, 2)]),
        from_matrix(cosine[2:, 2:]),
        cohesion=0.4,
        passages=["b", "c1", "c1"],
    )
    assert pieces == [[0, 1, 2]]


def _reported(text: str, sentence: str, speaker: str) -> Quote:
    """The indirect quote of ``sentence`` (in ``text``): what follows its "said"."""
    at = text.index(sentence)
    cue = text.index(" said ", at) + 1
    who = text.index(speaker, at)
    end = at + len(sentence) - 1
    return Quote(
        cue + 5,
        end,
        text[cue + 5 : end],
        "indirect",
        Speaker(who, who + len(speaker), speaker),
        cue=Span(cue, cue + 4, "said"),
    )


def test_an_attribution_is_not_compared_but_a_named_actor_is() -> None:
    """'Ana Ruiz said' and 'Ana Ruiz, who ..., said' are left out of what a unit compares;
    'approved by Ana Ruiz, who said' is kept."""
    said = "Ana Ruiz said the council had closed the old river bridge."
    described = "Ana Ruiz, who chairs the council, said the new ferry had arrived early."
    approved = "The plan was approved by Ana Ruiz, who said it was needed."
    text = f"{said} {described} {approved}"
    article = Article(id="x", key="x", text=text)
    starts = [text.index(s) for s in (said, described, approved)]
    sentences = tuple(
        Sentence(at, at + len(s), s)
        for at, s in zip(starts, (said, described, approved), strict=True)
    )
    quotes = tuple(_reported(text, s, "Ana Ruiz") for s in (said, described, approved))
    units = claim_units(ArticleAnalysis(article, sentences=sentences, quotes=quotes))
    assert [u.text for u in units[:2]] == [
        "the council had closed the old river bridge.",
        "the new ferry had arrived early.",
    ]
    assert "approved by Ana Ruiz" in units[2].text


def test_according_to_and_its_speaker_are_not_compared() -> None:
    """An "according to the operator, Harbour Works" attributes; the claim before it and
    the claim after "According to X," are what is compared."""
    texts = (
        "Two cranes and a warehouse roof were damaged, according to the operator, Harbour Works.",
        "According to the port authority, some 3,000 containers were stranded at sea.",
    )
    units = []
    for text in texts:
        cue = text.index("ccording") - 1
        speaker = text.index("the ", cue)
        end = text.index(",", speaker)
        said = (0, cue - 2) if cue else (text.index(", ") + 2, len(text) - 1)
        quote = Quote(
            *said,
            text[slice(*said)],
            "indirect",
            Speaker(speaker, end, text[speaker:end]),
            cue=Span(cue, cue + len("according"), text[cue : cue + len("according")]),
        )
        units += claim_units(_one_sentence("x", text, quotes=(quote,)))
    assert [u.text for u in units] == [
        "Two cranes and a warehouse roof were damaged, .",
        "some 3,000 containers were stranded at sea.",
    ]


def test_a_whole_reported_sentence_is_a_claim_however_short() -> None:
    """A whole "Most pupils at the school were unvaccinated, officials said." is a claim of
    three words once its attribution is left out; what is left around a quotation is a
    fragment."""
    text = "Most pupils at the school were unvaccinated, officials said."
    cue = text.index("said")
    speaker = text.index("officials")
    quote = Quote(
        0,
        text.index(","),
        text[: text.index(",")],
        "indirect",
        Speaker(speaker, speaker + 9, "officials"),
        cue=Span(cue, cue + 4, "said"),
    )
    (unit,) = claim_units(_one_sentence("x", text, quotes=(quote,)))
    assert unit.words == {"pupils", "school", "unvaccinated"}
    quoted = 'Pupils at the school were "unvaccinated", officials said.'
    at = quoted.index("unvaccinated")
    direct = Quote(at, at + 12, "unvaccinated", "direct", Speaker(at + 15, at + 24, "officials"))
    assert claim_units(_one_sentence("x", quoted, quotes=(direct,))) == []


def _one_sentence(article_id: str, text: str, **records: Any) -> ArticleAnalysis:
    """An article of one sentence from outlet ``ARTICLE_ID``, with the given records."""
    article = Article(id=article_id, key=article_id, text=text, outlet=article_id.upper())
    return ArticleAnalysis(article, sentences=(Sentence(0, len(text), text),), **records)


def _said(article_id: str, text: str, speaker: str, entity: str) -> ArticleAnalysis:
    """One sentence "SPEAKER announced that ..." with its indirect quote and person mention."""
    at, cue = text.index(speaker), text.index("announced")
    mention = EntityMention(at, at + len(speaker), speaker, "PERSON", entity=entity)
    quote = Quote(
        cue + len("announced "),
        len(text) - 1,
        text[cue + len("announced ") : -1],
        "indirect",
        Speaker(at, at + len(speaker), speaker, name=speaker, entity=entity),
        cue=Span(cue, cue + len("announced"), "announced"),
    )
    return _one_sentence(article_id, text, entities=(mention,), quotes=(quote,))


def test_two_outlets_naming_different_announcers_conflict_on_the_actor() -> None:
    a = _said(
        "a",
        "Minister Ana Ruiz announced that talks would open in the capital.",
        "Ana Ruiz",
        "per-ruiz",
    )
    b = _said(
        "b",
        "Deputy Tomas Berg announced that talks would open in the capital.",
        "Tomas Berg",
        "per-berg",
    )
    c = _said(
        "c",
        "Minister Ana Ruiz announced that talks would open in the capital.",
        "Ana Ruiz",
        "per-ruiz",
    )
    analyses = {x.article.id: x for x in (a, b, c)}
    units = [u for x in (a, b, c) for u in claim_units(x)]
    conflict = find_conflict(units, analyses, sources_of([a, b, c], {}), times={})
    assert conflict is not None and conflict[0] == "actor"
    assert sorted(side.value for side in conflict[1]) == ["Ana Ruiz", "Tomas Berg"]
    assert find_conflict(units[::2], analyses, sources_of([a, c], {}), times={}) is None


def test_a_sentence_that_only_introduces_a_quotation_is_no_claim() -> None:
    text = 'Reading a prepared statement to the press, spokeswoman Ana Ruiz said: "We regret it."'
    said = text.index("said")
    quote = Quote(
        text.index("We"),
        text.index("it.") + 3,
        "We regret it.",
        "direct",
        Speaker(text.index("Ana"), said - 1, "Ana Ruiz"),
        cue=Span(said, said + 4, "said"),
    )
    assert claim_units(_one_sentence("x", text, quotes=(quote,))) == []


def test_a_long_sentence_is_cut_at_its_clauses_into_claims_of_their_own() -> None:
    lead = (
        "The town council closed the old river bridge to all heavy lorries on Monday "
        "when engineers found deep cracks in two of its stone arches and the main steel beam."
    )
    analysis = _cut_in_two(lead, "when engineers")
    units = claim_units(analysis)
    assert [u.text.split()[:2] for u in units] == [["The", "town"], ["when", "engineers"]]
    whole = replace(analysis, clauses=analysis.clauses[:1])
    assert len(claim_units(whole)) == 1  # no clause begins inside: one unit


def _cut_in_two(lead: str, at: str, **records: Any) -> ArticleAnalysis:
    """An article of the one sentence ``lead``, whose second clause begins at ``at``."""
    second = lead.index(at)
    clauses = (Clause(0, second - 1, lead[: second - 1]), Clause(second, len(lead), lead[second:]))
    article = Article(id="x", key="x", text=lead)
    sentences = (Sentence(0, len(lead), lead),)
    return ArticleAnalysis(article, sentences=sentences, clauses=clauses, **records)


def test_a_short_clause_of_a_long_sentence_that_states_a_count_is_a_claim_of_its_own() -> None:
    """A closing "..., forcing some 1,800 people from their homes" is what other outlets report
    alone ("About 1,800 people have left their homes"): it is cut off however short, and
    compared on its own words, not glued to the clause before."""
    lead = (
        "The river burst its banks in the old quarter of the town late on Saturday night "
        "after three days of rain, and forcing some 1,800 people from their homes."
    )
    count = lead.index("some 1,800")
    amounts = (Amount(count, count + 10, "some 1,800", 1800.0, "people"),)
    units = claim_units(_cut_in_two(lead, "and forcing", amounts=amounts))
    assert [u.text for u in units[1:]] == ["and forcing some 1,800 people from their homes."]
    assert units[1].counts == {1800.0}
    uncounted = _cut_in_two(lead, "and forcing")
    assert len(claim_units(uncounted)) == 1  # too short to stand alone without its count


def test_a_clause_with_its_own_subject_is_compared_alone_with_its_count() -> None:
    """ "... and about 3,100 were taken to shelters" has its own subject: it is not compared
    with the clause before glued to it (that is for "... and invited the mayor"), and its
    count is a count though no noun follows the number."""
    text = "Two bridges collapsed and about 3,100 were taken to shelters across the district."
    article = Article(id="x", key="x", text=text)
    second = text.index("and about")
    clauses = (
        Clause(0, second - 1, text[: second - 1]),
        Clause(second, len(text), text[second:], stands_alone=True),
    )
    count = text.index("about 3,100")
    amounts = (Amount(count, count + 11, "about 3,100", 3100.0, None),)
    sentences = (Sentence(0, len(text), text),)
    analysis = ArticleAnalysis(article, sentences=sentences, clauses=clauses, amounts=amounts)
    first, then = claim_units(analysis)
    assert then.text.startswith("and about 3,100") and then.counts == {3100.0}
    assert not first.counts


def test_a_dateline_is_not_part_of_the_claim() -> None:
    text = "EASTQUAY - The storm flooded 40 homes along the river.\n\nIt was the worst in years."
    article = Article(id="x", key="x", text=text)
    sentences = (Sentence(0, 54, text[:54]), Sentence(56, len(text), text[56:]))
    units = claim_units(ArticleAnalysis(article, sentences=sentences))
    assert units[0].text.startswith("The storm flooded 40 homes")


def test_an_unlinked_speaker_name_takes_the_one_linked_speaker_it_can_be() -> None:
    def said(art: str, text: str, name: str, entity: str | None) -> ArticleAnalysis:
        speaker = Speaker(0, len(name), name, name=name, entity=entity)
        quote = Quote(len(name) + 6, len(text), text[len(name) + 6 :], "indirect", speaker)
        return ArticleAnalysis(Article(id=art, key=art, text=text), quotes=(quote,))

    full = said("a", "Ada Okafor said the bridge would reopen", "Ada Okafor", "per-okafor")
    short = said("b", "Okafor said the bridge would reopen", "Okafor", None)
    other = said("c", "Okafor said the ferry would stop", "Okafor", None)
    keys = speaker_keys([full, short, other])
    assert {keys.key(a.article.id, a.quotes[0]) for a in (full, short, other)} == {"per-okafor"}
    two = said("d", "Ben Okafor said the road would close", "Ben Okafor", "per-ben")
    keys = speaker_keys([full, short, two])
    assert keys.key("b", short.quotes[0]) not in {"per-okafor", "per-ben"}  # either could be


def test_one_utterance_in_two_overlapping_quotes_is_counted_once() -> None:
    """An indirect quote holding a short quotation stands for it; an indirect quote that is
    mostly quotation gives way to the quotation."""
    text = 'that she would not let the city be "held to ransom" by anyone'
    indirect = Quote(0, len(text), text, "indirect")
    partial = Quote(text.index("held"), text.index("ransom") + 6, "held to ransom", "partial")
    assert not _framing(indirect, [indirect, partial])
    assert _framing(partial, [indirect, partial])
    quoted = 'that the plan was "a fresh start for the whole town"'
    around = Quote(0, len(quoted), quoted, "indirect")
    inner = Quote(
        quoted.index("a fresh"), len(quoted) - 1, "a fresh start for the whole town", "partial"
    )
    assert _framing(around, [around, inner])
    assert not _framing(inner, [around, inner])


def test_each_reported_utterance_of_a_sentence_is_its_own_unit() -> None:
    """ "X said A and that B": A and B are two claims, however short the sentence."""
    text = (
        "Ana Ruiz said the night ferry to Osterby had sailed two hours late and that the old "
        "river bridge would reopen to traffic in May."
    )
    said = text.index("said")
    first = "the night ferry to Osterby had sailed two hours late"
    second = "that the old river bridge would reopen to traffic in May"
    quotes = tuple(
        Quote(
            text.index(q),
            text.index(q) + len(q),
            q,
            "indirect",
            Speaker(0, 8, "Ana Ruiz"),
            cue=Span(said, said + 4, "said"),
        )
        for q in (first, second)
    )
    units = claim_units(_one_sentence("x", text, quotes=quotes))
    assert [text[u.start : u.end] for u in units] == [
        "Ana Ruiz said the night ferry to Osterby had sailed two hours late",
        "and that the old river bridge would reopen to traffic in May.",
    ]


def _counted(article_id: str, text: str, amounts: list[tuple[str, float, str]]) -> ArticleAnalysis:
    found = tuple(
        Amount(text.index(t), text.index(t) + len(t), t, value, unit) for t, value, unit in amounts
    )
    return _one_sentence(article_id, text, amounts=found)


def test_a_margin_is_not_a_count_that_conflicts() -> None:
    """ "three votes short of the 63" beside "the 63 votes needed": no dispute over the count;
    "61 votes" beside "60 votes" is one."""
    a = _counted(
        "a", "The motion fell three votes short of the 63 it needed.", [("three", 3, "votes")]
    )
    b = _counted("b", "The motion fell short of the 63 votes needed.", [("63", 63, "votes")])
    c = _counted("c", "The motion received 61 votes.", [("61", 61, "votes")])
    d = _counted("d", "The motion received 60 votes.", [("60", 60, "votes")])
    for pair, disputed in (((a, b), False), ((c, d), True)):
        analyses = {x.article.id: x for x in pair}
        units = [u for x in pair for u in claim_units(x)]
        conflict = find_conflict(units, analyses, sources_of(list(pair), {}), times={})
        assert (conflict is not None) is disputed


def test_a_bar_to_reach_or_a_value_before_the_change_is_not_the_count() -> None:
    """ "won 3.2 percent, below the 5 percent threshold" beside "fell short of the 5 percent
    needed" and "won 3.2 percent": no dispute; "Turnout was 58 percent, up from 49 percent"
    beside "turnout rose to 57 percent from 49 percent" disputes 58 against 57 only."""

    def pcts(article: str, text: str) -> ArticleAnalysis:
        found = [m.group() for m in re.finditer(r"[\d.]+ percent", text)]
        return _counted(article, text, [(t, float(t.split()[0]), "%") for t in found])

    a = pcts("a", "The Green list won 3.2 percent, below the 5 percent threshold.")
    b = pcts("b", "The Green list fell short of the 5 percent needed to win seats.")
    c = pcts("c", "The Green list won 3.2 percent and no seats.")
    d = pcts("d", "Turnout was 58 percent, up from 49 percent in 2022.")
    e = pcts("e", "Turnout rose to 57 percent from 49 percent four years ago.")
    for group, sides in (((a, b, c), None), ((d, e), {"58 percent", "57 percent"})):
        analyses = {x.article.id: x for x in group}
        units = [u for x in group for u in claim_units(x)]
        conflict = find_conflict(units, analyses, sources_of(list(group), {}), times={})
        assert (conflict and {side.value for side in conflict[1]}) == sides


def test_a_unit_that_dates_two_things_takes_no_side_on_the_year() -> None:
    """ "would hire 150 nurses by the end of next year and open a ward in 2028" beside "plans
    to hire 150 nurses by the end of 2027": which year is the hiring's is not written."""
    a = _one_sentence(
        "a", "The trust would hire 150 nurses by the end of next year and open a ward in 2028."
    )
    b = _one_sentence("b", "The trust plans to hire 150 nurses by the end of 2027.")
    times = {
        "a": [
            (a.article.text.index("next year"), 0, "2027", False),
            (a.article.text.index("2028"), 0, "2028", True),
        ],
        "b": [(b.article.text.index("2027"), 0, "2027", True)],
    }
    analyses = {x.article.id: x for x in (a, b)}
    units = [u for x in (a, b) for u in claim_units(x)]
    assert find_conflict(units, analyses, sources_of([a, b], {}), times=times) is None
    times["a"] = times["a"][1:]  # "in 2028" alone is a side
    assert find_conflict(units, analyses, sources_of([a, b], {}), times=times) is not None


def test_a_with_clause_that_looks_ahead_is_a_claim_of_its_own() -> None:
    """ "Work is scheduled to start in April, | with the bridge expected to open in 2029": the
    opening is what another outlet reports alone."""
    text = "Work is scheduled to start in April, with the bridge expected to open in 2029."
    units = claim_units(_one_sentence("a", text))
    assert [u.text for u in units] == [
        "Work is scheduled to start in April",
        "with the bridge expected to open in 2029.",
    ]


def test_a_colon_before_a_clause_cuts_its_sentence() -> None:
    """ "Two people were killed: | a cyclist was hit by a bus, and a child drowned": the toll
    is what another outlet reports alone ("Two people died"), and it is told by its number."""
    text = (
        "Two people were killed: a cyclist was hit by a bus near the bridge, and a child drowned."
    )
    analysis = _counted("a", text, [("Two", 2.0, "people")])
    assert [u.text for u in claim_units(analysis)] == [
        "Two people were killed:",
        "a cyclist was hit by a bus near the bridge, and a child drowned.",
    ]


def test_a_clause_too_slight_to_be_a_claim_stays_with_the_one_before() -> None:
    """ "... and had spent the money on two holiday homes and a yacht" is a claim of its own;
    "... and had found no further victims" (three content words) would be lost if cut off."""
    spent = "The court found that Berg had lied to the board and had spent the money on two boats."
    searched = (
        "Crews had finished searching the ruins of the depot and had found no further victims."
    )
    assert [spent[u.start : u.end] for u in claim_units(_one_sentence("a", spent))] == [
        "The court found that Berg had lied to the board",
        "and had spent the money on two boats.",
    ]
    assert [u.text for u in claim_units(_one_sentence("b", searched))] == [searched]


def test_a_piece_that_states_a_count_is_a_claim_however_short() -> None:
    """ "Turnout was 58 percent, | up from 49 percent in 2022": the first piece is what other
    outlets report ("Turnout was 58 percent"), three content words with its count."""
    text = "Turnout was 58 percent, up from 49 percent at the last election in 2022."
    analysis = _counted("a", text, [("58 percent", 58.0, "%"), ("49 percent", 49.0, "%")])
    assert [u.text for u in claim_units(analysis)] == [
        "Turnout was 58 percent",
        "up from 49 percent at the last election in 2022.",
    ]


def test_counts_of_the_dead_conflict_whatever_noun_each_outlet_gives() -> None:
    """ "killing four of them" beside "five members of the club were killed": one death toll,
    disputed; the injured are counted apart from the dead."""
    a = _counted(
        "a",
        "The rockfall hit a group of climbers, killing four of them and injuring two.",
        [("four", 4, ""), ("two", 2, "")],
    )
    b = _counted(
        "b",
        "Five members of the climbing club were killed and two were hurt by the rockfall.",
        [("Five", 5, "members of club"), ("two", 2, "")],
    )
    analyses = {x.article.id: x for x in (a, b)}
    units = [u for x in (a, b) for u in claim_units(x)]
    conflict = find_conflict(units, analyses, sources_of([a, b], {}), times={})
    assert conflict is not None
    kind, sides = conflict
    assert kind == "number"
    assert [side.value for side in sides] == ["four killed", "Five members of club killed"]
    # The dead of two events, each counted with a noun of its own, are no dispute.
    c = _counted("c", "Four skiers died on Wednesday.", [("Four", 4, "skiers")])
    d = _counted("d", "In 2019 five climbers died there.", [("five", 5, "climbers")])
    analyses = {x.article.id: x for x in (c, d)}
    units = [u for x in (c, d) for u in claim_units(x)]
    assert find_conflict(units, analyses, sources_of([c, d], {}), times={}) is None


def test_counts_of_the_hurt_conflict_when_one_outlet_counts_people() -> None:
    """ "Seven passengers were treated for minor injuries" beside "five people suffered minor
    injuries": "people" counts anyone, so the two counts of the hurt disagree."""
    a = _counted(
        "a",
        "Seven passengers were treated for minor injuries after the bus crash.",
        [("Seven", 7, "passengers")],
    )
    b = _counted(
        "b",
        "Five people suffered minor injuries in the bus crash, the hospital said.",
        [("Five", 5, "people")],
    )
    analyses = {x.article.id: x for x in (a, b)}
    units = [u for x in (a, b) for u in claim_units(x)]
    conflict = find_conflict(units, analyses, sources_of([a, b], {}), times={})
    assert conflict is not None
    values = {side.value for side in conflict[1]}
    assert values == {"Seven passengers injured", "Five people injured"}


@pytest.mark.parametrize(
    ("first", "second", "sides"),
    [
        # a toll that has risen counts the dead as "killed" does
        (
            ("The storm has killed 26 people in the coastal provinces.", "26", 26, "people"),
            (
                "The number of people killed by the storm in the coastal provinces has risen "
                "to 31.",
                "31",
                31,
                "",
            ),
            {"26 people killed", "31 killed"},
        ),
        # two prison terms for one verdict
        (
            (
                "The court sentenced the former mayor to seven years in prison on Monday.",
                "seven years",
                7,
                "years in prison",
            ),
            (
                "The former mayor will appeal against his six-year prison sentence, handed "
                "down on Monday.",
                "six-year",
                6,
                "years in prison",
            ),
            {"seven years in prison", "six years in prison"},
        ),
        # a percentage written out is labelled as written
        (
            ("Inflation rose to 6.1 percent in May.", "6.1 percent", 6.1, "%"),
            ("Inflation reached 6.3 percent in May.", "6.3 percent", 6.3, "%"),
            {"6.1 percent", "6.3 percent"},
        ),
    ],
)
def test_two_counts_of_one_claim_conflict_with_their_labels(
    first: tuple[str, str, float, str], second: tuple[str, str, float, str], sides: set[str]
) -> None:
    a, b = (
        _counted(name, text, [(written, value, unit)])
        for name, (text, written, value, unit) in (("a", first), ("b", second))
    )
    analyses = {x.article.id: x for x in (a, b)}
    units = [u for x in (a, b) for u in claim_units(x)]
    conflict = find_conflict(units, analyses, sources_of([a, b], {}), times={})
    assert conflict is not None
    assert {side.value for side in conflict[1]} == sides


def test_a_speakers_relative_clause_is_a_claim_but_a_role_is_not() -> None:
    """ "Ruiz, who sent 40 officers to the harbour overnight, said ...": the relative clause
    tells a claim about her; "Ruiz, who chairs the council, said" only says who she is."""
    acted = (
        "Ana Ruiz, who sent 40 officers to the harbour gates overnight, said the night ferry "
        "had sailed on time."
    )
    role = "Ana Ruiz, who chairs the council, said the new ferry had arrived early."
    units = [
        u.text
        for s in (acted, role)
        for u in claim_units(_one_sentence("x", s, quotes=(_reported(s, s, "Ana Ruiz"),)))
    ]
    assert units == [
        "the night ferry had sailed on time.",
        "Ana Ruiz sent 40 officers to the harbour gates overnight",
        "the new ferry had arrived early.",
    ]


def test_who_a_speaker_is_after_the_cue_is_not_compared() -> None:
    text = '"We lost everything," said Mara Holt, a baker from the lower town.'
    said = text.index("said")
    quote = Quote(
        1,
        text.index(","),
        "We lost everything",
        "direct",
        Speaker(said + 5, said + 14, "Mara Holt"),
        cue=Span(said, said + 4, "said"),
    )
    assert claim_units(_one_sentence("x", text, quotes=(quote,))) == []


def test_a_clause_that_stands_alone_is_a_claim_however_short_its_sentence() -> None:
    text = "Two drivers died and one is still missing."
    at = text.index("and one")
    clauses = (Clause(0, at - 1, text[: at - 1]), Clause(at, len(text), text[at:], True))
    units = claim_units(_one_sentence("x", text, clauses=clauses))
    assert [text[u.start : u.end] for u in units] == [
        "Two drivers died",
        "and one is still missing.",
    ]
    together = (Clause(0, at - 1, text[: at - 1]), Clause(at, len(text), text[at:]))
    assert len(claim_units(_one_sentence("x", text, clauses=together))) == 1


def test_a_participial_phrase_is_a_claim_about_its_noun_phrase() -> None:
    """The sentence stays one unit, and the phrase is one more: one sentence, two facts."""
    text = "The levy, approved by the council on Friday, takes effect in May."
    phrase = "approved by the council on Friday"
    at = text.index(phrase)
    clauses = (
        Clause(0, len(text), text),
        Clause(at, at + len(phrase), phrase, about="The levy"),
    )
    units = claim_units(_one_sentence("x", text, clauses=clauses))
    assert [(text[u.start : u.end], u.text) for u in units] == [
        (text, text),
        (phrase, f"The levy {phrase}"),
    ]


@pytest.mark.slow
def test_units_close_only_through_the_names_they_share_are_not_one_claim() -> None:
    """One mayor's two deeds share her name and title, which the embedding weighs much in a
    short sentence; what is said of her differs. A reworded deed still joins."""
    from newsweave.embed import embed

    def unit(article: str, text: str, name: str = "Ines Varga") -> Unit:
        words = frozenset(content_words(text))
        return Unit(article, 0, len(text), text, words, frozenset({name}), 0)

    visited = unit("a", "Mayor Ines Varga toured the flooded school on Sunday morning")
    attended = unit("b", "Mayor Ines Varga attended the memorial mass")
    toured = unit("c", "On Sunday morning Mayor Ines Varga visited the flooded school")
    assert float(np.dot(*embed([visited.text, attended.text]))) >= THRESHOLD  # alike as written
    assert sorted(link_units([visited, attended, toured], embed)) == [[0, 2], [1]]


def test_short_units_that_share_no_word_are_not_one_claim() -> None:
    """In a few words a shared frame weighs more in the embedding than what differs: "after
    the harbour reopened" and "after the market closed" are close as written, but say two
    things. A short rewording that shares a word's stem still joins."""
    from newsweave.embed import embed

    def unit(article: str, text: str) -> Unit:
        return Unit(article, 0, len(text), text, frozenset(content_words(text)), frozenset(), 0)

    harbour = unit("a", "after the harbour reopened.")
    market = unit("b", "after the market closed.")
    assert float(np.dot(*embed([harbour.text, market.text]))) >= THRESHOLD  # alike as written
    assert sorted(link_units([harbour, market], embed)) == [[0], [1]]
    declined = unit("a", "The mayor declined to attend.")
    absent = unit("b", "the mayor would not be in attendance.")
    assert sorted(link_units([declined, absent], embed)) == [[0, 1]]
    # A day is no word two claims share: most of a story happens on its few days.
    died = unit("a", "Two sailors drowned on Friday")
    crew = unit(
        "b",
        "The victims were members of a crew of five that had sailed out of the harbour on Friday",
    )
    assert float(np.dot(*embed([died.text, crew.text]))) >= THRESHOLD  # alike as written
    assert sorted(link_units([died, crew], embed)) == [[0], [1]]
    # One denies what the other states: the same words, opposite claims.
    stopped = unit("a", "that all trading at the exchange had been halted.")
    unhurt = unit("b", "that trading at the other exchange was not affected.")
    assert float(np.dot(*embed([stopped.text, unhurt.text]))) >= THRESHOLD  # alike as written
    assert sorted(link_units([stopped, unhurt], embed)) == [[0], [1]]
    # A date both give is: "due to begin next month" in a March report is "in April".
    begin = unit("a", "Construction is due to begin next month")
    start = unit("b", "Work is scheduled to start in April")
    assert float(np.dot(*embed([begin.text, start.text]))) >= THRESHOLD
    april = (dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert sorted(link_units([begin, start], embed)) == [[0], [1]]
    assert sorted(link_units([begin, start], embed, when=[[april], [april]])) == [[0, 1]]
    # A stop and its undoing are two happenings, however alike their words.
    halted = unit("a", "Ferry crossings between the two islands were suspended on Sunday.")
    resumed = unit("b", "Ferry crossings between the two islands resumed on Tuesday.")
    assert float(np.dot(*embed([halted.text, resumed.text]))) >= THRESHOLD
    assert sorted(link_units([halted, resumed], embed)) == [[0], [1]]
    # A name both write is no word they share: the short one says nothing the other says.
    owner = unit("a", "It is owned by Brightwell Buses.")
    cuts = unit("b", "Brightwell Buses has cut all its evening routes until Friday.")
    assert float(np.dot(*embed([owner.text, cuts.text]))) >= THRESHOLD  # alike as written
    assert sorted(link_units([owner, cuts], embed)) == [[0], [1]]


def test_units_dated_far_apart_are_not_one_claim() -> None:
    """ "The last ferry strike, in 2019, lasted four days" is another happening than "the
    ferry strike entered its fourth day on Thursday", however alike the words; outlets that
    date one claim a day or a year apart still meet."""
    from newsweave.embed import embed

    def unit(article: str, text: str) -> Unit:
        return Unit(article, 0, len(text), text, frozenset(content_words(text)), frozenset(), 0)

    then = unit("a", "The last ferry strike, in 2019, lasted four days.")
    now = unit("b", "The ferry strike entered its fourth day on Thursday.")
    assert float(np.dot(*embed([then.text, now.text]))) >= THRESHOLD  # alike as written
    in_2019 = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    thursday = (dt.date(2026, 10, 15), dt.date(2026, 10, 15))
    assert sorted(link_units([then, now], embed, when=[[in_2019], [thursday]])) == [[0], [1]]
    friday = (dt.date(2026, 10, 16), dt.date(2026, 10, 16))
    assert sorted(link_units([then, now], embed, when=[[friday], [thursday]])) == [[0, 1]]
    assert sorted(link_units([then, now], embed, when=[[], [thursday]])) == [[0, 1]]


def test_units_that_state_one_count_are_closer() -> None:
    """Two wordings of one count ("some four thousand" / "4,000") come closer by the count's
    bonus; a unit without a count of its own does not."""
    units = [
        Unit("a", 0, 1, "a", frozenset(), frozenset(), 0, counts=frozenset({4000.0})),
        Unit("b", 0, 1, "b", frozenset(), frozenset(), 0, counts=frozenset({4000.0})),
        Unit("c", 0, 1, "c", frozenset(), frozenset(), 0),
    ]
    closeness = Closeness(units, np.eye(3, dtype=np.float32))
    assert closeness(np.array([0]), np.array([1, 2])).tolist() == [[COUNT_BONUS, 0.0]]


def test_units_that_date_their_claim_to_one_day_of_their_own_are_closer() -> None:
    """ "Inspectors will arrive on Monday" / "will send a team on Monday": a day that no other
    claim of either article is dated to is as specific as a count. The day of the event
    itself, which an article gives to several of its claims, adds nothing."""
    monday, saturday = dt.date(2026, 11, 16), dt.date(2026, 11, 14)
    units = [
        Unit(article, 0, 1, "x", frozenset(), frozenset(), n) for n, article in enumerate("aabb")
    ]
    when = [[(monday, monday)], [(saturday, saturday)], [(monday, monday)], [(saturday, saturday)]]
    days = _own_days(units, when)
    assert days == [{monday}, {saturday}, {monday}, {saturday}]
    closeness = Closeness(units, np.eye(4, dtype=np.float32), days=days)
    assert closeness(np.array([0]), np.array([2, 3])).tolist() == [[DAY_BONUS, 0.0]]
    twice = [*units, Unit("b", 2, 3, "y", frozenset(), frozenset(), 4)]
    assert _own_days(twice, [*when, [(monday, monday)]])[2] == frozenset()


def test_a_unit_knows_the_counts_in_its_span() -> None:
    """A count of ten or more (a share is none: "up 12 percent" is not "12 billion euros")."""
    text = (
        "Some 4,000 workers, 15 percent of staff, joined the strike. Two ministers met the union."
    )
    share = text.index("15 percent")
    found = (
        Amount(0, 10, "Some 4,000", 4000.0, "workers"),
        Amount(share, share + 10, "15 percent", 15.0, "%"),
        Amount(text.index("Two"), text.index("Two") + 3, "Two", 2.0, "ministers"),
    )
    cut = text.index("Two")
    sentences = (Sentence(0, cut - 1, text[: cut - 1]), Sentence(cut, len(text), text[cut:]))
    analysis = replace(_one_sentence("x", text), sentences=sentences, amounts=found)
    assert [u.counts for u in claim_units(analysis)] == [frozenset({4000.0}), frozenset()]


def _placed(article_id: str, text: str, places: list[str]) -> ArticleAnalysis:
    found = tuple(EntityMention(text.index(p), text.index(p) + len(p), p, "GPE") for p in places)
    return _one_sentence(article_id, text, entities=found)


def test_one_superlative_given_to_two_places_is_a_conflict() -> None:
    a = _placed("a", "Kelby was the worst hit, with water up to the rooftops.", ["Kelby"])
    b = _placed("b", "The worst damage was in Norrvik, where the pier gave way.", ["Norrvik"])
    c = _placed("c", "The worst damage was in Norrvik's harbour district.", ["Norrvik"])
    d = _placed("d", "Most evacuees were sleeping in a school in Kelby.", ["Kelby"])
    e = _placed("e", "Most of them spent the night in a school in Norrvik.", ["Norrvik"])
    for pair, disputed in (((a, b), True), ((b, c), False), ((d, e), False)):
        analyses = {x.article.id: x for x in pair}
        units = [u for x in pair for u in claim_units(x)]
        conflict = find_conflict(units, analyses, sources_of(list(pair), {}), times={})
        assert (conflict is not None) is disputed, pair
        if disputed:
            assert conflict[0] == "place"
            assert sorted(s.value for s in conflict[1]) == ["Kelby", "Norrvik"]


def test_a_page_headline_kept_in_the_text_is_no_claim() -> None:
    """A page's headline above its lead (kept in the text, and run into the lead's sentence
    when it has no full stop) is the article's title, not a claim; the lead still is."""
    title = "Harbour closes as storm nears"
    text = f"{title}\n\nThe harbour board closed the port on Monday as the storm approached."
    article = Article(id="a", key="a", text=text, outlet="A", title=title)
    units = claim_units(ArticleAnalysis(article, sentences=(Sentence(0, len(text), text),)))
    assert [u.text for u in units] == [text.split("\n\n")[1]]
    untitled = replace(article, title="Another title")
    first = claim_units(ArticleAnalysis(untitled, sentences=(Sentence(0, len(text), text),)))[0]
    assert first.text.startswith(title)


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Post could not immediately reach the port authority for comment.",
        "The ministry did not respond to a request for comment on the closure.",
        "A spokesman for the airline was unavailable for comment on Friday.",
    ],
)
def test_an_outlets_unanswered_call_is_no_claim(text: str) -> None:
    """Two outlets that each failed to reach someone did not report one thing."""
    assert claim_units(_one_sentence("a", text)) == []
    said = "The port authority declined to comment on the closure of the northern pier."
    assert [u.text for u in claim_units(_one_sentence("b", said))] == [said]


def test_a_comparison_with_an_earlier_figure_is_a_claim_of_its_own() -> None:
    """ "a loss of 40 million, compared with a profit of 75 million a year earlier": the
    year-earlier profit is a claim another outlet may dispute."""
    text = (
        "The shipyard reported a quarterly loss of 40 million euros on Friday, compared with "
        "a profit of 75 million euros a year earlier."
    )
    units = [u.text for u in claim_units(_one_sentence("a", text))]
    assert units == [
        "The shipyard reported a quarterly loss of 40 million euros on Friday",
        "compared with a profit of 75 million euros a year earlier.",
    ]


def test_a_fact_is_dated_by_what_happened_not_by_when_it_was_told() -> None:
    """ "The bridge was closed on Friday, officials said on Saturday" dates the closure; a
    fact whose only date is its telling keeps that date."""
    closed = "The bridge was closed on Friday, officials said on Saturday."
    risen = "The toll has risen to 12, the ministry said on Monday."
    times = {
        "a": [
            (closed.index("on Friday"), closed.index(","), "2026-05-01", False),
            (closed.index("on Saturday"), len(closed) - 1, "2026-05-02", False),
        ],
        "b": [(risen.index("on Monday"), len(risen) - 1, "2026-05-04", False)],
    }
    facts = [
        Fact(text, "single-source", ("X",), (Evidence(article, 0, len(text), text, "X"),), id=f)
        for f, article, text in (("f1", "a", closed), ("f2", "b", risen))
    ]
    assert [(e.value, e.fact) for e in timeline(facts, times)] == [
        ("2026-05-01", "f1"),
        ("2026-05-04", "f2"),
    ]


def test_a_short_sentence_the_outlet_asserts_is_a_claim() -> None:
    """ "Snow is forecast for Sunday." has three content words: a claim when it is the whole
    sentence, not when it is what is left of a reported one."""
    asserted = "Snow is forecast for Sunday."
    told = "Ana Ruiz said the harbour had closed."
    quote = _reported(told, told, "Ana Ruiz")
    assert [u.text for u in claim_units(_one_sentence("a", asserted))] == [asserted]
    assert claim_units(_one_sentence("b", told, quotes=(quote,))) == []


def test_two_sources_that_date_a_fact_to_different_years_conflict() -> None:
    """ "appointed in 2021" / "coach since 2022": each source dates the fact to one written
    year, and the years differ; a day given beside a year is compared as a day."""
    texts = {
        "a": "Irena Volk was appointed head coach of the club in 2021.",
        "b": "Irena Volk has been the club's head coach since 2022.",
        "c": "Irena Volk became head coach of the club on 4 May 2022.",
    }
    analyses = {k: _one_sentence(k, t) for k, t in texts.items()}
    units = [u for x in analyses.values() for u in claim_units(x)]
    times = {
        k: [(t.index("20"), t.index("20") + 4, t[t.index("20") :][:4], True)]
        for k, t in texts.items()
    }
    times["c"] = [(texts["c"].index("4 May"), len(texts["c"]) - 1, "2022-05-04", True)]
    sources = sources_of(list(analyses.values()), {})
    conflict = find_conflict(units[:2], analyses, sources, times=times)
    assert conflict is not None and conflict[0] == "date"
    assert sorted(side.value for side in conflict[1]) == ["2021", "2022"]
    assert find_conflict(units[1:], analyses, sources, times=times) is None


def test_a_fact_with_a_day_is_not_also_dated_by_the_year_around_it() -> None:
    text = "The bank raised its rate on Thursday, its third increase this year."
    times = {
        "a": [
            (text.index("on Thursday"), text.index(","), "2026-09-17", False),
            (text.index("this year"), len(text) - 1, "2026", False),
        ]
    }
    fact = Fact(text, "single-source", ("X",), (Evidence("a", 0, len(text), text, "X"),), id="f1")
    assert [e.value for e in timeline([fact], times)] == ["2026-09-17"]


def test_a_quoted_clause_is_one_statement_with_the_sentence_it_came_from() -> None:
    """One outlet quotes "Prices are still far too high and we will not hesitate", another
    only "We will not hesitate to act again": one utterance."""
    texts = {
        "a": 'Governor Ana Berg spoke on Monday. "Prices are still far too high and we will not '
        'hesitate," Berg said.',
        "b": '"We will not hesitate to act again," Governor Ana Berg told reporters on Monday.',
    }
    articles = [
        Article(id=k, key=k, text=t, outlet=f"Outlet {k}", published="2026-09-14")
        for k, t in texts.items()
    ]
    analyses = [a for a in analyse(articles) if isinstance(a, ArticleAnalysis)]
    dossier = build_dossier("s", analyses)
    assert [len(st.variants) for st in dossier.statements] == [2]


@pytest.mark.parametrize(
    ("other", "disputed"),
    [
        (("more than 2,000", 2000, "ballots"), False),  # a bound the count meets
        (("over 2,500", 2500, "ballots"), True),  # a bound the count does not meet
        (("up to 3,000", 3000, "ballots"), False),
        (("nearly 2,200", 2200, "ballots"), False),  # a little under: 2,180 is "nearly" it
        (("almost 4,000", 4000, "ballots"), True),
        (("2,400", 2400, "ballots"), True),
        (("thousands of", 1000, "ballots"), False),  # a plural of its scale: 2,000 to 10,000
        (("hundreds of", 100, "ballots"), True),
        (("tens of thousands of", 10000, "ballots"), True),
    ],
)
def test_a_bound_agrees_with_a_count_it_allows(
    other: tuple[str, float, str], disputed: bool
) -> None:
    """ "more than 2,000 ballots" beside "2,180 ballots": no dispute, the one allows the other."""
    a = _counted(
        "a", "Officials found 2,180 ballots in the locked store room.", [("2,180", 2180, "ballots")]
    )
    b = _counted("b", f"Officials found {other[0]} ballots in the locked store room.", [other])
    analyses = {x.article.id: x for x in (a, b)}
    units = [u for x in (a, b) for u in claim_units(x)]
    conflict = find_conflict(units, analyses, sources_of([a, b], {}), times={})
    assert (conflict is not None) is disputed
