"""The period a figure covers, from the time words near it read against the article's
publication date: "last year" in a 2024 article is 2023, "the first seven months of 2022" is
2022-01/2022-07, "in 2021" is 2021, "between 2018 and 2023" is 2018/2023, "since 2012" runs to
the publication year. A year after "on", "from" or "than" is a basis of comparison ("up 30 per
cent on 2019"), not the period."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache

from detente.articles.resources import load
from detente.claims.lexicon import number_words

_YEAR = r"(?:(?P<year>\d{4})|(?P<rel>this|last|next)\s+year)"
_HALVES = {"first": (1, 6), "second": (7, 12)}
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass(frozen=True, slots=True)
class Period:
    """A time expression and the ISO-ish period it names ("2023", "2022-01/2022-07")."""

    value: str
    start: int
    end: int


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(name, pattern) for each form of period, most specific first."""
    months = "|".join(sorted(load("dates")["months"], key=len, reverse=True))
    forms = {
        "months": rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+months\s+of\s+{_YEAR}",
        "half": rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+{_YEAR}",
        "quarter": rf"\b(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+{_YEAR}",
        "span": r"\b(?:between|from)\s+(?P<a>\d{4})\s+(?:and|to|until)\s+(?P<b>\d{4})\b",
        "since": r"\bsince\s+(?P<a>\d{4})\b",
        "month": rf"\b(?P<mon>{months})\.?,?\s+(?:of\s+)?{_YEAR}\b",
        "year": r"\b(?:in|during|for|of|by|throughout)\s+(?P<year>\d{4})\b",
        "relative": r"\b(?P<rel>this|last|past|previous)\s+(?P<unit>year|month)\b",
    }
    return [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in forms.items()]


def find_periods(text: str, published: date | None) -> list[Period]:
    """Every period named in `text` that can be read, the most specific where forms overlap."""
    found: list[Period] = []  # in text order, never overlapping
    for name, pattern in _patterns():
        for match in pattern.finditer(text):
            place = bisect_left(found, match.start(), key=lambda p: p.start)
            before = place > 0 and found[place - 1].end > match.start()
            if before or (place < len(found) and found[place].start < match.end()):
                continue
            value = _read(name, match, published)
            if value is not None:
                found.insert(place, Period(value, match.start(), match.end()))
    return found


def nearest_period(text: str, start: int, end: int, published: date | None) -> str | None:
    """The period named in `text` (a sentence) nearest the figure at `start`-`end`."""
    return nearest(find_periods(text, published), start, end)


def nearest(periods: list[Period], start: int, end: int) -> str | None:
    """The period of `periods` (from find_periods) nearest the figure at `start`-`end`: the
    last one ending before it or the first one after, the earlier on a tie."""
    place = bisect_right(periods, start, key=lambda p: p.end)
    candidates = periods[max(0, place - 1) : place + 1]
    if not candidates:
        return None

    def distance(period: Period) -> int:
        return start - period.end if period.end <= start else max(0, period.start - end)

    return min(candidates, key=distance).value


def _read(name: str, match: re.Match[str], published: date | None) -> str | None:
    """The period one match names, or None when it needs a publication date it lacks."""
    if name == "span":
        return f"{match['a']}/{match['b']}"
    if name == "since":
        return f"{match['a']}/{published.year}" if published else None
    if name == "relative":
        return _relative(match["rel"].lower(), match["unit"].lower(), published)
    year = _year(match, published)
    if year is None:
        return None
    if name == "months":
        count = _count(match["n"])
        return None if count is None or not 1 <= count <= 12 else f"{year}-01/{year}-{count:02d}"
    if name == "half":
        first, last = _HALVES[match["which"].lower()]
        return f"{year}-{first:02d}/{year}-{last:02d}"
    if name == "quarter":
        quarter = _QUARTERS[match["which"].lower()]
        return f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}"
    if name == "month":
        return f"{year}-{load('dates')['months'][match['mon'].lower()]:02d}"
    return str(year)


def _year(match: re.Match[str], published: date | None) -> int | None:
    """The year a match names: written out, or this/last/next year from the publication date."""
    if match["year"]:
        return int(match["year"])
    if published is None:
        return None
    return published.year + {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]


def _relative(word: str, unit: str, published: date | None) -> str | None:
    """ "last year", "this month" and the like against the publication date."""
    if published is None:
        return None
    back = 0 if word == "this" else 1
    if unit == "year":
        return str(published.year - back)
    month = published.year * 12 + published.month - 1 - back
    return f"{month // 12}-{month % 12 + 1:02d}"


def _count(word: str) -> int | None:
    """A small count written in digits or words ("seven", "7")."""
    if word.isdigit():
        return int(word)
    entry = number_words().get(word.lower())
    return entry.value if entry is not None and entry.kind == "cardinal" else None
