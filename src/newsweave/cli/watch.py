"""Commands on live feeds: watch, feeds."""

from __future__ import annotations

import ipaddress
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from newsweave.cli.app import console, err_console, fail_cleanly, main, progress_bar, store_of

if TYPE_CHECKING:  # imported when used: `newsweave --help` stays quick
    from newsweave.fetch import Fetcher, Policy
    from newsweave.pipeline.watch import FeedRound
    from newsweave.store import Store

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smh]?)")
_UNIT = {"s": 1, "m": 60, "h": 3600, "": 60}
_SHORTEST = 10.0  # seconds between rounds: less is not polite to anyone


@main.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file of feed URLs, one per line (# starts a comment), or an OPML export.",
)
@click.option(
    "--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 1h."
)
@click.option("--once", is_flag=True, help="Poll every feed once, then stop.")
@click.option(
    "--allow-private",
    multiple=True,
    is_flag=False,
    flag_value="*",
    metavar="[ADDRESS:PORT]",
    help="UNSAFE, for local testing: also fetch from private, loopback and link-local "
    "addresses; with ADDRESS:PORT, from that one only (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print each round's summary as JSON.")
@click.pass_context
@fail_cleanly
def watch(
    ctx: click.Context,
    urls: tuple[str, ...],
    feeds_file: Path | None,
    every: str,
    once: bool,
    allow_private: tuple[str, ...],
    as_json: bool,
) -> None:
    """Poll RSS/Atom feeds, fetch each new entry's page, and ingest it as it is published.

    Without URLs or --feeds, polls the feeds watched before (see `newsweave feeds`). Each
    round prints one line per feed (new, duplicate, failed) and the problems, one line each.
    Stop it with Ctrl-C: what a round already stored is kept, and the next run resumes.
    Exits with code 2 after --once when anything failed.

    \b
    Example:
      newsweave --db news.db watch https://example.org/world.rss --every 10m
      newsweave --db news.db watch --feeds feeds.txt --once
    """
    from newsweave.fetch import Fetcher
    from newsweave.ingest.feedlist import read_feed_list

    store = store_of(ctx)
    wanted = list(dict.fromkeys([*urls, *(read_feed_list(feeds_file) if feeds_file else [])]))
    if not wanted:
        wanted = [state.url for state in store.feed_states()]
    if not wanted:
        raise click.UsageError("give feed URLs or --feeds FILE (no feeds are watched yet)")
    pause = _seconds(every)
    policy = _policy(allow_private)
    fetcher = Fetcher(policy)
    try:
        while True:
            rounds = _round(wanted, store, fetcher, quiet=as_json)
            failed = _report(rounds, as_json)
            if once:
                sys.exit(2 if failed else 0)
            time.sleep(pause)
    except KeyboardInterrupt:
        err_console.print("stopped; what was stored is kept", style="yellow")
        sys.exit(130)
    finally:
        fetcher.close()


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@fail_cleanly
def feeds(ctx: click.Context, as_json: bool) -> None:
    """List the watched feeds: last success, last error, entries stored.

    \b
    Example:
      newsweave --db news.db feeds
    """
    states = store_of(ctx).feed_states()
    if as_json:
        rows = [
            {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in vars(s).items()}
            for s in states
        ]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("title", "last success", "last error", "next try", "entries stored")
    table.add_column("feed", overflow="fold", ratio=2)  # a URL in full, folded if need be
    for s in states:
        error = f"{_when(s.last_error_at)} {s.last_error}" if s.last_error else ""
        next_try = _when(s.retry_after) if s.retry_after else ""
        table.add_row(
            s.title or "", _when(s.last_success), error, next_try, str(s.entries_stored), s.url
        )
    console.print(table)


def _round(urls: list[str], store: Store, fetcher: Fetcher, *, quiet: bool) -> list[FeedRound]:
    """One round with a progress line: feeds, pages, ingesting."""
    from newsweave.pipeline.watch import poll

    with progress_bar(quiet=quiet) as progress:
        task = progress.add_task("feeds", total=len(urls))
        return poll(
            urls,
            store,
            fetcher,
            on_wait=_warn,
            on_step=lambda stage, done, total: progress.update(
                task, description=stage, completed=done, total=total
            ),
        )


def _report(rounds: list[FeedRound], as_json: bool) -> bool:
    """Print a round; whether anything in it failed."""
    if as_json:
        click.echo(json.dumps([vars(r) for r in rounds], ensure_ascii=False))
    else:
        for r in rounds:
            console.print(r.summary(), highlight=False, soft_wrap=True, markup=False)
            for line in r.errors if not r.unread else []:  # the summary gave the reason
                err_console.print(f"  {line}", style="red", highlight=False, markup=False)
    return any(r.errors or r.failed for r in rounds)


def _policy(allowed: tuple[str, ...]) -> Policy:
    from newsweave.fetch import Policy

    if not allowed:
        return Policy()
    if "*" in allowed:
        _warn("WARNING: --allow-private: private, loopback and link-local addresses are fetched")
        return Policy(allow_private=True)
    pairs = set()
    for item in allowed:
        address, _, port = item.rpartition(":")
        try:
            pairs.add((str(ipaddress.ip_address(address.strip("[]"))), int(port)))
        except ValueError:
            raise click.BadParameter(
                f"{item!r} is not ADDRESS:PORT", param_hint="--allow-private"
            ) from None
    _warn(f"WARNING: --allow-private: also fetching from {', '.join(sorted(allowed))}")
    return Policy(allowed=frozenset(pairs))


def _seconds(text: str) -> float:
    parts = _DURATION.findall(text.strip().lower())
    if not parts or _DURATION.sub("", text.strip().lower()).strip():
        raise click.BadParameter(f"{text!r} is not a duration such as 90s, 15m or 1h")
    total = sum(float(n) * _UNIT[unit] for n, unit in parts)
    if total < _SHORTEST:
        raise click.BadParameter(f"at least {_SHORTEST:.0f}s between rounds", param_hint="--every")
    return total


def _warn(line: str) -> None:
    err_console.print(line, style="yellow", highlight=False, markup=False)


def _when(moment: object) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment is not None else ""
