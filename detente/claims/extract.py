"""Claims of a whole article: each number that is a figure someone claims, measured (money,
percent, quantity, or a count of the noun it numbers), with its approximation, subject, period
and source. Numbers that are dates, ages, labels and the like are left out (see contexts)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from spacy.tokens import Doc

from detente.claims.contexts import counted_noun, not_a_claim
from detente.claims.lexicon import approximations, units
from detente.claims.model import Claim
from detente.claims.numbers import Number, find_numbers
from detente.claims.periods import Period, find_periods, nearest
from detente.claims.subjects import source_of, subject_of
from detente.claims.units import Measure, measure
from detente.language import doc_text, sentence_bounds


def find_claims(doc: Doc, published: date | None) -> list[Claim]:
    """The claims of an article parsed with spaCy; `published` dates "last year" and the like."""
    claims = []
    periods: dict[int, list[Period]] = {}
    text = doc_text(doc)
    for number in find_numbers(text):
        measured = measure(text, number)
        if not_a_claim(doc, number, measured.kind if measured else None) is not None:
            continue
        measured = measured or _count(doc, number)
        if measured is None:
            continue
        claims.append(_claim(doc, number, measured, published, periods))
    return claims


def _count(doc: Doc, number: Number) -> Measure | None:
    """A count of the noun the number goes with ("eleven ships", "forty-two different
    occasions" counted in `times`), or None when it counts nothing named."""
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    noun = None if span is None else counted_noun(span)
    if noun is None:
        return None
    known = units().get(noun.lower_)
    unit = known.unit if known is not None and known.kind == "count" else noun.lower_
    end = noun.idx + len(noun.text)
    return Measure("count", unit, number.value, number.upper, number.start, end)


def _claim(
    doc: Doc,
    number: Number,
    measured: Measure,
    published: date | None,
    periods: dict[int, list[Period]],
) -> Claim:
    """The Claim record of a measured figure; `periods` keeps each sentence's periods (by the
    sentence's first character) for the next figure in it."""
    text = doc_text(doc)
    approx = _approx(text, measured.start) or ("more than" if number.vague else None)
    figure = doc.char_span(measured.start, measured.end, alignment_mode="expand")
    subject = source = period = None
    if figure is not None:
        first, last = sentence_bounds(doc, figure.start)
        subject, source = subject_of(figure), source_of(figure)
        offset = doc[first].idx
        if offset not in periods:
            sentence_end = doc[last - 1].idx + len(doc[last - 1])
            periods[offset] = find_periods(text[offset:sentence_end], published)
        period = nearest(periods[offset], measured.start - offset, measured.end - offset)
    return Claim(
        kind=measured.kind,
        value=measured.value,
        unit=measured.unit,
        approx=approx,
        subject=subject,
        period=period,
        source_text=source,
        text=text[measured.start : measured.end],
        start=measured.start,
        end=measured.end,
        upper=measured.upper,
    )


@cache
def _approx_pattern() -> re.Pattern[str]:
    """Any approximation phrase right before an amount, longest first."""
    phrases = sorted(approximations(), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?:^|(?<=\W))(?P<phrase>{alternatives})\s*$", re.IGNORECASE)


def _approx(text: str, start: int) -> str | None:
    """The approximation written just before an amount ("more than", "about"), if any."""
    match = _approx_pattern().search(text[max(0, start - 20) : start])
    return approximations()[match.group("phrase").lower()] if match else None
