"""Shared test fixtures: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_fixtures import db_url, store  # noqa: F401  (fixtures for the storage tests)

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DETENTE_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder, or a skip that says it is missing."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared not found at {SHARED} (set DETENTE_SHARED to point at it)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with ../shared/seeds ingested, coded and grouped once per test session."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared not found at {SHARED} (set DETENTE_SHARED to point at it)")
    from detente.process import run
    from detente.store.articles import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    with Store.open(url) as found:
        summary = run([str(SHARED / "seeds")], found)
    assert not summary.ingest.errors, summary.ingest.errors
    return url
