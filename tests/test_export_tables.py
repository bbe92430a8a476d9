"""`newsweave export-tables`: every table as one Parquet file that pandas and DuckDB load as
it is, with the same rows the store holds."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from newsweave.cli import main
from newsweave.export.tables import TABLES
from newsweave.store import open_store


@pytest.fixture(scope="module")
def tables(examples_db: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The examples' store, and its tables written as Parquet."""
    out = tmp_path_factory.mktemp("tables")
    written = CliRunner().invoke(main, ["--db", examples_db, "export-tables", str(out)])
    assert written.exit_code == 0, written.output
    return examples_db, out


def test_every_table_loads_in_pandas_and_duckdb(tables: tuple[str, Path]) -> None:
    store_url, out = tables
    with open_store(store_url) as store:
        articles = len(store.article_keys())
        entities = len(store.entities())
        facts = sum(len((store.dossier(s) or {}).get("facts", ())) for s in store.story_ids())
    expected = {"articles": articles, "entities": entities, "facts": facts}
    for kind in TABLES:
        frame = pd.read_parquet(out / f"{kind}.parquet")
        counted = duckdb.execute(f"select count(*) from '{out / kind}.parquet'").fetchone()
        assert counted is not None and counted[0] == len(frame) > 0, kind
        if kind in expected:
            assert len(frame) == expected[kind], kind


def test_the_tables_join_on_their_ids(tables: tuple[str, Path]) -> None:
    """Events name their article and actor entity; facts their story: the joins hold."""
    _, out = tables
    con = duckdb.connect()
    for kind in TABLES:
        con.execute(f"create view {kind} as select * from '{out / kind}.parquet'")
    orphans = con.execute(
        "select count(*) from events e left join articles a on e.article = a.article "
        "where a.article is null"
    ).fetchone()
    assert orphans == (0,)
    actors = con.execute(
        "select count(*) from events e join entities n on e.actor_entity = n.entity_id"
    ).fetchone()
    assert actors is not None and actors[0] > 0
    by_status = dict(con.execute("select status, count(*) from facts group by status").fetchall())
    assert set(by_status) <= {"corroborated", "single-source", "conflicting"}
    assert by_status.get("conflicting", 0) >= 2  # the examples' planted disagreements
    conflicting = con.execute(
        "select \"values\" from facts where status = 'conflicting'"
    ).fetchall()
    assert all(len(values) >= 2 for (values,) in conflicting)
    types = dict(con.execute("select column_name, column_type from (describe articles)").fetchall())
    assert types["words"] == "BIGINT" and types["published_inferred"] == "BOOLEAN"


def test_one_storys_tables_and_the_text_formats(tables: tuple[str, Path], tmp_path: Path) -> None:
    store_url, _ = tables
    with open_store(store_url) as store:
        story = sorted(store.story_ids())[0]
        members = len(store.story_members(story))
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["--db", store_url, "export-tables", str(tmp_path), "--format", "csv", "--story", story],
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "entities.csv").exists()  # entities are not one story's
    assert len(pd.read_csv(tmp_path / "articles.csv")) == members
    assert set(pd.read_csv(tmp_path / "facts.csv")["story"]) == {story}
    missing = runner.invoke(
        main, ["--db", store_url, "export-tables", str(tmp_path), "--story", "s0"]
    )
    assert missing.exit_code == 1 and "no story 's0'" in missing.output
