"""Publication dates: spans found with our own patterns, read exactly, with precision and basis.

dateparser is only a last resort for metadata values in a form none of the patterns knows:
it misreads "14-16 May" (as 2016-05-14) and cannot read "20220615".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import dateparser

from detente.articles.resources import load

_DATA = load("dates")
_MONTHS: dict[str, int] = _DATA["months"]
_UNITS: dict[str, dict[str, int | str]] = _DATA["relative_units"]
_PIVOT: int = _DATA["two_digit_year_pivot"]
_MONTH_FIRST: bool = _DATA["slash_month_first"]
_REFERENCE_LABELS = frozenset(_DATA["reference_labels"])

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON = rf"(?P<mon>{_MONTH})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_I = re.IGNORECASE

_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}", _I)
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d){_DAY}[\s-]+{_MON},?[\s-]+{_YEAR}", _I)
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
_COMPACT = re.compile(
    r"^(?P<year>(?:19|20)\d{2})(?P<mon>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])$"
)
_MONTH_YEAR = re.compile(rf"\b{_MON},?\s+{_YEAR}", _I)
_DAY_FORMS = (_ISO, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _SLASHED, _COMPACT)

_HEADING_DAY_MONTH = re.compile(rf"^{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?$", _I)
_HEADING_MONTH_DAY = re.compile(rf"^{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?$", _I)
_GLUED_HEADING = re.compile(
    rf"(?<=[.!?…\"'’”)])\s?(?P<heading>\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTH}))$", _I
)

_LABELS = "|".join(
    re.escape(label)
    for label in sorted(
        _DATA["published_labels"] + _DATA["reference_labels"], key=len, reverse=True
    )
)
_LABEL = re.compile(rf"^(?P<label>{_LABELS})\b\s*:?\s*", _I)
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_RELATIVE = re.compile(
    rf"^(?:(?P<n>\d+|an?|one)\s+(?P<unit>{_UNIT})s?\.?\s+ago|(?P<word>yesterday|today))$", _I
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?", _I)
_MAX_WORDS_AFTER_DATE = 3  # " date 2022-08-18 ContributorsPublishersAdvertisers" (seed 004) has 1
_DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}


@dataclass(frozen=True, slots=True)
class Dated:
    """A date, how precise it is (`day|month|year`) and what it rests on (its basis)."""

    value: date
    precision: str
    basis: str


@dataclass(frozen=True, slots=True)
class LineDate:
    """What a whole line of an article's head says about dates.

    `kind` is `published` (a date line), `reference` (a capture date: relative dates count
    back from it) or `relative` ("5 days ago", held as `days` or `months` back).
    """

    kind: str
    value: date | None = None
    precision: str = "day"
    days: int = 0
    months: int = 0

    def back_from(self, reference: date) -> tuple[date, str]:
        """The date this relative line names, counted back from `reference`, and its precision."""
        if not self.months:
            return reference - timedelta(days=self.days), self.precision
        total = reference.year * 12 + reference.month - 1 - self.months
        return date(total // 12, total % 12 + 1, 1), self.precision


@dataclass(frozen=True, slots=True)
class Heading:
    """A dated heading in a timeline ("14-16 May", "3 May 2024"); the year may be missing."""

    day: int
    month: int
    year: int | None


def _full_year(text: str) -> int:
    """A four-digit year from a two- or four-digit one."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < _PIVOT else 1900
    return year


def _month(text: str) -> int:
    """A month number from a name, an abbreviation or digits."""
    return int(text) if text.isdigit() else _MONTHS[text.lower().rstrip(".")]


def _read(match: re.Match[str]) -> date | None:
    """The calendar date a day-precision match names, or None if there is no such day."""
    groups = match.groupdict()
    if "a" in groups:
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (first, second) if _MONTH_FIRST and first <= 12 else (second, first)
    else:
        month, day = _month(groups["mon"]), int(groups["day"])
    try:
        return date(_full_year(groups["year"]), month, day)
    except ValueError:
        return None


def find_date(text: str, at_start: bool = False) -> tuple[date, str, int, int] | None:
    """The first full date written in the text (or only at its start): its value, precision,
    and span (start, end)."""
    for pattern in _DAY_FORMS:
        match = pattern.match(text) if at_start else pattern.search(text)
        if match and (value := _read(match)) is not None:
            return value, "day", match.start(), match.end()
    match = _MONTH_YEAR.match(text) if at_start else _MONTH_YEAR.search(text)
    if match:
        value = date(int(match["year"]), _month(match["mon"]), 1)
        return value, "month", match.start(), match.end()
    return None


def line_date(line: str) -> LineDate | None:
    """The date a whole head line states ("June 15, 2022", "date 2022-08-18", "5 days ago")."""
    label_match = _LABEL.match(line)
    label = label_match["label"].lower() if label_match else None
    rest = line[label_match.end() :] if label_match else line
    relative = _RELATIVE.match(rest.strip())
    if relative:
        return _relative(relative)
    found = find_date(rest, at_start=True)
    if found is None:
        return None
    value, precision, _, end = found
    if len(_CLOCK.sub(" ", rest[end:]).split()) > _MAX_WORDS_AFTER_DATE:
        return None
    kind = "reference" if label in _REFERENCE_LABELS else "published"
    return LineDate(kind, value, precision)


def _relative(match: re.Match[str]) -> LineDate:
    """A relative date line ("5 days ago", "an hour ago", "yesterday")."""
    if match["word"]:
        return LineDate("relative", days=1 if match["word"].lower() == "yesterday" else 0)
    count = 1 if not match["n"].isdigit() else int(match["n"])
    unit = _UNITS[match["unit"].lower()]
    precision = str(unit["precision"])
    if "months" in unit:
        return LineDate("relative", precision=precision, months=count * int(unit["months"]))
    return LineDate("relative", precision=precision, days=count * int(unit["days"]))


def meta_date(value: str) -> tuple[date, str] | None:
    """A date and precision from a metadata value (ISO, RFC 822, "9-MAR-1987 07:59:05.79" ...)."""
    text = value.strip()
    iso = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])", text)
    if iso:
        year, month, day = iso.groups()
        try:
            return date(int(year), int(month or 1), int(day or 1)), (
                "day" if day else "month" if month else "year"
            )
        except ValueError:
            return None
    found = find_date(text)
    if found:
        return found[0], found[1]
    try:
        return parsedate_to_datetime(text).date(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    if not any(char.isdigit() for char in text):
        return None
    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return (parsed.date(), "day") if parsed else None


def heading(line: str) -> Heading | None:
    """The date of a timeline heading line ("14-16 May", "May 3", "3 May 2024"), if it is one."""
    match = _HEADING_DAY_MONTH.match(line) or _HEADING_MONTH_DAY.match(line)
    if not match:
        return None
    year = int(match["year"]) if match["year"] else None
    return Heading(int(match["day"]), _month(match["mon"]), year)


def split_glued_heading(line: str) -> tuple[str, str] | None:
    """A paragraph with a heading stuck to its end ("...on Friday.4 August"), cut in two."""
    match = _GLUED_HEADING.search(line)
    if not match or match.start() == 0:
        return None
    return line[: match.start()].rstrip(), match["heading"]


def heading_dates(headings: list[Heading], anchor: date | None) -> list[date | None]:
    """Full dates for a timeline's headings, years taken from the post's own date.

    Reading from the newest heading to the oldest, the year drops by one whenever the month
    goes up (after "3 May" comes "24 November" of the year before); a heading with its own
    year sets it. The list may run either way: the reading that dates the most headings with
    the fewest year changes wins, newest first on a tie.
    """
    newest_first = _dated_backwards(headings, anchor)
    oldest_first = _dated_backwards(headings[::-1], anchor)
    if _cost(oldest_first) < _cost(newest_first):
        return oldest_first[0][::-1]
    return newest_first[0]


def _cost(reading: tuple[list[date | None], int]) -> tuple[int, int]:
    """How bad a reading is: headings left undated, then year changes."""
    dates, drops = reading
    return dates.count(None), drops


def _dated_backwards(headings: list[Heading], anchor: date | None) -> tuple[list[date | None], int]:
    """Dates for headings read newest first, and how many times the year dropped."""
    year = anchor.year if anchor else None
    previous = anchor.month if anchor else 12
    drops = 0
    dates: list[date | None] = []
    for item in headings:
        if item.year is not None:
            year = item.year
        elif year is not None and item.month > previous:
            year -= 1
            drops += 1
        previous = item.month
        try:
            dates.append(date(year, item.month, item.day) if year is not None else None)
        except ValueError:
            dates.append(None)
    return dates, drops
