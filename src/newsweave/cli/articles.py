"""Commands on articles: ingest, articles, show, analyze."""

from __future__ import annotations

import json
import sys

import click
from rich.table import Table

from newsweave import config
from newsweave.cli.app import (
    console,
    err_console,
    fail_cleanly,
    main,
    progress_bar,
    report_rejected,
    store_of,
)


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
@click.option(
    "--ray",
    "ray_address",
    is_flag=False,
    flag_value="local",
    default=None,
    metavar="[ADDRESS]",
    help="Analyse on Ray: alone, a local Ray; with the HOST:PORT that `ray start --head` "
    "printed, that cluster. Put it after the paths.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes analysing at once; with --ray, actors (default: one per free CPU).",
)
@click.pass_context
@fail_cleanly
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    max_bytes: int,
    as_json: bool,
    ray_address: str | None,
    workers: int | None,
) -> None:
    """Read, analyse and store articles from files and folders (txt, JSONL, HTML, RSS/Atom).

    Articles already stored are skipped, so running it again completes an interrupted run.
    Exits with code 2 when any input was rejected (the rest is still stored). The analysis
    runs on one process per CPU; with --ray on Ray workers, each batch stored in one
    transaction. The store ends up the same either way.

    \b
    Example:
      newsweave --db news.db ingest examples/ feeds/world.xml
      newsweave --db news.db ingest examples/ --ray
      newsweave --db news.db ingest examples/ --ray 10.0.0.5:6379
    """
    store = store_of(ctx)
    progress = progress_bar(quiet=as_json)
    with progress:
        task = progress.add_task("ingesting", total=None)

        def advance(_outcome: str) -> None:
            progress.advance(task)

        def waiting(line: str) -> None:
            err_console.print(line, style="yellow", markup=False)

        if ray_address is None:
            from newsweave.pipeline import ingest as run_ingest
            from newsweave.pipeline.processes import cpu_count

            report = run_ingest(
                paths,
                store,
                max_bytes=max_bytes,
                on_progress=advance,
                on_wait=waiting,
                workers=workers or cpu_count(),
            )
        else:
            from newsweave.pipeline.ray_ingest import ingest_on_ray

            report = ingest_on_ray(
                paths,
                store,
                address=ray_address,
                workers=workers,
                max_bytes=max_bytes,
                on_progress=advance,
                on_wait=waiting,
            )
    report_rejected(report.rejected)
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
@fail_cleanly
def articles(ctx: click.Context, limit: int, as_json: bool) -> None:
    """List stored articles, newest first.

    \b
    Example:
      newsweave articles --limit 20
    """
    rows = store_of(ctx).articles(limit=limit)
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
@fail_cleanly
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

    store = store_of(ctx)
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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for the per-article analysis (default: one per CPU).",
)
@fail_cleanly
def analyze(paths: tuple[str, ...], as_json: bool, max_bytes: int, workers: int | None) -> None:
    """Analyse articles in one go, without a database; all paths form one collection.

    \b
    Example:
      newsweave analyze examples/ --json > result.json
    """
    from newsweave.export.json import collection_to_json
    from newsweave.pipeline import analyze_paths
    from newsweave.pipeline.processes import cpu_count

    collection = analyze_paths(paths, max_bytes=max_bytes, workers=workers or cpu_count())
    report_rejected(collection.rejected)
    if as_json:
        payload = collection_to_json(collection.analyses, collection.entities, collection.stories)
        click.echo(json.dumps(payload, ensure_ascii=False))
    else:
        table = Table("story", "articles", "outlets", "title")
        for story in collection.stories:
            sources = {s.source for s in story.sources}  # independent, as `stories` counts
            table.add_row(story.id, str(len(story.articles)), str(len(sources)), story.title)
        console.print(table)
    if collection.rejected:
        sys.exit(2)
