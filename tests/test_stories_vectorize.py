"""Tests for detente.stories.vectorize: unit TF-IDF rows of words and names."""

from __future__ import annotations

import numpy as np
import pytest

from detente.articles.model import Article
from detente.stories.vectorize import TfidfVectors, article_text

TEXTS = [
    "Xi and Putin met in Astana before the SCO summit.",
    "Putin and Xi held talks in Astana on the eve of the SCO summit.",
    "Floods closed the port of Vladivostok for a week.",
]


def articles(texts: list[str]) -> list[Article]:
    """Articles holding these texts."""
    return [Article(id=str(i), source="t", text=text) for i, text in enumerate(texts)]


def test_rows_are_unit_length_and_similar_texts_score_higher() -> None:
    vectors = TfidfVectors(0.5, 1).vectors(articles(TEXTS))
    norms = np.sqrt(vectors.multiply(vectors).sum(axis=1)).A.ravel()
    assert norms == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)
    sims = (vectors @ vectors.T).toarray()
    assert sims[0, 1] > 0.3 > sims[0, 2]


def test_terms_in_fewer_than_min_df_articles_are_dropped() -> None:
    vectors = TfidfVectors(0.5, 2).vectors(articles(TEXTS))
    assert vectors[2].nnz == 0  # shares nothing with the others
    assert vectors[0].nnz > 0


def test_reference_articles_weigh_terms_but_get_no_row() -> None:
    own = articles(["Putin visited Harbin.", "Putin praised Astana."])
    alone = TfidfVectors(0.5, 1).vectors(own)
    reference = articles(["Putin spoke.", "Putin travelled.", "Putin signed."])
    weighed = TfidfVectors(0.5, 1).vectors(own, reference)
    assert weighed.shape[0] == 2
    assert (weighed @ weighed.T)[0, 1] < (alone @ alone.T)[0, 1]  # "Putin" is common there


def test_the_title_counts_with_the_body() -> None:
    article = Article(id="a", source="t", text="Body.", title="Headline")
    assert "Headline" in article_text(article) and "Body." in article_text(article)
    assert article_text(Article(id="b", source="t", text="Body.")) == "Body."


@pytest.mark.parametrize(("weight", "min_df"), [(1.5, 2), (-0.1, 2), (0.5, 0)])
def test_bad_parameters_are_refused(weight: float, min_df: int) -> None:
    with pytest.raises(ValueError):
        TfidfVectors(weight, min_df)
