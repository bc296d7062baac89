"""find_claims over whole articles: a fixture written for these tests, and the seeds."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES
from fixtures.run_on import LONG, SHORT, cpu_seconds, run_on
from spacy.tokens import Doc

from detente.claims import Claim, find_claims
from detente.language import load_nlp


@cache
def _claims(path: Path, published: date | None) -> list[Claim]:
    return find_claims(load_nlp()(path.read_text(encoding="utf-8")), published)


def _claim(path: Path, published: date | None, text: str) -> Claim:
    return next(c for c in _claims(path, published) if c.text == text)


ARTICLE = FIXTURES / "claims" / "article.txt"
FEBRUARY_2024 = date(2024, 2, 1)


def test_fixture_money_with_period_subject_and_source() -> None:
    trade = _claim(ARTICLE, FEBRUARY_2024, "US$4.2-billion")
    assert (trade.kind, trade.value, trade.unit, trade.period) == ("money", 4.2e9, "USD", "2023")
    assert trade.subject == "Trade between Kazakhstan and Uzbekistan"
    assert trade.source_text == "the national statistics office"


def test_fixture_percent_counts_and_quantities() -> None:
    growth = _claim(ARTICLE, FEBRUARY_2024, "18 percent")
    assert (growth.value, growth.period) == (18, "2023-01/2023-09")
    meetings = _claim(ARTICLE, FEBRUARY_2024, "thirty times")
    assert (meetings.value, meetings.unit, meetings.approx) == (30, "times", "more than")
    assert meetings.period == "2016/2024"
    gas = _claim(ARTICLE, FEBRUARY_2024, "12bn cubic metres")
    assert (gas.kind, gas.value, gas.unit) == ("quantity", 12, "bcm")
    assert _claim(ARTICLE, FEBRUARY_2024, "12th time").unit == "times"
    assert _claim(ARTICLE, FEBRUARY_2024, "3,000 workers").approx == "about"


def test_fixture_skips_what_is_not_claimed() -> None:
    texts = {c.text for c in _claims(ARTICLE, FEBRUARY_2024)}
    assert not any(t.startswith(("58", "10", "14", "25", "5", "717", "+7")) for t in texts)


def test_offsets_point_at_the_claim() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.text for c in _claims(ARTICLE, FEBRUARY_2024))


def _seed(shared: Path, prefix: str) -> Path:
    return next((shared / "seeds").glob(f"{prefix}_*.txt"))


@pytest.mark.shared
def test_seed_002_trade_in_2021(shared: Path) -> None:
    trade = _claim(_seed(shared, "002"), date(2022, 6, 15), "US$147 billion")
    assert (trade.value, trade.unit, trade.period) == (147e9, "USD", "2021")
    assert trade.source_text == "Chinese Customs data"
    sgd = _claim(_seed(shared, "002"), date(2022, 6, 15), "S$205 billion")
    assert (sgd.value, sgd.unit) == (205e9, "SGD")
    growth = _claim(_seed(shared, "002"), date(2022, 6, 15), "30 per cent")
    assert (growth.approx, growth.period) == ("more than", "2021")


@pytest.mark.shared
def test_seeds_001_and_003_trade_in_2023(shared: Path) -> None:
    digest = _claim(_seed(shared, "001"), date(2024, 5, 16), "US$240-billion")
    assert (digest.value, digest.unit, digest.period) == (240e9, "USD", "2023")
    assert digest.subject == "bilateral trade between China and Russia"
    wire = _claim(_seed(shared, "003"), date(2024, 5, 16), "$240 billion")
    assert (wire.value, wire.unit, wire.period) == (240e9, "USD", "2023")


@pytest.mark.shared
def test_seed_004_growth_in_2022(shared: Path) -> None:
    growth = _claim(_seed(shared, "004"), date(2022, 8, 18), "29 percent")
    assert (growth.kind, growth.value, growth.period) == ("percent", 29, "2022-01/2022-07")
    assert growth.subject == "trade between Russia and China"
    assert "Global Times" in (growth.source_text or "")


@pytest.mark.shared
def test_seed_counts_of_meetings_and_ships(shared: Path) -> None:
    digest = _seed(shared, "001")
    meetings = _claim(digest, date(2024, 5, 16), "43rd time")
    assert (meetings.kind, meetings.value, meetings.unit) == ("count", 43, "times")
    occasions = _claim(digest, date(2024, 5, 16), "forty-two different occasions")
    assert (occasions.value, occasions.unit) == (42, "times")
    assert _claim(digest, date(2024, 5, 16), "eleven ships").value == 11
    forty = _claim(_seed(shared, "000"), date(2022, 6, 14), "forty times")
    assert (forty.value, forty.approx, forty.period) == (40, "more than", "2012/2022")
    gas = _claim(digest, date(2024, 5, 16), "180bn cubic metres")
    assert (gas.value, gas.unit) == (180, "bcm")


@pytest.mark.shared
def test_seed_junk_numbers_are_not_claims(shared: Path) -> None:
    texts = {c.text for c in _claims(_seed(shared, "004"), date(2022, 8, 18))}
    assert not any(t.startswith(("69", "174", "2022", "30")) for t in texts)
    digest = {c.text for c in _claims(_seed(shared, "001"), date(2024, 5, 16))}
    assert not digest & {"10", "16th", "14-16", "2024", "75th", "2022"}
    assert not any(t.startswith("10-") for t in digest)


def test_a_run_on_sentence_ten_times_longer_takes_about_ten_times_as_long() -> None:
    def find(doc: Doc) -> list[Claim]:
        return find_claims(doc, FEBRUARY_2024)

    short, long = run_on(SHORT), run_on(LONG)
    assert len(find(long)) >= 9 * len(find(short)) > 0
    ratio = cpu_seconds(find, long, 2) / cpu_seconds(find, short, 5)
    assert ratio < 40  # linear: 10-12 measured; reading the whole sentence per figure: 130
