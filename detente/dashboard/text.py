"""Pieces of an article's text for display: the evidence sentence set apart for highlighting."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Highlighted:
    """An article text cut around its evidence span."""

    before: str
    evidence: str
    after: str


def highlight(text: str, start: int, end: int, sentence: str) -> Highlighted:
    """`text` cut at [start, end); if those offsets do not hold `sentence`, at its first copy."""
    if not (0 <= start <= end <= len(text)) or text[start:end] != sentence:
        found = text.find(sentence) if sentence else -1
        if found < 0:
            return Highlighted(text, "", "")
        start, end = found, found + len(sentence)
    return Highlighted(text[:start], text[start:end], text[end:])
