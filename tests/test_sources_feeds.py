"""Tests for detente.sources.feeds: entries become documents; entity tricks are refused."""

from __future__ import annotations

import time

import httpx
import pytest
from conftest import FIXTURES

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.feeds import feed_outlet, read_feed, unsafe_xml

# allow_private skips DNS, so that linked pages come from the mock transport with no network.
FETCHING = ReadOptions(fetch_links=True, allow_private=True)


def feed(name: str) -> tuple[str, bytes]:
    """A feed fixture's path and bytes."""
    path = FIXTURES / "sources" / name
    return str(path), path.read_bytes()


def test_rss_entries_with_content_summary_and_neither() -> None:
    source, data = feed("wire.rss")
    full, summary, error = read_feed(source, data, ReadOptions())
    assert isinstance(full, Document)
    assert full.is_html
    assert "rail freight" in full.content
    assert "<script>" not in full.content
    assert full.source == source
    assert full.source_id == "wire-0001"
    assert full.meta == {
        "title": "Foreign ministers meet in Astana",
        "url": "https://wire.example.org/2024/05/astana-meeting",
        "published": "2024-05-14T23:30:00-05:00",
        "authors": ["Ana Petrova"],
        "outlet": "Example Wire",
    }
    assert isinstance(summary, Document)
    assert summary.content == "Customs data show <b>bilateral trade</b> grew in April."
    assert summary.source_id == "https://wire.example.org/2024/05/trade-figures"
    assert summary.meta["authors"] == ["Li Wei"]
    assert isinstance(error, ReadError)
    assert error.source == f"{source} entry 3"


def test_atom_entry() -> None:
    source, data = feed("desk.atom")
    (entry,) = read_feed(source, data, ReadOptions())
    assert isinstance(entry, Document)
    assert entry.source_id == "urn:example:desk:42"
    assert entry.meta["published"] == "2024-05-16T09:15:00+03:00"
    assert entry.meta["authors"] == ["Sergei Orlov", "Mei Lin"]
    assert entry.meta["outlet"] == "Example Desk"


def test_billion_laughs_is_refused_fast() -> None:
    source, data = feed("laughs.rss")
    started = time.perf_counter()
    (error,) = read_feed(source, data, ReadOptions())
    assert time.perf_counter() - started < 1
    assert isinstance(error, ReadError)
    assert error.reason.startswith("refused")


def test_external_entity_is_refused() -> None:
    source, data = feed("external.xml")
    (error,) = read_feed(source, data, ReadOptions())
    assert isinstance(error, ReadError)
    assert "entities" in error.reason
    assert "root:" not in error.reason


def test_public_doctype_without_entities_is_read() -> None:
    source, data = feed("netscape.rss")
    (entry,) = read_feed(source, data, ReadOptions())
    assert isinstance(entry, Document)
    assert entry.meta["outlet"] == "Old Style"


def test_entities_in_malformed_xml_are_still_refused() -> None:
    data = b'<!DOCTYPE rss [<!ENTITY x "y">]><rss><channel><item><title>&x;</broken>'
    assert unsafe_xml(data) is not None
    assert unsafe_xml(b"<rss><channel></broken>") is None


def test_not_a_feed() -> None:
    (error,) = read_feed("x.rss", b"<html><body>hello</body></html>", ReadOptions())
    assert isinstance(error, ReadError)
    assert "no feed entries" in error.reason


def test_summary_only_entries_fetch_their_page_when_asked() -> None:
    requested: list[str] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.path.endswith("trade-figures"):
            page = "<html><body><p>Полный текст статьи.</p></body></html>"
            return httpx.Response(
                200,
                content=page.encode("cp1251"),
                headers={"content-type": "text/html; charset=windows-1251"},
            )
        return httpx.Response(404)

    source, data = feed("wire.rss")
    items = list(read_feed(source, data, FETCHING, httpx.MockTransport(serve)))
    full, page, missing, no_text = items
    assert isinstance(full, Document)
    assert isinstance(page, Document)
    assert page.content == "<html><body><p>Полный текст статьи.</p></body></html>"
    assert page.source == source
    assert page.source_id == "https://wire.example.org/2024/05/trade-figures"
    assert page.meta["title"] == "Trade figures released"
    assert page.meta["url"] == "https://wire.example.org/2024/05/trade-figures"
    assert isinstance(missing, ReadError)
    assert "404" in missing.reason
    assert isinstance(no_text, ReadError)
    assert len(requested) == 2


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Continental Wire: China and Russia", "Continental Wire"),
        ("BBC News - World", "BBC News"),
        ("Steppe Review — Eurasia", "Steppe Review"),
        ("Al-Monitor", "Al-Monitor"),
        ("", None),
    ],
)
def test_feed_outlet_drops_the_section(title: str, outlet: str | None) -> None:
    assert feed_outlet(title) == outlet
