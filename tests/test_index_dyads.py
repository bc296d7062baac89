"""Dyads, directions and periods of the index."""

from __future__ import annotations

from datetime import date

import pytest

from detente.index.dyads import Dyad, check_choice, period_start, periods


def test_parse_reads_codes_in_order_and_names_bad_input() -> None:
    assert Dyad.parse(" chn-rus ") == Dyad("CHN", "RUS")
    assert str(Dyad.parse("RUS-USA")) == "RUS-USA"
    for bad in ("CHN", "CHN-RUS-USA", "CH-RUS", "CHN-CHN", "CHN_RUS"):
        with pytest.raises(ValueError, match=repr(bad)):
            Dyad.parse(bad)


def test_matches_directed_and_both_ways() -> None:
    dyad = Dyad("CHN", "RUS")
    assert dyad.matches({"CHN"}, {"RUS"}, "directed")
    assert not dyad.matches({"RUS"}, {"CHN"}, "directed")
    assert dyad.matches({"RUS"}, {"CHN"}, "both")
    assert dyad.matches({"CHN", "RUS"}, set(), "directed")  # joint events count both ways
    assert not dyad.matches({"CHN"}, {"USA"}, "both")


def test_periods_by_day_week_and_month() -> None:
    assert period_start(date(2024, 2, 29), "week") == date(2024, 2, 26)
    assert period_start(date(2024, 2, 29), "month") == date(2024, 2, 1)
    assert periods(date(2023, 12, 31), date(2024, 2, 1), "month") == [
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
    ]
    assert len(periods(date(2024, 1, 1), date(2024, 1, 14), "week")) == 2
    assert len(periods(date(2024, 2, 27), date(2024, 3, 1), "day")) == 4


def test_check_choice_names_the_parameter() -> None:
    assert check_choice("freq", "day", ("day",)) == "day"
    with pytest.raises(ValueError, match="freq 'hour' must be one of day"):
        check_choice("freq", "hour", ("day",))
