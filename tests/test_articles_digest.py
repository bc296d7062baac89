"""Digests cut into articles: clippings with heads, and excerpts ending in a link."""

from __future__ import annotations

from conftest import FIXTURES

from detente.articles.digest import split
from detente.articles.lines import clean_lines
from detente.articles.metadata import parse_article

PARAGRAPH = "Armenia asked the European Union on Monday to double the size of its civilian mission."


def test_clipping_file_is_cut_at_each_head_and_loses_its_contents() -> None:
    text = (FIXTURES / "articles" / "clipping.txt").read_text(encoding="utf-8")
    parts = split(clean_lines(text))
    drafts = [parse_article(part.lines) for part in parts]
    assert [d.title for d in drafts] == [
        "Georgia and Azerbaijan open new rail freight terminal",
        "Armenia asks EU for more border monitors",
    ]
    assert [d.outlet for d in drafts] == ["Civil Georgia", "Armenpress"]
    assert [d.url for d in drafts] == [
        "https://civil.ge/archives/gardabani-terminal",
        "https://armenpress.am/eng/news/eu-monitors",
    ]
    assert [d.published.value.isoformat() for d in drafts if d.published] == [
        "2023-09-12",
        "2023-09-11",
    ]
    assert "In this issue" not in drafts[0].text and "more" not in drafts[1].text.split()
    assert drafts[1].text.startswith("Yerevan wants the civilian mission")


def test_excerpts_ending_in_links_are_cut_apart() -> None:
    lines = [
        "Talks in Yerevan",
        PARAGRAPH,
        "Read more",
        "https://example.org/a",
        "Talks in Baku",
        PARAGRAPH,
        "Read more",
        "https://example.org/b",
        "Unsubscribe",
    ]
    parts = split(lines)
    assert [part.lines for part in parts] == [lines[:4], lines[4:8]]


def test_preface_with_a_paragraph_is_kept_as_an_article() -> None:
    lines = [
        PARAGRAPH,
        "Talks in Yerevan",
        "By Ani Hakobyan",
        PARAGRAPH,
        "Talks in Baku",
        "By Ani Hakobyan",
        PARAGRAPH,
    ]
    assert [part.lines for part in split(lines)] == [lines[:1], lines[1:4], lines[4:]]


def test_one_article_is_one_part() -> None:
    lines = ["Talks in Yerevan", "By Ani Hakobyan", PARAGRAPH, "more", "https://example.org/a"]
    assert [part.lines for part in split(lines)] == [lines]
