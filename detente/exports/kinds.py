"""What can be exported: each kind is a fixed column schema and a function producing its rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from sqlalchemy import select

from detente.exports.coded import (
    CLAIM_SCHEMA,
    EVENT_SCHEMA,
    QUOTE_SCHEMA,
    claim_rows,
    event_rows,
    quote_rows,
)
from detente.store.articles import ARTICLE_ORDER, Store
from detente.store.schema import articles
from detente.store.stories import iter_stories

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Kind:
    """One exportable record type: its columns (in order, with types) and its rows."""

    name: str
    schema: pa.Schema
    rows: Callable[[Store, int], Iterator[Row]]
    """Rows as dicts keyed by the schema's names, read from the store `batch` at a time."""


ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("source_id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("published_precision", pa.string()),
        ("published_basis", pa.string()),
        ("text", pa.string()),
        ("story_id", pa.string()),
    ]
)


def article_rows(store: Store, batch: int) -> Iterator[Row]:
    """One row per stored article, in ingest order."""
    columns = [articles.c[name] for name in ARTICLE_SCHEMA.names]
    for row in store.stream(select(*columns).order_by(*ARTICLE_ORDER), batch):
        yield dict(row)


STORY_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("first_published", pa.date32()),
        ("last_published", pa.date32()),
        ("article_ids", pa.list_(pa.string())),
        ("outlets", pa.list_(pa.string())),
        ("n_articles", pa.int64()),
        ("n_outlets", pa.int64()),
    ]
)


def story_rows(store: Store, batch: int) -> Iterator[Row]:
    """One row per story, oldest first, its articles oldest report first."""
    for story in iter_stories(store, batch):
        yield {
            "id": story.id,
            "title": story.title,
            "first_published": story.first_published,
            "last_published": story.last_published,
            "article_ids": story.article_ids,
            "outlets": story.outlets,
            "n_articles": story.n_articles,
            "n_outlets": story.n_outlets,
        }


KINDS = {
    kind.name: kind
    for kind in (
        Kind("article", ARTICLE_SCHEMA, article_rows),
        Kind("event", EVENT_SCHEMA, event_rows),
        Kind("quote", QUOTE_SCHEMA, quote_rows),
        Kind("claim", CLAIM_SCHEMA, claim_rows),
        Kind("story", STORY_SCHEMA, story_rows),
    )
}
