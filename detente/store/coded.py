"""Writing and reading what was coded from articles: mentions, events, quotes and claims."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, or_, select

from detente.actors.model import Actor, Mention, to_record
from detente.articles.model import Article
from detente.claims import Claim
from detente.events.model import CODER_VERSION, Event
from detente.quotes import Quote
from detente.store.articles import ARTICLE_ORDER, row_article
from detente.store.db import chunks, writing
from detente.store.schema import articles, claims, codings, event_actors, events, mentions, quotes

Row = dict[str, Any]


@dataclass(slots=True)
class Coded:
    """Everything coded from one article, written all or nothing."""

    article_id: str
    published: Any = None
    """The article's date (a `datetime.date` or None): the date its quotes were reported."""
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[tuple[Quote, Actor | None]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    coder_version: str = CODER_VERSION


def record_id(article_id: str, kind: str, *parts: object) -> str:
    """A stable id for a coded record: the same article coded the same way gets the same id."""
    key = "\x1f".join((article_id, kind, *map(str, parts)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def uncoded_ids(engine: Engine, version: str = CODER_VERSION) -> list[str]:
    """Ids of the articles not yet coded by this coder version, in ingest order."""
    query = (
        select(articles.c.id)
        .outerjoin(codings, codings.c.article_id == articles.c.id)
        .where(or_(codings.c.article_id.is_(None), codings.c.coder_version != version))
        .order_by(*ARTICLE_ORDER)
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def forget_coded(engine: Engine, ids: Iterable[str]) -> int:
    """Mark these articles as uncoded (their date changed: their events are read again against
    it); return how many had been coded."""
    with writing(engine) as conn:
        return sum(
            conn.execute(delete(codings).where(codings.c.article_id.in_(part))).rowcount
            for part in chunks(sorted(ids))
        )


def load_articles(engine: Engine, ids: list[str]) -> list[Article]:
    """The articles with these ids, in the order given."""
    with engine.connect() as conn:
        rows = conn.execute(select(articles).where(articles.c.id.in_(ids))).mappings().all()
    found = {row["id"]: row_article(row) for row in rows}
    return [found[key] for key in ids if key in found]


def save_coded(engine: Engine, batch: Iterable[Coded]) -> int:
    """Replace the coded records of each article in one transaction; return the count saved."""
    items = list(batch)
    if not items:
        return 0
    ids = [item.article_id for item in items]
    rows: dict[str, list[Row]] = {
        "mentions": [],
        "events": [],
        "event_actors": [],
        "quotes": [],
        "claims": [],
    }
    for item in items:
        _rows(item, rows)
    now = datetime.now(UTC)
    with writing(engine) as conn:
        for table in (claims, quotes, events, mentions, codings):
            conn.execute(delete(table).where(table.c.article_id.in_(ids)))
        for table in (mentions, events, event_actors, quotes, claims):
            if rows[table.name]:
                conn.execute(insert(table), rows[table.name])
        conn.execute(
            insert(codings),
            [
                {"article_id": i.article_id, "coder_version": i.coder_version, "coded_at": now}
                for i in items
            ],
        )
    return len(items)


def _rows(item: Coded, rows: dict[str, list[Row]]) -> None:
    """Add the rows of one article's coded records to `rows`, by table."""
    aid = item.article_id
    seen: set[str] = set()
    for mention in item.mentions:
        actor = mention.actor
        key = record_id(aid, "mention", mention.start, mention.end, actor.code, actor.name)
        if key in seen:
            continue
        seen.add(key)
        rows["mentions"].append(
            {
                "id": key,
                "article_id": aid,
                "start": mention.start,
                "end": mention.end,
                "text": actor.text,
                "name": actor.name,
                "code": actor.code,
                "country": actor.country,
                "sector": actor.sector,
                "person": actor.person,
                "role": actor.role,
                "rule": mention.rule,
            }
        )
    for number, event in enumerate(item.events):
        key = record_id(aid, "event", number, event.start, event.cameo, event.trigger)
        rows["events"].append(event_row(key, aid, event))
        for side, actors in (("actor", event.actors), ("recipient", event.recipients)):
            rows["event_actors"].extend(
                {
                    "event_id": key,
                    "side": side,
                    "position": position,
                    "code": actor.code,
                    "country": actor.country,
                    "sector": actor.sector,
                    "name": actor.name,
                }
                for position, actor in enumerate(actors)
            )
    for number, (quote, speaker) in enumerate(item.quotes):
        rows["quotes"].append(
            {
                "id": record_id(aid, "quote", number, quote.start, quote.end),
                "article_id": aid,
                "speaker": to_record(speaker) if speaker else None,
                "speaker_text": quote.speaker_text,
                "speaker_start": quote.speaker_start,
                "speaker_end": quote.speaker_end,
                "cue": quote.cue,
                "text": quote.text,
                "kind": quote.kind,
                "channel": quote.channel,
                "start": quote.start,
                "end": quote.end,
                "date": item.published,
            }
        )
    for number, claim in enumerate(item.claims):
        rows["claims"].append(claim_row(record_id(aid, "claim", number, claim.start), aid, claim))


def event_row(key: str, article_id: str, event: Event) -> Row:
    """The `events` row of one event mention."""
    return {
        "id": key,
        "article_id": article_id,
        "event_key": None,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "actors": [to_record(actor) for actor in event.actors],
        "recipients": [to_record(actor) for actor in event.recipients],
        "cameo": event.cameo,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "score": event.score,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "future": event.future,
        "historical": event.historical,
        "reported": event.reported,
        "confidence": event.confidence,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "trigger": event.trigger,
        "rule": event.rule,
        "coder_version": event.coder_version,
    }


def claim_row(key: str, article_id: str, claim: Claim) -> Row:
    """The `claims` row of one claimed figure."""
    return {
        "id": key,
        "article_id": article_id,
        "kind": claim.kind,
        "value": claim.value,
        "unit": claim.unit,
        "approx": claim.approx,
        "subject": claim.subject,
        "period": claim.period,
        "credited": claim.source_text,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
    }
