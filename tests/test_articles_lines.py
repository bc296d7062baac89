"""Line cleaning and line shapes."""

from __future__ import annotations

from conftest import FIXTURES

from detente.articles.lines import (
    clean_lines,
    is_bullet,
    is_continuation,
    is_headline,
    is_image_url,
    is_paragraph,
    is_url,
    strip_bullet,
)


def test_clean_lines_normalises_spaces_entities_and_bullets() -> None:
    text = "\u00a0\nTotal\u00a0\u00a0&#163;8m &amp; more\r\n·\u00a0 \u00a0First point\x03"
    assert clean_lines(text) == ["", "Total £8m & more", "• First point"]


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    text = (FIXTURES / "articles" / "wrapped.txt").read_text(encoding="utf-8")
    lines = [line for line in clean_lines(text) if line]
    assert len(lines) == 3
    assert lines[0].startswith("Norway said on Tuesday it would open talks")
    assert "with Sweden and Finland on a joint" in lines[0]
    assert lines[2] == "Reuter"


def test_short_unwrapped_lines_stay_apart() -> None:
    text = "Putin visits Beijing\nXi hosts a banquet\nTalks end with a statement"
    assert clean_lines(text) == text.split("\n")


def test_headline_shapes() -> None:
    assert is_headline("Will China end Russia’s war?")
    assert is_headline("$1m payoff for former Shell boss")
    assert is_headline("iTunes now selling Band Aid song")
    assert is_headline("Rivals of the £400 Apple...")
    assert not is_headline("Putin met Xi in Beijing on Thursday.")
    assert not is_headline("the two countries have called for an end to the violence")
    assert not is_headline(" ".join(["Word"] * 26))


def test_paragraph_shapes() -> None:
    assert is_paragraph("Putin met Xi in Beijing on Thursday for two days of talks.")
    assert is_paragraph(" ".join(["word"] * 31))
    assert not is_paragraph("Putin met Xi.")
    assert not is_paragraph("Defying West, Russia’s Putin due to meet Xi Jinping in Beijing")


def test_urls_bullets_and_continuations() -> None:
    assert is_url("https://www.newsweek.com/a-b-1716060")
    assert not is_url("see https://example.com")
    assert is_image_url("https://img.particlenews.com/image.php?url=0qnZl0")
    assert is_image_url("https://example.com/photo.JPG")
    assert not is_image_url("https://www.cfr.org/backgrounder/china-russia")
    assert is_bullet("• item") and strip_bullet("• item") == "item"
    assert is_continuation("more, including links, charts, map")
    assert is_continuation("Read more…")
    assert not is_continuation("More than 100 people were hurt in the blast on Monday")
