"""Tests for detente.reports.brief: what a dated brief gathers from a store the pipeline filled."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from fixtures.reports.store import build
from sqlalchemy import Engine

from detente.reports.brief import gather, parse_period
from detente.reports.settings import load_settings
from detente.store.articles import Store


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with Store.open(build(tmp_path_factory.mktemp("brief"))) as store:
        yield store.engine


def test_stories_rank_by_events_then_outlets_and_cite_their_sources(engine: Engine) -> None:
    brief = gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31")
    assert brief.n_stories == 2 and brief.freq == "week"
    call, drills = brief.stories
    assert call.title == "Xi and Putin speak by phone" and call.n_outlets == 2
    assert drills.title == "Navies open joint drills in the Sea of Japan"
    assert {(s.outlet, s.url) for s in call.sources} == {
        ("Harbour Ledger", "https://ledger.example/xi-putin-call"),
        ("Steppe Courier", "https://steppe.example/call"),
    }
    event = call.events[0]
    assert event.n_reports == 2 and event.plover == "CONSULT" and event.date == date(2024, 3, 5)
    assert "spoke by phone" in event.sentence or "held a phone call" in event.sentence
    assert [s.number for s in brief.sources] == list(range(1, len(brief.sources) + 1))
    assert brief.n_articles == 3  # the snow report is about neither state


def test_quotes_put_the_states_own_direct_words_first_with_evidence(engine: Engine) -> None:
    brief = gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31")
    first = brief.quotes[0]
    assert (first.speaker, first.kind) == ("Xi Jinping", "direct")
    assert first.text.startswith("Our partnership has no limits")
    assert first.sentence == '"Our partnership has no limits," Xi said during the call.'
    assert first.source.url == "https://ledger.example/xi-putin-call"


def test_figures_that_measure_the_same_thing_differently_are_marked(engine: Engine) -> None:
    brief = gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31")
    trade = [c for c in brief.claims if c.subject == "Bilateral trade"]
    assert sorted(c.value for c in trade) == [230e9, 240e9]
    assert all(c.disagree and c.unit == "USD" for c in trade)
    assert not any(c.disagree for c in brief.claims if c.subject != "Bilateral trade")
    assert any("240 billion dollars" in c.sentence for c in trade)


def test_the_period_bounds_what_is_gathered(engine: Engine) -> None:
    brief = gather(engine, "RUS-CHN", date(2024, 5, 1), date(2024, 5, 31))
    assert [s.title for s in brief.stories] == ["Navies open joint drills in the Sea of Japan"]
    assert brief.freq == "day" and all(q.date is None or q.date.month == 5 for q in brief.quotes)


def test_an_empty_period_gives_an_empty_brief(engine: Engine) -> None:
    brief = gather(engine, "CHN-RUS", "2023-01-01", "2023-12-31")
    assert brief.empty and brief.stories == [] and brief.quotes == [] and brief.claims == []
    assert brief.series.points == [] and brief.freq == "week"


def test_limits_cut_the_lists(engine: Engine) -> None:
    settings = replace(load_settings(), stories=1, quotes=1, claims=1, sources_per_story=1)
    brief = gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31", settings=settings)
    assert len(brief.stories) == 1 and brief.n_stories == 2
    assert len(brief.stories[0].sources) == 1 and brief.stories[0].more_sources == 1
    assert len(brief.quotes) == 1 and len(brief.claims) == 1


def test_bad_input_is_named(engine: Engine) -> None:
    with pytest.raises(ValueError, match="two ISO-3 country codes"):
        gather(engine, "China-Russia", "2024-03-01", "2024-05-31")
    with pytest.raises(ValueError, match="--to '2024-02-30' is not a date"):
        parse_period("2024-02-01", "2024-02-30")
    with pytest.raises(ValueError, match="--from 2024-06-01 is after --to 2024-05-31"):
        parse_period("2024-06-01", "2024-05-31")
    with pytest.raises(ValueError, match="freq 'year'"):
        gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31", freq="year")
