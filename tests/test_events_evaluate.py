"""Tests for the coder's evaluation: metrics, CAMEO triples, gold conventions, the scores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_events_model import event as plain

from detente.actors.model import Actor
from detente.events import evaluate, unittests
from detente.events.evaluate import UNPLACED, classes, convention, matched, triples, typed
from detente.events.model import Event

CHINA = Actor("China", "CHNGOV", "CHN", "GOV", "Beijing")
RUSSIA = Actor("Russia", "RUS", "RUS", None, "Russia")
JAPAN = Actor("Japan", "JPN", "JPN", None, "Japan")


def event(cameo: str, plover: str, actors: list[Actor], recipients: list[Actor]) -> Event:
    """An unflagged event with these codes and parties."""
    return plain(cameo=cameo, plover=plover, actors=actors, recipients=recipients, quad_class=1)


def test_per_class_and_macro_f1() -> None:
    scores = classes([("A", "A"), ("A", "B"), ("B", "B"), ("C", "NONE")], ["A", "B", "C"])
    assert scores["f1.A"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["f1.B"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["f1.C"] == 0.0
    assert scores["macro_f1"] == pytest.approx(4 / 9, abs=1e-4)


def test_type_accuracy_counts_only_coded_sentences() -> None:
    results = [("ACCUSE", ["ACCUSE"]), ("AGREE", ["CONSULT", "AGREE"]), ("AID", [])]
    scores = typed("set", results)
    assert scores["set.n_sentences"] == 3
    assert scores["set.coverage"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["set.type_accuracy"] == 0.5
    assert scores["set.sentence_f1"] == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3), abs=1e-4)


def test_triples_expand_joint_events_and_turn_hosting_back() -> None:
    meeting = event("040", "CONSULT", [CHINA, RUSSIA], [])
    assert triples(meeting) == {("CHN", "RUS", "040"), ("RUS", "CHN", "040")}
    criticism = event("111", "ACCUSE", [CHINA], [RUSSIA, JAPAN])
    assert triples(criticism) == {("CHN", "RUS", "111"), ("CHN", "JPN", "111")}
    alone = event("130", "THREATEN", [RUSSIA], [])
    assert triples(alone) == {("RUS", "---", "130")}
    hosted = event("043", "CONSULT", [RUSSIA], [CHINA])  # the visitor first, as PLOVER has it
    assert triples(hosted) == {("CHN", "RUS", "043")}


def test_announced_future_actions_become_intents_or_threats() -> None:
    visit = replace(event("042", "CONSULT", [RUSSIA], [CHINA]), future=True)
    announced = convention(visit)
    assert (announced.cameo, announced.plover, announced.future) == ("036", "AGREE", False)
    attack = replace(event("190", "ASSAULT", [RUSSIA], [JAPAN]), future=True, quad_class=4)
    assert convention(attack).plover == "THREATEN"
    past = event("042", "CONSULT", [RUSSIA], [CHINA])
    assert convention(past) is past


def test_score_gathers_every_part(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("plover_gsr", "zsp", "petr2", "conflibert"):
        monkeypatch.setattr(evaluate, name, lambda shared, name=name: {f"{name}.ran": 1})
    monkeypatch.setattr(unittests, "score", lambda shared: {"petr_unit.ran": 1})
    assert evaluate.score(tmp_path) == {
        "plover_gsr.ran": 1,
        "zsp.ran": 1,
        "petr2.ran": 1,
        "conflibert.ran": 1,
        "petr_unit.ran": 1,
    }


@pytest.mark.shared
def test_petrarch_gold_triples_are_scored(shared: Path) -> None:
    scores = evaluate.petr2(shared)
    assert scores["petr2.n_sentences"] == 77
    assert scores["petr2.n_no_event_sentences"] == 12
    assert 0 <= scores["petr2.no_event_false"] <= 12
    for view in ("code", "root", "quad"):
        assert 0 < scores[f"petr2.{view}_f1"] <= 1
    assert scores["petr2.code_f1"] <= scores["petr2.root_f1"] <= scores["petr2.quad_f1"]


def test_a_joint_event_matches_the_gold_in_either_direction_once() -> None:
    meeting = event("040", "CONSULT", [CHINA, RUSSIA], [])
    root = lambda code: code[:2]  # noqa: E731
    assert matched({("CHN", "RUS", "040")}, [meeting], root) == (1, 1)
    assert matched({("CHN", "RUS", "040"), ("RUS", "CHN", "040")}, [meeting], root) == (2, 2)
    assert matched({("CHN", "JPN", "040")}, [meeting], root) == (0, 1)


def test_an_unplaced_gold_actor_matches_any_country_once() -> None:
    criticism = event("111", "ACCUSE", [CHINA], [RUSSIA])
    full = lambda code: code  # noqa: E731
    assert matched({(UNPLACED, "RUS", "111")}, [criticism], full) == (1, 1)
    assert matched({(UNPLACED, "JPN", "111")}, [criticism], full) == (0, 1)
    gold = {("CHN", "RUS", "111"), (UNPLACED, "RUS", "111")}
    assert matched(gold, [criticism], full) == (1, 1)


def test_only_dyadic_events_make_cameo_triples() -> None:
    assert evaluate.dyadic(event("040", "CONSULT", [CHINA, RUSSIA], []))
    assert evaluate.dyadic(event("111", "ACCUSE", [CHINA], [RUSSIA]))
    assert not evaluate.dyadic(event("111", "ACCUSE", [CHINA], []))
    assert not evaluate.dyadic(event("111", "ACCUSE", [], [RUSSIA]))
    rebels = Actor("rebels", "---REB", None, "REB", "rebels")
    assert not evaluate.dyadic(event("181", "ASSAULT", [rebels], [replace(rebels, code="---")]))
    assert evaluate.dyadic(event("181", "ASSAULT", [rebels], [RUSSIA]))
