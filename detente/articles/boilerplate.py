"""Boilerplate: related-story lists, comment blocks, promos and disclaimers taken out of articles.

The patterns are data (`data/boilerplate.toml`): `cut` lines open the junk under an article,
`drop` lines are junk wherever they stand, `paragraph` phrases mark whole disclaimers.
"""

from __future__ import annotations

import re

from detente.articles.lines import is_paragraph, strip_bullet
from detente.articles.resources import load

_DATA = load("boilerplate")


def _compile(kind: str) -> re.Pattern[str]:
    """One pattern matching any of the data file's patterns of this kind."""
    patterns = _DATA[kind]
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as error:
        raise ValueError(
            f"data/boilerplate.toml: a `{kind}` pattern is broken ({error})"
        ) from error


_CUT = _compile("cut")
_DROP = _compile("drop")
_PARAGRAPH = _compile("paragraph")


def remove_boilerplate(lines: list[str]) -> list[str]:
    """The article's lines without boilerplate; blank lines ("") are kept where they were."""
    kept: list[str] = []
    has_paragraph = False
    for line in lines:
        if not line:
            kept.append(line)
            continue
        text = strip_bullet(line)
        if _CUT.match(text):
            if has_paragraph:
                break
            continue
        if _DROP.match(text) or _PARAGRAPH.search(text):
            continue
        has_paragraph = has_paragraph or is_paragraph(text)
        kept.append(line)
    return kept
