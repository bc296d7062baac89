"""Bylines: authors and outlet from "By NAME, OUTLET" and "NAME, ROLE" lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.articles.outlets import known_outlet
from detente.articles.resources import load

_LAYOUT = load("layout")
_PARTICLES = frozenset(_LAYOUT["name_particles"])
_ROLE = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in _LAYOUT["role_words"]) + r")s?\b", re.IGNORECASE
)
_OUTLET_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in _LAYOUT["outlet_words"]) + r")\b", re.IGNORECASE
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_BY = re.compile(r"^(?:written\s+|words\s+|story\s+)?by\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s*[,;|]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+")
_PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_NAME_CHARS = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")
_MAX_WORDS = 40  # "David Morris, senior fellow at ..." in seed 001 has 24 words
_MIN_NAME_WORDS, _MAX_NAME_WORDS = 2, 5


@dataclass(frozen=True, slots=True)
class Byline:
    """The authors a byline names, and the outlet it names (if any)."""

    authors: tuple[str, ...]
    outlet: str | None


def parse_byline(line: str) -> Byline | None:
    """The byline in the line ("By John Feng, Newsweek", "James Griffiths, Asia correspondent").

    Without "By", every part after the name must be a role, so that a sentence opening with
    an apposition ("Jane Doe, director of X, said ...") is not taken for a byline.
    """
    if len(line.split()) > _MAX_WORDS:
        return None
    match = _BY.match(line) if line[:1].isupper() else None
    if not match:
        return _role_byline(_SEGMENTS.split(line))
    authors: list[str] = []
    outlet = None
    for index, segment in enumerate(_SEGMENTS.split(match["rest"])):
        segment = segment.strip(" .")
        found = known_outlet(segment) or (_unknown_outlet(segment) if index else None)
        if found:
            outlet = outlet or found
            continue
        if _ROLE.search(segment):
            continue
        for part in _AND.split(segment):
            name = person_name(_PLACE_SUFFIX.sub("", part))
            if name and name not in authors:
                authors.append(name)
    if not authors and outlet is None:
        return None
    return Byline(tuple(authors), outlet)


def _unknown_outlet(segment: str) -> str | None:
    """A byline part after a comma that names an outlet not in the data ("Harbour Ledger")."""
    if _ACRONYM.match(segment) or (_OUTLET_WORD.search(segment) and not _ROLE.search(segment)):
        return segment
    return None


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
