"""The ``newsweave`` command group and what its commands share: the store, the consoles, and
the one place where library errors become a one-line message and a non-zero exit."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from newsweave import config
from newsweave.errors import NewsweaveError

F = TypeVar("F", bound=Callable[..., Any])

console = Console()
err_console = Console(stderr=True)


def progress_bar(*, quiet: bool = False) -> Progress:
    """A progress line on stderr, gone when done; off when quiet or not a terminal."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


def fail_cleanly(fn: F) -> F:
    """Turn library errors into one line on stderr and exit code 1, and files or ports the
    system refuses into one line and exit code 2 (bad input, as for rejected articles)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsweaveError as exc:
            _error(str(exc))
        except OSError as exc:  # an output path that cannot be written, a port in use
            where = f"{exc.filename}: " if exc.filename else ""
            _error(f"{where}{exc.strerror or exc}", code=2)

    return wrapper  # type: ignore[return-value]


def _error(message: str, *, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    sys.exit(code)


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


def store_of(ctx: click.Context) -> Any:
    from newsweave.store import open_store

    return open_store(ctx.obj["db"])


def report_rejected(rejected: list[str]) -> None:
    for message in rejected:
        err_console.print(f"[red]rejected:[/red] {message}", highlight=False, soft_wrap=True)
