"""Grouping quotes by speaker and claims by what they measure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fixtures.desk.store import DeskStore, build

from detente.api.params import Filters
from detente.dashboard.views import (
    claim_groups,
    deduplicated,
    quotes_by_speaker,
    speaker_name,
    timeline,
)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskStore]:
    built = build(tmp_path_factory.mktemp("views"))
    yield built
    built.store.close()


def test_speaker_name_prefers_the_resolved_actor() -> None:
    assert speaker_name({"speaker": {"name": "China"}, "speaker_text": "Xi"}) == "China"
    assert speaker_name({"speaker": None, "speaker_text": "an aide"}) == "an aide"
    assert speaker_name({"speaker": None, "speaker_text": None}) == "unknown speaker"


def test_groups(desk: DeskStore) -> None:
    with desk.store.engine.connect() as conn:
        speakers = [name for name, _ in quotes_by_speaker(conn, Filters())]
        groups = claim_groups(conn, Filters())
        stories = timeline(conn, Filters(include_flagged=False))
    assert speakers == ["China", "one analyst"]
    assert len(groups) == 1 and groups[0]["disagree"] and len(groups[0]["claims"]) == 2
    dispute = next(s for s in stories if s["id"] == "story-dispute")
    assert [e["plover"] for e in dispute["events"]] == ["ACCUSE"]


def test_timeline_lists_each_happening_once_with_its_reports() -> None:
    mentions = [
        {"id": "a", "event_key": "call", "plover": "CONSULT"},
        {"id": "b", "event_key": "call", "plover": "CONSULT"},
        {"id": "c", "event_key": None, "plover": "ACCUSE"},
    ]
    found = deduplicated(mentions)
    assert [(e["id"], e["n_reports"]) for e in found] == [("a", 2), ("c", 1)]
