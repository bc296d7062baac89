"""Tests of the scorer on PETRARCH's unit-test and validation records."""

from __future__ import annotations

import json
from pathlib import Path

from detente.events import unittests


def _write(path: Path, rows: list[dict]) -> Path:
    """A jsonl file of records."""
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _row(ident: str, category: str, evaluate: str | None, events: list[dict]) -> dict:
    """One record in the jsonl layout of the PETRARCH files."""
    return {
        "id": ident, "date": "19950101", "category": category, "evaluate": evaluate,
        "text": "Veldoria praised Quarn.", "events": events,
    }  # fmt: skip


def test_records_follow_the_evaluate_flag(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "r.jsonl",
        [
            _row("A", "DEMO", "true", [{"eventcode": "051", "sourcecode": "VLD"}]),
            _row("B", "DEMO", "false", [{"eventcode": "051"}]),
            _row("C", "ERROR", "true", [{"error": "storydiscard"}]),
        ],
    )
    found = unittests.records(path)
    assert [record.id for record in found] == ["A", "C"]
    assert found[0].sentence.gold == {("VLD", "---", "051")}
    assert found[0].sentence.published.isoformat() == "1995-01-01"
    assert found[1].sentence.gold == set()


def test_records_without_a_flag_follow_the_include_line(tmp_path: Path) -> None:
    rows = [_row("A", "DEMO", None, [{}]), _row("B", "AGENTS", None, [{}])]
    path = _write(tmp_path / "r.jsonl", rows)
    assert len(unittests.records(path)) == 2
    (tmp_path / "r.xml").write_text("<Include>valid DEMO VERB</Include>", encoding="utf-8")
    assert [record.id for record in unittests.records(path)] == ["A"]


def test_compound_codes_give_a_triple_per_code(tmp_path: Path) -> None:
    event = {"eventcode": "042", "sourcecode": "VLD/QRN", "targetcode": "---GOV"}
    path = _write(tmp_path / "r.jsonl", [_row("A", "DEMO", "true", [event])])
    (record,) = unittests.records(path)
    assert record.sentence.gold == {("VLD", "?", "042"), ("QRN", "?", "042")}


def test_scores_on_the_petrarch_records(shared: Path) -> None:
    scores = unittests.score(shared)
    for name, (relative, views) in unittests.RECORDS.items():
        lines = (shared / relative).read_text(encoding="utf-8").splitlines()
        found = unittests.records(shared / relative)
        assert 0 < scores[f"{name}.n_records"] == len(found) <= len(lines)
        categories = {record.category for record in found}
        assert sum(scores[f"{name}.n_{c}"] for c in categories) == len(found)
        assert scores[f"{name}.n_no_event_records"] == sum(not r.sentence.gold for r in found)
        for view in views:
            for measure in ("precision", "recall", "f1"):
                assert 0 <= scores[f"{name}.{view}_{measure}"] <= 1
        assert f"{name}.code_f1" not in scores
        assert scores[f"{name}.pair_f1"] > 0
        assert 0 <= scores[f"{name}.no_event_false_rate"] <= 1
        shares = [scores[f"{name}.pass.{c}"] for c in categories]
        assert all(0 <= share <= 1 for share in shares)
        assert min(shares) <= scores[f"{name}.pass"] <= max(shares)
    # the validation file's records are all flagged; the unit-test file's follow its XML
    assert scores["petr_validate.n_records"] == 264
    assert scores["petr_unit.n_records"] == 281
    assert scores["petr_validate.root_f1"] <= scores["petr_validate.pair_f1"]
