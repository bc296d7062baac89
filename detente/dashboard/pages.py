"""The dashboard's routes: dyad index, timeline, event evidence, quotes, claims and search."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from detente.api import queries
from detente.api.params import Filters, Page, filters, page, parse_dyad
from detente.api.routes import Conn
from detente.api.search import search as run_search
from detente.dashboard import views
from detente.dashboard.chart import build_chart
from detente.dashboard.text import highlight
from detente.index import DIRECTIONS, FREQS, index_series

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
router = APIRouter(include_in_schema=False)
Filtering = Annotated[Filters, Depends(filters)]


def render(name: str, **context: Any) -> HTMLResponse:
    """A page from its template, every value escaped."""
    return HTMLResponse(templates.get_template(name).render(**context))


@router.get("/", response_class=HTMLResponse)
def home(conn: Conn) -> HTMLResponse:
    """The dyads found in the store, each linking to its index page."""
    dyads = queries.paged(conn, queries.dyad_query(Filters()), Page(100, 0))["items"]
    return render("home.html", dyads=dyads)


@router.get("/dyad/{dyad}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    conn: Conn,
    dyad: str,
    freq: Annotated[str, Query()] = "month",
    direction: Annotated[str, Query()] = "both",
    include_flagged: bool = False,
) -> HTMLResponse:
    """The index of one dyad over time, spikes marked with their top events."""
    pair = parse_dyad(dyad)
    if freq not in FREQS or direction not in DIRECTIONS:
        raise HTTPException(422, f"freq must be one of {FREQS}, direction one of {DIRECTIONS}")
    series = index_series(request.app.state.store.engine, pair, freq, direction, include_flagged)
    spikes = [point for point in series.points if point.spike]
    return render(
        "dyad.html",
        series=series,
        chart=build_chart(series),
        spikes=spikes,
        freqs=FREQS,
        directions=DIRECTIONS,
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(conn: Conn, where: Filtering) -> HTMLResponse:
    """Stories in date order with their events, quotes and figures."""
    return render("timeline.html", stories=views.timeline(conn, where), where=where)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(conn: Conn, event_id: str) -> HTMLResponse:
    """An event's evidence highlighted in its article, with the other reports of it."""
    event = queries.event(conn, event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    article = queries.article(conn, event["article_id"]) or {}
    evidence = event["evidence"]
    text = highlight(
        article.get("text", ""), evidence["start"], evidence["end"], evidence["sentence"]
    )
    return render("event.html", event=event, article=article, text=text)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(conn: Conn, article_id: str) -> HTMLResponse:
    """An article's text with the events coded from it."""
    article = queries.article(conn, article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    rows = conn.execute(
        queries.event_query(Filters()).where(queries.events.c.article_id == article_id)
    ).mappings()
    return render(
        "article.html", article=article, events=[queries.event_record(dict(r)) for r in rows]
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(conn: Conn, where: Filtering) -> HTMLResponse:
    """Quotes grouped by speaker."""
    return render("quotes.html", groups=views.quotes_by_speaker(conn, where), where=where)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    conn: Conn,
    where: Filtering,
    subject: Annotated[str, Query(max_length=200)] = "",
    disagree: bool = False,
) -> HTMLResponse:
    """Claimed figures grouped by what they measure, disagreements marked."""
    groups = views.claim_groups(conn, where, subject.strip() or None, disagree)
    return render("claims.html", groups=groups, subject=subject, disagree=disagree)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    conn: Conn,
    paging: Annotated[Page, Depends(page)],
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    """Search across articles and quotes."""
    results = run_search(conn, q, paging) if q.strip() else None
    return render("search.html", q=q, results=results)
