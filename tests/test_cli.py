"""The command line: ingest, export and eval as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente import __version__
from detente.cli import app

runner = CliRunner()
ARTICLE_KEYS = {
    "id", "source", "source_id", "title", "outlet", "authors", "url", "published",
    "published_precision", "text", "story_id",
}  # fmt: skip


def write_inputs(folder: Path) -> None:
    """Two made-up articles, one as text and one as a JSONL record."""
    folder.mkdir()
    (folder / "call.txt").write_text(
        "Leaders hold a phone call\nBy Ana Ruiz, Harbour Ledger\nMarch 3, 2023\n\n"
        "The two presidents spoke by phone on Friday about grain exports and shipping.\n",
        encoding="utf-8",
    )
    (folder / "wire.jsonl").write_text(
        json.dumps(
            {
                "id": "w-1",
                "title": "Ministers meet",
                "outlet": "Wire",
                "published": "2023-03-04",
                "text": "The foreign ministers met in Astana on Saturday.",
            }
        )
        + "\n",
        encoding="utf-8",
    )


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_ingest_then_export_jsonl_has_the_schema_keys(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "articles added" in result.output
    out = tmp_path / "articles.jsonl"
    result = runner.invoke(app, ["export", "articles", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    assert all(set(row) >= ARTICLE_KEYS for row in rows)
    record = next(row for row in rows if row["source_id"] == "w-1")
    assert (record["outlet"], record["published"]) == ("Wire", "2023-03-04")


def test_ingest_exits_2_naming_the_bad_input(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    (tmp_path / "in" / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2
    assert "broken.jsonl:1" in result.output


def test_export_rejects_unknown_kind_and_format(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["export", "widgets", "--db", db])
    assert result.exit_code == 2 and "unknown export kind" in result.output
    result = runner.invoke(app, ["export", "articles", "--format", "xls", "--db", db])
    assert result.exit_code == 2 and "unknown export format" in result.output


def test_eval_rejects_unknown_stage() -> None:
    result = runner.invoke(app, ["eval", "nonsense"])
    assert result.exit_code == 2 and "unknown stage" in result.output


def test_ingest_rejects_an_invalid_actor_file_naming_its_line(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in")
    bad = tmp_path / "people.tsv"
    bad.write_text(
        "person\tnames\tcountry\trole\tsector\tstart\tend\tleader\tnotes\n"
        "ana_ruiz\tAna Ruiz\tXXQ\tpresident\t\t2020-01-01\t\t\t\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "t.db"), "--actors", str(bad)]
    )
    assert result.exit_code == 2
    assert "people.tsv" in result.output and "2" in result.output
