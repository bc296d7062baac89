#!/usr/bin/env bash
# Lint, then the whole test suite against SQLite and a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check .
.venv/bin/ruff format --check .
DETENTE_TEST_PG=$(scripts/pg.sh start)
export DETENTE_TEST_PG
trap 'scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT
.venv/bin/pytest -q -p no:cacheprovider "$@"
