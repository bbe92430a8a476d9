"""Tool commands: evaluate, serve."""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path

import click
from rich.table import Table

from newsweave.cli.app import console, fail_cleanly, main, store_of
from newsweave.evaluate import TASKS


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
    "--part",
    default=None,
    help="Score one part of the corpus: 'tune' (what the settings were fitted on) or 'check' "
    "(what they never saw); pairs: 'heldout' or 'train'. Default: the whole corpus.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the scores as JSON to this file ('-' for stdout only).",
)
@fail_cleanly
def evaluate(
    task: str, corpus: Path, limit: int | None, part: str | None, json_path: Path | None
) -> None:
    """Score a task against a gold corpus and print precision, recall and F1.

    \b
    Example:
      newsweave evaluate times --corpus ../shared/corpus/tempeval3 --json scores.json
      newsweave evaluate claims --corpus ../shared/corpus/claims --part check
      newsweave evaluate events --corpus ../shared/corpus/plover --part tune
    """
    module = importlib.import_module(f"newsweave.evaluate.{task}")
    if part is None:
        report = module.evaluate(corpus, limit=limit)
    elif "part" in inspect.signature(module.evaluate).parameters:
        report = module.evaluate(corpus, limit=limit, part=part)
    else:
        raise click.BadParameter(f"{task} has no parts", param_hint="--part")
    payload = json.dumps(report.as_dict(), indent=2)
    if json_path is not None and str(json_path) == "-":
        click.echo(payload)
        return
    if json_path is not None:
        json_path.write_text(payload + "\n", encoding="utf-8")
    table = Table(title=f"{task} on {corpus} ({report.documents} documents)")
    present = {k for row in report.rows.values() for k in row}
    columns = [c for c in _SCORES if c in present]
    table.add_column("measure")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_column("counts")
    for name, row in report.rows.items():
        counts = "  ".join(f"{k} {_fmt(v)}" for k, v in row.items() if k not in _SCORES)
        table.add_row(name, *(_fmt(row.get(c)) for c in columns), counts)
    console.print(table)
    for note in report.notes:
        console.print(note)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--write-token",
    envvar="NEWSWEAVE_WRITE_TOKEN",
    metavar="TOKEN",
    help="Enable POST /api/articles for 'Authorization: Bearer TOKEN'.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes: each answers on one core (each keeps its own page cache).",
)
@click.pass_context
@fail_cleanly
def serve(ctx: click.Context, host: str, port: int, write_token: str | None, workers: int) -> None:
    """Serve the store over HTTP: stories, dossiers, entities, articles, search, JSON twins.

    \b
    Example:
      newsweave --db news.db serve --host 127.0.0.1 --port 8000
      curl http://127.0.0.1:8000/stories.json
    """
    from newsweave.web import serve as run_server

    store_of(ctx).close()  # fail here, in one line, if the database cannot be opened
    run_server(ctx.obj["db"], host=host, port=port, write_token=write_token, workers=workers)


#: The columns of the evaluation table; every other figure goes in its "counts" column.
_SCORES = ("precision", "recall", "f1", "accuracy")


def _fmt(value: object) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    return "" if value is None else str(int(value) if isinstance(value, float) else value)
