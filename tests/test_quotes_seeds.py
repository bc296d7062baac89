"""Quotes on ../shared/seeds: the leaders and the analysts, each with the right speaker."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from detente.store.articles import Store
from detente.store.schema import quotes

# speaker, as the resolver names them -> words of one quote of theirs in the seeds
SAID = {
    "Xi Jinping": "stands ready",
    "Vladimir Putin": "no limits",
    "Susan A. Thornton": "natural alliance",
    "Alexander Korolev": "long-term trend",
    "Hoo Tiang Boon": "despite what is happening",
    "Ian Bremmer": "more strategic",
}


@pytest.fixture(scope="module")
def said(seeds_db: str) -> list[tuple[str, str | None, str]]:
    """(speaker name, speaker country, text) of every quote stored from the seeds."""
    with Store.open(seeds_db) as store, store.engine.connect() as conn:
        rows = conn.execute(select(quotes.c.speaker, quotes.c.text)).all()
    return [
        ((speaker or {}).get("name") or "", (speaker or {}).get("country"), text)
        for speaker, text in rows
    ]


@pytest.mark.parametrize("speaker", sorted(SAID))
def test_each_speaker_is_credited_with_their_words(
    said: list[tuple[str, str | None, str]], speaker: str
) -> None:
    theirs = [text for name, _, text in said if name == speaker]
    assert theirs, f"no quote credited to {speaker}"
    assert any(SAID[speaker] in text for text in theirs), theirs


def test_leaders_carry_their_country(said: list[tuple[str, str | None, str]]) -> None:
    countries = {name: country for name, country, _ in said}
    assert countries["Xi Jinping"] == "CHN" and countries["Vladimir Putin"] == "RUS"
    assert countries["Alexander Korolev"] == "AUS" and countries["Hoo Tiang Boon"] == "SGP"


def test_no_quote_is_credited_to_a_garbled_speaker(
    said: list[tuple[str, str | None, str]],
) -> None:
    assert not [name for name, _, _ in said if name.startswith("I ")]
