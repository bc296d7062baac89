"""EVAL.md from the recorded scores: a section per stage with its gold, its command and a table."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from detente.evaluation import is_gated, load_record, lower_is_better

STAGES = Path(__file__).resolve().parent / "data" / "stages.toml"
HEADER = """# Evaluation

Every figure below was computed by `detente eval STAGE --record EVAL.json` (all stages:
`make eval`) and written here by `python -m detente.evaluation.markdown EVAL.json > EVAL.md`.
CI (`tests/test_evaluation.py`) re-runs each stage and fails if a score falls below its recorded
value, or an error rate rises above it: a gate only ever rises.
"""


def render(record: dict[str, dict[str, float | int]]) -> str:
    """The whole EVAL.md text for these recorded scores."""
    about = tomllib.loads(STAGES.read_text(encoding="utf-8"))
    parts = [HEADER]
    for stage, scores in sorted(record.items()):
        info = about.get(stage, {})
        parts.append(f"\n## {info.get('title', stage)}\n")
        parts.append(f"Command: `detente eval {stage} --shared ../shared`\n")
        if "gold" in info:
            parts.append(f"Gold: {info['gold']}.\n")
        if "about" in info:
            parts.append(f"{info['about']}\n")
        parts.append("| measure | value | gate |\n|---|---:|---|")
        for measure, value in sorted(scores.items()):
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            gate = "" if not is_gated(measure) else ("≤" if lower_is_better(measure) else "≥")
            parts.append(f"| {measure} | {shown} | {gate} |")
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render(load_record(Path(sys.argv[1] if len(sys.argv) > 1 else "EVAL.json"))))
