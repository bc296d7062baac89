"""Timeline posts: dated headings ("14-16 May"), each over one or more stories from outlets.

A story inside a section starts at its headline: the head lines above a paragraph that opens
with an outlet tag ("(AP) —", "CNN —"), a headline with a byline below it, a headline after a
blank line, or a run of headlines left at the end of a block. Years come from the post's own
date (see `dates.heading_dates`).
"""

from __future__ import annotations

from datetime import date

from detente.articles.boilerplate import remove_boilerplate
from detente.articles.bylines import parse_byline
from detente.articles.dates import Dated, heading, heading_dates, split_glued_heading
from detente.articles.heads import head_starts
from detente.articles.lines import is_headline, is_paragraph
from detente.articles.metadata import head_date
from detente.articles.openings import opening

MIN_HEADINGS = 2  # one dated line could be an article's own date line; seed 001 has 16
MAX_STORY_HEAD = 5  # seed 001's longest story head (title, 2 deks, author) is 4 lines
MAX_HEAD_DEKS = 2  # long deks allowed in a story head; seed 001 has at most one
MIN_TRAILING_HEADLINES = 2  # a headline and its dek at a block's end: a story with no body


def split_timeline(lines: list[str], anchor: date | None) -> list[tuple[list[str], Dated | None]]:
    """The stories of a timeline post with their heading dates; [] if it is not a timeline.

    `anchor` is the post's date when the post does not state its own in its head.
    """
    if sum(1 for i in range(len(lines)) if _is_heading(lines, i)) < MIN_HEADINGS:
        return []
    lines = _unglue(lines)
    starts = [i for i in range(len(lines)) if _is_heading(lines, i)]
    found = [h for h in (heading(lines[i]) for i in starts) if h]
    dates = heading_dates(found, head_date(lines[: starts[0]]) or anchor)
    stories: list[tuple[list[str], Dated | None]] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        value = dates[number]
        dated = Dated(value, "day", "heading") if value else None
        section = remove_boilerplate(lines[start + 1 : end])
        stories.extend((story, dated) for story in split_stories(section))
    return stories


def _neighbour(lines: list[str], index: int, step: int) -> str:
    """The nearest non-blank line before (step -1) or after (step 1) the index, or ""."""
    index += step
    while 0 <= index < len(lines):
        if lines[index]:
            return lines[index]
        index += step
    return ""


def _is_heading(lines: list[str], index: int) -> bool:
    """Whether the line is a dated heading: a date alone, over a headline, not under a byline."""
    if heading(lines[index]) is None:
        return False
    below, above = _neighbour(lines, index, 1), _neighbour(lines, index, -1)
    return (
        is_headline(below)
        and parse_byline(below) is None
        and (not above or parse_byline(above) is None)
    )


def _unglue(lines: list[str]) -> list[str]:
    """The lines with headings stuck to a paragraph's end put on lines of their own."""
    out: list[str] = []
    for line in lines:
        parts = split_glued_heading(line)
        if parts and is_paragraph(parts[0]):
            out.extend(parts)
        else:
            out.append(line)
    return out


def split_stories(lines: list[str]) -> list[list[str]]:
    """The stories in one dated section, each as its lines."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return []
    starts = {filled[0]}
    previous_opening: int | None = None
    for index in filled:
        line = lines[index]
        if opening(line):
            starts.add(_head_start(lines, index, filled[0], previous_opening))
            previous_opening = index
        elif index > 0 and not lines[index - 1] and is_headline(line) and not parse_byline(line):
            starts.add(index)
    starts.update(head_starts(lines))
    starts.update(_trailing_headlines(lines))
    ordered = sorted(starts)
    bounds = [*ordered[1:], len(lines)]
    return [lines[a:b] for a, b in zip(ordered, bounds, strict=True)]


def _head_start(lines: list[str], index: int, first: int, previous_opening: int | None) -> int:
    """Where the head of the story whose tagged paragraph is at `index` starts."""
    blank = max((i for i in range(first, index) if not lines[i]), default=first - 1)
    after_opening = previous_opening + 1 if previous_opening is not None else first
    floor = max(first, blank + 1, after_opening)
    run = lines[floor:index]
    at_boundary = floor != after_opening or previous_opening is None
    if at_boundary and 0 < len(run) <= MAX_STORY_HEAD and _is_whole_head(run):
        return floor
    start = index
    while start - 1 >= floor and index - start < MAX_STORY_HEAD and _is_head_line(lines[start - 1]):
        start -= 1
    return start


def _is_head_line(line: str) -> bool:
    """Whether the line can stand in a story's head: a headline or a byline."""
    return is_headline(line) or parse_byline(line) is not None


def _is_whole_head(run: list[str]) -> bool:
    """Whether all these lines form one story head: a headline, deks, then bylines only."""
    if not is_headline(run[0]) or parse_byline(run[0]):
        return False
    deks = 0
    for line in run[1:]:
        if parse_byline(line):
            continue
        if not is_headline(line) or is_paragraph(line):
            deks += 1
        elif deks:
            return False
    return deks <= MAX_HEAD_DEKS


def _trailing_headlines(lines: list[str]) -> list[int]:
    """Starts of headline runs left at a block's end under a paragraph: stories with no body."""
    starts = []
    end = len(lines)
    while end > 0:
        while end > 0 and not lines[end - 1]:
            end -= 1
        start = end
        while start > 0 and lines[start - 1]:
            start -= 1
        run = end
        while run > start and is_headline(lines[run - 1]) and not opening(lines[run - 1]):
            run -= 1
        if end - run >= MIN_TRAILING_HEADLINES and run > start and is_paragraph(lines[run - 1]):
            starts.append(run)
        end = start
    return starts
