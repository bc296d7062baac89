"""The re3d scorer, on a tiny CoNLL file written by the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.claims import evaluate

ROWS = [
    ("The", "O"),
    ("fund", "O"),
    ("received", "O"),
    ("$", "B-Money"),
    ("5", "I-Money"),
    ("million", "I-Money"),
    ("and", "O"),
    ("6", "B-Quantity"),
    (",", "I-Quantity"),
    ("602", "I-Quantity"),
    ("tents", "O"),
    (".", "O"),
]


def _corpus(root: Path) -> Path:
    folder = root / "eval" / "re3d"
    folder.mkdir(parents=True)
    body = "\r\n".join(f"{token}\t{label}" for token, label in ROWS) + "\r\n\r\n"
    for name in ("train.txt", "dev.txt", "test.txt"):
        (folder / name).write_text(body, encoding="utf-8")
    return root


def test_tokens_are_rebuilt_as_written(tmp_path: Path) -> None:
    (sentence,) = evaluate.read_conll(_corpus(tmp_path) / "eval" / "re3d" / "dev.txt")
    assert sentence.text == "The fund received $5 million and 6,602 tents."
    assert [sentence.text[a:b] for _, a, b in sentence.spans] == ["$5 million", "6,602"]


def test_score_matches_by_overlap(tmp_path: Path) -> None:
    scores = evaluate.score(_corpus(tmp_path))
    assert scores["n_sentences"] == 3
    assert (scores["money_precision"], scores["money_recall"]) == (1.0, 1.0)
    assert (scores["quantity_precision"], scores["quantity_recall"]) == (1.0, 1.0)


def test_malformed_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("token-without-label\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:1"):
        evaluate.read_conll(path)
