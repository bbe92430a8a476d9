"""What keeps a large store fast (migrations 0011 and 0012, ``docs/scaling.md``), on a small
PostgreSQL store: the indexes exist, the queries that must stay flat use them, and what they
return is what the slower queries returned. ``bench/store_scale.py`` measures the time; nothing
here does.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from newsweave.ingest import article_key
from newsweave.records import (
    Article,
    ArticleAnalysis,
    Dossier,
    DossierSource,
    EntityMention,
    Fact,
    Quote,
    Sentence,
    Speaker,
)
from newsweave.store import ArticleWrite, Store, StoryGlance, StoryRow, open_store, reads
from newsweave.web import data

STORIES = 20
PER_STORY = 12  # 240 articles
STATUSES = ("corroborated", "single-source", "conflicting")


@pytest.fixture(scope="module")
def url(postgres_server: str) -> str:
    """A PostgreSQL database of ``STORIES`` stories of ``PER_STORY`` articles each, with
    dossiers, the planner's statistics taken."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{postgres_server}/{name}"
    with open_store(url) as store:
        for story in range(STORIES):
            members: list[tuple[str, str | None]] = []
            for n in range(PER_STORY):
                analysis = _analysis(story, n)
                members.append((analysis.article.key, None))
                store.write(ArticleWrite(analysis, stories=[_row(story, members)]))
            store.save_dossier(f"s{story:03d}", _dossier(story))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return url


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url) as s:
        yield s


def _analysis(story: int, n: int) -> ArticleAnalysis:
    """Article ``n`` of story ``story``: a quote of its mayor and a word of its own."""
    mayor = f"Mayor{story:03d}"
    text = (
        f"The bridge of town {story} opened on Monday, {mayor} said. "
        f"“It is the {n}th bridge,” {mayor} said. Word{story}x{n} closes it."
    )
    outlet = f"Outlet {n % 5}"
    article = Article(
        id=f"s{story}-a{n}",
        key=article_key(text, outlet, f"s{story}-a{n}"),
        text=text,
        published=f"2026-{1 + story % 12:02d}-{1 + n:02d}",
        outlet=outlet,
        title=f"Bridge {story}",
    )
    start = text.index(mayor)
    said = text.index("“")
    return ArticleAnalysis(
        article=article,
        sentences=(Sentence(0, said - 1, text[: said - 1]),),
        entities=(EntityMention(start, start + len(mayor), mayor, "PERSON", name=mayor),),
        quotes=(
            Quote(
                said,
                text.index("”") + 1,
                text[said : text.index("”") + 1],
                "direct",
                speaker=Speaker(start, start + len(mayor), mayor, name=mayor),
            ),
        ),
    )


def _row(story: int, members: list[tuple[str, str | None]]) -> StoryRow:
    days = [f"2026-{1 + story % 12:02d}-{1 + n:02d}" for n in range(len(members))]
    return StoryRow(
        f"s{story:03d}", f"Bridge {story}", days[0], days[-1], ("Outlet 0",), 1, len(members),
        tuple(members),
    )  # fmt: skip


def _dossier(story: int) -> dict[str, Any]:
    """A dossier with ``story % 4`` facts (statuses in turn) and two sources, two days apart."""
    facts = tuple(
        Fact(f"fact {i}", STATUSES[(story + i) % 3], ("Outlet 0",), ()) for i in range(story % 4)
    )
    sources = tuple(
        DossierSource(f"s{story}-a{n}", "Outlet 0", f"2026-01-{1 + n:02d}", None, "Outlet 0")
        for n in (0, 2)
    )
    articles = tuple(f"s{story}-a{n}" for n in range(PER_STORY))
    return Dossier(
        f"s{story:03d}", f"Bridge {story}", articles, facts=facts, sources=sources
    ).as_dict()


@contextlib.contextmanager
def _statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (with their parameters) run on the store while the block runs."""
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    sa.event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", note)


def _plans(store: Store, call: Callable[[], object]) -> list[str]:
    """The plan of each statement ``call`` runs, with sequential scans priced out (a table
    of a few hundred rows is read whole otherwise): what the planner can use, not what it
    prefers at this size."""
    with _statements(store) as seen:
        call()
    plans = []
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SET enable_seqscan = off")
        for statement, params in seen:
            cursor.execute(f"EXPLAIN {statement}", params)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_the_indexes_exist(store: Store) -> None:
    with store.engine.connect() as conn:
        defined = dict(conn.execute(sa.text("SELECT indexname, indexdef FROM pg_indexes")).all())
    assert "varchar_pattern_ops" in defined["articles_key_prefix"]
    assert "(last_published DESC NULLS LAST, id)" in defined["stories_listing"]
    assert "(id)" in defined["search_index_pkey"]


def test_a_page_of_stories_is_read_off_the_listing_index(store: Store) -> None:
    everything = store.stories(limit=STORIES)
    newest_first = sorted(sorted(everything, key=lambda r: r.id), key=_newest_first)
    assert everything == newest_first
    for since in (None, "2026-06-01"):
        page = store.stories(since=since, limit=5, offset=5)
        wanted = [r for r in everything if since is None or (r.last_published or "") >= since]
        assert page == wanted[5:10]
    [plan] = _plans(store, lambda: store.stories(limit=5, offset=5))
    assert "stories_listing" in plan and "Sort" not in plan


def _newest_first(row: StoryRow) -> tuple[bool, str]:
    """Newest publication first, undated last (what ``Store.stories`` promises)."""
    return (
        row.last_published is None,
        "".join(chr(0x10FFFF - ord(c)) for c in row.last_published or ""),
    )


def test_an_article_is_found_by_the_start_of_its_key_through_the_index(store: Store) -> None:
    article = store.articles(limit=1)[0]
    assert store.article(article.key[:8]) == article
    assert store.article(article.key) == article
    plans = _plans(store, lambda: store.article(article.key[:8]))
    assert "articles_key_prefix" in plans[-1] and "Seq Scan" not in plans[-1]


def test_the_stories_list_reads_glances_not_dossiers(store: Store) -> None:
    with _statements(store) as seen:
        rows = store.stories(limit=STORIES)
    assert len(rows) == STORIES and not any("dossier" in sql for sql, _ in seen)
    for row in rows:
        assert row.glance == StoryGlance.of(store.dossier(row.id) or {})
    page = data.stories_page(store, data.StoryFilters(limit=STORIES))
    first = next(s for s in page["stories"] if s["id"] == "s003")
    assert first["facts"] == {"corroborated": 1, "single-source": 1, "conflicting": 1}
    assert first["per_day"] == [("2026-01-01", 1), ("2026-01-02", 0), ("2026-01-03", 1)]


def test_a_story_page_costs_the_same_queries_whatever_its_size(store: Store) -> None:
    with _statements(store) as seen:
        page = data.story_page(store, "s005")
    assert page is not None and len(page["texts"]) == PER_STORY
    assert len(seen) <= 6  # not one per member
    plans = _plans(store, lambda: data.story_page(store, "s005"))
    assert not any("Seq Scan" in plan for plan in plans)


def test_search_ranks_the_newest_matches_through_the_indexes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(store.search("bridge")) == 50  # every entry matches: the page is full
    [rare] = store.search("word7x3")
    assert (rare["article"], rare["kind"]) == ("s7-a3", "article")  # however old it is
    monkeypatch.setattr(reads, "SEARCH_WINDOW", 12)
    newest = {hit["article"] for hit in store.search("bridge")}
    assert newest == {f"s{STORIES - 1}-a{n}" for n in range(PER_STORY - 6, PER_STORY)}
    for words in ("bridge", "word7x3"):
        [plan] = _plans(store, lambda words=words: store.search(words))
        assert "search_index_pkey" in plan and "Seq Scan" not in plan


def test_a_glance_is_filled_for_the_dossiers_built_before_0011(url: str) -> None:
    with open_store(url) as store, store.engine.begin() as conn:
        command.downgrade(_migrations(conn), "0010")
        command.upgrade(_migrations(conn), "head")
        glance = conn.scalar(sa.text("SELECT glance FROM stories WHERE id = 's003'"))
    assert StoryGlance.from_dict(glance) == StoryGlance.of(_dossier(3))


def _migrations(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg
