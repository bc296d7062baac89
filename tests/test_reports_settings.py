"""Tests for detente.reports.settings: the packaged defaults and the chart's period choice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from detente.reports.settings import load_settings


def test_packaged_settings_load() -> None:
    settings = load_settings()
    assert settings.stories >= 1 and settings.day_span < settings.week_span


def test_chart_period_follows_the_length_of_the_brief() -> None:
    settings = replace(load_settings(), day_span=31, week_span=200)
    assert settings.freq_for(date(2024, 3, 1), date(2024, 3, 31)) == "day"
    assert settings.freq_for(date(2024, 3, 1), date(2024, 4, 1)) == "week"
    assert settings.freq_for(date(2024, 1, 1), date(2024, 12, 31)) == "month"


def test_a_broken_settings_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_text("[limits]\nstories = 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"report settings .*report\.toml"):
        load_settings(path)
    path.write_text(
        "[limits]\nstories = 0\nevents_per_story = 1\nsources_per_story = 1\nquotes = 1\n"
        "claims = 1\n[chart]\nday_span = 1\nweek_span = 2\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="limits must be positive"):
        load_settings(path)
