"""``newsweave export-tables``: every table of the store, one file each, for pandas, polars,
DuckDB or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import click

from newsweave.cli.app import console, fail_cleanly, main, store_of

_SUFFIX = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}


@main.command("export-tables")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(_SUFFIX)),
    default="parquet",
    show_default=True,
)
@click.option("--story", "story_id", help="Only this story (the entities table is left out).")
@click.pass_context
@fail_cleanly
def export_tables(ctx: click.Context, directory: Path, fmt: str, story_id: str | None) -> None:
    """Write articles, entities, quotes, events and facts as one file each in DIRECTORY.

    The columns are those of `newsweave table` (docs/output-contract.md, "Tables"); every row
    names its article and story, names carry their canonical entity id, and facts their status
    and evidence. Parquet files load as they are in pandas, polars and DuckDB.

    \b
    Example:
      newsweave export-tables --format parquet tables/
      duckdb -c "select code, count(*) from 'tables/events.parquet' group by code"
    """
    from newsweave.export.tables import TABLES, store_table, write_parquet, write_table

    store = store_of(ctx)
    if story_id is not None and store.story(story_id) is None:
        raise click.ClickException(f"no story {story_id!r} (see `newsweave stories`)")
    directory.mkdir(parents=True, exist_ok=True)
    for kind in TABLES:
        if kind == "entities" and story_id is not None:
            continue
        columns, rows = store_table(store, kind, story=story_id)
        path = directory / f"{kind}.{_SUFFIX[fmt]}"
        if fmt == "parquet":
            count = write_parquet(rows, columns, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                count = write_table(rows, columns, fmt, out)
        console.print(f"wrote {count} {kind} to {path}")
