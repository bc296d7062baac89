"""Tests for detente.store.stories: stories, story ids, near-duplicates, bands, event keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from store_fixtures import make_article
from test_stories_events import MEETING, PUTIN

from detente.exports.kinds import KINDS, STORY_SCHEMA
from detente.store.articles import Store
from detente.store.coded import Coded, save_coded
from detente.store.schema import articles, events, near_duplicates
from detente.store.stories import (
    StoryChanges,
    band_matches,
    key_events,
    members,
    reference_sample,
    save,
    stories_between,
    story_ids_of,
    unassigned,
)
from detente.stories.model import Story

DESIGN_STORY_KEYS = (
    "id", "title", "first_published", "last_published", "article_ids", "outlets",
    "n_articles", "n_outlets",
)  # fmt: skip
"""The keys design.md promises in every exported story."""

FIRST = make_article("Xi met Putin.", published=date(2024, 5, 16), published_precision="day")
SECOND = make_article("Putin met Xi.", outlet="AP", published=date(2024, 5, 17))
UNDATED = make_article("They met.", position=1)
OTHER = make_article("Floods hit Harbin.", published=date(2023, 7, 1))


def stored(store: Store) -> None:
    """Four articles; the first three in story s1, dated 16-17 May 2024, the undated one given
    the story's date; OTHER in story s2."""
    store.add_articles([FIRST, SECOND, UNDATED, OTHER])
    save(
        store,
        StoryChanges(
            stories=[
                Story("s1", "Xi met Putin", date(2024, 5, 16), date(2024, 5, 17),
                      [FIRST.id, SECOND.id, UNDATED.id], ["AP"]),
                Story("s2", None, date(2023, 7, 1), date(2023, 7, 1), [OTHER.id], []),
            ],
            story_of={FIRST.id: "s1", SECOND.id: "s1", UNDATED.id: "s1", OTHER.id: "s2"},
            dates={UNDATED.id: (date(2024, 5, 16), "day")},
            near_duplicates=[(SECOND.id, FIRST.id, 0.6, 0.8)],
            bands={FIRST.id: [11, 12], SECOND.id: [21, 12]},
        ),
    )  # fmt: skip


def test_saved_stories_export_with_the_design_keys_oldest_first(store: Store) -> None:
    stored(store)
    rows = list(KINDS["story"].rows(store, 1))
    assert set(STORY_SCHEMA.names) == set(DESIGN_STORY_KEYS)
    assert [list(row) for row in rows] == [STORY_SCHEMA.names] * 2
    assert rows[0] == {
        "id": "s2",
        "title": None,
        "first_published": date(2023, 7, 1),
        "last_published": date(2023, 7, 1),
        "article_ids": [OTHER.id],
        "outlets": [],
        "n_articles": 1,
        "n_outlets": 0,
    }
    assert rows[1]["article_ids"][-1] == SECOND.id
    assert set(rows[1]["article_ids"]) == {FIRST.id, SECOND.id, UNDATED.id}
    assert (rows[1]["n_articles"], rows[1]["n_outlets"]) == (3, 1)


def test_articles_get_story_ids_and_taken_dates(store: Store) -> None:
    stored(store)
    with store.engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == UNDATED.id)).mappings().one()
        pairs = conn.execute(select(near_duplicates)).all()
    assert (row["story_id"], row["published"], row["published_basis"]) == (
        "s1",
        date(2024, 5, 16),
        "story",
    )
    assert pairs == [(SECOND.id, FIRST.id, 0.6, 0.8)]
    assert story_ids_of(store, [FIRST.id, "missing"]) == {FIRST.id: "s1"}
    assert {a.id for a in members(store, ["s1"])["s1"]} == {FIRST.id, SECOND.id, UNDATED.id}


def test_a_second_save_replaces_a_story(store: Store) -> None:
    stored(store)
    save(store, StoryChanges(stories=[Story("s2", "Floods", date(2023, 7, 1), None, [], [])]))
    titles = {story["id"]: story["title"] for story in KINDS["story"].rows(store, 10)}
    assert titles == {"s1": "Xi met Putin", "s2": "Floods"}


def test_unassigned_articles_only(store: Store) -> None:
    store.add_articles([FIRST, SECOND])
    save(store, StoryChanges(story_of={FIRST.id: "s1"}))
    assert [a.id for a in unassigned(store)] == [SECOND.id]
    assert unassigned(store, [FIRST.id]) == []
    assert [a.id for a in unassigned(store, [SECOND.id, "missing"])] == [SECOND.id]


def test_stories_between_finds_overlapping_date_ranges(store: Store) -> None:
    stored(store)
    assert stories_between(store, [(date(2024, 5, 17), date(2024, 6, 1))]) == {"s1"}
    spans = [(date(2023, 6, 1), date(2023, 7, 1)), (date(2024, 5, 1), date(2024, 5, 15))]
    assert stories_between(store, spans) == {"s2"}
    assert stories_between(store, []) == set()


def test_band_matches_need_the_same_band_and_key(store: Store) -> None:
    stored(store)
    found = band_matches(store, {"new": [21, 99], "copy": [11, 12], SECOND.id: [21, 0]})
    assert found == {"new": {SECOND.id}, "copy": {FIRST.id, SECOND.id}}


def test_reference_sample_is_the_smallest_ids(store: Store) -> None:
    stored(store)
    assert [a.id for a in reference_sample(store, 2)] == sorted(
        a.id for a in (FIRST, SECOND, UNDATED, OTHER)
    )[:2]


def test_key_events_gives_one_key_to_reports_of_one_event(store: Store) -> None:
    stored(store)
    other_way = replace(MEETING, actors=[PUTIN], recipients=[MEETING.actors[0]])
    save_coded(
        store.engine,
        [
            Coded(FIRST.id, events=[MEETING]),
            Coded(SECOND.id, events=[other_way]),
            Coded(OTHER.id, events=[MEETING]),
        ],
    )
    assert key_events(store, ["s1"]) == 2
    assert key_events(store) == 3
    with store.engine.connect() as conn:
        keys = dict(conn.execute(select(events.c.article_id, events.c.event_key)).all())
    assert keys[FIRST.id] == keys[SECOND.id] != keys[OTHER.id]
