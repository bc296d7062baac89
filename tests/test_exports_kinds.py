"""Tests for detente.exports.kinds: the article kind's columns and rows."""

from __future__ import annotations

from datetime import date

from store_fixtures import DESIGN_ARTICLE_KEYS, make_article

from detente.exports.kinds import ARTICLE_SCHEMA, KINDS, article_rows
from detente.store.articles import Store


def test_article_columns_are_the_design_keys_plus_the_date_basis() -> None:
    assert set(ARTICLE_SCHEMA.names) == {*DESIGN_ARTICLE_KEYS, "published_basis"}
    assert KINDS["article"].schema == ARTICLE_SCHEMA


def test_article_rows_carry_every_column_in_order(store: Store) -> None:
    article = make_article(
        "Gas flows rose.",
        source="feed.jsonl",
        source_id="r1",
        authors=["A. Writer"],
        published=date(2023, 3, 1),
        published_precision="month",
    )
    store.add_articles([article, make_article("Second item.", source="feed.jsonl", position=1)])
    rows = list(article_rows(store, batch=1))
    assert [list(row) for row in rows] == [ARTICLE_SCHEMA.names] * 2
    assert rows[0] | {"text": None} == {
        "id": article.id,
        "source": "feed.jsonl",
        "source_id": "r1",
        "title": None,
        "outlet": None,
        "authors": ["A. Writer"],
        "url": None,
        "published": date(2023, 3, 1),
        "published_precision": "month",
        "published_basis": None,
        "text": None,
        "story_id": None,
    }
    assert rows[1]["text"] == "Second item."
