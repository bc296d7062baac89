"""WARC archives: one document per HTML or text response, reading on past broken records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.html import read_html
from detente.sources.kinds import kind_of_type
from detente.sources.text import read_text

SCAN_CHUNK = 1 << 20
"""Bytes read at a time while looking for the next record after a broken one."""
MESSAGE_CHARS = 160
"""Longest warcio message quoted in a ReadError (they can quote a whole binary first line)."""
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = b"WARC/1."


def read_warc(
    source: str, stream: BinaryIO, options: ReadOptions
) -> Iterator[Document | ReadError]:
    """Documents from the HTTP 200 HTML/text responses in a seekable WARC (.warc or .warc.gz)."""
    gzipped = stream.read(2) == _GZIP_MEMBER[:2]
    start: int | None = 0
    while start is not None:
        stream.seek(start)
        start = yield from _records_from(source, stream, options, gzipped)


def _records_from(
    source: str, stream: BinaryIO, options: ReadOptions, gzipped: bool
) -> Iterator[Document | ReadError]:
    """Read records until the end (returns None) or a broken one (returns where to resume)."""
    records = ArchiveIterator(stream)
    while True:
        offset = records.offset
        try:
            record = next(records)
            document = _document(source, f"{source}@{offset}", record, options)
            records.read_to_end()
        except StopIteration:
            return None
        except Exception as error:  # warcio raises all sorts (even AttributeError) on damage
            yield ReadError(f"{source}@{offset}", f"broken WARC record ({_brief(error)})")
            return _next_record_start(stream, offset + 1, gzipped)
        if document is not None:
            yield document


def _document(
    source: str, where: str, record: ArcWarcRecord, options: ReadOptions
) -> Document | ReadError | None:
    """The document in a record, or None when it is not an HTTP 200 HTML or text response."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    kind = kind_of_type(content_type)
    if kind not in ("html", "text"):
        return None
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        limit = options.max_bytes
        return ReadError(where, f"too large: the payload is over the limit of {limit} bytes")
    reader = read_html if kind == "html" else read_text
    document = reader(where, body, _charset(content_type))
    if isinstance(document, Document):
        uri = record.rec_headers.get_header("WARC-Target-URI")
        document.source = source
        document.source_id = uri
        document.meta = {"url": uri, "fetched": record.rec_headers.get_header("WARC-Date")}
    return document


def _brief(error: Exception) -> str:
    """An error message fit for one line: printable characters, spaces collapsed, cut short."""
    text = "".join(char if char.isprintable() else " " for char in str(error))
    return " ".join(text.split())[:MESSAGE_CHARS] or type(error).__name__


def _charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _next_record_start(stream: BinaryIO, position: int, gzipped: bool) -> int | None:
    """The offset of the next record header (or gzip member) at or after `position`."""
    marker = _GZIP_MEMBER if gzipped else _WARC_HEADER
    stream.seek(position)
    carry = b""
    base = position
    while chunk := stream.read(SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return base - len(carry) + found
        carry = window[-(len(marker) - 1) :]
        base += len(chunk)
    return None
