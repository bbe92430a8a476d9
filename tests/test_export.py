"""Exports: Markdown and HTML dossiers (structure, highlights, escaping) and the tables."""

from __future__ import annotations

import csv
import io
import re
import zlib

import numpy as np
import pytest

from newsweave.export.html import dossier_html
from newsweave.export.markdown import dossier_markdown
from newsweave.export.tables import EVENT_COLUMNS, event_rows, quote_rows, write_table
from newsweave.fuse import build_dossier
from newsweave.records import (
    Article,
    ArticleAnalysis,
    Entity,
    EntityMention,
    Event,
    Quote,
    Sentence,
    Span,
    Speaker,
)


def _bag_embedder(texts):
    """A tiny deterministic stand-in for the sentence model: hashed bags of words."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            out[i, zlib.crc32(word.encode()) % 64] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def _analysis(art_id: str, outlet: str, text: str, speaker: str) -> ArticleAnalysis:
    sentences = []
    for m in re.finditer(r"[^.!?]+[.!?]”?", text):
        s, e = m.start() + (len(m.group()) - len(m.group().lstrip())), m.end()
        sentences.append(Sentence(s, e, text[s:e]))
    quotes = []
    for m in re.finditer(r"“([^”]+)”", text):
        at = text.index(speaker)
        quotes.append(
            Quote(
                m.start(1),
                m.end(1),
                m.group(1),
                "direct",
                Speaker(at, at + len(speaker), speaker, name=speaker),
            )
        )
    article = Article(id=art_id, key=art_id, text=text, outlet=outlet, published="2026-01-05")
    return ArticleAnalysis(article=article, sentences=tuple(sentences), quotes=tuple(quotes))


@pytest.fixture(scope="module")
def pair() -> tuple[list[ArticleAnalysis], dict[str, str]]:
    a = _analysis(
        "a.txt",
        "North Ledger",
        "The harbour bridge in Calvik was closed on Monday after cracks were found. "
        "“We will reopen it when it is safe,” said Ilsa Brun. <script>alert(1)</script>",
        "Ilsa Brun",
    )
    b = _analysis(
        "b.txt",
        "South Post",
        "Calvik closed the harbour bridge on Monday after engineers found cracks. "
        "“We reopen it when it is safe,” said Ilsa Brun.",
        "Ilsa Brun",
    )
    analyses = [a, b]
    return analyses, {x.article.id: x.article.text for x in analyses}


def test_html_escapes_article_text(pair) -> None:
    analyses, texts = pair
    page = dossier_html(build_dossier("s1", analyses, embedder=_bag_embedder), texts=texts)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the page's own few lines


def test_html_has_columns_and_linked_highlights(pair) -> None:
    analyses, texts = pair
    dossier = build_dossier("s1", analyses, embedder=_bag_embedder)
    page = dossier_html(dossier, texts=texts)
    assert page.count('<article class="source"') == 2
    statement = dossier.statements[0]
    assert len(statement.variants) == 2
    assert page.count(f'data-statements="{statement.id}"') == 2
    assert 'data-status="corroborated"' in page
    assert "http" not in page.split("<body>")[0]  # no external assets


def test_markdown_lists_every_section(pair) -> None:
    analyses, texts = pair
    md = dossier_markdown(build_dossier("s1", analyses, embedder=_bag_embedder), texts=texts)
    for heading in ("## Sources", "## Statements", "## Facts", "## Timeline", "## Cast"):
        assert heading in md
    assert "corroborated" in md and "North Ledger" in md and "South Post" in md
    assert "~~" in md  # the two wordings differ ("will reopen" / "reopen")


def test_tables_rows_name_their_source_and_entities() -> None:
    """Event and quote rows: the entity ids of their names, the sentence, the day they give."""
    text = "Ana Ruiz met Tomas Berg in Lindmark on Friday. She said talks went well."
    ruiz, berg = (0, 8), (13, 23)
    lindmark = (27, 35)
    analysis = ArticleAnalysis(
        Article(id="a.txt", key="k1", text=text, outlet="River News", published="2026-03-14"),
        sentences=(Sentence(0, 46, text[:46]), Sentence(47, len(text), text[47:])),
        entities=(
            EntityMention(*ruiz, "Ana Ruiz", "PERSON", entity="per-ruiz"),
            EntityMention(*berg, "Tomas Berg", "PERSON", entity="per-berg"),
            EntityMention(*lindmark, "Lindmark", "GPE", entity="plc-lindmark"),
        ),
        events=(
            Event(0, 23, text[0:23], action="met", code="CONSULT", time="2026-03-13",
                  actor=Span(*ruiz, "Ana Ruiz"), target=Span(*berg, "Tomas Berg"),
                  place=Span(*lindmark, "Lindmark")),
        ),
        quotes=(
            Quote(56, 71, text[56:71], "indirect",
                  speaker=Speaker(47, 50, "She", name="Ana Ruiz", entity="per-ruiz")),
        ),
    )  # fmt: skip
    place = Entity("plc-lindmark", "Lindmark", "PLACE", attributes={"geonames_id": 42})
    [event] = event_rows(analysis, entities={place.id: place}, story="s1")
    assert event["actor_entity"] == "per-ruiz" and event["target_entity"] == "per-berg"
    assert (event["date"], event["date_from"], event["geonames_id"]) == ("2026-03-13", "text", 42)
    assert event["sentence"] == text[:46] and event["story"] == "s1"
    [quote] = quote_rows(analysis)
    assert (quote["speaker"], quote["speaker_entity"], quote["text"]) == (
        "Ana Ruiz",
        "per-ruiz",
        "talks went well",
    )
    out = io.StringIO()
    assert write_table([event], EVENT_COLUMNS, "csv", out) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["code"] == "CONSULT" and row["place"] == "Lindmark"
