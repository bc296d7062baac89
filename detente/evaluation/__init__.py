"""`detente eval`: each stage's scorer, found by name, and the record of scores CI holds to."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

Scores = dict[str, float | int]

# stage name -> "module:function"; each function takes the shared folder and returns scores.
SCORERS: dict[str, str] = {
    "actors": "detente.actors.evaluate:score",
    "articles": "detente.evaluation.articles:score",
    "claims": "detente.claims.evaluate:score",
    "events": "detente.events.evaluate:score",
    "quotes": "detente.quotes.evaluate:score",
    "stories": "detente.stories.evaluate:score",
}

# Measures where a smaller number is the better one (error rates, counts of mistakes).
LOWER_IS_BETTER = ("_rate", "_errors", "_outside", "_false")


def run(stage: str, shared: Path) -> Scores:
    """Scores for one stage; a ValueError names the stages there are."""
    if stage not in SCORERS:
        raise ValueError(f"unknown stage {stage!r}; choose from: {', '.join(sorted(SCORERS))}")
    module, name = SCORERS[stage].split(":")
    scorer: Callable[[Path], Scores] = getattr(import_module(module), name)
    return scorer(shared)


def lower_is_better(measure: str) -> bool:
    """Whether a smaller value of this measure is an improvement."""
    return measure.endswith(LOWER_IS_BETTER)


def is_gated(measure: str) -> bool:
    """Whether CI holds this measure: scores and rates, not raw counts of items scored."""
    return not measure.rpartition(".")[2].startswith("n_")


def load_record(path: Path) -> dict[str, Scores]:
    """The recorded scores per stage, or nothing when the file does not exist yet."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def record(path: Path, stage: str, scores: Scores) -> None:
    """Write this stage's scores into the record, keeping the other stages'."""
    recorded = load_record(path)
    recorded[stage] = scores
    path.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def regressions(recorded: Scores, scores: Scores, tolerance: float = 1e-9) -> list[str]:
    """Every gated measure that fell below (or, for error rates, rose above) its record."""
    worse = []
    for measure, before in recorded.items():
        if not is_gated(measure):
            continue
        now = scores.get(measure)
        if now is None:
            worse.append(f"{measure}: recorded {before}, now missing")
        elif lower_is_better(measure) and now > before + tolerance:
            worse.append(f"{measure}: {now} > recorded {before}")
        elif not lower_is_better(measure) and now < before - tolerance:
            worse.append(f"{measure}: {now} < recorded {before}")
    return worse
