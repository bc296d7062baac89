"""extract(): documents in, articles out; the five seeds are the acceptance test."""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.articles import ExtractError, extract
from detente.articles.ids import article_id
from detente.articles.model import Article
from detente.sources.base import Document

BODY = "Officials from Chile and Argentina met in Santiago on Tuesday to discuss the border pass."
PAGES = FIXTURES / "articles" / "pages"


def _seed(shared: Path, prefix: str) -> list[Article]:
    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    return extract(Document(source=str(path), content=path.read_text(encoding="utf-8")))


def test_seed_000_clipping_digest(shared: Path) -> None:
    articles = _seed(shared, "000")
    assert [(a.outlet, a.authors, a.published, a.published_precision) for a in articles] == [
        ("Newsweek", ["John Feng"], date(2022, 6, 15), "day"),
        ("POLITICO", ["Stuart Lau"], date(2022, 6, 15), "day"),
        ("Council on Foreign Relations", ["Lindsay Maizland"], date(2022, 6, 14), "day"),
    ]
    assert articles[1].title == "China’s Xi gives most direct backing to Putin since invasion"
    assert (
        articles[2].url
        == "https://www.cfr.org/backgrounder/china-russia-relationship-xi-putin-taiwan-ukraine"
    )
    assert [a.position for a in articles] == [0, 1, 2]
    for article in articles:
        assert article.id == article_id(article.text)
        assert article.source.endswith("000_688c60bd21f9b34c.txt")
        assert "In this file" not in article.text
        assert "more, including links" not in article.text
        assert "http" not in article.text
        assert "Recommended Resources" not in article.text
    assert articles[0].text.startswith("President Xi Jinping of China and his Russian counterpart")


def test_seed_001_timeline(shared: Path) -> None:
    articles = _seed(shared, "001")
    assert len(articles) == 25
    first = articles[0]
    assert (
        first.title
        == "China and Russia reaffirm their close ties as Moscow presses its offensive in Ukraine"
    )
    assert (first.outlet, first.published, first.published_precision, first.published_basis) == (
        "AP",
        date(2024, 5, 14),
        "day",
        "heading",
    )
    assert first.text.startswith("Russian President Vladimir Putin and Chinese leader Xi Jinping")
    by_title = {a.title: a for a in articles}
    assert by_title[
        "Russian and Chinese executives discuss Russia-Crimea tunnel project"
    ].authors == [
        "Greg Miller",
        "Mary Ilyushina",
    ]
    griffiths = by_title[
        "Putin looks to use China trip to shore up economic support from Beijing amid renewed "
        "Western pressure"
    ]
    assert griffiths.authors == ["James Griffiths"]
    assert by_title[
        "Russia’s gas business will never recover from the war in Ukraine"
    ].published == date(2024, 5, 3)
    assert by_title[
        "Russian and Chinese executives discuss Russia-Crimea tunnel project"
    ].published == date(2023, 11, 24)
    assert by_title[
        "China to attend talks on Ukraine in Saudi Arabia that exclude Russia"
    ].published == date(2023, 8, 4)
    assert by_title["Will China end Russia’s war?"].published == date(2023, 7, 23)
    last = articles[-1]
    assert (last.title, last.outlet, last.published) == (
        "Russia and China hold drills in Sea of Japan",
        "Euronews",
        date(2023, 7, 20),
    )
    outlets = {a.outlet for a in articles}
    assert {"Reuters", "The Economist", "Newsweek", "CNN", "GZERO Media"} <= outlets
    joined = "\n".join(a.text for a in articles)
    for junk in (
        "Four Centuries of Conflict",
        "Leave a Comment",
        "comm comm",
        "(AP)",
        "(Reuters)",
        "CNN —",
        "4 August",
    ):
        assert junk not in joined


def test_seed_002_wire_story_by_url_host(shared: Path) -> None:
    [article] = _seed(shared, "002")
    assert article.title == "Xi tells Putin China will keep backing Russia on sovereignty security"
    assert article.outlet == "The Straits Times"
    assert (article.published, article.published_precision) == (date(2022, 6, 15), "day")
    assert article.text.endswith("according to state media.")
    assert not article.text.startswith("20220615")


def test_seed_003_ap_story_without_a_date(shared: Path) -> None:
    [article] = _seed(shared, "003")
    assert article.title == "China and Russia reaffirm ties as Moscow presses offensive in Ukraine"
    assert (article.outlet, article.authors, article.published) == ("AP", [], None)
    for junk in ("financial advice", "Originally published", "Sign up for", "By AP News"):
        assert junk not in article.text
    assert "BEIJING (AP) — Russian President" in article.text


def test_seed_004_newsbreak_page(shared: Path) -> None:
    [article] = _seed(shared, "004")
    assert (
        article.title
        == "Allies, Pals or Foes? Putin's Russia and Xi's China's Relationship Explored"
    )
    assert (article.outlet, article.authors) == ("Newsweek", ["James Bickerton"])
    assert (article.published, article.published_precision, article.published_basis) == (
        date(2022, 8, 13),
        "day",
        "relative",
    )
    assert article.text.endswith("have been contacted for comment.")
    for junk in (
        "Comments /",
        "Related",
        "severe nausea",
        "Kim Jong Un",
        "Elon Musk",
        "Jeep",
        "Contributors",
        "particlenews",
        "days ago",
    ):
        assert junk not in article.text


def test_record_fields_outrank_the_text() -> None:
    doc = Document(
        source="export.jsonl",
        source_id="rec-7",
        content=f"Pass reopens\nBy Jane Doe, Reuters\n{BODY}",
        meta={
            "title": "Pass reopens",
            "outlet": "WaPo",
            "published": "2023-03-03",
            "authors": ["Ann Lee"],
        },
    )
    [article] = extract(doc)
    assert (article.title, article.outlet, article.authors) == (
        "Pass reopens",
        "The Washington Post",
        ["Ann Lee"],
    )
    assert (article.published, article.published_basis) == (date(2023, 3, 3), "record")
    assert (article.source, article.source_id, article.text) == ("export.jsonl", "rec-7", BODY)


def test_feed_fields_are_metadata() -> None:
    doc = Document(
        source="desk.atom",
        content=BODY,
        meta={"published": "Fri, 03 Mar 2023 10:00:00 GMT", "url": "https://www.newsweek.com/x-1"},
    )
    [article] = extract(doc)
    assert (article.published, article.published_basis, article.outlet) == (
        date(2023, 3, 3),
        "metadata",
        "Newsweek",
    )


def test_one_sentence_record_is_an_article() -> None:
    [article] = extract(Document(source="gold.jsonl", content="Russia shelled Kharkiv on Monday"))
    assert (article.text, article.title) == ("Russia shelled Kharkiv on Monday", None)


def test_fetch_date_dates_relative_ages() -> None:
    doc = Document(
        source="crawl.warc",
        content=f"Pass reopens\n2 days ago\n{BODY}",
        meta={"fetched": "2023-03-05T08:00:00Z"},
    )
    [article] = extract(doc)
    assert (article.published, article.published_basis) == (date(2023, 3, 3), "relative")


def test_unreadable_metadata_date_is_logged_and_left_out(caplog: pytest.LogCaptureFixture) -> None:
    doc = Document(source="export.jsonl", content=BODY, meta={"published": "soon"})
    with caplog.at_level(logging.WARNING):
        [article] = extract(doc)
    assert article.published is None and article.text == BODY
    assert "export.jsonl: published date 'soon' could not be read" in caplog.text


def test_digest_articles_keep_their_own_fields() -> None:
    text = (FIXTURES / "articles" / "clipping.txt").read_text(encoding="utf-8")
    doc = Document(
        source="clips.txt",
        content=text,
        meta={"title": "Morning clips", "outlet": "Clip Service", "published": "2023-09-13"},
    )
    articles = extract(doc)
    assert [a.title for a in articles] == [
        "Georgia and Azerbaijan open new rail freight terminal",
        "Armenia asks EU for more border monitors",
    ]
    assert [a.outlet for a in articles] == ["Civil Georgia", "Armenpress"]
    assert [a.published_basis for a in articles] == ["dateline", "dateline"]


def test_undated_digest_articles_take_the_digest_date() -> None:
    lines = [
        "Talks in Yerevan",
        "By Ani Hakobyan",
        BODY,
        "",
        "Talks in Baku",
        "By Ani Hakobyan",
        BODY.replace("Santiago", "Baku"),
    ]
    doc = Document(source="clips.txt", content="\n".join(lines), meta={"published": "2023-09-13"})
    articles = extract(doc)
    assert [(a.published, a.published_basis) for a in articles] == [
        (date(2023, 9, 13), "inferred")
    ] * 2


def test_html_page() -> None:
    path = PAGES / "byline_in_body.html"
    [article] = extract(
        Document(source=str(path), content=path.read_text(encoding="utf-8"), is_html=True)
    )
    assert (article.outlet, article.authors) == ("Reuters", ["Minh Tran", "Carla Reyes"])
    assert (article.published, article.published_basis) == (date(2023, 5, 2), "metadata")
    assert article.text.startswith("MANILA (Reuters) - The coast guards")
    assert "Editing by" not in article.text and "Read Next" not in article.text


def test_html_digest_is_split() -> None:
    path = PAGES / "timeline_digest.html"
    articles = extract(
        Document(source=str(path), content=path.read_text(encoding="utf-8"), is_html=True)
    )
    assert [a.published for a in articles] == [
        date(2024, 2, 14),
        date(2024, 2, 14),
        date(2024, 1, 30),
        date(2023, 12, 12),
    ]
    assert "Very useful log" not in "".join(a.text for a in articles)


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        (Document(source="empty.txt", content=" \n\n "), "empty.txt: no article text left"),
        (
            Document(source="junk.txt", content="Advertisement\nSign up for our newsletter"),
            "junk.txt: no article text left",
        ),
        (
            Document(source="blank.html", content="<html><body></body></html>", is_html=True),
            "blank.html: HTML page in which no main text",
        ),
    ],
)
def test_documents_without_text_raise_a_named_error(doc: Document, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason):
        extract(doc)


def test_plain_text_is_fast() -> None:
    text = (FIXTURES / "articles" / "timeline.txt").read_text(encoding="utf-8")
    docs = [Document(source=f"{i}.txt", content=f"Report {i}\n\n{BODY} {text}") for i in range(200)]
    start = time.perf_counter()
    for doc in docs:
        extract(doc)
    assert time.perf_counter() - start < 2.0  # 100 documents/s at worst; about 2,000 measured
