"""Tests for detente.stories.pairs: candidate pairs within the date window, never all pairs."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from detente.stories.dates import Interval
from detente.stories.pairs import candidate_pairs, compatible


def day(n: int) -> Interval:
    """A one-day interval on day `n`."""
    return Interval(n, n)


def same_vectors(n: int) -> sp.csr_matrix:
    """n identical unit rows: every pair has similarity 1."""
    return sp.csr_matrix(np.ones((n, 1), dtype=np.float32))


def pairs(*arrays: np.ndarray) -> set[tuple[int, int]]:
    """The pairs as a set."""
    return set(zip(arrays[0].tolist(), arrays[1].tolist(), strict=True))


def test_only_pairs_within_the_window_and_with_a_new_row() -> None:
    intervals = [day(0), day(5), day(30), day(3)]
    new = [True, False, False, True]
    found = candidate_pairs(same_vectors(4), intervals, new, 7, 0.5)
    assert pairs(*found) == {(0, 1), (0, 3), (1, 3)}
    assert found[2].tolist() == [1.0, 1.0, 1.0]


def test_undated_and_month_dated_rows_meet_everything_they_may_overlap() -> None:
    month = Interval(100, 130)
    intervals = [None, day(0), month, day(125)]
    found = pairs(*candidate_pairs(same_vectors(4), intervals, [True] * 4, 7, 0.5))
    assert found == {(0, 1), (0, 2), (0, 3), (2, 3)}


def test_pairs_below_the_floor_are_dropped() -> None:
    vectors = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32))
    found = pairs(*candidate_pairs(vectors, [day(0)] * 3, [True] * 3, 7, 0.7))
    assert found == {(1, 2)}


def test_no_new_rows_no_pairs() -> None:
    found = candidate_pairs(same_vectors(2), [day(0), day(0)], [False, False], 7, 0.5)
    assert [len(a) for a in found] == [0, 0, 0]


def test_compatible_dates() -> None:
    assert compatible(day(0), day(7), 7)
    assert not compatible(day(0), day(8), 7)
    assert compatible(None, day(8), 7)
    assert compatible(Interval(0, 30), day(37), 7)
