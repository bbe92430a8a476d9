"""Ingest: every input form, every header form, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import article_key, read
from newsweave.ingest.dates import parse_published
from newsweave.ingest.text import parse_text
from newsweave.records import Article

BODY = "The harbour board voted on Monday to close the old pier.\n\nRepairs start in June."


def _read_all(*paths: Path | str, **options: int) -> tuple[list[Article], list[InputError]]:
    results = list(read(paths, **options))
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, InputError)],
    )


@pytest.mark.parametrize(
    ("raw", "body", "meta"),
    [
        (f" date 2026-03-14 {BODY}", BODY, {"published": "2026-03-14"}),
        (f"date 2026-03-14T08:30 {BODY}", BODY, {"published": "2026-03-14T08:30"}),
        (
            f"date: 2026-03-14\noutlet: The Pier Post\ntitle: Pier closes\nurl: https://x.example/a\n\n{BODY}",
            BODY,
            {
                "published": "2026-03-14",
                "outlet": "The Pier Post",
                "title": "Pier closes",
                "url": "https://x.example/a",
            },
        ),
        (
            f"Title: Pier closes\r\nSource: Pier Post\r\n\r\n{BODY}",
            BODY,
            {"title": "Pier closes", "outlet": "Pier Post"},
        ),
        (
            f"title Pier closes\ndate 2026-03-14\noutlet The Pier Post\n\n{BODY}",
            BODY,
            {"title": "Pier closes", "published": "2026-03-14", "outlet": "The Pier Post"},
        ),
        (
            f"date 2026-03-14\noutlet The Pier Post\n\n{BODY}",
            BODY,
            {"published": "2026-03-14", "outlet": "The Pier Post"},
        ),
        (
            f"Source close to the harbour master said the pier was unsafe.\n\n{BODY}",
            f"Source close to the harbour master said the pier was unsafe.\n\n{BODY}",
            {},
        ),
        (BODY, BODY, {}),
        (
            f"Monday: a day like any other.\n\n{BODY}",
            f"Monday: a day like any other.\n\n{BODY}",
            {},
        ),
    ],
    ids=[
        "inline-prefix",
        "inline-datetime",
        "key-value-block",
        "crlf-block",
        "block-without-colons",
        "date-line-then-block",
        "no-date-no-header",
        "none",
        "colon-in-text",
    ],
)
def test_parse_text_header_forms(raw: str, body: str, meta: dict[str, str]) -> None:
    parsed = parse_text(raw)
    assert parsed.body == body
    assert parsed.meta == meta


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", "2026-03-14"),
        ("2026-03-14T09:30:00Z", "2026-03-14"),
        ("Sat, 14 Mar 2026 09:30:00 +0000", "2026-03-14"),
        ("March 14, 2026", "2026-03-14"),
        ("14 March 2026", "2026-03-14"),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: str | None) -> None:
    assert parse_published(value) == expected


def test_text_file_with_inline_prefix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f" date 2026-03-14 {BODY}\n", encoding="utf-8")
    [article], errors = _read_all(tmp_path / "a.txt")
    assert not errors
    assert article.id == "a.txt"
    assert article.published == "2026-03-14" and not article.published_inferred
    assert article.text.startswith("The harbour board")


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "r1",
                "text": BODY,
                "published": "2026-03-14T10:00:00",
                "outlet": "Pier Post",
                "title": "T",
                "url": "https://x.example/1",
            }
        ),
        "{not json",
        json.dumps({"id": "r3"}),
        "",
        json.dumps({"id": 4, "text": "Another story about the ferry timetable."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, errors = _read_all(tmp_path / "feed.jsonl")
    assert [a.id for a in articles] == ["r1", "4"]
    assert articles[0].published == "2026-03-14" and articles[0].outlet == "Pier Post"
    assert articles[0].text == BODY  # JSON Lines text is kept exactly: gold offsets index into it
    assert [e.source for e in errors] == [
        f"{tmp_path / 'feed.jsonl'}:2",
        f"{tmp_path / 'feed.jsonl'}:3",
    ]
    assert "line 2 is not valid JSON" in str(errors[0])


def test_jsonl_takes_the_header_names_of_its_fields(tmp_path: Path) -> None:
    """A record may name its fields as a text header does ("date", "headline", "source")."""
    record = {"Date": "2026-03-14", "headline": "T", "source": "Pier Post", "text": BODY}
    other = {"date": "2026-03-01", "published": "2026-03-14", "text": BODY + " Again."}
    (tmp_path / "feed.jsonl").write_text(f"{json.dumps(record)}\n{json.dumps(other)}\n")
    first, second = _read_all(tmp_path / "feed.jsonl")[0]
    assert (first.published, first.title, first.outlet) == ("2026-03-14", "T", "Pier Post")
    assert not first.published_inferred
    assert second.published == "2026-03-14"  # the canonical name wins


def test_jsonl_reads_the_field_names_of_news_exports(tmp_path: Path) -> None:
    """A news-please record ("maintext", "date_publish", "source_domain") and a "body" /
    "published_at" / "publisher" record read as articles."""
    crawled = {
        "maintext": BODY,
        "date_publish": "2026-03-14 09:30:00",
        "source_domain": "pierpost.example",
        "title": "T",
    }
    api = {"body": BODY + " Again.", "published_at": "2026-03-15T08:00:00Z", "publisher": "P"}
    (tmp_path / "feed.jsonl").write_text(f"{json.dumps(crawled)}\n{json.dumps(api)}\n")
    first, second = _read_all(tmp_path / "feed.jsonl")[0]
    assert (first.text, first.published, first.outlet) == (BODY, "2026-03-14", "pierpost.example")
    assert (second.published, second.outlet) == ("2026-03-15", "P")


PAGE = """<!DOCTYPE html><html><head><title>Pier closes | The Pier Post</title>
<meta property="og:site_name" content="The Pier Post">
<meta property="og:title" content="Pier closes after vote">
<meta property="article:published_time" content="2026-03-14T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Pier closes after vote</h1>
<p>The harbour board voted on Monday to close the old pier after engineers found cracks in
three of its supporting columns, the board's chair said in a statement.</p>
<p>Repairs are expected to start in June and to last at least four months, according to the
engineering firm that inspected the structure last week.</p>
<p>Fishermen who moor at the pier will be moved to the new marina on the east side.</p>
</article><footer>Copyright The Pier Post. <a href="/privacy">Privacy</a></footer></body></html>"""


def test_html_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [article], errors = _read_all(tmp_path / "page.html")
    assert not errors
    assert article.title == "Pier closes after vote"
    assert article.outlet == "The Pier Post"
    assert article.published == "2026-03-14"
    assert "supporting columns" in article.text and "Privacy" not in article.text
    assert "\n\n" in article.text


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Pier Post World</title><link>https://x.example</link><description>d</description>
<item><title>Pier closes</title><link>https://x.example/1</link><guid>pp-1</guid>
<pubDate>Sat, 14 Mar 2026 09:30:00 GMT</pubDate>
<description><![CDATA[<p>The harbour board voted to close the pier.</p>
<p>Repairs start in June.</p>]]></description></item>
<item><title>Ferry returns</title><link>https://x.example/2</link><guid>pp-2</guid>
<description>The ferry returns to its summer timetable next week.</description></item>
</channel></rss>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    (tmp_path / "world.rss").write_text(RSS, encoding="utf-8")
    articles, errors = _read_all(tmp_path / "world.rss")
    assert not errors
    assert [a.id for a in articles] == ["pp-1", "pp-2"]
    assert articles[0].outlet == "Pier Post World" and articles[0].published == "2026-03-14"
    assert (
        articles[0].text == "The harbour board voted to close the pier.\n\nRepairs start in June."
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Caf\u00e9 owners said the pier “must stay open”.".encode("utf-8-sig"), "Café owners"),
        ("Caf\u00e9 owners said the pier must stay open.".encode("cp1252"), "Café owners"),
        ("Caf\u00e9 owners said the pier must stay open.".encode("utf-16"), "Café owners"),
    ],
    ids=["utf8-bom", "cp1252", "utf16-bom"],
)
def test_encodings_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    [article], errors = _read_all(tmp_path / "a.txt")
    assert not errors and article.text.startswith(expected)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
        ("broken.txt", "Caf\u00e9 “open”".encode() + b" and \xff\xfe broken", "invalid UTF-8"),
        ("header-only.txt", b"date: 2026-03-14\ntitle: nothing\n\n", "no article text"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_files_rejected_with_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    articles, [error] = _read_all(tmp_path / name)
    assert not articles
    assert error.source == str(tmp_path / name)
    assert reason in error.reason
    assert "\n" not in str(error)


def test_size_limit_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BODY * 100, encoding="utf-8")
    _, [too_big] = _read_all(tmp_path / "big.txt", max_bytes=1000)
    assert "over the" in too_big.reason and "limit" in too_big.reason
    _, [missing] = _read_all(tmp_path / "nope.txt")
    assert missing.reason == "no such file or directory"


def test_folder_recursive_mixed_and_good_files_survive_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "b.jsonl").write_text(
        json.dumps({"id": "j", "text": "Ferry news."})
    )
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("not an article")
    articles, errors = _read_all(tmp_path)
    assert sorted(a.id for a in articles) == ["a.txt", "j", "page.html"]
    assert [e.reason for e in errors] == ["empty file"]


def test_empty_directory(tmp_path: Path) -> None:
    _, [error] = _read_all(tmp_path)
    assert error.reason == "directory holds no article files"


def test_article_key_is_stable_and_content_based() -> None:
    assert article_key(BODY, None) == article_key(BODY.replace("\n", "\r\n") + "\n", None)
    assert article_key(BODY, None) != article_key(BODY, "Pier Post")
    assert article_key(BODY, None) != article_key(BODY + " More.", None)
    assert article_key(BODY, None, "r1") != article_key(BODY, None, "r2")


def test_a_date_that_is_not_a_date_is_reported_and_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "typo.txt"
    path.write_text("date: 2026-13-45\n\nThe ferry to Ostrand was cancelled on Monday.\n")
    with caplog.at_level("WARNING"):
        (article,) = read([path])
    assert isinstance(article, Article) and article.published is None
    assert f"{path}: the date '2026-13-45' is not a date" in caplog.text
