"""Golden files: the JSON, Markdown and HTML exports of one example story, byte for byte.

The examples are ingested into a fresh SQLite store and the fire story (story B of
``examples/README.md``) is exported with ``newsweave export`` in each format; every output
must equal its file in ``tests/golden/``. The story id is a hash of the story's first
article's key, so it is the same in every store built from the examples.

The HTML export inlines the page's CSS and JavaScript. They are static files, the same for
every story, so the golden HTML holds a marker in their place; a separate test checks that the
assets are inlined. A change to the stylesheet or the script then leaves the golden file alone.

After an intended change to an export, regenerate the files and review their diff:

    NEWSWEAVE_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_exports.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
from importlib import resources

import pytest
from click.testing import CliRunner

from conftest import ROOT
from newsweave.cli import main

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = "NEWSWEAVE_REGENERATE_GOLDEN"
COMMAND = f"{REGENERATE}=1 .venv/bin/pytest tests/test_golden_exports.py"

#: The fire at the Halvorsen Polymers plant: five reports, dated, in text and JSON Lines.
STORY = "sbacf0da77e26"
FILES = {"json": "fire.json", "md": "fire.md", "html": "fire.html"}

#: The inlined assets of the HTML export: the element and what replaces its body.
_ASSETS = re.compile(r"<(style|script)>(.*?)</\1>", re.DOTALL)
DIFF_LINES = 40


@pytest.fixture(scope="module")
def exports(examples_db: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The story's export in each format, through the CLI, from the examples ingested."""
    tmp = tmp_path_factory.mktemp("golden")
    store = examples_db
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", store, "stories", "--json"])
    assert listed.exit_code == 0, listed.output
    ids = [s["id"] for s in json.loads(listed.output)]
    assert STORY in ids, f"the fire story is no longer {STORY}: the stories are {ids}"
    found = {}
    for fmt in FILES:
        out = tmp / f"story.{fmt}"
        written = runner.invoke(
            main, ["--db", store, "export", STORY, "--format", fmt, "-o", str(out)]
        )
        assert written.exit_code == 0, written.output
        found[fmt] = out.read_text(encoding="utf-8")
    return found


def without_assets(html: str) -> str:
    """The HTML with the body of every ``<style>`` and ``<script>`` replaced by a marker."""
    return _ASSETS.sub(lambda m: f"<{m[1]}>/* inlined {m[1]}: not compared */</{m[1]}>", html)


def _lines(text: str, fmt: str) -> list[str]:
    """Lines to diff; the HTML's long lines broken between tags so a diff stays short."""
    if fmt == "html":
        text = text.replace("><", ">\n<")
    return text.splitlines(keepends=True)


def _diff(expected: str, actual: str, fmt: str, name: str) -> str:
    lines = list(
        difflib.unified_diff(
            _lines(expected, fmt),
            _lines(actual, fmt),
            f"tests/golden/{name}",
            "export",
            n=1,
        )
    )
    shown = "".join(lines[:DIFF_LINES])
    if len(lines) > DIFF_LINES:
        shown += f"... {len(lines) - DIFF_LINES} more diff lines\n"
    return shown


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_export_matches_its_golden_file(exports: dict[str, str], fmt: str) -> None:
    actual = exports[fmt]
    if fmt == "html":
        actual = without_assets(actual)
    path = GOLDEN / FILES[fmt]
    if os.environ.get(REGENERATE):
        path.write_bytes(actual.encode("utf-8"))
        pytest.skip(f"wrote {path.relative_to(ROOT)}: review its diff before committing")
    assert path.exists(), f"{path} is missing: run {COMMAND}"
    expected = path.read_bytes().decode("utf-8")
    if expected != actual:
        pytest.fail(
            f"the {fmt} export of {STORY} differs from {path.relative_to(ROOT)}; if the change "
            f"is intended, run {COMMAND} and review the diff\n"
            + _diff(expected, actual, fmt, FILES[fmt]),
            pytrace=False,
        )


def test_html_export_inlines_its_assets(exports: dict[str, str]) -> None:
    """The page is self-contained: the story page's matrix stylesheet and script are inside."""
    found = _ASSETS.findall(exports["html"])
    assert [kind for kind, _ in found] == ["style", "script"]
    inlined = dict(found)
    static = resources.files("newsweave.web") / "static"
    assert static.joinpath("matrix.css").read_text(encoding="utf-8") in inlined["style"]
    assert static.joinpath("matrix.js").read_text(encoding="utf-8") in inlined["script"]
