"""Fuzzing the readers and the spans: whatever the bytes, no exception escapes but the
documented one-line ``InputError``/``StepError``, and every stored span is its text.

Hypothesis runs derandomised (the same examples on every run, no example database), so
anything it finds is reproduced by running the test again.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsweave.errors import InputError, StepError
from newsweave.ingest import MAX_ID_CHARS, read
from newsweave.pipeline import analyse
from newsweave.records import Article
from newsweave.store import open_store

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of news text, markup and trouble the readers must take in their stride.
_WORDS = st.sampled_from(
    [
        "Mayor",
        "Ilse Marten",
        "said",
        "on Tuesday",
        "the council",
        '"We will rebuild,"',
        "“Not yet”",
        "2.4 million",
        "grève",
        "Zürich",
        "\u00a0",
        "\x00",
        "\ufeff",
        "\r\n",
        "\n\n",
        "<p>",
        "</p>",
        "<script>x</script>",
        "&amp;",
        "]]>",
        "date: 2026-02-30",
        "outlet:",
        "{",
        "}",
        "'",
        "\\",
        "\U0001f600",
        "\u202e",
        ".",
        ",",
    ]
)
_PROSE = st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=40).map(" ".join)
_HEADER = st.lists(
    st.tuples(st.sampled_from(["title", "outlet", "date", "url", "x", "Date"]), _PROSE),
    max_size=4,
)


@st.composite
def _text_file(draw: st.DrawFn) -> tuple[str, bytes]:
    header = "".join(f"{k}: {v}\n" for k, v in draw(_HEADER))
    body = draw(_PROSE)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return ".txt", (header + "\n" + body).encode(encoding, errors="replace")


@st.composite
def _jsonl_file(draw: st.DrawFn) -> tuple[str, bytes]:
    values = st.one_of(_PROSE, st.integers(), st.none(), st.lists(_PROSE, max_size=2))
    record = st.dictionaries(
        st.sampled_from(["id", "text", "outlet", "published", "title", "url", "other"]),
        values,
        max_size=6,
    )
    lines = draw(
        st.lists(st.one_of(record.map(json.dumps), _PROSE, st.just("[" * 3000)), max_size=5)
    )
    return ".jsonl", "\n".join(lines).encode("utf-8", errors="replace")


@st.composite
def _html_file(draw: st.DrawFn) -> tuple[str, bytes]:
    tags = st.sampled_from(["p", "div", "article", "h1", "title", "meta", "b", "br", "nav"])
    parts = draw(
        st.lists(st.one_of(_PROSE, tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>")))
    )
    return ".html", ("<html><body>" + "".join(parts)).encode("utf-8", errors="replace")


@st.composite
def _feed_file(draw: st.DrawFn) -> tuple[str, bytes]:
    items = draw(st.lists(st.tuples(_PROSE, _PROSE, _PROSE), max_size=3))
    entries = "".join(
        f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>"
        for t, d, p in items
    )
    channel = f"<rss version='2.0'><channel><title>{draw(_PROSE)}</title>{entries}</channel></rss>"
    return ".xml", ("<?xml version='1.0'?>" + channel).encode("utf-8", errors="replace")


_FILES = st.one_of(
    _text_file(),
    _jsonl_file(),
    _html_file(),
    _feed_file(),
    st.tuples(
        st.sampled_from([".txt", ".jsonl", ".html", ".xml", ".dat"]), st.binary(max_size=300)
    ),
)


@FUZZ
@given(_FILES)
def test_readers_yield_articles_or_one_line_errors(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        for item in read([path]):
            if isinstance(item, InputError):
                assert "\n" not in str(item) and str(path) in str(item)
                continue
            assert isinstance(item, Article)
            assert item.text.strip() and "\x00" not in item.text
            assert len(item.id) <= MAX_ID_CHARS and "\x00" not in item.id


@settings(FUZZ, max_examples=25)
@given(st.lists(_PROSE.filter(str.strip), min_size=1, max_size=4))
def test_every_stored_span_is_its_text(nlp: Language, bodies: list[str]) -> None:
    articles = [
        Article(id=f"fuzz-{n}", key=f"fuzz{n:020d}", text=body.replace("\x00", ""))
        for n, body in enumerate(bodies)
    ]
    with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/fuzz.db") as store:
        for result in analyse(articles, model=nlp):
            if isinstance(result, StepError):
                assert "\n" not in str(result)
                continue
            store.write_analysis(result)
            stored = store.analysis(result.article.key)
            assert stored is not None
            text = stored.article.text
            assert text == result.article.text
            for field in ("sentences", "entities", "quotes", "times", "amounts", "events"):
                for record in getattr(stored, field):
                    assert text[record.start : record.end] == record.text, (field, record)
            parts = [(q.speaker, q.cue, q.channel) for q in stored.quotes]
            parts += [(e.actor, e.target, e.place) for e in stored.events]
            for part in (p for group in parts for p in group if p is not None):
                assert text[part.start : part.end] == part.text, part
