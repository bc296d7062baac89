"""Database URLs, engines tuned per backend, and schema migrations applied on open."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

DEFAULT_URL = "sqlite:///./detente.db"
BACKENDS = ("sqlite", "postgresql")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 60.0  # 40x the longest lock seen: Reuters-21578 (21,578) in one call, 1.5 s
WRITE_LOCK = "detente_write_lock"  # execution option read by the SQLite "begin" hook
PG_MIGRATION_LOCK = 0x64_65_74_65  # any constant; one advisory lock key for schema upgrades
IN_CHUNK = 500  # ids per IN (...) list; well under SQLite's 32,766 bound variables


class StoreError(RuntimeError):
    """A database that cannot be opened or upgraded, with the URL (password hidden)."""


def resolve_url(db: str | None) -> str:
    """The database URL from `--db`, else DETENTE_DB, else ./detente.db; bare paths are SQLite."""
    value = db or os.environ.get("DETENTE_DB") or DEFAULT_URL
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise ValueError(f"database URL {value!r} is not a valid URL: {exc}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    backend = url.get_backend_name()
    if backend not in BACKENDS:
        raise ValueError(
            f"database URL {_shown(url)}: unsupported backend {backend!r};"
            f" use one of {', '.join(BACKENDS)}"
        )
    return url.render_as_string(hide_password=False)


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    """`items` in slices short enough for one IN (...) list."""
    for first in range(0, len(items), IN_CHUNK):
        yield items[first : first + IN_CHUNK]


def open_engine(url: str) -> Engine:
    """An engine for `url` with the backend's settings, its schema upgraded to the newest."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed)
    else:
        engine = create_engine(parsed, pool_pre_ping=True)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {_shown(parsed)}: {exc.orig}") from exc
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the write lock from its start (SQLite), committed on success."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{WRITE_LOCK: True})
        with conn.begin():
            yield conn


def migrate(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when a revision was applied."""
    with engine.connect() as conn:
        if current_revision(conn) == head_revision():
            return False  # the usual case: no write lock taken, so read-only files open too
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        before = current_revision(conn)
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        return current_revision(conn) != before


def head_revision() -> str | None:
    """The newest schema revision this version of detente knows."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    """The schema revision a database is at, or None for an empty one."""
    return MigrationContext.configure(conn).get_current_revision()


def _sqlite_engine(url: URL) -> Engine:
    """A SQLite engine: WAL, NORMAL sync, foreign keys, and writers that wait for each other."""
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        folder = Path(url.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot open database {url.database}: folder {folder} does not exist")
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(WRITE_LOCK, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _alembic_config() -> Config:
    """Alembic settings pointing at the packaged migrations; no alembic.ini involved."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _shown(url: URL) -> str:
    """A URL as it may appear in messages: password masked."""
    return url.render_as_string(hide_password=True)
