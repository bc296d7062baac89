"""What the dashboard pages show, gathered from the store with the API's queries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from detente.api import queries
from detente.api.params import Filters, Page
from detente.store.claimgroups import claim_groups as stored_claim_groups
from detente.store.schema import articles, claims, events, quotes

Row = dict[str, Any]
TIMELINE_STORIES = 200  # stories on one timeline page; the seeds make about 40
LIST_ROWS = 500  # quotes or claims on one page: the API's largest page


def timeline(conn: Connection, where: Filters) -> list[Row]:
    """Stories, oldest first, each with its articles' events, quotes and claims."""
    found = queries.paged(conn, queries.story_query(where), Page(TIMELINE_STORIES, 0))["items"]
    for story in found:
        members = queries.select(articles.c.id).where(articles.c.story_id == story["id"])
        in_story = Filters(include_flagged=where.include_flagged)
        story["events"] = deduplicated(
            queries.event_record(dict(row))
            for row in conn.execute(
                queries.event_query(in_story).where(events.c.article_id.in_(members))
            ).mappings()
        )
        story["quotes"] = [
            dict(row)
            for row in conn.execute(
                queries.quote_query(in_story).where(quotes.c.article_id.in_(members))
            ).mappings()
        ]
        story["claims"] = [
            dict(row)
            for row in conn.execute(
                queries.claim_query(in_story).where(claims.c.article_id.in_(members))
            ).mappings()
        ]
    return found


def deduplicated(mentions: Iterable[Row]) -> list[Row]:
    """One row per happening: its first-listed mention, with `n_reports` counting them all."""
    first: dict[str, Row] = {}
    for mention in mentions:
        key = mention.get("event_key") or mention["id"]
        if key in first:
            first[key]["n_reports"] += 1
        else:
            first[key] = {**mention, "n_reports": 1}
    return list(first.values())


def speaker_name(quote: Row) -> str:
    """Who said it: the resolved actor's name, else the words naming the speaker, else unknown."""
    speaker = quote.get("speaker") or {}
    return speaker.get("name") or quote.get("speaker_text") or "unknown speaker"


def quotes_by_speaker(conn: Connection, where: Filters) -> list[tuple[str, list[Row]]]:
    """Quotes grouped by speaker, the most quoted first."""
    rows = queries.paged(conn, queries.quote_query(where), Page(LIST_ROWS, 0))["items"]
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(speaker_name(row), []).append(row)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def claim_groups(
    conn: Connection, where: Filters, subject: str | None = None, disagree_only: bool = False
) -> list[Row]:
    """Claims grouped by what they measure across articles, disagreeing groups first."""
    return stored_claim_groups(conn, where.dyad, subject, disagree_only)
