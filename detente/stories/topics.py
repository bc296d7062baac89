"""Topics: stories grouped by the kind of happening they report, a second stage over stories.

Two happenings of one kind (two patches of one browser, two arrests of one team's players)
are apart as stories but together as a topic. A story is its centroid: the mean of its
articles' vectors, weighed more on words (what happened) than on names (who and where, which
tell the happenings apart), then made unit length. Stories merge by average linkage over
those centroids, each story counting as many times as it has articles, while the mean
similarity stays at or above a threshold. Topics span any time: dates play no part.
Topics are computed on demand from the stored stories and not stored themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from detente.store.articles import Store
from detente.store.stories import iter_stories, members, reference_sample
from detente.stories.cluster import Agglomeration
from detente.stories.pairs import candidate_pairs
from detente.stories.settings import settings
from detente.stories.vectorize import TfidfVectors


def centroids(vectors: sp.csr_matrix, stories: Sequence[Sequence[int]]) -> sp.csr_matrix:
    """One unit row per story: the normalised sum of its rows of `vectors`."""
    if any(not rows for rows in stories):
        raise ValueError("a story without articles has no centroid")
    members = np.concatenate([np.asarray(rows, dtype=np.int64) for rows in stories])
    owner = np.repeat(np.arange(len(stories)), [len(rows) for rows in stories])
    ones = np.ones(len(members), dtype=np.float32)
    assignment = sp.csr_matrix((ones, (owner, members)), shape=(len(stories), vectors.shape[0]))
    return normalize(assignment @ vectors.tocsr())


def group_topics(
    vectors: sp.csr_matrix, stories: Sequence[Sequence[int]], threshold: float
) -> list[list[int]]:
    """Stories (lists of rows of `vectors`) grouped into topics: lists of story numbers."""
    if not stories:
        return []
    rows = centroids(vectors, stories)
    undated = [None] * len(stories)
    clustering = Agglomeration(
        rows, undated, threshold, threshold, window=0, weights=[len(s) for s in stories]
    )
    for number in range(len(stories)):
        clustering.seed([number], frozen=False)
    left, right, _ = candidate_pairs(rows, undated, [True] * len(stories), 0, threshold)
    return clustering.run(left, right)


def stored_topics(store: Store, story_ids: Iterable[str] | None = None) -> list[list[str]]:
    """The stored stories (all, or these) grouped into topics: story ids, largest topic first.

    Every story is compared with every other, so this suits a selection (a dyad, a year)
    better than a whole large store. Words are weighed over the selection and the stored
    reference sample, as `assign_stories` weighs them.
    """
    config = settings()
    wanted = list(story_ids) if story_ids is not None else [s.id for s in iter_stories(store)]
    if not wanted:
        return []
    found = members(store, wanted)
    if missing := [sid for sid in wanted if sid not in found]:
        raise ValueError(f"no stored story with id {', '.join(missing[:5])}")
    order = list(found)
    rows = [article for sid in order for article in found[sid]]
    bounds = np.cumsum([0, *(len(found[sid]) for sid in order)])
    stories = [list(range(bounds[k], bounds[k + 1])) for k in range(len(order))]
    chosen = {article.id for article in rows}
    reference = [
        a for a in reference_sample(store, config.reference_articles) if a.id not in chosen
    ]
    vectors = TfidfVectors(config.topic_name_weight, config.min_df).vectors(rows, reference)
    grouped = group_topics(vectors, stories, config.topic_threshold)
    topics = [[order[number] for number in group] for group in grouped]
    return sorted(topics, key=lambda ids: (-sum(len(found[sid]) for sid in ids), min(ids)))
