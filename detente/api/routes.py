"""The read-only JSON endpoints: articles, events, quotes, claims, stories, actors, dyads, index."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import Connection

from detente.api import queries
from detente.api.params import Filters, Page, filters, page, parse_dyad
from detente.api.search import search as run_search
from detente.index import DIRECTIONS, FREQS, index_series
from detente.store.claimgroups import claim_groups

router = APIRouter(prefix="/api", tags=["read"])
Row = dict[str, Any]


def connection(request: Request) -> Iterator[Connection]:
    """A read connection to the app's store for the length of one request."""
    with request.app.state.store.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
Paging = Annotated[Page, Depends(page)]
Filtering = Annotated[Filters, Depends(filters)]


def found(record: Row | None, kind: str, key: str) -> Row:
    """`record`, or 404 naming what was not found."""
    if record is None:
        raise HTTPException(404, f"no {kind} with id {key!r}")
    return record


@router.get("/articles")
def list_articles(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Articles (without their text), newest first; filters: dyad, dates, outlet."""
    return queries.paged(conn, queries.article_query(where), paging)


@router.get("/articles/{article_id}")
def get_article(conn: Conn, article_id: str) -> Row:
    """One article with its text, events, quotes and claims."""
    record = found(queries.article(conn, article_id), "article", article_id)
    mine = Filters()
    record["events"] = [
        queries.event_record(dict(row))
        for row in conn.execute(
            queries.event_query(mine).where(queries.events.c.article_id == article_id)
        ).mappings()
    ]
    for kind, query in (("quotes", queries.quote_query), ("claims", queries.claim_query)):
        table = getattr(queries, kind)
        rows = conn.execute(query(mine).where(table.c.article_id == article_id)).mappings()
        record[kind] = [dict(row) for row in rows]
    return record


@router.get("/events")
def list_events(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Event mentions, oldest first; filters: dyad, dates, plover, cameo, outlet, flags."""
    result = queries.paged(conn, queries.event_query(where), paging)
    result["items"] = [queries.event_record(row) for row in result["items"]]
    return result


@router.get("/events/{event_id}")
def get_event(conn: Conn, event_id: str) -> Row:
    """One event mention, the other reports of the same event, and its story."""
    return found(queries.event(conn, event_id), "event", event_id)


@router.get("/quotes")
def list_quotes(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Quotes; filters: speaker, dyad, dates, outlet."""
    return queries.paged(conn, queries.quote_query(where), paging)


@router.get("/claims")
def list_claims(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Claimed figures by subject and period; filters: dyad, dates, outlet."""
    return queries.paged(conn, queries.claim_query(where), paging)


@router.get("/claims/groups")
def list_claim_groups(
    conn: Conn,
    paging: Paging,
    dyad: Annotated[str | None, Query(description="Two ISO-3 codes: CHN-RUS.")] = None,
    subject: Annotated[
        str | None, Query(max_length=200, description="Part of what is measured: trade.")
    ] = None,
    disagree: Annotated[bool, Query(description="Only groups whose figures disagree.")] = False,
) -> Row:
    """Claims of one measure across articles, grouped; disagreements with who said what."""
    groups = claim_groups(conn, parse_dyad(dyad) if dyad else None, subject, disagree)
    return {
        "total": len(groups),
        "limit": paging.limit,
        "offset": paging.offset,
        "items": groups[paging.offset : paging.offset + paging.limit],
    }


@router.get("/stories")
def list_stories(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Stories, oldest first; filters: dates, dyad, outlet."""
    return queries.paged(conn, queries.story_query(where), paging)


@router.get("/stories/{story_id}")
def get_story(conn: Conn, story_id: str) -> Row:
    """One story with its articles."""
    return found(queries.story(conn, story_id), "story", story_id)


@router.get("/actors")
def list_actors(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Resolved actors, most named first; filters: dyad, dates, outlet."""
    return queries.paged(conn, queries.actor_query(where), paging)


@router.get("/dyads")
def list_dyads(conn: Conn, paging: Paging, where: Filtering) -> Row:
    """Pairs of states meeting in events, with mention and deduplicated event counts."""
    return queries.grouped(conn, queries.dyad_query(where), paging)


@router.get("/index")
def get_index(
    request: Request,
    dyad: Annotated[str, Query(description="Two ISO-3 codes: CHN-RUS.")],
    freq: Annotated[str, Query(description=f"One of {', '.join(FREQS)}.")] = "month",
    direction: Annotated[
        str, Query(description="directed (first → second) or both ways.")
    ] = "both",
    include_flagged: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Row:
    """The relationship index of a dyad per period, with bootstrap bands and top events."""
    pair = parse_dyad(dyad)
    if freq not in FREQS or direction not in DIRECTIONS:
        raise HTTPException(
            422,
            f"freq must be one of {', '.join(FREQS)} and direction one of"
            f" {', '.join(DIRECTIONS)}; got freq={freq!r}, direction={direction!r}",
        )
    series = index_series(
        request.app.state.store.engine, pair, freq, direction, include_flagged, date_from, date_to
    )
    return series.to_record()


@router.get("/search")
def search(
    conn: Conn,
    paging: Paging,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
) -> Row:
    """Articles and quotes containing every word of `q`, best first."""
    return run_search(conn, q, paging)
