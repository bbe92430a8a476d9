"""Commands on canonical entities: entities, entities show."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.table import Table

from newsweave.cli.app import console, fail_cleanly, main, store_of


@main.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(["PERSON", "ORG", "PLACE", "GROUP"]))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@fail_cleanly
def entities(ctx: click.Context, kind: str | None, as_json: bool) -> None:
    """List canonical entities with their mention and article counts.

    \b
    Example:
      newsweave entities --kind PERSON
      newsweave entities show per_3f2a9c1b7d
    """
    if ctx.invoked_subcommand is not None:
        return
    store = store_of(ctx)
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
@fail_cleanly
def entities_show(ctx: click.Context, entity_id: str, as_json: bool) -> None:
    """Show one entity: aliases, roles, and the evidence behind every merge decision.

    \b
    Example:
      newsweave entities show per_3f2a9c1b7d
    """
    store = store_of(ctx)
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
