"""Reading one file or URL: pick the reader for its kind and hand back what it yields."""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.feeds import read_feed
from detente.sources.html import read_html
from detente.sources.kinds import SNIFF_BYTES, kind_of_name, kind_of_type, resolve
from detente.sources.tabular import read_csv, read_json, read_jsonl
from detente.sources.text import read_text
from detente.sources.warc import read_warc
from detente.sources.web import fetch, is_url

_DEFAULT_OPTIONS = ReadOptions()
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def read_one(
    source: str, options: ReadOptions = _DEFAULT_OPTIONS
) -> Iterator[Document | ReadError]:
    """Every document in one file or URL, or the reasons it could not be read."""
    if is_url(source):
        yield from read_url(source, options)
    elif _OTHER_SCHEME.match(source):
        yield ReadError(source, "unsupported URL scheme: only http:// and https:// are fetched")
    else:
        yield from read_file(source, options)


def read_url(
    url: str, options: ReadOptions, transport: httpx.BaseTransport | None = None
) -> Iterator[Document | ReadError]:
    """Every document at an http(s) URL; `transport` replaces the network in tests."""
    fetched = fetch(url, options, transport)
    if isinstance(fetched, ReadError):
        yield fetched
        return
    hint = kind_of_type(fetched.content_type) or kind_of_name(urlsplit(fetched.url).path)
    kind = resolve(hint, fetched.body[:SNIFF_BYTES])
    for item in read_content(url, kind, fetched.body, options, fetched.charset, transport):
        if isinstance(item, Document) and kind in ("html", "text"):
            item.meta["url"] = fetched.url
        yield item


def read_file(path: str, options: ReadOptions) -> Iterator[Document | ReadError]:
    """Every document in one file, or why it could not be read (a WARC's cap is per record)."""
    problem = _unreadable(path)
    if problem is not None:
        yield ReadError(path, problem)
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - a WARC is read while documents are yielded
    except OSError as error:
        yield ReadError(path, f"cannot open: {error.strerror or error}")
        return
    with handle:
        try:
            head = handle.read(SNIFF_BYTES)
            kind = resolve(kind_of_name(path), head)
            size = os.fstat(handle.fileno()).st_size
            whole = kind != "warc" and size <= options.max_bytes
            data = head + handle.read(options.max_bytes + 1 - len(head)) if whole else head
        except OSError as error:
            yield ReadError(path, f"cannot read: {error.strerror or error}")
            return
        if kind == "warc":
            handle.seek(0)
            yield from read_warc(path, handle, options)
        elif max(size, len(data)) > options.max_bytes:
            yield ReadError(path, _too_big(max(size, len(data)), options))
        else:
            yield from read_content(path, kind, data, options)


def _unreadable(path: str) -> str | None:
    """Why `path` cannot be read as a file (missing, a folder, not a regular file), or None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as error:
        return f"cannot open: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as error:
            return f"cannot list this folder: {error.strerror or error}"
        return "is a folder: pass it through expand() to read the files in it"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device)"
    return None


def _too_big(size: int, options: ReadOptions) -> str:
    """The reason given for a file over the size cap."""
    return f"too large: {size} bytes is over the limit of {options.max_bytes} bytes (max_bytes)"


def read_content(
    source: str,
    kind: str,
    data: bytes,
    options: ReadOptions,
    declared: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Document | ReadError]:
    """The documents in bytes already read from `source`, by the reader for `kind`."""
    if kind == "text":
        yield read_text(source, data, declared)
    elif kind == "html":
        yield read_html(source, data, declared)
    elif kind == "jsonl":
        yield from read_jsonl(source, data)
    elif kind == "json":
        yield from read_json(source, data)
    elif kind == "csv":
        yield from read_csv(source, data, options.max_bytes)
    elif kind == "feed":
        yield from read_feed(source, data, options, transport)
    elif kind == "warc":
        yield from read_warc(source, io.BytesIO(data), options)
    elif kind == "gzip":
        yield ReadError(source, "gzip-compressed: only .warc.gz is read compressed; unpack it")
    else:
        yield ReadError(source, "XML that is neither an RSS/Atom feed nor an XHTML page")
