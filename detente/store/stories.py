"""Reading and writing stories, article story ids, near-duplicate pairs and LSH band keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, update

from detente.articles.model import Article
from detente.store.articles import ARTICLE_ORDER, Store, row_article
from detente.store.db import IN_CHUNK, chunks, writing
from detente.store.schema import articles, events, minhash_bands, near_duplicates, stories
from detente.stories.events import row_key
from detente.stories.model import Story

Row = dict[str, Any]
KEY_COLUMNS = (
    "id", "article_id", "actors", "recipients", "plover", "quad_class",
    "negated", "hypothetical", "future", "historical", "date",
)  # fmt: skip
"""The `events` columns an event key is made from."""


@dataclass(slots=True)
class StoryChanges:
    """Everything one clustering call writes, in one transaction."""

    stories: list[Story] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)
    """Article id -> story id, for articles whose story is new or changed."""
    dates: dict[str, tuple[date, str]] = field(default_factory=dict)
    """Article id -> (date, precision) taken from its story."""
    near_duplicates: list[tuple[str, str, float, float]] = field(default_factory=list)
    """(article id, original id, Jaccard, containment)."""
    bands: dict[str, list[int]] = field(default_factory=dict)
    """Article id -> its LSH band keys."""
    event_keys: dict[str, str] = field(default_factory=dict)
    """Event (mention) id -> the key of the deduplicated event it reports."""


def unassigned(store: Store, ids: Iterable[str] | None = None) -> list[Article]:
    """Articles without a story (all of them, or those among `ids`), in ingest order."""
    query = select(articles).where(articles.c.story_id.is_(None)).order_by(*ARTICLE_ORDER)
    if ids is None:
        return [row_article(row) for row in store.stream(query)]
    found: list[Article] = []
    with store.engine.connect() as conn:
        for part in chunks(sorted(set(ids))):
            rows = conn.execute(query.where(articles.c.id.in_(part))).mappings()
            found.extend(row_article(row) for row in rows)
    return found


def stories_between(store: Store, spans: Sequence[tuple[date, date]]) -> set[str]:
    """Ids of stories whose first-to-last dates meet any of the (first, last) spans."""
    found: set[str] = set()
    with store.engine.connect() as conn:
        for first in range(0, len(spans), IN_CHUNK):
            clauses = [
                and_(stories.c.first_published <= hi, stories.c.last_published >= lo)
                for lo, hi in spans[first : first + IN_CHUNK]
            ]
            found.update(conn.execute(select(stories.c.id).where(or_(*clauses))).scalars())
    return found


def members(store: Store, story_ids: Iterable[str]) -> dict[str, list[Article]]:
    """The articles of each of these stories, in ingest order."""
    found: dict[str, list[Article]] = {}
    query = select(articles).order_by(*ARTICLE_ORDER)
    with store.engine.connect() as conn:
        for part in chunks(sorted(set(story_ids))):
            for row in conn.execute(query.where(articles.c.story_id.in_(part))).mappings():
                found.setdefault(row["story_id"], []).append(row_article(row))
    return found


def story_ids_of(store: Store, article_ids: Iterable[str]) -> dict[str, str]:
    """Article id -> story id, for those of these articles that have a story."""
    found: dict[str, str] = {}
    query = select(articles.c.id, articles.c.story_id).where(articles.c.story_id.is_not(None))
    with store.engine.connect() as conn:
        for part in chunks(sorted(set(article_ids))):
            found.update(conn.execute(query.where(articles.c.id.in_(part))).all())
    return found


def reference_sample(store: Store, size: int) -> list[Article]:
    """`size` stored articles with the smallest ids: a fixed, content-blind sample."""
    query = select(articles).order_by(articles.c.id).limit(size)
    return [row_article(row) for row in store.stream(query)]


def band_matches(store: Store, keys: dict[str, list[int]]) -> dict[str, set[str]]:
    """For each article, the stored articles sharing one of its LSH bands (itself left out)."""
    wanted: dict[tuple[int, int], list[str]] = {}
    for article_id, bands in keys.items():
        for band, key in enumerate(bands):
            wanted.setdefault((band, key), []).append(article_id)
    found: dict[str, set[str]] = {}
    values = sorted({key for _, key in wanted})
    query = select(minhash_bands.c.band, minhash_bands.c.key, minhash_bands.c.article_id)
    with store.engine.connect() as conn:
        for first in range(0, len(values), IN_CHUNK):
            part = values[first : first + IN_CHUNK]
            for band, key, other in conn.execute(query.where(minhash_bands.c.key.in_(part))):
                for article_id in wanted.get((band, key), ()):
                    if other != article_id:
                        found.setdefault(article_id, set()).add(other)
    return found


def articles_by_id(store: Store, ids: Iterable[str]) -> list[Article]:
    """The stored articles with these ids, in ingest order."""
    found: list[Article] = []
    with store.engine.connect() as conn:
        for part in chunks(sorted(set(ids))):
            query = select(articles).where(articles.c.id.in_(part)).order_by(*ARTICLE_ORDER)
            found.extend(row_article(row) for row in conn.execute(query).mappings())
    return found


def save(store: Store, changes: StoryChanges) -> None:
    """Write the stories, story ids, taken dates, near-duplicates and band keys, all or nothing."""
    now = datetime.now(UTC)
    with writing(store.engine) as conn:
        ids = sorted(story.id for story in changes.stories)
        for part in chunks(ids):
            conn.execute(delete(stories).where(stories.c.id.in_(part)))
        if changes.stories:
            conn.execute(insert(stories), [story_row(story, now) for story in changes.stories])
        if changes.story_of:
            conn.execute(
                update(articles)
                .where(articles.c.id == bindparam("key"))
                .values(story_id=bindparam("story")),
                [{"key": a, "story": s} for a, s in sorted(changes.story_of.items())],
            )
        if changes.dates:
            conn.execute(
                update(articles)
                .where(articles.c.id == bindparam("key"))
                .values(
                    published=bindparam("day"),
                    published_precision=bindparam("precision"),
                    published_basis="story",
                ),
                [
                    {"key": a, "day": day, "precision": precision}
                    for a, (day, precision) in sorted(changes.dates.items())
                ],
            )
        if changes.near_duplicates:
            conn.execute(
                insert(near_duplicates),
                [
                    {"article_id": a, "original_id": o, "jaccard": j, "containment": c}
                    for a, o, j, c in changes.near_duplicates
                ],
            )
        _write_event_keys(conn, changes.event_keys)
        band_rows = [
            {"article_id": a, "band": band, "key": key}
            for a, keys in sorted(changes.bands.items())
            for band, key in enumerate(keys)
        ]
        if band_rows:
            conn.execute(insert(minhash_bands), band_rows)


def _write_event_keys(conn: Connection, keys: dict[str, str]) -> None:
    """Set `event_key` on these event mentions."""
    if keys:
        conn.execute(
            update(events)
            .where(events.c.id == bindparam("key"))
            .values(event_key=bindparam("value")),
            [{"key": e, "value": k} for e, k in sorted(keys.items())],
        )


def event_keys(store: Store, story_of: dict[str, str]) -> dict[str, str]:
    """Event id -> event key, for the events of these articles (article id -> story id)."""
    columns = [events.c[name] for name in KEY_COLUMNS]
    keys: dict[str, str] = {}
    with store.engine.connect() as conn:
        for part in chunks(sorted(story_of)):
            query = select(*columns).where(events.c.article_id.in_(part))
            for row in conn.execute(query).mappings():
                keys[row["id"]] = row_key(story_of[row["article_id"]], row)
    return keys


def key_events(store: Store, story_ids: Iterable[str] | None = None) -> int:
    """(Re)compute the event keys of the events in these stories (all stories if None)."""
    query = select(articles.c.id, articles.c.story_id).where(articles.c.story_id.is_not(None))
    if story_ids is not None:
        wanted = sorted(set(story_ids))
        story_of: dict[str, str] = {}
        with store.engine.connect() as conn:
            for part in chunks(wanted):
                story_of.update(conn.execute(query.where(articles.c.story_id.in_(part))).all())
    else:
        story_of = {row["id"]: row["story_id"] for row in store.stream(query)}
    keys = event_keys(store, story_of)
    with writing(store.engine) as conn:
        _write_event_keys(conn, keys)
    return len(keys)


def story_row(story: Story, updated_at: datetime) -> Row:
    """The `stories` row of a story."""
    return {
        "id": story.id,
        "title": story.title,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "n_articles": story.n_articles,
        "n_outlets": story.n_outlets,
        "outlets": list(story.outlets),
        "updated_at": updated_at,
    }


def iter_stories(store: Store, batch: int = 1000) -> Iterator[Story]:
    """Every story with its article ids (oldest report first), oldest story first."""
    query = (
        select(stories, articles.c.id.label("article_id"))
        .join(articles, articles.c.story_id == stories.c.id)
        .order_by(  # undated last on both backends (SQLite sorts NULL first, PostgreSQL last)
            stories.c.first_published.is_(None),
            stories.c.first_published,
            stories.c.id,
            articles.c.published.is_(None),
            articles.c.published,
            articles.c.id,
        )
    )
    current: Story | None = None
    for row in store.stream(query, batch):
        if current is None or current.id != row["id"]:
            if current is not None:
                yield current
            current = Story(
                id=row["id"],
                title=row["title"],
                first_published=row["first_published"],
                last_published=row["last_published"],
                outlets=list(row["outlets"]),
            )
        current.article_ids.append(row["article_id"])
    if current is not None:
        yield current
