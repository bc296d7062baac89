"""Defaults of the brief, read from the packaged data/report.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "report.toml"


@dataclass(slots=True, frozen=True)
class ReportSettings:
    """How much a brief shows and how its chart is binned (see data/report.toml)."""

    stories: int
    events_per_story: int
    sources_per_story: int
    quotes: int
    claims: int
    day_span: int
    week_span: int

    def freq_for(self, first: date, last: date) -> str:
        """The chart's period for a brief from `first` to `last`: day, week or month."""
        span = (last - first).days + 1
        if span <= self.day_span:
            return "day"
        return "week" if span <= self.week_span else "month"


@cache
def load_settings(path: Path = DATA) -> ReportSettings:
    """The settings in `path`; ValueError naming the file when a key is missing or wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        limits, chart = data["limits"], data["chart"]
        settings = ReportSettings(
            stories=int(limits["stories"]),
            events_per_story=int(limits["events_per_story"]),
            sources_per_story=int(limits["sources_per_story"]),
            quotes=int(limits["quotes"]),
            claims=int(limits["claims"]),
            day_span=int(chart["day_span"]),
            week_span=int(chart["week_span"]),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"report settings {path}: {exc!r}") from exc
    counts = (settings.stories, settings.events_per_story, settings.sources_per_story)
    if min(counts) < 1 or min(settings.quotes, settings.claims) < 0:
        raise ValueError(f"report settings {path}: limits must be positive")
    return settings
