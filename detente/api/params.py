"""Query parameters shared by the API and the dashboard: pagination and record filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from detente.index.dyads import Dyad

MAX_LIMIT = 500
MAX_OFFSET = 2**62  # below SQLite's 64-bit integer limit: a bigger offset was a 500, not a 422
DEFAULT_LIMIT = 50


@dataclass(slots=True, frozen=True)
class Page:
    """Which slice of a result list to return."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0


@dataclass(slots=True, frozen=True)
class Filters:
    """Filters on records; each applies where the record has that field, the others are ignored."""

    dyad: Dyad | None = None
    date_from: date | None = None
    date_to: date | None = None
    plover: str | None = None
    cameo: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    include_flagged: bool = True


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows to return.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Page:
    """Pagination from the query string (FastAPI answers 422 beyond the bounds)."""
    return Page(limit, offset)


def filters(
    dyad: Annotated[str | None, Query(description="Two ISO-3 codes: CHN-RUS (either way).")] = None,
    date_from: Annotated[date | None, Query(description="Earliest date, YYYY-MM-DD.")] = None,
    date_to: Annotated[date | None, Query(description="Latest date, YYYY-MM-DD.")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type: CONSULT.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or its prefix: 04.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name, exactly.")] = None,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    include_flagged: Annotated[
        bool, Query(description="Events: keep negated, hypothetical, future... ones.")
    ] = True,
) -> Filters:
    """Record filters from the query string; 422 naming the parameter when one is malformed."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    if cameo is not None and not cameo.isdigit():
        raise HTTPException(422, f"cameo {cameo!r} must be digits, like 04 or 042")
    return Filters(
        dyad=parse_dyad(dyad) if dyad else None,
        date_from=date_from,
        date_to=date_to,
        plover=plover.upper() if plover else None,
        cameo=cameo,
        outlet=outlet,
        speaker=speaker,
        include_flagged=include_flagged,
    )


def parse_dyad(text: str) -> Dyad:
    """A dyad from the query string, or 422 saying what is wrong with it."""
    try:
        return Dyad.parse(text)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
