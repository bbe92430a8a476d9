"""What saving the story grouper costs after a batch, as the archive grows.

A grouper of N synthetic articles (built as in ``stories_scaling.py``) is saved whole into a
fresh SQLite store; then 100 more articles arrive and the partial save an ingest batch makes
(``to_state(members=...)``, ``save_grouper_state`` then ``mark_saved``) is timed. Printed
per N: the size of the grouper's one-record header, the member and vocabulary rows the batch
wrote, and the seconds taken (building the partial state, writing it, reloading it).

    .venv/bin/python bench/grouper_save.py --cache /tmp/stories-base.pkl --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.embed import embed
from newsweave.store import open_store, tables
from newsweave.stories import StoryClusterer
from newsweave.stories.features import features
from newsweave.stories.state import mark_saved, to_state
from stories_scaling import base_analyses, peak_rss_mb, variants

BATCH = 100


def _built(bases: list[Any], n: int, cache_dir: Path | None) -> StoryClusterer:
    """A grouper holding the first ``n`` synthetic articles (pickled in ``cache_dir``)."""
    path = cache_dir / f"grouper-{n}.pkl" if cache_dir else None
    if path is not None and path.is_file():
        cached: StoryClusterer = pickle.loads(path.read_bytes())
        return cached
    clusterer = StoryClusterer()
    for f, vector, sig in variants(bases, n):
        clusterer.add(f, vector, text="", signature_values=sig)
    if path is not None:
        path.write_bytes(pickle.dumps(clusterer))
    return clusterer


def _rows(conn: sa.Connection, table: str) -> int:
    return int(conn.scalar(sa.text(f"SELECT count(*) FROM {table}")) or 0)


def measure(bases: list[Any], n: int, cache_dir: Path | None) -> dict[str, float]:
    """Save a grouper of ``n`` articles whole, add a batch, time the batch's partial save."""
    clusterer = _built(bases, n, cache_dir)
    with tempfile.TemporaryDirectory() as tmp, open_store(f"sqlite:///{tmp}/g.db") as store:
        started = time.perf_counter()
        whole = to_state(clusterer)
        store.save_grouper_state(whole)
        mark_saved(clusterer, whole)
        full_s = time.perf_counter() - started
        clusterer.touched.clear()
        batch = list(variants(bases, n + BATCH))[n:]
        for f, vector, sig in batch:
            clusterer.add(f, vector, text="", signature_values=sig)
        # As pipeline.incremental does: every member of a story the batch changed.
        unsaved = {
            key
            for number in clusterer.touched
            if number in clusterer.stories
            for key in clusterer.stories[number].members
        }
        has_terms = "grouper_terms" in sa.inspect(store.engine).get_table_names()
        with store.engine.connect() as conn:
            terms_before = _rows(conn, "grouper_terms") if has_terms else 0
        started = time.perf_counter()
        state = to_state(clusterer, members=unsaved)
        state_s = time.perf_counter() - started
        started = time.perf_counter()
        store.save_grouper_state(state)
        mark_saved(clusterer, state)
        save_s = time.perf_counter() - started
        started = time.perf_counter()
        loaded = store.grouper_state()
        load_s = time.perf_counter() - started
        assert loaded is not None and len(loaded.members) == n + BATCH
        with store.engine.connect() as conn:
            g = tables.grouper_state
            header = len(conn.scalar(sa.select(g.c.data).where(g.c.name == "stories")) or b"")
            terms_after = _rows(conn, "grouper_terms") if has_terms else 0
        vocabulary = sum(len(v.keys) for v in state.vocabularies().values())
    return {
        "n": n,
        "stories": len(clusterer.stories),
        "header": header,
        "members": len(state.members),
        "vocabulary": vocabulary,
        "new_rows": terms_after - terms_before,
        "full_s": full_s,
        "state_s": state_s,
        "save_s": save_s,
        "load_s": load_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="default: %(default)s")
    parser.add_argument("--cache", type=Path, default=None, help="base analyses pickle")
    parser.add_argument(
        "--grouper-cache", type=Path, default=None, help="pickle built groupers in this folder"
    )
    args = parser.parse_args(argv)
    analyses = base_analyses(None, args.cache)
    found = [features(a) for a in analyses]
    bases = list(zip(found, embed([f.lead for f in found]), strict=True))
    random.Random(0).shuffle(bases)
    print(
        f"{'articles':>9} {'stories':>8} {'header B':>10} {'members':>8} {'vocab ent':>10} "
        f"{'vocab rows':>10} {'full s':>7} {'state s':>8} {'save s':>7} {'load s':>7} "
        f"{'RSS MB':>7}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(bases, n, args.grouper_cache)
        print(
            f"{r['n']:>9} {r['stories']:>8} {r['header']:>10} {r['members']:>8} "
            f"{r['vocabulary']:>10} {r['new_rows']:>10} {r['full_s']:>7.2f} "
            f"{r['state_s']:>8.3f} {r['save_s']:>7.3f} {r['load_s']:>7.2f} "
            f"{peak_rss_mb():>7.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
