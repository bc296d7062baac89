"""Article heads inside a longer text: a headline with a byline close below it."""

from __future__ import annotations

from detente.articles.heads import head_starts

PARAGRAPH = "Armenia asked the European Union on Monday to double the size of its civilian mission."


def test_headline_over_a_byline_is_a_head() -> None:
    lines = ["Talks in Baku", "", "By Ani Hakobyan, Armenpress", "", PARAGRAPH]
    assert head_starts(lines) == [0]


def test_dek_between_headline_and_byline() -> None:
    lines = [
        "Talks in Baku",
        "Yerevan wants the mission doubled in size.",
        "By Ani Hakobyan",
        PARAGRAPH,
    ]
    assert head_starts(lines) == [0]


def test_subheads_list_items_and_bare_headlines_are_not_heads() -> None:
    lines = [
        "• Talks in Yerevan",
        "By Ani Hakobyan",
        "Talks in Baku",
        "A subhead in the same head",
        "By Ani Hakobyan",
        PARAGRAPH,
        "A headline with no byline",
        PARAGRAPH,
    ]
    assert head_starts(lines) == [2]


def test_byline_too_far_below_or_past_a_link() -> None:
    far = ["Talks in Baku", PARAGRAPH, PARAGRAPH, PARAGRAPH, "By Ani Hakobyan"]
    assert head_starts(far) == []
    assert head_starts(["Talks in Baku", "https://example.org/a", "By Ani Hakobyan"]) == []
