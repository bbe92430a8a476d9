"""The HTML dossier of the seeds story in a real browser (Debian chromium, headless)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from newsweave.export.html import dossier_html
from newsweave.fuse import build_dossier
from newsweave.ingest import read
from newsweave.pipeline import analyse
from newsweave.records import ArticleAnalysis

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    analyses = [a for a in analyse(read([str(seeds_dir)])) if isinstance(a, ArticleAnalysis)]
    analyses.sort(key=lambda a: a.article.id)
    dossier = build_dossier("seeds", analyses)
    texts = {a.article.id: a.article.text for a in analyses}
    path = tmp_path_factory.mktemp("dossier") / "seeds.html"
    path.write_text(dossier_html(dossier, texts=texts), encoding="utf-8")
    return path


def test_seeds_dossier_in_chromium(page_file: Path) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Debian chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        # The network is off: any request beyond the file itself is refused and recorded.
        asked: list[str] = []

        def offline(route: Any) -> None:
            if route.request.url == page_file.as_uri():
                route.continue_()
            else:
                asked.append(route.request.url)
                route.abort()

        page.route("**/*", offline)
        page.goto(page_file.as_uri())
        columns = page.locator("article.source")
        assert columns.count() == 2
        boxes = [columns.nth(i).bounding_box() for i in range(2)]
        assert boxes[0] and boxes[1]
        # Side by side: the same top, the second column to the right of the first.
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5
        assert boxes[1]["x"] >= boxes[0]["x"] + boxes[0]["width"] - 1
        for i in range(2):
            quotes = columns.nth(i).locator("mark[data-statements]")
            assert quotes.count() >= 3
            assert quotes.first.is_visible()
        # A statement found in both articles highlights its quote in both columns.
        shared = page.locator(".statement").first.get_attribute("id")
        for i in range(2):
            assert columns.nth(i).locator(f"mark[data-statements~='{shared}']").count() >= 1
        assert page.locator("mark[data-status='corroborated']").count() >= 2
        assert page.locator(".badge.corroborated").count() >= 4
        # Who reported what and when, offline: the matrix with a tab stop per reporting cell
        # (its script inlined), and the coverage timeline.
        reported = page.locator("table.matrix td.reported")
        assert reported.count() >= 4 and reported.first.get_attribute("tabindex") == "0"
        assert page.locator("svg.coverage circle").count() >= 2
        assert asked == [], asked
        browser.close()
