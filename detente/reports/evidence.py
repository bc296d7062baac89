"""The sentence of an article that holds a quote or a figure: the evidence a brief prints."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
"""Where a sentence ends: terminal punctuation (and closing quotes) before a space; a newline."""


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` holding [start, end), trimmed; ValueError if outside the text."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} lies outside a text of {len(text)} characters")
    left = 0
    for found in _END.finditer(text, 0, min(start + 1, len(text))):
        if found.end() <= start:
            left = found.end()
    after = _END.search(text, max(end, start + 1) - 1)
    right = after.end() if after else len(text)
    return text[left:right].strip()
