"""Narrative offsets ("three days later", "a day earlier"): a DURATION in TimeML, whose
``lands_on`` dates the events of its sentence and the story's timeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.analyse.events import event_time, find_events
from newsweave.analyse.sentences import find_sentences
from newsweave.analyse.times import find_times, resolve_with_anchor
from newsweave.fuse.timeline import resolved_times, timeline
from newsweave.records import Article, ArticleAnalysis, Evidence, Fact, TimeRef

PUBLISHED = "2026-03-12"  # a Thursday


def times_of(nlp: Language, text: str, published: str | None = PUBLISHED) -> list[TimeRef]:
    article = Article(id="t", key="t", text=text, published=published)
    return find_times(nlp(text), article)


def offsets(times: list[TimeRef]) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.lands_on) for t in times if t.type == "DURATION"]


# Sentences written for these tests; published Thursday 2026-03-12.
CASES = [
    # after an explicit date: counted from it
    (
        "The talks opened on March 2. Three days later the two ministers met in Geneva.",
        [("Three days", "P3D", "2026-03-05")],
    ),
    (
        "The strike began on Feb. 10, 2026. Two weeks later, the mines were closed.",
        [("Two weeks", "P2W", "2026-02-24")],
    ),
    (
        "The vote was held on Sunday, March 8. A day earlier, crowds filled the square.",
        [("A day", "P1D", "2026-03-07")],
    ),
    (
        "The ferry sank on March 3. A day later the search was called off.",
        [("A day", "P1D", "2026-03-04")],
    ),
    (
        "The plant opened in May 2025. Six months later it was sold.",
        [("Six months", "P6M", "2025-11")],
    ),
    # with no date before it: counted from the publication date
    ("Three days later the two ministers met in Geneva.", [("Three days", "P3D", "2026-03-15")]),
    ("Ten days earlier, the border had been closed.", [("Ten days", "P10D", "2026-03-02")]),
    # an offset is the narrative's last date for the next one
    (
        "The accord was signed on Jan. 5. Three weeks later it collapsed, and a day later the "
        "premier resigned.",
        [("Three weeks", "P3W", "2026-01-26"), ("a day", "P1D", "2026-01-27")],
    ),
    # a few hours or less: the day the text is telling of; more may cross midnight
    (
        "The fire broke out on March 3. Two hours later the roof collapsed.",
        [("Two hours", "PT2H", "2026-03-03")],
    ),
    (
        "The game ended on March 3. Its rival had won 18 hours earlier.",
        [("18 hours", "PT18H", None)],
    ),
    # from the date written after "after" or "before"
    (
        "Three days after March 2 the ministers met in Geneva.",
        [("Three days", "P3D", "2026-03-05")],
    ),
    ("A week before the Feb. 20 vote, polls closed.", [("A week", "P1W", "2026-02-13")]),
    ("Three months after May 2025, the plant was sold.", [("Three months", "P3M", "2025-08")]),
    # no day to land on: an event, not a date, after "after"
    ("Two weeks after the vote, the government fell.", [("Two weeks", "P2W", None)]),
    # no day to land on: vague amounts, working days, comparisons, plain spans
    ("A few weeks later the mine reopened.", [("A few weeks", "PXW", None)]),
    ("Two business days later the funds arrived.", [("Two business days", "P2D", None)]),
    ("The work ended two days earlier than planned.", [("two days", "P2D", None)]),
    ("The siege lasted three days.", [("three days", "P3D", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_offset_lands_on(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert offsets(times_of(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "published", "lands_on"),
    [
        ("Three days later the ministers met.", "2026-03-12", "2026-03-15"),
        ("Three days later the ministers met.", "2026-04-01", "2026-04-04"),
        ("The talks opened on March 2. Three days later they failed.", "2026-03-12", "2026-03-05"),
        ("The talks opened on March 2. Three days later they failed.", "2027-03-20", "2027-03-05"),
        ("Three days after March 2 they met.", "2027-03-20", "2027-03-05"),
    ],
)
def test_redating_an_undated_article_moves_lands_on(
    nlp: Language, text: str, published: str, lands_on: str
) -> None:
    undated = times_of(nlp, text, published=None)
    assert [t.lands_on for t in undated if t.type == "DURATION"] == [None]
    redated = resolve_with_anchor(undated, published)
    assert offsets(redated) == [("Three days", "P3D", lands_on)]
    # the same as finding them in an article dated so from the start
    assert redated == times_of(nlp, text, published=published)


def _analysis(nlp: Language, text: str, published: str | None, id_: str = "a") -> ArticleAnalysis:
    article = Article(id=id_, key=id_, text=text, published=published)
    doc = nlp(text)
    times = find_times(doc, article)
    events = find_events(doc, article, entities=(), times=times)
    return ArticleAnalysis(
        article=article,
        sentences=tuple(find_sentences(doc, article)),
        times=tuple(times),
        events=tuple(events),
    )


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("The talks opened on March 2. Three days later the two ministers met in Geneva.",
         "2026-03-05"),
        ("The vote was held on Sunday, March 8. A day earlier, police arrested two activists.",
         "2026-03-07"),
        # the date after "after" anchors the offset: the event is on the day it lands on
        ("Three days after March 2 the two ministers met in Geneva.", "2026-03-05"),
        # the date nearest the event wins over the offset
        ("The talks opened on March 2. Three days later, on March 6, the ministers met.",
         "2026-03-06"),
    ],
)  # fmt: skip
def test_event_in_an_offset_sentence_gets_its_day(nlp: Language, text: str, time: str) -> None:
    analysis = _analysis(nlp, text, PUBLISHED)
    assert [e.time for e in analysis.events] == [time]


def test_event_is_redated_with_its_article(nlp: Language) -> None:
    text = "The talks opened on March 2. Three days later the two ministers met in Geneva."
    analysis = _analysis(nlp, text, None)
    [event] = analysis.events
    assert event.time is None
    times = resolve_with_anchor(analysis.times, PUBLISHED)
    assert event_time(event, analysis.sentences, times).time == "2026-03-05"


def _fact(analysis: ArticleAnalysis, sentence: int) -> Fact:
    s = analysis.sentences[sentence]
    evidence = Evidence(analysis.article.id, s.start, s.end, s.text, outlet="Wire")
    return Fact(s.text, "single-source", ("Wire",), (evidence,), id="f1", sources=1)


def test_timeline_has_the_offset_entry(nlp: Language) -> None:
    text = "The talks opened on March 2. Three days later the two ministers met in Geneva."
    analysis = _analysis(nlp, text, PUBLISHED)
    fact = _fact(analysis, 1)
    times = resolved_times([analysis])
    offset = next(t for t in analysis.times if t.type == "DURATION")
    assert (offset.start, offset.end, "2026-03-05", False) in times["a"]
    [entry] = timeline([fact], times)
    assert (entry.value, entry.text, entry.evidence, entry.fact) == (
        "2026-03-05",
        fact.text,
        fact.evidence,
        "f1",
    )


def test_timeline_dates_by_the_offset_not_its_anchor(nlp: Language) -> None:
    analysis = _analysis(nlp, "Three days after March 2 the two ministers met.", PUBLISHED)
    [entry] = timeline([_fact(analysis, 0)], resolved_times([analysis]))
    assert entry.value == "2026-03-05"


def test_timeline_dates_an_undated_articles_offset_from_its_story(nlp: Language) -> None:
    dated = _analysis(nlp, "Talks on the ceasefire opened in Geneva.", "2026-03-06", id_="d")
    text = "The talks opened on March 2. Three days later the two ministers met in Geneva."
    undated = _analysis(nlp, text, None, id_="u")
    times = resolved_times([dated, undated])
    [entry] = timeline([_fact(undated, 1)], times)
    assert entry.value == "2026-03-05"


def test_dating_an_undated_article_from_its_story_carries_lands_on(nlp: Language) -> None:
    from newsweave.pipeline.collection import date_from_story

    text = "The talks opened on March 2. Three days later the two ministers met in Geneva."
    dated = date_from_story(_analysis(nlp, text, None), "2026-03-06")
    assert dated.article.published == "2026-03-02"
    assert offsets(list(dated.times)) == [("Three days", "P3D", "2026-03-05")]
    assert [e.time for e in dated.events] == ["2026-03-05"]
