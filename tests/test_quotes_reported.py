"""Quotes without marks: "Name: words" lines and reported speech."""

from __future__ import annotations

from detente.language import load_nlp
from detente.quotes.reported import colon_lines, reported_speech


def test_colon_line_gives_the_name_as_speaker() -> None:
    text = "(Some Radio) Ian Bremmer: The relationship is becoming more strategic over time."
    (quote,) = colon_lines(load_nlp()(text), [])
    assert quote.speaker_text == "Ian Bremmer"
    assert quote.text.startswith("The relationship is")


def test_short_label_lines_are_not_quotes() -> None:
    assert colon_lines(load_nlp()("Summary: Talks went well."), []) == []


def test_reported_clause_of_a_reporting_verb() -> None:
    doc = load_nlp()("Xi told Putin that China would keep backing Russia on security.")
    cue = next(t for t in doc if t.text == "told")
    (quote,) = reported_speech(doc, {cue.i: True}, set())
    assert quote.kind == "indirect"
    assert quote.text == "China would keep backing Russia on security"
    assert quote.speaker_text == "Xi"


def test_according_to_reports_the_rest_of_the_sentence() -> None:
    doc = load_nlp()("According to the ministry, troops from four countries will take part.")
    cue = next(t for t in doc if t.text == "According")
    (quote,) = reported_speech(doc, {cue.i: True}, set())
    assert quote.speaker_text == "the ministry"
    assert quote.text == "troops from four countries will take part"
