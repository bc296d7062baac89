"""Tests for detente.stories.topics: stories grouped into topics over their centroids."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from store_fixtures import make_article
from test_stories_assign import rail, stories_of

from detente.demo import CORPUS
from detente.pipeline import ingest
from detente.store.articles import Store
from detente.store.stories import members
from detente.stories.assign import assign_stories
from detente.stories.topics import centroids, group_topics, stored_topics


def rows(*vectors: list[float]) -> sp.csr_matrix:
    """Unit rows from the given vectors."""
    dense = np.array(vectors, dtype=np.float32)
    return sp.csr_matrix(dense / np.linalg.norm(dense, axis=1, keepdims=True))


def test_centroids_are_unit_means_of_each_story() -> None:
    found = centroids(rows([1, 0], [0, 1], [1, 0]), [[0, 1], [2]]).toarray()
    assert found == pytest.approx(np.array([[0.5**0.5, 0.5**0.5], [1.0, 0.0]]))
    with pytest.raises(ValueError, match="story without articles"):
        centroids(rows([1, 0]), [[0], []])


def test_stories_of_one_kind_group_and_others_stay_apart() -> None:
    vectors = rows([1, 0.3, 0], [1, 0, 0.3], [0.3, 1, 0], [0, 0, 1])
    grouped = group_topics(vectors, [[0], [1], [2], [3]], threshold=0.9)
    assert sorted(map(sorted, grouped)) == [[0, 1], [2], [3]]
    assert group_topics(vectors, [], threshold=0.9) == []


def test_a_story_counts_as_many_times_as_it_has_articles() -> None:
    # Stories 0 and 1 merge first; story 2 is near story 1 (0.6) and far from story 0 (0.2).
    # With story 0 counting three articles the mean to story 2 is 0.3, with one it is 0.4.
    near, far = [1.0, 0.0, 0.0], [0.2, 0.963, 0.179]
    vectors = rows(near, near, near, [0.9, 0.436, 0.0], far)
    grouped = group_topics(vectors, [[0, 1, 2], [3], [4]], threshold=0.35)
    assert sorted(map(sorted, grouped)) == [[0, 1], [2]]
    one_each = group_topics(vectors, [[0], [3], [4]], threshold=0.35)
    assert sorted(map(sorted, one_each)) == [[0, 1, 2]]


def test_look_alike_stories_share_a_topic_apart_from_other_news(store: Store) -> None:
    ingest([str(CORPUS)], store)  # other news in the store, so words are weighed as in use
    items = rail()
    store.add_articles(list(items.values()))
    assign_stories(store)
    story = stories_of(store, items)
    assert story["a1"] != story["b1"]  # a year apart: two stories
    chosen = [story["a1"], story["b1"], story["c1"]]
    assert sorted(map(sorted, stored_topics(store, chosen))) == sorted(
        [sorted([story["a1"], story["b1"]]), [story["c1"]]]
    )
    assert stored_topics(store, [story["c1"]]) == [[story["c1"]]]
    everything = stored_topics(store)
    assert sorted(sid for topic in everything for sid in topic) == sorted(
        {s for s in stories_of(store, {a.id: a for a in store.iter_articles()}).values()}
    )
    assert any({story["a1"], story["b1"]} <= set(topic) for topic in everything)
    sizes = [sum(len(members(store, [sid])[sid]) for sid in topic) for topic in everything]
    assert sizes == sorted(sizes, reverse=True)  # largest topic first
    with pytest.raises(ValueError, match="no stored story with id nope"):
        stored_topics(store, ["nope"])


def test_a_store_without_stories_has_no_topics(store: Store) -> None:
    store.add_articles([make_article("A lone report, never put in a story.")])
    assert stored_topics(store) == []
