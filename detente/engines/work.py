"""The per-article work that an engine runs anywhere: read and cut sources, code articles.

Each function is a plain function of picklable input, so a local process pool and Dask workers
run the same code; the analyser is built once per worker process from a Recipe and kept.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field

from detente.actors.dictionary import Dictionary
from detente.actors.resolver import Resolver
from detente.analysis import Analyser, Failure
from detente.articles.model import Article
from detente.pipeline import IngestSummary, articles_of
from detente.sources.base import ReadOptions
from detente.store.coded import Coded


@dataclass(frozen=True, slots=True)
class Recipe:
    """What a worker needs to build the same analyser as the client: dictionary and options."""

    dictionary: Dictionary = field(compare=False, hash=False)
    shortcut: bool
    key: str
    """A digest of the dictionary and options: workers keep one analyser per key."""

    @classmethod
    def of(cls, analyser: Analyser) -> Recipe:
        """The recipe of an analyser built on the client."""
        dictionary = analyser.resolver.dictionary
        digest = hashlib.sha256(pickle.dumps(dictionary)).hexdigest()[:16]
        return cls(dictionary, analyser.shortcut, f"{digest}:{analyser.shortcut}")


_ANALYSERS: dict[str, Analyser] = {}


def analyser_for(recipe: Recipe) -> Analyser:
    """This process's analyser for a recipe, built on first use."""
    if recipe.key not in _ANALYSERS:
        _ANALYSERS[recipe.key] = Analyser(Resolver(recipe.dictionary), recipe.shortcut)
    return _ANALYSERS[recipe.key]


def warm(recipe: Recipe) -> None:
    """Build this worker's analyser and load its spaCy pipeline ahead of the first batch."""
    analyser_for(recipe).nlp("warm up")


def analyse_batch(recipe: Recipe, batch: list[Article]) -> list[Coded | Failure]:
    """Actors, events, quotes and claims of a batch of articles."""
    return list(analyser_for(recipe).analyse_many(batch))


def read_source(source: str, options: ReadOptions) -> tuple[list[Article], IngestSummary]:
    """The articles of one source, whole documents in order, and what reading it met."""
    summary = IngestSummary()
    found = [
        article for articles in articles_of([source], options, summary) for article in articles
    ]
    return found, summary
