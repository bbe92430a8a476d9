"""The web application in a real browser (Debian chromium, headless, via Playwright).

A uvicorn server runs in a thread on a free loopback port over a store holding the seeds,
the examples and a hostile article; screenshots go to docs/screenshots/web-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EXAMPLES,
    SCREENSHOTS,
    require_chromium,
    serving,
)
from newsweave.pipeline import ingest
from newsweave.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Invented for this test: markup in article text that must show as text and never run.
HOSTILE = """title: Harbour board notice
outlet: The Test Ledger
date: 2026-05-02

The harbour board notice read <script>alert(1)</script> in its first line, the clerk said.
A second line held <img src=x onerror=alert(1)> where a photo should have been.
"""


# Invented for this test: one event reported by two outlets, set in real places, for the map.
FLOOD = {
    "lakeshore_ledger.txt": """title: Flooding closes roads across north-central Ohio
outlet: The Lakeshore Ledger
date: 2026-06-10

Heavy rain flooded roads in Mansfield on Tuesday, and crews in Columbus sent pumps north.
The Ohio Department of Transportation closed two highways near Mansfield until Wednesday.
Rain also fell on Cleveland, where the river rose above its banks for the first time in years.
""",
    "buckeye_bulletin.txt": """title: Mansfield floods after a night of heavy rain
outlet: Buckeye Bulletin
date: 2026-06-10

Heavy rain flooded roads in Mansfield overnight, and Columbus sent pumps to help the city.
Ohio transportation officials closed two highways near Mansfield until Wednesday.
In Cleveland the river rose above its banks, officials said.
""",
}


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path
) -> Iterator[tuple[str, dict[str, str]]]:
    """The base URL of a running server, and the ids the tests look for."""
    folder = tmp_path_factory.mktemp("webbrowser")
    (folder / "hostile").mkdir()
    (folder / "hostile" / "harbour_notice.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "flood").mkdir()
    for name, text in FLOOD.items():
        (folder / "flood" / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    with open_store(url) as store:
        ingest(
            [str(seeds_dir), str(EXAMPLES), str(folder / "hostile"), str(folder / "flood")], store
        )
        articles = store.articles()
        seeds = [a for a in articles if a.source and "seeds" in a.source]
        seeds_story = store.story_of(seeds[0].key)
        # The screenshots show the examples and the flood (text we wrote), never the
        # reference articles.
        fire = [a for a in articles if a.id.startswith("marrowgate")]
        example_story = store.story_of(fire[0].key)
        flood = {store.story_of(a.key) for a in articles if a.id in FLOOD}
    assert seeds_story is not None and example_story is not None
    assert len(flood) == 1, "the two flood reports are one story"
    ids = {"seeds_story": seeds_story, "example": example_story, "flood": flood.pop() or ""}
    with serving(url) as base:
        yield base, ids


def _hover(page: Any, mark: Any) -> Any:
    """Hover ``mark`` and return the tooltip, once it shows."""
    mark.scroll_into_view_if_needed()
    mark.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible", timeout=5000)
    return tip


def test_stories_story_and_highlights_in_chromium(served: tuple[str, dict[str, str]]) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    base, ids = served
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(base + "/stories")
            assert page.locator("li.story").count() >= 3
            # Each story at a glance: its facts by status and its articles per day.
            assert page.locator("li.story svg.facts-bar").count() >= 3
            assert page.locator("li.story svg.sparkline").count() >= 3
            page.goto(base + "/stories?since=2026-01-01")  # the examples' stories
            page.screenshot(path=str(SCREENSHOTS / "web-stories.png"), full_page=True)
            page.goto(base + "/stories")

            page.click(f'li.story a[href="/stories/{ids["seeds_story"]}"]')
            page.wait_for_url(f"**/stories/{ids['seeds_story']}")
            columns = page.locator("article.source")
            assert columns.count() == 2
            boxes = [columns.nth(i).bounding_box() for i in range(2)]
            assert boxes[0] and boxes[1]
            assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5, "sources side by side"
            assert boxes[1]["x"] >= boxes[0]["x"] + boxes[0]["width"] - 1

            # The aligned statement: one item with a variant from each source.
            aligned = page.locator(".statement").filter(
                has=page.locator("ol.variants li:nth-child(2)")
            )
            assert aligned.count() >= 1
            statement_id = aligned.first.get_attribute("id")
            variants = aligned.first.locator("ol.variants li q").all_inner_texts()
            assert len(variants) >= 2

            # Hover a highlighted quote of that statement in the first column: its variants show.
            mark = columns.nth(0).locator(f'mark[data-statements~="{statement_id}"]').first
            tip = _hover(page, mark)
            shown = tip.inner_text()
            assert all(v[:40] in shown for v in variants), shown[:400]

            # A click pins it; a click elsewhere closes it.
            mark.click()
            assert tip.is_visible()
            page.mouse.click(5, 990)
            assert tip.is_hidden()

            # The examples' fire story, five outlets side by side, for the screenshot.
            page.goto(base + f"/stories/{ids['example']}")
            assert page.locator("article.source").count() == 5
            aligned = page.locator(".statement").filter(
                has=page.locator("ol.variants li:nth-child(3)")
            )
            statement_id = aligned.first.get_attribute("id")
            _hover(page, page.locator(f'mark[data-statements~="{statement_id}"]').first)
            page.screenshot(path=str(SCREENSHOTS / "web-story.png"))

            # Who reported what: hovering a cell lights that source's sentence in its column.
            cell = page.locator("table.matrix tbody th + td.reported").first  # column 0
            assert cell.get_attribute("tabindex") == "0"  # a tab stop
            row = cell.locator("xpath=..").get_attribute("data-row") or ""
            column = page.locator("table.matrix thead th[data-articles]").first
            article = (column.get_attribute("data-articles") or "").split()[0]
            cell.hover()
            lit = page.locator(f'article.source[data-article="{article}"] mark.on')
            assert lit.count() >= 1
            marked = " ".join(
                lit.first.get_attribute(a) or "" for a in ("data-facts", "data-statements")
            )
            assert row in marked.split()
            page.locator("#matrix").screenshot(path=str(SCREENSHOTS / "web-story-matrix.png"))
            # When they reported it: a lane per source and per shared fact, dated events below.
            coverage = page.locator("svg.coverage")
            assert coverage.locator("circle").count() >= 5
            assert "first" in (coverage.locator("circle title").nth(5).text_content() or "")
            page.locator("#coverage").screenshot(path=str(SCREENSHOTS / "web-story-coverage.png"))
            # Printed, the story at a glance (matrix and coverage) is one A4 landscape page.
            pdf = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1

            # The flood story's places: a dot on the inline map for each, titled with its
            # coordinates, and the same places listed beside it; a dot links to the place's page.
            page.goto(base + f"/stories/{ids['flood']}")
            dots = page.locator("svg.place-map circle")
            rows = page.locator("#places tr[data-place]")
            assert dots.count() >= 2 and dots.count() == rows.count()
            box = page.locator("svg.place-map").bounding_box()
            assert box and box["width"] > 200 and box["height"] > 50
            page.locator("#places").screenshot(path=str(SCREENSHOTS / "web-story-places.png"))
            first_row = rows.first.locator("td").all_inner_texts()
            title = dots.first.locator("title").text_content() or ""
            lat, lon = float(first_row[3]), float(first_row[4])
            assert title.startswith(f"{first_row[0]} ({lat:.2f}, {lon:.2f})"), (title, first_row)
            page.locator("svg.place-map a").first.click()
            page.wait_for_url("**/entities/**")
            assert page.locator("h1").inner_text().startswith(first_row[0])
            page.go_back()

            page.goto(base + "/articles/harbour_notice.txt")
            body = page.locator(".article-body").inner_text()
            assert "<script>alert(1)</script>" in body
            assert "<img src=x onerror=alert(1)>" in body
            assert page.locator(".article-body img, .article-body script").count() == 0
            page.screenshot(path=str(SCREENSHOTS / "web-article-escaped.png"))
            page.goto(base + "/search?q=harbour")
            page.wait_for_timeout(300)
        finally:
            browser.close()
    assert dialogs == [], "a script from article text ran"
