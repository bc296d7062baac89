"""Tests for the event date: finding date expressions, reading them against publication."""

from __future__ import annotations

from datetime import date

import pytest

from detente.events.when import (
    When,
    attachments,
    fallback,
    find_dates,
    inherited,
    resolve,
)
from detente.language import load_nlp

WEDNESDAY = date(2022, 6, 15)


def texts(sentence: str) -> list[str]:
    """The date expressions found in a sentence, as written."""
    return [span.text for span in find_dates(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They spoke on Wednesday as the war went on.", ["Wednesday"]),
        ("The talks were held last week in Geneva.", ["last week"]),
        ("He visited earlier this month.", ["earlier this month"]),
        ("In May, bombers flew near Japan.", ["In May"]),
        ("The invasion began on Feb. 24, 2022, before dawn.", ["Feb. 24, 2022"]),
        ("Drills run between the 20th and 23rd of July.", ["between the 20th and 23rd of July"]),
        ("The forum meets on Oct. 17-18 in Beijing.", ["Oct. 17-18"]),
        ("The border closed three days ago.", ["three days ago"]),
        ("Ministers met yesterday and again on Friday.", ["yesterday", "Friday"]),
        ("Taiwan has been ruled apart since 1949.", ["since 1949"]),
    ],
)
def test_finds_the_date_forms_of_news_english(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


def test_leaves_modals_and_names_alone() -> None:
    assert texts("The two sides may meet again.") == []
    assert texts("He opened the 2022 Beijing Winter Olympics.") == []


def test_offsets_point_into_the_text_they_were_found_in() -> None:
    text = "Xi and Putin spoke on Wednesday."
    span = find_dates(text, offset=100)[0]
    assert (span.start, span.end) == (122, 131)
    assert text[span.start - 100 : span.end - 100] == "Wednesday"


def read(text: str, published: date | None, forward: bool = False) -> When | None:
    """The single date expression in `text`, resolved."""
    (span,) = find_dates(text)
    return resolve(span, published, forward)


def test_weekdays_read_back_unless_the_event_lies_ahead() -> None:
    assert read("on Wednesday", WEDNESDAY) == When(WEDNESDAY, "day", "relative")
    assert read("on Monday", WEDNESDAY) == When(date(2022, 6, 13), "day", "relative")
    assert read("on Thursday", WEDNESDAY) == When(date(2022, 6, 9), "day", "relative")
    assert read("on Thursday", WEDNESDAY, forward=True) == When(
        date(2022, 6, 16), "day", "relative"
    )
    assert read("last Wednesday", WEDNESDAY) == When(date(2022, 6, 8), "day", "relative")
    assert read("next Wednesday", WEDNESDAY) == When(date(2022, 6, 22), "day", "relative")


def test_days_and_months_take_the_year_that_puts_them_on_the_right_side() -> None:
    august = date(2022, 8, 13)
    assert read("on February 4", august) == When(date(2022, 2, 4), "day", "relative")
    assert read("from August 30", august, forward=True).date == date(2022, 8, 30)
    assert read("on December 30", date(2023, 1, 2)).date == date(2022, 12, 30)
    assert read("in May", august) == When(date(2022, 5, 1), "month", "relative")
    assert read("in October", august) == When(date(2021, 10, 1), "month", "relative")
    assert read("in October", august, forward=True).date == date(2022, 10, 1)


def test_an_event_under_way_keeps_its_start_when_read_forward() -> None:
    started = read("between the 20th and 23rd of July", date(2023, 7, 22), forward=True)
    assert started == When(date(2023, 7, 20), "day", "relative")


def test_units_count_from_the_publication_date() -> None:
    sunday = date(2023, 8, 6)
    assert read("earlier this week", sunday) == When(date(2023, 7, 31), "week", "relative")
    assert read("last week", sunday) == When(date(2023, 7, 24), "week", "relative")
    assert read("earlier this month", sunday) == When(date(2023, 8, 1), "month", "relative")
    assert read("last month", date(2023, 1, 9)) == When(date(2022, 12, 1), "month", "relative")
    assert read("last year", sunday) == When(date(2022, 1, 1), "year", "relative")
    assert read("yesterday", sunday) == When(date(2023, 8, 5), "day", "relative")
    assert read("two weeks ago", sunday) == When(date(2023, 7, 17), "week", "relative")


def test_a_full_date_needs_no_publication_date() -> None:
    assert read("on Feb. 24, 2022", None) == When(date(2022, 2, 24), "day", "sentence")
    assert read("in March 2023", None) == When(date(2023, 3, 1), "month", "sentence")
    assert read("in 1949", None) == When(date(1949, 1, 1), "year", "sentence")
    assert read("on Thursday", None) is None


def test_last_day_of_each_precision() -> None:
    assert When(date(2023, 7, 31), "week", "relative").last_day == date(2023, 8, 6)
    assert When(date(2024, 2, 1), "month", "relative").last_day == date(2024, 2, 29)
    assert When(date(2022, 1, 1), "year", "relative").last_day == date(2022, 12, 31)
    assert When(WEDNESDAY, "day", "sentence").last_day == WEDNESDAY


def test_the_publication_date_is_only_a_recorded_fallback() -> None:
    assert fallback(WEDNESDAY, "day") == When(WEDNESDAY, "day", "publication")
    assert fallback(WEDNESDAY, None) == When(WEDNESDAY, "day", "publication")
    assert fallback(date(2024, 5, 1), "month").precision == "month"
    assert fallback(None, "day") is None


def test_dates_attach_to_the_word_they_modify() -> None:
    sent = next(load_nlp()("Putin met Xi on February 4 in Beijing.").sents)
    ((span, head, inside),) = attachments(sent, find_dates(sent.text, sent.start_char))
    assert span.text == "February 4"
    assert head.lemma_ == "meet"
    assert [sent.doc[i].text for i in sorted(inside)] == ["February", "4"]


def test_a_clause_date_is_inherited_exactly_after_when_and_by_month_after_before() -> None:
    day = When(date(2022, 2, 4), "day", "sentence")
    assert inherited(day, "when") == When(date(2022, 2, 4), "day", "clause")
    assert inherited(day, "before") == When(date(2022, 2, 1), "month", "clause")
    year = When(date(2012, 1, 1), "year", "sentence")
    assert inherited(year, "after") == When(date(2012, 1, 1), "year", "clause")
