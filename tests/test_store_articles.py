"""Tests for detente.store.articles: idempotent, all-or-nothing writes and faithful reads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select
from store_fixtures import make_article

from detente.articles.model import Article
from detente.store.articles import AddResult, Store
from detente.store.schema import article_sources


def _sources(store: Store) -> list[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(
                article_sources.c.article_id, article_sources.c.source, article_sources.c.source_id
            )
        ).all()
    return sorted(tuple(row) for row in rows)


def test_add_counts_new_articles_and_duplicates(store: Store) -> None:
    first = [make_article("Talks opened in Beijing."), make_article("A pipeline deal was signed.")]
    assert store.add_articles(first) == AddResult(added=2, duplicates=0)
    again = [*first, make_article("Troops held joint drills.")]
    assert store.add_articles(again) == AddResult(added=1, duplicates=2)
    assert store.count("articles") == 3


def test_adding_the_same_articles_twice_changes_nothing(store: Store) -> None:
    batch = [make_article(f"Item number {n} of the digest.", position=n) for n in range(5)]
    store.add_articles(batch)
    before = (list(store.iter_articles()), _sources(store))
    assert store.add_articles(batch) == AddResult(added=0, duplicates=5)
    assert (list(store.iter_articles()), _sources(store)) == before


def test_repeats_inside_one_call_are_duplicates(store: Store) -> None:
    text = "The summit ended without a statement."
    result = store.add_articles([make_article(text), make_article(text)])
    assert result == AddResult(added=1, duplicates=1)


def test_every_copy_of_an_article_is_kept_as_a_source(store: Store) -> None:
    text = "Both ministers met in Moscow on Tuesday."
    store.add_articles([make_article(text, source="wire.html")])
    store.add_articles([make_article(text, source="feed.jsonl", source_id="r7")])
    store.add_articles([make_article(text, source="feed.jsonl", source_id="r7")])
    (stored,) = store.iter_articles()
    assert stored.source == "wire.html"
    assert _sources(store) == [
        (stored.id, "feed.jsonl", "r7"),
        (stored.id, "wire.html", ""),
    ]


def test_nothing_is_written_when_the_transaction_fails_midway(store: Store) -> None:
    store.add_articles([make_article("Already stored before the failure.")])

    def fail_on_sources(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "article_sources" in statement:
            raise RuntimeError("simulated crash after the articles insert")

    event.listen(store.engine, "before_cursor_execute", fail_on_sources)
    batch = [make_article(f"Digest item {n}.", position=n) for n in range(3)]
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.add_articles(batch)
    event.remove(store.engine, "before_cursor_execute", fail_on_sources)
    assert store.count("articles") == 1
    assert store.count("article_sources") == 1
    assert store.add_articles(batch) == AddResult(added=3, duplicates=0)


def test_every_field_round_trips(store: Store) -> None:
    long_text = ("Пекин и Москва — 北京与莫斯科 — coopération 🤝 e\u0301. " * 3000)[:100_000]
    article = Article(
        id="0123456789abcdef0123",
        source="https://example.org/новости/1",
        text=long_text,
        source_id="rec-ü-1",
        title="Путин и Си: «друзья»",
        outlet="Синьхуа 新华社",
        authors=["Анна Петрова", "李明", "O'Neil, J."],
        url="https://example.org/новости/1?x=1&y=2",
        published=date(2024, 5, 16),
        published_precision="month",
        published_basis="heading",
        position=7,
    )
    assert len(article.text) == 100_000
    store.add_articles([article])
    assert list(store.iter_articles()) == [article]


def test_empty_optional_fields_round_trip(store: Store) -> None:
    article = make_article("Only text is known.")
    store.add_articles([article])
    assert list(store.iter_articles()) == [article]


def test_articles_come_back_in_ingest_and_document_order(store: Store) -> None:
    store.add_articles(
        [make_article(f"Digest A item {n}.", "a.txt", position=n) for n in (2, 0, 1)]
    )
    store.add_articles([make_article(f"Digest B item {n}.", "b.txt", position=n) for n in (1, 0)])
    order = [(a.source, a.position) for a in store.iter_articles(batch=2)]
    assert order == [("a.txt", 0), ("a.txt", 1), ("a.txt", 2), ("b.txt", 0), ("b.txt", 1)]


def test_an_invalid_article_stops_its_call_and_loses_nothing_stored(store: Store) -> None:
    store.add_articles([make_article("Kept from an earlier call.")])
    batch = [make_article("Fine on its own."), make_article("Bad \x00 byte.", "broken.html")]
    with pytest.raises(ValueError, match=r"broken\.html.*text contains a NUL character"):
        store.add_articles(batch)
    with pytest.raises(ValueError, match="published_precision 'week'"):
        store.add_articles([make_article("Dated loosely.", published_precision="week")])
    assert [a.text for a in store.iter_articles()] == ["Kept from an earlier call."]


def test_count_names_the_valid_tables(store: Store) -> None:
    assert store.count("article_sources") == 0
    assert store.count("events") == 0
    with pytest.raises(ValueError, match="article_sources, articles"):
        store.count("widgets")


def test_empty_call_writes_nothing(store: Store) -> None:
    assert store.add_articles([]) == AddResult(added=0, duplicates=0)
    assert store.count("articles") == 0


_WRITER = textwrap.dedent(
    """
    import sys
    from detente.articles.ids import article_id
    from detente.articles.model import Article
    from detente.store.articles import Store

    url, start, stop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    added = 0
    with Store.open(url) as store:
        for low in range(start, stop, 20):
            texts = [f"Shared item {n}." for n in range(low, min(low + 20, stop))]
            batch = [Article(id=article_id(t), source=f"w{start}", text=t) for t in texts]
            added += store.add_articles(batch).added
    print(added)
    """
)


def test_two_processes_writing_overlapping_batches(db_url: str) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, db_url, str(start), str(stop)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start, stop in ((0, 600), (300, 900))
    ]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err for _, err in outputs]
    assert sum(int(out) for out, _ in outputs) == 900
    with Store.open(db_url) as store:
        assert store.count("articles") == 900
        assert store.count("article_sources") == 1200
