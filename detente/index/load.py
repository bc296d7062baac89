"""Reading what the index needs from the store: a dyad's event mentions and article volume."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import ColumnElement, Engine, and_, func, select
from sqlalchemy.orm import aliased

from detente.index.dyads import Dyad, period_start
from detente.store.schema import articles, event_actors, events

FLAGS = ("negated", "hypothetical", "future", "historical", "reported")
"""Event flags that keep a mention out of the index unless flagged ones are asked for."""


@dataclass(slots=True)
class Mention:
    """One event mention between the dyad's states, with what the index and its links need."""

    id: str
    event_key: str
    """The deduplicated event it reports (its own id when the store gave it no key)."""
    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    date: date
    """The event's date, else its article's publication date."""
    goldstein: float
    score: float
    quad_class: int
    cameo: str
    plover: str
    confidence: float
    sentence: str


_ARTICLE_FIELDS = ("story_id", "title", "outlet")
"""The Mention fields read from the article that reports the event."""
_EVENT_FIELDS = tuple(f.name for f in fields(Mention) if f.name not in (*_ARTICLE_FIELDS, "date"))
"""The Mention fields read from the event's own columns (its JSON columns stay unread)."""


def event_date() -> ColumnElement[date]:
    """The date an event is counted on: its own, else its article's publication date."""
    return func.coalesce(events.c.date, articles.c.published)


def dyad_mentions(
    engine: Engine,
    dyad: Dyad,
    direction: str,
    include_flagged: bool,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Mention]:
    """Dated event mentions whose actors and recipients put them in the dyad (that direction)."""
    first, second = aliased(event_actors), aliased(event_actors)
    ids = (
        select(first.c.event_id)
        .join(second, second.c.event_id == first.c.event_id)
        .where(first.c.country == dyad.first, second.c.country == dyad.second)
    )
    when = event_date()
    query = (
        select(
            *(events.c[name] for name in _EVENT_FIELDS),
            *(articles.c[name] for name in _ARTICLE_FIELDS),
            when.label("date"),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.id.in_(ids), when.is_not(None))
    )
    if not include_flagged:
        query = query.where(and_(*(events.c[flag].is_(False) for flag in FLAGS)))
    if date_from is not None:
        query = query.where(when >= date_from)
    if date_to is not None:
        query = query.where(when <= date_to)
    sides: dict[str, tuple[set[str], set[str]]] = {}
    side_query = select(event_actors.c.event_id, event_actors.c.side, event_actors.c.country).where(
        event_actors.c.event_id.in_(ids), event_actors.c.country.in_((dyad.first, dyad.second))
    )
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(events.c.id)).mappings().all()
        for event_id, side, country in conn.execute(side_query):
            pair = sides.setdefault(event_id, (set(), set()))
            pair[0 if side == "actor" else 1].add(country)
    found: list[Mention] = []
    for row in rows:
        actors, recipients = sides.get(row["id"], (set(), set()))
        if dyad.matches(actors, recipients, direction):
            found.append(Mention(**{**row, "event_key": row["event_key"] or row["id"]}))
    return found


def article_volume(engine: Engine, first: date, last: date, freq: str) -> Counter[date]:
    """Stored articles published from `first`'s period to the day `last`, by period start."""
    query = (
        select(articles.c.published, func.count())
        .where(
            articles.c.published >= period_start(first, freq),
            articles.c.published <= last,
        )
        .group_by(articles.c.published)
    )
    volume: Counter[date] = Counter()
    with engine.connect() as conn:
        for day, count in conn.execute(query):
            volume[period_start(day, freq)] += count
    return volume
