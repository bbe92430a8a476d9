"""The ``newsweave`` command: thin commands over library functions.

Library errors become a one-line message and a non-zero exit here, and only here.
"""

from __future__ import annotations

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
from rich.text import Text

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
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the article's analysis as JSON.")
@click.pass_context
@_fail_cleanly
def show(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show one stored article with its entities highlighted.

    \b
    Example:
      newsweave show 000_684d17ba5a89146b.txt
    """
    from newsweave.export.json import article_to_json

    analysis = _store(ctx).analysis(article_id)
    if analysis is None:
        raise click.ClickException(
            f"no article {article_id!r} in the store (see `newsweave articles`)"
        )
    if as_json:
        click.echo(json.dumps(article_to_json(analysis), ensure_ascii=False, indent=2))
        return
    a = analysis.article
    console.print(
        f"[bold]{a.title or a.id}[/bold]  {a.outlet or ''}  {a.published or ''}"
        f"{' (inferred)' if a.published_inferred else ''}"
    )
    text = Text(a.text)
    styles = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green"}
    for q in analysis.quotes:
        text.stylize("italic yellow", q.start, q.end)
    for e in analysis.entities:
        text.stylize(styles.get(e.label, "underline"), e.start, e.end)
    console.print(text)


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
        click.echo(json.dumps(collection_to_json(collection.analyses), ensure_ascii=False))
    else:
        table = Table("id", "published", "outlet", "entities", "quotes", "times")
        for an in collection.analyses:
            table.add_row(
                an.article.id,
                an.article.published or "?",
                an.article.outlet or "",
                str(len(an.entities)),
                str(len(an.quotes)),
                str(len(an.times)),
            )
        console.print(table)
    if collection.rejected:
        sys.exit(2)


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


def _column_order(name: str) -> tuple[int, str]:
    order = ["precision", "recall", "f1", "accuracy"]
    return (order.index(name) if name in order else len(order), name)


def _fmt(value: object) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    return "" if value is None else str(int(value) if isinstance(value, float) else value)


if __name__ == "__main__":
    main()
