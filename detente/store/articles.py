"""The store: articles written idempotently in one transaction per call, read back in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, Insert, Select, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping

from detente.articles.model import Article
from detente.store.db import open_engine, resolve_url, writing
from detente.store.schema import NO_SOURCE_ID, PRECISIONS, TABLES, article_sources, articles

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_TEXT_FIELDS = ("id", "source", "source_id", "title", "outlet", "url", "text")
ARTICLE_ORDER = (articles.c.ingested_at, articles.c.source, articles.c.position, articles.c.id)
"""Order articles are read back in: as ingested, each document's articles in their order."""


@dataclass(slots=True, frozen=True)
class AddResult:
    """How many of the articles handed in were new, and how many were already stored."""

    added: int
    duplicates: int


class Store:
    """A database of articles (and, later, what is coded from them)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or upgrading) the database at `url`, DETENTE_DB, or ./detente.db."""
        return cls(open_engine(resolve_url(url)))

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def add_articles(self, items: Iterable[Article]) -> AddResult:
        """Store new articles and every source they came from, all or nothing, ignoring repeats."""
        batch = list(items)
        for article in batch:
            check_article(article)
        if not batch:
            return AddResult(added=0, duplicates=0)
        now = datetime.now(UTC)
        first: dict[str, Article] = {}
        for article in batch:
            first.setdefault(article.id, article)
        # Rows go in sorted by key so concurrent PostgreSQL writers lock rows in one order.
        rows = [article_row(first[key], now) for key in sorted(first)]
        copies = sorted({(a.id, a.source, a.source_id or NO_SOURCE_ID) for a in batch})
        source_rows = [
            {"article_id": key, "source": source, "source_id": source_id, "ingested_at": now}
            for key, source, source_id in copies
        ]
        with writing(self.engine) as conn:
            insert = self._insert_ignoring_repeats(articles).returning(articles.c.id)
            added = len(conn.execute(insert, rows).all())
            conn.execute(self._insert_ignoring_repeats(article_sources), source_rows)
        return AddResult(added=added, duplicates=len(batch) - added)

    def count(self, table: str) -> int:
        """Number of rows in one of the store's tables."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; tables are: {', '.join(sorted(TABLES))}")
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(TABLES[table])).scalar_one()

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        """Every stored article, in ingest order, fetched `batch` rows at a time."""
        for row in self.stream(select(articles).order_by(*ARTICLE_ORDER), batch):
            yield row_article(row)

    def stream(self, query: Select[Any], batch: int = 1000) -> Iterator[RowMapping]:
        """Rows of a query from one consistent snapshot, fetched `batch` at a time."""
        with self.engine.connect() as conn, conn.begin():
            result = conn.execution_options(yield_per=batch).execute(query)
            for part in result.mappings().partitions():
                yield from part

    def _insert_ignoring_repeats(self, table: Table) -> Insert:
        """INSERT that skips rows whose primary key is already stored, on either backend."""
        return _INSERTS[self.engine.dialect.name](table).on_conflict_do_nothing()


def check_article(article: Article) -> None:
    """Raise ValueError naming the article and the problem when it cannot be stored."""
    where = f"article {article.id!r} from {article.source!r}"
    if not isinstance(article.id, str) or not article.id:
        raise ValueError(f"{where}: id must be a non-empty string")
    if not isinstance(article.source, str) or not article.source:
        raise ValueError(f"{where}: source must be a non-empty string")
    if not isinstance(article.text, str):
        raise ValueError(f"{where}: text must be a string, not {type(article.text).__name__}")
    if article.published_precision not in (*PRECISIONS, None):
        raise ValueError(
            f"{where}: published_precision {article.published_precision!r} is not one of"
            f" {', '.join(PRECISIONS)} or None"
        )
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and "\x00" in value:
            raise ValueError(f"{where}: {name} contains a NUL character")
    if not all(isinstance(author, str) for author in article.authors):
        raise ValueError(f"{where}: authors must be a list of strings")


def article_row(article: Article, ingested_at: datetime) -> dict[str, Any]:
    """The `articles` row for an article."""
    return {
        "id": article.id,
        "source": article.source,
        "source_id": article.source_id,
        "title": article.title,
        "outlet": article.outlet,
        "authors": list(article.authors),
        "url": article.url,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_basis": article.published_basis,
        "text": article.text,
        "position": article.position,
        "story_id": None,
        "ingested_at": ingested_at,
    }


def row_article(row: RowMapping) -> Article:
    """The Article an `articles` row holds."""
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        source_id=row["source_id"],
        title=row["title"],
        outlet=row["outlet"],
        authors=list(row["authors"]),
        url=row["url"],
        published=row["published"],
        published_precision=row["published_precision"],
        published_basis=row["published_basis"],
        position=row["position"],
    )
