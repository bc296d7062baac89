"""Tests for detente.stories.events: event keys and mentions merged into events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from test_events_model import event

from detente.actors.model import Actor, to_record
from detente.stories.events import EventMention, event_key, merge_mentions, row_key

XI = Actor("Xi Jinping", "CHNGOV", "CHN", "GOV", "Xi")
CHINA = Actor("China", "CHN", "CHN", None, "China")
PUTIN = Actor("Vladimir Putin", "RUSGOV", "RUS", "GOV", "Putin")
MEETING = event(
    actors=[XI, PUTIN],
    recipients=[],
    cameo="040",
    plover="CONSULT",
    plover_mode=None,
    goldstein=1.0,
    quad_class=1,
    score=1.0,
    date=date(2024, 5, 16),
    sentence="Xi and Putin met in Beijing.",
    trigger="met",
)


def test_cooperation_is_keyed_without_direction_and_by_country() -> None:
    reported_other_way = replace(MEETING, actors=[PUTIN], recipients=[CHINA], start=50)
    assert event_key("s1", MEETING) == event_key("s1", reported_other_way)
    assert event_key("s1", MEETING) != event_key("s2", MEETING)


def test_conflict_keeps_its_direction() -> None:
    threat = replace(MEETING, plover="THREATEN", quad_class=3, actors=[XI], recipients=[PUTIN])
    reverse = replace(threat, actors=[PUTIN], recipients=[XI])
    assert event_key("s", threat) != event_key("s", reverse)


def test_modality_and_type_separate_events() -> None:
    key = event_key("s", MEETING)
    assert event_key("s", replace(MEETING, negated=True)) != key
    assert event_key("s", replace(MEETING, future=True)) != key
    assert event_key("s", replace(MEETING, plover="AGREE")) != key
    past = replace(MEETING, historical=True, date=date(2019, 6, 5))
    assert event_key("s", past) != event_key("s", replace(past, date=date(2023, 3, 21)))
    assert event_key("s", past) == event_key("s", replace(past, date=date(2019, 1, 1)))


def test_a_stored_row_gets_the_same_key_as_its_event() -> None:
    row = {
        "actors": [to_record(a) for a in MEETING.actors],
        "recipients": [],
        "plover": "CONSULT",
        "quad_class": 1,
        "negated": False,
        "hypothetical": False,
        "future": False,
        "historical": False,
        "date": MEETING.date,
    }
    assert row_key("s1", row) == event_key("s1", MEETING)


def test_merged_events_count_mentions_articles_outlets_and_keep_the_earliest() -> None:
    mentions = [
        EventMention("e3", "late", "Reuters", date(2024, 5, 17), MEETING),
        EventMention("e1", "early", "AP", date(2024, 5, 16), MEETING),
        EventMention("e2", "early", "AP", date(2024, 5, 16), replace(MEETING, start=40)),
        EventMention("e4", "undated", None, None, MEETING),
        EventMention("e5", "early", "AP", date(2024, 5, 16), replace(MEETING, negated=True)),
    ]
    meeting, denial = merge_mentions("s1", mentions)
    assert meeting.event_key == event_key("s1", MEETING)
    assert meeting.first.event_id == "e1"
    assert [m.event_id for m in meeting.mentions] == ["e1", "e2", "e3", "e4"]
    assert (meeting.n_mentions, meeting.n_articles, meeting.n_outlets) == (4, 3, 3)
    assert (denial.n_mentions, denial.first.event_id) == (1, "e5")
