"""Where the per-article stages run: here (local, one process or a pool) or on a Dask cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from detente.analysis import Analyser, Failure
from detente.articles.model import Article
from detente.pipeline import IngestSummary
from detente.sources.base import ReadOptions
from detente.store.articles import Store
from detente.store.coded import Coded

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Runs reading and coding somewhere; the store is written by the caller's process."""

    def ingest(
        self,
        sources: list[str],
        store: Store,
        options: ReadOptions,
        on_source: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """Read and cut `sources` and write their articles to `store`."""

    def analyse(self, batches: Iterable[list[Article]]) -> Iterator[list[Coded | Failure]]:
        """The coded records of each batch of articles, in the order given."""

    def close(self) -> None:
        """Release workers and connections."""


def open_engine(
    kind: str,
    analyser: Analyser | None,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Engine:
    """The engine `kind` (local or dask); `workers` processes (local) or local Dask workers."""
    if kind == "local":
        from detente.engines.local import LocalEngine

        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return LocalEngine(analyser, workers or 1)
    if kind == "dask":
        from detente.engines.dask import DaskEngine

        return DaskEngine(analyser, scheduler, workers or 2)
    raise ValueError(f"unknown engine {kind!r}: use one of {', '.join(ENGINES)}")
