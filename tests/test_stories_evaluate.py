"""Tests for detente.stories.evaluate: ECB+ reading, B-cubed, and the scores on ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.stories.evaluate import bcubed, documents, labels, score


def test_bcubed_of_a_known_clustering() -> None:
    precision, recall, f1 = bcubed([0, 0, 0, 1], ["a", "a", "b", "b"])
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert recall == pytest.approx((1 + 1 + 1 / 2 + 1 / 2) / 4)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert bcubed([0, 1], ["a", "b"]) == (1.0, 1.0, 1.0)


def test_labels_number_the_clusters() -> None:
    assert labels([[2, 0], [1]], 3) == [0, 1, 0]


def test_documents_read_topic_and_subevent_from_folder_names(tmp_path: Path) -> None:
    for folder, name in (("3ecb", "3_1ecb"), ("3ecbplus", "3_1ecbplus"), ("notes", "x")):
        (tmp_path / folder).mkdir()
        record = {"title": "A title.", "text": f"Text of {name}."}
        (tmp_path / folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "3ecb" / "annotation").mkdir()
    found, topics, subevents = documents(tmp_path)
    assert [a.id for a in found] == ["3_1ecb", "3_1ecbplus"]
    assert (topics, subevents) == (["3", "3"], ["3ecb", "3ecbplus"])
    assert found[0].title == "A title." and found[0].published is None


def test_a_broken_document_is_named(tmp_path: Path) -> None:
    (tmp_path / "5ecb").mkdir()
    (tmp_path / "5ecb" / "5_1ecb.json").write_text('{"title": "no text"}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"5_1ecb\.json: not an ECB"):
        documents(tmp_path)


def test_missing_data_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="ECB\\+ not found"):
        score(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no ECB\\+ documents"):
        documents(tmp_path / "empty")


@pytest.mark.shared
def test_ecbplus_scores(shared: Path) -> None:
    scores = score(shared)
    assert (scores["n_documents"], scores["n_topics"], scores["n_subevents"]) == (496, 21, 42)
    assert scores["subevent.bcubed_f1"] >= 0.92  # the target; plain TF-IDF scores 0.87
    assert scores["topic.bcubed_f1"] >= 0.97  # the target, by grouping the stories
    assert scores["topic.n_clusters"] < scores["subevent.n_clusters"]
    assert scores["subevent.ari"] >= 0.9
