"""A story's independent sources, counted once for the story list and the dossier alike.

``stories/sources.py`` keys every article of a story (its outlet folded, a copy as its
original); the story list (``stories/summary.py``: ``newsweave stories``, ``/stories.json``) and
the dossier's ``sources`` (``fuse/sources.py``) both count those keys, so they agree.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import EXAMPLES
from newsweave.pipeline import Collection, analyze_paths, ingest
from newsweave.store import open_store
from newsweave.stories.sources import outlet_key, source_keys
from newsweave.web.data import StoryFilters, stories_page, story_page


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("The Wrenfield Herald", "wrenfield herald"),
        ("The Wrenfield Herald", "Wrenfield Herald"),
        ("The Wrenfield Herald", "THE WRENFIELD HERALD."),
        ("The Wrenfield Herald", "  the  Wrenfield\tHerald "),
        ("Wrenfield-Herald", "Wrenfield Herald"),
        ("Harper's Weekly", "Harpers Weekly"),
        ("Harper\u2019s Weekly", "Harper's Weekly"),
        ("U.S. News", "US News"),
        ("S\u00fcddeutsche Zeitung", "Suddeutsche Zeitung"),
    ],
)
def test_one_outlet_however_written(written: str, other: str) -> None:
    assert outlet_key(written) == outlet_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The Wrenfield Herald", "The Wrenfield Courier"),
        ("The Times", "Times Union"),
        ("Wrenfield Herald", "Wrenfield Herald Digital"),
    ],
)
def test_different_outlets_stay_apart(one: str, other: str) -> None:
    assert outlet_key(one) != outlet_key(other)


def test_the_alone_is_an_outlet_name() -> None:
    assert outlet_key("The") == "the"


def test_a_wire_copy_counts_as_its_original() -> None:
    keys = source_keys(
        {
            "ap-1": "Associated Press",
            "herald-7": "The Wrenfield Herald",
            "courier-2": "Wrenfield Courier",
        },
        {"herald-7": "ap-1"},
    )
    assert keys["herald-7"] == keys["ap-1"] == "outlet:associated press"
    assert keys["courier-2"] == "outlet:wrenfield courier"


@pytest.mark.parametrize(
    ("outlets", "duplicates", "count"),
    [
        # one outlet written three ways
        ({"a": "The Wrenfield Herald", "b": "wrenfield herald", "c": "Wrenfield Herald."}, {}, 1),
        # articles of unknown outlet are each their own source
        ({"a": None, "b": None, "c": "Wrenfield Herald"}, {}, 3),
        # a copy with an outlet, of an original without one: still one source
        ({"a": None, "b": "Wrenfield Herald"}, {"b": "a"}, 1),
        # a copy of a copy leads back to the first original
        (
            {"a": "Associated Press", "b": "Wrenfield Herald", "c": "Wrenfield Courier"},
            {"b": "a", "c": "b"},
            1,
        ),
        # copies of an original in another story, outlets unknown: they count once
        ({"b": None, "c": None}, {"b": "z", "c": "z"}, 1),
        # such a copy with an outlet counts as that outlet
        ({"b": "The Wrenfield Herald", "d": "wrenfield herald"}, {"b": "z"}, 1),
        ({"b": "The Wrenfield Herald", "d": "Wrenfield Courier"}, {"b": "z"}, 2),
    ],
)
def test_independent_sources(
    outlets: dict[str, str | None], duplicates: dict[str, str], count: int
) -> None:
    keys = source_keys(outlets, duplicates)
    assert set(keys) == set(outlets)
    assert len(set(keys.values())) == count


def _assert_story_list_counts_dossier_sources(collection: Collection) -> None:
    dossiers = {d.id: d for d in collection.stories}
    assert collection.summaries
    assert {s.id for s in collection.summaries} == set(dossiers)
    for summary in collection.summaries:
        sources = {s.source for s in dossiers[summary.id].sources}
        assert summary.independent_outlets == len(sources), (summary.id, sorted(sources))


def _assert_pages_agree(store_path: Path) -> dict[str, int]:
    """The count ``/stories.json`` shows against the dossier's sources on each story page;
    returns the count of each story by title."""
    with open_store(str(store_path)) as store:
        listed = stories_page(store, StoryFilters(limit=1000))["stories"]
        assert listed
        counts = {}
        for story in listed:
            page = story_page(store, story["id"])
            assert page is not None
            sources = {s["source"] for s in page["dossier"]["sources"]}
            assert story["independent_outlets"] == len(sources), (story["id"], sorted(sources))
            assert page["story"]["independent_outlets"] == len(sources)
            counts[story["title"]] = story["independent_outlets"]
    return counts


def test_examples_story_list_counts_the_dossier_sources() -> None:
    _assert_story_list_counts_dossier_sources(analyze_paths([str(EXAMPLES)]))


def test_reference_articles_story_list_counts_the_dossier_sources(seeds_dir: Path) -> None:
    _assert_story_list_counts_dossier_sources(analyze_paths([str(seeds_dir)]))


def test_stored_story_list_counts_the_dossier_sources(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        report = ingest([str(EXAMPLES), str(seeds_dir)], store)
        assert not report.rejected
    assert len(_assert_pages_agree(db)) == 3


@pytest.fixture
def respelled(tmp_path: Path) -> Path:
    """The examples with one outlet written two ways and a wire copy carrying an outlet (its
    original, the wire brief, has none): what the story list and the dossier once counted
    differently."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("README.md"))
    meridian = folder / "summit" / "daily_meridian_2026-03-13.txt"
    text = meridian.read_text(encoding="utf-8")
    meridian.write_text(text.replace("outlet: The Daily Meridian", "outlet: harbor gazette"))
    brief = (folder / "fire" / "wire_brief_2026-04-22.txt").read_text(encoding="utf-8")
    body = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", brief)
    (folder / "fire" / "wrenfield_herald_copy.txt").write_text(
        "date: 2026-04-23\noutlet: The Wrenfield Herald\n\n" + body, encoding="utf-8"
    )
    return folder


def _counts_by_outlets(collection: Collection) -> Mapping[tuple[str, ...], int]:
    return {s.outlets: s.independent_outlets for s in collection.summaries}


def test_respelled_outlets_and_copies_count_alike(respelled: Path, tmp_path: Path) -> None:
    collection = analyze_paths([str(respelled)])
    _assert_story_list_counts_dossier_sources(collection)
    counts = _counts_by_outlets(collection)
    summit = next(
        n for outlets, n in counts.items() if "harbor gazette" in map(outlet_key, outlets)
    )
    fire = next(
        n for outlets, n in counts.items() if "wrenfield herald" in map(outlet_key, outlets)
    )
    # Summit: Harbor Gazette (twice), Lindmark Observer, Tessaly Press Agency, one undated
    # article of unknown outlet. Fire: Marrowgate Courier, Osterlund Herald, Tessaly Press
    # Agency, Calder Evening Post, and the wire brief with its copy.
    assert (summit, fire) == (4, 5)
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        ingest([str(respelled)], store)
    assert sorted(_assert_pages_agree(db).values()) == [4, 5]
