"""The server-drawn index chart: positions, gaps, spikes and links."""

from __future__ import annotations

from datetime import date

from detente.dashboard.chart import HEIGHT, build_chart, y_of
from detente.index import IndexPoint, IndexSeries


def point(day: int, n: int, goldstein: float | None, spike: bool = False) -> IndexPoint:
    band = (goldstein - 1, goldstein + 1) if goldstein is not None else None
    top = [{"id": f"e{day}", "title": "A very long headline " * 4}] if n else []
    return IndexPoint(
        date(2024, 1, day), n, 10, n * 10.0, goldstein, band, goldstein, band,
        {1: n, 2: 0, 3: 0, 4: 0}, 1.0 if n else None, spike, top,
    )  # fmt: skip


def test_y_axis_runs_from_plus_ten_at_top_to_minus_ten() -> None:
    assert y_of(10) < y_of(0) < y_of(-10) < HEIGHT


def test_gaps_split_the_line_and_spikes_link_to_their_top_event() -> None:
    series = IndexSeries(
        "CHN-RUS", "both", "day", False,
        [point(1, 2, 3.0), point(2, 0, None), point(3, 1, -5.0, spike=True), point(4, 1, -4.0)],
    )  # fmt: skip
    chart = build_chart(series)
    assert chart.line.count("M") == 2 and len(chart.band) == 2
    assert [m.href for m in chart.markers] == ["/events/e1", "/events/e3", "/events/e4"]
    spike = chart.markers[1]
    assert spike.spike and spike.label and spike.label.endswith("…") and spike.y == y_of(-5.0)
    assert len(chart.bars) == 3


def test_empty_series_draws_axes_only() -> None:
    chart = build_chart(IndexSeries("CHN-RUS", "both", "month", False, []))
    assert chart.markers == [] and chart.line == "" and len(chart.ticks) == 5
