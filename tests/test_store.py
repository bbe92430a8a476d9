"""The store, against SQLite and a real PostgreSQL server alike."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from newsweave.ingest import article_key
from newsweave.records import (
    Amount,
    Article,
    ArticleAnalysis,
    EntityMention,
    Event,
    LinkEvidence,
    Quote,
    Sentence,
    Span,
    Speaker,
    TimeRef,
)
from newsweave.store import ArticleWrite, Store, StoryRow, open_store, tables
from newsweave.store.grouper import decode_state, encode_state, stored_state
from newsweave.stories.model import Settings
from newsweave.stories.state import (
    GrouperState,
    SavedMember,
    SavedStory,
    SavedVocabulary,
)

TEXT = "Mayor Ana Ruiz said on Monday: “The bridge opens in May.” 300 people came."


def _analysis(
    text: str = TEXT, *, id_: str = "a.txt", outlet: str | None = "River News"
) -> ArticleAnalysis:
    article = Article(
        id=id_,
        key=article_key(text, outlet),
        text=text,
        published="2026-03-16",
        outlet=outlet,
        title="Bridge",
        source="a.txt",
    )
    return ArticleAnalysis(
        article=article,
        sentences=(Sentence(0, 57, text[0:57]), Sentence(58, 75, text[58:75])),
        entities=(EntityMention(6, 14, "Ana Ruiz", "PERSON", name="Ana Ruiz", role="Mayor"),),
        quotes=(
            Quote(
                32,
                55,
                text[32:55],
                "direct",
                speaker=Speaker(6, 14, "Ana Ruiz", "Ana Ruiz"),
                cue=Span(15, 19, "said"),
            ),
        ),
        times=(TimeRef(20, 29, "on Monday", "DATE", "2026-03-16"),),
        amounts=(Amount(58, 61, "300", 300.0, "people"),),
        events=(Event(6, 55, text[6:55], "said", code="CONSULT", actor=Span(6, 14, "Ana Ruiz")),),
    )


def test_round_trip_every_record(store_url: str) -> None:
    analysis = _analysis()
    with open_store(store_url) as store:
        store.write_analysis(analysis)
        loaded = store.analysis("a.txt")
    assert loaded == analysis


def test_a_narrative_offset_keeps_the_day_it_lands_on(store_url: str) -> None:
    text = "The bridge closed on Monday. Three days later it opened again."
    later = TimeRef(29, 45, "Three days later", "DURATION", "P3D", lands_on="2026-03-19")
    analysis = dataclasses.replace(_analysis(text, id_="b.txt"), times=(later,))
    with open_store(store_url) as store:
        store.write_analysis(analysis)
        assert store.analysis("b.txt").times == (later,)
        moved = dataclasses.replace(later, lands_on="2026-03-26")
        store.update_dates(dataclasses.replace(analysis, times=(moved,)))
        assert store.analysis("b.txt").times == (moved,)


def test_same_article_stored_once(store_url: str) -> None:
    with open_store(store_url) as store:
        store.write_analysis(_analysis())
        store.write_analysis(_analysis())
        assert store.count_articles() == 1
        assert store.known_keys([_analysis().article.key, "nope"]) == {_analysis().article.key}


def test_other_article_with_same_id_stays_addressable(store_url: str) -> None:
    other = _analysis(TEXT + " Traffic was light.")
    with open_store(store_url) as store:
        store.write_analysis(_analysis())
        stored = store.write_analysis(other)
        assert stored.id == f"a.txt~{other.article.key[:8]}"
        assert store.analysis(stored.id) is not None
        assert store.article(other.article.key[:10]) == stored


def test_failed_write_leaves_nothing_half_written(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.store.writes as store_module

    real_to_row = store_module.to_row

    def crash_on_quotes(record: object, table: sa.Table, **extra: object) -> dict[str, object]:
        if table is tables.quotes:  # after the article and its sentences were inserted
            raise sa.exc.OperationalError("insert", {}, Exception("disk I/O error"))
        return real_to_row(record, table, **extra)

    monkeypatch.setattr(store_module, "to_row", crash_on_quotes)
    with open_store(store_url) as store:
        with pytest.raises(sa.exc.OperationalError):
            store.write_analysis(_analysis())
        assert store.count_articles() == 0
        with store.engine.connect() as conn:
            assert conn.scalar(sa.select(sa.func.count()).select_from(tables.sentences)) == 0
        monkeypatch.setattr(store_module, "to_row", real_to_row)
        store.write_analysis(_analysis())  # the re-run completes it
        assert store.analysis("a.txt") == _analysis()


def test_migrations_match_the_tables(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_dialect_specific})
        diff = compare_metadata(context, tables.metadata)
    assert diff == []


def _not_dialect_specific(name: str | None, *_: object) -> bool:
    """What the migrations create for one database alone, outside ``tables.py``: the search
    index (FTS5 or tsvector) and PostgreSQL's indexes of migrations 0011 and 0012."""
    return not str(name).startswith("search_index") and name not in (
        "articles_key_prefix",
        "stories_listing",
    )


def test_a_grouper_state_saved_as_one_record_moves_to_rows(tmp_path: Path) -> None:
    """Revision 0003 splits a state saved whole (before it) into member rows."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    legacy = {"members": [{"key": "k1", "story": 1}, {"key": "k2", "story": 1}], "n": 1}
    with open_store(url) as store, store.engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option(
            "script_location", str(resources.files("newsweave.store") / "migrations")
        )
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        conn.execute(
            sa.text("INSERT INTO grouper_state VALUES ('stories', :data, CURRENT_TIMESTAMP)"),
            {"data": encode_state(legacy)},
        )
    # Opening migrates to the latest revision.
    with open_store(url) as store, store.engine.begin() as conn:
        assert stored_state(conn) == legacy
        assert conn.scalar(sa.text("SELECT count(*) FROM grouper_members")) == 2
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")  # and back: the members return to the record
        data = conn.scalar(sa.text("SELECT data FROM grouper_state"))
    assert decode_state(data) == legacy


def _migrations(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def test_a_grouper_state_before_0005_moves_its_vocabularies_to_rows(store_url: str) -> None:
    """Revision 0005 moves the vocabularies to rows; downgrading puts them back as they were."""
    space = {"keys": ["bridge", "river", "bridge river"], "df": [2, 1, 1], "documents": 2}
    stories = [
        {"number": 0, "members": ["k2", "k1"], "settled": True},
        {"number": 3, "members": ["k3"], "settled": False},
    ]
    legacy = {"version": 2, "terms": space, "entities": {**space, "keys": ["a", "b", "c"]}}
    legacy |= {"details": {"keys": [], "df": [], "documents": 2}, "stories": stories}
    members = [{"key": "k1", "story": 0}, {"key": "k2", "story": 0}, {"key": "k3", "story": 3}]
    with open_store(store_url) as store, store.engine.begin() as conn:
        command.downgrade(_migrations(conn), "0004")
        conn.execute(
            sa.text("INSERT INTO grouper_state VALUES ('stories', :data, CURRENT_TIMESTAMP)"),
            {"data": encode_state(legacy)},
        )
        for seq, raw in enumerate(members):
            conn.execute(
                sa.text("INSERT INTO grouper_members VALUES (:key, :seq, :data)"),
                {"key": raw["key"], "seq": seq, "data": encode_state(raw)},
            )
    with open_store(store_url) as store:  # migrates to the latest revision
        assert store.grouper_state() is None  # of another version: its stories are rebuilt
        with store.engine.begin() as conn:
            assert stored_state(conn) == {**legacy, "members": members}
            assert conn.scalar(sa.text("SELECT count(*) FROM grouper_terms")) == 6
            header = decode_state(conn.scalar(sa.text("SELECT data FROM grouper_state")))
            assert header["terms"] == {"documents": 2}
            command.downgrade(_migrations(conn), "0004")  # and back, as it was
            data = conn.scalar(sa.text("SELECT data FROM grouper_state"))
    assert decode_state(data) == legacy


def _member(key: str, story: int) -> SavedMember:
    """A saved member with made-up arrays (the store keeps them as it is given them)."""
    return SavedMember(
        key=key,
        id=f"{key}.txt",
        story=story,
        published="2026-03-16",
        outlet=None,
        title="Bridge",
        duplicate_of=None,
        date_inferred=False,
        places=("Lindmark",),
        index_keys=("t:bridge",),
        embedding=b"\x00\xff",
        term_ids=b"\x01\x00\x00\x00",
        term_weights=b"\x00\x00\x80?",
        entity_ids=b"",
        entity_weights=b"",
        detail_ids=b"",
        detail_weights=b"",
        signature=bytes(8),
    )


def _state(
    members: tuple[SavedMember, ...],
    stories: tuple[SavedStory, ...],
    *vocabularies: SavedVocabulary,
    partial: bool = False,
) -> GrouperState:
    terms, entities, details = vocabularies
    return GrouperState(
        settings=Settings(),
        next_number=len(stories),
        latest="2026-03-16",
        since_sweep=0,
        terms=terms,
        entities=entities,
        details=details,
        members=members,
        stories=stories,
        partial=partial,
    )


def test_a_grouper_state_is_read_back_as_saved(store_url: str) -> None:
    whole = _state(
        (_member("k1", 0), _member("k2", 1)),
        (SavedStory(0, ("k1",), True), SavedStory(1, ("k2",), False)),
        SavedVocabulary(("bridge", "river"), (2, 1), 2),
        SavedVocabulary(("per-ruiz",), (1,), 2),
        SavedVocabulary((), (), 2),
    )
    with open_store(store_url) as store:
        assert store.grouper_state() is None
        store.save_grouper_state(whole)
        assert store.grouper_state() == whole
        # A partial save writes the members it holds: changed ones keep their place, new ones
        # come after the others.
        changed = (_member("k3", 2), _member("k1", 7))
        store.save_grouper_state(dataclasses.replace(whole, members=changed, partial=True))
        saved = store.grouper_state()
        assert saved is not None and saved.members == (changed[1], whole.members[1], changed[0])
        # Saved by another version of the grouper: not loaded (its stories are rebuilt).
        store.save_grouper_state(dataclasses.replace(whole, version=0))
        assert store.grouper_state() is None


def test_a_partial_save_writes_only_the_vocabulary_rows_it_holds(store_url: str) -> None:
    first = (SavedStory(0, ("k1",), False),)
    full = _state(
        (_member("k1", 0),),
        first,
        SavedVocabulary(("bridge", "river", "mayor"), (1, 1, 1), 1),
        SavedVocabulary(("per-ruiz",), (1,), 1),
        SavedVocabulary((), (), 1),
    )
    partial = _state(
        (_member("k2", 1),),
        (*first, SavedStory(1, ("k2",), False)),
        SavedVocabulary(("river", "flood"), (2, 1), 2, ids=(1, 3)),
        SavedVocabulary((), (), 2, ids=()),
        SavedVocabulary(("#300",), (1,), 2, ids=(0,)),
        partial=True,
    )
    with open_store(store_url) as store:
        store.save_grouper_state(full)
        assert store.grouper_state() == full
        written: list[Any] = []

        def count(_c: Any, _u: Any, statement: str, params: Any, _x: Any, many: bool) -> None:
            if "grouper_terms" in statement and statement.lstrip().upper().startswith("INSERT"):
                written.extend(params if many else [params])

        sa.event.listen(store.engine, "before_cursor_execute", count)
        store.save_grouper_state(partial)
        sa.event.remove(store.engine, "before_cursor_execute", count)
        assert len(written) == 3  # river, flood, #300: not bridge, mayor or per-ruiz
        assert store.grouper_state() == dataclasses.replace(
            partial,
            terms=SavedVocabulary(("bridge", "river", "mayor", "flood"), (1, 2, 1, 1), 2),
            entities=SavedVocabulary(("per-ruiz",), (1,), 2),
            details=SavedVocabulary(("#300",), (1,), 2),
            members=full.members + partial.members,
            partial=False,
        )


def test_reopening_keeps_data(store_url: str) -> None:
    with open_store(store_url) as store:
        store.write_analysis(_analysis())
    with open_store(store_url) as store:
        assert [a.id for a in store.articles()] == ["a.txt"]


def test_bad_url_is_a_clear_error() -> None:
    from newsweave.errors import StoreError

    with pytest.raises(StoreError, match="cannot open the database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")


def _write_with_story(
    store: Store,
    analysis: ArticleAnalysis,
    story_id: str,
    members: tuple[str, ...],
    removed: tuple[str, ...] = (),
) -> None:
    from newsweave.records import Entity

    person = Entity(
        "per-ruiz",
        "Ana Ruiz",
        "PERSON",
        aliases=("Ana Ruiz", "Ruiz"),
        roles=("Mayor",),
        attributes={"names": {"Ana Ruiz": 1}},
    )
    row = StoryRow(
        story_id,
        "Bridge opens",
        "2026-03-16",
        "2026-03-16",
        ("River News",),
        1,
        len(members),
        tuple((key, None) for key in members),
    )
    evidence = [
        LinkEvidence("per-ruiz", analysis.article.id, 6, 14, "Ana Ruiz", "new-entity", 1.0, "first")
    ]
    store.write(
        ArticleWrite(
            analysis, entities=[person], evidence=evidence, stories=[row], removed_stories=removed
        )
    )


def test_entities_stories_and_search(store_url: str) -> None:
    first, second = _analysis(), _analysis(TEXT + " The river rose.", id_="b.txt")
    with open_store(store_url) as store:
        keys = (first.article.key, second.article.key)
        _write_with_story(store, first, "s-old", keys[:1])
        _write_with_story(store, second, "s-new", keys, removed=("s-old",))
        assert [s.id for s in store.stories()] == ["s-new"]
        assert [k for k, _ in store.story_members("s-new")] == sorted(
            [first.article.key, second.article.key]
        )
        assert store.stale_stories() == ["s-new"]
        store.save_dossier("s-new", {"id": "s-new", "facts": []})
        assert store.dossier("s-new") == {"id": "s-new", "facts": []} and not store.stale_stories()
        [entity] = store.entities()
        assert entity.name == "Ana Ruiz" and entity.attributes == {"names": {"Ana Ruiz": 1}}
        assert [e["article"] for e in store.entity_evidence("per-ruiz")] == ["a.txt", "b.txt"]
        assert store.stories(outlet="River News")[0].id == "s-new"
        assert store.stories(outlet="Other") == []
        assert store.story_of(first.article.key) == "s-new"
        hits = store.search("bridge opens")
        assert {h["article"] for h in hits} == {"a.txt", "b.txt"}
        assert any(h["kind"] == "quote" for h in hits)
        assert store.search('") OR drop table articles; --') == []


# Articles written in this order, each mentioning a ferry a given number of times; the last
# two as often as each other (PostgreSQL's rank then ties: the text's length does not count).
_FERRY_TEXTS = {
    "one.txt": " The ferry waits.",
    "three.txt": " The ferry waits. A ferry left. No ferry came back.",
    "two.txt": " The ferry waits. The ferry left.",
    "also-one.txt": " A ferry sank near the old pier at dawn.",
    "none.txt": " Traffic was light.",
}


def test_search_answers_the_same_hits_in_the_same_order(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hits and their order pinned, whatever plan the database picks: the most relevant
    first; on PostgreSQL, equal scores newest first, and only the newest matches ranked."""
    import newsweave.store.reads as reads

    with open_store(store_url) as store:
        for id_, extra in _FERRY_TEXTS.items():
            store.write_analysis(_analysis(TEXT + extra, id_=id_))
        hits = store.search("ferry")
        assert all(h["kind"] == "article" and h["ref"] == h["article"] for h in hits)
        assert all("[ferry]" in h["snippet"].lower() for h in hits)
        order = [h["article"] for h in hits]
        if store.engine.dialect.name == "sqlite":  # bm25: the longer text comes later
            assert order == ["three.txt", "two.txt", "one.txt", "also-one.txt"]
            return
        assert order == ["three.txt", "two.txt", "also-one.txt", "one.txt"]
        assert hits[0]["snippet"] == (
            "opens in May.” 300 people came. "
            "The [ferry] waits. A [ferry] left. No [ferry] came back."
        )
        # The snippet's window is found in the body lowered, for an ASCII word as for another.
        filler = " Nothing else happened that day." * 20
        store.write_analysis(_analysis(TEXT + filler + " The Ferryman and the Écluse.", id_="f"))
        for query, marked in (("ferryman", "[Ferryman]"), ("écluse", "[Écluse]")):
            assert marked in store.search(query)[0]["snippet"]
        monkeypatch.setattr(reads, "SEARCH_WINDOW", 2)  # the two newest matches alone
        assert [h["article"] for h in store.search("ferry")] == ["two.txt", "also-one.txt"]


def test_a_storys_undated_member_comes_last_in_every_database(store_url: str) -> None:
    """Members are listed oldest first and an undated article last, as the dossier orders
    them, on SQLite as on PostgreSQL (whose NULLs would otherwise sort first or last)."""
    members: list[tuple[str, str | None]] = []
    name_of: dict[str, str] = {}
    with open_store(store_url) as store:
        for name, published in [
            ("later", "2026-02-05"),
            ("undated", None),
            ("first", "2026-02-03"),
        ]:
            text = f"The ferry to the islands ran again ({name})."
            article = Article(
                id=name, key=article_key(text, None, name), text=text, published=published
            )
            members.append((article.key, None))
            name_of[article.key] = name
            row = StoryRow(
                "s1", "Ferry", "2026-02-03", "2026-02-05", (), 1, len(members), tuple(members)
            )
            store.write(ArticleWrite(ArticleAnalysis(article), stories=[row]))
        assert [name_of[k] for k, _ in store.story_members("s1")] == ["first", "later", "undated"]
