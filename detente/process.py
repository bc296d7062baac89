"""The whole batch job over a store: ingest, then code what is new, then group it into stories."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from detente.analysis import Analyser, code_store
from detente.engines import Engine
from detente.engines.local import LocalEngine
from detente.pipeline import IngestSummary
from detente.sources.base import ReadError, ReadOptions
from detente.store.articles import Store
from detente.store.coded import forget_coded
from detente.store.stories import key_events
from detente.stories.assign import assign_stories
from detente.stories.model import StoryResult
from detente.stories.vectorize import Vectorizer


@dataclass(slots=True)
class RunSummary:
    """What one run did at each stage."""

    ingest: IngestSummary
    coded: int = 0
    stories: StoryResult | None = None


class Progress(Protocol):
    """What a front end gives to follow a run stage by stage."""

    def start(self, stage: str, total: int | None) -> None:
        """A stage begins with `total` items (None when unknown)."""

    def advance(self, stage: str, done: int, label: str = "") -> None:
        """`done` more items of the stage are finished."""


class Quiet:
    """A run followed by no one."""

    def start(self, stage: str, total: int | None) -> None:
        """Nothing to show."""

    def advance(self, stage: str, done: int, label: str = "") -> None:
        """Nothing to show."""


def run(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions | None = None,
    analyser: Analyser | None = None,
    progress: Progress | None = None,
    code: bool = True,
    engine: Engine | None = None,
    vectorizer: Vectorizer | None = None,
) -> RunSummary:
    """Ingest `inputs`, code every uncoded article and assign stories; idempotent.

    The `engine` (else this process) reads and codes; the store is written here either way.
    Stories compare articles with `vectorizer` (else TF-IDF).
    """
    follow = progress or Quiet()
    sources = list(inputs)
    work = engine or LocalEngine(analyser)
    try:
        return _run(sources, store, options, analyser, follow, code, work, vectorizer)
    finally:
        if engine is None:
            work.close()


def _run(
    sources: list[str],
    store: Store,
    options: ReadOptions | None,
    analyser: Analyser | None,
    follow: Progress,
    code: bool,
    work: Engine,
    vectorizer: Vectorizer | None,
) -> RunSummary:
    """The stages of `run` on an engine the caller closes."""
    follow.start("read", len(sources))
    summary = RunSummary(
        work.ingest(
            sources, store, options or ReadOptions(), lambda s: follow.advance("read", 1, s)
        )
    )
    if not code:
        return summary
    return code_and_group(summary, store, analyser, follow, work, vectorizer)


def code_and_group(
    summary: RunSummary,
    store: Store,
    analyser: Analyser | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
    vectorizer: Vectorizer | None = None,
) -> RunSummary:
    """The stages after ingest: code every uncoded article, then assign stories; a failure to
    code an article is added to the summary's errors."""
    follow = progress or Quiet()
    summary.coded = code_store(
        store,
        analyser,
        on_start=lambda total: follow.start("code", total),
        on_done=lambda n: follow.advance("code", n),
        engine=engine,
        on_failure=lambda failed: summary.ingest.errors.append(
            ReadError(f"article {failed.article_id}", f"could not code: {failed.error}")
        ),
    )
    follow.start("stories", None)
    summary.stories = assign_stories(store, vectorizer=vectorizer)
    recode = summary.coded > summary.stories.articles
    if summary.stories.dated and forget_coded(store.engine, summary.stories.dated_ids):
        # articles that took their story's date are coded again, so their events are dated
        code_store(store, analyser, engine=engine)
        recode = True
    if recode:
        # articles coded again (a new coder version, a new date) keep their story: re-key
        key_events(store)
    follow.advance("stories", summary.stories.articles)
    return summary
