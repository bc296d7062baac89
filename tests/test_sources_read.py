"""Tests for detente.sources.read: read_one sends each file or URL to the right reader."""

from __future__ import annotations

import gzip
import io
import os
import shutil
from pathlib import Path

import httpx
import pytest
from conftest import FIXTURES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.sources import Document, ReadError, ReadOptions, expand, read_one
from detente.sources import read as read_module
from detente.sources.read import read_url

PUBLIC = "http://93.184.216.34"
"""A public IP literal: the address check needs no DNS for it."""
DEFAULTS = ReadOptions()


def one(source: str | Path, options: ReadOptions = DEFAULTS) -> Document | ReadError:
    """The single item a source yields."""
    (item,) = read_one(str(source), options)
    return item


def reason(source: str | Path, options: ReadOptions = DEFAULTS) -> str:
    """The reason a source cannot be read."""
    item = one(source, options)
    assert isinstance(item, ReadError), item
    assert item.source == str(source)
    return item.reason


def test_each_fixture_kind_is_read() -> None:
    kinds = {}
    for path in expand([str(FIXTURES / "sources")]):
        items = list(read_one(path))
        kinds[Path(path).name] = sum(isinstance(item, Document) for item in items)
    assert kinds == {
        "desk.atom": 1,
        "external.xml": 0,
        "laughs.rss": 0,
        "netscape.rss": 1,
        "note.txt": 1,
        "records.csv": 3,
        "records.jsonl": 3,
        "truncated.html": 1,
        "wire.rss": 2,
    }


def test_missing_folder_and_special_files(tmp_path: Path) -> None:
    assert "no such file" in reason(tmp_path / "nope.txt")
    assert "is a folder" in reason(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in reason(fifo)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")

    def refuse(name: str, mode: str) -> io.BufferedReader:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(read_module, "open", refuse, raising=False)
    assert reason(path) == "cannot open: Permission denied"


def test_empty_binary_and_oversized_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "big.txt").write_text("words " * 100)
    assert "empty" in reason(tmp_path / "empty.txt")
    assert "binary" in reason(tmp_path / "image.html")
    assert "too large" in reason(tmp_path / "big.txt", ReadOptions(max_bytes=100))


def test_odd_file_names(tmp_path: Path) -> None:
    for name in ("with space.txt", "Пекин 北京.txt", "-leading-dash.txt", "--help"):
        (tmp_path / name).write_text("Envoys met at the border.")
        item = one(tmp_path / name)
        assert isinstance(item, Document)
        assert item.content == "Envoys met at the border."


def test_sniffing_without_a_useful_extension(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "sources" / "desk.atom", tmp_path / "desk")
    shutil.copy(FIXTURES / "sources" / "desk.atom", tmp_path / "desk.xml")
    (tmp_path / "page").write_text("<!doctype html><html><body>Hi</body></html>")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>')
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"plain"))
    assert one(tmp_path / "desk").meta["outlet"] == "Example Desk"
    assert one(tmp_path / "desk.xml").meta["outlet"] == "Example Desk"
    assert one(tmp_path / "page").is_html
    assert "neither an RSS/Atom feed" in reason(tmp_path / "sitemap.xml")
    assert "gzip" in reason(tmp_path / "notes.txt.gz")


def test_warc_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "http://a.example/x", "response", payload=io.BytesIO(b"<p>x</p>"), http_headers=headers
        )
        writer.write_record(record)
    item = one(path, ReadOptions(max_bytes=10))
    assert isinstance(item, Document)
    assert item.source_id == "http://a.example/x"


def test_a_100k_character_sentence(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    sentence = "The talks went on " + "and on " * 14_000 + "until dawn."
    path.write_text(sentence)
    item = one(path)
    assert isinstance(item, Document)
    assert item.content == sentence


def test_urls_by_content_type() -> None:
    routes = {
        "/story": httpx.Response(
            200,
            content="<p>Визит.</p>".encode("cp1251"),
            headers={"content-type": "text/html; charset=windows-1251"},
        ),
        "/feed": httpx.Response(
            200,
            content=(FIXTURES / "sources" / "desk.atom").read_bytes(),
            headers={"content-type": "application/octet-stream"},
        ),
    }
    transport = httpx.MockTransport(lambda request: routes[request.url.path])
    (page,) = read_url(PUBLIC + "/story", ReadOptions(), transport)
    assert isinstance(page, Document)
    assert (page.content, page.is_html, page.source) == ("<p>Визит.</p>", True, PUBLIC + "/story")
    assert page.meta["url"] == PUBLIC + "/story"
    (entry,) = read_url(PUBLIC + "/feed", ReadOptions(), transport)
    assert isinstance(entry, Document)
    assert entry.meta["url"] == "https://desk.example.org/communique"


def test_refused_and_unsupported_urls() -> None:
    assert "loopback" in reason("http://127.0.0.1/admin")
    assert "unsupported URL scheme" in reason("ftp://example.org/file.txt")


def test_shared_seeds_are_plain_documents(shared: Path) -> None:
    for path in expand([str(shared / "seeds")]):
        item = one(path)
        assert isinstance(item, Document), item
        assert not item.is_html
        assert len(item.content) > 1000
