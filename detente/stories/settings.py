"""The tuned constants of story clustering, read from data/stories.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds and sizes for clustering and near-duplicates (see data/stories.toml)."""

    threshold: float
    dated_threshold: float
    topic_threshold: float
    topic_name_weight: float
    window_days: int
    name_weight: float
    min_df: int
    embedding_weight: float
    lead_words: int
    reference_articles: int
    shingle_words: int
    permutations: int
    band_rows: int
    jaccard: float
    containment: float


@cache
def settings() -> Settings:
    """The packaged settings."""
    path = files("detente.stories") / "data" / "stories.toml"
    return parse(path.read_text(encoding="utf-8"), str(path))


def parse(text: str, where: str) -> Settings:
    """Settings from TOML text (sections are for readers only); errors name `where`."""
    try:
        sections: dict[str, dict[str, Any]] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{where}: not valid TOML ({error})") from error
    if not all(isinstance(section, dict) for section in sections.values()):
        raise ValueError(f"{where}: every setting must sit in a [section]")
    flat = {key: value for section in sections.values() for key, value in section.items()}
    names = {field.name for field in fields(Settings)}
    if missing := names - flat.keys():
        raise ValueError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown := flat.keys() - names:
        raise ValueError(f"{where}: unknown {', '.join(sorted(unknown))}")
    for key, value in flat.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{where}: {key} must be a number, not {value!r}")
    return Settings(**flat)
