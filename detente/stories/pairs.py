"""Candidate pairs for clustering: similar articles close enough in time, never all pairs.

Articles dated to a day (or a range no longer than the window) are swept in date order, each
block compared only with the articles whose dates lie within the window of it; the few with a
coarse date or none are compared with everything. With a steady number of articles a day, the
work grows linearly with the number of days covered.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from detente.stories.dates import Interval

BLOCK_ROWS = 512  # rows per sparse product; 256-2048 timed alike in bench/stories.py


def compatible(a: Interval | None, b: Interval | None, window: int) -> bool:
    """Whether two dates can belong to one happening: undated, or at most `window` days apart."""
    return a is None or b is None or (b.start - a.end <= window and a.start - b.end <= window)


def candidate_pairs(
    vectors: sp.csr_matrix,
    intervals: Sequence[Interval | None],
    new: Sequence[bool],
    window: int,
    floor: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) with at least one new article, compatible dates and similarity >= floor."""
    n = vectors.shape[0]
    is_new = np.asarray(new, dtype=bool)
    starts = np.array([iv.start if iv else 0 for iv in intervals], dtype=np.int64)
    ends = np.array([iv.end if iv else 0 for iv in intervals], dtype=np.int64)
    dated = np.array([iv is not None for iv in intervals], dtype=bool)
    narrow = dated & (ends - starts <= window)
    loose = np.flatnonzero(~narrow)
    order = np.flatnonzero(narrow)[np.argsort(starts[narrow], kind="stable")]
    sorted_starts = starts[order]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    new_narrow = order[is_new[order]]
    reach = window + int((ends - starts)[narrow].max(initial=0))  # a long narrow date reaches back
    for first in range(0, len(new_narrow), BLOCK_ROWS):
        block = new_narrow[first : first + BLOCK_ROWS]
        lo = np.searchsorted(sorted_starts, starts[block].min() - reach, side="left")
        hi = np.searchsorted(sorted_starts, ends[block].max() + window, side="right")
        found.append(_similar(vectors, block, np.concatenate([order[lo:hi], loose]), floor))
    new_loose = loose[is_new[loose]]
    everything = np.arange(n)
    for first in range(0, len(new_loose), BLOCK_ROWS):
        found.append(_similar(vectors, new_loose[first : first + BLOCK_ROWS], everything, floor))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    left = np.concatenate([f[0] for f in found])
    right = np.concatenate([f[1] for f in found])
    sims = np.concatenate([f[2] for f in found])
    ok = left != right
    ok &= (
        ~dated[left]
        | ~dated[right]
        | ((starts[right] - ends[left] <= window) & (starts[left] - ends[right] <= window))
    )
    low, high = np.minimum(left, right)[ok], np.maximum(left, right)[ok]
    keys, first_seen = np.unique(low * n + high, return_index=True)
    return keys // n, keys % n, sims[ok][first_seen]


def _similar(
    vectors: sp.csr_matrix, rows: np.ndarray, columns: np.ndarray, floor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, similarity) for the pairs of `rows` x `columns` at or above `floor`."""
    product = (vectors[rows] @ vectors[columns].T).tocoo()
    keep = product.data >= floor
    return rows[product.row[keep]], columns[product.col[keep]], product.data[keep]
