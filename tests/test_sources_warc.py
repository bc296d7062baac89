"""Tests for detente.sources.warc: responses become documents; broken records are skipped."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.warc import read_warc

RECORDS = [
    ("http://a.example/ru", "200 OK", "text/html; charset=utf-8", "<p>Визит в Пекин.</p>".encode()),
    ("http://a.example/logo", "200 OK", "image/png", b"\x89PNG\r\n"),
    ("http://a.example/gone", "404 Not Found", "text/html", b"<p>missing</p>"),
    (
        "http://a.example/plain",
        "200 OK",
        "text/plain; charset=windows-1251",
        "Москва.".encode("cp1251"),
    ),
]


def archive(gzipped: bool) -> tuple[bytes, list[int]]:
    """A WARC of RECORDS plus a request record, and where each response record starts."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    asked = StatusAndHeaders("GET /ru HTTP/1.1", [("Host", "a.example")], is_http_request=True)
    request = writer.create_warc_record(
        "http://a.example/ru", "request", payload=io.BytesIO(b""), http_headers=asked
    )
    writer.write_record(request)
    starts = []
    for uri, status, content_type, body in RECORDS:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        starts.append(buffer.tell())
        writer.write_record(record)
    return buffer.getvalue(), starts


@pytest.mark.parametrize("gzipped", [False, True])
def test_html_and_text_200_responses_become_documents(gzipped: bool) -> None:
    data, _ = archive(gzipped)
    page, plain = read_warc("crawl.warc", io.BytesIO(data), ReadOptions())
    assert isinstance(page, Document)
    assert page.is_html
    assert page.content == "<p>Визит в Пекин.</p>"
    assert page.source == "crawl.warc"
    assert page.source_id == "http://a.example/ru"
    assert page.meta["url"] == "http://a.example/ru"
    assert page.meta["fetched"]
    assert "published" not in page.meta
    assert isinstance(plain, Document)
    assert not plain.is_html
    assert plain.content == "Москва."


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_broken_record_is_reported_and_the_rest_are_read(gzipped: bool) -> None:
    data, starts = archive(gzipped)
    damaged = bytearray(data)
    damaged[starts[1] : starts[1] + 8] = b"XXXX/9.9"
    items = list(read_warc("crawl.warc", io.BytesIO(bytes(damaged)), ReadOptions()))
    errors = [item for item in items if isinstance(item, ReadError)]
    documents = [item for item in items if isinstance(item, Document)]
    assert [document.source_id for document in documents] == [
        "http://a.example/ru",
        "http://a.example/plain",
    ]
    (error,) = errors
    assert error.source.startswith("crawl.warc@")
    assert abs(int(error.source.rsplit("@", 1)[1]) - starts[1]) <= 1
    assert "broken WARC record" in error.reason


def test_garbage_between_records_and_a_truncated_end() -> None:
    data, starts = archive(False)
    spliced = data[: starts[2]] + b"junk line\r\n\r\n" + data[starts[2] : starts[3] + 40]
    items = list(read_warc("crawl.warc", io.BytesIO(spliced), ReadOptions()))
    assert isinstance(items[0], Document)
    assert [type(item) for item in items[1:]] == [ReadError, ReadError]


def test_payload_over_the_cap_is_an_error() -> None:
    data, _ = archive(False)
    error, plain = read_warc("crawl.warc", io.BytesIO(data), ReadOptions(max_bytes=20))
    assert isinstance(error, ReadError)
    assert "too large" in error.reason
    assert error.source.startswith("crawl.warc@")
    assert isinstance(plain, Document)
