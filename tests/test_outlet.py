"""Outlets inferred from how an article names itself."""

from __future__ import annotations

import pytest

from newsweave.analyse.outlet import infer_outlet
from newsweave.ingest import article_key
from newsweave.records import Article


def _article(text: str) -> Article:
    return Article(id="a", key=article_key(text, None), text=text)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The Pier Post could not immediately reach the mayor for comment.", "Pier Post"),
        ("Valley News Digital did not immediately reach the ministry.", "Valley News"),
        (
            "An aide confirmed to the Harbour Independent that the talks had ended.",
            "Harbour Independent",
        ),
        ("The Coast Herald has learned that the plant will close.", "Coast Herald"),
        ("The minister told the Senate that the budget was balanced.", None),
        ("Officials could not immediately confirm the figures.", None),
        ("Sky Radio quoted the minister as saying the deal was done.", None),
        ("The mayor spoke to reporters on Monday.", None),
    ],
)
def test_infer_outlet(text: str, outlet: str | None) -> None:
    found = infer_outlet(_article(text))
    assert (found[0] if found else None) == outlet
