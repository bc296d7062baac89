"""The local engine: coding in this process, or in a pool of processes on this machine."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from detente.analysis import Analyser, Failure
from detente.articles.model import Article
from detente.engines.work import Recipe, analyse_batch, warm
from detente.pipeline import IngestSummary, ingest
from detente.sources.base import ReadOptions
from detente.store.articles import Store
from detente.store.coded import Coded


def _start_method() -> BaseContext:
    """How worker processes start: forked on Linux from a process with one thread, so they
    inherit the libraries already loaded here, as spaCy's own `n_process` does (1.2 s of CPU
    for two workers where spawning them took 7 s: spaCy, PyTorch and the dictionaries are
    imported afresh); spawned elsewhere, where forking is unsafe."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class LocalEngine:
    """Codes batches of articles here (`processes` 1) or on a pool of worker processes."""

    def __init__(self, analyser: Analyser | None, processes: int = 1) -> None:
        if processes < 1:
            raise ValueError(f"processes must be at least 1, not {processes}")
        self.analyser = analyser
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._recipe: Recipe | None = None

    def _start(self) -> tuple[ProcessPoolExecutor, Recipe]:
        """The worker pool, started on first use with each worker building its analyser."""
        if self.analyser is None:
            self.analyser = Analyser()
        if self._pool is None or self._recipe is None:
            self._recipe = Recipe.of(self.analyser)
            self._pool = ProcessPoolExecutor(self.processes, mp_context=_start_method())
            for _ in range(self.processes):
                self._pool.submit(warm, self._recipe)
        return self._pool, self._recipe

    def ingest(
        self,
        sources: list[str],
        store: Store,
        options: ReadOptions,
        on_source: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """Read and cut the sources in this process and write their articles (pipeline.ingest),
        while a pool of workers, if any, loads its models."""
        if self.processes > 1 and self.analyser is not None:
            self._start()
        return ingest(sources, store, options, on_source)

    def analyse(self, batches: Iterable[list[Article]]) -> Iterator[list[Coded | Failure]]:
        """The coded records of each batch, in the order the batches came."""
        if self.processes == 1:
            analyser = self.analyser = self.analyser or Analyser()
            for batch in batches:
                yield list(analyser.analyse_many(batch))
            return
        pool, recipe = self._start()
        pending: deque[Future[list[Coded | Failure]]] = deque()
        for batch in batches:
            pending.append(pool.submit(analyse_batch, recipe, batch))
            if len(pending) > 2 * self.processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        """Stop the worker pool, if one was started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
