"""Commands on stories: stories, export, table."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click
from rich.table import Table

from newsweave.cli.app import console, fail_cleanly, main, store_of

_output = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)


@main.command()
@click.option("--since", metavar="YYYY-MM-DD", help="Only stories still running on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only stories begun on or before.")
@click.option("--entity", metavar="ID", help="Only stories mentioning this entity.")
@click.option("--outlet", help="Only stories this outlet reported.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@fail_cleanly
def stories(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    entity: str | None,
    outlet: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List stories, newest first: articles, independent outlets, dates.

    \b
    Example:
      newsweave stories --since 2026-03-01 --outlet "The Harbor Gazette"
    """
    store = store_of(ctx)
    rows = store.stories(since=since, until=until, entity=entity, outlet=outlet, limit=limit)
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False))
        return
    table = Table("id", "dates", "articles", "outlets", "title")
    for r in rows:
        dates = f"{r.first_published or '?'} .. {r.last_published or '?'}"
        table.add_row(r.id, dates, str(r.article_count), str(r.independent_outlets), r.title)
    console.print(table)


@main.command()
@click.argument("story_id")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md", "html"]), default="html", show_default=True
)
@_output
@click.pass_context
@fail_cleanly
def export(ctx: click.Context, story_id: str, fmt: str, output: Path | None) -> None:
    """Export a story's dossier as JSON, Markdown or a self-contained HTML page.

    \b
    Example:
      newsweave export s1a2b3c4d5e6f --format html -o story.html
    """
    from newsweave.export import render_dossier_as
    from newsweave.export.placemap import map_places

    store = store_of(ctx)
    dossier = store.dossier(story_id)
    if dossier is None:
        raise click.ClickException(
            f"no story {story_id!r} with a dossier (see `newsweave stories`)"
        )
    texts = {a.id: a.text for ref in dossier.get("articles", []) if (a := store.article(ref))}
    places = map_places(store.story_entities(story_id))
    rendered = render_dossier_as(fmt, dossier, texts, places)
    if output is None:
        click.echo(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
        console.print(f"wrote {output}")


@main.command()
@click.argument("kind", type=click.Choice(["articles", "events", "quotes", "entities", "facts"]))
@click.option("--story", "story_id", help="Only the articles of this story.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
@_output
@click.pass_context
@fail_cleanly
def table(
    ctx: click.Context, kind: str, story_id: str | None, fmt: str, output: Path | None
) -> None:
    """Export articles, events (one row per reported event), quotes, entities or the
    dossiers' facts as CSV or JSON Lines (`newsweave export-tables` writes them all, also as
    Parquet).

    Every event and quote row names its article, outlet, date, story and the sentence it was
    read from; names carry their canonical entity id.

    \b
    Example:
      newsweave table events --format csv -o events.csv
      newsweave table quotes --story s1a2b3c4d5e6f --format jsonl
    """
    from newsweave.export.tables import store_table, write_table

    if kind == "entities" and story_id is not None:
        raise click.UsageError("--story applies to every table but entities")
    store = store_of(ctx)
    if story_id is not None and store.story(story_id) is None:
        raise click.ClickException(f"no story {story_id!r} (see `newsweave stories`)")
    columns, rows = store_table(store, kind, story=story_id)
    if output is None:
        write_table(rows, columns, fmt, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        count = write_table(rows, columns, fmt, out)
    console.print(f"wrote {count} {kind} to {output}")
