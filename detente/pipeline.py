"""Ingest: read sources, cut them into articles and write those to the store, losing nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.exc import DataError

from detente.articles import extract
from detente.articles.model import Article
from detente.sources import expand, read_one
from detente.sources.base import Document, ReadError, ReadOptions
from detente.store.articles import AddResult, Store

UNSTORABLE = (ValueError, DataError)
"""What the store raises for one article it cannot hold (a check failed, text it cannot encode)."""

# Articles written per transaction. A batch holds whole documents only, so a crash leaves no
# half-written document; 500 keeps the 21,578 Reuters records to ~45 commits (BENCHMARKS.md).
BATCH_ARTICLES = 500


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did: counts, and every input that failed with its reason."""

    sources: int = 0
    documents: int = 0
    articles: int = 0
    duplicates: int = 0
    errors: list[ReadError] = field(default_factory=list)


def articles_of(
    sources: Iterable[str], options: ReadOptions, summary: IngestSummary
) -> Iterator[list[Article]]:
    """The articles of each document read from `sources`, failures recorded in `summary`."""
    for source in sources:
        summary.sources += 1
        try:
            for item in read_one(source, options):
                if isinstance(item, ReadError):
                    summary.errors.append(item)
                    continue
                summary.documents += 1
                try:
                    articles = extract(item)
                except Exception as exc:  # one bad document must never stop a batch
                    problem = f"could not cut articles: {exc!r}"
                    summary.errors.append(ReadError(_where(item), problem))
                    continue
                yield articles
        except Exception as exc:  # nor may a reader's own failure: the next source goes on
            summary.errors.append(ReadError(source, f"reading stopped: {exc!r}"))


def _where(doc: Document) -> str:
    return f"{doc.source}#{doc.source_id}" if doc.source_id else doc.source


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions | None = None,
    on_source: Callable[[str], None] | None = None,
    prepare: Callable[[list[Article]], None] | None = None,
) -> IngestSummary:
    """Ingest files, folders and URLs into `store`; a second run of the same inputs adds nothing.

    `prepare`, when given, may change each document's articles before they are written.
    """
    summary = IngestSummary()
    sources = expand(inputs)

    def counted() -> Iterator[str]:
        for source in sources:
            yield source
            if on_source:
                on_source(source)

    pending: list[list[Article]] = []
    waiting = 0  # articles in `pending`
    for articles in articles_of(counted(), options or ReadOptions(), summary):
        if prepare:
            prepare(articles)
        pending.append(articles)
        waiting += len(articles)
        if waiting >= BATCH_ARTICLES:
            _flush(store, pending, summary)
            waiting = 0
    _flush(store, pending, summary)
    return summary


def _flush(store: Store, pending: list[list[Article]], summary: IngestSummary) -> None:
    """Write the pending whole documents in one transaction and count what was new.

    When the store refuses the batch, each document is written alone and the refused one named.
    """
    if not pending:
        return
    try:
        _count(summary, store.add_articles(article for document in pending for article in document))
    except UNSTORABLE:
        for document in pending:
            try:
                _count(summary, store.add_articles(document))
            except UNSTORABLE as exc:
                where = f"{document[0].source}#{document[0].source_id or document[0].position}"
                summary.errors.append(ReadError(where, f"could not store: {exc}"))
    pending.clear()


def _count(summary: IngestSummary, result: AddResult) -> None:
    """Add what one write did to the summary."""
    summary.articles += result.added
    summary.duplicates += result.duplicates
