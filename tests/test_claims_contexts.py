"""Numbers that are not claims, and the reason given."""

from __future__ import annotations

import pytest

from detente.claims.contexts import not_a_claim
from detente.claims.numbers import find_numbers
from detente.claims.units import measure
from detente.language import load_nlp


def _reason(text: str, written: str) -> str | None:
    doc = load_nlp()(text)
    number = next(n for n in find_numbers(text) if text[n.start : n.end] == written)
    measured = measure(text, number)
    return not_a_claim(doc, number, measured.kind if measured else None)


@pytest.mark.parametrize(
    ("text", "written", "reason"),
    [
        ("They met in 2021 in Moscow.", "2021", "year"),
        ("Putin arrives on May 16th in Beijing.", "16th", "date"),
        ("The talks ran from 14-16 May.", "14-16", "date"),
        ("The call was dated 20220615 in the file.", "20220615", "date"),
        ("He spoke at 10 a.m. sharp.", "10", "time"),
        ("The 69-year-old Russian president slept.", "69", "age"),
        ("Scott Dayton, 42, of Woodbridge died.", "42", "age"),
        ("The war entered day 174 on Tuesday.", "174", "label"),
        ("Resolution 2231 was adopted.", "2231", "label"),
        ("They met at 25 Abay Avenue on Friday.", "25", "address"),
        ("Call +7 717 270 1234 today.", "717", "phone"),
        ("He proposed a 10-point formula for peace.", "10", "property"),
        ("Nord Stream 2 was never used.", "2", "name"),
        ("It was his fifth term as president.", "fifth", "ordinal"),
        ("They met for the first time.", "first", "ordinal"),
        ("The two leaders shook hands.", "two", "group"),
        ("It is a partnership between two countries that trust each other.", "two", "group"),
        ("The war has lasted two years.", "two", "duration"),
        ("They believe in one China.", "one", "group"),
    ],
)
def test_not_claims(text: str, written: str, reason: str) -> None:
    assert _reason(text, written) == reason


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Trade reached US$240-billion in 2023.", "240-billion"),
        ("Exports rose by 29 percent.", "29"),
        ("The flotilla included eleven ships.", "eleven"),
        ("The leaders met for the 43rd time.", "43rd"),
        ("Two Chinese bombers flew over the sea.", "Two"),
    ],
)
def test_claims_pass(text: str, written: str) -> None:
    assert _reason(text, written) is None
