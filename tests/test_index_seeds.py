"""Issue 7's must-show on ../shared/seeds: the CHN–RUS monthly index shows the 2022 call, the
2023 drills and the 2024 summit, and the 2023 blogger dispute as a dip."""

from __future__ import annotations

from datetime import date

import pytest

from detente.index import IndexPoint, index_series
from detente.store.articles import Store

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def months(seeds_db: str) -> dict[date, IndexPoint]:
    """The CHN–RUS index per month (unflagged events, both ways), by the month's first day."""
    with Store.open(seeds_db) as store:
        series = index_series(store.engine, "CHN-RUS", "month")
    return {point.period: point for point in series.points}


def test_the_call_the_drills_and_the_summit_have_events(months: dict[date, IndexPoint]) -> None:
    for month in (date(2022, 6, 1), date(2023, 7, 1), date(2024, 5, 1)):
        assert months[month].n_events > 0, month
    assert any(top["cameo"] == "041" for top in months[date(2022, 6, 1)].top)
    assert any(top["cameo"] == "062" for top in months[date(2023, 7, 1)].top)


def test_the_call_and_the_drills_read_as_cooperation(months: dict[date, IndexPoint]) -> None:
    for month in (date(2022, 6, 1), date(2023, 7, 1), date(2024, 5, 1)):
        point = months[month]
        assert point.goldstein is not None and point.goldstein > 0, month


def test_the_blogger_dispute_of_august_2023_is_a_dip(months: dict[date, IndexPoint]) -> None:
    august = months[date(2023, 8, 1)]
    assert august.goldstein is not None and august.n_events > 0
    scored = sorted(month for month, point in months.items() if point.goldstein is not None)
    at = scored.index(date(2023, 8, 1))
    before, after = months[scored[at - 1]], months[scored[at + 1]]
    assert before.goldstein is not None and after.goldstein is not None
    assert august.goldstein < min(before.goldstein, after.goldstein)
    assert august.quad_counts[3] > 0 and august.balance is not None and august.balance < 0


def test_the_dyad_page_shows_them(seeds_db: str) -> None:
    from fastapi.testclient import TestClient

    from detente.api import create_app

    page = TestClient(create_app(seeds_db)).get("/dyad/CHN-RUS", params={"freq": "month"})
    assert page.status_code == 200 and 'class="point spike"' in page.text
    for month in ("2022-06-01", "2023-07-01", "2023-08-01", "2024-05-01"):
        assert month in page.text, month
    spikes = page.text[page.text.index("Spikes") : page.text.index("Periods")]
    assert "ACCUSE (111)" in spikes  # the blogger dispute, marked as a spike
