"""Numbers in text, read to values: digits with separators and scales ("US$240-billion" holds
240e9, "180bn", "2.5 million"), number words ("forty-two", "eleven", "two dozen"), ordinals
("43rd", "forty-second"), vague amounts ("tens of thousands") and ranges ("15 to 20")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from detente.claims.lexicon import number_words, scales

_VAGUE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6}
_VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_RANGE_JOINS = re.compile(r"\s*(?:-|–|to)\s*|\s+and\s+")


@dataclass(frozen=True, slots=True)
class Number:
    """A number written in text, with its value after any scale word."""

    value: float
    start: int
    end: int
    ordinal: bool = False
    spelled: bool = False
    """Written in words ("forty-two")."""
    scaled: bool = False
    """A scale word follows the digits ("240-billion", "180bn")."""
    short_scale: bool = False
    """The scale is a bare letter ("5m"), which only means a scale after a currency."""
    vague: bool = False
    """An order of magnitude rather than a number ("tens of thousands")."""
    upper: float | None = None
    """The top of a range ("15 to 20 percent"); `value` is its bottom."""
    factor: float = 1.0
    """The scale `value` was multiplied by (1e9 for "240-billion")."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The digit and the word patterns, built from the data files."""
    long_scales = [s for s, (_, short) in scales().items() if not short]
    short_scales = [s for s, (_, short) in scales().items() if short]
    by_length = sorted(long_scales, key=len, reverse=True)
    digits = re.compile(
        r"(?<![\w.,/:])(?<![A-Za-z]-)"
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/]|:\d|,\d{3})"
        r"(?:(?P<ord>st|nd|rd|th)\b"
        rf"|(?:[ -]?(?P<scale>{'|'.join(by_length)})\b)"
        rf"|(?P<short>{'|'.join(short_scales)})\b)?",
        re.IGNORECASE,
    )
    words = sorted(number_words(), key=len, reverse=True)
    word = rf"(?:{'|'.join(words)})"
    spelled = re.compile(
        rf"\b(?:(?P<a>an?)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
        rf"(?P<words>{word}(?:(?:-|\s+|\s+and\s+){word})*)\b",
        re.IGNORECASE,
    )
    return digits, spelled


_VAGUE_PATTERN = re.compile(
    r"\b(?P<vague>tens|dozens|hundreds|thousands|millions)"
    r"(?:\s+of\s+(?P<of>thousands|millions|billions))?(?=\s+of\b)",
    re.IGNORECASE,
)


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order; a range is one Number."""
    digits, spelled = _patterns()
    found = [_from_digits(m) for m in digits.finditer(text)]
    taken = [(n.start, n.end) for n in found]
    for match in _VAGUE_PATTERN.finditer(text):
        base = _VAGUE[match.group("vague").lower()]
        scale = _VAGUE_SCALES.get((match.group("of") or "").lower(), 1)
        found.append(Number(base * scale, match.start(), match.end(), vague=True))
        taken.append(match.span())
    taken.sort()
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # furthest end among the first k
    for match in spelled.finditer(text):
        before = bisect_left(starts, match.end())  # the spans starting before this match ends
        if before and reach[before - 1] > match.start():
            continue
        number = _from_words(match)
        if number is not None:
            found.append(number)
    return _ranges(text, sorted(found, key=lambda n: n.start))


def _from_digits(match: re.Match[str]) -> Number:
    """A Number from digits, a minus sign standing before them, an ordinal suffix and a scale."""
    value = float(match.group("num").replace(",", ""))
    start, text = match.start(), match.string
    if start and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\n"):
        value, start = -value, start - 1
    scale = match.group("scale") or match.group("short")
    factor = scales()[scale.lower()][0] if scale else 1.0
    return Number(
        value * factor,
        start,
        match.end(),
        ordinal=match.group("ord") is not None,
        scaled=scale is not None,
        short_scale=match.group("short") is not None,
        factor=factor,
    )


def _from_words(match: re.Match[str]) -> Number | None:
    """A Number from number words ("forty-two", "two hundred thousand", "a dozen")."""
    table = number_words()
    total = current = 0
    ordinal = False
    for word in re.split(r"[-\s]+", match.group("words").lower()):
        if word == "and":
            continue
        entry = table[word]
        if entry.kind in ("cardinal", "ordinal"):
            current += entry.value
        elif entry.kind in ("hundred", "ordinal-hundred", "multiplier"):
            current = (current or 1) * entry.value
        else:
            total += (current or 1) * entry.value
            current = 0
        ordinal = entry.kind.startswith("ordinal")
    return Number(float(total + current), match.start(), match.end(), ordinal, spelled=True)


def _ranges(text: str, numbers: list[Number]) -> list[Number]:
    """Numbers with "A to B", "A-B" and "between A and B" joined into one Number each."""
    joined: list[Number] = []
    for number in numbers:
        if joined and _joins(text, joined[-1], number):
            low = joined.pop()
            factor = number.factor if number.scaled and not low.scaled else 1.0
            joined.append(
                replace(
                    number,
                    value=low.value * factor,
                    start=low.start,
                    upper=number.value,
                    spelled=low.spelled,
                )
            )
        else:
            joined.append(number)
    return joined


def _joins(text: str, low: Number, high: Number) -> bool:
    """Whether two numbers form a range: the same kind of number, rising, joined by a range word
    ("and" only after "between")."""
    gap = text[low.end : high.start]
    if not _RANGE_JOINS.fullmatch(gap) or low.upper is not None or low.ordinal or high.ordinal:
        return False
    if "and" in gap and not text[: low.start].rstrip().lower().endswith("between"):
        return False
    return low.spelled == high.spelled and low.value < high.value
