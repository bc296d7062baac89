"""Tests for detente.stories.model: story counts."""

from __future__ import annotations

from detente.stories.model import Story


def test_counts_follow_articles_and_outlets() -> None:
    story = Story("s", "Title", None, None, ["a", "b", "c"], ["AP", "Reuters"])
    assert (story.n_articles, story.n_outlets) == (3, 2)
