"""Numbers read to values: digits, scales, words, ordinals, vague amounts, ranges."""

from __future__ import annotations

import pytest

from detente.claims.numbers import find_numbers


def _read(text: str) -> list[tuple[str, float]]:
    return [(text[n.start : n.end], n.value) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a record US$240-billion.", [("240-billion", 240e9)]),
        ("hitting US$147 billion", [("147 billion", 147e9)]),
        ("the 180bn cubic metres", [("180bn", 180e9)]),
        ("2.5 million people", [("2.5 million", 2.5e6)]),
        ("forty-two different occasions", [("forty-two", 42)]),
        ("eleven ships", [("eleven", 11)]),
        ("two dozen leaders", [("two dozen", 24)]),
        ("one hundred and fifty troops", [("one hundred and fifty", 150)]),
        ("a hundred delegations", [("a hundred", 100)]),
        ("exactly 6,602 people", [("6,602", 6602)]),
    ],
)
def test_values(text: str, expected: list[tuple[str, float]]) -> None:
    assert _read(text) == expected


def test_ordinals_are_marked() -> None:
    (digits,) = find_numbers("for the 43rd time")
    (words,) = find_numbers("the forty-second meeting")
    assert digits.ordinal and digits.value == 43
    assert words.ordinal and words.value == 42


def test_names_with_numbers_are_not_numbers() -> None:
    assert find_numbers("COVID-19 hit H-6 and TU-95 crews before the G20") == []


def test_slashed_and_clock_numbers_are_not_read() -> None:
    assert find_numbers("on 6/15/22 at 10:30") == []


def test_ranges_join_and_carry_the_scale_down() -> None:
    (span,) = find_numbers("between $3 to 5 billion")
    assert (span.value, span.upper) == (3e9, 5e9)
    (words,) = find_numbers("3,000 to 5,000 militants")
    assert (words.value, words.upper) == (3000, 5000)


def test_vague_amounts() -> None:
    (vague,) = find_numbers("tens of thousands of people")
    assert vague.vague and vague.value == 10000


def test_minus_sign() -> None:
    (cold,) = find_numbers("chilled to -160°C")
    assert cold.value == -160


def test_short_scale_is_flagged() -> None:
    (short,) = find_numbers("a $5m reward")
    assert short.short_scale and short.value == 5e6
