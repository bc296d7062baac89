"""Tests for detente.stories.assign: incremental story assignment into the store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import FIXTURES
from sqlalchemy import select
from store_fixtures import make_article
from test_stories_events import MEETING

from detente.articles.model import Article
from detente.demo import CORPUS
from detente.pipeline import ingest
from detente.store.articles import Store
from detente.store.coded import Coded, save_coded
from detente.store.schema import articles, events, near_duplicates
from detente.store.stories import iter_stories, story_ids_of
from detente.stories.assign import _centrality, assign_stories, story_id
from detente.stories.events import event_key

RAIL = FIXTURES / "stories" / "rail.jsonl"


@pytest.fixture(scope="module")
def background(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    """The demo corpus's articles: other news in the store, so words are weighed as in use."""
    with Store.open(str(tmp_path_factory.mktemp("demo") / "demo.db")) as demo:
        ingest([str(CORPUS)], demo)
        return list(demo.iter_articles())


def rail() -> dict[str, Article]:
    """The rail-deal articles of tests/fixtures/stories, by key."""
    found = {}
    for line in RAIL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        day = date.fromisoformat(record["published"]) if record["published"] else None
        found[record["key"]] = make_article(
            record["text"],
            source=f"{record['key']}.txt",
            title=record["title"],
            outlet=record["outlet"],
            published=day,
            published_precision="day" if day else None,
            published_basis="metadata" if day else None,
        )
    return found


def stories_of(store: Store, items: dict[str, Article]) -> dict[str, str]:
    """Key -> story id of each article."""
    found = story_ids_of(store, [a.id for a in items.values()])
    return {key: found[a.id] for key, a in items.items()}


@pytest.fixture
def filled(store: Store, background: list[Article]) -> Iterator[Store]:
    """A store holding the demo corpus, already in stories."""
    store.add_articles(background)
    assign_stories(store)
    yield store


def test_reports_group_into_stories_and_look_alikes_stay_apart(filled: Store) -> None:
    items = rail()
    filled.add_articles(items.values())
    result = assign_stories(filled, [a.id for a in items.values()])
    got = stories_of(filled, items)
    assert got["a1"] == got["a2"] == got["a3"] == got["a4"]
    assert got["b1"] == got["b2"] != got["a1"]
    assert got["c1"] not in (got["a1"], got["b1"])
    assert (result.articles, result.joined, result.opened) == (7, 0, 3)
    assert got["a1"] == story_id(items["a1"].id)  # opened by its earliest report


def test_an_undated_excerpt_is_a_near_duplicate_and_takes_the_story_date(filled: Store) -> None:
    items = rail()
    filled.add_articles(items.values())
    result = assign_stories(filled)
    with filled.engine.connect() as conn:
        excerpt = (
            conn.execute(select(articles).where(articles.c.id == items["a4"].id)).mappings().one()
        )
        pairs = conn.execute(select(near_duplicates.c.article_id, near_duplicates.c.original_id))
        found = set(pairs.all())
    assert (excerpt["published"], excerpt["published_precision"], excerpt["published_basis"]) == (
        date(2021, 3, 10),
        "day",
        "story",
    )
    assert (items["a4"].id, items["a1"].id) in found
    assert result.dated == 1


def test_new_articles_join_stored_stories_without_changing_their_ids(filled: Store) -> None:
    items = rail()
    first = {key: items[key] for key in ("a1", "a2", "b1")}
    filled.add_articles(first.values())
    assign_stories(filled, [a.id for a in first.values()])
    before = stories_of(filled, first)
    filled.add_articles(items.values())
    result = assign_stories(filled, [a.id for a in items.values()])
    after = stories_of(filled, items)
    assert {key: after[key] for key in first} == before
    assert after["a3"] == after["a4"] == before["a1"]
    assert after["b2"] == before["b1"]
    assert (result.articles, result.joined, result.opened) == (4, 3, 1)
    story = next(s for s in iter_stories(filled) if s.id == before["a1"])
    assert story.n_articles == 4
    assert story.outlets == ["Altai Herald", "Caspian Wire", "Morning Digest", "Steppe Post"]
    assert (story.first_published, story.last_published) == (date(2021, 3, 10), date(2021, 3, 11))


def test_an_undated_copy_arriving_alone_finds_its_story_through_the_stored_bands(
    filled: Store,
) -> None:
    items = rail()
    dated = {key: a for key, a in items.items() if key != "a4"}
    filled.add_articles(dated.values())
    assign_stories(filled)
    filled.add_articles([items["a4"]])
    result = assign_stories(filled, [items["a4"].id])
    got = stories_of(filled, items)
    assert got["a4"] == got["a1"]
    assert (result.joined, result.near_duplicates, result.dated) == (1, 1, 1)


def test_a_second_call_changes_nothing(filled: Store) -> None:
    items = rail()
    filled.add_articles(items.values())
    assign_stories(filled)
    assert assign_stories(filled).articles == 0
    assert assign_stories(filled, [items["a1"].id]).articles == 0


def test_events_of_new_articles_get_keys_of_their_story(store: Store) -> None:
    items = rail()
    store.add_articles(items.values())
    save_coded(store.engine, [Coded(items["a1"].id, events=[MEETING])])
    assign_stories(store)
    with store.engine.connect() as conn:
        (key,) = conn.execute(select(events.c.event_key)).scalars()
    assert key == event_key(stories_of(store, items)["a1"], MEETING)


def test_an_empty_call_does_nothing(store: Store) -> None:
    result = assign_stories(store, [])
    assert (result.articles, result.opened) == (0, 0)


def test_the_demo_corpus_keeps_look_alike_happenings_apart(filled: Store) -> None:
    titles = {story.title: story for story in iter_stories(filled)}
    assert len(titles) == len(list(iter_stories(filled)))
    years = {
        story.first_published.year
        for story in iter_stories(filled)
        if story.title and "Xi" in story.title and "Putin" in story.title
    }
    assert {2022, 2024} <= years


def test_centrality_is_each_row_against_the_sum_of_all() -> None:
    rows = sp.csr_matrix(
        np.array([[0.0, 2.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0], [3.0, 1.0, 0.0, 0.0]])
    )
    expected = np.asarray((rows @ rows.T).sum(axis=1)).ravel()
    assert np.allclose(_centrality(rows), expected)
    assert _centrality(rows).tolist() == [7.0, 0.0, 12.0]
    assert _centrality(rows[[0]]).tolist() == [5.0]
