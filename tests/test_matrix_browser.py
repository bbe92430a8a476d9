"""Who reported what, in a real browser, on the claims corpus: every cell of every story's
matrix says what the story's dossier says (issue #22, acceptance 1).

The corpus (``../shared/corpus/claims``: three events, four outlets each and a wire copy) is
read at run time; nothing of it is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium, serving, shared_path
from newsweave.pipeline import ingest
from newsweave.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.browser]


# Every matrix cell as the page shows it: its table's row id, the column's source, its state
# (a cell spanning a run of sources stands for each of them).
_CELLS = """() => [...document.querySelectorAll('table.matrix')].flatMap(table => {
  const sources = [...table.querySelectorAll('thead th[data-source]')].map(th => th.dataset.source);
  return [...table.querySelectorAll('tbody tr[data-row]')].flatMap(tr =>
    [...tr.querySelectorAll('td')].flatMap(td => Array(td.colSpan).fill(td))
      .map((td, n) => ({
        row: tr.dataset.row, source: sources[n], text: td.textContent.trim(),
        state: ['reported', 'differs', 'absent'].find(s => td.classList.contains(s)),
      })));
})"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    claims = shared_path("corpus/claims/articles")
    url = f"sqlite:///{tmp_path_factory.mktemp('matrix') / 'claims.db'}"
    with open_store(url) as store:
        report = ingest([str(claims)], store)
        assert not report.rejected
        stories = [row.id for row in store.stories()]
    with serving(url) as base:
        yield base, stories


def _expected(dossier: dict[str, Any]) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """(row id, source) -> ("reported" or "absent", the values that source gives), from the
    dossier's own facts, statements and sources."""
    source_of = {s["article"]: s["source"] for s in dossier["sources"]}
    sources = set(source_of.values())
    expected: dict[tuple[str, str], tuple[str, set[str]]] = {}
    rows = [(f["id"], f["evidence"], f.get("sides") or []) for f in dossier["facts"]]
    rows += [(s["id"], s["variants"], []) for s in dossier["statements"]]
    for row, evidence, sides in rows:
        for source in sources:
            values = {
                side["value"]
                for side in sides
                for ev in side["evidence"]
                if source_of[ev["article"]] == source
            }
            reported = values or any(source_of[ev["article"]] == source for ev in evidence)
            expected[(row, source)] = ("reported" if reported else "absent", values)
    return expected


def test_every_cell_says_what_the_dossier_says(served: tuple[str, list[str]]) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    base, stories = served
    assert len(stories) >= 3
    disputes = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for story in stories:
                dossier = httpx.get(f"{base}/stories/{story}.json").json()["dossier"]
                page.goto(f"{base}/stories/{story}")
                cells = page.evaluate(_CELLS)
                expected = _expected(dossier)
                assert {(c["row"], c["source"]) for c in cells} == set(expected), story
                for cell in cells:
                    state, values = expected[(cell["row"], cell["source"])]
                    shown = "absent" if cell["state"] == "absent" else "reported"
                    assert shown == state, (story, cell)
                    assert all(v in cell["text"] for v in values), (story, cell, values)
                    assert (
                        cell["text"][0]
                        == {"reported": "✓", "differs": "≠", "absent": "·"}[cell["state"]]
                    )
                # A conflicting fact shows each side's value in its sources' columns.
                for fact in dossier["facts"]:
                    if fact["status"] == "conflicting" and len(fact.get("sides") or []) > 1:
                        shown = {c["text"] for c in cells if c["row"] == fact["id"]}
                        assert all(any(s["value"] in t for t in shown) for s in fact["sides"])
                        disputes += 1
        finally:
            browser.close()
    assert disputes >= 1, "the corpus's disputed figures show as conflicting facts"
