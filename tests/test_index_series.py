"""The relationship index equals a hand computation on the desk fixture."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fixtures.desk.store import DeskStore, build

from detente.index import index_series
from detente.index.series import bootstrap_band
from detente.index.settings import load_settings


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskStore]:
    built = build(tmp_path_factory.mktemp("desk"))
    yield built
    built.store.close()


def test_monthly_both_ways_matches_hand_computation(desk: DeskStore) -> None:
    series = index_series(desk.store.engine, "CHN-RUS", "month", "both")
    jan, feb = series.points
    # January: the call (two reports, one event), the drills, the quota row; 4 articles dated.
    assert (jan.period, jan.n_events, jan.n_articles) == (date(2024, 1, 1), 3, 4)
    assert jan.per_100_articles == pytest.approx(75.0)
    assert jan.goldstein == pytest.approx((1.0 + 6.0 - 2.0) / 3)
    assert jan.score == pytest.approx((3.0 + 5.0 - 3.0) / 3)
    assert jan.quad_counts == {1: 1, 2: 1, 3: 1, 4: 0}
    assert jan.balance == pytest.approx((2 - 1) / 3)
    assert jan.top[0]["event_key"] == "K-call" and jan.top[0]["n_mentions"] == 2
    # February: only the accusation; the hypothetical expulsion is flagged and left out.
    assert (feb.n_events, feb.n_articles, feb.per_100_articles) == (1, 2, 50.0)
    assert (feb.goldstein, feb.balance, feb.goldstein_band) == (-4.0, -1.0, (-4.0, -4.0))


def test_directed_counts_joint_events_for_both_directions(desk: DeskStore) -> None:
    forward = index_series(desk.store.engine, "CHN-RUS", "month", "directed")
    backward = index_series(desk.store.engine, "RUS-CHN", "month", "directed")
    assert [p.n_events for p in forward.points] == [2, 1]
    assert forward.points[0].goldstein == pytest.approx((1.0 + 6.0) / 2)
    assert [p.n_events for p in backward.points] == [2]
    assert backward.points[0].goldstein == pytest.approx((1.0 - 2.0) / 2)


def test_flagged_events_are_included_on_request(desk: DeskStore) -> None:
    series = index_series(desk.store.engine, "CHN-RUS", "month", include_flagged=True)
    feb = series.points[1]
    assert feb.n_events == 2
    assert feb.goldstein == pytest.approx((-4.0 - 10.0) / 2)
    assert feb.quad_counts == {1: 0, 2: 0, 3: 1, 4: 1}


def test_weekly_periods_start_on_monday_and_fill_gaps(desk: DeskStore) -> None:
    series = index_series(desk.store.engine, "CHN-RUS", "week")
    starts = [p.period for p in series.points]
    assert starts[0] == date(2024, 1, 1) and starts[-1] == date(2024, 2, 5)
    assert len(starts) == 6
    empty = series.points[1]
    assert (empty.n_events, empty.n_articles, empty.per_100_articles, empty.goldstein) == (
        0,
        0,
        None,
        None,
    )
    assert [p.n_articles for p in series.points] == [2, 0, 2, 0, 0, 1]


def test_dates_limit_the_series_and_other_dyads_stay_out(desk: DeskStore) -> None:
    series = index_series(desk.store.engine, "CHN-RUS", "day", date_from=date(2024, 2, 1))
    assert [p.period for p in series.points if p.n_events] == [date(2024, 2, 9)]
    assert index_series(desk.store.engine, "CHN-USA").points == []
    assert [p.goldstein for p in index_series(desk.store.engine, "USA-RUS").points] == [-8.0]


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="freq 'year'"):
        index_series(None, "CHN-RUS", "year")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="direction 'up'"):
        index_series(None, "CHN-RUS", "month", "up")  # type: ignore[arg-type]


def test_bootstrap_band_is_seeded_and_holds_the_mean() -> None:
    settings = load_settings()
    values = [1.0, -3.0, 7.0, 2.0, 2.5]
    band = bootstrap_band(values, date(2024, 1, 1), settings)
    assert band == bootstrap_band(values, date(2024, 1, 1), settings)
    assert band[0] < sum(values) / len(values) < band[1]
    assert band[0] >= min(values) and band[1] <= max(values)


def test_series_record_is_json_ready(desk: DeskStore) -> None:
    record = index_series(desk.store.engine, "CHN-RUS").to_record()
    assert record["points"][0]["period"] == "2024-01-01"
    assert record["points"][0]["quad_counts"]["1"] == 1


def test_spikes_mark_the_dip(desk: DeskStore) -> None:
    jan, feb = index_series(desk.store.engine, "CHN-RUS").points
    assert feb.spike and not jan.spike
