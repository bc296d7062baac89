"""Periods read against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from detente.claims.periods import find_periods, nearest, nearest_period

MAY_2024 = date(2024, 5, 16)


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("Last year, trade reached a record.", MAY_2024, "2023"),
        ("trade volumes last year hitting", date(2022, 6, 15), "2021"),
        ("during the first seven months of 2022", None, "2022-01/2022-07"),
        ("in the first half of this year", MAY_2024, "2024-01/2024-06"),
        ("in the third quarter of 2023", None, "2023-07/2023-09"),
        ("in 2021 it sold more", None, "2021"),
        ("In March last year they met", MAY_2024, "2023-03"),
        ("between 2018 and 2023", None, "2018/2023"),
        ("more than forty times since 2012", date(2022, 6, 14), "2012/2022"),
        ("last month", MAY_2024, "2024-04"),
    ],
)
def test_periods(text: str, published: date | None, period: str) -> None:
    assert [p.value for p in find_periods(text, published)] == [period]


def test_relative_words_need_a_publication_date() -> None:
    assert find_periods("Last year, trade grew.", None) == []


def test_a_basis_of_comparison_is_not_the_period() -> None:
    text = "with volumes last year hitting $147 billion, up 30 per cent on 2019."
    assert [p.value for p in find_periods(text, date(2022, 6, 15))] == ["2021"]


def test_nearest_period_to_the_figure() -> None:
    text = "In 2019 exports fell, but in 2021 they rose 12 percent."
    start = text.index("12")
    assert nearest_period(text, start, start + 10, None) == "2021"


def test_nearest_is_the_closest_on_either_side_and_the_earlier_on_a_tie() -> None:
    text = "in 2019 and in 2020 some 40 ships sold, and after a long while in 2021 and in 2022."
    periods = find_periods(text, None)
    assert [p.value for p in periods] == ["2019", "2020", "2021", "2022"]
    figure = text.index("40")
    assert nearest(periods, figure, figure + 8) == "2020"
    inside = periods[2].start + 1
    assert nearest(periods, inside, inside + 2) == "2021"
    tie = periods[1].end + (periods[2].start - periods[1].end) // 2
    assert nearest(periods, tie, tie + (periods[2].start - periods[1].end) % 2) == "2020"
    assert nearest([], 0, 1) is None


def test_more_specific_forms_win_wherever_they_overlap() -> None:
    text = "in 2019 and during the first half of 2020, since 2018, in 2021. " * 50
    values = [p.value for p in find_periods(text, MAY_2024)]
    assert values == ["2019", "2020-01/2020-06", "2018/2024", "2021"] * 50
