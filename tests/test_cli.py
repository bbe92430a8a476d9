"""The command line: every command documented, the contract printed, bad input handled."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import shared_path
from newsweave.cli import main
from newsweave.store import open_store

SEED_PEOPLE = ["Zelenskyy", "Trump", "Macron", "Merz", "Starmer", "Tusk", "Putin", "Rubio"]


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize(("name", "command"), _commands(main))
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert command.help and "Example" in command.help, f"{name} help has no example"


def test_analyze_seeds_prints_contract_v1(seeds_dir: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(seeds_dir), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["version"] == 1 and set(out) >= {"articles", "entities", "stories"}
    by_id = {a["id"]: a for a in out["articles"]}
    assert len(by_id) == 2
    first = by_id["000_684d17ba5a89146b.txt"]
    assert first["published"] == "2025-05-16" and first["published_inferred"] is False
    assert first["text"].startswith("Ukrainian President")
    for article in out["articles"]:
        assert set(article) >= {
            "id",
            "text",
            "published",
            "published_inferred",
            "outlet",
            "title",
            "entities",
            "quotes",
            "times",
            "events",
        }
        _assert_spans_exact(article)
    people = " ".join(
        e["text"] for a in out["articles"] for e in a["entities"] if e["label"] == "PERSON"
    )
    for name in SEED_PEOPLE:
        assert name in people


def _assert_spans_exact(article: dict) -> None:
    """Every span of the article, nested ones included, matches the text it points at."""
    text = article["text"]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and node is not article:
                assert text[node["start"] : node["end"]] == node["text"], node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in article.items() if k != "text"})


def test_ingest_twice_stores_once(seeds_dir: Path, store_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["--db", store_url, "ingest", str(seeds_dir), "--json"])
    second = runner.invoke(main, ["--db", store_url, "ingest", str(seeds_dir), "--json"])
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    assert json.loads(first.stdout)["stored"] == 2
    assert json.loads(second.stdout) == {
        "stored": 0,
        "duplicates": 2,
        "rejected": 0,
        "stories_updated": 0,
        "total_articles": 2,
    }
    listing = runner.invoke(main, ["--db", store_url, "articles", "--json"])
    assert sorted(a["id"] for a in json.loads(listing.stdout)) == sorted(
        p.name for p in seeds_dir.iterdir()
    )
    shown = runner.invoke(main, ["--db", store_url, "show", "000_684d17ba5a89146b.txt"])
    assert shown.exit_code == 0 and "Zelenskyy" in shown.output
    [story] = json.loads(runner.invoke(main, ["--db", store_url, "stories", "--json"]).stdout)
    assert story["article_count"] == 2
    dossier = runner.invoke(main, ["--db", store_url, "show", story["id"], "--json"])
    assert dossier.exit_code == 0 and json.loads(dossier.stdout)["statements"]
    _check_tables(runner, store_url, story["id"])
    _check_exported_places(runner, store_url, story["id"])


def _check_exported_places(runner: CliRunner, store_url: str, story_id: str) -> None:
    """Every export of a story lists its places with the coordinates of their entities."""

    def export(fmt: str) -> str:
        result = runner.invoke(main, ["--db", store_url, "export", story_id, "--format", fmt])
        assert result.exit_code == 0, result.output
        return result.stdout

    places = json.loads(export("json"))["places"]
    assert len(places) >= 2
    with open_store(store_url) as store:
        for place in places:
            entity = store.entity(place["id"])
            assert entity is not None and entity.kind == "PLACE"
            assert (place["lat"], place["lon"]) == (
                entity.attributes["lat"],
                entity.attributes["lon"],
            )
            assert place["geonames_id"] == entity.attributes["geonames_id"]
    markdown, html = export("md"), export("html")
    assert "## Places" in markdown
    start = html.index('<svg class="place-map"')
    svg = html[start : html.index("</svg>", start)]
    assert svg.count("<circle") == len(places)
    for place in places:
        row = f"| {place['lat']:.4f} | {place['lon']:.4f} |"
        assert row in markdown and f"<td>{place['lat']:.4f}</td>" in html


def _check_tables(runner: CliRunner, store_url: str, story_id: str) -> None:
    """The researcher's tables: every row names its source and can be checked against it."""
    events = runner.invoke(main, ["--db", store_url, "table", "events", "--story", story_id])
    rows = list(csv.DictReader(io.StringIO(events.stdout)))
    assert events.exit_code == 0 and rows, events.output
    assert all(r["text"] in r["sentence"] and r["story"] == story_id for r in rows)
    assert {"CONSULT", "REJECT"} <= {r["code"] for r in rows}
    quotes = runner.invoke(main, ["--db", store_url, "table", "quotes", "--format", "jsonl"])
    speakers = {json.loads(line)["speaker"] for line in quotes.stdout.splitlines()}
    assert {"Volodymyr Zelenskyy", "Donald Trump"} <= speakers
    people = runner.invoke(main, ["--db", store_url, "table", "entities"])
    names = {r["name"] for r in csv.DictReader(io.StringIO(people.stdout)) if r["kind"] == "PERSON"}
    assert "Emmanuel Macron" in names
    missing = runner.invoke(main, ["--db", store_url, "table", "events", "--story", "s0"])
    assert missing.exit_code == 1 and "no story 's0'" in missing.output


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path: Path, store_url: str) -> None:
    bad = tmp_path / "batch"
    bad.mkdir()
    (tmp_path / "empty-dir").mkdir()
    (bad / "good.txt").write_text("date: 2026-03-14\n\nThe council approved the budget on Friday.")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (bad / "broken.txt").write_bytes("Café “x”".encode() + b"\xff\xfe")
    (bad / "lines.jsonl").write_text('{"id": "ok", "text": "The ferry runs again."}\n{oops\n')
    (bad / "huge.txt").write_text("word " * 3000)
    paths = [str(bad), str(tmp_path / "missing"), str(tmp_path / "empty-dir")]
    result = CliRunner().invoke(main, ["--db", store_url, "ingest", *paths, "--max-bytes", "10000"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(lines) == 7, result.stderr
    for fragment in [
        "empty.txt: empty file",
        "binary.bin: binary file",
        "broken.txt: invalid UTF-8",
        "lines.jsonl:2: line 2 is not valid JSON",
        "huge.txt: file is",
        "missing: no such",
        "empty-dir: directory holds no article files",
    ]:
        assert any(fragment in line for line in lines), fragment
    assert "Traceback" not in result.output
    with open_store(store_url) as store:
        assert sorted(a.id for a in store.articles()) == ["good.txt", "ok"]


def test_unknown_article_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "show", "nope"])
    assert result.exit_code != 0 and "no story or article 'nope'" in result.output


def test_an_output_that_cannot_be_written_is_a_clean_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "events.csv"
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "x.db"), "table", "events", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {target}: No such file or directory"


def test_a_port_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "serve", "--port", "99999"])
    assert result.exit_code == 2 and "99999 is not in the range" in result.output


def test_killed_ingest_completes_on_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(80):
        (folder / f"{n:03}.txt").write_text(
            f"date: 2026-03-{1 + n % 28:02}\n\nCouncillor Maya Orlov said the port of Vessa would "
            f"add berth number {n} by June, and the harbour master agreed on Tuesday.\n\n"
            + "Residents asked about noise and traffic at the new terminal. "
            * 40
        )
    db = tmp_path / "kill.db"
    env = {**os.environ, "NEWSWEAVE_DB": str(db)}
    cmd = [sys.executable, "-m", "newsweave.cli", "ingest", str(folder)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            with open_store(str(db)) as store:
                stored = store.count_articles()
            if stored:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 80, "the run should have been killed part-way"
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(str(db)) as store:
        articles = store.articles()
        assert len(articles) == 80 == len({a.id for a in articles})
        assert all(store.analysis(a.id).sentences for a in articles)


@pytest.mark.slow
def test_analyze_json_lines_keeps_ids_and_dates() -> None:
    corpus = shared_path("corpus/tempeval3/articles.jsonl")
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()][:40]
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--json"])
    assert result.exit_code == 0, result.stderr
    out = {a["id"]: a for a in json.loads(result.stdout)["articles"]}
    assert len(out) == 256
    for record in records:
        assert out[record["id"]]["published"] == record["published"][:10]
        assert out[record["id"]]["text"] == record["text"]
