"""Time expressions: recognition, TIMEX3 values, tense, publication-date inference, seeds gold."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from spacy.language import Language

from conftest import shared_path
from newsweave.analyse.times import (
    find_times,
    infer_published,
    infer_published_from_anchor,
    resolve_with_anchor,
)
from newsweave.ingest import read
from newsweave.records import Article, RelativeTime, TimeRef


def times_of(nlp: Language, text: str, published: str | None = "2025-05-16") -> list[TimeRef]:
    article = Article(id="t", key="t", text=text, published=published)
    return find_times(nlp(text), article)


# Sentences written for these tests. Publication date: Friday 2025-05-16 (ISO week 20).
CASES = [
    ("The talks on Friday failed to secure a ceasefire.", [("Friday", "DATE", "2025-05-16")]),
    ("The ministers met on Thursday in Ankara.", [("Thursday", "DATE", "2025-05-15")]),
    ("The ministers will meet on Thursday in Ankara.", [("Thursday", "DATE", "2025-05-22")]),
    ("More talks are planned for Tuesday.", [("Tuesday", "DATE", "2025-05-20")]),
    ("The delegation is scheduled to return Monday.", [("Monday", "DATE", "2025-05-19")]),
    ("The talks failed to resume on Thursday.", [("Thursday", "DATE", "2025-05-15")]),
    ("The deadline was extended until Tuesday.", [("Tuesday", "DATE", "2025-05-20")]),
    ("The envoy arrived last Friday.", [("last Friday", "DATE", "2025-05-09")]),
    ("The plan was first floated last week.", [("last week", "DATE", "2025-W19")]),
    ("Talks were held in Turkey this week.", [("this week", "DATE", "2025-W20")]),
    ("The region was annexed in late 2022.", [("late 2022", "DATE", "2022")]),
    ("Officials spoke to reporters on May 16.", [("May 16", "DATE", "2025-05-16")]),
    ("The treaty was signed on December 30.", [("December 30", "DATE", "2024-12-30")]),
    ("The vote took place on 5/16/2025.", [("5/16/2025", "DATE", "2025-05-16")]),
    ("The vote took place on 16.05.2025.", [("16.05.2025", "DATE", "2025-05-16")]),
    ("The report is dated 2025-05-16.", [("2025-05-16", "DATE", "2025-05-16")]),
    ("She resigned yesterday.", [("yesterday", "DATE", "2025-05-15")]),
    ("He left three days ago.", [("three days ago", "DATE", "2025-05-13")]),
    ("Prices will rise next month.", [("next month", "DATE", "2025-06")]),
    ("Sales fell earlier this year.", [("earlier this year", "DATE", "2025")]),
    ("The war has lasted about three years.", [("about three years", "DURATION", "P3Y")]),
    ("The meeting lasted two hours.", [("two hours", "DURATION", "PT2H")]),
    ("The council meets every week.", [("every week", "SET", "P1W")]),
    ("The market opens on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("The summit opens at 2 p.m. on Friday.", [("2 p.m. on Friday", "TIME", "2025-05-16T14:00")]),
    ("Protesters gathered on Thursday evening.", [("Thursday evening", "TIME", "2025-05-15TEV")]),
    ("Profit rose in the second quarter.", [("the second quarter", "DATE", "2025-Q2")]),
    ("Crops failed in the summer of 2023.", [("summer of 2023", "DATE", "2023-SU")]),
    ("Prices are falling now.", [("now", "DATE", "PRESENT_REF")]),
    ("He has recently moved.", [("recently", "DATE", "PAST_REF")]),
    (
        "The deal was agreed on March 3, 2024. The next day, it collapsed.",
        [("March 3, 2024", "DATE", "2024-03-03"), ("The next day", "DATE", "2024-03-04")],
    ),
    ("Turnout in the 1990s was higher.", [("the 1990s", "DATE", "199")]),
    ("He is a 6-year-old boy.", []),
    ("You may leave.", []),
    ("They failed for a second time.", []),
    ("The bridge opened this past spring.", [("this past spring", "DATE", "2025-SP")]),
    # Periods of results reports.
    (
        "Profit for the year ended June 30 rose.",
        [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2024-06-30")],
    ),
    ("The fund fell 3% for the year.", [("the year", "DATE", "2025")]),
    (
        "Sales for this year's third quarter fell.",
        [("this year's third quarter", "DATE", "2025-Q3")],
    ),
    (
        "Profit rose in the first quarter, up from the 2024 period.",
        [("the first quarter", "DATE", "2025-Q1"), ("the 2024 period", "DATE", "2024-Q1")],
    ),
    (
        "Profit rose in the first quarter from last year's quarter.",
        [("the first quarter", "DATE", "2025-Q1"), ("last year's quarter", "DATE", "2024-Q1")],
    ),
    ("The plant earns $2 million a year.", [("a year", "SET", "P1Y")]),
    # Halves, spoken years, centuries and decades.
    ("The dam took 2 1/2 years to build.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("The speech lasted an hour and a half.", [("an hour and a half", "DURATION", "PT1H30M")]),
    (
        "Oil peaked in January nineteen ninety-seven.",
        [("January nineteen ninety-seven", "DATE", "1997-01")],
    ),
    ("The style dates from the 19th century.", [("the 19th century", "DATE", "18")]),
    ("Music from the nineties is back.", [("the nineties", "DATE", "199")]),
    ("Sales rose in the last half of 2024.", [("the last half of 2024", "DATE", "2024-H2")]),
    # Days, parts of days and sets.
    (
        "The fire broke out mid-afternoon yesterday.",
        [("mid-afternoon yesterday", "TIME", "2025-05-15TAF")],
    ),
    ("Until Thursday, officials had not named a suspect.", [("Thursday", "DATE", "2025-05-15")]),
    ("The company follows Tuesday's decision by the court.", [("Tuesday", "DATE", "2025-05-13")]),
    ("Flights leave on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("Farmers gather each July.", [("each July", "SET", "XXXX-07")]),
    ("The hearing is set for the week of June 2.", [("the week of June 2", "DATE", "2025-W23")]),
    ("The power will be out for a while.", [("a while", "DURATION", "PXX")]),
    ("Prices have climbed in recent weeks.", [("recent weeks", "DURATION", "PXW")]),
    ('He spoke on "This Week" on Sunday.', [("Sunday", "DATE", "2025-05-11")]),
    # "N days later": a duration, "later" a signal (TimeML); the year form stays a date.
    ("Three days later, the rebels withdrew.", [("Three days", "DURATION", "P3D")]),
    ("A day earlier, the border had closed.", [("A day", "DURATION", "P1D")]),
    ("A few weeks later the mine reopened.", [("A few weeks", "DURATION", "PXW")]),
    # A past perfect two heads up; "hurt" after a singular subject is past.
    (
        "The offer had been due to lapse Friday evening.",
        [("Friday evening", "TIME", "2025-05-16TEV")],
    ),
    ("Rain hurt the harvest on Wednesday.", [("Wednesday", "DATE", "2025-05-14")]),
    # A plan told in reported speech: its past perfect does not put the month behind.
    (
        "She said both unions had agreed to resume talks in June.",
        [("June", "DATE", "2025-06")],
    ),
    # Next month in a past-tense clause is the coming one.
    ("The mill warned of a shutdown in June.", [("June", "DATE", "2025-06")]),
    (
        "The summit will be held on June 11 and 12.",
        [("June 11", "DATE", "2025-06-11"), ("12", "DATE", "2025-06-12")],
    ),
    # Not times: an idiom, a procession, a fate.
    ("It was high noon for the coalition.", []),
    ("Thousands joined the annual March for Peace.", []),
    ("The vote decides the future of the port.", []),
    ("The empire ruled the coast for centuries.", [("centuries", "DURATION", "PXC")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_times(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    found = times_of(nlp, text)
    assert [(t.text, t.type, t.value) for t in found] == expected
    for t in found:
        assert text[t.start : t.end] == t.text


def test_mod_of_late_year(nlp: Language) -> None:
    (ref,) = times_of(nlp, "The region was annexed in late 2022.")
    assert ref.mod == "END"


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("The mine opened in the late 1970s.", "END"),
        ("The dam was finished in mid-1996.", "MID"),
        ("The storm hit mid-afternoon.", "MID"),
    ],
)
def test_mod_of_part(nlp: Language, text: str, mod: str) -> None:
    (ref,) = times_of(nlp, text)
    assert ref.mod == mod


def test_undated_article_leaves_relative_values_empty(nlp: Language) -> None:
    found = times_of(nlp, "They met on Friday, after the May 16, 2025 talks.", published=None)
    assert [(t.text, t.value) for t in found] == [("Friday", None), ("May 16, 2025", "2025-05-16")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv, May 14, 2025 - The talks ended without a deal.", "2025-05-14"),
        # Dates the text reports are no evidence on their own (they wait for the story's date).
        ("The talks began on March 3, 2024 and ended on March 9, 2024 without a deal.", None),
        # A date stamp: a clock time beside a full date.
        (
            "Talks end without a deal\n\nThe talks ended. 10:05AM GMT 14 Mar 2025 Ministers left.",
            "2025-03-14",
        ),
        ("The talks ended, the ministers said on March 14th, 2025, 09:12 GMT.", "2025-03-14"),
        ("The talks ended at 4:30 p.m. on March 9, 2024, police said.", None),
        ("The talks ended on Friday without a deal.", None),
        # A date line in the header, under a source address and a headline, in capitals.
        (
            "http://example.org/news/talks\n\nTalks end without a deal\n\n14 MARCH, 2025\n\n"
            "The talks ended on March 3, 2025 without a deal.",
            None,  # MARCH in capitals is no month (a headline verb), so no date line
        ),
        (
            "http://example.org/news/talks\n\nTalks end without a deal\n\n"
            "Last updated: Friday, 14 NOVEMBER, 2025, 09:12 GMT\n\n"
            "The talks ended on November 3, 2025 without a deal.",
            "2025-11-14",
        ),
        # The day in the address, when the text has no dateline; a number that is no day is not.
        ("http://example.org/world/2025/nov/14/talks-end\n\nTalks end on Friday.", "2025-11-14"),
        ("http://example.org/news/20401724-talks-end\n\nTalks end on Friday.", None),
        (
            "http://example.org/world/2025/11/14/talks-end\n\nTalks end without a deal\n\n"
            "The talks ended on November 3, 2025 without a deal.",
            "2025-11-14",
        ),
    ],
)
def test_infer_published(nlp: Language, text: str, expected: str | None) -> None:
    article = Article(id="t", key="t", text=text)
    inferred = infer_published(nlp(text), article)
    assert (inferred[0] if inferred else None) == expected


def test_resolve_with_anchor_rereads_relative_forms(nlp: Language) -> None:
    found = times_of(nlp, "The talks failed on Friday. They resume next week.", published=None)
    assert [t.value for t in found] == [None, None]
    resolved = resolve_with_anchor(found, "2025-05-16")
    assert [t.value for t in resolved] == ["2025-05-16", "2025-W21"]


@pytest.mark.parametrize(
    ("form", "relative"),
    [
        ("day:-1", RelativeTime("shift", unit="day", amount=-1)),
        ("week:0", RelativeTime("shift", unit="week", amount=0)),
        ("wd:5:past@TEV", RelativeTime("wd", number=5, direction="past", time="TEV")),
        ("md:05-16:?@T14:00", RelativeTime("md", month=5, day=16, direction="?", time="T14:00")),
        ("mdw:03-06:near", RelativeTime("mdw", month=3, day=6, direction="near")),
        ("mon:10:before", RelativeTime("mon", month=10, direction="before")),
        ("my:06:-1", RelativeTime("my", month=6, amount=-1)),
        ("season:SU:past", RelativeTime("season", name="SU", direction="past")),
        ("hol:TG:future", RelativeTime("hol", name="TG", direction="future")),
        ("q:3:past", RelativeTime("q", number=3, direction="past")),
        ("q:3:past:-1", RelativeTime("q", number=3, direction="past", amount=-1)),
        ("qy:1:1", RelativeTime("qy", number=1, amount=1)),
        ("nq:-4", RelativeTime("nq", amount=-4)),
        ("nqy:1988", RelativeTime("nqy", number=1988)),
        ("ny:0", RelativeTime("ny", amount=0)),
        ("ago:year:-1", RelativeTime("ago", unit="year", amount=-1)),
        ("narr:day:0@TAF", RelativeTime("narr", unit="day", amount=0, time="TAF")),
        ("from:month:-2", RelativeTime("from", unit="month", amount=-2)),
        ("wkend:?", RelativeTime("wkend", direction="?")),
    ],
)
def test_relative_form_reads_and_writes(form: str, relative: RelativeTime) -> None:
    assert RelativeTime.parse(form) == relative
    assert relative.format() == form


@pytest.mark.parametrize("form", ["weekday:5:past", "md:05-16", "day:a", "q:3", ""])
def test_a_string_that_is_no_relative_form_is_refused(form: str) -> None:
    with pytest.raises(ValueError, match="not a relative time form"):
        RelativeTime.parse(form)


def test_every_relative_form_found_reads_back(nlp: Language) -> None:
    forms = [t.relative for text, _ in CASES for t in times_of(nlp, text) if t.relative]
    assert len(forms) > 20
    assert all(RelativeTime.parse(form).format() == form for form in forms)


def test_infer_published_from_story_anchor(nlp: Language) -> None:
    found = times_of(nlp, "Ministers spoke to reporters after the talks on May 16.", published=None)
    inferred = infer_published_from_anchor(found, "2025-05-17")
    assert inferred is not None and inferred[0] == "2025-05-16"

    def inferred_from(text: str) -> str | None:
        found = infer_published_from_anchor(times_of(nlp, text, published=None), "2025-05-17")
        return found[0] if found else None

    # A weekday told in the past is the last such day up to the story's date (a Saturday).
    assert inferred_from("They met on Friday.") == "2025-05-16"
    assert inferred_from("They met on Sunday.") == "2025-05-11"
    assert inferred_from("They will meet on Friday.") is None  # a plan is no evidence
    # A dateline's date is the report's own day, even when the lead looks ahead.
    assert inferred_from("HARWICK, May 16 (PA) - The council will vote on the budget.") == (
        "2025-05-16"
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for chunk in text.split("\n\n"):
        if chunk.strip():
            spans.append((start, start + len(chunk)))
        start += len(chunk) + 2
    return spans


@pytest.mark.slow
def test_seeds_gold(nlp: Language, seeds_dir: Path) -> None:
    gold_file = shared_path("corpus/seeds.gold.json")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    articles = {a.id: a for a in read([seeds_dir]) if isinstance(a, Article)}
    checked = 0
    for article_id, record in gold.items():
        article = articles[article_id]
        if article.published is None:  # the undated seed: its story's date as the anchor
            article = dataclasses.replace(article, published="2025-05-16")
        found = find_times(nlp(article.text), article)
        paragraphs = _paragraph_spans(article.text)
        for item in record["times"]:
            lo, hi = (
                paragraphs[item["paragraph"]] if "paragraph" in item else (0, len(article.text))
            )
            at = article.text.find(item["text"], lo, hi)
            assert at >= 0, item
            while at >= 0:
                end = at + len(item["text"])
                values = [t.value for t in found if t.start < end and at < t.end]
                assert values == [item["value"]], (article_id, item, values)
                checked += 1
                at = article.text.find(item["text"], end, hi)
    assert checked >= 12


@pytest.mark.slow
def test_undated_seed_dated_from_its_story(nlp: Language, seeds_dir: Path) -> None:
    articles = {a.id: a for a in read([seeds_dir]) if isinstance(a, Article)}
    dated = articles["000_684d17ba5a89146b.txt"]
    undated = articles["002_1143c52ad1076830.txt"]
    assert undated.published is None
    found = find_times(nlp(undated.text), undated)
    assert all(t.value is None for t in found if t.relative is not None)
    assert dated.published is not None
    inferred = infer_published_from_anchor(found, dated.published)
    assert inferred is not None and inferred[0] == "2025-05-16"
    assert "May 16" in inferred[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell 3 percent by Friday.", [("Friday", "2026-03-06")]),
        ("He was arrested in April.", [("April", "2025-04")]),  # never a month to come
        ("Lawmakers are preparing for Tuesday's vote.", [("Tuesday", "2026-03-17")]),
        ("The minister warned on Monday that prices would rise.", [("Monday", "2026-03-09")]),
        ("Player of the Year Ana Ruiz won again.", []),
        # Future when it was said: the weekday nearest the report, here the day before.
        ("The agency said the river would crest on Wednesday night.",
         [("Wednesday night", "2026-03-11TNI")]),
        ("The agency said the river would crest on Saturday.", [("Saturday", "2026-03-14")]),
        ("The river will crest on Wednesday.", [("Wednesday", "2026-03-18")]),
        # Said for this report, with no day of its own: what was said to come lies ahead of
        # the day before, not three days back.
        ("The operator said the line would not reopen before Monday.",
         [("Monday", "2026-03-16")]),
        # Reported speech puts what still holds in the past perfect.
        ("The operator said it had closed the line until Monday.", [("Monday", "2026-03-16")]),
        # A headline with no full stop, which the parser runs into the lead.
        ("Court fines Varden Foods over salmonella outbreak\n\nA court in Lenby on Wednesday fined "
         "Varden Foods 2.3 million euros for selling contaminated chicken.",
         [("Wednesday", "2026-03-11")]),
    ],
)  # fmt: skip
def test_tense_and_titles_on_a_thursday(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    found = times_of(nlp, text, published="2026-03-12")
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(
    ("anchor", "season", "direction", "expected"),
    [
        # "last spring" is the latest spring that is over: this year's in October.
        ("2026-10-02", "SP", "before", "2026-SP"),
        ("2026-04-02", "SP", "before", "2025-SP"),
        ("2026-10-02", "WI", "before", "2025-WI"),
        ("2026-01-15", "WI", "before", "2024-WI"),
        # "next spring" is the next one to start: this year's in January.
        ("2026-01-10", "SP", "after", "2026-SP"),
        ("2026-04-10", "SP", "after", "2027-SP"),
        ("2026-12-10", "WI", "after", "2027-WI"),
    ],
)
def test_last_and_next_season(anchor: str, season: str, direction: str, expected: str) -> None:
    from datetime import date

    from newsweave.analyse.times.calendar import nearest_season

    assert nearest_season(date.fromisoformat(anchor), season, direction) == expected
