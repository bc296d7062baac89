"""The gazetteer pass: every dictionary name in a text, found at once with one automaton."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from detente.actors.dictionary import Dictionary, Entry

# Characters read as a space or a straight apostrophe, one for one, so offsets stay put.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "\n": " ", "\t": " ", "\xa0": " "})
_NEGATING = ("anti-", "pro-", "non-", "ex-")
"""Prefixes that turn a country word into an attitude ("anti-Russian"), not a nationality."""


@dataclass(slots=True, frozen=True)
class Hit:
    """A dictionary name found in a text, with every reading its case allows."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


class Gazetteer:
    """An Aho-Corasick automaton over every surface form of a dictionary, built once."""

    def __init__(self, dictionary: Dictionary) -> None:
        table: dict[str, dict[tuple[str, Entry], None]] = defaultdict(dict)
        for surface, entry in dictionary.patterns():
            written = surface.translate(_SAME_LENGTH)
            table[_lower(written)][(written, entry)] = None
        self._automaton = ahocorasick.Automaton()
        for key, readings in table.items():
            self._automaton.add_word(key, (len(key), tuple(readings)))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """The longest, leftmost names in the text that start and end on word boundaries."""
        written = text.translate(_SAME_LENGTH)
        found: list[Hit] = []
        for last, (length, readings) in self._automaton.iter(_lower(written)):
            start, end = last + 1 - length, last + 1
            if not _bounded(written, start, end):
                continue
            surface = written[start:end]
            entries = tuple(entry for form, entry in readings if _fits(form, surface, entry))
            if entries and not _negated(written, start, entries):
                found.append(Hit(start, end, text[start:end], entries))
        found.sort(key=lambda hit: (hit.start, hit.start - hit.end))
        chosen: list[Hit] = []
        for hit in found:
            if not chosen or hit.start >= chosen[-1].end:
                chosen.append(hit)
        return chosen


def _lower(text: str) -> str:
    """Lower case, one character for one so that offsets into the original still hold."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether a span starts and ends at word boundaries."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum() and after != "$"


def _fits(form: str, surface: str, entry: Entry) -> bool:
    """Whether the text as written honours the entry's case rule.

    An exact form must match letter for letter; a capitalised name (a country, a person, a
    capital) must be capitalised in the text, so "china" the porcelain and "chad" are skipped.
    """
    if entry.exact:
        return form == surface
    return not form[:1].isupper() or surface[:1].isupper()


def _negated(text: str, start: int, entries: tuple[Entry, ...]) -> bool:
    """Whether a country word is part of "anti-Russian" or "pro-Iranian"."""
    if not any(entry.kind in ("adjective", "country") for entry in entries):
        return False
    before = text[max(0, start - 5) : start].lower()
    return before.endswith(_NEGATING)
