"""Cutting an article around its evidence sentence."""

from __future__ import annotations

from detente.dashboard.text import highlight

TEXT = "First line. The evidence is here. Last line."


def test_offsets_that_hold_the_sentence_are_used() -> None:
    cut = highlight(TEXT, 12, 33, "The evidence is here.")
    assert (cut.before, cut.evidence, cut.after) == (
        "First line. ",
        "The evidence is here.",
        " Last line.",
    )


def test_wrong_offsets_fall_back_to_the_sentence_and_then_to_no_highlight() -> None:
    assert highlight(TEXT, 0, 5, "Last line.").evidence == "Last line."
    assert highlight(TEXT, 99, 120, "Missing.").before == TEXT
