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
