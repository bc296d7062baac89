"""Article vectors for story clustering: a pluggable interface and the TF-IDF default."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from detente.articles.model import Article
from detente.stories.text import terms

HASHED_FEATURES = 2**20  # ECB+ scores equal 2**24 (no collisions that matter); 2**18 loses 0.02
CHUNK = 2000  # articles tokenised at a time, so only their term lists are held at once
_HASHING = HashingVectorizer(
    analyzer=list, n_features=HASHED_FEATURES, alternate_sign=False, norm=None, dtype=np.float32
)
"""Term lists to counts in hashed columns: no vocabulary to hold."""


class Vectorizer(Protocol):
    """Turns articles into rows of unit length whose dot products are their similarities.

    `reference` articles only inform the weights (document frequencies), so that a call with
    few articles weighs words as a larger collection would. An embedding model plugs in here.
    """

    def vectors(
        self, articles: Sequence[Article], reference: Sequence[Article] = ()
    ) -> sp.csr_matrix:
        """One unit-length (or all-zero) sparse row per article, in order."""
        ...


def article_text(article: Article) -> str:
    """The words clustering reads: title, then body."""
    return f"{article.title}.\n{article.title}.\n{article.text}" if article.title else article.text


class TfidfVectors:
    """TF-IDF over words and word pairs, beside TF-IDF over names and years.

    Each part has unit length and they are joined with weights whose squares sum to one, so a
    dot product is the weighted mean of the word cosine and the name cosine. Terms found in
    fewer than `min_df` of the articles and references are dropped: they add length to a vector
    and nothing to any similarity, which made long articles look unlike everything.
    """

    def __init__(self, name_weight: float, min_df: int) -> None:
        if not 0.0 <= name_weight <= 1.0:
            raise ValueError(f"name_weight must be between 0 and 1, not {name_weight}")
        if min_df < 1:
            raise ValueError(f"min_df must be at least 1, not {min_df}")
        self.name_weight = name_weight
        self.min_df = min_df

    def vectors(
        self, articles: Sequence[Article], reference: Sequence[Article] = ()
    ) -> sp.csr_matrix:
        """Unit rows [sqrt(1 - w) * words | sqrt(w) * names] for the articles, in order."""
        everything = [*articles, *reference]
        word_counts, name_counts = [], []
        for first in range(0, len(everything), CHUNK):
            found = [terms(article_text(a)) for a in everything[first : first + CHUNK]]
            word_counts.append(_HASHING.transform([t[0] for t in found]))
            name_counts.append(_HASHING.transform([t[1] for t in found]))
        parts = [
            np.sqrt(1.0 - self.name_weight) * self._tfidf(word_counts, len(articles)),
            np.sqrt(self.name_weight) * self._tfidf(name_counts, len(articles)),
        ]
        return sp.hstack(parts, format="csr", dtype=np.float32)

    def _tfidf(self, chunks: list[sp.csr_matrix], n: int) -> sp.csr_matrix:
        """Unit rows of sublinear TF-IDF for the first `n` rows of the term counts; document
        frequencies from all rows."""
        counts = sp.vstack(chunks, format="csr")
        df = np.bincount(counts.indices, minlength=HASHED_FEATURES)
        idf = np.log((1.0 + counts.shape[0]) / (1.0 + df)) + 1.0
        rows = counts[:n]
        weights = (1.0 + np.log(rows.data)) * idf[rows.indices]
        rows.data = np.where(df[rows.indices] >= self.min_df, weights, 0.0).astype(np.float32)
        rows.eliminate_zeros()
        return normalize(rows)
