"""Issue 4's must-show events on ../shared/seeds, read from a store the whole pipeline filled."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from detente.store.articles import Store
from detente.store.schema import articles, events

Row = dict[str, Any]

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def coded(seeds_db: str) -> list[Row]:
    """Every stored event of the seeds, with the source file of its article."""
    query = select(events, articles.c.source).join(articles, articles.c.id == events.c.article_id)
    with Store.open(seeds_db) as store, store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def countries(parties: list[dict[str, Any]]) -> set[str]:
    """The countries of an event's actors or recipients."""
    return {party["country"] for party in parties}


def unflagged(row: Row) -> bool:
    """Whether the event is coded as news: not negated, hypothetical, future or historical."""
    return not any(row[flag] for flag in ("negated", "hypothetical", "future", "historical"))


def test_the_xi_putin_call_of_15_june_2022(coded: list[Row]) -> None:
    calls = [
        row
        for row in coded
        if row["cameo"] == "041" and row["date"] == date(2022, 6, 15) and unflagged(row)
    ]
    assert calls, "the call of Wednesday 15 June 2022"
    for call in calls:
        assert call["plover"] == "CONSULT" and call["plover_mode"] == "phone"
        assert countries(call["actors"]) == {"CHN", "RUS"} and call["recipients"] == []
        assert {party["sector"] for party in call["actors"]} == {"GOV"}


def test_putins_state_visit_to_beijing_on_16_may_2024(coded: list[Row]) -> None:
    visits = [
        row
        for row in coded
        if row["cameo"] == "042"
        and row["date"] == date(2024, 5, 16)
        and countries(row["actors"]) == {"RUS"}
        and countries(row["recipients"]) == {"CHN"}
    ]
    assert visits, "Putin due to arrive in Beijing on May 16th"
    assert all(row["plover"] == "CONSULT" and row["plover_mode"] == "visit" for row in visits)
    assert all(party["code"] == "RUSGOV" for row in visits for party in row["actors"])


def test_chinas_criticism_of_russia_in_august_2023(coded: list[Row]) -> None:
    criticism = [
        row
        for row in coded
        if row["cameo"] == "111"
        and countries(row["actors"]) == {"CHN"}
        and countries(row["recipients"]) == {"RUS"}
        and row["date"] is not None
        and (row["date"].year, row["date"].month) == (2023, 8)
        and unflagged(row)
    ]
    assert criticism and all(row["plover"] == "ACCUSE" for row in criticism)
    blogger = [row for row in coded if "influencer from entering" in row["sentence"]]
    assert {row["plover"] for row in blogger} <= {"ACCUSE", "REJECT"}, "no assault in it"


def test_joint_drills_in_the_sea_of_japan_in_july_2023(coded: list[Row]) -> None:
    drills = [
        row
        for row in coded
        if row["cameo"] == "062"
        and {"CHN", "RUS"} <= countries(row["actors"])
        and row["date"] == date(2023, 7, 20)
    ]
    assert drills, "the exercises between the 20th and 23rd of July"
    assert all(row["plover"] == "COOPERATE" and row["recipients"] == [] for row in drills)


def test_the_joint_flotilla_near_alaska(coded: list[Row]) -> None:
    flotilla = [row for row in coded if "flotilla sailed" in row["sentence"]]
    assert flotilla
    for row in flotilla:
        assert (row["cameo"], row["plover"]) == ("062", "COOPERATE")
        assert countries(row["actors"]) == {"RUS", "CHN"}
        assert {party["sector"] for party in row["actors"]} == {"MIL"}
        assert row["date"] == date(2023, 7, 31)  # "earlier this week" in a Sunday 6 August piece


def test_background_is_flagged_and_dated_by_its_own_clause(coded: list[Row]) -> None:
    invasion = [row for row in coded if "days before Russia invaded" in row["sentence"]]
    assault = [row for row in invasion if row["plover"] == "ASSAULT"]
    assert assault, "the invasion the meeting came before"
    for row in assault:
        assert countries(row["actors"]) == {"RUS"} and countries(row["recipients"]) == {"UKR"}
        assert row["historical"] and row["date"] == date(2022, 2, 1)
        assert row["date_precision"] == "month"


def test_generic_wars_and_plain_negations_are_not_events_between_the_two(
    coded: list[Row],
) -> None:
    generic = [
        row
        for row in coded
        if "future wars" in row["sentence"] or "wars of the past two decades" in row["sentence"]
    ]
    assert not [row for row in generic if row["plover"] == "ASSAULT"]
    defended = [row for row in coded if row["sentence"].startswith("China hasn’t defended")]
    assert defended and not [row for row in defended if row["plover"] == "REJECT"]


def test_every_event_is_dated(coded: list[Row]) -> None:
    assert [row["sentence"] for row in coded if row["date"] is None] == []


def test_no_event_from_the_related_stories_of_seed_004(coded: list[Row]) -> None:
    newsweek = [row for row in coded if "004_" in row["source"]]
    assert newsweek, "the Newsweek page has events of its own"
    junk = ("severe nausea", "Kim Jong Un", "Hitler moment", "Elon Musk", "air defense")
    assert [row["sentence"] for row in newsweek if any(j in row["sentence"] for j in junk)] == []
