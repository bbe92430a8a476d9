"""The story matrix: sources as columns, facts and statements as rows, what each cell says."""

from __future__ import annotations

from newsweave.export.html import dossier_html
from newsweave.export.matrix import story_matrix
from newsweave.records import Dossier, DossierSource, Evidence, Fact, Side, Statement


def _ev(article: str, start: int, text: str) -> Evidence:
    return Evidence(article, start, start + len(text), text, outlet=article.upper())


def _dossier() -> Dossier:
    sources = (
        DossierSource("b", "B", "2026-05-02", None, "B"),
        DossierSource("a", "A", "2026-05-01", None, "A"),
        DossierSource("a2", "A", "2026-05-03", None, "A"),  # a second article of outlet A
        DossierSource("c", "C", "2026-05-02", None, "C"),
        DossierSource("w", "W", "2026-05-02", None, "B", duplicate_of="b"),  # a copy of b
    )
    one = Fact(
        "The bridge closed on Monday.", "corroborated", ("A", "B"),
        (_ev("a", 0, "The bridge closed."), _ev("b", 5, "The bridge shut.")), id="f1", sources=2,
    )  # fmt: skip
    count = Fact(
        "1,200 people left.", "conflicting", ("A", "B", "C"),
        (_ev("a2", 0, "1,200 left."), _ev("b", 30, "1,200 fled."), _ev("c", 0, "1,500 fled.")),
        id="f2", sources=3, conflict="number",
        sides=(
            Side("1,200", ("A", "B"), (_ev("a2", 0, "1,200 left."), _ev("b", 30, "1,200 fled."))),
            Side("1,500", ("C",), (_ev("c", 0, "1,500 fled."),)),
        ),
    )  # fmt: skip
    alone = Fact(
        "A <ferry> ran.", "single-source", ("C",), (_ev("c", 20, "A <ferry> ran."),), id="f3",
        sources=1,
    )  # fmt: skip
    said = Statement("p1", (_ev("b", 50, "We will rebuild."), _ev("c", 40, "We'll rebuild.")),
                     id="st1", speaker_name="Ada Moss")  # fmt: skip
    return Dossier(
        "s1", "Bridge", ("a", "a2", "b", "c", "w"), statements=(said,),
        facts=(alone, count, one), sources=sources,
    )  # fmt: skip


def test_columns_are_sources_in_publication_order_with_copies_under_their_original() -> None:
    matrix = story_matrix(_dossier())
    assert [(c.source, c.articles, c.copies) for c in matrix.columns] == [
        ("A", ("a", "a2"), ()),
        ("B", ("b",), ("w",)),
        ("C", ("c",), ()),
    ]
    assert [c.published for c in matrix.columns] == ["2026-05-01", "2026-05-02", "2026-05-02"]


def test_rows_by_status_then_reach_and_cells_say_who_reported_what() -> None:
    matrix = story_matrix(_dossier())
    assert [(r.id, r.group) for r in matrix.facts] == [
        ("f1", "corroborated"),
        ("f2", "conflicting"),
        ("f3", "single-source"),
    ]
    states = {r.id: [(c.state, c.value) for c in r.cells] for r in matrix.facts}
    assert states["f1"] == [("reported", None), ("reported", None), ("absent", None)]
    # The value most sources give is "reported", the other "differs": both values show.
    assert states["f2"] == [("reported", "1,200"), ("reported", "1,200"), ("differs", "1,500")]
    assert states["f3"] == [("absent", None), ("absent", None), ("reported", None)]
    assert [e.article for e in matrix.facts[1].cells[0].evidence] == ["a2"]
    [statement] = matrix.statements
    assert statement.group == "Ada Moss"
    assert [c.state for c in statement.cells] == ["absent", "reported", "reported"]


def test_the_export_shows_the_matrix_escaped() -> None:
    page = dossier_html(_dossier(), texts={"a": "The bridge closed."})
    table = page[page.index('<p class="matrix-legend">') : page.index('<div class="sources"')]
    assert "A &lt;ferry&gt; ran." in table and "<ferry>" not in table
    assert table.count('class="differs"') == 1 and "≠ 1,500" in table
    assert '<tr data-row="f1" data-kind="fact">' in table and 'data-articles="b w"' in table
    assert '<td class="absent" colspan="2">' in table  # f3: A and B do not report it
    assert "table.matrix td.reported, table.matrix td.differs" in page  # the script inlined


def test_coverage_puts_first_reports_and_events_in_time() -> None:
    from newsweave.export.coverage import coverage_html, story_coverage
    from newsweave.records import TimelineEntry

    dossier = _dossier()
    dossier = Dossier(
        dossier.id, dossier.title, dossier.articles, statements=dossier.statements,
        facts=dossier.facts, sources=dossier.sources,
        timeline=(TimelineEntry("2026-04-30", "the bridge was inspected", (), fact="f1"),
                  TimelineEntry("2026-W18", "a week of repairs", ())),
    )  # fmt: skip
    coverage = story_coverage(dossier)
    assert [(s.name, s.days, s.copies) for s in coverage.sources] == [
        ("A", ("2026-05-01", "2026-05-03"), ()),
        ("B", ("2026-05-02",), ("2026-05-02",)),
        ("C", ("2026-05-02",), ()),
    ]
    # Only facts of more than one source; each source once, at its first report.
    assert {f.id: f.reports for f in coverage.facts} == {
        "f1": (("2026-05-01", "A"), ("2026-05-02", "B")),
        "f2": (("2026-05-02", "B"), ("2026-05-02", "C"), ("2026-05-03", "A")),
    }
    assert [e.day for e in coverage.events] == ["2026-04-30"]  # a week is no day
    html = coverage_html(coverage)
    assert html.count("<svg") == 1 and "first A (2026-05-01); followed by B (2026-05-02)" in html
    assert "A &lt;ferry&gt;" not in html  # single-source facts are not lanes


def test_coverage_keeps_its_axis_to_the_reporting_days() -> None:
    """An event decades before the reports ("the company was founded in 1931") is told in the
    text, not drawn: on a day axis it would stretch the story's few days over metres. A story
    reported over many months gets labelled grid lines weeks or months apart, not one a day."""
    from newsweave.export.coverage import coverage_html, story_coverage
    from newsweave.records import TimelineEntry

    base = _dossier()
    old = TimelineEntry("1931-06-01", "the company was founded", ())
    recent = TimelineEntry("2026-04-28", "the bridge was closed for checks", ())
    dossier = Dossier(base.id, base.title, base.articles, facts=base.facts,
                      sources=base.sources, timeline=(old, recent))  # fmt: skip
    html = coverage_html(story_coverage(dossier))
    svg = html[: html.index("</svg>")]
    assert "the bridge was closed" in svg and "founded" not in svg
    assert "1931-06-01: the company was founded" in html  # the text lists every event
    assert len(html) < 20_000 and svg.count("<line") < 30

    months = tuple(
        DossierSource(f"s{n}", f"S{n}", f"{2025 + n // 12}-{n % 12 + 1:02d}-15", None, f"S{n}")
        for n in range(24)
    )  # two years of reports
    long = Dossier(base.id, base.title, base.articles, sources=months)
    svg = coverage_html(story_coverage(long))
    width = float(svg.split('width="')[1].split('"')[0])
    assert width <= 1700 and svg.count("<line") < 40
    assert ">2025-01<" in svg  # labelled by month


def test_the_terminal_prints_the_matrix_with_symbols() -> None:
    from rich.console import Console

    from newsweave.export.terminal import render_dossier

    console = Console(record=True, width=160, color_system=None)
    render_dossier(console, _dossier().as_dict())
    text = console.export_text()
    assert "Who reported what" in text
    # Sources are numbered columns, named under the title (a copy counted with its original).
    assert "1 A · 2 B (and 1 copy) · 3 C" in " ".join(text.split())
    row = next(line for line in text.splitlines() if "f2 1,200 people left." in line)
    assert row.count("✓ 1,200") == 2 and "≠ 1,500" in row
    alone = next(line for line in text.splitlines() if "f3 A <ferry> ran." in line)
    assert alone.count("·") == 2 and alone.count("✓") == 1
