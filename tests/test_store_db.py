"""Tests for detente.store.db: URL resolution, engine settings, migrations on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from detente.store.db import (
    StoreError,
    current_revision,
    head_revision,
    migrate,
    open_engine,
    resolve_url,
)

REVISIONS = Path(__file__).resolve().parent.parent / "detente/store/migrations/versions"


def test_resolve_url_prefers_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DETENTE_DB", "sqlite:////data/env.db")
    assert resolve_url("sqlite:////data/arg.db") == "sqlite:////data/arg.db"
    assert resolve_url(None) == "sqlite:////data/env.db"
    monkeypatch.delenv("DETENTE_DB")
    assert resolve_url(None) == "sqlite:///./detente.db"


def test_resolve_url_turns_bare_paths_into_sqlite_urls() -> None:
    assert resolve_url("/var/lib/detente/news.db") == "sqlite:////var/lib/detente/news.db"
    assert resolve_url("news.db") == "sqlite:///news.db"


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_resolve_url_uses_psycopg_3_for_postgresql(scheme: str) -> None:
    url = resolve_url(f"{scheme}://me:secret@db.example:5433/news")
    assert url == "postgresql+psycopg://me:secret@db.example:5433/news"


def test_resolve_url_keeps_an_explicit_driver() -> None:
    url = "postgresql+psycopg://me@localhost/news"
    assert resolve_url(url) == url


def test_resolve_url_refuses_other_backends_without_showing_the_password() -> None:
    with pytest.raises(ValueError, match="unsupported backend 'mysql'") as caught:
        resolve_url("mysql://me:secret@localhost/news")
    assert "secret" not in str(caught.value)


def test_open_engine_configures_sqlite_for_concurrent_writers(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'a.db'}")
    with engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 1,
        "foreign_keys": 1,
        "busy_timeout": 60000,
    }


def test_open_engine_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_engine(f"sqlite:///{tmp_path / 'nowhere' / 'a.db'}")


def test_open_engine_reports_an_unreachable_server_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot open database") as caught:
        open_engine("postgresql+psycopg://me:secret@127.0.0.1:1/news?connect_timeout=2")
    assert "secret" not in str(caught.value)


def test_open_migrates_an_empty_database_to_head(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            tables = set(inspect(conn).get_table_names())
        assert {"articles", "article_sources", "alembic_version"} <= tables
    finally:
        engine.dispose()


def test_head_is_the_newest_migration() -> None:
    newest = max(path.name[:4] for path in (REVISIONS).glob("0*.py"))
    assert head_revision() == newest


def test_opening_a_migrated_file_does_not_wait_for_a_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.db"
    open_engine(f"sqlite:///{path}").dispose()
    monkeypatch.setattr("detente.store.db.SQLITE_BUSY_TIMEOUT_S", 0.2)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        engine = open_engine(f"sqlite:///{path}")
        assert migrate(engine) is False
        engine.dispose()
    finally:
        writer.rollback()
        writer.close()


def test_migrate_is_a_no_op_on_a_migrated_database(db_url: str) -> None:
    open_engine(db_url).dispose()
    engine = open_engine(db_url)
    try:
        assert migrate(engine) is False
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        engine.dispose()
