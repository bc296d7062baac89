"""Defaults of the relationship index, read from the packaged data/index.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "index.toml"


@dataclass(slots=True, frozen=True)
class IndexSettings:
    """Bootstrap and spike settings (see data/index.toml for what each one was chosen on)."""

    resamples: int
    level: float
    seed: int
    spike_volume: float
    spike_deviation: float
    top_events: int


@cache
def load_settings(path: Path = DATA) -> IndexSettings:
    """The settings in `path`; ValueError naming the file when a key is missing or wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        boot, spikes = data["bootstrap"], data["spikes"]
        settings = IndexSettings(
            resamples=int(boot["resamples"]),
            level=float(boot["level"]),
            seed=int(boot["seed"]),
            spike_volume=float(spikes["volume"]),
            spike_deviation=float(spikes["deviation"]),
            top_events=int(spikes["top_events"]),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"index settings {path}: {exc!r}") from exc
    if settings.resamples < 1 or not 0 < settings.level < 1:
        raise ValueError(f"index settings {path}: resamples must be ≥ 1 and level in (0, 1)")
    return settings
