"""Figures on ../shared/seeds: China–Russia trade by year, and its growth in 2022."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from detente.store.articles import Store
from detente.store.schema import claims

BILLION = 1_000_000_000


@pytest.fixture(scope="module")
def figures(seeds_db: str) -> list[dict[str, object]]:
    """Every claim stored from the seeds, as a mapping of its columns."""
    with Store.open(seeds_db) as store, store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(select(claims)).mappings()]


def _trade(figures: list[dict[str, object]], unit: str) -> dict[str | None, set[float]]:
    """Trade figures in `unit` by the period they cover."""
    found: dict[str | None, set[float]] = {}
    for claim in figures:
        if claim["unit"] == unit and "trade" in str(claim["subject"] or "").lower():
            found.setdefault(claim["period"], set()).add(float(claim["value"]))  # type: ignore[arg-type]
    return found


def test_trade_in_2021_and_2023_with_their_periods(figures: list[dict[str, object]]) -> None:
    trade = _trade(figures, "USD")
    assert 147 * BILLION in trade.get("2021", set())
    assert 240 * BILLION in trade.get("2023", set())


def test_growth_of_29_percent_in_2022(figures: list[dict[str, object]]) -> None:
    growth = [
        claim
        for claim in figures
        if claim["unit"] == "percent" and claim["value"] == 29 and "trade" in str(claim["subject"])
    ]
    assert growth and all(str(claim["period"]).startswith("2022") for claim in growth)


def test_money_carries_its_currency(figures: list[dict[str, object]]) -> None:
    singapore = [claim for claim in figures if claim["unit"] == "SGD"]
    assert [claim["value"] for claim in singapore] == [205 * BILLION]
