"""One article's own lines read apart: title, byline, outlet, URL and date in its head, then text.

The head is the run of short lines above the first paragraph: headline, section label, byline,
outlet name, date line, URL, tag line. Deks (standfirsts) in it stay in the text; everything
else in it is metadata. An outlet tag or wire dateline opening a paragraph ends the head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from detente.articles.boilerplate import remove_boilerplate
from detente.articles.bylines import parse_byline
from detente.articles.dates import Dated, LineDate, line_date
from detente.articles.ids import normalize
from detente.articles.lines import (
    is_continuation,
    is_headline,
    is_image_url,
    is_paragraph,
    is_url,
    strip_bullet,
)
from detente.articles.openings import Opening, opening
from detente.articles.outlets import known_outlet, outlet_from_url
from detente.articles.resources import load

_LAYOUT = load("layout")
_SECTIONS = frozenset(_LAYOUT["section_labels"])
_BAR = re.compile(r"\s+(?://|\|)\s+")
_TAG_LINE = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}$")
HEAD_LINES = 12  # seed 004's head (capture date, section, title, byline, outlet x2, age) is 7
MAX_MARKER_CHARS = 300  # the longest byline in the seeds (seed 001, "David Morris, ...") has 160
MAX_DEKS = 2  # paragraphs allowed above a byline or date line: seed 000 has one dek there


@dataclass(slots=True)
class Draft:
    """What an article's own lines say: its text, and the metadata found in its head."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    published: Dated | None = None


@dataclass(slots=True)
class _Head:
    """What the head scan found, as line positions and values."""

    end: int = 0
    title: int | None = None
    furniture: set[int] = field(default_factory=set)
    authors: list[str] = field(default_factory=list)
    byline_outlet: str | None = None
    line_outlet: str | None = None
    url: str | None = None
    dates: dict[str, LineDate] = field(default_factory=dict)
    opening: tuple[int, Opening] | None = None


def parse_article(lines: list[str], title: str | None = None, fetched: date | None = None) -> Draft:
    """Read one article's cleaned lines ("" for blanks) into text and metadata.

    `title`, when metadata already gives one, is the only line taken as the headline;
    otherwise the first headline-shaped line above the first paragraph is. `fetched`, the
    date the page was captured, dates "5 days ago" when the head states no capture date.
    """
    lines, trailer_url = _split_trailer(lines)
    body = [line for line in remove_boilerplate(lines) if line]
    head = _scan_head(body, title)
    text_lines = [body[i] for i in range(head.end) if i not in head.furniture]
    for index in range(head.end, len(body)):
        line = body[index]
        if head.opening and head.opening[0] == index:
            line = head.opening[1].text
        if not is_url(line):
            text_lines.append(line)
    text = "\n\n".join(strip_bullet(line) for line in text_lines)
    if not text:
        return Draft("\n\n".join(strip_bullet(line) for line in body))
    url = head.url or trailer_url
    outlet = (
        head.byline_outlet
        or head.line_outlet
        or (outlet_from_url(url) if url else None)
        or (head.opening[1].outlet if head.opening else None)
    )
    return Draft(
        text=text,
        title=body[head.title] if head.title is not None else None,
        authors=head.authors,
        outlet=outlet,
        url=url,
        published=_published(head.dates, fetched),
    )


def _split_trailer(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines without a closing URL and the "more…" line above it, and that URL.

    A clipped excerpt ends this way (seed 000); the URL is the article's own address.
    """
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 2 or not is_url(lines[filled[-1]]) or is_image_url(lines[filled[-1]]):
        return lines, None
    cut = filled[-2] if is_continuation(lines[filled[-2]]) else filled[-1]
    return lines[:cut], lines[filled[-1]]


def _scan_head(body: list[str], title: str | None) -> _Head:
    """Find the head: where the text starts, which lines are metadata, and what they say."""
    head = _Head()
    wanted = normalize(title) if title else None
    paragraphs = 0
    for index, line in enumerate(body[:HEAD_LINES]):
        found = opening(line)
        if found:
            head.opening = (index, found)
            head.end = index
            break
        if _read_marker(line, head):
            head.furniture.add(index)
            head.end = index + 1
            continue
        if head.title is None and paragraphs == 0:
            if line.casefold() in _SECTIONS:
                head.furniture.add(index)
                head.end = index + 1
                continue
            if _is_title(line, wanted):
                head.title = index
                head.furniture.add(index)
                head.end = index + 1
                continue
        if is_paragraph(line):
            paragraphs += 1
            if paragraphs > MAX_DEKS:
                break
    if head.title is not None:
        head.furniture.update(
            i
            for i in range(head.title + 1, head.end)
            if i not in head.furniture and _TAG_LINE.match(body[i])
        )
    return head


def _is_title(line: str, wanted: str | None) -> bool:
    """Whether the line is the headline: the known title if there is one, else headline-shaped."""
    if wanted is None:
        return is_headline(line)
    return normalize(line) == wanted


def _read_marker(line: str, head: _Head) -> bool:
    """Record what a metadata line says (URL, date, byline, outlet); False if it is not one."""
    if is_url(line):
        if not is_image_url(line):
            head.url = head.url or line
        return True
    if len(line) > MAX_MARKER_CHARS:
        return False
    segments = _BAR.split(line)
    if len(segments) > 1:
        return any([_read_fact(segment, head) for segment in segments])
    return _read_fact(line, head)


def _read_fact(text: str, head: _Head) -> bool:
    """Record a date, byline or outlet name that the text is, all of it; False if none."""
    dated = line_date(text)
    if dated:
        head.dates.setdefault(dated.kind, dated)
        return True
    byline = parse_byline(text)
    if byline:
        if not head.authors:
            head.authors = list(byline.authors)
        head.byline_outlet = head.byline_outlet or byline.outlet
        return True
    outlet = known_outlet(text)
    if outlet:
        head.line_outlet = head.line_outlet or outlet
        return True
    return False


def _published(dates: dict[str, LineDate], fetched: date | None = None) -> Dated | None:
    """The publication date the head's date lines give, with its basis."""
    stated, reference, relative = (dates.get(k) for k in ("published", "reference", "relative"))
    if stated and stated.value:
        return Dated(stated.value, stated.precision, "dateline")
    captured = reference.value if reference else fetched
    if relative and captured:
        value, precision = relative.back_from(captured)
        return Dated(value, precision, "relative")
    if reference and reference.value:
        return Dated(reference.value, reference.precision, "inferred")
    return None


def head_date(lines: list[str]) -> date | None:
    """The date stated in the head of some lines ("Written by // May 16, 2024 // ...")."""
    head = _scan_head([line for line in lines if line], None)
    found = _published(head.dates)
    return found.value if found else None
