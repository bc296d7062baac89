"""Tests for detente.sources.kinds: choosing a reader by name, media type or first bytes."""

from __future__ import annotations

import gzip

import pytest

from detente.sources.kinds import kind_of_name, kind_of_type, resolve, sniff


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("notes.txt", "text"),
        ("README.TXT", "text"),
        ("page.HTM", "html"),
        ("dump.ndjson", "jsonl"),
        ("table.tsv", "csv"),
        ("crawl.warc.gz", "warc"),
        ("news.atom", "feed"),
        ("sitemap.xml", "xml"),
        ("archive.tar.gz", None),
        ("no_extension", None),
    ],
)
def test_kind_of_name(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind


def test_kind_of_type_ignores_parameters_and_case() -> None:
    assert kind_of_type("Text/HTML; charset=windows-1251") == "html"
    assert kind_of_type("application/rss+xml") == "feed"
    assert kind_of_type("application/octet-stream") is None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'<?xml version="1.0"?>\n<!-- note -->\n<rss version="2.0">', "feed"),
        (b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"<div>fragment</div>", "html"),
        (b'<?xml version="1.0"?><urlset>', "xml"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b'{"text": "x"}\n', "jsonl"),
        (b'[{"text": "x"}]', "json"),
        (b"Plain words.", None),
    ],
)
def test_sniff(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_sniff_looks_inside_gzip() -> None:
    assert sniff(gzip.compress(b"WARC/1.0\r\n")) == "warc"
    assert sniff(gzip.compress(b"just text")) == "gzip"
    assert sniff(b"\x1f\x8b not really gzip") == "gzip"


def test_resolve_trusts_definite_hints_and_sniffs_the_rest() -> None:
    assert resolve("text", b"<rss>") == "text"
    assert resolve("xml", b"<rss>") == "feed"
    assert resolve("xml", b'<?xml version="1.0"?><urlset>') == "xml"
    assert resolve(None, b"<html>") == "html"
    assert resolve(None, b"Plain words.") == "text"
