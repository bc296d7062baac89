"""Quote marks paired into quoted stretches: straight, curly and doubled, never crossed.

Each mark's direction comes from its glyph (“ opens, ” closes) unless its surroundings clearly
say otherwise ("AUKUS,\"" closes, a ” glued to the next word at a line start opens); a straight
mark with ambiguous surroundings closes when a quote is open and opens otherwise. A quote runs
over a line break only when the line is wrapped mid-sentence or the next paragraph reopens it
(the newspaper convention for a quote running over several paragraphs); otherwise an unclosed
mark is dropped at the paragraph's end instead of being paired with a mark further down.
Single marks are paired within one line, and kept only outside double-quoted stretches or
around whole ones, so that stretches nest or stand apart and never cross; a mark between two
letters is an apostrophe.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

_DOUBLE = re.compile(r"''|[\"“”„«»‟]")
_SINGLE = re.compile(r"[‘’'‹›]")
_OPENING_GLYPHS = frozenset("“„«‟‘‹")
_CLOSING_GLYPHS = frozenset("”»’›")
_BEFORE_OPEN = frozenset("([{—–-/…") | _OPENING_GLYPHS
_GLUED_OPEN = frozenset(",:;")
"""A straight mark right after one of these and before a letter opens: 'said,"We'."""
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…*") | _CLOSING_GLYPHS
_SENTENCE_END = frozenset(".!?…:\"”’'")
"""A line ending with one of these ends its paragraph; any other line is wrapped."""


@dataclass(frozen=True, slots=True)
class Quoted:
    """A stretch of text between two paired quote marks."""

    start: int
    """Offset of the first quoted character (just after the opening mark)."""
    end: int
    """Offset just past the last quoted character (the closing mark's offset)."""
    open_mark: int
    close_end: int
    """Offset just past the closing mark."""
    single: bool
    paragraphs: int
    """How many paragraphs the quote runs over (1 unless the next paragraph reopens it)."""


@dataclass(slots=True)
class _Mark:
    """One quote mark with the direction its glyph and surroundings give it."""

    start: int
    end: int
    role: str  # "open" | "close" | "either"


def quoted_stretches(text: str) -> list[Quoted]:
    """Every quoted stretch of `text`, in order; double quotes first, then single ones."""
    doubles = _pair(text, _marks(text, _DOUBLE))
    singles = _pair_singles(text, _marks(text, _SINGLE))
    kept = [q for q in singles if _holds_or_misses(q, doubles)]
    return sorted(doubles + kept, key=lambda q: q.open_mark)


def _holds_or_misses(single: Quoted, doubles: list[Quoted]) -> bool:
    """Whether a single-quoted stretch holds every double-quoted one it overlaps whole (‘He
    called it a “red line” today’) or overlaps none; one opening inside a double-quoted stretch
    or closing inside one would cross it. `doubles` are in text order and never overlap."""
    first = bisect_right(doubles, single.open_mark, key=lambda q: q.close_end)
    last = bisect_left(doubles, single.close_end, key=lambda q: q.open_mark) - 1
    if first > last:
        return True  # no double-quoted stretch overlaps this one
    return (
        single.open_mark < doubles[first].open_mark and doubles[last].close_end <= single.close_end
    )


def _marks(text: str, pattern: re.Pattern[str]) -> list[_Mark]:
    """The marks `pattern` finds, each with its direction."""
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        glyph = match.group()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if glyph in "'’" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Russia’s
        if before == "=":
            continue  # a markup attribute's value: <tweet author="...">
        opens = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
        opens = opens or (before == "\n" and glyph in _CLOSING_GLYPHS and after == " ")
        opens = opens or (before in _GLUED_OPEN and after.isalnum())
        closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
        if glyph in _OPENING_GLYPHS:
            role = "close" if closes and not opens else "open"
        elif glyph in _CLOSING_GLYPHS:
            role = "open" if opens and not closes else "close"
        else:
            role = "open" if opens and not closes else "close" if closes and not opens else "either"
        found.append(_Mark(start, end, role))
    return found


def _pair(text: str, marks: list[_Mark]) -> list[Quoted]:
    """Marks paired left to right; an open quote is carried over a line break only if allowed."""
    pairs: list[Quoted] = []
    pending: _Mark | None = None
    resume = paragraphs = 0
    for mark in marks:
        if pending is not None and "\n" in text[resume : mark.start]:
            reopens = (
                mark.role != "close"
                and not text[text.rfind("\n", 0, mark.start) : mark.start].strip()
            )
            if not _survives(text[resume : mark.start], reopens):
                pending = None
            elif reopens:
                paragraphs += 1
                resume = mark.end
                continue
        role = mark.role
        if role == "either":
            role = "close" if pending is not None else "open"
        if role == "open":
            pending, resume, paragraphs = mark, mark.end, 1
        elif pending is not None:
            if text[pending.end : mark.start].strip():
                pairs.append(
                    Quoted(pending.end, mark.start, pending.start, mark.end, False, paragraphs)
                )
            pending = None
    return pairs


def _survives(gap: str, reopens: bool) -> bool:
    """Whether a quote open before `gap` runs on over its line breaks.

    Every break must be a wrapped line (no blank line, no sentence end before it), except the
    paragraph break before a line that `reopens` the quote.
    """
    lines = gap.split("\n")
    if reopens:
        lines.pop()
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
    for line, following in pairwise(lines):
        stripped = line.rstrip()
        if not stripped or stripped[-1] in _SENTENCE_END or not following.strip():
            return False
    return True


def _pair_singles(text: str, marks: list[_Mark]) -> list[Quoted]:
    """Single marks paired within one line, an opening mark with the best closing one after it."""
    pairs: list[Quoted] = []
    opened = [m for m in marks if m.role in ("open", "either") and text[m.start] != "’"]
    closers = [m for m in marks if m.role in ("close", "either")]
    closer_starts = [m.start for m in closers]
    last = -1
    for position, opener in enumerate(opened):
        if opener.start < last:
            continue
        line_end = text.find("\n", opener.end)
        limit = len(text) if line_end < 0 else line_end
        if position + 1 < len(opened):
            limit = min(limit, opened[position + 1].start)
        after = bisect_right(closer_starts, opener.end)
        closer = _best_closer(text, closers[after : bisect_left(closer_starts, limit, after)])
        if closer is not None and text[opener.end : closer.start].strip():
            pairs.append(Quoted(opener.end, closer.start, opener.start, closer.end, True, 1))
            last = closer.end
    return pairs


def _best_closer(text: str, candidates: list[_Mark]) -> _Mark | None:
    """The closing mark a single quote most likely ends at: after punctuation, else not a plural
    possessive ("countries’ alignment"), else the first."""
    for candidate in candidates:
        before = text[candidate.start - 1]
        after = text[candidate.end] if candidate.end < len(text) else "\n"
        if before in ".,!?…" or after in ".,;:!?)" or after == "\n":
            return candidate
    for candidate in candidates:
        if text[candidate.start - 1] != "s":
            return candidate
    return candidates[0] if candidates else None
