"""Export kinds for coded records: event mentions, quotes and claims, in the interchange schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa
from sqlalchemy import func, select

from detente.store.articles import Store
from detente.store.schema import articles, claims, events, quotes

Row = dict[str, Any]

ACTOR = pa.struct(
    [
        ("name", pa.string()),
        ("code", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("text", pa.string()),
    ]
)
EVIDENCE = pa.struct([("sentence", pa.string()), ("start", pa.int64()), ("end", pa.int64())])

EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("event_key", pa.string()),
        ("n_mentions", pa.int64()),
        ("n_articles", pa.int64()),
        ("n_outlets", pa.int64()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("date_basis", pa.string()),
        ("actors", pa.list_(ACTOR)),
        ("recipients", pa.list_(ACTOR)),
        ("cameo", pa.string()),
        ("plover", pa.string()),
        ("plover_mode", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int64()),
        ("score", pa.float64()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("future", pa.bool_()),
        ("historical", pa.bool_()),
        ("reported", pa.bool_()),
        ("confidence", pa.float64()),
        ("evidence", EVIDENCE),
        ("trigger", pa.string()),
        ("rule", pa.string()),
        ("coder_version", pa.string()),
    ]
)

QUOTE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("speaker", ACTOR),
        ("speaker_text", pa.string()),
        ("cue", pa.string()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("channel", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("date", pa.date32()),
    ]
)

CLAIM_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("approx", pa.string()),
        ("subject", pa.string()),
        ("period", pa.string()),
        ("credited", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)


def event_counts(store: Store) -> dict[str, tuple[int, int, int]]:
    """Mentions, articles and outlets of every deduplicated event, by event key."""
    outlet = func.coalesce(articles.c.outlet, articles.c.source)
    query = (
        select(
            events.c.event_key,
            func.count(),
            func.count(func.distinct(events.c.article_id)),
            func.count(func.distinct(outlet)),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.event_key.is_not(None))
        .group_by(events.c.event_key)
    )
    with store.engine.connect() as conn:
        return {key: (m, a, o) for key, m, a, o in conn.execute(query)}


def event_rows(store: Store, batch: int) -> Iterator[Row]:
    """One row per event mention; an event without a key counts as its own single report."""
    counts = event_counts(store)
    query = (
        select(events, articles.c.story_id)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.date, events.c.article_id, events.c.start, events.c.id)
    )
    for row in store.stream(query, batch):
        record = dict(row)
        n_mentions, n_articles, n_outlets = counts.get(record["event_key"], (1, 1, 1))
        record.update(n_mentions=n_mentions, n_articles=n_articles, n_outlets=n_outlets)
        record["evidence"] = {
            "sentence": record.pop("sentence"),
            "start": record.pop("start"),
            "end": record.pop("end"),
        }
        yield record


def quote_rows(store: Store, batch: int) -> Iterator[Row]:
    """One row per quote."""
    query = select(quotes).order_by(quotes.c.article_id, quotes.c.start, quotes.c.id)
    for row in store.stream(query, batch):
        yield dict(row)


def claim_rows(store: Store, batch: int) -> Iterator[Row]:
    """One row per claimed figure."""
    query = select(claims).order_by(claims.c.article_id, claims.c.start, claims.c.id)
    for row in store.stream(query, batch):
        yield dict(row)
