"""The per-article work shipped to workers: recipes, batches and sources."""

from __future__ import annotations

import pickle

from conftest import FIXTURES

from detente.analysis import Analyser
from detente.articles.model import Article
from detente.engines.work import Recipe, analyse_batch, analyser_for, read_source
from detente.sources.base import ReadOptions


def test_recipe_travels_and_builds_one_analyser_per_key() -> None:
    recipe = Recipe.of(Analyser(shortcut=True))
    copy = pickle.loads(pickle.dumps(recipe))
    assert copy.key == recipe.key and copy.key.endswith(":True")
    assert analyser_for(copy) is analyser_for(recipe)
    assert analyser_for(copy).shortcut is True


def test_analyse_batch_codes_each_article() -> None:
    path = FIXTURES / "engines" / "protest.txt"
    batch = [Article(id="a", source=str(path), text=path.read_text())]
    coded = analyse_batch(Recipe.of(Analyser()), batch)
    assert [c.article_id for c in coded] == ["a"]
    assert coded[0].events


def test_read_source_counts_and_reports() -> None:
    found, summary = read_source(str(FIXTURES / "engines" / "talks.txt"), ReadOptions())
    assert len(found) == 1 and found[0].title == "Russia and China sign energy deal"
    assert summary.documents == 1 and not summary.errors
    missing, failed = read_source(str(FIXTURES / "engines" / "absent.txt"), ReadOptions())
    assert not missing and failed.errors
