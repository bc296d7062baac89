"""Stored claims grouped by what they measure (detente.claims.compare), with each claim's value,
article, outlet, date, credited source and the quote (and speaker) it was said in, if any."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, select

from detente.claims.compare import (
    Figure,
    Group,
    Settings,
    as_of,
    group_figures,
    is_forecast,
    settings,
)
from detente.claims.numbers import find_numbers
from detente.index.dyads import Dyad
from detente.store.schema import articles, claims, mentions, quotes

Row = dict[str, Any]
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+|\n+")


@dataclass(slots=True)
class _Near:
    """What is read around one stored claim: its sentence's span and the actors named there."""

    sentence: tuple[int, int]
    subject: tuple[int, int] | None
    forecast: bool
    credited: tuple[int, int] | None = None
    """The span of the source the figure is credited to ("the Chinese customs agency said")."""
    actors: list[Row] = field(default_factory=list)


def claim_groups(
    conn: Connection,
    dyad: Dyad | None = None,
    subject: str | None = None,
    disagree_only: bool = False,
    article_ids: list[str] | None = None,
) -> list[Row]:
    """Groups of stored claims of one measure, disagreeing first; `dyad` keeps groups about
    both its states, `subject` those whose measure or a claim's subject holds the text
    (any case), `disagree_only` those with a disagreement, `article_ids` only the claims of
    these articles (all when None)."""
    found = settings()
    rows = _claim_rows(conn, found, article_ids)
    near = _context(conn, rows, found, article_ids)
    said = _quotes(conn, article_ids)
    figures = [_figure(row, near[row["id"]]) for row in rows]
    by_id = {row["id"]: row for row in rows}
    result = []
    for group in group_figures(figures, found):
        record = _record(group, by_id, said)
        if dyad is not None and not {dyad.first, dyad.second} <= set(record["countries"]):
            continue
        if subject and not _mentions_text(record, subject):
            continue
        if disagree_only and not record["disagree"]:
            continue
        result.append(record)
    return result


def _of(query: Select, article_ids: list[str] | None) -> Select:
    """The query kept to the claims of these articles, or left whole for None."""
    return query if article_ids is None else query.where(claims.c.article_id.in_(article_ids))


def _claim_rows(conn: Connection, found: Settings, article_ids: list[str] | None) -> list[Row]:
    """The stored claims with their article's fields and the text around them."""
    low = case(
        (claims.c.start > found.context_before, claims.c.start - found.context_before), else_=0
    )
    context = func.substr(articles.c.text, low + 1, claims.c.end - low + found.context_after)
    query = (
        select(
            claims,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.published,
            articles.c.story_id,
            low.label("context_start"),
            context.label("context"),
        )
        .join(articles, articles.c.id == claims.c.article_id)
        .order_by(articles.c.published, claims.c.article_id, claims.c.start)
    )
    return [dict(row) for row in conn.execute(_of(query, article_ids)).mappings()]


def _context(
    conn: Connection, rows: list[Row], found: Settings, article_ids: list[str] | None
) -> dict[str, _Near]:
    """For each claim id: its sentence, its subject's span and the actors named near it."""
    near = {row["id"]: _spans(row) for row in rows}
    low = case(
        (claims.c.start > found.context_before, claims.c.start - found.context_before), else_=0
    )
    query = select(
        claims.c.id.label("claim_id"),
        mentions.c.start,
        mentions.c.end,
        mentions.c.text,
        mentions.c.name,
        mentions.c.country,
        mentions.c.person,
    ).join(
        mentions,
        and_(
            mentions.c.article_id == claims.c.article_id,
            mentions.c.start >= low,
            mentions.c.end <= claims.c.end + found.context_after,
        ),
    )
    for row in conn.execute(_of(query, article_ids)).mappings():
        item = near.get(row["claim_id"])
        if item is not None and item.sentence[0] <= row["start"] < item.sentence[1]:
            item.actors.append(dict(row))
    return near


def _spans(row: Row) -> _Near:
    """The sentence holding a claim and its subject's span in the article, from its context."""
    text, offset = row["context"] or "", row["context_start"]
    start, end = row["start"] - offset, row["end"] - offset
    first = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    last = after.start() if after else len(text)
    subject = _near_span(text, row["subject"], (first, start, end, last), offset)
    credited = _near_span(text, row["credited"], (first, start, end, last), offset)
    forecast = is_forecast(text[first:start], text[end:last])
    return _Near((offset + first, offset + last), subject, forecast, credited)


def _near_span(
    text: str, words: str | None, bounds: tuple[int, int, int, int], offset: int
) -> tuple[int, int] | None:
    """Where `words` stand in the claim's sentence, nearest before the figure, else after it;
    `bounds` are the sentence's start, the figure's start and end, and the sentence's end."""
    if not words:
        return None
    first, start, end, last = bounds
    at = text.rfind(words, first, start)
    at = at if at >= 0 else text.find(words, end, last)
    return (offset + at, offset + at + len(words)) if at >= 0 else None


def _figure(row: Row, near: _Near) -> Figure:
    """The comparable form of a stored claim: people and states named in its subject, else the
    states named in its sentence outside the source it is credited to (the customs agency
    that reports a trade figure does not make the figure about its own state alone)."""
    named = [a for a in near.actors if _inside(a, near.subject)]
    around = [a for a in near.actors if not _inside(a, near.credited)]
    countries = _unique(a["country"] for a in named) or _unique(a["country"] for a in around)
    number = next(iter(find_numbers(row["text"])), None)
    return Figure(
        id=row["id"],
        article_id=row["article_id"],
        kind=row["kind"],
        value=row["value"],
        unit=row["unit"],
        approx=row["approx"],
        subject=row["subject"],
        period=row["period"],
        published=row["published"],
        story_id=row["story_id"],
        upper=number.upper if number is not None else None,
        ordinal=number.ordinal if number is not None else False,
        people=_unique(a["person"] for a in named),
        countries=countries,
        names=tuple(a["text"] for a in named),
        forecast=near.forecast,
    )


def _inside(actor: Row, span: tuple[int, int] | None) -> bool:
    """Whether an actor mention overlaps the span."""
    return span is not None and actor["start"] < span[1] and span[0] < actor["end"]


def _unique(values: Any) -> tuple[str, ...]:
    """The distinct non-empty values, sorted."""
    return tuple(sorted({v for v in values if v}))


def _quotes(conn: Connection, article_ids: list[str] | None) -> dict[str, Row]:
    """For each claim id said inside a quote: that quote's id, text, cue and speaker."""
    query = select(
        claims.c.id.label("claim_id"),
        quotes.c.id,
        quotes.c.text,
        quotes.c.cue,
        quotes.c.kind,
        quotes.c.speaker,
        quotes.c.speaker_text,
    ).join(
        quotes,
        and_(
            quotes.c.article_id == claims.c.article_id,
            quotes.c.start <= claims.c.start,
            claims.c.end <= quotes.c.end,
        ),
    )
    found: dict[str, Row] = {}
    for row in conn.execute(_of(query, article_ids)).mappings():
        record = dict(row)
        speaker = record.pop("speaker") or {}
        record["speaker"] = speaker.get("name") or record.pop("speaker_text")
        record.pop("speaker_text", None)
        found.setdefault(record.pop("claim_id"), record)
    return found


def _record(group: Group, rows: dict[str, Row], said: dict[str, Row]) -> Row:
    """A group as the API returns it: key, flags, counts, claims and who disagrees with whom."""
    members = [
        _claim(group, figure, rows[figure.id], said.get(figure.id)) for figure in group.figures
    ]
    members.sort(
        key=lambda m: (m["as_of"] or m["published"] or date.max, m["article_id"], m["start"])
    )
    by_id = {m["id"]: m for m in members}
    countries: set[str] = set()
    for figure in group.figures:
        countries.update(figure.countries)
    outlets = {m["outlet"] for m in members if m["outlet"]}
    key = group.key
    return {
        "measure": key.measure,
        "participants": list(key.participants),
        "countries": sorted(countries),
        "unit": key.unit,
        "period": key.period,
        "running": group.running,
        "disagree": group.disagree,
        "n_claims": len(members),
        "n_articles": len({m["article_id"] for m in members}),
        "n_outlets": len(outlets),
        "claims": members,
        "conflicts": [
            {
                "first": c.first,
                "second": c.second,
                "reason": c.reason,
                "said": f"{_who(by_id[c.first])} vs {_who(by_id[c.second])}",
            }
            for c in group.conflicts
        ],
    }


def _claim(group: Group, figure: Figure, row: Row, quote: Row | None) -> Row:
    """One claim of a group: its figure, interval, article, credited source and quote."""
    low, high = group.bounds[figure.id]
    return {
        "id": figure.id,
        "article_id": figure.article_id,
        "title": row["title"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": figure.published,
        "story_id": figure.story_id,
        "kind": figure.kind,
        "value": figure.value,
        "upper": figure.upper,
        "low": low if math.isfinite(low) else None,
        "high": high if math.isfinite(high) else None,
        "approx": figure.approx,
        "unit": figure.unit,
        "subject": figure.subject,
        "period": figure.period or (group.key.period if figure.id in group.inferred else None),
        "period_inferred": figure.id in group.inferred,
        "as_of": as_of(figure) if group.running else None,
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "credited": row["credited"],
        "speaker": quote["speaker"] if quote else None,
        "quote": quote,
    }


def _who(claim: Row) -> str:
    """Who said what, in a few words: "Outlet (source, date): “text”"."""
    source = claim["credited"] or claim["speaker"]
    where = ", ".join(str(part) for part in (source, claim["published"]) if part)
    written = " ".join(part for part in (claim["approx"], claim["text"]) if part)
    return f"{claim['outlet'] or 'an article'} ({where}): “{written}”"


def _mentions_text(record: Row, text: str) -> bool:
    """Whether the group's measure or one of its claims' subjects holds `text`, any case."""
    wanted = text.casefold()
    subjects = [record["measure"], *(c["subject"] or "" for c in record["claims"])]
    return any(wanted in s.casefold() for s in subjects)
