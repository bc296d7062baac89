"""The claims package's word lists: number words, scales, currencies, units, approximations and
the words that make a number something other than a claim, read once from data/*.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detente.quotes.lexicon import read_table

_PACKAGE = "detente.claims"


@dataclass(frozen=True, slots=True)
class NumberWord:
    """What a number word is worth and how it combines (see data/number_words.tsv)."""

    value: int
    kind: str


@dataclass(frozen=True, slots=True)
class Unit:
    """The unit a written unit is stored in, the factor to it, and `quantity` or `count`."""

    unit: str
    factor: float
    kind: str


@cache
def number_words() -> dict[str, NumberWord]:
    """Lower-case number word -> its value and kind."""
    return {w: NumberWord(int(v), k) for w, v, k in read_table(_PACKAGE, "number_words", 3)}


@cache
def scales() -> dict[str, tuple[float, bool]]:
    """Lower-case scale form -> (value, whether it is a short form valid only after money)."""
    return {f.lower(): (float(v), s == "yes") for f, v, s in read_table(_PACKAGE, "scales", 3)}


@cache
def currencies(position: str) -> dict[str, str]:
    """Currency form -> ISO code (or word) for forms written `before` or `after` an amount."""
    return {
        f: code for f, code, where in read_table(_PACKAGE, "currencies", 3) if where == position
    }


@cache
def units() -> dict[str, Unit]:
    """Written unit -> the unit it is stored in, its factor and kind."""
    return {
        form: Unit(unit, float(factor), kind)
        for form, unit, factor, kind in read_table(_PACKAGE, "units", 4)
    }


@cache
def approximations() -> dict[str, str]:
    """Lower-case phrase before an amount -> the approximation it stands for."""
    return {phrase.lower(): approx for phrase, approx in read_table(_PACKAGE, "approx", 2)}


@cache
def not_claims(role: str) -> frozenset[str]:
    """Lower-case words of one role (`label`, `street`, `duration`, `age`) in not_claims.tsv."""
    return frozenset(w.lower() for w, r in read_table(_PACKAGE, "not_claims", 2) if r == role)
