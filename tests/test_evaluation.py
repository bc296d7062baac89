"""The evaluation record and its gate: every recorded score holds or rises."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import evaluation

REPO = Path(__file__).resolve().parent.parent
RECORD = REPO / "EVAL.json"


def test_regressions_respect_direction() -> None:
    recorded = {"f1": 0.8, "false_event_rate": 0.1, "n_sentences": 50}
    assert evaluation.regressions(recorded, {"f1": 0.81, "false_event_rate": 0.05}) == []
    worse = evaluation.regressions(recorded, {"f1": 0.79, "false_event_rate": 0.2})
    assert len(worse) == 2
    assert evaluation.regressions(recorded, {"false_event_rate": 0.1}) == [
        "f1: recorded 0.8, now missing"
    ]


def test_record_keeps_other_stages(tmp_path: Path) -> None:
    path = tmp_path / "EVAL.json"
    evaluation.record(path, "a", {"x": 1.0})
    evaluation.record(path, "b", {"y": 2.0})
    evaluation.record(path, "a", {"x": 3.0})
    assert evaluation.load_record(path) == {"a": {"x": 3.0}, "b": {"y": 2.0}}


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="articles"):
        evaluation.run("nonsense", Path("."))


@pytest.mark.parametrize("stage", sorted(evaluation.load_record(RECORD)))
def test_scores_hold_their_recorded_gate(stage: str, shared: Path) -> None:
    scores = evaluation.run(stage, shared)
    assert evaluation.regressions(evaluation.load_record(RECORD)[stage], scores) == []
