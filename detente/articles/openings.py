"""The outlet tag or wire dateline that opens a first paragraph: "(AP) —", "BEIJING (AP) —",
"CNN —", "WASHINGTON, June 15 (Reuters) -", "BEIJING AFP -"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.articles.outlets import ALIASES, known_outlet, outlet_name

_PLACE = r"(?P<place>[A-Z][A-Z.'’ -]{1,40}?)"
_BRACKETED = re.compile(
    rf"^(?:{_PLACE}(?:,\s*[^()—–]{{1,30}}?)?\s*)?\((?P<tag>[^()]{{2,40}})\)\s*(?P<dash>[—–-]+)?\s*"
    r"(?P<rest>\S.*)$"
)
_NAMED = re.compile(
    rf"^(?:{_PLACE}\s+)?(?P<tag>{'|'.join(re.escape(alias) for alias in ALIASES)})\s+[—–-]+\s+"
    r"(?P<rest>\S.*)$"
)
_QUOTES = "\"'‘“"
_OUTLET_SHAPE = re.compile(r"^[A-Z][\w&'’./-]*(?:\s+[\w&'’./-]+){0,4}$")


@dataclass(frozen=True, slots=True)
class Opening:
    """An opening paragraph's outlet, and the paragraph as it should stand in the text.

    A bare tag ("(AP) — ...") is a digest compiler's note and is cut off; a dateline with a
    place ("BEIJING (AP) — ...") belongs to the story and stays.
    """

    outlet: str
    text: str


def opening(line: str) -> Opening | None:
    """The outlet tag or dateline at the start of the line, if it has one."""
    match = _BRACKETED.match(line)
    if match and _is_outlet(match["tag"]) and _is_tag_use(match):
        return _opening(match, line)
    match = _NAMED.match(line)
    if match:
        return _opening(match, line)
    return None


def _is_tag_use(match: re.Match[str]) -> bool:
    """Whether bracketed words open the paragraph as a tag, not as its subject ("(FDIC) said").

    A dash must follow a dateline's place; a bare tag needs a dash or a sentence after it.
    """
    if match["dash"]:
        return True
    return match["place"] is None and (match["rest"][0].isupper() or match["rest"][0] in _QUOTES)


def _is_outlet(tag: str) -> bool:
    """Whether bracketed words name an outlet: a known one, or a short capitalised name."""
    tag = tag.strip()
    return known_outlet(tag) is not None or (
        bool(_OUTLET_SHAPE.match(tag)) and not tag.endswith(".")
    )


def _opening(match: re.Match[str], line: str) -> Opening:
    """The Opening for a matched tag: bare tags are cut off the text, datelines stay."""
    text = match["rest"] if match["place"] is None else line
    return Opening(outlet_name(match["tag"]), text)
