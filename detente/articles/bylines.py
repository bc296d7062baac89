"""Bylines: authors and outlet from "By NAME, OUTLET" and "NAME, ROLE" lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.articles.outlets import known_outlet, outlet_name
from detente.articles.resources import load

_LAYOUT = load("layout")
_PARTICLES = frozenset(_LAYOUT["name_particles"])
_ROLE = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in _LAYOUT["role_words"]) + r")s?\b", re.IGNORECASE
)
_BY = re.compile(r"^(?:written\s+|words\s+|story\s+)?by\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s*[,;|]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+")
_PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_NAME_CHARS = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")
_MAX_WORDS = 40  # "David Morris, senior fellow at ..." in seed 001 has 24 words
_MIN_NAME_WORDS, _MAX_NAME_WORDS = 2, 5
_MAX_OUTLET_WORDS = 6  # "Radio Free Europe/Radio Liberty" is the longest outlet name in the data


@dataclass(frozen=True, slots=True)
class Byline:
    """The authors a byline names, and the outlet it names (if any)."""

    authors: tuple[str, ...]
    outlet: str | None


def parse_byline(line: str) -> Byline | None:
    """The byline in the line ("By John Feng, Newsweek", "James Griffiths, Asia correspondent").

    After "By", the last part after a comma is the outlet unless it is a role or goes on
    with names ("By A, B and C"). Without "By", every part after the name must be a role, so
    that a sentence opening with an apposition ("Jane Doe, director of X, said") is not one.
    """
    if len(line.split()) > _MAX_WORDS:
        return None
    match = _BY.match(line) if line[:1].isupper() else None
    if not match:
        return _role_byline(_SEGMENTS.split(line))
    authors: list[str] = []
    outlet = None
    segments = [part.strip(" .") for part in _SEGMENTS.split(match["rest"])]
    for index, segment in enumerate(segments):
        found = known_outlet(segment)
        if found or _ROLE.search(segment):
            outlet = outlet or found
            continue
        if index and index == len(segments) - 1 and not _AND.search(segment):
            outlet = outlet or _unknown_outlet(segment)
            continue
        for part in _AND.split(segment):
            name = person_name(_PLACE_SUFFIX.sub("", part))
            if name and name not in authors:
                authors.append(name)
    if not authors and outlet is None:
        return None
    return Byline(tuple(authors), outlet)


def _unknown_outlet(segment: str) -> str | None:
    """The last part of "By NAME, PART" as an outlet not in the data ("Civil Georgia")."""
    words = segment.split()
    if not words or len(words) > _MAX_OUTLET_WORDS or not segment[0].isupper():
        return None
    return outlet_name(segment)


def _role_byline(segments: list[str]) -> Byline | None:
    """A "NAME, ROLE[, ROLE]" byline: one person's name, then only roles."""
    if len(segments) < 2 or not all(_ROLE.search(segment) for segment in segments[1:]):
        return None
    name = person_name(segments[0])
    return Byline((name,), None) if name else None


def person_name(text: str) -> str | None:
    """The text as a person's name ("John Feng", "Charles de Gaulle"), or None if it is not one."""
    words = text.split()
    if not _MIN_NAME_WORDS <= len(words) <= _MAX_NAME_WORDS or known_outlet(text):
        return None
    if words[0].casefold() == "the" or words[-1] in _PARTICLES:
        return None
    for word in words:
        if word in _PARTICLES:
            continue
        if not (word[0].isupper() and _NAME_CHARS.match(word)):
            return None
    if text.isupper():
        return " ".join(word.capitalize() for word in words)
    return " ".join(words)
