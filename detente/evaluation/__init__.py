"""`detente eval`: each stage's scorer, found by name, run against ../shared or our own gold."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

Scores = dict[str, float | int]

# stage name -> "module:function"; each function takes the shared folder and returns scores.
SCORERS: dict[str, str] = {
    "articles": "detente.evaluation.articles:score",
}


def run(stage: str, shared: Path) -> Scores:
    """Scores for one stage; a ValueError names the stages there are."""
    if stage not in SCORERS:
        raise ValueError(f"unknown stage {stage!r}; choose from: {', '.join(sorted(SCORERS))}")
    module, name = SCORERS[stage].split(":")
    scorer: Callable[[Path], Scores] = getattr(import_module(module), name)
    return scorer(shared)
