"""Digests: documents holding several articles, and where to cut them apart.

Three layouts are known: a timeline of dated headings (seed 001, see `timeline`); clippings
where each article has its own head, a headline over a byline (seed 000, after its list of
contents); and excerpts that each end with a "more…" line and a URL. Anything else is one
article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from detente.articles.dates import Dated
from detente.articles.heads import head_starts
from detente.articles.lines import is_continuation, is_paragraph, is_url
from detente.articles.resources import load
from detente.articles.timeline import split_timeline

_TOC_MARKERS = frozenset(load("layout")["toc_markers"])
MIN_ARTICLES = 2  # one head or one "more…" + URL is just an article


@dataclass(slots=True)
class Part:
    """One article's lines cut out of a document, and the date a timeline heading gives it."""

    lines: list[str]
    dated: Dated | None = None


def split(lines: list[str], anchor: date | None = None) -> list[Part]:
    """The articles' lines in a document's cleaned lines: several for a digest, else one.

    `anchor` is the document's own date from metadata, used to date a timeline's headings
    when its head states none.
    """
    stories = split_timeline(lines, anchor)
    if stories:
        return [Part(story, dated) for story, dated in stories]
    return (
        _cut(lines, head_starts(lines), len(lines))
        or _cut(lines, *_excerpt_bounds(lines))
        or [Part(lines)]
    )


def _cut(lines: list[str], starts: list[int], end: int) -> list[Part]:
    """The parts from each start to the next (the last to `end`), and what stands before the
    first unless it is only a list of contents or furniture; [] for fewer than two starts."""
    if len(starts) < MIN_ARTICLES:
        return []
    bounds = [*starts[1:], end]
    parts = [Part(lines[a:b]) for a, b in zip(starts, bounds, strict=True)]
    preface = [line for line in lines[: starts[0]] if line]
    if preface and not _is_contents(preface) and any(map(is_paragraph, preface)):
        parts.insert(0, Part(lines[: starts[0]]))
    return parts


def _is_contents(preface: list[str]) -> bool:
    """Whether the lines open with a list-of-contents marker ("In this file:")."""
    return preface[0].casefold().rstrip(" :") in _TOC_MARKERS


def _excerpt_bounds(lines: list[str]) -> tuple[list[int], int]:
    """Where excerpts start (the top, then after each "more…" + URL pair) and where the last
    ends: at its URL, unless paragraphs follow it."""
    filled = [i for i, line in enumerate(lines) if line]
    ends = [b + 1 for a, b in pairwise(filled) if is_url(lines[b]) and is_continuation(lines[a])]
    if not ends:
        return [], len(lines)
    rest = [line for line in lines[ends[-1] :] if line]
    if any(map(is_paragraph, rest)):
        return [filled[0], *ends], len(lines)
    return [filled[0], *ends[:-1]], ends[-1]
