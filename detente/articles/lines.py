"""Lines of article text: cleaning them, and telling headlines, paragraphs and URLs apart."""

from __future__ import annotations

import html
import re
import unicodedata
from itertools import pairwise

from detente.articles.resources import load

_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_BULLET = re.compile(r"^[·•▪◦‣●∙*]\s+")
BULLET = "• "
"""How a bulleted line starts once cleaned, whatever bullet character it had."""
_URL = re.compile(r"^https?://\S+$")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")
_OPEN_CHARS = "\"'‘“(["
_LAYOUT = load("layout")
_IMAGE_URLS = tuple(re.compile(p, re.IGNORECASE) for p in _LAYOUT["image_url_patterns"])
_CONTINUATIONS = tuple(_LAYOUT["continuation_markers"])

MAX_HEADLINE_WORDS = 25  # longest headline in the seeds has 17 words; the longest dek 31
MIN_SENTENCE_WORDS = 8  # shortest one-line body paragraph ending in a full stop in the seeds: 9
MAX_SHORT_PARAGRAPH_WORDS = 30  # longer than this is a paragraph even without a full stop
_CONTINUATION_WORDS = 6  # "more, including links, charts, map" (seed 000) has 5
_WRAP_MIN_LINES = 3  # Reuters-21578's shortest wrapped bodies have 3 lines
_WRAP_MAX_WIDTH = 100  # wrapped texts (Reuters-21578: 60-75) never have lines longer than this
_WRAP_CARRIED_SHARE = 0.1  # lines carrying on a sentence: all Reuters-21578 bodies reach this
# but 2,032 of 19,043 (tables, all-capitals); headline lists have none
_WRAP_FILL = (
    0.5  # a line cut by wrapping is at least half the widest; "Title" over "2 days ago" is not
)
_LINE_END = re.compile(r"[.!?:;\"”’]\s*$")
_CONTINUATION_START = frozenset("0123456789(<&")


def clean_lines(text: str) -> list[str]:
    """The text's lines, stripped, with entities decoded, odd spaces and bullets normalised.

    A blank line is kept as "" (it separates blocks); hard-wrapped text is joined into
    one line per paragraph first.
    """
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    raw = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    if _looks_hard_wrapped(raw):
        raw = _reflow(raw)
    lines = []
    for line in raw:
        line = _SPACES.sub(" ", line).strip()
        lines.append(_BULLET.sub(BULLET, line))
    return lines


def _looks_hard_wrapped(raw: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width, so that one paragraph spans many lines."""
    lines = [line.rstrip() for line in raw if line.strip()]
    if len(lines) < _WRAP_MIN_LINES:
        return False
    widest = max(len(line) for line in lines)
    if widest > _WRAP_MAX_WIDTH:
        return False
    carried = sum(
        1 for before, line in pairwise(lines) if _carries_on(before, line, _WRAP_FILL * widest)
    )
    return carried >= max(1, _WRAP_CARRIED_SHARE * len(lines))


def _carries_on(before: str, line: str, full: float) -> bool:
    """Whether the line goes on with a sentence that a full line before it left unfinished."""
    start = line.lstrip()[:1]
    return (
        len(before) >= full
        and not _LINE_END.search(before)
        and (start.islower() or start in _CONTINUATION_START)
    )


def _reflow(raw: list[str]) -> list[str]:
    """Wrapped lines joined into paragraphs, which start after a blank or at an indented line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in raw:
        if current and (not line.strip() or line[:1].isspace()):
            paragraphs.append(" ".join(current))
            paragraphs.append("")
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def strip_bullet(line: str) -> str:
    """The line without its leading bullet."""
    return line.removeprefix(BULLET)


def is_bullet(line: str) -> bool:
    """Whether the line is an item of a bulleted list."""
    return line.startswith(BULLET)


def is_url(line: str) -> bool:
    """Whether the whole line is one web address."""
    return bool(_URL.match(line))


def is_image_url(line: str) -> bool:
    """Whether the line is the web address of a picture."""
    return any(pattern.search(line) for pattern in _IMAGE_URLS)


def is_headline(line: str) -> bool:
    """Whether the line is shaped like a headline: short, capitalised, no closing full stop.

    "$1m payoff ..." and "iTunes now ..." are capitalised enough; "Xi says..." may trail off.
    """
    words = line.split()
    if not 1 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if line.endswith((",", ";", ":")) or (line.endswith(".") and not line.endswith("...")):
        return False
    first = line[0]
    return (
        first.isupper()
        or first.isdigit()
        or first in _OPEN_CHARS
        or unicodedata.category(first) == "Sc"
        or any(char.isupper() for char in words[0])
    )


def is_paragraph(line: str) -> bool:
    """Whether the line is shaped like running text: a full sentence, or simply long."""
    words = len(line.split())
    return words > MAX_SHORT_PARAGRAPH_WORDS or (
        words >= MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(line))
    )


def is_continuation(line: str) -> bool:
    """Whether the line is a "more…" / "Read more" marker ending a clipped excerpt."""
    words = line.casefold().strip(" .…:>»→").split()
    return 0 < len(words) <= _CONTINUATION_WORDS and " ".join(words).startswith(_CONTINUATIONS)
