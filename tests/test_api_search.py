"""Full-text search: FTS5 kept in sync by triggers, words only (no query syntax)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fixtures.desk.store import DeskStore, build
from sqlalchemy import delete, update
from store_fixtures import make_article

from detente.api import create_app
from detente.api.search import fts5_query, terms
from detente.store.articles import Store
from detente.store.db import writing
from detente.store.schema import articles, quotes


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskStore]:
    built = build(tmp_path)
    yield built
    built.store.close()


def hits(client: TestClient, q: str) -> list[tuple[str, str]]:
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 200, response.text
    return [(item["kind"], item["id"]) for item in response.json()["items"]]


def test_search_finds_articles_and_quotes_and_follows_changes(desk: DeskStore) -> None:
    client = TestClient(create_app(desk.url))
    assert hits(client, "blogger") == [("article", desk.articles["dispute"])]
    assert {kind for kind, _ in hits(client, "deepen ties")} == {"quote", "article"}
    assert hits(client, "blogger snow") == []  # every word must match
    assert hits(client, 'blogger" OR "snow') == []  # quotes and operators are plain words
    result = client.get("/api/search", params={"q": "travel blogger"}).json()["items"][0]
    assert "travel blogger" in result["snippet"] and "text" not in result
    with writing(desk.store.engine) as conn:
        conn.execute(
            update(articles)
            .where(articles.c.id == desk.articles["weather"])
            .values(text="A blizzard hit.")
        )
        conn.execute(delete(quotes))
        conn.execute(delete(articles).where(articles.c.id == desk.articles["dispute"]))
    assert hits(client, "blogger") == []
    assert hits(client, "blizzard") == [("article", desk.articles["weather"])]
    assert hits(client, "heavy snow") == []
    assert [kind for kind, _ in hits(client, "deepen")] == ["article"]


def test_query_words_are_quoted_for_fts5() -> None:
    assert terms('Xi-Putin "call" OR NEAR(') == ["Xi", "Putin", "call", "OR", "NEAR"]
    assert fts5_query(["OR", "a"]) == '"OR" "a"'


def test_search_on_each_backend_follows_inserts_and_edits(store: Store) -> None:
    first = make_article("Chinese and Russian warships held joint drills near Japan.", "a.txt")
    second = make_article("A blogger was refused entry at the border crossing.", "b.txt")
    store.add_articles([first, second])
    client = TestClient(create_app(store.engine.url.render_as_string(hide_password=False)))
    assert hits(client, "warships drills") == [("article", first.id)]
    assert hits(client, "refused entry") == [("article", second.id)]
    with writing(store.engine) as conn:
        conn.execute(update(articles).where(articles.c.id == first.id).values(text="Snow fell."))
    assert hits(client, "warships") == []
    assert hits(client, "snow") == [("article", first.id)]
