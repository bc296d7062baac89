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
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_tables_are_listed_parents_first() -> None:
    order = list(TABLES)
    for table in TABLES.values():
        for key in table.foreign_keys:
            assert order.index(key.column.table.name) < order.index(table.name)
    assert {"articles", "article_sources", "events", "quotes", "claims"} <= set(order)
