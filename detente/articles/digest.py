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

from detente.articles.bylines import parse_byline
from detente.articles.dates import Dated
from detente.articles.lines import (
    is_bullet,
    is_continuation,
    is_headline,
    is_paragraph,
    is_url,
)
from detente.articles.resources import load
from detente.articles.timeline import split_timeline

_TOC_MARKERS = frozenset(load("layout")["toc_markers"])
MIN_ARTICLES = 2  # one head or one "more…" + URL is just an article
HEAD_REACH = 3  # lines from a headline down to its byline: seed 000 has a dek between them


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
    return _cut(lines, _heads(lines)) or _cut(lines, _after_trailers(lines)) or [Part(lines)]


def _cut(lines: list[str], starts: list[int]) -> list[Part]:
    """The parts starting at these lines, and what stands before the first unless it is only
    a list of contents or furniture; [] for fewer than two starts."""
    if len(starts) < MIN_ARTICLES:
        return []
    bounds = [*starts[1:], len(lines)]
    parts = [Part(lines[a:b]) for a, b in zip(starts, bounds, strict=True)]
    preface = [line for line in lines[: starts[0]] if line]
    if preface and not _is_contents(preface) and any(map(is_paragraph, preface)):
        parts.insert(0, Part(lines[: starts[0]]))
    return parts


def _is_contents(preface: list[str]) -> bool:
    """Whether the lines open with a list-of-contents marker ("In this file:")."""
    return preface[0].casefold().rstrip(" :") in _TOC_MARKERS


def _heads(lines: list[str]) -> list[int]:
    """Lines that head an article: a headline with a byline close below it."""
    filled = [i for i, line in enumerate(lines) if line]
    heads: list[int] = []
    for k, index in enumerate(filled):
        line = lines[index]
        if is_bullet(line) or not is_headline(line) or parse_byline(line):
            continue
        if heads and heads[-1] == filled[k - 1]:
            continue
        below = [lines[i] for i in filled[k + 1 : k + 1 + HEAD_REACH]]
        if _byline_close(below):
            heads.append(index)
    return heads


def _byline_close(below: list[str]) -> bool:
    """Whether a byline follows, with nothing but deks or subheads before it."""
    for line in below:
        if parse_byline(line):
            return True
        if is_bullet(line) or is_url(line):
            return False
    return False


def _after_trailers(lines: list[str]) -> list[int]:
    """Where excerpts start: the top, then after each "more…" + URL pair."""
    filled = [i for i, line in enumerate(lines) if line]
    ends = [b + 1 for a, b in pairwise(filled) if is_url(lines[b]) and is_continuation(lines[a])]
    if not ends:
        return []
    rest = [line for line in lines[ends[-1] :] if line]
    if not any(map(is_paragraph, rest)):
        ends.pop()
    return [filled[0], *ends]
