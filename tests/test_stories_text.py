"""Tests for detente.stories.text: the words and names story clustering compares."""

from __future__ import annotations

from detente.stories.text import names, terms, tokens, words


def test_tokens_keep_hyphens_and_drop_possessives() -> None:
    assert tokens("Russia’s Vostok-2022 drills, Xi's call.") == [
        "Russia",
        "Vostok-2022",
        "drills",
        "Xi",
        "call",
    ]


def test_words_are_lower_case_without_stop_words_or_reporting_verbs() -> None:
    found = tokens("The ministers said they signed the Treaty on Monday.")
    assert words(found) == ["ministers", "signed", "treaty", "monday"]


def test_names_skip_words_also_written_in_lower_case() -> None:
    found = tokens("Talks began in Astana. Xi and Putin held talks on the SCO summit in 2024.")
    assert names(found) == ["astana", "xi", "putin", "sco", "2024"]


def test_names_skip_sentence_initial_stop_words() -> None:
    assert names(tokens("The Kremlin said. It was Beijing.")) == ["kremlin", "beijing"]


def test_terms_add_neighbouring_word_pairs_beside_the_names() -> None:
    assert terms("The joint naval drills near Japan") == (
        ["joint", "naval", "drills", "near", "japan", "joint naval", "naval drills",
         "drills near", "near japan"],
        ["japan"],
    )  # fmt: skip
