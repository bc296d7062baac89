"""Tests for detente.store.schema: the tables agree with what the migrations build."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from detente.store.db import open_engine
from detente.store.schema import TABLES, metadata


def test_migrations_build_exactly_the_declared_tables(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_name": _declared}
            context = MigrationContext.configure(conn, opts=opts)
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert differences == []


def _declared(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave out the full-text search tables, columns and indexes the search migrations build."""
    if type_ in ("table", "column"):
        return not (name or "").startswith("search_")
    return not (type_ == "index" and (name or "").endswith("_search"))


def test_tables_are_listed_parents_first() -> None:
    order = list(TABLES)
    for table in TABLES.values():
        for key in table.foreign_keys:
            assert order.index(key.column.table.name) < order.index(table.name)
    assert {"articles", "article_sources", "events", "quotes", "claims"} <= set(order)
