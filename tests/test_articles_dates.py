"""Date spans found with our own patterns, read exactly, and timeline years."""

from __future__ import annotations

from datetime import date

import pytest

from detente.articles.dates import (
    Heading,
    find_date,
    heading,
    heading_dates,
    line_date,
    meta_date,
    split_glued_heading,
)


@pytest.mark.parametrize(
    ("line", "value", "precision"),
    [
        ("6/15/22", date(2022, 6, 15), "day"),
        ("15/6/22", date(2022, 6, 15), "day"),
        ("June 15, 2022", date(2022, 6, 15), "day"),
        ("Sept. 3 2021", date(2021, 9, 3), "day"),
        ("3rd March 2023", date(2023, 3, 3), "day"),
        ("20220615", date(2022, 6, 15), "day"),
        ("2022-08-18T10:00:00Z", date(2022, 8, 18), "day"),
        ("July 2023", date(2023, 7, 1), "month"),
        ("Published: June 14, 2022 10:30 AM EDT", date(2022, 6, 14), "day"),
    ],
)
def test_date_lines(line: str, value: date, precision: str) -> None:
    found = line_date(line)
    assert found is not None and found.kind == "published"
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    "line",
    [
        "China-Russia relations July 2023-",
        "Putin to attend Belt and Road Forum Oct. 17-18",
        "June 15, 2022 was the day Xi and Putin spoke by phone for an hour",
        "2/30/22",
        "Trade reached 20220615 units",
    ],
)
def test_lines_that_are_not_date_lines(line: str) -> None:
    assert line_date(line) is None


def test_capture_date_and_relative_age() -> None:
    reference = line_date(" date 2022-08-18 ContributorsPublishersAdvertisers".strip())
    assert reference is not None and reference.kind == "reference"
    assert reference.value == date(2022, 8, 18)
    age = line_date("5 days ago")
    assert age is not None and age.kind == "relative"
    assert age.back_from(date(2022, 8, 18)) == (date(2022, 8, 13), "day")


@pytest.mark.parametrize(
    ("line", "reference", "expected"),
    [
        ("an hour ago", date(2022, 8, 18), (date(2022, 8, 18), "day")),
        ("2 weeks ago", date(2022, 8, 18), (date(2022, 8, 4), "day")),
        ("3 months ago", date(2022, 2, 10), (date(2021, 11, 1), "month")),
        ("1 year ago", date(2022, 8, 18), (date(2021, 8, 1), "year")),
        ("yesterday", date(2022, 3, 1), (date(2022, 2, 28), "day")),
    ],
)
def test_relative_ages(line: str, reference: date, expected: tuple[date, str]) -> None:
    found = line_date(line)
    assert found is not None and found.back_from(reference) == expected


def test_find_date_gives_the_span() -> None:
    text = "Written by // May 16, 2024 // China"
    assert find_date(text) == (date(2024, 5, 16), "day", 14, 26)
    assert find_date("no date here") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-15", (date(2022, 6, 15), "day")),
        ("2022-06", (date(2022, 6, 1), "month")),
        ("2022", (date(2022, 1, 1), "year")),
        ("9-MAR-1987 07:59:05.79", (date(1987, 3, 9), "day")),
        ("Wed, 15 Jun 2022 10:00:00 GMT", (date(2022, 6, 15), "day")),
        ("20220615", (date(2022, 6, 15), "day")),
        ("le 15 juin 2022", (date(2022, 6, 15), "day")),
        ("2022-13-45", None),
        ("whenever", None),
    ],
)
def test_metadata_values(value: str, expected: tuple[date, str] | None) -> None:
    assert meta_date(value) == expected


def test_headings() -> None:
    assert heading("14-16 May") == Heading(14, 5, None)
    assert heading("3 May") == Heading(3, 5, None)
    assert heading("May 3") == Heading(3, 5, None)
    assert heading("24 November 2023") == Heading(24, 11, 2023)
    assert heading("14 people died") is None
    assert heading("China and Russia in May") is None


def test_glued_headings_are_cut_off() -> None:
    line = "according to a report on Friday.4 August"
    assert split_glued_heading(line) == ("according to a report on Friday.", "4 August")
    assert split_glued_heading("He said it rose 4 August") is None
    assert split_glued_heading("4 August") is None


def test_heading_years_drop_when_the_month_rises() -> None:
    months = [(14, 5), (3, 5), (18, 4), (24, 11), (15, 10), (20, 7)]
    found = heading_dates([Heading(d, m, None) for d, m in months], date(2024, 5, 16))
    assert [value.year if value else None for value in found] == [2024] * 3 + [2023] * 3


def test_heading_years_read_oldest_first_lists_from_the_end() -> None:
    months = [(20, 11), (2, 1), (14, 2)]
    found = heading_dates([Heading(d, m, None) for d, m in months], date(2024, 2, 20))
    assert found == [date(2023, 11, 20), date(2024, 1, 2), date(2024, 2, 14)]


def test_heading_with_a_year_resets_the_count() -> None:
    found = heading_dates([Heading(1, 3, 2020), Heading(5, 12, None)], None)
    assert found == [date(2020, 3, 1), date(2019, 12, 5)]


def test_heading_years_without_an_anchor_are_unknown() -> None:
    assert heading_dates([Heading(1, 3, None)], None) == [None]


def test_impossible_heading_day_is_left_empty() -> None:
    assert heading_dates([Heading(30, 2, None)], date(2024, 5, 1)) == [None]
