"""Reading a dyad's event mentions and the article volume from the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fixtures.desk.store import DeskStore, build
from sqlalchemy import update

from detente.index.dyads import Dyad
from detente.index.load import article_volume, dyad_mentions
from detente.store.db import writing
from detente.store.schema import events


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskStore]:
    built = build(tmp_path)
    yield built
    built.store.close()


def test_undated_event_takes_its_article_date(desk: DeskStore) -> None:
    with writing(desk.store.engine) as conn:
        conn.execute(update(events).where(events.c.id == desk.events["drills-1"]).values(date=None))
    found = {m.id: m for m in dyad_mentions(desk.store.engine, Dyad("CHN", "RUS"), "both", False)}
    assert found[desk.events["drills-1"]].date == date(2024, 1, 20)
    assert found[desk.events["drills-1"]].event_key == desk.events["drills-1"]
    assert desk.events["dispute-2"] not in found  # hypothetical


def test_flagged_mentions_on_request(desk: DeskStore) -> None:
    found = dyad_mentions(desk.store.engine, Dyad("CHN", "RUS"), "directed", True)
    assert {m.event_key for m in found} == {
        "K-call",
        "K-blogger",
        "K-expel",
        desk.events["drills-1"],
    }


def test_article_volume_by_month(desk: DeskStore) -> None:
    volume = article_volume(desk.store.engine, date(2024, 1, 10), date(2024, 2, 29), "month")
    assert volume == {date(2024, 1, 1): 4, date(2024, 2, 1): 2}
