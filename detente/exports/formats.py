"""Writers that turn rows into JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "; "
"""How a CSV cell joins a list (authors)."""
PARQUET_BATCH = 1000  # Reuters-21578 export: as fast as 5,000 or 20,000 (0.3 s), smaller groups


def write_jsonl(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> int:
    """Write one JSON object a line, keys in `columns` order; return the number written."""
    count = 0
    for row in rows:
        record = {name: row[name] for name in columns}
        stream.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> int:
    """Write a header and one CSV line per row, lists joined; return the number written."""
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in columns])
        count += 1
    return count


def write_parquet(
    rows: Iterable[dict[str, Any]], schema: pa.Schema, path: Path, batch: int = PARQUET_BATCH
) -> int:
    """Write rows to a Parquet file with a fixed schema, `batch` rows at a time."""
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows, batch):
            writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def csv_cell(value: Any) -> str:
    """A value as CSV text: lists joined, dates ISO, None empty."""
    if value is None:
        return ""
    if isinstance(value, dict) or (
        isinstance(value, list) and any(isinstance(v, dict) for v in value)
    ):
        return json.dumps(value, ensure_ascii=False, default=_json_default)  # actors, evidence
    if isinstance(value, list):
        return LIST_SEPARATOR.join(csv_cell(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _json_default(value: Any) -> str:
    """JSON for what `json` cannot encode itself: dates as ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Consecutive lists of at most `size` rows."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
