"""Full-text search over article titles and texts and quotes: FTS5 or PostgreSQL text search."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from detente.api.params import Page
from detente.api.queries import paged
from detente.store.schema import articles, quotes

Row = dict[str, Any]
SNIPPET_CHARS = 160  # characters shown around the first match; about two lines of a result list
_WORD = re.compile(r"\w+", re.UNICODE)
VECTOR = "search_vector"
"""PostgreSQL: the stored tsvector column that migration 0005 adds to articles and quotes."""

search_docs = table("search_docs", column("id"), column("kind"), column("ref"))
search_fts = table("search_fts", column("rowid"), column("rank"))


def terms(query_text: str) -> list[str]:
    """The words of a query; punctuation and operators are dropped, as plainto_tsquery does."""
    return _WORD.findall(query_text)


def fts5_query(words: list[str]) -> str:
    """An FTS5 query requiring every word, each quoted so no word is read as an operator."""
    return " ".join('"{}"'.format(word.replace('"', '""')) for word in words)


def search(conn: Connection, query_text: str, page: Page) -> Row:
    """Articles and quotes matching every word of the query, best first, with a snippet each."""
    words = terms(query_text)
    if not words:
        return {"total": 0, "limit": page.limit, "offset": page.offset, "items": []}
    query = _sqlite(words) if conn.dialect.name == "sqlite" else _postgres(" ".join(words))
    result = paged(conn, query, page)
    result["items"] = [_hit(row, words) for row in result["items"]]
    return result


def _columns(kind: str) -> list[ColumnElement[Any]]:
    """What a hit shows, for articles or quotes, under common labels."""
    if kind == "article":
        return [
            literal("article").label("kind"),
            articles.c.id.label("id"),
            articles.c.id.label("article_id"),
            articles.c.title.label("title"),
            articles.c.outlet.label("outlet"),
            articles.c.published.label("published"),
            articles.c.text.label("text"),
        ]
    return [
        literal("quote").label("kind"),
        quotes.c.id.label("id"),
        quotes.c.article_id.label("article_id"),
        articles.c.title.label("title"),
        articles.c.outlet.label("outlet"),
        articles.c.published.label("published"),
        quotes.c.text.label("text"),
    ]


def _sqlite(words: list[str]) -> Select[Any]:
    """The FTS5 query: the mapping table gives each hit's kind and row id."""
    match = (
        select(search_docs.c.kind, search_docs.c.ref, search_fts.c.rank.label("rank"))
        .select_from(search_fts)
        .join(search_docs, search_docs.c.id == search_fts.c.rowid)
        .where(text("search_fts MATCH :terms").bindparams(terms=fts5_query(words)))
        .subquery()
    )
    found_articles = select(*_columns("article"), match.c.rank).join(
        match, (match.c.ref == articles.c.id) & (match.c.kind == "article")
    )
    found_quotes = (
        select(*_columns("quote"), match.c.rank)
        .select_from(quotes)
        .join(articles, articles.c.id == quotes.c.article_id)
        .join(match, (match.c.ref == quotes.c.id) & (match.c.kind == "quote"))
    )
    both = union_all(found_articles, found_quotes).subquery()
    return select(both).order_by(both.c.rank, both.c.kind, both.c.id)


def _postgres(words_text: str) -> Select[Any]:
    """The PostgreSQL query over the stored text vectors of migration 0005."""
    query = func.plainto_tsquery("english", words_text)
    article_doc = literal_column(f"articles.{VECTOR}")
    quote_doc = literal_column(f"quotes.{VECTOR}")
    found_articles = select(
        *_columns("article"), (-func.ts_rank(article_doc, query)).label("rank")
    ).where(article_doc.op("@@")(query))
    found_quotes = (
        select(*_columns("quote"), (-func.ts_rank(quote_doc, query)).label("rank"))
        .select_from(quotes)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(quote_doc.op("@@")(query))
    )
    both = union_all(found_articles, found_quotes).subquery()
    return select(both).order_by(both.c.rank, both.c.kind, both.c.id)


def _hit(row: Row, words: list[str]) -> Row:
    """A result row with a snippet of its text around the first matched word instead of the text."""
    body = row.pop("text") or ""
    lowered = body.lower()
    places = [lowered.find(word.lower()) for word in words]
    first = min((p for p in places if p >= 0), default=0)
    start = max(0, first - SNIPPET_CHARS // 2)
    end = min(len(body), start + SNIPPET_CHARS)
    row["snippet"] = ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")
    return row
