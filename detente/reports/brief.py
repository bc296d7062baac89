"""What a dated brief on one dyad holds, from the store: stories, index, quotes, figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Table, select

from detente.index import FREQS, Dyad, IndexSeries, index_series
from detente.index.dyads import check_choice
from detente.index.load import dyad_mentions
from detente.index.series import Deduplicated, deduplicate
from detente.reports.evidence import sentence_around
from detente.reports.settings import ReportSettings, load_settings
from detente.store.claimgroups import claim_groups
from detente.store.schema import articles, claims, quotes, stories

Row = dict[str, Any]
ARTICLE_FIELDS = (
    articles.c.id,
    articles.c.title,
    articles.c.outlet,
    articles.c.url,
    articles.c.published,
    articles.c.story_id,
)


@dataclass(slots=True)
class Source:
    """An article the brief cites, numbered in the order it is first cited."""

    number: int
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None


@dataclass(slots=True)
class EventItem:
    """One deduplicated event of the dyad, with the sentence and article that report it."""

    id: str
    date: date
    plover: str
    cameo: str
    goldstein: float
    n_reports: int
    """Reports of it in the period (mentions sharing its event key)."""
    sentence: str
    source: Source


@dataclass(slots=True)
class StoryItem:
    """A story of the period: its dyad events and the articles that tell it."""

    id: str
    title: str | None
    first_published: date | None
    last_published: date | None
    n_articles: int
    n_outlets: int
    events: list[EventItem]
    n_events: int
    """Deduplicated dyad events of the period in it (more than `events` lists when cut)."""
    sources: list[Source]
    more_sources: int = 0
    """Its articles left out of `sources` to keep the brief short."""


@dataclass(slots=True)
class QuoteItem:
    """A quote from an article of the brief, with its speaker and evidence sentence."""

    id: str
    speaker: str
    speaker_code: str | None
    cue: str | None
    text: str
    kind: str
    date: date | None
    sentence: str
    source: Source


@dataclass(slots=True)
class ClaimItem:
    """A figure claimed in an article of the brief, with its evidence sentence."""

    id: str
    kind: str
    value: float
    unit: str | None
    subject: str | None
    period: str | None
    credited: str | None
    text: str
    sentence: str
    source: Source
    disagree: bool = False
    """Another figure of the brief measures the same thing (subject, unit, period) differently."""


@dataclass(slots=True)
class Brief:
    """Everything one brief shows."""

    dyad: str
    date_from: date
    date_to: date
    freq: str
    series: IndexSeries
    stories: list[StoryItem]
    quotes: list[QuoteItem]
    claims: list[ClaimItem]
    sources: list[Source] = field(default_factory=list)
    n_events: int = 0
    n_articles: int = 0
    n_stories: int = 0

    @property
    def empty(self) -> bool:
        """Whether nothing between the two states is dated in the period."""
        return self.n_events == 0


class _Citations:
    """Numbers sources in the order they are first cited."""

    def __init__(self, found: dict[str, Row]) -> None:
        self.found = found
        self.sources: dict[str, Source] = {}

    def cite(self, article_id: str) -> Source:
        if article_id not in self.sources:
            row = self.found[article_id]
            self.sources[article_id] = Source(
                len(self.sources) + 1,
                article_id,
                row["title"],
                row["outlet"],
                row["url"],
                row["published"],
            )
        return self.sources[article_id]


def parse_period(date_from: str | date, date_to: str | date) -> tuple[date, date]:
    """The brief's first and last day from ISO dates; ValueError saying which one is wrong."""
    days = []
    for name, value in (("--from", date_from), ("--to", date_to)):
        if isinstance(value, date):
            days.append(value)
            continue
        try:
            days.append(date.fromisoformat(value.strip()))
        except ValueError as exc:
            raise ValueError(f"{name} {value!r} is not a date written YYYY-MM-DD") from exc
    if days[0] > days[1]:
        raise ValueError(f"--from {days[0]} is after --to {days[1]}")
    return days[0], days[1]


def gather(
    engine: Engine,
    dyad: str | Dyad,
    date_from: str | date,
    date_to: str | date,
    freq: str | None = None,
    settings: ReportSettings | None = None,
) -> Brief:
    """The brief on `dyad` for events dated from `date_from` to `date_to` (both included)."""
    pair = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    first, last = parse_period(date_from, date_to)
    settings = settings or load_settings()
    freq = check_choice("freq", freq, FREQS) if freq else settings.freq_for(first, last)
    series = index_series(engine, pair, freq, "both", False, first, last)
    mentions = dyad_mentions(engine, pair, "both", False, first, last)
    events = deduplicate(mentions)
    brief = Brief(str(pair), first, last, freq, series, [], [], [], n_events=len(events))
    if not events:
        return brief
    by_story: dict[str, list[Deduplicated]] = defaultdict(list)
    for event in events:
        mention = event.mention
        by_story[mention.story_id or f"article:{mention.article_id}"].append(event)
    reporting = sorted({mention.article_id for mention in mentions})
    with engine.connect() as conn:
        story_rows = _stories(conn, [key for key in by_story if not key.startswith("article:")])
        members = _members(conn, by_story, story_rows)
        found = _articles(conn, reporting) | {r["id"]: r for rows in members.values() for r in rows}
        quote_rows = _rows(conn, quotes, reporting)
        claim_rows = _rows(conn, claims, reporting)
        disputed = _disputed(claim_groups(conn, article_ids=reporting))
        texts = _texts(conn, {r["article_id"] for r in quote_rows + claim_rows})
    citations = _Citations(found)
    ranked = sorted(by_story.items(), key=lambda item: _story_rank(item, story_rows, members))
    brief.n_stories = len(ranked)
    brief.n_articles = len(reporting)
    order = {row["id"]: number for number, (key, _) in enumerate(ranked) for row in members[key]}
    for key, group in ranked[: settings.stories]:
        brief.stories.append(
            _story(key, group, story_rows.get(key), members[key], citations, settings)
        )
    brief.quotes = _quotes(quote_rows, texts, order, pair, citations, settings.quotes)
    brief.claims = _claims(claim_rows, texts, order, citations, disputed, settings.claims)
    brief.sources = sorted(citations.sources.values(), key=lambda s: s.number)
    return brief


def _stories(conn: Connection, ids: list[str]) -> dict[str, Row]:
    """Stored stories by id."""
    rows = conn.execute(select(stories).where(stories.c.id.in_(ids))).mappings()
    return {row["id"]: dict(row) for row in rows}


def _members(
    conn: Connection, by_story: dict[str, list[Deduplicated]], story_rows: dict[str, Row]
) -> dict[str, list[Row]]:
    """Each story's articles (an event outside any story: its own article), oldest first."""
    order = (articles.c.published.is_(None), articles.c.published, articles.c.id)
    found: dict[str, list[Row]] = {key: [] for key in by_story}
    query = (
        select(*ARTICLE_FIELDS).where(articles.c.story_id.in_(list(story_rows))).order_by(*order)
    )
    for row in conn.execute(query).mappings():
        found[row["story_id"]].append(dict(row))
    loose = {key.removeprefix("article:") for key in by_story if key not in story_rows}
    for row in conn.execute(select(*ARTICLE_FIELDS).where(articles.c.id.in_(loose))).mappings():
        found[row["story_id"] if row["story_id"] in story_rows else f"article:{row['id']}"].append(
            dict(row)
        )
    return found


def _story_rank(
    item: tuple[str, list[Deduplicated]], story_rows: dict[str, Row], members: dict[str, list[Row]]
) -> tuple[int, int, int, date, str]:
    """Most deduplicated dyad events first, then most outlets, most articles, earliest."""
    key, group = item
    row = story_rows.get(key)
    outlets = row["n_outlets"] if row else len({m["outlet"] for m in members[key]})
    n_articles = row["n_articles"] if row else len(members[key])
    earliest = min(event.mention.date for event in group)
    return (-len(group), -outlets, -n_articles, earliest, key)


def _story(
    key: str,
    group: list[Deduplicated],
    row: Row | None,
    members: list[Row],
    citations: _Citations,
    settings: ReportSettings,
) -> StoryItem:
    """One story of the brief, its most reported events first."""
    ranked = sorted(
        group,
        key=lambda e: (-e.n_mentions, -abs(e.mention.goldstein), e.mention.date, e.mention.id),
    )
    sources = [citations.cite(m["id"]) for m in members[: settings.sources_per_story]]
    events = [
        EventItem(
            id=e.mention.id,
            date=e.mention.date,
            plover=e.mention.plover,
            cameo=e.mention.cameo,
            goldstein=e.mention.goldstein,
            n_reports=e.n_mentions,
            sentence=e.mention.sentence,
            source=citations.cite(e.mention.article_id),
        )
        for e in ranked[: settings.events_per_story]
    ]
    first = members[0] if members else {}
    return StoryItem(
        id=key,
        title=(row or first).get("title"),
        first_published=row["first_published"] if row else first.get("published"),
        last_published=row["last_published"] if row else first.get("published"),
        n_articles=row["n_articles"] if row else len(members),
        n_outlets=row["n_outlets"] if row else len({m["outlet"] for m in members}),
        events=events,
        n_events=len(group),
        sources=sources,
        more_sources=max(0, len(members) - settings.sources_per_story),
    )


def _articles(conn: Connection, ids: list[str]) -> dict[str, Row]:
    """Articles (without their text) by id."""
    rows = conn.execute(select(*ARTICLE_FIELDS).where(articles.c.id.in_(ids))).mappings()
    return {row["id"]: dict(row) for row in rows}


def _rows(conn: Connection, table: Table, article_ids: list[str]) -> list[Row]:
    """Quotes or claims of these articles, in article then text order."""
    query = (
        select(table)
        .where(table.c.article_id.in_(article_ids))
        .order_by(table.c.article_id, table.c.start, table.c.id)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def _texts(conn: Connection, article_ids: set[str]) -> dict[str, str]:
    """Article texts by id."""
    query = select(articles.c.id, articles.c.text).where(articles.c.id.in_(sorted(article_ids)))
    return {row.id: row.text for row in conn.execute(query)}


def _quotes(
    rows: list[Row],
    texts: dict[str, str],
    order: dict[str, int],
    pair: Dyad,
    citations: _Citations,
    limit: int,
) -> list[QuoteItem]:
    """The key quotes: the two states' own voices first, direct before indirect, top stories."""

    def rank(row: Row) -> tuple[bool, bool, int, int]:
        country = (row["speaker"] or {}).get("country")
        return (
            country not in (pair.first, pair.second),
            row["kind"] != "direct",
            order.get(row["article_id"], len(order)),
            row["start"],
        )

    picked = sorted(rows, key=rank)[:limit]
    return [
        QuoteItem(
            id=row["id"],
            speaker=(row["speaker"] or {}).get("name") or row["speaker_text"] or "unknown speaker",
            speaker_code=(row["speaker"] or {}).get("code"),
            cue=row["cue"],
            text=row["text"],
            kind=row["kind"],
            date=row["date"],
            sentence=sentence_around(texts[row["article_id"]], row["start"], row["end"]),
            source=citations.cite(row["article_id"]),
        )
        for row in picked
    ]


def _claims(
    rows: list[Row],
    texts: dict[str, str],
    order: dict[str, int],
    citations: _Citations,
    disputed: set[str],
    limit: int,
) -> list[ClaimItem]:
    """The key figures: those saying what they measure first, in story order; those another
    figure in the brief's articles contradicts (`disputed` ids) marked."""
    picked = sorted(
        rows,
        key=lambda r: (not r["subject"], order.get(r["article_id"], len(order)), r["start"]),
    )[:limit]
    return [
        ClaimItem(
            id=row["id"],
            kind=row["kind"],
            value=row["value"],
            unit=row["unit"],
            subject=row["subject"],
            period=row["period"],
            credited=row["credited"],
            text=row["text"],
            sentence=sentence_around(texts[row["article_id"]], row["start"], row["end"]),
            source=citations.cite(row["article_id"]),
            disagree=row["id"] in disputed,
        )
        for row in picked
    ]


def _disputed(groups: list[Row]) -> set[str]:
    """Ids of the claims in a conflict of their group (store/claimgroups.claim_groups)."""
    return {
        claim_id
        for group in groups
        for conflict in group["conflicts"]
        for claim_id in (conflict["first"], conflict["second"])
    }
