"""Nothing lost, nothing half-done: the cases a probe of the CLI and the server found.

Each section is one case: long articles, concurrent writers, what PostgreSQL cannot hold,
encodings, HTTP errors, symbolic links. Texts are invented for these tests.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from newsweave.errors import InputError, StepError
from newsweave.ingest import read
from newsweave.pipeline import analyse, ingest, windows
from newsweave.records import Article
from newsweave.store import open_store
from newsweave.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NEWSWEAVE = Path(sys.executable).with_name("newsweave")

PARAGRAPH = (
    "The harbour board of Kestrel Bay met on Tuesday to hear the engineers' report on the "
    'sea wall. "The wall will hold this winter, but not the next," said engineer Mira Solberg, '
    "who led the survey. The board agreed to spend 2.4 million dollars on repairs."
)


def _article_file(folder: Path, name: str, body: str, outlet: str = "The Bay Ledger") -> Path:
    path = folder / name
    path.write_text(f"title: {name}\noutlet: {outlet}\ndate: 2026-02-03\n\n{body}\n", "utf-8")
    return path


# -- 1. long articles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\n\n".join([PARAGRAPH] * 400),
        "\n".join([PARAGRAPH] * 400),
        " ".join([PARAGRAPH] * 400),
        "x" * 70_000,
    ],
    ids=["paragraphs", "lines", "one-paragraph", "no-space"],
)
def test_windows_join_back_into_the_text(text: str) -> None:
    pieces = windows.split_windows(text, size=5_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 5_000 for p in pieces) and len(pieces) > 1
    if "\n\n" in text:  # a paragraph break was in reach of every cut
        assert all(p.endswith("\n\n") for p in pieces[:-1])


@pytest.mark.slow
def test_an_article_over_the_models_limit_is_stored_with_exact_spans(
    store_url: str, tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model's limit, lowered so that the test is quick: before windows, an article over
    it raised spaCy's E088 outside the per-article handling and lost the whole batch."""
    monkeypatch.setattr(nlp, "max_length", 30_000)
    folder = tmp_path / "in"
    folder.mkdir()
    _article_file(folder, "a_short.txt", PARAGRAPH)
    _article_file(folder, "b_long.txt", "\n\n".join(f"Part {n}. {PARAGRAPH}" for n in range(300)))
    _article_file(folder, "c_short.txt", PARAGRAPH.replace("Tuesday", "Friday"), "Bay Radio")
    with open_store(store_url) as store:
        report = ingest([str(folder)], store)
        assert report.rejected == [] and len(report.stored) == 3
        long = store.analysis("b_long.txt")
    assert long is not None and len(long.article.text) > 60_000
    text = long.article.text
    for record in (*long.sentences, *long.entities, *long.quotes, *long.times):
        assert text[record.start : record.end] == record.text
    assert sum(q.speaker is not None and "Solberg" in q.speaker.text for q in long.quotes) >= 250


class _FailsOn:
    """A language model that fails on texts holding ``marker`` (as a model bug would)."""

    def __init__(self, nlp: Language, marker: str) -> None:
        self.nlp, self.marker = nlp, marker

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        for text, context in texts:
            yield self(text), context

    def __call__(self, text: str) -> Any:
        if self.marker in text:
            raise ValueError("the model broke\non two lines")
        return self.nlp(text)


@pytest.mark.slow
def test_a_failure_inside_the_model_loses_only_that_article(nlp: Language) -> None:
    articles = [
        Article(id=f"a{n}", key=f"k{n}", text=f"{PARAGRAPH} {'BOOM' if n == 1 else ''}")
        for n in range(3)
    ]
    results = list(analyse(articles, model=_FailsOn(nlp, "BOOM")))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == [
        "ArticleAnalysis",
        "StepError",
        "ArticleAnalysis",
    ]
    failure = results[1]
    assert isinstance(failure, StepError) and "\n" not in str(failure)
    assert str(failure).startswith("a1: the language model failed: ValueError: the model broke")


# -- 2. one writer at a time -------------------------------------------------------------------


def test_a_second_writer_waits_and_is_told(store_url: str) -> None:
    with open_store(store_url) as first, open_store(store_url) as second:
        told: list[str] = []
        order: list[str] = []
        with first.single_writer():
            waiter = threading.Thread(
                target=lambda: _hold(second, told, order), name="second-writer"
            )
            waiter.start()
            time.sleep(0.5)
            order.append("first done")
        waiter.join(10)
    assert order == ["first done", "second writing"]
    assert told and "another newsweave process is writing" in told[0]


def _hold(store: Any, told: list[str], order: list[str]) -> None:
    with store.single_writer(told.append):
        order.append("second writing")


def _four_folders(tmp_path: Path, seeds_dir: Path) -> list[str]:
    """The examples' two stories, the reference articles and the agency's records, apart."""
    folders = []
    for name, source in (
        ("fire", EXAMPLES / "fire"),
        ("summit", EXAMPLES / "summit"),
        ("seeds", seeds_dir),
    ):
        target = tmp_path / name
        target.mkdir()
        for path in source.iterdir():
            (target / path.name).write_bytes(path.read_bytes())
        folders.append(str(target))
    agency = tmp_path / "agency"
    agency.mkdir()
    (agency / "agency.jsonl").write_bytes((EXAMPLES / "tessaly_press_agency.jsonl").read_bytes())
    return [*folders, str(agency)]


def _another_store(url: str) -> str:
    """A second, empty store on the same backend."""
    if url.startswith("sqlite"):
        return url.replace(".db", "-other.db")
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}_other"')
    return f"{url}_other"


def _stories(url: str) -> list[tuple[int, frozenset[str]]]:
    with open_store(url) as store:
        rows = [store.story(i) for i in store.story_ids()]
        stories = []
        for row in rows:
            assert row is not None
            members = store.story_members(row.id)
            assert row.article_count == len(members)  # the row agrees with its members
            ids = frozenset(a.id for k, _ in members if (a := store.article(k)) is not None)
            stories.append((row.article_count, ids))
        return sorted(stories, key=lambda s: sorted(s[1]))


@pytest.mark.slow
def test_two_concurrent_ingests_make_the_stories_of_one(
    store_url: str, tmp_path: Path, seeds_dir: Path
) -> None:
    folders = _four_folders(tmp_path, seeds_dir)
    with open_store(store_url) as store:
        one_run = ingest(folders, store)
    assert not one_run.rejected
    expected = _stories(store_url)
    url = _another_store(store_url)
    runs = [
        subprocess.Popen(
            [str(NEWSWEAVE), "--db", url, "ingest", "--json", *folders],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    stored = sorted(json.loads(out)["stored"] for out, _ in outputs)
    assert stored == [0, len(one_run.stored)]  # the second found every article stored
    assert _stories(url) == expected  # same members, no story split, no ghost


# -- 3. what a database cannot hold -------------------------------------------------------------


def test_nul_bytes_and_long_ids_and_outlets_are_stored_on_every_backend(
    store_url: str, tmp_path: Path
) -> None:
    body = (PARAGRAPH + "\n\n") * 60  # over 8 KB before the NUL
    (tmp_path / "nul.txt").write_bytes(
        b"outlet: The Bay Ledger\n\n" + body.encode() + b"The end\x00of it."
    )
    records = [
        {"id": "r" * 600, "outlet": "o" * 700, "text": PARAGRAPH},
        {"id": "s\u0000x", "outlet": "Bay\u0000 Radio", "text": "Mira\u0000 Solberg spoke."},
    ]
    (tmp_path / "long.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    with open_store(store_url) as store:
        report = ingest([str(tmp_path / "nul.txt"), str(tmp_path / "long.jsonl")], store)
        assert report.rejected == [] and len(report.stored) == 3
        articles = {a.id: a for a in store.articles()}
    assert "The endof it." in articles["nul.txt"].text
    long_id = next(i for i in articles if i.startswith("rrrr"))
    assert len(long_id) <= 200 and long_id != "r" * 200
    assert len(articles[long_id].outlet or "") <= 200
    assert articles["sx"].outlet == "Bay Radio" and "\x00" not in articles["sx"].text


# -- 4. encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Workers said the grève would go on until Friday, the union said.", "latin-1"),
        ("Le syndicat a appelé à la grève générale, a dit Müller à l’usine.", "cp1252"),
        (
            "Odbory vyhlásily stávku; zaměstnanci říkají, že budou pokračovat, řekl předseda.",
            "cp1250",
        ),
        ("Związkowcy ogłosili strajk, powiedział przewodniczący w piątek.", "cp1250"),
        ("Профсоюз объявил забастовку, сообщил председатель.", "cp1251"),
    ],
)
def test_single_byte_encodings_are_read_right_and_recorded(
    tmp_path: Path, text: str, encoding: str
) -> None:
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [article] = list(read([tmp_path / "a.txt"]))
    assert isinstance(article, Article)
    assert article.text == text
    assert article.encoding_guessed and article.encoding is not None
    assert text.encode(article.encoding) == text.encode(encoding)


def test_utf8_is_recorded_as_proven(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Workers said the grève would go on.", encoding="utf-8")
    [article] = list(read([tmp_path / "a.txt"]))
    assert isinstance(article, Article)
    assert (article.encoding, article.encoding_guessed) == ("utf-8", False)


def test_bytes_no_encoding_reads_as_text_are_reported(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 20)
    [error] = list(read([tmp_path / "noise.txt"]))
    assert isinstance(error, InputError) and "no other text encoding fits" in error.reason


# -- 5. HTTP ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("http")
    url = f"sqlite:///{folder / 'http.db'}"
    with open_store(url) as store:
        ingest([str(EXAMPLES / "summit")], store)
    return url


@pytest.mark.slow
def test_bad_parameters_are_4xx(small_store: str) -> None:
    with TestClient(create_app(small_store, write_token="t")) as client:
        r = client.get("/stories.json?offset=9223372036854775808")
        assert r.status_code == 422 and r.json()["error"]["status"] == 422
        deep = b"[" * 100_000 + b"]" * 100_000
        r = client.post(
            "/api/articles",
            content=deep,
            headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
        )
        assert r.status_code == 400 and "nested too deeply" in r.json()["error"]["message"]


@pytest.mark.slow
def test_head_and_options_answer(small_store: str) -> None:
    with TestClient(create_app(small_store)) as client:
        get = client.get("/stories")
        head = client.head("/stories")
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        options = client.options("/stories.json")
        assert options.status_code == 204
        assert options.headers["allow"] == "GET, HEAD, OPTIONS"
        assert client.options("/api/articles").headers["allow"] == "OPTIONS, POST"
        assert client.options("/no/such/page").status_code == 404


@pytest.mark.slow
def test_no_link_points_at_a_missing_page(small_store: str) -> None:
    """Unlinked speakers ("~name") have no entity page: they are shown, not linked."""
    with TestClient(create_app(small_store)) as client:
        pages = ["/stories"] + [
            f"/stories/{s['id']}" for s in client.get("/stories.json").json()["stories"]
        ]
        links = set()
        for page in pages:
            html = client.get(page).text
            links |= {part.split('"', 1)[0] for part in html.split('href="')[1:]}
        internal = [link for link in links if link.startswith("/") and "/static/" not in link]
        assert any(link.startswith("/entities/") for link in internal)
        for link in internal:
            assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_a_500_keeps_the_connection(small_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from newsweave.web import data

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(data, "search_page", broken)
    port = _free_port()
    app = create_app(small_store, cache_seconds=0)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/search.json?q=wall")
        failed = conn.getresponse()
        assert failed.status == 500
        assert json.loads(failed.read())["error"]["status"] == 500
        conn.request("GET", "/stories.json")  # the same keep-alive connection
        after = conn.getresponse()
        assert after.status == 200 and json.loads(after.read())["stories"]
        conn.close()
    finally:
        server.should_exit = True
        thread.join(10)


# -- 7. symbolic links ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlinked_folders_are_followed_once(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    _article_file(outside, "linked.txt", PARAGRAPH)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _article_file(inbox, "here.txt", PARAGRAPH.replace("Tuesday", "Monday"))
    (inbox / "more").symlink_to(outside, target_is_directory=True)
    (inbox / "again").symlink_to(outside, target_is_directory=True)
    (outside / "loop").symlink_to(inbox, target_is_directory=True)  # a cycle back up
    found = list(read([inbox]))
    assert sorted(a.id for a in found if isinstance(a, Article)) == ["here.txt", "linked.txt"]
    assert not [e for e in found if isinstance(e, InputError)]
