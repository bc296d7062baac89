"""The local engine: coding in this process, or in a pool of processes on this machine."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from detente.analysis import Analyser
from detente.articles.model import Article
from detente.engines.work import Recipe, analyse_batch
from detente.pipeline import IngestSummary, ingest
from detente.sources.base import ReadOptions
from detente.store.articles import Store
from detente.store.coded import Coded


class LocalEngine:
    """Codes batches of articles here (`processes` 1) or on a pool of worker processes."""

    def __init__(self, analyser: Analyser | None, processes: int = 1) -> None:
        if processes < 1:
            raise ValueError(f"processes must be at least 1, not {processes}")
        self.analyser = analyser
        self.processes = processes

    def ingest(
        self,
        sources: list[str],
        store: Store,
        options: ReadOptions,
        on_source: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """Read and cut the sources in this process and write their articles (pipeline.ingest)."""
        return ingest(sources, store, options, on_source)

    def analyse(self, batches: Iterable[list[Article]]) -> Iterator[list[Coded]]:
        """The coded records of each batch, in the order the batches came."""
        if self.analyser is None:
            self.analyser = Analyser()
        if self.processes == 1:
            for batch in batches:
                yield list(self.analyser.analyse_many(batch))
            return
        recipe = Recipe.of(self.analyser)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.processes, mp_context=context) as pool:
            pending: deque[Future[list[Coded]]] = deque()
            for batch in batches:
                pending.append(pool.submit(analyse_batch, recipe, batch))
                if len(pending) > 2 * self.processes:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def close(self) -> None:
        """Nothing held between runs."""
