"""Stories at a glance: the bar of facts by status and the sparkline of articles per day."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newsweave.export.glance import articles_per_day, facts_bar_svg, sparkline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_articles_per_day_fills_the_quiet_days() -> None:
    days = ["2026-05-03", "2026-05-01", None, "2026-05-03"]
    assert articles_per_day(days) == [("2026-05-01", 1), ("2026-05-02", 0), ("2026-05-03", 2)]
    assert articles_per_day([None]) == []


def test_the_bar_splits_by_status_and_says_so() -> None:
    svg = ET.fromstring(facts_bar_svg({"corroborated": 3, "single-source": 1}, width=100))
    widths = [float(r.get("width") or 0) for r in svg.findall(f"{SVG}rect")]
    assert widths == [75.0, 25.0]
    assert svg.get("aria-label") == "facts: 3 corroborated, 0 conflicting, 1 single-source"
    assert facts_bar_svg({}) == ""


def test_the_sparkline_is_as_tall_as_the_busiest_day() -> None:
    svg = ET.fromstring(sparkline_svg([("2026-05-01", 1), ("2026-05-02", 0), ("2026-05-03", 2)]))
    bars = svg.findall(f"{SVG}rect")
    assert len(bars) == 2  # no bar for a day without articles
    heights = [float(b.get("height") or 0) for b in bars]
    assert heights[1] == 2 * heights[0]
    assert "3 articles over 3 days" in (svg.get("aria-label") or "")
    assert sparkline_svg([]) == ""
