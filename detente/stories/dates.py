"""Publication dates as day ranges: when two reports can be about the same happening."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from detente.articles.model import Article

STORY_BASIS = "story"
"""`published_basis` of an article that had no date and took its story's."""
FINENESS = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class Interval:
    """The days (as ordinals, inclusive) a publication date may stand for."""

    start: int
    end: int


def own_date(article: Article) -> tuple[date, str] | None:
    """The article's own date and precision; None when it has none or took its story's."""
    if article.published is None or article.published_basis == STORY_BASIS:
        return None
    return article.published, article.published_precision or "day"


def interval(article: Article) -> Interval | None:
    """The days the article's own date covers: one day, a whole month or a whole year."""
    found = own_date(article)
    if found is None:
        return None
    day, precision = found
    if precision == "year":
        return Interval(date(day.year, 1, 1).toordinal(), date(day.year, 12, 31).toordinal())
    if precision == "month":
        first = date(day.year, day.month, 1)
        last = first.replace(day=calendar.monthrange(day.year, day.month)[1])
        return Interval(first.toordinal(), last.toordinal())
    return Interval(day.toordinal(), day.toordinal())


def story_date(members: Iterable[Article]) -> tuple[date, str] | None:
    """The date an undated member takes: the earliest of the most precise dates in the story."""
    dated = [found for found in map(own_date, members) if found is not None]
    if not dated:
        return None
    return min(dated, key=lambda item: (FINENESS.get(item[1], len(FINENESS)), item[0]))
