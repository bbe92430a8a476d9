"""The ``newsweave`` command: thin commands over library functions.

Library errors become a one-line message and a non-zero exit here, and only here.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from newsweave import config
from newsweave.errors import NewsweaveError
from newsweave.evaluate import TASKS

F = TypeVar("F", bound=Callable[..., Any])

console = Console()
err_console = Console(stderr=True)


def _fail_cleanly(fn: F) -> F:
    """Turn library errors into one line on stderr and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsweaveError as exc:
            err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="NEWSWEAVE_DB",
    metavar="URL",
    help="Database: an SQLite path or a postgresql:// URL (default: ./newsweave.db).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="newsweave")
@click.pass_context
def main(ctx: click.Context, db: str | None, verbose: int) -> None:
    """newsweave: news articles from many outlets turned into a sourced record of events.

    \b
    Example:
      newsweave ingest examples/
      newsweave articles
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"db": config.database_url(db)}


def _store(ctx: click.Context) -> Any:
    from newsweave.store import open_store

    return open_store(ctx.obj["db"])


def _report_rejected(rejected: list[str]) -> None:
    for message in rejected:
        err_console.print(f"[red]rejected:[/red] {message}", highlight=False, soft_wrap=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--max-bytes",
    type=int,
    default=config.MAX_FILE_BYTES,
    show_default=True,
    help="Reject files larger than this.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
@_fail_cleanly
def ingest(ctx: click.Context, paths: tuple[str, ...], max_bytes: int, as_json: bool) -> None:
    """Read, analyse and store articles from files and folders (txt, JSONL, HTML, RSS/Atom).

    Articles already stored are skipped, so running it again completes an interrupted run.
    Exits with code 2 when any input was rejected (the rest is still stored).

    \b
    Example:
      newsweave --db news.db ingest examples/ feeds/world.xml
    """
    from newsweave.pipeline import ingest as run_ingest

    store = _store(ctx)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
        disable=as_json or not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingesting", total=None)
        report = run_ingest(
            paths, store, max_bytes=max_bytes, on_progress=lambda outcome: progress.advance(task)
        )
    _report_rejected(report.rejected)
    summary = {
        "stored": len(report.stored),
        "duplicates": report.duplicates,
        "rejected": len(report.rejected),
        "stories_updated": len(report.stories),
        "total_articles": store.count_articles(),
    }
    if as_json:
        click.echo(json.dumps(summary))
    else:
        console.print(
            f"stored {summary['stored']}, duplicates {summary['duplicates']}, "
            f"rejected {summary['rejected']} "
            f"({summary['total_articles']} articles in the store)"
        )
    if report.rejected:
        sys.exit(2)


@main.command()
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@_fail_cleanly
def articles(ctx: click.Context, limit: int, as_json: bool) -> None:
    """List stored articles, newest first.

    \b
    Example:
      newsweave articles --limit 20
    """
    rows = _store(ctx).articles(limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                [{k: v for k, v in a.as_dict().items() if k != "text"} for a in rows],
                ensure_ascii=False,
            )
        )
        return
    table = Table("id", "published", "outlet", "title", "words")
    for a in rows:
        published = (a.published or "?") + (" (inferred)" if a.published_inferred else "")
        table.add_row(
            a.id,
            published,
            a.outlet or "",
            (a.title or a.text[:60]).strip(),
            str(len(a.text.split())),
        )
    console.print(table)


@main.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of the rendering.")
@click.pass_context
@_fail_cleanly
def show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Show a story's dossier, or one article with what was found in it highlighted.

    REF is a story id (see `newsweave stories`) or an article id (see `newsweave articles`).

    \b
    Example:
      newsweave show s1a2b3c4d5e6f
      newsweave show 000_684d17ba5a89146b.txt --json
    """
    from newsweave.export.json import article_to_json
    from newsweave.export.terminal import render_article, render_dossier

    store = _store(ctx)
    dossier = store.dossier(ref)
    if dossier is not None:
        if as_json:
            click.echo(json.dumps(dossier, ensure_ascii=False, indent=2))
        else:
            render_dossier(console, dossier)
        return
    analysis = store.analysis(ref)
    if analysis is None:
        raise click.ClickException(
            f"no story or article {ref!r} in the store "
            "(see `newsweave stories` and `newsweave articles`)"
        )
    if as_json:
        click.echo(json.dumps(article_to_json(analysis), ensure_ascii=False, indent=2))
    else:
        render_article(console, analysis)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON output contract (v1).")
@click.option("--max-bytes", type=int, default=config.MAX_FILE_BYTES, show_default=True)
@_fail_cleanly
def analyze(paths: tuple[str, ...], as_json: bool, max_bytes: int) -> None:
    """Analyse articles in one go, without a database; all paths form one collection.

    \b
    Example:
      newsweave analyze examples/ --json > result.json
    """
    from newsweave.export.json import collection_to_json
    from newsweave.pipeline import analyze_paths

    collection = analyze_paths(paths, max_bytes=max_bytes)
    _report_rejected(collection.rejected)
    if as_json:
        payload = collection_to_json(collection.analyses, collection.entities, collection.stories)
        click.echo(json.dumps(payload, ensure_ascii=False))
    else:
        table = Table("story", "articles", "outlets", "title")
        for story in collection.stories:
            outlets = {s.outlet or s.article for s in story.sources}
            table.add_row(story.id, str(len(story.articles)), str(len(outlets)), story.title)
        console.print(table)
    if collection.rejected:
        sys.exit(2)


@main.command()
@click.option("--since", metavar="YYYY-MM-DD", help="Only stories still running on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only stories begun on or before.")
@click.option("--entity", metavar="ID", help="Only stories mentioning this entity.")
@click.option("--outlet", help="Only stories this outlet reported.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@_fail_cleanly
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
    rows = _store(ctx).stories(since=since, until=until, entity=entity, outlet=outlet, limit=limit)
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
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.pass_context
@_fail_cleanly
def export(ctx: click.Context, story_id: str, fmt: str, output: Path | None) -> None:
    """Export a story's dossier as JSON, Markdown or a self-contained HTML page.

    \b
    Example:
      newsweave export s1a2b3c4d5e6f --format html -o story.html
    """
    from newsweave.export import render_dossier_as

    store = _store(ctx)
    dossier = store.dossier(story_id)
    if dossier is None:
        raise click.ClickException(
            f"no story {story_id!r} with a dossier (see `newsweave stories`)"
        )
    texts = {a.id: a.text for ref in dossier.get("articles", []) if (a := store.article(ref))}
    rendered = render_dossier_as(fmt, dossier, texts)
    if output is None:
        click.echo(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
        console.print(f"wrote {output}")


@main.command()
@click.argument("kind", type=click.Choice(["events", "quotes", "entities"]))
@click.option("--story", "story_id", help="Only the articles of this story.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.pass_context
@_fail_cleanly
def table(
    ctx: click.Context, kind: str, story_id: str | None, fmt: str, output: Path | None
) -> None:
    """Export events (one row per reported event), quotes or entities as CSV or JSON Lines.

    Every event and quote row names its article, outlet, date, story and the sentence it was
    read from; names carry their canonical entity id.

    \b
    Example:
      newsweave table events --format csv -o events.csv
      newsweave table quotes --story s1a2b3c4d5e6f --format jsonl
    """
    from newsweave.export.tables import store_table, write_table

    if kind == "entities" and story_id is not None:
        raise click.UsageError("--story applies to the events and quotes tables")
    store = _store(ctx)
    if story_id is not None and store.story(story_id) is None:
        raise click.ClickException(f"no story {story_id!r} (see `newsweave stories`)")
    columns, rows = store_table(store, kind, story=story_id)
    if output is None:
        write_table(rows, columns, fmt, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as out:
        count = write_table(rows, columns, fmt, out)
    console.print(f"wrote {count} {kind} to {output}")


@main.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(["PERSON", "ORG", "PLACE", "GROUP"]))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@_fail_cleanly
def entities(ctx: click.Context, kind: str | None, as_json: bool) -> None:
    """List canonical entities with their mention and article counts.

    \b
    Example:
      newsweave entities --kind PERSON
      newsweave entities show per_3f2a9c1b7d
    """
    if ctx.invoked_subcommand is not None:
        return
    store = _store(ctx)
    counts = store.entity_counts()
    rows = sorted(store.entities(kind=kind), key=lambda e: (-counts.get(e.id, (0, 0))[0], e.name))
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        **_entity_json(e),
                        "mentions": counts.get(e.id, (0, 0))[0],
                        "articles": counts.get(e.id, (0, 0))[1],
                    }
                    for e in rows
                ],
                ensure_ascii=False,
            )
        )
        return
    table = Table("id", "kind", "name", "mentions", "articles", "aliases")
    for e in rows:
        mentions, articles = counts.get(e.id, (0, 0))
        table.add_row(e.id, e.kind, e.name, str(mentions), str(articles), ", ".join(e.aliases))
    console.print(table)


@entities.command("show")
@click.argument("entity_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a rendering.")
@click.pass_context
@_fail_cleanly
def entities_show(ctx: click.Context, entity_id: str, as_json: bool) -> None:
    """Show one entity: aliases, roles, and the evidence behind every merge decision.

    \b
    Example:
      newsweave entities show per_3f2a9c1b7d
    """
    store = _store(ctx)
    entity = store.entity(entity_id)
    if entity is None:
        raise click.ClickException(f"no entity {entity_id!r} (see `newsweave entities`)")
    evidence = store.entity_evidence(entity_id)
    if as_json:
        click.echo(
            json.dumps(
                {**_entity_json(entity), "evidence": evidence}, ensure_ascii=False, default=str
            )
        )
        return
    console.print(f"[bold]{entity.name}[/bold]  {entity.kind}  {entity.id}")
    console.print(f"aliases: {', '.join(entity.aliases)}")
    if entity.roles:
        console.print(f"roles: {', '.join(entity.roles)}")
    place = {
        k: v for k, v in entity.attributes.items() if k in ("geonames_id", "country", "lat", "lon")
    }
    if place:
        console.print(f"place: {place}")
    table = Table("article", "mention", "rule", "score", "why", title="linking decisions")
    for e in evidence:
        table.add_row(e["article"], e["text"], e["rule"], f"{e['score']:.2f}", e["detail"])
    console.print(table)


def _entity_json(entity: Any) -> dict[str, Any]:
    data: dict[str, Any] = entity.as_dict()
    data["attributes"] = {k: v for k, v in entity.attributes.items() if k in _PUBLIC_ATTRIBUTES}
    return data


_PUBLIC_ATTRIBUTES = ("geonames_id", "lat", "lon", "country", "feature")


@main.command()
@click.argument("task", type=click.Choice(TASKS))
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="A folder with articles.jsonl and gold.jsonl.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the scores as JSON to this file ('-' for stdout only).",
)
@_fail_cleanly
def evaluate(task: str, corpus: Path, limit: int | None, json_path: Path | None) -> None:
    """Score a task against a gold corpus and print precision, recall and F1.

    \b
    Example:
      newsweave evaluate times --corpus ../shared/corpus/tempeval3 --json scores.json
    """
    module = importlib.import_module(f"newsweave.evaluate.{task}")
    report = module.evaluate(corpus, limit=limit)
    payload = json.dumps(report.as_dict(), indent=2)
    if json_path is not None and str(json_path) == "-":
        click.echo(payload)
        return
    if json_path is not None:
        json_path.write_text(payload + "\n", encoding="utf-8")
    table = Table(title=f"{task} on {corpus} ({report.documents} documents)")
    columns = sorted({k for row in report.rows.values() for k in row}, key=_column_order)
    table.add_column("measure")
    for column in columns:
        table.add_column(column, justify="right")
    for name, row in report.rows.items():
        table.add_row(name, *(_fmt(row.get(c)) for c in columns))
    console.print(table)
    for note in report.notes:
        console.print(note)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--write-token",
    envvar="NEWSWEAVE_WRITE_TOKEN",
    metavar="TOKEN",
    help="Enable POST /api/articles for 'Authorization: Bearer TOKEN'.",
)
@click.pass_context
@_fail_cleanly
def serve(ctx: click.Context, host: str, port: int, write_token: str | None) -> None:
    """Serve the store over HTTP: stories, dossiers, entities, articles, search, JSON twins.

    \b
    Example:
      newsweave --db news.db serve --host 127.0.0.1 --port 8000
      curl http://127.0.0.1:8000/stories.json
    """
    from newsweave.web import serve as run_server

    _store(ctx).close()  # fail here, in one line, if the database cannot be opened
    run_server(ctx.obj["db"], host=host, port=port, write_token=write_token)


def _column_order(name: str) -> tuple[int, str]:
    order = ["precision", "recall", "f1", "accuracy"]
    return (order.index(name) if name in order else len(order), name)


def _fmt(value: object) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    return "" if value is None else str(int(value) if isinstance(value, float) else value)


if __name__ == "__main__":
    main()
