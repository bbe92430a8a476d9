"""The web application over a store holding the seeds, the examples and a hostile article.

Each page is checked against its JSON twin (the HTML shows what the JSON holds), errors are
clean, article text is escaped, and writes need the token.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from newsweave.pipeline import ingest
from newsweave.store import Store, open_store
from newsweave.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TOKEN = "s3cret-test-token"

pytestmark = pytest.mark.slow

# Invented for this test: an article whose text carries markup that must never run.
HOSTILE = """title: Council minutes <b>leak</b>
outlet: The Test Ledger
date: 2026-05-02

The minutes of the Brockhaven council were posted with a stray <script>alert(1)</script> tag
in them, the clerk Oskar Venn said on Saturday. "Nobody should see <img src=x onerror=alert(1)>
run on our pages," Venn said. The council meets again on Monday.
"""

# Invented follow-up to the fire story of the examples (same plant, people and numbers).
FOLLOW_UP = {
    "id": "test-fire-follow-up",
    "outlet": "The Eastquay Ledger",
    "published": "2026-04-23",
    "title": "Halvorsen Polymers fire: Marrowgate mourns 14 workers",
    "text": (
        "MARROWGATE — Three days of mourning began in Marrowgate on Wednesday after the fire at "
        "the Halvorsen Polymers plant in the Eastquay district killed 14 workers and injured "
        "38 others.\n\nMayor Helena Brandt laid flowers at the gates of the plant. \u201cThis "
        "is the darkest night our city has known in a generation,\u201d Brandt said again on "
        "Wednesday.\n\nChief fire officer Aleksei Moravin said that about 120 firefighters had "
        "fought the blaze for more than nine hours. Prosecutors in Osterlund have opened a "
        "criminal investigation, and about 2,000 residents of Eastquay were evacuated."
    ),
}


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile" / "test_ledger_council.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    with open_store(url) as store:
        report = ingest([str(seeds_dir), str(EXAMPLES), str(hostile.parent)], store)
    assert not report.rejected
    yield url


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, write_token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


def _both(client: TestClient, path: str, query: str = "") -> tuple[str, dict[str, Any]]:
    html = client.get(path + query)
    twin = client.get(path + ".json" + query)
    assert html.status_code == 200, html.text[:300]
    assert twin.status_code == 200, twin.text[:300]
    assert html.headers["content-type"].startswith("text/html")
    assert twin.headers["content-type"].startswith("application/json")
    return html.text, twin.json()


def _shows(html: str, text: str) -> bool:
    return str(escape(text)) in html


def _fire_story(store: Store) -> str:
    article = store.article("marrowgate_courier_2026-04-21.txt")
    assert article is not None
    story = store.story_of(article.key)
    assert story is not None
    return story


# -- pages and their twins ---------------------------------------------------------------


def test_home_is_the_stories_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.url.path == "/stories"


def test_stories_page_matches_its_twin(client: TestClient) -> None:
    html, data = _both(client, "/stories")
    stories = data["stories"]
    assert len(stories) >= 3
    dates = [s["last_published"] or "" for s in stories]
    assert dates == sorted(dates, reverse=True), "newest first"
    for s in stories:
        assert _shows(html, s["title"])
        assert f"/stories/{s['id']}" in html
        assert f"{s['article_count']} article" in html
        assert f"{s['independent_outlets']} independent outlet" in html
        for status in ("corroborated", "single-source", "conflicting"):
            assert f"{s['facts'][status]} {status}" in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("?outlet=The Osterlund Herald", "Fire at", "Lindmark"),
        ("?since=2026-04-01", "Fire at", "Lindmark"),
        ("?until=2026-03-31", "Lindmark", "Fire at"),
        ("?since=2030-01-01", None, "Fire at"),
    ],
)
def test_stories_filters(client: TestClient, query: str, present: str | None, absent: str) -> None:
    html, data = _both(client, "/stories", query)
    titles = " ".join(s["title"] for s in data["stories"])
    if present:
        assert present in titles
    assert absent not in titles
    assert absent not in html.split("<main>")[1]


def test_stories_filter_by_entity(client: TestClient, store: Store) -> None:
    brandt = next(e for e in store.entities(kind="PERSON") if e.name == "Helena Brandt")
    _html, data = _both(client, "/stories", f"?entity={brandt.id}")
    assert [s["id"] for s in data["stories"]] == [_fire_story(store)]


def test_story_page_matches_its_twin(client: TestClient, store: Store) -> None:
    story_id = _fire_story(store)
    html, data = _both(client, f"/stories/{story_id}")
    dossier = data["dossier"]
    assert data["story"]["id"] == story_id
    assert f"<title>{escape(data['story']['title'])} · newsweave</title>" in html
    assert html.count('<script src="/static/matrix.js"') == 1
    assert set(data["texts"]) == set(dossier["articles"])
    assert html.count('<article class="source"') == len(dossier["sources"])
    for st in dossier["statements"]:
        assert f'id="{st["id"]}"' in html
        for v in st["variants"]:
            assert _shows(html, v["text"])
    for fact in dossier["facts"]:
        assert f'id="{fact["id"]}"' in html
        assert _shows(html, fact["text"])
    for member in dossier["cast"]:
        assert _shows(html, member["name"])
    for entry in dossier["timeline"]:
        assert _shows(html, entry["value"])
    # Highlights name what they belong to, so a click can show the variants.
    assert 'data-statements="st1' in html or 'data-statements="st1"' in html
    assert "data-facts=" in html
    for status in ("conflicting", "corroborated"):
        assert f"<h3>{status} (" in html


def test_story_views_are_stored_with_the_dossier(store: Store) -> None:
    """The matrix and the coverage are stored when the dossier is saved (a story page then
    only reads them); a dossier saved without them, as before migration 0013, gets the same
    computed on the page."""
    from newsweave.export.views import story_views
    from newsweave.records import Dossier, from_plain
    from newsweave.web.data import story_page

    story_id = _fire_story(store)
    dossier = store.dossier(story_id)
    stored = store.story_views(story_id)
    assert dossier and stored == story_views(from_plain(Dossier, dossier))
    try:
        store.save_dossier(story_id, dossier)  # no views: the page computes them
        page = story_page(store, story_id)
        assert page and {"matrix": page["matrix"], "coverage": page["coverage"]} == stored
    finally:
        store.save_dossier(story_id, dossier, stored)


def test_story_json_twin_is_served_as_stored(client: TestClient, store: Store) -> None:
    """The JSON twin of a story page is rendered when the dossier is saved and served as stored
    (gzipped, or unpacked for a client that does not take gzip); it is the page as built now,
    and a story changed since its dossier was built is not served from it."""
    import gzip

    from newsweave.pipeline import refresh_dossiers
    from newsweave.store import tables
    from newsweave.web.data import story_page

    story_id = _fire_story(store)
    refresh_dossiers(store, [story_id])  # as an ingest ends (other tests here re-save it)
    built = json.loads(json.dumps(story_page(store, story_id)))  # as JSON: tuples are lists
    stored = store.story_page_json(story_id)
    assert stored is not None and json.loads(gzip.decompress(stored)) == built
    packed = client.get(f"/stories/{story_id}.json")
    assert packed.headers["content-encoding"] == "gzip"
    plain = client.get(f"/stories/{story_id}.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert packed.json() == plain.json() == built
    s = tables.stories
    with store.engine.begin() as conn:
        conn.execute(s.update().where(s.c.id == story_id).values(stale=True))
    try:
        assert store.story_page_json(story_id) is None
    finally:
        with store.engine.begin() as conn:
            conn.execute(s.update().where(s.c.id == story_id).values(stale=False))


def test_seeds_story_shows_both_sources(client: TestClient, store: Store) -> None:
    keys = [a.key for a in store.articles() if a.source and "seeds" in a.source]
    assert len(keys) == 2
    story_id = store.story_of(keys[0])
    assert story_id and store.story_of(keys[1]) == story_id
    html, data = _both(client, f"/stories/{story_id}")
    assert len(data["dossier"]["sources"]) == 2
    assert any(len(st["variants"]) >= 2 for st in data["dossier"]["statements"])
    # Its places, most named first, with their coordinates: on the map and in the list.
    places = data["places"]
    assert len(places) >= 2
    assert [p["mentions"] for p in places] == sorted((p["mentions"] for p in places), reverse=True)
    start = html.index('<svg class="place-map"')
    assert html[start : html.index("</svg>", start)].count("<circle") == len(places)
    for place in places:
        assert f'data-place="{place["id"]}"' in html and f"{place['lat']:.4f}" in html


def test_entity_page_matches_its_twin(client: TestClient, store: Store) -> None:
    brandt = next(e for e in store.entities(kind="PERSON") if e.name == "Helena Brandt")
    html, data = _both(client, f"/entities/{brandt.id}")
    assert data["entity"]["name"] == "Helena Brandt"
    assert data["quotes"], "the mayor is quoted in the examples"
    dates = [q["published"] or "" for q in data["quotes"]]
    assert dates == sorted(dates)
    for q in data["quotes"]:
        assert _shows(html, q["quote"]["text"])
    for alias in data["entity"]["aliases"]:
        assert _shows(html, alias)
    assert [s["id"] for s in data["stories"]] == [_fire_story(store)]


def test_article_page_matches_its_twin(client: TestClient) -> None:
    html, data = _both(client, "/articles/marrowgate_courier_2026-04-21.txt")
    assert data["article"]["outlet"] == "The Marrowgate Courier"
    assert data["story"] and f"/stories/{data['story']}" in html
    assert html.count('<mark class="e') >= 1 and '<mark class="q' in html
    assert f"Entities ({len(data['entities'])})" in html
    assert f"Quotes ({len(data['quotes'])})" in html
    assert f"Times ({len(data['times'])})" in html
    for q in data["quotes"]:
        assert _shows(html, q["text"])


def test_search_page_matches_its_twin(client: TestClient) -> None:
    html, data = _both(client, "/search", "?q=firefighters")
    assert data["query"] == "firefighters"
    assert data["results"]
    for hit in data["results"]:
        assert f"/articles/{hit['article']}" in html
        assert _shows(html, hit["snippet"])


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "a OR", "*", "'; DROP TABLE x;--"])
def test_search_input_is_never_syntax(client: TestClient, query: str) -> None:
    r = client.get("/search.json", params={"q": query})
    assert r.status_code == 200
    assert isinstance(r.json()["results"], list)


def test_openapi_lists_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/stories.json", "/stories/{ref}.json", "/search.json", "/api/articles"):
        assert path in paths


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "is_json"),
    [
        ("/stories/nope", 404, False),
        ("/stories/nope.json", 404, True),
        ("/entities/nope.json", 404, True),
        ("/articles/nope", 404, False),
        ("/no/such/page", 404, False),
        ("/stories?since=yesterday", 422, False),
        ("/stories.json?limit=0", 422, True),
        ("/search.json?q=" + "x" * 500, 422, True),
    ],
)
def test_errors_are_clean(client: TestClient, path: str, status: int, is_json: bool) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert "Traceback" not in r.text
    if is_json:
        assert r.json()["error"]["status"] == status
    else:
        assert r.headers["content-type"].startswith("text/html")
        assert f"<h1>{status}" in r.text


def test_body_over_the_limit_is_refused(store_url: str) -> None:
    with TestClient(create_app(store_url, write_token=TOKEN, max_bytes=1000)) as small:
        r = small.post(
            "/api/articles",
            content=b"x" * 5000,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
        )
    assert r.status_code == 413
    assert r.json()["error"]["status"] == 413


# -- escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", ".json"])
def test_hostile_article_text_is_shown_not_run(client: TestClient, suffix: str) -> None:
    r = client.get("/articles/test_ledger_council.txt" + suffix)
    assert r.status_code == 200
    if suffix:
        assert "<script>alert(1)</script>" in r.json()["article"]["text"]
        return
    body = r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<script>alert" not in body and "<img" not in body
    assert "<b>leak</b>" not in body and "&lt;b&gt;leak&lt;/b&gt;" in body
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_hostile_story_and_search_are_escaped(client: TestClient, store: Store) -> None:
    article = store.article("test_ledger_council.txt")
    assert article is not None
    story = store.story_of(article.key)
    for path in (f"/stories/{story}", "/stories", "/search?q=onerror"):
        body = client.get(path).text
        assert "<script>alert" not in body and "<img src=x" not in body, path


# -- writes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "status"),
    [(None, 401), ("wrong", 403), ("", 401), (f"{TOKEN}x", 403)],
)
def test_writes_without_the_token_change_nothing(
    client: TestClient, store: Store, token: str | None, status: int
) -> None:
    before = store.count_articles()
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    r = client.post("/api/articles", content=json.dumps(FOLLOW_UP), headers=headers)
    assert r.status_code == status
    assert r.json()["error"]["status"] == status
    assert store.count_articles() == before


def test_read_only_server_refuses_writes(store_url: str, store: Store) -> None:
    before = store.count_articles()
    with TestClient(create_app(store_url)) as read_only:
        r = read_only.post(
            "/api/articles",
            content=json.dumps(FOLLOW_UP),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
    assert r.status_code == 403
    assert store.count_articles() == before


def test_server_with_two_worker_processes(store_url: str, store: Store) -> None:
    """``serve --workers 2``: uvicorn starts two processes on one loopback port, each building
    the application over the same store; both answer, and a stop ends them all."""
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    from throwaway_postgres import free_port

    port = free_port()
    command = [str(Path(sys.executable).with_name("newsweave")), "--db", store_url, "serve"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline, stories = time.monotonic() + 90, None
        while stories is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories.json") as answer:
                    stories = json.load(answer)["stories"]
            except OSError:  # not listening yet
                time.sleep(0.5)
        assert stories is not None, "the server did not answer"
        assert [s["id"] for s in stories] == [row.id for row in store.stories()]
    finally:
        server.send_signal(signal.SIGINT)
        out, _ = server.communicate(timeout=60)
    assert "2 worker processes" in out and server.returncode == 0


def test_unknown_format_is_refused(client: TestClient) -> None:
    r = client.post(
        "/api/articles",
        content=b"%PDF-1.4",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/pdf"},
    )
    assert r.status_code == 415


def test_posted_article_appears_in_its_story(client: TestClient, store: Store) -> None:
    fire = _fire_story(store)
    before = store.count_articles()
    r = client.post(
        "/api/articles",
        content=json.dumps(FOLLOW_UP),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert r.status_code == 201, r.text
    stored = r.json()["stored"]
    assert [a["id"] for a in stored] == [FOLLOW_UP["id"]]
    assert store.count_articles() == before + 1
    story = stored[0]["story"]
    assert story == fire
    data = client.get(f"/stories/{story}.json").json()
    assert FOLLOW_UP["id"] in data["dossier"]["articles"]
    assert FOLLOW_UP["id"] in data["texts"]
    assert "The Eastquay Ledger" in client.get(f"/stories/{story}").text
    again = client.post(
        "/api/articles",
        content=json.dumps(FOLLOW_UP),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert again.status_code == 200 and again.json()["duplicates"] == 1


def test_posted_plain_text_with_a_name(client: TestClient, store: Store) -> None:
    body = (
        "outlet: The Test Ledger\ndate: 2026-05-03\ntitle: Brockhaven clerk resigns\n\n"
        "Oskar Venn, the Brockhaven council clerk, resigned on Sunday after the minutes affair."
    )
    r = client.post(
        "/api/articles?name=venn resigns/../x",
        content=body.encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 201, r.text
    (stored,) = r.json()["stored"]
    assert "/" not in stored["id"] and stored["id"].endswith(".txt")
    assert client.get(f"/articles/{stored['id']}.json").json()["article"]["outlet"] == (
        "The Test Ledger"
    )
