"""Tests for detente.stories.dates: publication dates as day ranges, and a story's date."""

from __future__ import annotations

from datetime import date

from detente.articles.model import Article
from detente.stories.dates import Interval, interval, own_date, story_date


def dated(day: date | None, precision: str | None, basis: str | None = "metadata") -> Article:
    """An article with only a date."""
    return Article(
        id=f"{day}{precision}{basis}",
        source="x",
        text="",
        published=day,
        published_precision=precision,
        published_basis=basis,
    )


def test_intervals_cover_the_precision_of_the_date() -> None:
    assert interval(dated(date(2024, 5, 16), "day")) == Interval(
        date(2024, 5, 16).toordinal(), date(2024, 5, 16).toordinal()
    )
    assert interval(dated(date(2024, 2, 1), "month")) == Interval(
        date(2024, 2, 1).toordinal(), date(2024, 2, 29).toordinal()
    )
    assert interval(dated(date(2023, 1, 1), "year")) == Interval(
        date(2023, 1, 1).toordinal(), date(2023, 12, 31).toordinal()
    )
    assert interval(dated(date(2024, 5, 16), None)) == interval(dated(date(2024, 5, 16), "day"))


def test_undated_and_story_dated_articles_have_no_interval() -> None:
    assert interval(dated(None, None)) is None
    assert own_date(dated(date(2024, 5, 16), "day", basis="story")) is None
    assert interval(dated(date(2024, 5, 16), "day", basis="story")) is None


def test_story_date_is_the_earliest_of_the_most_precise_dates() -> None:
    members = [
        dated(date(2024, 5, 1), "month"),
        dated(date(2024, 5, 17), "day"),
        dated(date(2024, 5, 16), "day"),
        dated(date(2024, 5, 2), "day", basis="story"),
        dated(None, None),
    ]
    assert story_date(members) == (date(2024, 5, 16), "day")
    assert story_date([dated(date(2024, 5, 1), "month")]) == (date(2024, 5, 1), "month")
    assert story_date([dated(None, None)]) is None
