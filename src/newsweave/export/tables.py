"""Tables for researchers: articles, events (one row per reported event, GDELT-like), quotes,
canonical entities and the dossiers' facts, as CSV, JSON Lines or Parquet.

Every event and quote row carries its article, outlet, date, story and the sentence it was read
from, so a row can be checked against its source; names carry their canonical entity id, so rows
can be joined with the entities table.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from newsweave.records import ArticleAnalysis, Entity, Span
from newsweave.spans import at_offset, covering

__all__ = [
    "ARTICLE_COLUMNS",
    "ENTITY_COLUMNS",
    "EVENT_COLUMNS",
    "FACT_COLUMNS",
    "QUOTE_COLUMNS",
    "TABLES",
    "article_rows",
    "entity_rows",
    "event_rows",
    "fact_rows",
    "quote_rows",
    "store_table",
    "write_parquet",
    "write_table",
]

ARTICLE_COLUMNS = (
    "article", "key", "outlet", "outlet_inferred", "published", "published_inferred",
    "title", "url", "words", "entities", "quotes", "events", "story",
)  # fmt: skip
EVENT_COLUMNS = (
    "event_id", "date", "date_from", "time", "code", "action", "negated", "modality",
    "actor", "actor_entity", "target", "target_entity", "place", "place_entity",
    "geonames_id", "lat", "lon", "country", "text", "sentence",
    "article", "outlet", "published", "url", "story",
)  # fmt: skip
QUOTE_COLUMNS = (
    "quote_id", "kind", "speaker", "speaker_entity", "text", "cue", "channel", "sentence",
    "article", "outlet", "published", "url", "story",
)  # fmt: skip
ENTITY_COLUMNS = (
    "entity_id", "name", "kind", "aliases", "roles", "mentions", "articles",
    "geonames_id", "lat", "lon", "country",
)  # fmt: skip
FACT_COLUMNS = (
    "fact_id", "story", "status", "text", "sources", "outlets", "conflict", "values",
    "articles", "evidence",
)  # fmt: skip
TABLES = ("articles", "events", "quotes", "entities", "facts")
#: Parquet column types where a column is not text (lists are lists of text).
_ARROW_TYPES = {
    "outlet_inferred": "bool", "published_inferred": "bool", "negated": "bool",
    "words": "int64", "entities": "int64", "quotes": "int64", "events": "int64",
    "mentions": "int64", "articles": "int64", "sources": "int64", "geonames_id": "int64",
    "lat": "float64", "lon": "float64",
    "aliases": "list", "roles": "list", "outlets": "list", "values": "list", "evidence": "list",
}  # fmt: skip

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def event_rows(
    analysis: ArticleAnalysis, *, entities: Mapping[str, Entity], story: str | None = None
) -> Iterator[dict[str, Any]]:
    """One row per event of an article. ``date`` is the event's own day when its sentence
    gives one (``date_from`` = ``text``), else the publication day (``published``)."""
    a = analysis.article
    for n, e in enumerate(analysis.events, 1):
        day = _DAY.match(e.time or "")
        place_id = _entity_id(analysis, e.place)
        place = entities.get(place_id or "")
        geo = place.attributes if place is not None else {}
        yield {
            "event_id": f"{a.key}:e{n}",
            "date": day.group() if day else a.published,
            "date_from": "text" if day else ("published" if a.published else None),
            "time": e.time,
            "code": e.code,
            "action": e.action,
            "negated": e.negated,
            "modality": e.modality,
            "actor": _text(e.actor),
            "actor_entity": _entity_id(analysis, e.actor),
            "target": _text(e.target),
            "target_entity": _entity_id(analysis, e.target),
            "place": _text(e.place),
            "place_entity": place_id,
            "geonames_id": geo.get("geonames_id"),
            "lat": geo.get("lat"),
            "lon": geo.get("lon"),
            "country": geo.get("country"),
            "text": e.text,
            "sentence": _sentence(analysis, e.start),
            **_source(analysis, story),
        }


def article_rows(
    analysis: ArticleAnalysis, *, story: str | None = None
) -> Iterator[dict[str, Any]]:
    """One row for an article: where and when it was published (and whether that was
    inferred), its size and how much was found in it."""
    a = analysis.article
    yield {
        **_source(analysis, story),
        "key": a.key,
        "outlet_inferred": a.outlet_inferred,
        "published_inferred": a.published_inferred,
        "title": a.title,
        "words": len(a.text.split()),
        "entities": len(analysis.entities),
        "quotes": len(analysis.quotes),
        "events": len(analysis.events),
    }


def fact_rows(story: str, dossier: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per fact of a story's dossier (its output-contract form): its status, how many
    independent sources give it, and the articles and sentences it stands on. ``articles`` is
    the number of articles; ``evidence`` lists each supporting span as ``article [start:end]``;
    ``values`` lists a conflicting fact's values as ``value (outlet; outlet)``."""
    for fact in dossier.get("facts", ()):
        evidence = fact.get("evidence", ())
        yield {
            "fact_id": f"{story}:{fact['id']}",
            "story": story,
            "status": fact["status"],
            "text": fact["text"],
            "sources": fact.get("sources", 0),
            "outlets": list(fact.get("outlets", ())),
            "conflict": fact.get("conflict"),
            "values": [
                f"{side['value']} ({'; '.join(side.get('outlets', ()))})"
                for side in fact.get("sides", ())
            ],
            "articles": len({e["article"] for e in evidence}),
            "evidence": [f"{e['article']} [{e['start']}:{e['end']}]" for e in evidence],
        }


def quote_rows(analysis: ArticleAnalysis, *, story: str | None = None) -> Iterator[dict[str, Any]]:
    """One row per quotation of an article, with its speaker as resolved."""
    for n, q in enumerate(analysis.quotes, 1):
        yield {
            "quote_id": f"{analysis.article.key}:q{n}",
            "kind": q.kind,
            "speaker": (q.speaker.name or q.speaker.text) if q.speaker else None,
            "speaker_entity": q.speaker.entity if q.speaker else None,
            "text": q.text,
            "cue": _text(q.cue),
            "channel": _text(q.channel),
            "sentence": _sentence(analysis, q.start),
            **_source(analysis, story),
        }


def entity_rows(
    entities: Iterable[Entity], counts: Mapping[str, tuple[int, int]]
) -> Iterator[dict[str, Any]]:
    """One row per canonical entity, with its mention and article counts."""
    for e in entities:
        mentions, articles = counts.get(e.id, (0, 0))
        yield {
            "entity_id": e.id,
            "name": e.name,
            "kind": e.kind,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "mentions": mentions,
            "articles": articles,
            "geonames_id": e.attributes.get("geonames_id"),
            "lat": e.attributes.get("lat"),
            "lon": e.attributes.get("lon"),
            "country": e.attributes.get("country"),
        }


def write_table(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, out: IO[str]
) -> int:
    """Write ``rows`` as ``csv`` (lists joined by "; ") or ``jsonl``; returns the row count."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown table format {fmt!r}: use csv or jsonl")
    return count


def write_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[str], path: Path) -> int:
    """Write ``rows`` as one Parquet file with a fixed schema (text unless ``_ARROW_TYPES``
    says otherwise), so that an empty table loads with the same columns; returns the count."""
    import pyarrow as pa  # only this export needs it
    import pyarrow.parquet as pq

    kinds = {"bool": pa.bool_(), "int64": pa.int64(), "float64": pa.float64()}
    kinds["list"] = pa.list_(pa.string())
    schema = pa.schema([(c, kinds.get(_ARROW_TYPES.get(c, ""), pa.string())) for c in columns])
    listed = [{c: row.get(c) for c in columns} for row in rows]
    pq.write_table(pa.Table.from_pylist(listed, schema=schema), path)
    return len(listed)


class TableSource(Protocol):
    """What ``store_table`` reads (a ``Store``)."""

    def article_keys(self) -> list[str]: ...
    def analyses(self, keys: Iterable[str]) -> Iterator[ArticleAnalysis]: ...
    def stories_of_articles(self) -> dict[str, str]: ...
    def story_members(self, story_id: str) -> list[tuple[str, str | None]]: ...
    def entities(self) -> list[Entity]: ...
    def entity_counts(self) -> dict[str, tuple[int, int]]: ...
    def story_ids(self) -> set[str]: ...
    def dossier(self, story_id: str) -> dict[str, Any] | None: ...


def store_table(
    store: TableSource, kind: str, *, story: str | None = None
) -> tuple[Sequence[str], Iterator[dict[str, Any]]]:
    """The columns and rows of table ``kind`` (one of ``TABLES``) over the whole store, or
    (all but entities) over one story."""
    if kind not in TABLES:
        raise ValueError(f"unknown table {kind!r}: use one of {', '.join(TABLES)}")
    if kind == "entities":
        if story is not None:
            raise ValueError("--story applies to the articles, events, quotes and facts tables")
        return ENTITY_COLUMNS, entity_rows(store.entities(), store.entity_counts())
    if kind == "facts":
        return FACT_COLUMNS, _facts(store, [story] if story is not None else None)
    keys = (
        [key for key, _ in store.story_members(story)]
        if story is not None
        else store.article_keys()
    )

    def rows() -> Iterator[dict[str, Any]]:
        by_id = {e.id: e for e in store.entities()} if kind == "events" else {}
        story_of = store.stories_of_articles()
        for analysis in store.analyses(keys):
            story_id = story_of.get(analysis.article.key)
            if kind == "events":
                yield from event_rows(analysis, entities=by_id, story=story_id)
            elif kind == "quotes":
                yield from quote_rows(analysis, story=story_id)
            else:
                yield from article_rows(analysis, story=story_id)

    columns = {"events": EVENT_COLUMNS, "quotes": QUOTE_COLUMNS, "articles": ARTICLE_COLUMNS}
    return columns[kind], rows()


def _facts(store: TableSource, stories: Sequence[str] | None) -> Iterator[dict[str, Any]]:
    for story in stories if stories is not None else sorted(store.story_ids()):
        dossier = store.dossier(story)
        if dossier is not None:
            yield from fact_rows(story, dossier)


def _source(analysis: ArticleAnalysis, story: str | None) -> dict[str, Any]:
    a = analysis.article
    return {
        "article": a.id,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "story": story,
    }


def _text(span: Span | None) -> str | None:
    return span.text if span is not None else None


def _entity_id(analysis: ArticleAnalysis, span: Span | None) -> str | None:
    """The canonical entity of the name a span is (or lies inside)."""
    linked = [m for m in analysis.entities if m.entity]
    mention = covering(linked, span) if span is not None else None
    return mention.entity if mention is not None else None


def _sentence(analysis: ArticleAnalysis, offset: int) -> str | None:
    sentence = at_offset(analysis.sentences, offset)
    return sentence.text if sentence is not None else None
