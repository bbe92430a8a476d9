"""The story dossier as one self-contained HTML page (inline CSS, a few lines of plain JS).

The sources stand side by side, one column per article, with every quote of a statement and
every piece of evidence of a fact highlighted in the original text. Each highlight is a
``<mark>`` whose ``data-statements`` / ``data-facts`` attributes name the statement and fact
ids it belongs to. All article text is escaped: an article containing ``<script>`` shows it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from html import escape
from importlib import resources

from newsweave.export.coverage import coverage_html, story_coverage
from newsweave.export.markdown import counted
from newsweave.export.matrix import matrix_html, story_matrix
from newsweave.export.placemap import PLACE_COLUMNS, MapPlace, place_cells, place_map_svg
from newsweave.export.sides import published_by_article, side_reporters
from newsweave.records import Dossier, Evidence, Fact, Statement

__all__ = ["dossier_html"]

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header,section{padding:12px 24px}h1{font-size:22px;margin:8px 0}h2{border-bottom:1px solid #ccc}
.sources{display:flex;gap:12px;overflow-x:auto;padding:12px 24px;align-items:flex-start}
.source{flex:1 0 340px;max-width:560px;background:#fff;border:1px solid #ddd;border-radius:6px;
padding:10px 14px}.source h3{font-size:15px;margin:0 0 6px}.meta{color:#666;font-size:12px}
.text{white-space:pre-wrap;font-size:14px}
mark{background:none;border-radius:2px}mark.f{background:#e8f0fe}
mark.f.corroborated{background:#d7f5dd}mark.f.conflicting{background:#ffe0c2}
mark.q{border-bottom:2px solid #b45309;background:#fff4d6}mark.on{outline:2px solid #2563eb}
.badge{display:inline-block;font-size:11px;padding:1px 7px;border-radius:9px;color:#fff;
background:#6b7280;margin-right:6px}.badge.corroborated{background:#15803d}
.badge.conflicting{background:#c2410c}.badge.single-source{background:#6b7280}
.item{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:8px 0}
del{background:#fde2e2}ins{background:#dcfce7;text-decoration:none}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
"""

_JS = """
document.querySelectorAll('[data-link]').forEach(function(el){
  el.addEventListener('mouseenter',function(){toggle(el.dataset.link,true)});
  el.addEventListener('mouseleave',function(){toggle(el.dataset.link,false)});
});
function toggle(id,on){document.querySelectorAll('mark').forEach(function(m){
  var ids=((m.dataset.facts||'')+' '+(m.dataset.statements||'')).split(' ');
  if(ids.indexOf(id)>=0){m.classList.toggle('on',on)}});}
"""


def dossier_html(
    dossier: Dossier, *, texts: Mapping[str, str], places: Sequence[MapPlace] = ()
) -> str:
    """Render a dossier as one HTML page.

    Args:
        dossier: the story's dossier.
        texts: article id -> the article's text (the columns show it, highlighted).
        places: the story's places with their coordinates, most named first (drawn on an
            inline map and listed).

    Returns:
        The page, a complete HTML document.
    """
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(dossier.title)}</title><style>{_CSS}{_static('matrix.css')}</style>"
        "</head><body>",
        f'<header><h1>{escape(dossier.title)}</h1><div class="meta">story '
        f"{escape(dossier.id)} · {len(dossier.articles)} articles · "
        f"{len({s.source for s in dossier.sources})} independent sources</div></header>",
        '<section id="matrix"><h2>Who reported what</h2>',
        matrix_html(story_matrix(dossier)),
        "</section>",
        '<section id="coverage"><h2>When they reported it</h2>',
        coverage_html(story_coverage(dossier)),
        "</section>",
        '<div class="sources" id="sources">',
    ]
    marks = _marks(dossier)
    for src in dossier.sources:
        text = texts.get(src.article, "")
        copy = f" · copy of {escape(src.duplicate_of)}" if src.duplicate_of else ""
        parts.append(
            f'<article class="source" data-article="{escape(src.article)}">'
            f'<h3>{escape(src.outlet or src.article)}</h3><div class="meta">'
            f"{escape(src.article)} · {escape(src.published or 'undated')}{copy}</div>"
            f'<div class="text">{_highlighted(text, marks.get(src.article, []))}</div>'
            "</article>"
        )
    parts.append("</div>")
    parts.append(_section("Statements", [_statement(st) for st in dossier.statements]))
    published = published_by_article(dossier.sources)
    parts.append(_section("Facts", [_fact(f, published) for f in dossier.facts]))
    timeline = [
        (f'<tr data-link="{escape(e.fact or "")}">', [e.value, e.text, _outlets(e.evidence)])
        for e in dossier.timeline
    ]
    parts.append(_section("Timeline", [_table(["date", "what", "sources"], timeline)]))
    events = [
        (
            "<tr>",
            [
                e.code or "",
                e.actor_name or "",
                ("not " if e.negated else "") + e.action,
                e.target_name or "",
                e.date or "",
                e.place or "",
                str(len(e.mentions)),
                _outlets(e.mentions),
            ],
        )
        for e in dossier.events
    ]
    heads = ["code", "actor", "action", "target", "date", "place", "reports", "outlets"]
    parts.append(_section("Events", [_table(heads, events)]))
    cast = [
        ("<tr>", [c.name, c.kind, ", ".join(c.roles), str(c.mentions), ", ".join(c.statements)])
        for c in dossier.cast
    ]
    heads = ["name", "kind", "roles", "mentions", "statements"]
    parts.append(_section("Cast", [_table(heads, cast)]))
    if places:
        rows = [("<tr>", place_cells(p)) for p in places]
        heads = list(PLACE_COLUMNS)
        parts.append(_section("Places", [place_map_svg(places, href=""), _table(heads, rows)]))
    parts.append(f"<script>{_JS}{_static('matrix.js')}</script></body></html>")
    return "\n".join(parts)


def _static(name: str) -> str:
    """A file the story page serves, inlined: the export needs no server and no network."""
    return (resources.files("newsweave.web") / "static" / name).read_text(encoding="utf-8")


_Mark = tuple[int, int, str, str, str]  # start, end, kind ("q" or "f"), id, fact status


def _marks(dossier: Dossier) -> dict[str, list[_Mark]]:
    marks: dict[str, list[_Mark]] = defaultdict(list)
    for st in dossier.statements:
        for v in st.variants:
            marks[v.article].append((v.start, v.end, "q", st.id, ""))
    for fact in dossier.facts:
        for ev in fact.evidence:
            marks[ev.article].append((ev.start, ev.end, "f", fact.id, fact.status))
    return marks


def _highlighted(text: str, marks: list[_Mark]) -> str:
    """The text escaped, each stretch covered by marks wrapped in one ``<mark>``.

    Quotes and facts may overlap (a fact sentence holds a partial quote), so the text is cut
    at every mark boundary and each piece names all the marks that cover it.
    """
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        cover = [m for m in marks if m[0] <= a and b <= m[1]]
        piece = escape(text[a:b])
        if not cover:
            out.append(piece)
            continue
        statements = " ".join(m[3] for m in cover if m[2] == "q")
        facts = " ".join(m[3] for m in cover if m[2] == "f")
        status = next((m[4] for m in cover if m[2] == "f"), "")
        classes = " ".join(filter(None, ["q" if statements else "", "f" if facts else "", status]))
        attrs = f' class="{classes}"'
        if statements:
            attrs += f' data-statements="{escape(statements)}"'
        if facts:
            attrs += f' data-facts="{escape(facts)}" data-status="{escape(status)}"'
        out.append(f"<mark{attrs}>{piece}</mark>")
    return "".join(out)


def _table(heads: list[str], rows: list[tuple[str, list[str]]]) -> str:
    """An HTML table; each row is its opening tag and its cells (escaped here)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join(
        opening + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"
        for opening, cells in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _section(title: str, items: list[str]) -> str:
    return f'<section id="{title.lower()}"><h2>{title}</h2>{"".join(items)}</section>'


def _statement(st: Statement) -> str:
    rows = "".join(
        f"<li><q>{escape(v.text)}</q> — {escape(v.outlet or v.article)}</li>" for v in st.variants
    )
    diffs = "".join(
        f"<li>variant {d.variant + 1}: <del>{escape(d.base)}</del> <ins>{escape(d.other)}</ins>"
        "</li>"
        for d in st.differences
    )
    diff_block = (
        f"<details><summary>differences</summary><ul>{diffs}</ul></details>" if diffs else ""
    )
    name = escape(st.speaker_name or st.speaker or "unknown speaker")
    return (
        f'<div class="item statement" id="{escape(st.id)}" data-link="{escape(st.id)}">'
        f'<b>{name}</b> <span class="meta">{escape(st.id)} · {counted(len(st.variants), "variant")}'
        f"</span><ol>{rows}</ol>{diff_block}</div>"
    )


def _fact(fact: Fact, published: Mapping[str, str | None]) -> str:
    sides = "".join(
        f"<li><b>{escape(s.value)}</b> — {escape(side_reporters(s, published))}</li>"
        for s in fact.sides
    )
    evidence = "".join(
        f"<li>{escape(e.outlet or e.article)}: {escape(e.text)}</li>" for e in fact.evidence
    )
    return (
        f'<div class="item fact" id="{escape(fact.id)}" data-link="{escape(fact.id)}">'
        f'<span class="badge {escape(fact.status)}">{escape(fact.status)}</span>'
        f'{escape(fact.text)} <span class="meta">{escape(", ".join(fact.outlets))}</span>'
        + (f'<ul class="sides">{sides}</ul>' if sides else "")
        + f"<details><summary>evidence</summary><ul>{evidence}</ul></details></div>"
    )


def _outlets(evidence: tuple[Evidence, ...]) -> str:
    return ", ".join(dict.fromkeys(e.outlet or e.article for e in evidence))
