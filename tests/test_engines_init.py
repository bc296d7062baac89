"""Choosing an engine by name, with clear errors for what cannot work."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from detente.cli import app
from detente.engines import open_engine
from detente.engines.local import LocalEngine


def test_local_engine_with_workers() -> None:
    engine = open_engine("local", None, workers=2)
    assert isinstance(engine, LocalEngine)
    assert engine.processes == 2


def test_unknown_engine_is_named() -> None:
    with pytest.raises(ValueError, match="'spark'"):
        open_engine("spark", None)


def test_scheduler_needs_dask() -> None:
    with pytest.raises(ValueError, match="--engine dask"):
        open_engine("local", None, scheduler="tcp://127.0.0.1:8786")


def test_ingest_names_a_bad_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["ingest", str(FIXTURES / "engines"), "--db", str(tmp_path / "x.db"), "--engine", "spark"],
    )
    assert result.exit_code == 2
    assert "unknown engine 'spark'" in result.output
