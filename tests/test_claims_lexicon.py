"""The claims word lists read from data files."""

from __future__ import annotations

from detente.claims import lexicon


def test_number_words_and_scales() -> None:
    assert lexicon.number_words()["forty"].value == 40
    assert lexicon.number_words()["second"].kind == "ordinal"
    assert lexicon.scales()["bn"] == (1e9, False)
    assert lexicon.scales()["m"] == (1e6, True)


def test_currencies_by_position() -> None:
    assert lexicon.currencies("before")["S$"] == "SGD"
    assert lexicon.currencies("after")["yuan"] == "CNY"


def test_units_and_approximations() -> None:
    gas = lexicon.units()["cubic metres"]
    assert (gas.unit, gas.factor, gas.kind) == ("bcm", 1e-9, "quantity")
    assert lexicon.units()["occasions"].unit == "times"
    assert lexicon.approximations()["more than"] == "more than"
    assert "street" in lexicon.not_claims("street")
