"""The index series: deduplicated dyad events summarised per period, with bootstrap bands."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Engine

from detente.index.dyads import DIRECTIONS, FREQS, Dyad, check_choice, period_start, periods
from detente.index.load import Mention, article_volume, dyad_mentions
from detente.index.settings import IndexSettings, load_settings

COOPERATION = (1, 2)  # QuadClass: verbal and material cooperation
CONFLICT = (3, 4)  # QuadClass: verbal and material conflict


@dataclass(slots=True)
class Deduplicated:
    """One deduplicated event: the most confident of its mentions, with how many there were."""

    mention: Mention
    n_mentions: int


@dataclass(slots=True)
class IndexPoint:
    """One period of the index."""

    period: date
    """First day of the period (the Monday of a week, the 1st of a month)."""
    n_events: int
    n_articles: int
    """Articles in the store published in the period, whatever they are about."""
    per_100_articles: float | None
    """Events per 100 articles of the period; None when no article is dated in it."""
    goldstein: float | None
    goldstein_band: tuple[float, float] | None
    score: float | None
    """Mean PLOVER score."""
    score_band: tuple[float, float] | None
    quad_counts: dict[int, int]
    """Events per QuadClass (1 verbal cooperation … 4 material conflict)."""
    balance: float | None
    """(cooperation − conflict) / events, from −1 (all conflict) to 1 (all cooperation)."""
    spike: bool = False
    top: list[dict[str, Any]] = field(default_factory=list)
    """The period's most reported events, with their evidence and where they were read."""


@dataclass(slots=True)
class IndexSeries:
    """The index of one dyad, one direction, at one frequency."""

    dyad: str
    direction: str
    freq: str
    include_flagged: bool
    points: list[IndexPoint]

    def to_record(self) -> dict[str, Any]:
        """The series as JSON-ready data (dates as ISO strings)."""
        record = asdict(self)
        for point in record["points"]:
            point["period"] = point["period"].isoformat()
            point["quad_counts"] = {str(k): v for k, v in point["quad_counts"].items()}
        return record


def deduplicate(mentions: list[Mention]) -> list[Deduplicated]:
    """One event per event key: its most confident mention (ties: smallest id)."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.event_key, []).append(mention)
    return [
        Deduplicated(min(group, key=lambda m: (-m.confidence, m.id)), len(group))
        for group in groups.values()
    ]


def bootstrap_band(
    values: list[float], period: date, settings: IndexSettings
) -> tuple[float, float]:
    """A percentile bootstrap interval of the mean, seeded by the settings and the period."""
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng([settings.seed, period.toordinal()])
    picks = rng.integers(0, len(data), size=(settings.resamples, len(data)))
    means = data[picks].mean(axis=1)
    tail = (1 - settings.level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def summarise(
    period: date, group: list[Deduplicated], n_articles: int, settings: IndexSettings
) -> IndexPoint:
    """The index point of one period from its events."""
    quads = {quad: 0 for quad in (*COOPERATION, *CONFLICT)}
    for event in group:
        quads[event.mention.quad_class] = quads.get(event.mention.quad_class, 0) + 1
    n = len(group)
    point = IndexPoint(
        period=period,
        n_events=n,
        n_articles=n_articles,
        per_100_articles=100 * n / n_articles if n_articles else None,
        goldstein=None,
        goldstein_band=None,
        score=None,
        score_band=None,
        quad_counts=quads,
        balance=None,
    )
    if n:
        goldstein = [event.mention.goldstein for event in group]
        score = [event.mention.score for event in group]
        point.goldstein = statistics.fmean(goldstein)
        point.score = statistics.fmean(score)
        point.goldstein_band = bootstrap_band(goldstein, period, settings)
        point.score_band = bootstrap_band(score, period, settings)
        cooperation = sum(quads[q] for q in COOPERATION)
        conflict = sum(quads[q] for q in CONFLICT)
        point.balance = (cooperation - conflict) / n
        ranked = sorted(
            group, key=lambda e: (-e.n_mentions, -abs(e.mention.goldstein), e.mention.id)
        )
        point.top = [_top(event) for event in ranked[: settings.top_events]]
    return point


def mark_spikes(
    points: list[IndexPoint], events: list[Deduplicated], settings: IndexSettings
) -> None:
    """Mark periods far busier than usual, or whose mean tone is far from the series' mean."""
    counts = [point.n_events for point in points if point.n_events]
    if not counts:
        return
    usual = statistics.median(counts)
    tones = [event.mention.goldstein for event in events]
    mean = statistics.fmean(tones)
    spread = statistics.pstdev(tones)
    for point in points:
        if not point.n_events or point.goldstein is None:
            continue
        busy = point.n_events >= settings.spike_volume * usual
        unusual = spread > 0 and abs(point.goldstein - mean) >= settings.spike_deviation * spread
        point.spike = busy or unusual


def index_series(
    engine: Engine,
    dyad: Dyad | str,
    freq: str = "month",
    direction: str = "both",
    include_flagged: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
    settings: IndexSettings | None = None,
) -> IndexSeries:
    """The `dyad` index per day, week or month over deduplicated (by default unflagged) events."""
    pair = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    check_choice("freq", freq, FREQS)
    check_choice("direction", direction, DIRECTIONS)
    settings = settings or load_settings()
    events = deduplicate(
        dyad_mentions(engine, pair, direction, include_flagged, date_from, date_to)
    )
    series = IndexSeries(str(pair), direction, freq, include_flagged, [])
    if not events:
        return series
    days = [event.mention.date for event in events]
    first, last = date_from or min(days), date_to or max(days)
    spans = periods(first, last, freq)
    volume = article_volume(engine, first, _period_end(spans[-1], freq), freq)
    grouped: dict[date, list[Deduplicated]] = {start: [] for start in spans}
    for event in events:
        grouped[period_start(event.mention.date, freq)].append(event)
    series.points = [summarise(start, grouped[start], volume[start], settings) for start in spans]
    mark_spikes(series.points, events, settings)
    return series


def _period_end(start: date, freq: str) -> date:
    """The last day of the period starting on `start`."""
    following = periods(start, start + timedelta(days=31), freq)
    return following[1] - timedelta(days=1) if len(following) > 1 else start


def _top(event: Deduplicated) -> dict[str, Any]:
    """What the dashboard and API show of one of a period's top events."""
    mention = event.mention
    return {
        "id": mention.id,
        "event_key": mention.event_key,
        "date": mention.date.isoformat(),
        "cameo": mention.cameo,
        "plover": mention.plover,
        "goldstein": mention.goldstein,
        "n_mentions": event.n_mentions,
        "article_id": mention.article_id,
        "story_id": mention.story_id,
        "title": mention.title,
        "outlet": mention.outlet,
        "sentence": mention.sentence,
    }
