"""Tests for detente.exports.formats: JSON Lines, CSV and Parquet writers on plain rows."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from detente.exports.formats import csv_cell, write_csv, write_jsonl, write_parquet

SCHEMA = pa.schema([("id", pa.string()), ("names", pa.list_(pa.string())), ("day", pa.date32())])
ROWS = [
    {"day": date(2022, 2, 4), "id": "a", "names": ["Си Цзиньпин", "Путин"]},
    {"day": None, "id": "b", "names": []},
]


def test_jsonl_writes_one_object_a_line_in_column_order() -> None:
    out = io.StringIO()
    assert write_jsonl(ROWS, SCHEMA.names, out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == '{"id": "a", "names": ["Си Цзиньпин", "Путин"], "day": "2022-02-04"}'
    assert json.loads(lines[1]) == {"id": "b", "names": [], "day": None}


def test_csv_writes_a_header_and_joins_lists() -> None:
    out = io.StringIO()
    assert write_csv(ROWS, SCHEMA.names, out) == 2
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert table == [
        ["id", "names", "day"],
        ["a", "Си Цзиньпин; Путин", "2022-02-04"],
        ["b", "", ""],
    ]


def test_csv_keeps_newlines_and_quotes_inside_a_cell() -> None:
    out = io.StringIO()
    write_csv([{"id": 'said "no"\nthen left', "names": [], "day": None}], SCHEMA.names, out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][0] == 'said "no"\nthen left'


def test_parquet_round_trips_in_small_batches(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    rows = [{"id": str(n), "names": ["x"] * n, "day": date(2024, 1, 1 + n)} for n in range(5)]
    assert write_parquet(rows, SCHEMA, path, batch=2) == 5
    table = pq.read_table(path)
    assert table.schema == SCHEMA
    assert table.to_pylist() == rows
    assert pq.ParquetFile(path).metadata.num_row_groups == 3


def test_parquet_with_no_rows_still_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], SCHEMA, path) == 0
    assert pq.read_table(path).schema == SCHEMA


def test_csv_cell_spells_values_as_text() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(["a", "b"]) == "a; b"
    assert csv_cell(date(2023, 12, 31)) == "2023-12-31"
    assert csv_cell(7) == "7"
