"""An event's own date: date expressions found in its sentence, resolved against publication."""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

DATA = Path(__file__).resolve().parent / "data" / "when.toml"

# How far before the publication date a date read as "upcoming" may still lie: an event
# "taking place between the 20th and 23rd of July" in a 22 July article has begun already.
# One week covers the multi-day drills, visits and summits in the seeds.
FORWARD_SLACK_DAYS = 7
# How far after the publication date a date read as "past" may lie: wire copy is often
# dated by the time zone of the desk, a day off the place where it happened.
BACKWARD_SLACK_DAYS = 1

_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression in a text: where it is and what it says, not yet resolved."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    """`day`, `week`, `month` or `year` for an expression that counts in units."""
    shift: int = 0
    """Units from the publication date ("last week" -1, "three days ago" -3), or for a
    weekday: -1 "last Tuesday", +1 "next Tuesday", 0 the nearest."""

    @property
    def absolute(self) -> bool:
        """Whether it names its year, so needs no publication date."""
        return self.year is not None


@dataclass(frozen=True, slots=True)
class When:
    """A resolved event date with its precision (day/week/month/year) and basis."""

    date: date
    precision: str
    basis: str
    """`sentence` (the sentence names the full date), `relative` (read against the
    publication date), `clause` (taken from the clause its own clause modifies) or
    `publication` (no date in the sentence: the article's date)."""

    @property
    def last_day(self) -> date:
        """The last day of the period the date stands for."""
        if self.precision == "week":
            return self.date + timedelta(days=6)
        if self.precision == "month":
            return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        if self.precision == "year":
            return self.date.replace(month=12, day=31)
        return self.date


@dataclass(frozen=True, slots=True)
class _Words:
    """The word lists of when.toml, compiled into the patterns that find dates."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, tuple[int, str]]
    days: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _alternation(names: dict[str, int]) -> str:
    """A regex alternation of capitalised names, longest first; an abbreviation ("Feb", a
    shorter form of a longer name with the same value) may carry a dot."""
    forms = []
    for name in sorted(names, key=len, reverse=True):
        short = any(o != name and o.startswith(name) and names[o] == names[name] for o in names)
        forms.append(re.escape(name.capitalize()) + (r"\.?" if short else ""))
    return "(?:" + "|".join(forms) + ")"


@cache
def _words(path: Path = DATA) -> _Words:
    """The date words, read once."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    months = {k: int(v) for k, v in data["months"].items()}
    weekdays = {k: int(v) for k, v in data["weekdays"].items()}
    numbers = {k: int(v) for k, v in data["numbers"].items()}
    units = {k: (int(v["days"]), str(v["precision"])) for k, v in data["units"].items()}
    bad = [k for k, (_, precision) in units.items() if precision not in _PRECISIONS]
    if bad:
        raise ValueError(f"{path}: units {bad} have a precision outside {_PRECISIONS}")
    month = "(?P<m>" + _alternation(months) + ")"
    day1, day2 = (rf"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)" for g in ("d", "d2"))
    year = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
    dash = r"\s*(?:-|–|—|to|and|through)\s*"
    lone_month = "|".join(map(re.escape, data["lone_month"]["before"]))
    lone_year = "|".join(map(re.escape, data["lone_year"]["before"]))
    season = r"(?:(?:early|late|mid)[\s-]+|the\s+(?:end|start|beginning|middle)\s+of\s+)?"
    weekday = "(?P<w>" + _alternation(weekdays) + ")"
    unit = "(?P<u>" + "|".join(units) + ")"
    number = r"(?P<n>\d+|" + "|".join(numbers) + ")"
    patterns = (
        (
            "dm",
            rf"\b(?i:between|from)\s+(?:the\s+)?{day1}{dash}(?:the\s+)?{day2}\s+(?:of\s+)?{month}"
            rf"(?:,?\s+{year})?",
        ),
        ("dm", rf"\b{day1}\s*[-–]\s*{day2}\s+(?:of\s+)?{month}(?:,?\s+{year})?"),
        ("md", rf"\b{month}\s+{day1}(?:\s*[-–]\s*{day2})?(?:,?\s+{year})?"),
        ("dm", rf"\b(?:the\s+)?{day1}\s+(?:of\s+)?{month}(?:,?\s+{year})?"),
        ("my", rf"\b{season}{month},?\s+{year}"),
        ("m", rf"\b(?i:{lone_month})\s+(?:the\s+)?{season}{month}(?![\w-])"),
        ("y", rf"\b(?i:{lone_year})\s+(?:the\s+)?{season}{year}"),
        ("w", rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?{weekday}\b"),
        ("u", rf"\b(?:(?:earlier|later)\s+)?(?:(?P<rel>last|next|this|past|coming)\s+){unit}\b"),
        ("ago", rf"\b{number}\s+{unit}s?\s+ago\b"),
        ("days", r"\b(?:" + "|".join(data["days"]) + r")\b"),
    )
    flags = {"days": re.IGNORECASE, "u": re.IGNORECASE, "ago": re.IGNORECASE}
    compiled = tuple((kind, re.compile(text, flags.get(kind, 0))) for kind, text in patterns)
    return _Words(months, weekdays, numbers, units, dict(data["days"]), compiled)


_SHIFTS = {"last": -1, "past": -1, "next": 1, "coming": 1}


def _shift(word: str | None) -> int:
    """The step "last" (-1), "next" (+1) or "this" (0) makes from the publication date."""
    return _SHIFTS.get((word or "").lower(), 0)


def find_dates(text: str, offset: int = 0) -> list[DateSpan]:
    """The date expressions in `text`, in order, none overlapping; offsets shifted by `offset`."""
    words = _words()
    taken: list[tuple[int, int]] = []
    found: list[DateSpan] = []
    for kind, pattern in words.patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            span = _read(kind, match, words, start + offset, end + offset)
            if span is not None:
                taken.append((start, end))
                found.append(span)
    return sorted(found, key=lambda span: span.start)


def _read(kind: str, match: re.Match[str], words: _Words, start: int, end: int) -> DateSpan | None:
    """The DateSpan a match of pattern `kind` stands for, or None when it is no real date."""
    groups = match.groupdict()
    text = match.group(0)
    year = int(groups["y"]) if groups.get("y") else None
    month = words.months[groups["m"].lower().rstrip(".")] if groups.get("m") else None
    if kind in ("dm", "md"):
        day = int(groups["d"])
        if not 1 <= day <= 31 or (year and not _valid(year, month or 1, day)):
            return None
        return DateSpan(start, end, text, year=year, month=month, day=day)
    if kind in ("my", "m"):
        return DateSpan(start, end, text, year=year, month=month)
    if kind == "y":
        return DateSpan(start, end, text, year=year)
    if kind == "w":
        weekday = words.weekdays[groups["w"].lower().rstrip(".")]
        return DateSpan(start, end, text, weekday=weekday, shift=_shift(groups["rel"]))
    if kind == "u":
        unit = groups["u"].lower()
        return DateSpan(start, end, text, unit=unit, shift=_shift(groups["rel"]))
    if kind == "ago":
        count = groups["n"].lower()
        number = int(count) if count.isdigit() else words.numbers[count]
        return DateSpan(start, end, text, unit=groups["u"].lower(), shift=-number)
    return DateSpan(start, end, text, unit="day", shift=words.days[text.lower()])


def _valid(year: int, month: int, day: int) -> bool:
    """Whether the day exists in that month."""
    return 1 <= day <= calendar.monthrange(year, month)[1]


def resolve(span: DateSpan, published: date | None, forward: bool = False) -> When | None:
    """The date `span` means, read against `published`; None where it cannot be known.

    `forward` reads an incomplete date as the next such date rather than the last one
    ("on Thursday" in "the visit begins on Thursday").
    """
    if span.year is not None:
        return _absolute(span)
    if published is None:
        return None
    if span.month is not None:
        return _month_day(span, published, forward)
    if span.weekday is not None:
        return _weekday(span, published, forward)
    if span.unit is not None:
        return _unit(span, published)
    return None


def _absolute(span: DateSpan) -> When | None:
    """A date whose year the sentence gives."""
    year = span.year or 1
    if span.month is None:
        return When(date(year, 1, 1), "year", "sentence")
    if span.day is None:
        return When(date(year, span.month, 1), "month", "sentence")
    return When(date(year, span.month, span.day), "day", "sentence")


def _month_day(span: DateSpan, published: date, forward: bool) -> When | None:
    """A month and day, or a month alone ("February 4", "in May"), in the right year."""
    month = span.month or 1
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        if span.day is None:
            candidates.append(date(year, month, 1))
        elif _valid(year, month, span.day):
            candidates.append(date(year, month, span.day))
    if not candidates:
        return None
    precision = "month" if span.day is None else "day"
    if forward:
        floor = published - timedelta(days=FORWARD_SLACK_DAYS)
        if precision == "month":
            floor = floor.replace(day=1)
        chosen = min((d for d in candidates if d >= floor), default=None)
    else:
        ceiling = published + timedelta(days=BACKWARD_SLACK_DAYS)
        chosen = max((d for d in candidates if d <= ceiling), default=None)
    return When(chosen, precision, "relative") if chosen else None


def _weekday(span: DateSpan, published: date, forward: bool) -> When:
    """A weekday ("on Wednesday"): the nearest one before (read forward, after) publication."""
    weekday = span.weekday or 0
    if span.shift > 0 or (span.shift == 0 and forward):
        ahead = (weekday - published.weekday()) % 7 or (7 if span.shift > 0 else 0)
        return When(published + timedelta(days=ahead), "day", "relative")
    back = (published.weekday() - weekday) % 7 or (7 if span.shift < 0 else 0)
    return When(published - timedelta(days=back), "day", "relative")


def _unit(span: DateSpan, published: date) -> When:
    """A unit counted from publication ("last week", "earlier this month", "yesterday")."""
    unit = span.unit or "day"
    days, precision = _words().units[unit]
    if precision == "day":
        return When(published + timedelta(days=span.shift * days), "day", "relative")
    if precision == "week":
        monday = published - timedelta(days=published.weekday())
        return When(monday + timedelta(weeks=span.shift), "week", "relative")
    if precision == "month":
        index = published.year * 12 + published.month - 1 + span.shift
        return When(date(index // 12, index % 12 + 1, 1), "month", "relative")
    return When(date(published.year + span.shift, 1, 1), "year", "relative")


@dataclass(frozen=True, slots=True)
class ClauseMarks:
    """Subordinators of a clause set at (`same`) or near (`near`) its governing clause's time."""

    same: frozenset[str]
    near: frozenset[str]


@cache
def clause_marks(path: Path = DATA) -> ClauseMarks:
    """The subordinators of when.toml's [clause] table, read once."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)["clause"]
    return ClauseMarks(frozenset(data["same"]), frozenset(data["near"]))


def inherited(found: When, mark: str) -> When:
    """The date an undated event of a clause under `mark` takes from the clause it modifies:
    the same date after "when", the month at most after "before" or "after"."""
    precision = found.precision
    day = found.date
    if mark in clause_marks().near and precision in ("day", "week"):
        day, precision = day.replace(day=1), "month"
    return When(day, precision, "clause")


def fallback(published: date | None, precision: str | None) -> When | None:
    """The publication date as the recorded fallback when the sentence dates nothing."""
    if published is None:
        return None
    return When(published, precision if precision in _PRECISIONS else "day", "publication")


def attachments(sent: Span, spans: Iterable[DateSpan]) -> list[tuple[DateSpan, Token, set[int]]]:
    """Each date span in `sent` with the token it modifies and the indices of its own tokens.

    "met Xi on February 4" attaches to "met" (through the preposition); "Wednesday's call"
    attaches to "call".
    """
    out = []
    for span in spans:
        tokens = [t for t in sent if span.start <= t.idx < span.end]
        if not tokens:
            continue
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])
        head = root.head
        if root.dep_ != "prep" and head.dep_ == "prep":
            head = head.head
        out.append((span, head, inside))
    return out
