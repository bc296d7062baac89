"""Article vectors for story clustering: a pluggable interface and the TF-IDF default."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from detente.articles.model import Article
from detente.stories.text import names, words


class Vectorizer(Protocol):
    """Turns articles into rows of unit length whose dot products are their similarities.

    `reference` articles only inform the weights (document frequencies), so that a call with
    few articles weighs words as a larger collection would. An embedding model plugs in here.
    """

    def vectors(self, articles: Sequence[Article], reference: Sequence[Article] = ()) -> sp.csr_matrix:
        """One unit-length (or all-zero) sparse row per article, in order."""
        ...


def article_text(article: Article) -> str:
    """The words clustering reads: title, then body."""
    return f"{article.title}.\n{article.text}" if article.title else article.text


class TfidfVectors:
    """TF-IDF over content words, beside TF-IDF over names and years, each part of unit length.

    The parts are joined with weights whose squares sum to one, so a dot product is the
    weighted mean of the word cosine and the name cosine. Terms found in fewer than `min_df`
    of the articles and references are dropped: they add length to a vector and nothing to
    any similarity, which made long articles look unlike everything.
    """

    def __init__(self, name_weight: float, min_df: int) -> None:
        if not 0.0 <= name_weight <= 1.0:
            raise ValueError(f"name_weight must be between 0 and 1, not {name_weight}")
        self.name_weight = name_weight
        self.min_df = min_df

    def vectors(self, articles: Sequence[Article], reference: Sequence[Article] = ()) -> sp.csr_matrix:
        """Unit rows [sqrt(1 - w) * words | sqrt(w) * names] for the articles, in order."""
        texts = [article_text(a) for a in (*articles, *reference)]
        parts = [
            np.sqrt(1.0 - self.name_weight) * self._tfidf(words, texts, len(articles)),
            np.sqrt(self.name_weight) * self._tfidf(names, texts, len(articles)),
        ]
        return sp.hstack(parts, format="csr", dtype=np.float32)

    def _tfidf(self, analyzer: Callable[[str], list[str]], texts: list[str], n: int) -> sp.csr_matrix:
        """Sublinear TF-IDF rows of the first `n` texts, weights learnt from all of them."""
        model = TfidfVectorizer(
            analyzer=analyzer, sublinear_tf=True, min_df=self.min_df, dtype=np.float32
        )
        try:
            matrix = model.fit_transform(texts)
        except ValueError:  # no term reaches min_df: nothing here is comparable
            return sp.csr_matrix((n, 0), dtype=np.float32)
        return matrix[:n]
