"""Tests for the event record: its version stamp and which flags keep it out of the index."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from detente.actors.model import Actor
from detente.events.model import CODER_VERSION, Event

CHINA = Actor("China", "CHN", "CHN", None, "China")
RUSSIA = Actor("Russia", "RUS", "RUS", None, "Russia")


def event(**changes: object) -> Event:
    """A plain unflagged event with `changes` applied."""
    plain = Event(
        actors=[CHINA],
        recipients=[RUSSIA],
        cameo="111",
        plover="ACCUSE",
        plover_mode="disapprove",
        goldstein=-2.0,
        quad_class=3,
        score=-2.0,
        negated=False,
        hypothetical=False,
        future=False,
        historical=False,
        reported=False,
        date=date(2023, 8, 5),
        date_precision="day",
        date_basis="publication",
        confidence=0.75,
        sentence="China criticized Russia.",
        start=0,
        end=24,
        trigger="criticized",
        rule="criticize",
    )
    return replace(plain, **changes)


def test_every_event_carries_the_coder_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", CODER_VERSION)
    assert event().coder_version == CODER_VERSION


@pytest.mark.parametrize("flag", ["negated", "hypothetical", "future", "historical", "reported"])
def test_any_flag_keeps_an_event_out_of_the_index(flag: str) -> None:
    assert not event().flagged
    assert event(**{flag: True}).flagged
