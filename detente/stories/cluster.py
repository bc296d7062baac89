"""Average-linkage clustering of articles into stories, over candidate pairs only.

Clusters merge best pair first while the mean similarity between their members stays at or
above a threshold, as in agglomerative clustering, but only pairs joined by a candidate edge
are ever looked at, so the work follows the number of edges rather than the square of the
number of articles. Two dated clusters within the window need less textual evidence
(`dated_threshold`) than a pair where one side has no date, whose text must do all the work.
A cluster keeps the sum of its members' unit vectors, which gives the exact mean similarity to
another cluster as one sparse dot product. Clusters that stand for stories already in the
store are frozen: new articles join them, but two of them never merge. Rows may carry weights
(a row standing for a whole story counts as its articles): a cluster then keeps the weighted
sum and the mean is over weights.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from detente.stories.dates import Interval
from detente.stories.pairs import candidate_pairs


@dataclass(slots=True)
class _Cluster:
    """A cluster being built: members, their weight, summed vector, date bounds, and a change
    counter."""

    rows: list[int]
    weight: float
    index: np.ndarray
    value: np.ndarray
    latest_start: int | None
    earliest_end: int | None
    frozen: bool
    version: int = 0


def _summed(index: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A sparse vector with repeated indices added up, indices sorted."""
    unique, inverse = np.unique(index, return_inverse=True)
    return unique, np.bincount(inverse, weights=value).astype(np.float32)


def _dot(a: _Cluster, b: _Cluster) -> float:
    """Dot product of two clusters' summed vectors."""
    _, left, right = np.intersect1d(a.index, b.index, assume_unique=True, return_indices=True)
    return float(a.value[left].astype(np.float64) @ b.value[right])


def _bound(values: list[int | None], pick: type[max] | type[min]) -> int | None:
    """The max (or min) of the known values, None when none is known."""
    known = [value for value in values if value is not None]
    return pick(known) if known else None


class Agglomeration:
    """One clustering run over a working set of article vectors."""

    def __init__(
        self,
        vectors: sp.csr_matrix,
        intervals: Sequence[Interval | None],
        threshold: float,
        dated_threshold: float,
        window: int,
        weights: Sequence[float] | None = None,
    ) -> None:
        self.vectors = vectors.tocsr()
        self.vectors.sort_indices()
        if weights is not None and len(weights) != self.vectors.shape[0]:
            raise ValueError(f"{len(weights)} weights for {self.vectors.shape[0]} rows")
        self.weights = None if weights is None else np.asarray(weights, dtype=np.float32)
        self.intervals = list(intervals)
        self.threshold = threshold
        self.dated_threshold = dated_threshold
        self.window = window
        self.clusters: dict[int, _Cluster] = {}
        self.parent: dict[int, int] = {}

    def seed(self, rows: Sequence[int], frozen: bool) -> int:
        """Start a cluster holding `rows` (a stored story, or a new article); return its id."""
        if self.weights is None and len(rows) == 1:  # a view of the row: no copy, the usual case
            begin, end = self.vectors.indptr[rows[0]], self.vectors.indptr[rows[0] + 1]
            index, value = self.vectors.indices[begin:end], self.vectors.data[begin:end]
        else:
            block = self.vectors[list(rows)].tocoo()
            scale = 1.0 if self.weights is None else self.weights[list(rows)][block.row]
            index, value = _summed(block.col, block.data * scale)
        weight = len(rows) if self.weights is None else float(self.weights[list(rows)].sum())
        spans = [self.intervals[row] for row in rows]
        key = rows[0]
        self.clusters[key] = _Cluster(
            list(rows),
            weight,
            index,
            value,
            _bound([iv.start if iv else None for iv in spans], max),
            _bound([iv.end if iv else None for iv in spans], min),
            frozen,
        )
        for row in rows:
            self.parent[row] = key
        return key

    def root(self, row: int) -> int:
        """The id of the cluster a row is in now."""
        key = self.parent[row]
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def link(self, a: int, b: int) -> float | None:
        """Mean similarity of two clusters, None when they may not merge at all."""
        left, right = self.clusters[a], self.clusters[b]
        if left.frozen and right.frozen:
            return None
        late = _bound([left.latest_start, right.latest_start], max)
        early = _bound([left.earliest_end, right.earliest_end], min)
        if late is not None and early is not None and late - early > self.window:
            return None
        return _dot(left, right) / (left.weight * right.weight)

    def needed(self, a: int, b: int) -> float:
        """The similarity two clusters need: lower when both are dated (and within the window)."""
        left, right = self.clusters[a], self.clusters[b]
        dated = left.latest_start is not None and right.latest_start is not None
        return self.dated_threshold if dated else self.threshold

    def join(self, a: int, b: int) -> None:
        """Merge cluster b into cluster a unconditionally (a near-duplicate, say)."""
        left, right = self.clusters[a], self.clusters.pop(b)
        left.index, left.value = _summed(
            np.concatenate([left.index, right.index]), np.concatenate([left.value, right.value])
        )
        left.rows.extend(right.rows)
        left.weight += right.weight
        left.latest_start = _bound([left.latest_start, right.latest_start], max)
        left.earliest_end = _bound([left.earliest_end, right.earliest_end], min)
        left.frozen = left.frozen or right.frozen
        left.version += 1
        self.parent[b] = a

    def run(self, left: np.ndarray, right: np.ndarray) -> list[list[int]]:
        """Merge along the candidate pairs (rows left[k], right[k]); return each cluster's rows."""
        heap: list[tuple[float, int, int, int, int]] = []
        pushed: set[tuple[int, int, int, int]] = set()

        floor = min(self.threshold, self.dated_threshold)

        def push(a: int, b: int) -> None:
            a, b = min(a, b), max(a, b)
            stamp = (a, b, self.clusters[a].version, self.clusters[b].version)
            if stamp in pushed:
                return
            pushed.add(stamp)
            similarity = self.link(a, b)
            if similarity is not None and similarity >= floor:
                heapq.heappush(heap, (-similarity, *stamp))

        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            a, b = self.root(i), self.root(j)
            if a != b:
                push(a, b)
        while heap:
            negative, a, b, version_a, version_b = heapq.heappop(heap)
            if a not in self.clusters or b not in self.clusters:
                ra, rb = self.root(a), self.root(b)
                if ra != rb:
                    push(ra, rb)
            elif (self.clusters[a].version, self.clusters[b].version) != (version_a, version_b):
                push(a, b)
            elif -negative >= self.needed(a, b):
                # Merges come in falling order of similarity, so a pair dropped here can never
                # reach its threshold later: an undated cluster gets a date only by a merge at
                # the higher (undated) threshold, which is past by now.
                self.join(a, b)
        return [cluster.rows for cluster in self.clusters.values()]


def cluster_all(
    vectors: sp.csr_matrix,
    intervals: Sequence[Interval | None],
    threshold: float,
    dated_threshold: float,
    window: int,
) -> list[list[int]]:
    """Cluster a whole collection at once (no stored stories): the rows of each cluster."""
    clustering = Agglomeration(vectors, intervals, threshold, dated_threshold, window)
    for row in range(vectors.shape[0]):
        clustering.seed([row], frozen=False)
    floor = min(threshold, dated_threshold)
    left, right, _ = candidate_pairs(vectors, intervals, [True] * vectors.shape[0], window, floor)
    return clustering.run(left, right)
