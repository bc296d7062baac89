"""HTML pages: main text and metadata by trafilatura and htmldate."""

from __future__ import annotations

from datetime import date

from conftest import FIXTURES

from detente.articles.dates import Dated
from detente.articles.htmlpage import read_page

PAGES = FIXTURES / "articles" / "pages"


def test_meta_tags_page() -> None:
    page = read_page((PAGES / "meta_tags.html").read_text(encoding="utf-8"))
    assert page is not None
    assert page.title == "Kazakhstan and Uzbekistan agree joint water commission"
    assert page.authors == ["Dana Okafor"]
    assert page.published == Dated(date(2023, 3, 4), "day", "metadata")
    assert page.sitename == "The Harbour Ledger"
    assert (
        page.url
        == "https://harbourledger.example/world/2023/kazakhstan-uzbekistan-water-commission"
    )
    assert "joint commission on the waters of the Syr Darya" in page.text
    for junk in ("Finally some good news", "Cotton harvest falls short", "All rights reserved"):
        assert junk not in page.text


def test_json_ld_authors_and_publisher() -> None:
    page = read_page((PAGES / "json_ld.html").read_text(encoding="utf-8"))
    assert page is not None
    assert page.authors == ["Batbayar Tseren", "Irina Volkova"]
    assert page.sitename == "Steppe Observer"
    assert page.published is not None and page.published.value == date(2022, 9, 15)
    assert "Herders count losses" not in page.text


def test_text_keeps_line_breaks_between_blocks() -> None:
    page = read_page((PAGES / "timeline_digest.html").read_text(encoding="utf-8"))
    assert page is not None
    assert "\n14 February\n" in page.text


def test_url_given_by_the_caller_is_kept_when_the_page_has_none() -> None:
    html = (PAGES / "no_metadata.html").read_text(encoding="utf-8")
    page = read_page(html, url="https://example.org/pass")
    assert page is not None and page.url == "https://example.org/pass"
    assert page.published is None


def test_page_without_main_text() -> None:
    assert read_page("<html><head><title>Empty</title></head><body> </body></html>") is None
