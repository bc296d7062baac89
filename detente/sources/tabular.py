"""Record files (JSON Lines, JSON arrays, CSV/TSV): one document per record."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources

from detente.sources.base import Document, ReadError
from detente.sources.encoding import decode

_DELIMITERS = ",;\t|"
_TOO_DEEP = "not a record: JSON nested too deeply to read"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL and lone surrogates: JSON escapes (\\u0000, \\ud800) let them in, no database stores them."""


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """data/fields.toml: each document field and the record names it is read from."""
    text = resources.files(__package__).joinpath("data/fields.toml").read_text()
    return {field: tuple(names) for field, names in tomllib.loads(text).items()}


def read_jsonl(source: str, data: bytes) -> Iterator[Document | ReadError]:
    """One document per JSON object line; a bad line is reported as `file:line`."""
    decoded = decode(data, source)
    if isinstance(decoded, ReadError):
        yield decoded
        return
    yield from _jsonl_lines(source, decoded.text)


def read_json(source: str, data: bytes) -> Iterator[Document | ReadError]:
    """A JSON array of records (`file[i]`), a single record, or JSON Lines under a .json name."""
    decoded = decode(data, source)
    if isinstance(decoded, ReadError):
        yield decoded
        return
    try:
        value = json.loads(decoded.text)
    except json.JSONDecodeError:
        yield from _jsonl_lines(source, decoded.text)
        return
    except RecursionError:
        yield ReadError(source, _TOO_DEEP)
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield record_document(source, item, f"{source}[{index}]")
    else:
        yield record_document(source, value, source)


def _jsonl_lines(source: str, text: str) -> Iterator[Document | ReadError]:
    """Documents from the lines of decoded JSON Lines text, skipping blank lines."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(where, f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            yield ReadError(where, _TOO_DEEP)
            continue
        yield record_document(source, value, where)


def read_csv(source: str, data: bytes, max_bytes: int) -> Iterator[Document | ReadError]:
    """One document per CSV/TSV row, fields found by header name; a bad row is `file:line`."""
    decoded = decode(data, source)
    if isinstance(decoded, ReadError):
        yield decoded
        return
    header = decoded.text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=header.count)
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""), delimiter=delimiter, strict=True)
    columns = [name.strip().lower() for name in reader.fieldnames or ()]
    if not any(name in columns for name in _aliases()["text"]):
        named = ", ".join(columns) or "nothing"
        yield ReadError(source, f"no text column (the header names {named})")
        return
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield ReadError(f"{source}:{first_line}", f"malformed CSV row ({error})")
            continue
        yield record_document(source, row, f"{source}:{reader.line_num}")


class _FieldError(ValueError):
    """A record field of the wrong type."""


def record_document(source: str, record: object, where: str) -> Document | ReadError:
    """The document one JSON/CSV record makes, or why it makes none (reported as `where`)."""
    if not isinstance(record, Mapping):
        return ReadError(where, f"a record must be a JSON object, not {type(record).__name__}")
    fields = {str(key).strip().lower(): value for key, value in record.items() if key is not None}
    values: dict[str, str | list[str] | None] = {}
    for name, aliases in _aliases().items():
        raw = next((fields[alias] for alias in aliases if _given(fields.get(alias))), None)
        try:
            values[name] = _names(raw) if name == "authors" else _scalar(raw)
        except _FieldError as error:
            return ReadError(where, f"field {name!r} {error}")
    text = values.pop("text")
    if not text:
        return ReadError(where, "no text: the record has no non-empty 'text' field")
    record_id = values.pop("id")
    return Document(
        source=source,
        content=str(text),
        source_id=str(record_id) if record_id else None,
        meta={key: value for key, value in values.items() if value},
    )


def _given(value: object) -> bool:
    """Whether a record value holds something (not missing, null or a blank string)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def _scalar(value: object) -> str | None:
    """A record value as a stripped string (numbers too), None when empty."""
    if value is None:
        return None
    if isinstance(value, str | int | float):
        return storable(str(value)).strip() or None
    raise _FieldError(f"must be a string, not {type(value).__name__}")


def _names(value: object) -> list[str] | None:
    """Authors from a list of names or from one string of names separated by semicolons."""
    if isinstance(value, str):
        value = value.split(";")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise _FieldError("must be a list of names or a string")
    names = [storable(name).strip() for name in value]
    return [name for name in names if name] or None


def storable(text: str) -> str:
    """Text with NUL dropped and lone surrogates made U+FFFD, so every store can hold it."""
    return _UNSTORABLE.sub(lambda found: "" if found.group() == "\x00" else "\ufffd", text)
