"""Tests for detente.exports.export: every format end to end, stdout, and clear refusals."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from store_fixtures import DESIGN_ARTICLE_KEYS, make_article

from detente.exports import KINDS, export
from detente.exports.kinds import ARTICLE_SCHEMA, Kind, Row
from detente.store.articles import Store


@pytest.fixture
def filled(store: Store) -> Store:
    """A store with two articles, one fully described and one bare."""
    store.add_articles(
        [
            make_article(
                "Xi and Putin met in Moscow.",
                source="digest.txt",
                title="Summit",
                outlet="Агентство",
                authors=["Li Wei", "Olga Ivanova"],
                url="https://example.org/1",
                published=date(2023, 3, 21),
                published_precision="day",
                published_basis="heading",
            ),
            make_article("A bare item.", source="digest.txt", position=1),
        ]
    )
    return store


def _has_design_keys(record: dict[str, object]) -> bool:
    return set(DESIGN_ARTICLE_KEYS) <= set(record)


def test_jsonl_export_has_the_design_keys(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    assert export(filled, "article", "jsonl", out) == 2
    first, second = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert _has_design_keys(first)
    assert first["authors"] == ["Li Wei", "Olga Ivanova"]
    assert first["published"] == "2023-03-21"
    assert first["outlet"] == "Агентство"
    assert (second["published"], second["source_id"], second["story_id"]) == (None, None, None)


def test_csv_export_has_the_design_keys(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    assert export(filled, "article", "csv", out) == 2
    with out.open(encoding="utf-8", newline="") as stream:
        first, second = csv.DictReader(stream)
    assert _has_design_keys(first)
    assert first["authors"] == "Li Wei; Olga Ivanova"
    assert second["published"] == ""


def test_parquet_export_reads_back_with_the_fixed_schema(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "articles.parquet"
    assert export(filled, "article", "parquet", out) == 2
    table = pq.read_table(out)
    assert table.schema == ARTICLE_SCHEMA
    first, second = table.to_pylist()
    assert _has_design_keys(first)
    assert first["published"] == date(2023, 3, 21)
    assert second["authors"] == []


def test_jsonl_goes_to_stdout_without_a_file(
    filled: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(filled, "article", "jsonl", None) == 2
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["text"] for line in lines] == [
        "Xi and Putin met in Moscow.",
        "A bare item.",
    ]


def test_parquet_refuses_stdout(filled: Store) -> None:
    with pytest.raises(ValueError, match="needs an output file"):
        export(filled, "article", "parquet", None)


def test_unknown_kind_and_format_list_the_valid_ones(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="kinds are: article"):
        export(filled, "speech", "jsonl", tmp_path / "x")
    with pytest.raises(ValueError, match="formats are: jsonl, csv, parquet"):
        export(filled, "article", "xlsx", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_a_missing_folder_is_named(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        export(filled, "article", "csv", tmp_path / "no" / "articles.csv")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_a_failed_export_leaves_the_old_file_alone(
    filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def broken(store: Store, batch: int) -> Iterator[Row]:
        yield {name: None for name in ARTICLE_SCHEMA.names}
        raise RuntimeError("lost the database")

    monkeypatch.setitem(KINDS, "article", Kind("article", ARTICLE_SCHEMA, broken))
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"articles.{fmt}"
    out.write_text("previous export")
    with pytest.raises(RuntimeError, match="lost the database"):
        export(filled, "article", fmt, out)
    assert out.read_text() == "previous export"
    assert [p.name for p in out.parent.iterdir()] == [out.name]
