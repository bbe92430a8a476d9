"""The story dossier as a Markdown document: statements, facts, timeline, events, cast."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsweave.export.placemap import PLACE_COLUMNS, MapPlace, place_cells
from newsweave.export.sides import published_by_article, side_reporters
from newsweave.records import Dossier, Evidence, Fact, Statement

__all__ = ["dossier_markdown"]

_BADGE = {
    "corroborated": "✅ corroborated",
    "single-source": "☝️ single-source",
    "conflicting": "⚠️ conflicting",
}


def dossier_markdown(
    dossier: Dossier,
    *,
    texts: Mapping[str, str] | None = None,
    places: Sequence[MapPlace] = (),
) -> str:
    """Render a dossier as Markdown.

    Args:
        dossier: the story's dossier.
        texts: article id -> text, unused today (spans carry their text); accepted so the
            Markdown and HTML exporters take the same arguments.
        places: the story's places with their coordinates, most named first.

    Returns:
        The Markdown document, ending with a newline.
    """
    del texts
    lines = [
        f"# {_inline(dossier.title)}",
        "",
        f"Story `{dossier.id}` · {len(dossier.articles)} articles · "
        f"{len({s.source for s in dossier.sources})} independent sources",
        "",
    ]
    lines += ["## Sources", ""]
    for src in dossier.sources:
        copy = f" (copy of `{src.duplicate_of}`)" if src.duplicate_of else ""
        lines.append(
            f"- `{src.article}` — {_inline(src.outlet or 'outlet unknown')}, "
            f"{src.published or 'undated'}{copy}"
        )
    lines += ["", "## Statements", ""]
    for st in dossier.statements:
        lines += _statement(st)
    lines += ["## Facts", ""]
    published = published_by_article(dossier.sources)
    for fact in dossier.facts:
        lines += _fact(fact, published)
    lines += ["## Timeline", ""]
    for entry in dossier.timeline:
        outlets = ", ".join(dict.fromkeys(_outlet(e) for e in entry.evidence))
        lines.append(f"- **{entry.value}** — {_inline(entry.text)} ({outlets})")
    lines += [
        "",
        "## Events",
        "",
        "| id | code | actor | action | target | date | place | reports | sources |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for ev in dossier.events:
        action = ("not " if ev.negated else "") + ev.action
        lines.append(
            f"| {ev.id} | {ev.code or '—'} | {_cell(ev.actor_name or '')} | {_cell(action)} "
            f"| {_cell(ev.target_name or '')} | {ev.date or '—'} | {_cell(ev.place or '')} "
            f"| {len(ev.mentions)} | {ev.sources} |"
        )
    lines += [
        "",
        "## Cast",
        "",
        "| name | kind | roles | mentions | statements |",
        "|---|---|---|---|---|",
    ]
    for member in dossier.cast:
        lines.append(
            f"| {_cell(member.name)} | {member.kind} | {_cell(', '.join(member.roles))} "
            f"| {member.mentions} | {', '.join(member.statements)} |"
        )
    if places:
        lines += ["", "## Places", "", _row(PLACE_COLUMNS), _row(["---"] * len(PLACE_COLUMNS))]
        lines += [_row([_cell(c) for c in place_cells(place)]) for place in places]
    return "\n".join(lines) + "\n"


def _statement(st: Statement) -> list[str]:
    outlets = len({_outlet(v) for v in st.variants})
    out = [
        f"### {st.id} · {_inline(st.speaker_name or st.speaker or 'unknown speaker')} "
        f"({counted(len(st.variants), 'variant')}, {counted(outlets, 'source')})",
        "",
    ]
    for n, v in enumerate(st.variants):
        out.append(f"{n + 1}. “{_inline(v.text)}” — {_where(v)}")
    if st.differences:
        out += ["", "Differences from variant 1:"]
        for d in st.differences:
            out.append(
                f"- variant {d.variant + 1}: ~~{_inline(d.base) or '∅'}~~ → "
                f"**{_inline(d.other) or '∅'}**"
            )
    return [*out, ""]


def _fact(fact: Fact, published: Mapping[str, str | None]) -> list[str]:
    out = [
        f"### {fact.id} · {_BADGE[fact.status]} · {', '.join(map(_inline, fact.outlets))}",
        "",
        f"> {_inline(fact.text)}",
        "",
    ]
    for side in fact.sides:
        out.append(f"- **{_inline(side.value)}** — {_inline(side_reporters(side, published))}")
    if fact.sides:
        out.append("")
    for ev in fact.evidence:
        out.append(f"- {_where(ev)}: {_inline(ev.text)}")
    return [*out, ""]


def _outlet(ev: Evidence) -> str:
    return _inline(ev.outlet or ev.article)


def _where(ev: Evidence) -> str:
    """ "The Herald `herald-0412` [10:42]"; without an outlet the article id alone."""
    outlet = f"{_inline(ev.outlet)} " if ev.outlet else ""
    return f"{outlet}`{ev.article}` [{ev.start}:{ev.end}]"


def counted(n: int, noun: str) -> str:
    """ "1 variant", "3 variants"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _inline(text: str) -> str:
    """One line, with the characters Markdown would act on escaped."""
    text = " ".join(text.split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(text: str) -> str:
    return _inline(text) or "—"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
