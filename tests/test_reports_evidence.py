"""Tests for detente.reports.evidence: the sentence printed as a quote's or figure's evidence."""

from __future__ import annotations

import pytest

from detente.reports.evidence import sentence_around

TEXT = 'Talks began. "Our ties are deep," Xi said. Trade hit 240 billion dollars.\nNext line'


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def test_a_quote_gets_its_whole_sentence_with_closing_marks() -> None:
    assert sentence_around(TEXT, *span("Our ties are deep,")) == '"Our ties are deep," Xi said.'


def test_a_figure_gets_its_sentence_and_a_newline_ends_one() -> None:
    assert sentence_around(TEXT, *span("240 billion dollars")) == "Trade hit 240 billion dollars."
    assert sentence_around(TEXT, *span("Next")) == "Next line"
    assert sentence_around(TEXT, *span("Talks")) == "Talks began."


def test_a_span_over_two_sentences_keeps_both() -> None:
    start, _ = span("Talks")
    _, end = span("Xi said")
    assert sentence_around(TEXT, start, end) == 'Talks began. "Our ties are deep," Xi said.'


def test_a_span_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside a text of"):
        sentence_around(TEXT, 5, len(TEXT) + 1)
