"""Server-side render time and weight of a large story's page (issue #22).

Builds a temporary SQLite store holding N reports of the examples' fire story: copies of its
articles, each under its own outlet, each keeping a different two thirds of its paragraphs
with a word naming the copy written into every sentence. The grouper splits such a crowd into
several stories, so the bench then makes them one story of all N (its dossier built by
``build_dossier``, as ingest would). Then renders that story's page and its JSON twin
in-process (FastAPI's test client, the page cache off) and prints the warm render time
(median and slowest of ``--renders``, after one render not counted) and the size of each.

    .venv/bin/python bench/story_page.py [--articles 50]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import zlib
from pathlib import Path

from fastapi.testclient import TestClient

from newsweave.errors import InputError
from newsweave.fuse import build_dossier
from newsweave.ingest import read
from newsweave.pipeline import ingest
from newsweave.store import Store, StoryRow, open_store
from newsweave.web import create_app

FIRE = Path(__file__).resolve().parents[1] / "examples" / "fire"


def write_reports(folder: Path, count: int) -> None:
    originals = [a for a in read([FIRE]) if not isinstance(a, InputError)]
    for n in range(count):
        base = originals[n % len(originals)]
        paragraphs = [p for p in base.text.split("\n\n") if p.strip()]
        # A word, not a number, marks the copy: a number would read as a disputed figure.
        mark = chr(97 + n % 26) + chr(97 + n // 26 % 26)
        kept = [
            re.sub(r"\.(\s|$)", f" in edition {mark}.\\1", p)
            for i, p in enumerate(paragraphs)
            if i == 0 or zlib.crc32(f"{n}:{i}".encode()) % 3
        ]
        header = f"date: {base.published}\noutlet: Outlet {n:02d}\ntitle: {base.title}\n\n"
        (folder / f"report_{n:02d}.txt").write_text(header + "\n\n".join(kept), encoding="utf-8")


def _one_story(store: Store) -> StoryRow:
    """Every article of the store as one story, with its dossier."""
    articles = sorted(store.articles(), key=lambda a: (a.published or "", a.id))
    analyses = list(store.analyses([a.key for a in articles]))
    dossier = build_dossier("s_bench", analyses)
    outlets = tuple(dict.fromkeys(a.outlet or a.id for a in articles))
    row = StoryRow(
        id="s_bench",
        title=dossier.title,
        first_published=articles[0].published,
        last_published=articles[-1].published,
        outlets=outlets,
        independent_outlets=len({s.source for s in dossier.sources}),
        article_count=len(articles),
        members=tuple((a.key, None) for a in articles),
    )
    store.write_stories([row], [s.id for s in store.stories()])
    store.save_dossier(row.id, dossier.as_dict())
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--save", type=Path, help="also write the page to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        write_reports(folder, args.articles)
        url = f"sqlite:///{Path(tmp) / 'story.db'}"
        with open_store(url) as store:
            ingest([str(folder)], store)
            story = _one_story(store)
        with TestClient(create_app(url, cache_seconds=0)) as client:
            path = f"/stories/{story.id}"
            page, twin = client.get(path), client.get(path + ".json")
            assert page.status_code == twin.status_code == 200
            times = []
            for _ in range(args.renders):
                started = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - started) * 1000)
    print(f"story of {story.article_count} articles, {story.independent_outlets} outlets")
    print(
        f"page render (warm): median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms"
    )
    if args.save:
        args.save.write_bytes(page.content)
    page_kb, twin_kb = len(page.content) / 1024, len(twin.content) / 1024
    wire_kb, twin_wire_kb = page.num_bytes_downloaded / 1024, twin.num_bytes_downloaded / 1024
    print(f"page weight: {page_kb:.0f} KB ({wire_kb:.0f} KB sent, gzip)")
    print(f"JSON twin: {twin_kb:.0f} KB ({twin_wire_kb:.0f} KB sent, gzip)")


if __name__ == "__main__":
    main()
