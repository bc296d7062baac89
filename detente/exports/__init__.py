"""Exports of the store: the interchange schema as JSON Lines, CSV or Parquet; GDELT, PLOVER."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from detente.exports.formats import FORMATS, write_csv, write_jsonl, write_parquet
from detente.exports.kinds import KINDS
from detente.exports.layouts import LAYOUTS
from detente.store.articles import Store

__all__ = ["FORMATS", "KINDS", "LAYOUTS", "export"]

PLURALS = {f"{kind}s" if not kind.endswith("y") else f"{kind[:-1]}ies": kind for kind in KINDS}
READ_BATCH = 1000  # Reuters-21578 reads back in about 0.2 s with 100, 1,000 or 5,000


def export(store: Store, kind: str, fmt: str, out: Path | None = None) -> int:
    """Write every record of `kind` as `fmt` to `out` (stdout when None); return the count."""
    kind = PLURALS.get(kind, kind)  # "articles" is "article", "stories" is "story"
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}; kinds are: {', '.join(KINDS)}")
    if fmt in LAYOUTS:
        layout = LAYOUTS[fmt]
        if kind != layout.kind:
            raise ValueError(f"format {fmt!r} is for {layout.kind}s only, not {kind} records")
        with _text_output(out) as stream:
            return layout.write(store, stream, READ_BATCH)
    if fmt not in FORMATS:
        known = ", ".join((*FORMATS, *LAYOUTS))
        raise ValueError(f"unknown export format {fmt!r}; formats are: {known}")
    spec = KINDS[kind]
    rows = spec.rows(store, READ_BATCH)
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet export needs an output file (-o FILE), not stdout")
        with _replacing(out) as part:
            return write_parquet(rows, spec.schema, part)
    write = write_jsonl if fmt == "jsonl" else write_csv
    with _text_output(out) as stream:
        return write(rows, spec.schema.names, stream)


@contextmanager
def _text_output(out: Path | None) -> Iterator[TextIO]:
    """A UTF-8 text stream to `out`, written in full or not at all, or to stdout when None."""
    if out is not None:
        with _replacing(out) as part, part.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A temporary path beside `out` that replaces it on success and is removed on failure."""
    if not out.parent.is_dir():
        raise ValueError(f"cannot write {out}: folder {out.parent} does not exist")
    part = out.with_name(f".{out.name}.part")
    try:
        yield part
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
