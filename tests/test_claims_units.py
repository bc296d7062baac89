"""Currencies, percentages and units around a number."""

from __future__ import annotations

import pytest

from detente.claims.numbers import find_numbers
from detente.claims.units import measure


def _measure(text: str) -> tuple[str, str, float, str]:
    measured = measure(text, find_numbers(text)[0])
    assert measured is not None
    return measured.kind, measured.unit, measured.value, text[measured.start : measured.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US$240-billion", ("money", "USD", 240e9, "US$240-billion")),
        ("S$205 billion", ("money", "SGD", 205e9, "S$205 billion")),
        ("$147 billion", ("money", "USD", 147e9, "$147 billion")),
        ("two Jordanian dinars", ("money", "JOD", 2, "two Jordanian dinars")),
        ("9 billion euros", ("money", "EUR", 9e9, "9 billion euros")),
        ("millions of dollars", ("money", "USD", 1e6, "millions of dollars")),
        ("29 percent", ("percent", "percent", 29, "29 percent")),
        ("30 per cent", ("percent", "percent", 30, "30 per cent")),
        ("2.4%", ("percent", "percent", 2.4, "2.4%")),
        ("180bn cubic metres", ("quantity", "bcm", 180, "180bn cubic metres")),
        ("7km away", ("quantity", "km", 7, "7km")),
        ("spaced 50m apart", ("quantity", "m", 50, "50m")),
        ("the 43rd time", ("count", "times", 43, "43rd time")),
    ],
)
def test_measures(text: str, expected: tuple[str, str, float, str]) -> None:
    assert _measure(text) == expected


def test_bare_number_has_no_measure() -> None:
    assert measure("eleven ships", find_numbers("eleven ships")[0]) is None


def test_range_keeps_its_top() -> None:
    measured = measure("15 to 20 percent", find_numbers("15 to 20 percent")[0])
    assert measured is not None and (measured.value, measured.upper) == (15, 20)
