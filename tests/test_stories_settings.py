"""Tests for detente.stories.settings: the packaged constants and their checks."""

from __future__ import annotations

import pytest

from detente.stories.settings import parse, settings

GOOD = """
[cluster]
threshold = 0.26
dated_threshold = 0.15
window_days = 14
[topics]
topic_threshold = 0.12
topic_name_weight = 0.1
[vectors]
name_weight = 0.5
min_df = 2
reference_articles = 500
[embeddings]
embedding_weight = 0.1
lead_words = 150
[near_duplicates]
shingle_words = 3
permutations = 64
band_rows = 4
jaccard = 0.5
containment = 0.5
"""


def test_packaged_settings_load_and_are_consistent() -> None:
    config = settings()
    assert config.dated_threshold < config.threshold
    assert 0.0 <= config.topic_name_weight < config.name_weight
    assert config.permutations % config.band_rows == 0


def test_parse_reads_every_section() -> None:
    assert parse(GOOD, "x.toml").window_days == 14


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("window_days = 14\n", ""), "x.toml: missing window_days"),
        (GOOD + "speed = 3\n", "x.toml: unknown speed"),
        (GOOD.replace("min_df = 2", 'min_df = "two"'), "x.toml: min_df must be a number"),
        ("threshold = 0.2\n" + GOOD, "x.toml: every setting must sit in a [section]"),
        ("[cluster\n", "x.toml: not valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        parse(text, "x.toml")
