#!/usr/bin/env bash
# Score every stage against ../shared (or $DETENTE_SHARED), record the scores, rewrite EVAL.md.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DETENTE_SHARED:-../shared}
stages=${*:-$(.venv/bin/python -c 'from detente.evaluation import SCORERS; print(*SCORERS)')}
for stage in $stages; do
    .venv/bin/detente eval "$stage" --shared "$shared" --record EVAL.json
done
.venv/bin/python -m detente.evaluation.markdown EVAL.json > EVAL.md
