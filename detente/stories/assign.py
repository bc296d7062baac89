"""`assign_stories`: put new articles into stored stories or new ones, without reclustering.

A call reads only what its new articles could join: the stories whose dates lie within the
window of theirs, and those holding a near-duplicate of one of them (found through the stored
LSH bands, whatever its date). Stored stories are never merged or split.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import numpy as np
import scipy.sparse as sp

from detente.articles.model import Article
from detente.store.articles import Store
from detente.store.stories import (
    StoryChanges,
    articles_by_id,
    band_matches,
    event_keys,
    members,
    reference_sample,
    save,
    stories_between,
    story_ids_of,
    unassigned,
)
from detente.stories.cluster import Agglomeration
from detente.stories.dates import interval, own_date, story_date
from detente.stories.model import Story, StoryResult
from detente.stories.neardup import Bands, NearDuplicate, judge, shingles
from detente.stories.pairs import candidate_pairs, compatible
from detente.stories.settings import Settings, settings
from detente.stories.vectorize import TfidfVectors, Vectorizer


def story_id(founder: str) -> str:
    """A story's id, fixed by the article that opened it."""
    return hashlib.sha256(f"story\x1f{founder}".encode()).hexdigest()[:20]


def assign_stories(
    store: Store,
    article_ids: Iterable[str] | None = None,
    vectorizer: Vectorizer | None = None,
) -> StoryResult:
    """Cluster the given (or all) articles without a story into stored or new stories; persist."""
    config = settings()
    new = unassigned(store, article_ids)
    if not new:
        return StoryResult(articles=0, joined=0, opened=0, near_duplicates=0)
    chosen = vectorizer or TfidfVectors(config.name_weight, config.min_df)
    return _Call(store, new, config, chosen).run()


class _Call:
    """The state of one `assign_stories` call."""

    def __init__(
        self, store: Store, new: list[Article], config: Settings, vectorizer: Vectorizer
    ) -> None:
        self.store = store
        self.new = new
        self.config = config
        self.vectorizer = vectorizer
        self.window = config.window_days
        self.sets: dict[str, np.ndarray] = {}
        self.known: dict[str, Article] = {a.id: a for a in new}
        self.bands = dict(
            zip(
                [a.id for a in new],
                Bands(config.permutations, config.band_rows).keys([self.shingles(a) for a in new]),
                strict=True,
            )
        )

    def shingles(self, article: Article) -> np.ndarray:
        """The article's shingle set, made once."""
        if article.id not in self.sets:
            self.sets[article.id] = shingles(article.text, self.config.shingle_words)
        return self.sets[article.id]

    def judge(self, later: Article, earlier: Article) -> NearDuplicate | None:
        """The pair as near-duplicates, or None."""
        return judge(
            later.id,
            earlier.id,
            self.shingles(later),
            self.shingles(earlier),
            self.config.jaccard,
            self.config.containment,
        )

    def run(self) -> StoryResult:
        """Cluster, describe the touched stories, and write everything in one transaction."""
        found = self.lsh_duplicates()
        linked = [p for p in found if self.same_time(p)]
        near_stories = story_ids_of(self.store, {p.original_id for p in linked})
        dated = stories_between(self.store, self.spans())
        story_members = members(self.store, dated | set(near_stories.values()))
        rows = [*self.new, *(a for group in story_members.values() for a in group)]
        row_of = {a.id: i for i, a in enumerate(rows)}
        reference = [
            a
            for a in reference_sample(self.store, self.config.reference_articles)
            if a.id not in row_of
        ]
        vectors = self.vectorizer.vectors(rows, reference)
        intervals = [interval(a) for a in rows]
        is_new = [i < len(self.new) for i in range(len(rows))]
        floor = min(self.config.threshold, self.config.dated_threshold)
        left, right, _ = candidate_pairs(vectors, intervals, is_new, self.window, floor)
        excerpts = self.excerpts(rows, is_new, left, right, found)
        found.extend(excerpts)
        clustering = Agglomeration(
            vectors, intervals, self.config.threshold, self.config.dated_threshold, self.window
        )
        for group in story_members.values():
            clustering.seed([row_of[a.id] for a in group], frozen=True)
        for i in range(len(self.new)):
            clustering.seed([i], frozen=False)
        for pair in sorted([*linked, *excerpts], key=lambda p: -p.jaccard):
            if pair.original_id in row_of:
                a = clustering.root(row_of[pair.original_id])
                b = clustering.root(row_of[pair.article_id])
                if a != b and clustering.link(a, b) is not None:
                    clustering.join(a, b)
        changes = StoryChanges(
            near_duplicates=[
                (p.article_id, p.original_id, p.jaccard, p.containment) for p in found
            ],
            bands=self.bands,
        )
        stored_story = {a.id: sid for sid, group in story_members.items() for a in group}
        joined = opened = 0
        for cluster in clustering.run(left, right):
            fresh = [r for r in cluster if is_new[r]]
            if not fresh:
                continue
            existing = {stored_story[rows[r].id] for r in cluster if not is_new[r]}
            if existing:
                (sid,) = existing
                joined += len(fresh)
            else:
                sid = story_id(rows[min(fresh, key=lambda r: (_day(rows[r]), r))].id)
                opened += 1
            group = [rows[r] for r in cluster]
            changes.stories.append(describe(sid, group, vectors[cluster]))
            changes.story_of.update({rows[r].id: sid for r in fresh})
            changes.dates.update(taken_dates(group))
        changes.event_keys = event_keys(self.store, changes.story_of)
        save(self.store, changes)
        return StoryResult(
            articles=len(self.new),
            joined=joined,
            opened=opened,
            near_duplicates=len(found),
            dated_ids=frozenset(changes.dates),
        )

    def excerpts(
        self,
        rows: Sequence[Article],
        is_new: Sequence[bool],
        left: np.ndarray,
        right: np.ndarray,
        found: Sequence[NearDuplicate],
    ) -> list[NearDuplicate]:
        """Near-duplicates among the similar pairs that LSH missed: excerpts, mostly.

        New rows come first, so in a pair (i < j) row j is stored unless both are new; the
        stored (or earlier) article is the original.
        """
        seen = {(p.article_id, p.original_id) for p in found}
        more = []
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            later, earlier = (rows[i], rows[j]) if not is_new[j] else (rows[j], rows[i])
            pair = self.judge(later, earlier)
            if pair and (pair.article_id, pair.original_id) not in seen:
                more.append(pair)
        return more

    def lsh_duplicates(self) -> list[NearDuplicate]:
        """Near-duplicates among LSH band matches: new vs stored, and new vs earlier new."""
        matches = band_matches(self.store, self.bands)
        for article in articles_by_id(self.store, set().union(*matches.values())):
            self.known[article.id] = article
        buckets: dict[tuple[int, int], list[int]] = {}
        candidates: set[tuple[str, str]] = set()
        for i, article in enumerate(self.new):
            for band, key in enumerate(self.bands[article.id]):
                bucket = buckets.setdefault((band, key), [])
                candidates.update((article.id, self.new[j].id) for j in bucket)
                bucket.append(i)
            candidates.update((article.id, other) for other in matches.get(article.id, ()))
        found = []
        for later, earlier in sorted(candidates):
            pair = self.judge(self.known[later], self.known[earlier])
            if pair:
                found.append(pair)
        return found

    def same_time(self, pair: NearDuplicate) -> bool:
        """Whether a near-duplicate pair's dates allow it to be one story."""
        return compatible(
            interval(self.known[pair.article_id]),
            interval(self.known[pair.original_id]),
            self.window,
        )

    def spans(self) -> list[tuple[date, date]]:
        """Merged date ranges that a stored story must meet for a new article to join it."""
        reach = timedelta(days=self.window)
        ranges = sorted(
            (date.fromordinal(iv.start) - reach, date.fromordinal(iv.end) + reach)
            for iv in map(interval, self.new)
            if iv is not None
        )
        merged: list[tuple[date, date]] = []
        for lo, hi in ranges:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return merged


def _day(article: Article) -> date:
    """The article's own date, undated last."""
    found = own_date(article)
    return found[0] if found else date.max


def describe(sid: str, group: Sequence[Article], vectors: sp.csr_matrix) -> Story:
    """The story of a cluster: its most central title, date range, outlets and members."""
    centrality = _centrality(vectors)
    titled = [i for i, a in enumerate(group) if a.title]
    title = group[max(titled, key=lambda i: (centrality[i], -i))].title if titled else None
    days = [found[0] for found in map(own_date, group) if found is not None]
    return Story(
        id=sid,
        title=title,
        first_published=min(days, default=None),
        last_published=max(days, default=None),
        article_ids=[a.id for a in group],
        outlets=sorted({a.outlet for a in group if a.outlet}),
    )


def _centrality(vectors: sp.csr_matrix) -> np.ndarray:
    """Each row's dot product with the sum of all rows, over the terms the rows use (dense
    sums over the whole vocabulary cost more than the work when a story has few articles)."""
    terms, term_of = np.unique(vectors.indices, return_inverse=True)
    totals = np.bincount(term_of, weights=vectors.data, minlength=len(terms))
    rows = np.repeat(np.arange(vectors.shape[0]), np.diff(vectors.indptr))
    return np.bincount(rows, weights=vectors.data * totals[term_of], minlength=vectors.shape[0])


def taken_dates(group: Sequence[Article]) -> dict[str, tuple[date, str]]:
    """Members without a date of their own whose stored date differs from the story's."""
    taken = story_date(group)
    if taken is None:
        return {}
    return {
        a.id: taken
        for a in group
        if own_date(a) is None and (a.published, a.published_precision) != taken
    }
