"""Scoring extraction against gold, and the accuracies reached on the seeds and the pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.articles.evaluate import load_gold, score_extraction, score_folder
from detente.articles.model import Article

GOLD = FIXTURES / "articles"


def _gold(position: int, title: str, **fields: object) -> dict[str, object]:
    base = {"file": "a.txt", "position": position, "title": title, "outlet": None}
    return {**base, "authors": [], "published": None, "url": None, **fields}


def test_score_counts_fields_split_and_missing_articles() -> None:
    found = [
        Article(
            id="1",
            source="a",
            text="x",
            title="Talks in Riga",
            outlet="AP",
            authors=["Jane Kask"],
            published=date(2024, 3, 2),
            position=0,
        ),
        Article(id="2", source="a", text="y", title="Wrong", position=1),
    ]
    gold = [
        _gold(0, "Talks in Riga", outlet="AP", authors=["Jane Kask"], published="2024-03-02"),
        _gold(1, "Talks in Vilnius", outlet="Reuters"),
        _gold(2, "Never found"),
    ]
    scores = score_extraction([(found, gold)])
    assert scores["documents"] == 1 and scores["gold_articles"] == 3
    assert scores["found_articles"] == 2 and scores["split"] == 0.0
    assert scores["title"] == pytest.approx(1 / 3)
    assert scores["outlet"] == pytest.approx(1 / 3)
    assert scores["authors"] == pytest.approx(2 / 3)
    assert scores["published"] == pytest.approx(2 / 3)


def test_titles_compare_normalised() -> None:
    found = [Article(id="1", source="a", text="x", title="China’s Xi backs Putin")]
    assert score_extraction([(found, [_gold(0, "China's Xi backs Putin")])])["title"] == 1.0


def test_no_pairs_scores_zero() -> None:
    assert score_extraction([])["title"] == 0.0


def test_bad_gold_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a.txt"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:1: gold article lacks authors"):
        load_gold(path)
    path.write_text("\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2: not valid JSON"):
        load_gold(path)


def test_missing_gold_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"file": "gone.txt", "position": 0, "title": null, "outlet": null, '
        '"authors": [], "published": null, "url": null}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"gone\.txt cannot be read"):
        score_folder(tmp_path, path)


def test_accuracy_on_the_written_pages() -> None:
    scores = score_folder(GOLD / "pages", GOLD / "gold_pages.jsonl")
    assert scores["documents"] == 8 and scores["gold_articles"] == 12
    assert scores["split"] == 1.0
    for name in ("title", "outlet", "authors", "published"):
        assert scores[name] == 1.0, name
    assert scores["url"] >= 0.9  # JSON-LD mainEntityOfPage is not read


def test_accuracy_on_the_seeds(shared: Path) -> None:
    scores = score_folder(shared / "seeds", GOLD / "gold_seeds.jsonl")
    assert scores["documents"] == 5 and scores["gold_articles"] == 31
    assert scores["split"] == 1.0
    for name in ("title", "outlet", "authors", "published", "url"):
        assert scores[name] == 1.0, name
