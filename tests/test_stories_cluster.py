"""Tests for detente.stories.cluster: average linkage over candidate pairs, with constraints."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from detente.stories.cluster import Agglomeration, cluster_all
from detente.stories.dates import Interval

DAY = Interval(0, 0)


def unit_rows(similar: dict[tuple[int, int], float], n: int) -> sp.csr_matrix:
    """n unit rows whose pairwise dot products are the given ones (others near 0)."""
    gram = np.eye(n)
    for (i, j), value in similar.items():
        gram[i, j] = gram[j, i] = value
    values, vectors = np.linalg.eigh(gram)
    return sp.csr_matrix(vectors * np.sqrt(np.clip(values, 0, None)))


def groups(clusters: list[list[int]]) -> set[frozenset[int]]:
    """Clusters as a set of sets."""
    return {frozenset(rows) for rows in clusters}


def run(vectors: sp.csr_matrix, intervals: list[Interval | None], **kwargs: float) -> set:
    """cluster_all with thresholds 0.4 (undated) and 0.2 (dated), window 7, unless given."""
    settings = {"threshold": 0.4, "dated_threshold": 0.2, "window": 7} | kwargs
    return groups(cluster_all(vectors, intervals, **settings))  # type: ignore[arg-type]


def test_average_linkage_keeps_out_a_row_close_to_one_member_only() -> None:
    vectors = unit_rows({(0, 1): 0.9, (0, 2): 0.5, (1, 2): 0.1}, 3)
    assert run(vectors, [None] * 3) == {frozenset({0, 1}), frozenset({2})}
    assert run(vectors, [None] * 3, threshold=0.25) == {frozenset({0, 1, 2})}


def test_dates_beyond_the_window_keep_similar_rows_apart() -> None:
    vectors = unit_rows({(0, 1): 0.9}, 2)
    assert run(vectors, [Interval(0, 0), Interval(30, 30)]) == {frozenset({0}), frozenset({1})}
    assert run(vectors, [Interval(0, 0), Interval(7, 7)]) == {frozenset({0, 1})}


def test_dated_pairs_need_less_similarity_than_undated_ones() -> None:
    vectors = unit_rows({(0, 1): 0.3}, 2)
    assert run(vectors, [DAY, DAY]) == {frozenset({0, 1})}
    assert run(vectors, [DAY, None]) == {frozenset({0}), frozenset({1})}


def test_frozen_stories_never_merge_and_a_new_row_joins_the_closer() -> None:
    vectors = unit_rows({(0, 1): 0.9, (0, 2): 0.5, (1, 2): 0.7}, 3)
    clustering = Agglomeration(vectors, [DAY] * 3, 0.4, 0.2, 7)
    first = clustering.seed([0], frozen=True)
    clustering.seed([1], frozen=False)
    second = clustering.seed([2], frozen=True)
    assert clustering.link(first, second) is None
    found = clustering.run(np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert groups(found) == {frozenset({0, 1}), frozenset({2})}


def test_seeded_groups_start_together_and_join_merges_unconditionally() -> None:
    vectors = unit_rows({}, 3)
    clustering = Agglomeration(vectors, [None] * 3, 0.4, 0.2, 7)
    story = clustering.seed([0, 1], frozen=True)
    other = clustering.seed([2], frozen=False)
    clustering.join(story, other)
    assert clustering.root(2) == story
    assert groups(clustering.run(np.array([], dtype=int), np.array([], dtype=int))) == {
        frozenset({0, 1, 2})
    }


def test_weighted_rows_count_as_many_members() -> None:
    vectors = unit_rows({(0, 1): 0.9, (0, 2): 0.2, (1, 2): 0.6}, 3)
    for weights, expected in (([1, 1, 1], 1), ([3, 1, 1], 2)):
        clustering = Agglomeration(vectors, [None] * 3, 0.35, 0.35, 7, weights=weights)
        for row in range(3):
            clustering.seed([row], frozen=False)
        left, right = np.array([0, 0, 1]), np.array([1, 2, 2])
        assert len(clustering.run(left, right)) == expected
    with pytest.raises(ValueError, match="2 weights for 3 rows"):
        Agglomeration(vectors, [None] * 3, 0.35, 0.35, 7, weights=[1, 1])
