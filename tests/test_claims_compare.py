"""Claim comparison: measure keys, intervals, running counts by date, inferred periods."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from detente.claims.compare import (
    Figure,
    as_of,
    bounds,
    group_figures,
    is_forecast,
    key_of,
    measure_of,
    parse_settings,
    period_end,
    settings,
    words,
)

XI_PUTIN = ("vladimir_putin", "xi_jinping")


def meetings(ident: str, value: float, published: str, **fields: object) -> Figure:
    """A count of Xi–Putin meetings reported by article `ident`."""
    base = Figure(
        id=ident,
        article_id=ident,
        kind="count",
        value=value,
        unit="times",
        approx=None,
        subject="Xi and Putin",
        period=None,
        published=date.fromisoformat(published),
        people=XI_PUTIN,
        countries=("CHN", "RUS"),
        names=("Xi", "Putin"),
    )
    return replace(base, **fields)


def trade(ident: str, value: float, period: str | None, **fields: object) -> Figure:
    """A China–Russia trade figure in US dollars reported by article `ident`."""
    base = Figure(
        id=ident,
        article_id=ident,
        kind="money",
        value=value,
        unit="USD",
        approx=None,
        subject="trade between China and Russia",
        period=period,
        published=date(2024, 5, 14),
        countries=("CHN", "RUS"),
        names=("China", "Russia"),
    )
    return replace(base, **fields)


def test_words_are_lower_case_and_singular() -> None:
    assert words("Trade volumes of China’s exports") == ["trade", "volume", "of", "china", "export"]


def test_measure_comes_from_the_subject_the_unit_or_the_counted_noun() -> None:
    assert measure_of(trade("a", 1, "2023", subject="bilateral trade volumes")) == "trade"
    assert (
        measure_of(trade("a", 1, "2023", subject="China's imports of Russian crude")) == "imports"
    )
    assert measure_of(meetings("a", 40, "2022-06-14", subject="the two leaders")) == "times"
    own = trade("a", 1, "2023", subject="the budget of Russia", names=("Russia",))
    assert measure_of(own) == "budget"
    ships = trade("a", 11, None, kind="count", unit="ships", subject=None)
    assert measure_of(ships) == "ships"
    assert measure_of(trade("a", 1, None, subject="it")) is None


def test_key_puts_people_before_states_and_scopes_undated_figures_to_their_story() -> None:
    key = key_of(meetings("a", 40, "2022-06-14", period="2012/2022"))
    assert key is not None and key.participants == XI_PUTIN and key.period is None
    dated = key_of(trade("b", 240e9, "2023"))
    assert dated is not None and dated.participants == ("CHN", "RUS") and dated.story is None
    undated = key_of(trade("c", 240e9, None, story_id="story-1"))
    assert undated is not None and undated.period is None and undated.story == "story-1"
    assert key_of(trade("d", 1, None, subject=None)) is None


def test_bounds_follow_approximations_ranges_and_tolerances() -> None:
    tolerance = settings().relative
    low, high = bounds(trade("a", 100.0, "2023"))
    assert low == pytest.approx(100 * (1 - tolerance)) and high == pytest.approx(
        100 * (1 + tolerance)
    )
    assert bounds(meetings("a", 40, "2022-06-14", approx="more than")) == (41, math.inf)
    assert bounds(meetings("a", 40, "2022-06-14", approx="less than")) == (0, 39)
    assert bounds(meetings("a", 43, "2024-05-14", ordinal=True)) == (43, 43)
    assert bounds(trade("a", 15, "2023", kind="percent", unit="percent", upper=20.0)) == (15, 20)
    about = bounds(trade("a", 100.0, "2023", approx="about"))
    assert about[0] < low and about[1] > high
    points = bounds(trade("a", 29, "2022", kind="percent", unit="percent"))
    assert points == pytest.approx((29 - settings().points, 29 + settings().points))


def test_period_end_and_the_date_a_running_count_stands_at() -> None:
    assert period_end("2023") == date(2023, 12, 31)
    assert period_end("2022-01/2022-07") == date(2022, 7, 31)
    assert period_end("2024-02") == date(2024, 2, 29)
    assert period_end("sometime") is None and period_end(None) is None
    assert as_of(meetings("a", 40, "2022-06-14", period="2012/2021")) == date(2021, 12, 31)
    assert as_of(meetings("a", 40, "2022-06-14", period="2012/2022")) == date(2022, 6, 14)


def test_running_count_allows_growth_and_flags_a_fall() -> None:
    figures = [
        meetings("cfr-2022", 40, "2022-06-14", approx="more than", period="2012/2022"),
        meetings("cfr-2024", 42, "2024-03-20", subject="he and Putin"),
        meetings("economist", 43, "2024-05-14", ordinal=True, subject="the two leaders"),
    ]
    [group] = group_figures(figures)
    assert group.running and not group.disagree and len(group.figures) == 3
    fall = meetings("daily-2023", 38, "2023-06-01")
    [group] = group_figures([*figures, fall])
    assert [(c.first, c.second, c.reason) for c in group.conflicts] == [
        ("cfr-2022", "daily-2023", "the running count falls")
    ]
    same_day = meetings("wire", 41, "2024-03-20")
    [group] = group_figures([*figures, same_day])
    assert [c.reason for c in group.conflicts] == ["counts differ on the same day"]


def test_values_of_one_period_disagree_beyond_the_tolerance_only_across_articles() -> None:
    groups = group_figures(
        [
            trade("customs", 240e9, "2023"),
            trade("lavrov", 218e9, "2023"),
            trade("rounded", 238.5e9, "2023"),
            trade("y2022", 190e9, "2022"),
        ]
    )
    first, second = groups
    assert first.disagree and first.key.period == "2023"
    pairs = {(c.first, c.second) for c in first.conflicts}
    assert pairs == {("customs", "lavrov"), ("lavrov", "rounded")}
    assert not second.disagree and second.key.period == "2022"
    one_article = [trade("a", 240e9, "2023"), trade("b", 218e9, "2023", article_id="a")]
    assert not group_figures(one_article)[0].disagree


def test_a_figure_without_period_joins_the_one_dated_group_it_agrees_with() -> None:
    ap = trade("ap", 240e9, None, story_id="story-ap")
    [group] = group_figures([trade("economist", 240e9, "2023"), ap])
    assert group.key.period == "2023" and group.inferred == {"ap"}
    unmatched = trade("odd", 300e9, None, story_id="story-odd")
    groups = group_figures([trade("economist", 240e9, "2023"), unmatched])
    assert {g.key.period for g in groups} == {"2023", None}
    assert not any(g.inferred for g in groups)
    future = trade("early", 240e9, None, published=date(2023, 6, 1), story_id="s")
    assert len(group_figures([trade("economist", 240e9, "2023"), future])) == 2


def test_targets_and_forecasts_are_grouped_apart_from_reports() -> None:
    assert is_forecast("Trade has grown this year and is on course to pass ", ".")
    assert is_forecast("beating a ", " target the two countries had set")
    assert not is_forecast("Trade between China and Russia rose 26 percent to ", " last year")
    target = trade("lantern", 200e9, "2023", forecast=True)
    groups = group_figures([trade("wire", 240e9, "2023"), target])
    assert sorted(g.key.measure for g in groups) == ["trade", "trade (target)"]
    assert not any(g.disagree for g in groups)


def test_settings_errors_name_the_file() -> None:
    with pytest.raises(ValueError, match=r"bad\.toml: not valid TOML"):
        parse_settings("[tolerance", "bad.toml")
    with pytest.raises(ValueError, match=r"bad\.toml: missing or malformed"):
        parse_settings("[tolerance]\nrelative = 0.01\n", "bad.toml")
    text = (
        "[tolerance]\nrelative = -1\npoints = 0\nabout = 0\n[running]\nunits = []\n"
        "[measures]\n[subject]\nignore = []\n[context]\nbefore = 1\nafter = 1\n"
        "[forecast]\nbefore = []\nafter = []\nwords_before = 1\nwords_after = 1\n"
    )
    with pytest.raises(ValueError, match=r"bad\.toml: tolerances, context sizes"):
        parse_settings(text, "bad.toml")
