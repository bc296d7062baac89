"""Read-only SQL (SQLAlchemy Core, parameterized) behind the API and the dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    RowMapping,
    Select,
    Text,
    and_,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from detente.api.params import Filters, Page
from detente.index.dyads import Dyad
from detente.index.load import FLAGS, event_date
from detente.store.schema import articles, claims, event_actors, events, mentions, quotes, stories

Row = dict[str, Any]
ARTICLE_FIELDS = (
    articles.c.id,
    articles.c.title,
    articles.c.outlet,
    articles.c.url,
    articles.c.published,
    articles.c.published_precision,
    articles.c.story_id,
)


def dyad_event_ids(dyad: Dyad) -> Select[Any]:
    """Ids of events with one state of the dyad on a side and the other state on any side."""
    first, second = aliased(event_actors), aliased(event_actors)
    return (
        select(first.c.event_id)
        .join(second, second.c.event_id == first.c.event_id)
        .where(
            or_(
                and_(first.c.country == dyad.first, second.c.country == dyad.second),
                and_(first.c.country == dyad.second, second.c.country == dyad.first),
            ),
            or_(first.c.side == "actor", second.c.side == "actor"),
        )
    )


def dyad_article_ids(dyad: Dyad) -> Select[Any]:
    """Ids of articles reporting at least one event of the dyad."""
    return select(events.c.article_id).where(events.c.id.in_(dyad_event_ids(dyad)))


def paged(conn: Connection, query: Select[Any], page: Page) -> Row:
    """One page of a query's rows, with the total count of the unpaged query."""
    total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = conn.execute(query.limit(page.limit).offset(page.offset)).mappings().all()
    return _page(total.scalar_one(), page, rows)


def grouped(conn: Connection, query: Select[Any], page: Page) -> Row:
    """One page of a grouped query with few groups, read in one pass (no second count)."""
    rows = conn.execute(query).mappings().all()
    return _page(len(rows), page, rows[page.offset : page.offset + page.limit])


def _page(total: int, page: Page, rows: Sequence[RowMapping]) -> Row:
    """The page record the API returns: the total, the page asked for and its rows."""
    return {
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "items": [dict(row) for row in rows],
    }


def _filters_articles(found: Filters) -> bool:
    """Whether any filter `_article_filters` applies is set (so the query needs `articles`)."""
    return bool(found.outlet or found.date_from or found.date_to or found.dyad)


def _article_filters(query: Select[Any], found: Filters) -> Select[Any]:
    """Outlet, publication dates and dyad, applied through the `articles` table."""
    if found.outlet:
        query = query.where(articles.c.outlet == found.outlet)
    if found.date_from:
        query = query.where(articles.c.published >= found.date_from)
    if found.date_to:
        query = query.where(articles.c.published <= found.date_to)
    if found.dyad:
        query = query.where(articles.c.id.in_(dyad_article_ids(found.dyad)))
    return query


def article_query(found: Filters) -> Select[Any]:
    """Articles (without their text), newest first."""
    query = select(*ARTICLE_FIELDS).order_by(articles.c.published.desc(), articles.c.id)
    return _article_filters(query, found)


def article(conn: Connection, key: str) -> Row | None:
    """One article with its text, or None."""
    row = conn.execute(select(articles).where(articles.c.id == key)).mappings().first()
    return dict(row) if row else None


def event_query(found: Filters) -> Select[Any]:
    """Event mentions with their article's title and outlet, oldest first."""
    when = event_date()
    query = (
        select(
            events,
            articles.c.title,
            articles.c.outlet,
            articles.c.story_id,
            when.label("day"),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(when, events.c.id)
    )
    if found.dyad:
        query = query.where(events.c.id.in_(dyad_event_ids(found.dyad)))
    if found.date_from:
        query = query.where(when >= found.date_from)
    if found.date_to:
        query = query.where(when <= found.date_to)
    if found.plover:
        query = query.where(events.c.plover == found.plover)
    if found.cameo:
        query = query.where(events.c.cameo.startswith(found.cameo, autoescape=True))
    if found.outlet:
        query = query.where(articles.c.outlet == found.outlet)
    if not found.include_flagged:
        query = query.where(*(events.c[flag].is_(False) for flag in FLAGS))
    return query


def event_record(row: Row) -> Row:
    """An event row as the interchange schema writes it: evidence nested, date resolved."""
    record = dict(row)
    record["evidence"] = {
        "sentence": record.pop("sentence"),
        "start": record.pop("start"),
        "end": record.pop("end"),
    }
    record["counted_on"] = record.pop("day", None)
    return record


def event(conn: Connection, key: str) -> Row | None:
    """One event mention with its article, the other reports of its event and its story."""
    query = event_query(Filters()).where(events.c.id == key)
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    record = event_record(dict(row))
    others = event_query(Filters()).where(
        events.c.id != key, events.c.event_key == row["event_key"]
    )
    record["reports"] = [event_record(dict(r)) for r in conn.execute(others).mappings()]
    record["story"] = story(conn, row["story_id"]) if row["story_id"] else None
    return record


def quote_query(found: Filters) -> Select[Any]:
    """Quotes with their article's title and outlet, by date then place in the article."""
    query = (
        select(quotes, articles.c.title, articles.c.outlet)
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(quotes.c.date, quotes.c.article_id, quotes.c.start)
    )
    if found.speaker:
        query = query.where(
            or_(
                quotes.c.speaker_text.icontains(found.speaker, autoescape=True),
                cast(quotes.c.speaker, Text).icontains(found.speaker, autoescape=True),
            )
        )
    return _article_filters(query, found)


def claim_query(found: Filters) -> Select[Any]:
    """Claimed figures with their article's title, outlet and date."""
    query = (
        select(claims, articles.c.title, articles.c.outlet, articles.c.published)
        .join(articles, articles.c.id == claims.c.article_id)
        .order_by(claims.c.subject, claims.c.period, claims.c.article_id, claims.c.start)
    )
    return _article_filters(query, found)


def story_query(found: Filters) -> Select[Any]:
    """Stories, oldest first (undated last)."""
    query = select(stories).order_by(
        stories.c.first_published.is_(None), stories.c.first_published, stories.c.id
    )
    if found.date_from:
        query = query.where(stories.c.last_published >= found.date_from)
    if found.date_to:
        query = query.where(stories.c.first_published <= found.date_to)
    if found.outlet or found.dyad:
        members = _article_filters(select(articles.c.story_id), found)
        query = query.where(stories.c.id.in_(members))
    return query


def story(conn: Connection, key: str) -> Row | None:
    """One story with its articles (without their text), oldest first."""
    row = conn.execute(select(stories).where(stories.c.id == key)).mappings().first()
    if row is None:
        return None
    members = select(*ARTICLE_FIELDS).where(articles.c.story_id == key)
    record = dict(row)
    record["articles"] = [
        dict(r)
        for r in conn.execute(members.order_by(articles.c.published, articles.c.id)).mappings()
    ]
    return record


def actor_query(found: Filters) -> Select[Any]:
    """Resolved actors with how often, and in how many articles, they are named."""
    query = (
        select(
            mentions.c.code,
            mentions.c.name,
            mentions.c.country,
            mentions.c.sector,
            func.count().label("mentions"),
            func.count(func.distinct(mentions.c.article_id)).label("articles"),
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.rule != "place")
        .group_by(mentions.c.code, mentions.c.name, mentions.c.country, mentions.c.sector)
        .order_by(func.count().desc(), mentions.c.code, mentions.c.name)
    )
    return _article_filters(query, found)


def dyad_query(found: Filters) -> Select[Any]:
    """Pairs of states that meet in events, with event mentions and deduplicated events."""
    first, second = aliased(event_actors), aliased(event_actors)
    key = func.coalesce(events.c.event_key, events.c.id)
    name = (first.c.country + literal("-") + second.c.country).label("dyad")
    query = (
        select(
            name,
            func.count(func.distinct(events.c.id)).label("mentions"),
            func.count(func.distinct(key)).label("events"),
        )
        .select_from(first)
        .join(second, second.c.event_id == first.c.event_id)
        .join(events, events.c.id == first.c.event_id)
        .where(
            first.c.country < second.c.country,
            or_(first.c.side == "actor", second.c.side == "actor"),
        )
        .group_by(first.c.country, second.c.country)
        .order_by(func.count(func.distinct(key)).desc(), first.c.country, second.c.country)
    )
    if not found.include_flagged:
        query = query.where(*(events.c[flag].is_(False) for flag in FLAGS))
    if _filters_articles(found):
        query = query.join(articles, articles.c.id == events.c.article_id)
    return _article_filters(query, found)
