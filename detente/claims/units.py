"""What a number measures by the marks around it: a currency ("US$", "S$", "yuan"), a percent
sign or word ("29 percent", "30 per cent"), or a unit ("180bn cubic metres", "7km")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detente.claims.lexicon import Unit, currencies, units
from detente.claims.numbers import Number

_PERCENT = re.compile(
    r"(?:\s?%|\s+(?:percent|per\s+cent|pct)\b|\s+(?P<points>percentage\s+points?)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Measure:
    """A number with what it is counted in, and the span of the whole amount."""

    kind: str
    """`money`, `percent`, `quantity` or `count`."""
    unit: str
    value: float
    upper: float | None
    start: int
    end: int


def measure(text: str, number: Number) -> Measure | None:
    """The money, percentage or quantity `number` is, or None for a bare number."""
    before = _currency_before(text, number.start)
    after = _currency_after(text, number.end, number.vague)
    value, upper = number.value, number.upper
    if before is not None or after is not None:
        code = (before or after or ("", 0))[0]
        start = number.start - before[1] if before else number.start
        end = number.end + after[1] if after else number.end
        return Measure("money", code, value, upper, start, end)
    if number.short_scale:
        value, upper = number.value / number.factor, _unscaled(number)
        number = Number(value, number.start, number.end - 1, upper=upper)
    percent = _PERCENT.match(text, number.end)
    if percent is not None:
        unit = "percentage points" if percent.group("points") else "percent"
        return Measure("percent", unit, value, upper, number.start, percent.end())
    found = _unit_after(text, number.end)
    if found is not None:
        unit, length = found
        scaled_upper = None if upper is None else _rounded(upper * unit.factor)
        stored = _rounded(value * unit.factor)
        return Measure(
            unit.kind, unit.unit, stored, scaled_upper, number.start, number.end + length
        )
    return None


def _rounded(value: float) -> float:
    """`value` to 12 significant digits, so 150e6 m3 is 0.15 bcm and not 0.15000000000000002."""
    return float(f"{value:.12g}")


def _unscaled(number: Number) -> float | None:
    """The top of a range with a short scale read as a unit instead."""
    return None if number.upper is None else number.upper / number.factor


@cache
def _sorted(position: str) -> list[tuple[str, str]]:
    """Currency forms of one position, longest first."""
    return sorted(currencies(position).items(), key=lambda item: len(item[0]), reverse=True)


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    """The currency written just before an amount, and how many characters it takes."""
    head = text[max(0, start - 8) : start]
    for form, code in _sorted("before"):
        for written in (form, form + " "):
            if head.endswith(written):
                begin = start - len(written)
                if begin == 0 or not text[begin - 1].isalpha():
                    return code, len(written)
    return None


def _currency_after(text: str, end: int, vague: bool) -> tuple[str, int] | None:
    """The currency written just after an amount ("5 billion yuan", and for a vague amount
    "millions of dollars"), and how many characters it takes."""
    match = _currency_after_pattern(vague).match(text[end : end + 30])
    if match is None:
        return None
    return currencies("after")[match["form"]], match.end()


@cache
def _currency_after_pattern(vague: bool) -> re.Pattern[str]:
    """Any currency form after an amount, longest first (after "of" for a vague amount)."""
    alternatives = "|".join(re.escape(form) for form, _ in _sorted("after"))
    of = r"\s+of" if vague else ""
    return re.compile(rf"{of}\s+(?P<form>{alternatives})\b")


@cache
def _unit_pattern() -> re.Pattern[str]:
    """Any unit form, glued to the number or after one space, longest first."""
    forms = sorted(units(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\s?(?P<unit>{alternatives})(?![\w°])")


def _unit_after(text: str, end: int) -> tuple[Unit, int] | None:
    """The unit written just after an amount, and how many characters it takes."""
    match = _unit_pattern().match(text, end)
    if match is None:
        return None
    return units()[match.group("unit")], match.end() - end
