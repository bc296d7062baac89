"""Article heads inside a longer text: a headline with a byline close below it."""

from __future__ import annotations

from detente.articles.bylines import parse_byline
from detente.articles.lines import is_bullet, is_headline, is_url

HEAD_REACH = 3  # lines from a headline down to its byline: seed 000 has a dek between them


def head_starts(lines: list[str]) -> list[int]:
    """Positions of headlines that have a byline within a few lines below them.

    A headline right under another such headline is its subhead, not a new head; list items
    and URLs never stand between a headline and its byline.
    """
    filled = [i for i, line in enumerate(lines) if line]
    heads: list[int] = []
    for k, index in enumerate(filled):
        line = lines[index]
        if is_bullet(line) or not is_headline(line) or parse_byline(line):
            continue
        if heads and heads[-1] == filled[k - 1]:
            continue
        if _byline_close([lines[i] for i in filled[k + 1 : k + 1 + HEAD_REACH]]):
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
