"""Incremental ingest: articles arrive in several runs; stories, dates and dossiers follow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from newsweave.pipeline import ingest
from newsweave.store import open_store


def test_seeds_arriving_one_by_one_form_one_dated_story(seeds_dir: Path, tmp_path: Path) -> None:
    dated, undated = sorted(seeds_dir.iterdir())
    with open_store(str(tmp_path / "news.db")) as store:
        first = ingest([str(undated)], store)
        assert first.stored == [undated.name] and len(first.stories) == 1
        assert store.article(undated.name).published is None  # nothing to infer it from yet
        second = ingest([str(dated)], store)
        assert second.stored == [dated.name]
        [story] = store.stories()
        assert story.article_count == 2 and story.independent_outlets == 2
        article = store.article(undated.name)
        assert article.published == "2025-05-16" and article.published_inferred
        analysis = store.analysis(undated.name)
        may_16 = [t for t in analysis.times if t.text == "May 16"]
        assert may_16 and may_16[0].value == "2025-05-16"
        dossier = store.dossier(story.id)
        assert dossier is not None and set(dossier["articles"]) == {dated.name, undated.name}
        assert store.stale_stories() == []


@pytest.mark.parametrize("reverse", [False, True])
def test_examples_group_the_same_whatever_the_order(tmp_path: Path, reverse: bool) -> None:
    files = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.name != "README.md")
    with open_store(str(tmp_path / "news.db")) as store:
        for path in reversed(files) if reverse else files:
            ingest([str(path)], store)
        stories = store.stories()
        assert sorted(s.article_count for s in stories) == [5, 5]
        grouping = sorted(sorted(k for k, _ in store.story_members(s.id)) for s in stories)
    with open_store(str(tmp_path / "batch.db")) as store:
        ingest([str(EXAMPLES)], store)
        batch = sorted(sorted(k for k, _ in store.story_members(s.id)) for s in store.stories())
    assert grouping == batch


def test_a_copy_joins_the_story_without_adding_a_source(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    original = next(folder.glob("000_*"))
    text = original.read_text(encoding="utf-8")
    (folder / "copy.txt").write_text("outlet: Wire Copy\n\n" + text.split(" ", 3)[3])
    with open_store(str(tmp_path / "news.db")) as store:
        ingest([str(folder)], store)
        [story] = store.stories()
        assert story.article_count == 3 and story.independent_outlets == 2
        originals = dict(store.story_members(story.id))
        assert sum(1 for o in originals.values() if o) == 1


def test_a_state_of_another_grouper_version_is_rebuilt(tmp_path: Path) -> None:
    """After an upgrade that changes the grouper, the stories are rebuilt from the stored
    analyses: the same grouping, and no story left over from the old one."""
    summit, fire = EXAMPLES / "summit", EXAMPLES / "fire"
    with open_store(str(tmp_path / "news.db")) as store:
        ingest([str(summit)], store)
        state = store.grouper_state()
        assert state is not None
        store.save_grouper_state({**state, "version": 0})  # as an older grouper left it
        ingest([str(fire), str(EXAMPLES / "tessaly_press_agency.jsonl")], store)
        stories = store.stories()
        assert sorted(s.article_count for s in stories) == [5, 5]
        assert store.story_ids() == {s.id for s in stories}
        assert len(store.stories_of_articles()) == store.count_articles() == 10
        saved = store.grouper_state()
        assert saved is not None and len(saved["members"]) == 10
