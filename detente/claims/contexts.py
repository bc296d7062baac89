"""Numbers that are not claims, and why: dates and years, clock times, spans of time, ages,
labels ("Resolution 2231", "day 174"), addresses, phone numbers, list numbering, parts of names
("Nord Stream 2"), properties written as compounds ("a 10-point formula", "a two-day visit"),
ordinals other than "the 43rd time", small spelled numbers naming a known group ("the two
leaders", "between two countries"), coordinates, and bare numbers that count nothing
("Comments / 0", "the one who").

Decisions: an age ("69-year-old", "Dayton, 42,") describes a person and is not counted; a span of
time ("100 days", "two years") is left to the date code; a hyphenated compound before a noun
("10-point formula", "11-mile bridge") describes the thing named, so it is a property, not a
figure someone claims; a number with no currency, unit or counted noun is no claim (an amount
without a unit is what GDELT gets wrong); money and percentages are always claims.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from detente.articles.resources import load
from detente.claims.lexicon import not_claims, scales
from detente.claims.numbers import Number
from detente.language import doc_text

_YEARS = range(1000, 2101)  # four-digit integers read as years when nothing says otherwise
_MAX_GROUP_WORD = 10  # "the two leaders" .. "the ten members": a known group, not a count
_CLOCK = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|EDT|EST|BST|CET|MSK|o'clock)(?!\w)", re.I)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{2,4}[\s.-]\d{2,4}")
_COMPACT_DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_COORDINATE = re.compile(r"\s?°\s?\d|\s?[′″]")
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*$")
_LIST_MARK = re.compile(r"[.)]\s")
_YEARS_OLD = re.compile(r"-?\s*years?[- ]old\b")
_HYPHENED = re.compile(r"-(?P<w>[A-Za-z]+)")
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+)")
_DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "whose"})
_VAGUE_WORDS = frozenset({"tens", "dozens", "hundreds", "thousands", "millions", "billions"})
_MAX_NOUN_GAP = 3  # "forty-two different occasions": modifiers allowed between number and noun
_ORDINAL_NOUNS = frozenset({"time", "times", "occasion", "occasions"})


@cache
def _street_pattern() -> re.Pattern[str]:
    """A number's following words as an address: one to three names, then a street word."""
    words = "|".join(re.escape(w) for w in sorted(not_claims("street"), key=len, reverse=True))
    return re.compile(rf"\s+(?:[A-Z][a-z]+\s+){{1,3}}?(?i:{words})(?!\w)")


@cache
def _month_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a month name right before or right after a day number."""
    months = sorted(load("dates")["months"], key=len, reverse=True)
    names = "|".join(m.capitalize() for m in months) + "|" + "|".join(m.upper() for m in months)
    before = re.compile(rf"(?:{names})\.?,?\s+(?:the\s+)?$")
    after = re.compile(
        rf"(?:st|nd|rd|th)?(?:\s*(?:and|-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
        rf"\s*(?:of\s+)?(?:{names})\b"
    )
    return before, after


def not_a_claim(doc: Doc, number: Number, measured: str | None) -> str | None:
    """Why `number` is not a claim (`date`, `year`, `time`, `coordinate`, `duration`, `age`,
    `label`, `address`, `phone`, `list`, `name`, `property`, `ordinal`, `group`), or None.

    `measured` is the kind the number was measured as (`money`, `percent`, ...) or None."""
    text = doc_text(doc)
    if measured in ("money", "percent"):
        return None
    before, end = text[max(0, number.start - 40) : number.start], number.end
    month_before, month_after = _month_pattern()
    if month_before.search(before) or month_after.match(text, end):
        return "date"
    if measured is None and _is_year(text, number):
        return "year"
    if _COMPACT_DATE.fullmatch(text[number.start : number.end]):
        return "date"
    if _CLOCK.match(text, end):
        return "time"
    if _COORDINATE.match(text, end):
        return "coordinate"
    reason = _by_neighbours(text, number, before, measured)
    if reason is not None:
        return reason
    counted = measured == "count" or _next_word(text, end) in _ORDINAL_NOUNS
    if number.ordinal and (not counted or number.value == 1):
        return "ordinal"  # "the first time" is a property of the event, not a count
    return _by_parse(doc, number, measured)


def _is_year(text: str, number: Number) -> bool:
    """A plain four-digit integer in the year range ("in 2021", "since 2012", "2018 and 2023"),
    or a decade ("the 1990s")."""
    written = text[number.start : number.end]
    if number.scaled or number.spelled or number.ordinal or "," in written or "." in written:
        return False
    if text[number.end : number.end + 1] == "s":
        return True
    values = [number.value] + ([number.upper] if number.upper is not None else [])
    return all(v == int(v) and int(v) in _YEARS for v in values)


def _by_neighbours(text: str, number: Number, before: str, measured: str | None) -> str | None:
    """Reasons read from the words right beside the number (`before` it, and `text` after)."""
    end = number.end
    following = _next_word(text, end)
    previous = before.split()[-1].lower() if before.split() else ""
    if _YEARS_OLD.match(text, end) or previous in not_claims("age"):
        return "age"
    if measured is None and following in not_claims("duration"):
        return "duration"
    if previous in not_claims("label") or before.endswith("#"):
        return "label"
    if _street_pattern().match(text, end):
        return "address"
    window = text[max(0, number.start - 6) : number.end + 12]
    if _PHONE.search(window) and not number.scaled:
        return "phone"
    if _LIST_ITEM.search(before) and _LIST_MARK.match(text, end):
        return "list"
    hyphened = _HYPHENED.match(text, end)
    if measured is None and hyphened and hyphened.group("w").lower() not in scales():
        return "property"
    return None


def _by_parse(doc: Doc, number: Number, measured: str | None) -> str | None:
    """Reasons read from the parse: part of a name, a known group."""
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None or measured is not None:
        return None
    first, last = span[0], span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    previous = doc[first.i - 1] if first.i > 0 else None
    follows_name = previous is not None and previous.pos_ == "PROPN" and not number.spelled
    if follows_name and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
        return "name"
    beside_name = previous is not None and previous.text == "," and first.i > 1
    if beside_name and doc[first.i - 2].pos_ == "PROPN" and nxt is not None and nxt.text == ",":
        return "age"
    small = number.spelled and number.value <= _MAX_GROUP_WORD
    noun = counted_noun(span)
    if noun is not None and noun.lower_ in not_claims("duration"):
        return "duration"
    if small and noun is not None and noun.lower_ in not_claims("group"):
        return "group"
    if number.spelled and number.value == 1 and number.upper is None:
        return "group"  # "one China", "one of them": a determiner far more often than a count
    if small and _determined(previous):
        return "group"
    return None


def _determined(token: Token | None) -> bool:
    """Whether a number follows "the", "their" and the like ("the two leaders")."""
    return token is not None and token.lower_ in _DETERMINERS


def _next_word(text: str, end: int) -> str:
    """The first word after a number ending at `end`, lower case, without a hyphen before it."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else ""


def counted_noun(span: Span) -> Token | None:
    """The noun a number counts: its head when it is a number modifier ("eleven ships"), else
    the first noun within a few modifiers after it on the same line ("forty-two different
    occasions")."""
    doc, last = span.doc, span[-1]
    noun = last.head if last.dep_ == "nummod" and last.head.i > last.i else None
    start = last.i + 1
    if start < len(doc) and doc[start].lower_ == "of" and last.lower_ in _VAGUE_WORDS:
        start += 1  # "tens of thousands of people"
    if noun is None:
        for token in doc[start : start + _MAX_NOUN_GAP]:
            if token.pos_ in ("NOUN", "PROPN"):
                noun = token
                break
            if token.pos_ not in ("ADJ", "ADV", "NUM"):
                break
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return None if "\n" in doc_text(doc)[last.idx : noun.idx] else noun
