"""Store fixtures: each test that takes `db_url` or `store` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from detente.articles.ids import article_id
from detente.articles.model import Article
from detente.store.articles import Store
from detente.store.db import resolve_url

PG_ENV = "DETENTE_TEST_PG"
DESIGN_ARTICLE_KEYS = (
    "id", "source", "source_id", "title", "outlet", "authors", "url", "published",
    "published_precision", "text", "story_id",
)  # fmt: skip
"""The keys design.md promises in every exported article."""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"PostgreSQL case skipped: set {PG_ENV} (scripts/pg.sh start prints a URL)")
    url = make_url(resolve_url(server))
    schema = f"detente_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        # A schema per test (not a database: ten times faster to make), first on the search path.
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open store on an empty database, closed after the test."""
    with Store.open(db_url) as opened:
        yield opened


def make_article(text: str, source: str = "test.txt", **fields: object) -> Article:
    """An article whose id is derived from its text, as the article stage does."""
    return Article(id=article_id(text), source=source, text=text, **fields)  # type: ignore[arg-type]
