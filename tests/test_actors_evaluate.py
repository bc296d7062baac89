"""Scoring the resolver against gold actors: the readers of each gold format and the measures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.actors import evaluate
from detente.actors.resolver import Resolver

GOLD = FIXTURES / "actors" / "evaluate"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The resolver over the packaged dictionaries."""
    return Resolver()


def test_marked_sentences_give_their_source_and_target_spans() -> None:
    (first, second) = list(evaluate.zsp_spans(GOLD / "zsp.tsv"))
    text, spans = first
    assert [(text[s.start : s.end], s.role) for s in spans] == [
        ("Chinese troops", "source"),
        ("Mongolia", "target"),
    ]
    assert "<" not in text and second[0] == "Farmers blocked a road."


def test_bio_tags_give_spans_in_the_space_joined_sentence() -> None:
    found = list(evaluate.conflibert_spans(GOLD / "ner.txt"))
    assert len(found) == 2
    text, spans = found[0]
    assert text == "Turkish police detained two Greek sailors ."
    assert [(text[s.start : s.end], s.role) for s in spans] == [
        ("Turkish police", "source"),
        ("Greek sailors", "target"),
    ]
    assert [s.role for s in found[1][1]] == ["reciprocal", "reciprocal"]


def test_gold_texts_with_an_ellipsis_span_their_parts() -> None:
    text = "Kazakh and Kyrgyz negotiators met again."
    assert evaluate._locate(text, "Kazakh ... negotiators") == (0, 29)
    assert evaluate._locate(text, "Uzbek negotiators") is None


def test_gsr_scores_and_error_counts(resolver: Resolver) -> None:
    scores = evaluate.score_gsr(GOLD / "gsr.json", resolver)
    assert (scores["n_gsr_actors"], scores["n_gsr_located"], scores["n_gsr_unlocated"]) == (6, 5, 1)
    assert scores["gsr_country_accuracy"] == 0.8
    assert scores["gsr_sector_accuracy"] == 0.8
    assert scores["gsr_named_sector_accuracy"] == 0.75
    assert scores["gsr_no_country_errors"] == 1 and scores["gsr_missing_sector_errors"] == 1
    assert scores["gsr_missed_errors"] == scores["gsr_wrong_country_errors"] == 0


def test_span_coverage_and_actors_outside(resolver: Resolver) -> None:
    scores = evaluate.score_spans("zsp", evaluate.zsp_spans(GOLD / "zsp.tsv"), resolver)
    assert scores["n_zsp_spans"] == 4 and scores["zsp_span_coverage"] == 0.75
    assert (scores["zsp_source_coverage"], scores["zsp_target_coverage"]) == (1.0, 0.5)
    assert scores["zsp_actors_outside"] == 0.25


def test_score_reads_every_set_from_the_shared_layout(tmp_path: Path) -> None:
    for source, target in (
        ("gsr.json", evaluate.GSR),
        ("zsp.tsv", evaluate.ZSP),
        ("ner.txt", evaluate.CONFLIBERT),
    ):
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(GOLD / source, tmp_path / target)
    scores = evaluate.score(tmp_path)
    assert scores["conflibert_span_coverage"] == 1.0
    assert {"gsr_country_accuracy", "zsp_actors_outside", "n_conflibert_spans"} <= set(scores)


@pytest.mark.shared
def test_the_real_gold_files_read(shared: Path) -> None:
    assert len(list(evaluate.zsp_spans(shared / evaluate.ZSP))) > 1000
    assert len(list(evaluate.conflibert_spans(shared / evaluate.CONFLIBERT))) > 1000
