"""A story's date (``stories/dates.py``): one answer for dating an undated article of the story
(``pipeline/collection.py``) and for the dossier's timeline (``fuse/timeline.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsweave.analyse.sentences import find_sentences
from newsweave.analyse.times import find_times
from newsweave.fuse.timeline import resolved_times
from newsweave.pipeline.collection import date_from_stories
from newsweave.records import Article, ArticleAnalysis
from newsweave.stories.dates import dated_from_story, story_date


def _article(n: int, published: str | None, *, inferred: bool = False) -> Article:
    return Article(
        id=f"a{n}", key=f"a{n}", text="", published=published, published_inferred=inferred
    )


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([], None),
        ([(None, False)], None),
        ([("2026-03-12", False)], "2026-03-12"),
        # the most common date, not the earliest
        ([("2026-03-02", False), ("2026-03-12", False), ("2026-03-12", False)], "2026-03-12"),
        # the earliest of a tie, whatever the order
        ([("2026-03-12", False), ("2026-03-02", False)], "2026-03-02"),
        # metadata first: inferred dates do not outvote it
        ([("2026-03-02", True), ("2026-03-02", True), ("2026-03-12", False)], "2026-03-12"),
        # inferred dates when nothing else dates the story
        ([("2026-03-02", True), (None, False)], "2026-03-02"),
    ],
)
def test_story_date(dates: list[tuple[str | None, bool]], expected: str | None) -> None:
    articles = [_article(n, day, inferred=inferred) for n, (day, inferred) in enumerate(dates)]
    assert story_date(articles) == expected


def _analysis(nlp: Language, id_: str, text: str, published: str | None) -> ArticleAnalysis:
    article = Article(id=id_, key=id_, text=text, published=published)
    doc = nlp(text)
    return ArticleAnalysis(
        article=article,
        sentences=tuple(find_sentences(doc, article)),
        times=tuple(find_times(doc, article)),
    )


def test_the_collection_and_the_timeline_read_an_undated_article_alike(nlp: Language) -> None:
    """The earliest date (2026-03-02, a Monday) and the most common one (2026-03-12) put "on
    Monday" on different days; both stages now take the story's date."""
    story = [
        _analysis(nlp, "a", "Talks on the ceasefire opened in Geneva.", "2026-03-02"),
        _analysis(nlp, "b", "The ceasefire talks went on in Geneva.", "2026-03-12"),
        _analysis(nlp, "c", "The ceasefire talks ended in Geneva.", "2026-03-12"),
        _analysis(nlp, "u", "The two ministers met on Monday in Geneva.", None),
    ]
    dated = date_from_stories(story, dict.fromkeys("abcu", "s"))[-1]
    assert dated.article.published == "2026-03-09" and dated.article.published_inferred
    assert [t.value for t in dated.times] == ["2026-03-09"]
    assert [value for _, _, value, _ in resolved_times(story)["u"]] == ["2026-03-09"]


def test_an_article_with_a_date_or_a_story_without_one_is_not_dated_again(
    nlp: Language,
) -> None:
    dated = _analysis(nlp, "a", "The two ministers met on Monday in Geneva.", "2026-03-12")
    undated = _analysis(nlp, "u", "The two ministers met on Monday in Geneva.", None)
    assert dated_from_story(dated.article, dated.times, "2026-03-02") == (
        dated.article,
        dated.times,
    )
    assert dated_from_story(undated.article, undated.times, None) == (
        undated.article,
        undated.times,
    )
