"""The Dask engine: reading and coding run on the workers of a Dask cluster, writing here.

The client (this process) hands sources and batches of articles to the workers, a bounded number
at a time, and writes what comes back to the store in whole-document transactions, so the
database need only be reachable from the client.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from detente.analysis import Analyser, Failure
from detente.articles.model import Article
from detente.engines.work import Recipe, analyse_batch, read_source
from detente.pipeline import BATCH_ARTICLES, IngestSummary
from detente.sources.base import ReadOptions
from detente.store.articles import Store
from detente.store.coded import Coded

IN_FLIGHT = 2
"""Tasks queued per worker thread: enough to keep workers busy, few enough to bound memory."""


class DaskEngine:
    """Runs the per-article stages on a Dask cluster: one at `scheduler`, else a local one."""

    def __init__(
        self,
        analyser: Analyser | None,
        scheduler: str | None = None,
        workers: int = 2,
        processes: bool = True,
    ) -> None:
        from dask.distributed import Client, LocalCluster

        self.analyser = analyser
        self.cluster: Any = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise RuntimeError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                ) from exc
        else:
            if workers < 1:
                raise ValueError(f"workers must be at least 1, not {workers}")
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            self.client = Client(self.cluster)

    @property
    def slots(self) -> int:
        """Tasks kept in flight: IN_FLIGHT per worker thread of the cluster."""
        threads = sum(self.client.nthreads().values())
        return IN_FLIGHT * max(1, threads)

    def _ordered(self, calls: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
        """The results of `submit(*call)` for each call, in order, a bounded number in flight."""
        pending: deque[Any] = deque()
        for call in calls:
            pending.append(self.client.submit(*call, pure=False))
            if len(pending) >= self.slots:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def ingest(
        self,
        sources: list[str],
        store: Store,
        options: ReadOptions,
        on_source: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """Read and cut each source on a worker; write the articles here, whole documents."""
        from detente.sources import expand

        summary = IngestSummary()
        pending: list[Article] = []
        paths = expand(sources)
        for path, (articles, part) in zip(
            paths, self._ordered((read_source, path, options) for path in paths), strict=True
        ):
            summary.sources += part.sources
            summary.documents += part.documents
            summary.errors.extend(part.errors)
            pending.extend(articles)
            if len(pending) >= BATCH_ARTICLES:
                _flush(store, pending, summary)
            if on_source:
                on_source(path)
        _flush(store, pending, summary)
        return summary

    def analyse(self, batches: Iterable[list[Article]]) -> Iterator[list[Coded | Failure]]:
        """The coded records of each batch, coded on the workers, in the order given."""
        if self.analyser is None:
            raise ValueError("this engine was opened without an analyser: it only reads")
        recipe = self.client.scatter(Recipe.of(self.analyser), broadcast=True)
        yield from self._ordered((analyse_batch, recipe, batch) for batch in batches)

    def close(self) -> None:
        """Disconnect, and shut the local cluster down if this engine started one."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _flush(store: Store, pending: list[Article], summary: IngestSummary) -> None:
    """Write the pending whole documents in one transaction and count what was new."""
    if not pending:
        return
    result = store.add_articles(pending)
    summary.articles += result.added
    summary.duplicates += result.duplicates
    pending.clear()
