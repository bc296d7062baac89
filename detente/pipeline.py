"""Ingest: read sources, cut them into articles and write those to the store, losing nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from detente.articles import extract
from detente.articles.model import Article
from detente.sources import expand, read_one
from detente.sources.base import Document, ReadError, ReadOptions
from detente.store.articles import Store

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
        for item in read_one(source, options):
            if isinstance(item, ReadError):
                summary.errors.append(item)
                continue
            summary.documents += 1
            try:
                yield extract(item)
            except Exception as exc:  # one bad document must never stop a batch
                summary.errors.append(ReadError(_where(item), f"could not cut articles: {exc!r}"))


def _where(doc: Document) -> str:
    return f"{doc.source}#{doc.source_id}" if doc.source_id else doc.source


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions | None = None,
    on_source: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files, folders and URLs into `store`; a second run of the same inputs adds nothing."""
    summary = IngestSummary()
    sources = expand(inputs)

    def counted() -> Iterator[str]:
        for source in sources:
            yield source
            if on_source:
                on_source(source)

    pending: list[Article] = []
    for articles in articles_of(counted(), options or ReadOptions(), summary):
        pending.extend(articles)
        if len(pending) >= BATCH_ARTICLES:
            _flush(store, pending, summary)
    _flush(store, pending, summary)
    return summary


def _flush(store: Store, pending: list[Article], summary: IngestSummary) -> None:
    """Write the pending whole documents in one transaction and count what was new."""
    if not pending:
        return
    result = store.add_articles(pending)
    summary.articles += result.added
    summary.duplicates += result.duplicates
    pending.clear()
